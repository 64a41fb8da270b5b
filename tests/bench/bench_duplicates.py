"""Duplicate finder benchmark: a store of N contacts with 3% planted duplicates.

Run:  .venv/bin/python tests/bench/bench_duplicates.py [--contacts 100000] [--repeat 3]
Fills a fresh migrated store (tests/helpers/planted.py: the planted mix and the traps are
described there), then runs the whole finder as the GUI/CLI would (DuplicateService.pairs:
read the store through sqlite3, build keys, block, score) --repeat times, each with cold
caches, and prints the median time, candidate pairs per contact and precision and recall of
each tier against the planted truth. Also times phone search in three formats.
Done-when (issue 13): < 10 s, same-tier precision >= 0.98, recall >= 0.85.
Not a test: figures go into issue notes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from netdesk.dedupe.finder import TIERS
from netdesk.dedupe.phones import e164
from netdesk.domain import matching
from netdesk.services.contacts import ContactService
from netdesk.services.duplicates import DuplicateService
from netdesk.store.contacts import ContactRepository
from netdesk.store.db import open_database
from tests.helpers.planted import planted_book


def _clear_caches() -> None:
    e164.cache_clear()
    matching._name_from.cache_clear()
    matching.normalise_email.cache_clear()
    matching.normalise_phone.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()

    book = planted_book(args.contacts, seed=args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        database = open_database(Path(tmp))
        start = time.perf_counter()
        with database.engine.begin() as conn:
            ids = ContactRepository(conn).add_many(book.contacts)
        print(f"filled {len(ids):,} contacts in {time.perf_counter() - start:.1f} s")
        truth = {(ids[a], ids[b]) for a, b in book.truth}
        service = DuplicateService(database, region="DE")
        times, cpu, pairs = [], [], []
        for _ in range(args.repeat):
            _clear_caches()
            start, start_cpu = time.perf_counter(), time.process_time()
            pairs = service.pairs()
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        # CPU time too: on a shared machine the wall clock counts other processes' turns.
        print(
            f"finder (read + keys + blocking + scoring): median {statistics.median(times):.2f} s "
            f"wall, {statistics.median(cpu):.2f} s CPU (wall runs: "
            f"{', '.join(f'{t:.2f}' for t in times)})"
        )
        candidates = service.finder.candidate_pairs
        print(
            f"planted duplicate pairs: {len(truth):,}; candidate pairs after blocking: "
            f"{candidates:,} ({candidates / len(ids):.3f} per contact); pairs found: "
            f"{len(pairs):,} ({len(pairs) / len(ids):.3f} per contact)"
        )
        for tier in TIERS:
            found = {(p.first_id, p.second_id) for p in pairs if p.tier == tier}
            hits = len(found & truth)
            precision = hits / len(found) if found else float("nan")
            print(
                f"  {tier:<6} pairs {len(found):>6,}  precision {precision:.3f}  "
                f"recall {hits / len(truth):.3f}"
            )
        found_any = {(p.first_id, p.second_id) for p in pairs}
        print(f"  any tier recall {len(found_any & truth) / len(truth):.3f}")

        contacts = ContactService(database)
        stored = next(p.value for c in book.contacts for p in c.phones if p.value.startswith("+"))
        digits = "".join(ch for ch in stored if ch.isdigit())
        national = "0" + digits[2:]
        for typed in (stored, national, "00" + digits):
            runs = []
            for _ in range(7):
                start = time.perf_counter()
                found = contacts.matching_ids(typed) or set()
                runs.append(time.perf_counter() - start)
            print(
                f"phone search {typed!r}: {len(found)} found, median "
                f"{statistics.median(runs) * 1000:.1f} ms"
            )
        contacts.close()
        database.dispose()


if __name__ == "__main__":
    main()
