"""Tag changes at 100,000 contacts: bulk add/remove of one tag on every contact, rename,
delete, each with its undo (run: python -m tests.bench.bench_tags [--contacts N]).

Each step is one statement per batch (json_each / executemany), so the time grows with the
number of contacts but stays a few seconds at most; the figures are noisy on a shared
machine: report medians of --repeat runs."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from netdesk.actions import Runner
from netdesk.actions.tags import AddTag, DeleteTag, RemoveTag, RenameTag
from netdesk.services.contacts import ContactService
from netdesk.services.tags import TagService
from netdesk.store.db import open_database
from tests.bench.bench_store import fill, generate


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="netdesk-bench-tags-"))
    fill(data_dir, generate(args.contacts))
    db = open_database(data_dir)
    contacts, tags, runner = ContactService(db), TagService(db), Runner()
    ids = contacts.search_ids("")
    steps = [("add tag to all", lambda: runner.run(AddTag(tags, "bulk", ids))),
             ("undo add", runner.undo), ("redo add", runner.redo),
             ("rename", lambda: runner.run(RenameTag(tags, "bulk", "massive"))),
             ("undo rename", runner.undo), ("redo rename", runner.redo),
             ("remove from all", lambda: runner.run(RemoveTag(tags, "massive", ids))),
             ("undo remove", runner.undo),
             ("delete tag", lambda: runner.run(DeleteTag(tags, "massive"))),
             ("undo delete", runner.undo)]
    times: dict[str, list[float]] = {name: [] for name, _ in steps}
    for _ in range(args.repeat):
        for name, step in steps:
            t0 = time.perf_counter()
            outcome = step()
            times[name].append(time.perf_counter() - t0)
            assert outcome.ok, outcome.message
        runner.undo()  # leave no tag behind for the next round
    print(f"{args.contacts:,} contacts, median of {args.repeat}:")
    for name, values in times.items():
        print(f"  {name:<18} {statistics.median(values) * 1000:8.0f} ms")
    contacts.close()
    db.dispose()


if __name__ == "__main__":
    main()
