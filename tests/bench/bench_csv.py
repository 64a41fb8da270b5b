"""CSV import vs vCard import of the same contacts (a script, not a test).

    .venv/bin/python tests/bench/bench_csv.py            # 10,000 contacts, medians of 3
    .venv/bin/python tests/bench/bench_csv.py --rows 2000 --repeats 5

The same N generated contacts (bench_vcard's: accented, Cyrillic, CJK and Greek names, two
phones, two e-mails, org, address, notes, tags) are written once as a vCard 3.0 file and once
as a Google CSV file (netdesk's own CSV export), plus an N-row LinkedIn Connections.csv (with
its preamble and a "Connected On" date per row, which adds a first interaction each). Each is
imported into a fresh, empty data dir through the real services; the figure is the median
wall time per contact. Done-when for issue 14: CSV at least as fast per contact as vCard.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_vcard import make_contacts  # noqa: E402

from netdesk.csvimport import write_csv  # noqa: E402
from netdesk.services.csv_transfer import CsvImportService  # noqa: E402
from netdesk.services.transfer import TransferService  # noqa: E402
from netdesk.store.db import open_database  # noqa: E402
from netdesk.vcard import write_vcards  # noqa: E402

LINKEDIN_PREAMBLE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing."\r\n\r\n'
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
)


def linkedin_csv(n: int, seed: int = 11) -> str:
    rnd = random.Random(seed)
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    rows = [LINKEDIN_PREAMBLE]
    for c in make_contacts(n):
        email = c.emails[0].value if rnd.random() < 0.1 else ""
        slug = f"{c.uid[-12:]}"
        date = f"{rnd.randint(1, 28):02d} {rnd.choice(months)} {rnd.randint(2010, 2026)}"
        company = f'"{c.org}"' if "," in c.org else c.org
        family = f'"{c.family_name}"' if "," in c.family_name else c.family_name
        rows.append(
            f"{c.given_name},{family},https://www.linkedin.com/in/p-{slug},{email},"
            f"{company},{c.title},{date}\r\n"
        )
    return "".join(rows)


def time_import(kind: str, path: Path) -> tuple[float, str]:
    with tempfile.TemporaryDirectory(prefix="netdesk-bench-csv-") as tmp:
        database = open_database(Path(tmp))
        start = time.perf_counter()
        if kind == "vcard":
            report = TransferService(database).import_files([path])
        else:
            report = CsvImportService(database).import_file(path)
        elapsed = time.perf_counter() - start
        database.engine.dispose()
    return elapsed, report.summary()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    n = args.rows
    contacts = make_contacts(n)
    with tempfile.TemporaryDirectory(prefix="netdesk-bench-files-") as tmp:
        files = {
            "vcard": Path(tmp) / "contacts.vcf",
            "google csv": Path(tmp) / "contacts.csv",
            "linkedin csv": Path(tmp) / "Connections.csv",
        }
        files["vcard"].write_text("".join(write_vcards(contacts)), encoding="utf-8")
        files["google csv"].write_text(write_csv(contacts, "google"), encoding="utf-8")
        files["linkedin csv"].write_text(linkedin_csv(n), encoding="utf-8")
        print(f"{n:,} contacts; median of {args.repeats} imports into an empty store")
        # Interleaved (vcard, csv, csv, vcard, csv, csv, ...): on a shared machine a burst of
        # load then hits every format alike instead of one whole series.
        runs: dict[str, list[tuple[float, str]]] = {name: [] for name in files}
        for _ in range(args.repeats):
            for name, path in files.items():
                runs[name].append(time_import("vcard" if name == "vcard" else "csv", path))
        medians = {}
        for name, path in files.items():
            median = statistics.median(t for t, _ in runs[name])
            medians[name] = median
            size = path.stat().st_size / 1e6
            print(
                f"  {name:13} {size:6.1f} MB  {median:6.2f} s  "
                f"{median / n * 1e6:7.1f} µs/contact  ({runs[name][0][1]})"
            )
        ratio = medians["google csv"] / medians["vcard"]
        print(f"Google CSV / vCard time per contact: {ratio:.2f} (done when <= 1.0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
