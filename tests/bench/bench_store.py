"""Store benchmark: bulk insert of N generated contacts and search latency.

Run:  .venv/bin/python tests/bench/bench_store.py [--contacts 100000] [--repeat 7]
Prints insert time (median of --inserts runs, each into a fresh migrated database) and the
median time per search query over the filled store: ``search_ids`` (ids sorted by name, what
the CLI uses) and ``matching_ids`` (an unordered id set, what the window uses per keystroke).
Not a test: figures go into issue notes.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from netdesk.domain.contact import Contact, LabeledValue
from netdesk.services.contacts import ContactService
from netdesk.store.contacts import ContactRepository
from netdesk.store.db import open_database

GIVEN = [
    "Ada",
    "Zoë",
    "José",
    "Björn",
    "Aiko",
    "Мария",
    "Νίκος",
    "李",
    "Fatima",
    "Liam",
    "Olivia",
    "Noah",
    "Émile",
    "Søren",
    "Priya",
    "Kwame",
    "Mateo",
    "Hana",
    "Ivan",
    "Chloé",
]
FAMILY = [
    "Lovelace",
    "Müller",
    "García",
    "Ångström",
    "Tanaka",
    "Иванова",
    "Παπαδόπουλος",
    "王",
    "Okafor",
    "Smith",
    "Dubois",
    "Nowak",
    "Rossi",
    "Kowalski",
    "Nguyen",
    "O'Brien",
    "Khan",
]
ORGS = [
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Stark Industries",
    "Wayne Enterprises",
    "Café Müller",
    "Cyberdyne",
    "Soylent",
    "Tyrell",
    "Aperture",
]
TAGS = ["conference", "meetup", "recruiter", "founder", "alumni", "client", "friend"]


def generate(n: int, seed: int = 7) -> list[Contact]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        g, f = rnd.choice(GIVEN), rnd.choice(FAMILY)
        out.append(
            Contact(
                display_name=f"{g} {f} {i}",
                given_name=g,
                family_name=f,
                uid=f"urn:uuid:bench-{i}",
                org=rnd.choice(ORGS),
                title=rnd.choice(["Engineer", "Recruiter", "CTO", "Designer", "Founder"]),
                phones=[
                    LabeledValue(f"+49 170 {rnd.randrange(10**7):07d}", "mobile", True),
                    LabeledValue(f"+1 555 {rnd.randrange(10**7):07d}", "work"),
                ],
                emails=[
                    LabeledValue(f"{g.lower()}.{i}@example.org", "work"),
                    LabeledValue(f"{f.lower()}{i}@mail.example", "home"),
                ],
                tags=rnd.sample(TAGS, 2),
                notes="Met at the spring meetup; talked about hiring." if i % 5 == 0 else "",
            )
        )
    return out


def fill(data_dir: Path, contacts: list[Contact]) -> float:
    db = open_database(data_dir)
    t0 = time.perf_counter()
    with db.engine.begin() as conn:
        ContactRepository(conn).add_many(contacts)
    elapsed = time.perf_counter() - t0
    db.dispose()
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument("--inserts", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    contacts = generate(args.contacts)
    insert_times = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.inserts):
            d = Path(tmp) / f"run{run}"
            insert_times.append(fill(d, contacts))
        print(f"contacts: {args.contacts:,} (2 phones + 2 emails + 2 tags each)")
        print(
            f"bulk insert: median {statistics.median(insert_times):.2f} s "
            f"(runs: {', '.join(f'{t:.2f}' for t in insert_times)})"
        )
        service = ContactService(open_database(Path(tmp) / "run0"))
        queries = [
            "a",
            "m",
            "ada 1",
            "zo",
            "zoe",
            "mull",
            "ada lov",
            "acme",
            "recruit",
            "+49 170",
            "example.org",
            "josé garcía",
            "иван",
            "nomatchxyz",
            "spring meetup",
        ]
        print(f"{'query':<16}{'hits':>8}{'sorted ids ms':>15}{'id set ms':>11}")
        for q in queries:
            ordered, unordered = [], []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                hits = service.search_ids(q)
                ordered.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                service.matching_ids(q)
                unordered.append((time.perf_counter() - t0) * 1000)
            print(
                f"{q!r:<16}{len(hits):>8}{statistics.median(ordered):>15.2f}"
                f"{statistics.median(unordered):>11.2f}"
            )
        times = []
        for _ in range(max(3, args.repeat // 3)):
            t0 = time.perf_counter()
            rows = service.summaries()
            times.append(time.perf_counter() - t0)
        print(f"all table rows ({len(rows):,}): median {statistics.median(times) * 1000:.0f} ms")
        service.close()


if __name__ == "__main__":
    main()
