"""Dashboard benchmark: 10,000 contacts and 100,000 interactions (a tenth of them with three
people), follow-ups, cadences and events; times the stats computation (the same service as
``netdesk stats``) and the dashboard's render. The issue's budget is < 200 ms render.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_dashboard.py
      [--contacts 10000] [--interactions 100000] [--runs 7]
Not a test: it prints medians for the issue notes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--interactions", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from netdesk.services.contacts import ContactService
    from netdesk.services.stats import StatsService
    from netdesk.store.db import open_database
    from netdesk.ui.dashboard import Dashboard
    from tests.helpers.fakes import FakeClock
    from tests.helpers.network_data import generate
    from tests.helpers.zones import BERLIN, NOW

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        database = open_database(Path(tmp))
        started = time.perf_counter()
        generate(database, NOW, args.contacts, args.interactions)
        print(f"generated {args.contacts} contacts, {args.interactions} interactions in "
              f"{time.perf_counter() - started:.1f} s")
        stats = StatsService(database, FakeClock(NOW), BERLIN)
        contacts = ContactService(database)
        compute, render = [], []
        view = Dashboard(stats, contacts)
        view.resize(1200, 760)
        view.show()
        started = time.perf_counter()
        view.refresh().wait()  # the first count on show runs on a worker thread
        first = (time.perf_counter() - started) * 1000
        for _ in range(args.runs):
            t0 = time.perf_counter()
            numbers = stats.compute()
            t1 = time.perf_counter()
            view.set_numbers(numbers)
            view.grab()  # paints all five charts, synchronously
            t2 = time.perf_counter()
            compute.append((t1 - t0) * 1000)
            render.append((t2 - t1) * 1000)
        weeks = sum(w.value for w in numbers.interactions_per_week)
        print(f"interactions in the last 12 weeks: {weeks}; lapsed cadences shown: "
              f"{len(numbers.lapsed)}; events with lasting contacts: "
              f"{len(numbers.lasting_by_event)}")
        print(f"stats computation   median {statistics.median(compute):7.1f} ms "
              f"(min {min(compute):.1f}, max {max(compute):.1f}, runs {args.runs})")
        print(f"render (5 charts)   median {statistics.median(render):7.1f} ms "
              f"(min {min(render):.1f}, max {max(render):.1f})")
        print(f"first show: counted off the GUI thread and drawn in {first:.0f} ms; the GUI "
              "thread itself only draws")
        view.close()
        # Qt objects go before the application does (PySide6 crashes at exit otherwise).
        view.deleteLater()
        app.processEvents()
        del view
        contacts.close()
        database.dispose()
    app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
