"""Tag changes at 100,000 contacts: tag every contact at once, its undo and redo, renaming a
tag every contact has and its undo; each a median of --runs rounds.

Run:  .venv/bin/python tests/bench/bench_tags.py [--contacts N] [--data-dir DIR] [--runs 3]
      (DIR, /tmp/bench-tags by default, is filled like bench_stalls.py's fill() and reused
      when it already holds N contacts; every round leaves it as it found it)

The steps run through a plain Runner (no window, no worker), so the figures are each step's
whole cost; in the window the same steps run in a worker with progress and Cancel. The
machine is shared with other jobs: figures are noisy, compare medians of the same run only.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

STEPS = ("tag all", "undo tag all", "redo tag all", "rename on all", "undo rename")


def one_round(runner, tags, ids: list[int]) -> dict[str, float]:  # noqa: ANN001
    from netdesk.actions import tags as tag_actions

    # AddTag until the two were folded into one command with a direction (TagContacts).
    tag = getattr(tag_actions, "TagContacts", None)
    add = (lambda: tag(tags, "bench bulk", ids)) if tag else (
        lambda: tag_actions.AddTag(tags, "bench bulk", ids))
    steps = {
        "tag all": lambda: runner.run(add()),
        "undo tag all": runner.undo,
        "redo tag all": runner.redo,
        "rename on all": lambda: runner.run(
            tag_actions.RenameTag(tags, "bench bulk", "bench renamed")),
        "undo rename": runner.undo,
    }
    out = {}
    for name in STEPS:
        t0, c0 = time.perf_counter(), time.process_time()
        outcome = steps[name]()
        out[name] = time.perf_counter() - t0
        out[f"{name} (CPU)"] = time.process_time() - c0
        assert outcome.ok, f"{name}: {outcome.message}"
    assert runner.undo().ok  # the tag goes again: the next round starts from the same store
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument("--data-dir", type=Path, default=Path("/tmp/bench-tags"))
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    from bench_stalls import fill

    import netdesk
    from netdesk.actions import Runner
    from netdesk.services.contacts import ContactService
    from netdesk.services.tags import TagService
    from netdesk.store.db import open_database

    print(f"code: {Path(netdesk.__file__).parent}", flush=True)
    args.data_dir.mkdir(parents=True, exist_ok=True)
    if (args.data_dir / "netdesk.sqlite3").exists():
        t0 = time.perf_counter()
        open_database(args.data_dir).dispose()  # migrates an older store: timed
        print(f"open (and migrate) {time.perf_counter() - t0:.1f} s", flush=True)
    fill(args.data_dir, args.contacts)
    db = open_database(args.data_dir)
    contacts, tags, runner = ContactService(db), TagService(db), Runner()
    ids = contacts.search_ids("")
    rounds = []
    for i in range(args.runs):
        rounds.append(one_round(runner, tags, ids))
        print(f"round {i + 1}: " + ", ".join(f"{k} {v:.1f} s" for k, v in rounds[-1].items()),
              flush=True)
    # CPU time of this process (SQLite runs in it) is far less disturbed by the other jobs
    # of a shared machine than the wall clock.
    print(f"{len(ids):,} contacts, median of {args.runs} (noisy shared machine):")
    for name in STEPS:
        wall, cpu = ([r[key] for r in rounds] for key in (name, f"{name} (CPU)"))
        print(f"  {name:<14} {statistics.median(wall):7.2f} s wall (min {min(wall):.2f}, max "
              f"{max(wall):.2f})   {statistics.median(cpu):7.2f} s CPU")
    contacts.close()
    db.dispose()


if __name__ == "__main__":
    main()
