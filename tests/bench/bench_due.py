"""What is due, at 10,000 and 100,000 contacts: the due check (``DateReminderService.due``
and ``ActivityService.due``/``today``, what the tray, the Today badge, notifications and the
Today refresh read) and the detail pane's data for one contact (``ContactService.get`` and
the dates of that one contact).

Run:  .venv/bin/python tests/bench/bench_due.py [--contacts 10000 100000] [--repeat 5]
      [--data-dir DIR]   (DIR/<n> is reused when it holds n contacts)
      Before/after: BENCH_SRC=/tmp/main-src (holding `git archive main netdesk`) runs main's.

One contact in three has a birthday (a quarter of them without a year, some on 29 February),
one in ten an anniversary, one in fifty its own "remind me N days before"; the global default
is 3 days. Not a test: prints the median of ``--repeat`` runs in milliseconds, the first
(cold) call apart. The machine is shared and noisy: compare figures from one run only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# BENCH_SRC=<dir holding another netdesk/> measures that code (e.g. `git archive main netdesk`).
sys.path.insert(0, os.environ.get("BENCH_SRC", str(ROOT)))
sys.path.insert(0, str(Path(__file__).parent))

from netdesk.domain.contact import PartialDate  # noqa: E402

NOW = dt.datetime(2026, 12, 3, 13, 0, tzinfo=dt.UTC)


def with_dates(contacts: list, seed: int = 11) -> list:
    """Birthdays, anniversaries and per-contact reminder settings on ``contacts``."""
    rnd = random.Random(seed)
    for i, c in enumerate(contacts):
        if i % 3 == 0:
            month, day = rnd.randrange(1, 13), rnd.randrange(1, 29)
            if i % 997 == 0:
                month, day = 2, 29
            year = None if i % 4 == 0 else rnd.randrange(1940, 2010)
            if year is not None and (month, day) == (2, 29):
                year = 1988
            c.birthday = PartialDate(year, month, day)
        if i % 10 == 0:
            c.anniversary = PartialDate(
                rnd.randrange(1970, 2024), rnd.randrange(1, 13), rnd.randrange(1, 29)
            )
        if i % 50 == 0:
            c.remind_days_before = rnd.randrange(0, 15)
    return contacts


def fill(data_dir: Path, n: int) -> None:
    from bench_store import generate

    from netdesk.services.contacts import ContactService
    from netdesk.services.dates import DateReminderService
    from netdesk.store.contacts import ContactRepository
    from netdesk.store.db import open_database

    db = open_database(data_dir)
    if ContactService(db).count() != n:
        t0 = time.perf_counter()
        with db.engine.begin() as conn:
            ContactRepository(conn).add_many(with_dates(generate(n)))
        print(f"generated {n:,} contacts in {time.perf_counter() - t0:.1f} s", flush=True)
    DateReminderService(db).set_default_days_before(3)
    db.dispose()


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(first call, median of the next ``repeat``) in ms."""
    t0 = time.perf_counter()
    fn()
    first = (time.perf_counter() - t0) * 1000
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return first, statistics.median(times)


def measure(data_dir: Path, n: int, repeat: int) -> dict[str, tuple[float, float]]:
    from netdesk.services.activity import ActivityService
    from netdesk.services.contacts import ContactService
    from netdesk.services.dates import DateReminderService
    from netdesk.store.db import open_database

    fill(data_dir, n)
    db = open_database(data_dir)
    clock = _Fixed()
    dates = DateReminderService(db, clock, dt.UTC)
    activity = ActivityService(db, clock, dt.UTC, dates=dates)
    contacts = ContactService(db)
    one = n // 2 + 3 - (n // 2 + 3) % 3  # a contact with a birthday
    out = {
        "dates.due (a week)": timed(lambda: dates.due(NOW, dt.timedelta(days=7)), repeat),
        "tray check (scheduler's activity.due)": timed(lambda: activity.due(NOW, _look()), repeat),
        "Today data (activity.today)": timed(lambda: activity.today(NOW), repeat),
        "detail data (get + its reminders)": timed(
            lambda: (contacts.get(one), _one_contact_dates(dates, one)), repeat
        ),
        "after editing one birthday: Today data": _after_edit(
            contacts, dates, activity, one, repeat
        ),
    }
    contacts.close()
    db.dispose()
    return out


def _look() -> dt.timedelta | None:
    """What the reminder scheduler asks for: main's asked for every future item."""
    from netdesk.ui import scheduler

    ahead = getattr(scheduler, "LOOK_AHEAD", None)
    return None if ahead is None else ahead + scheduler.DEFAULT_MAX_DELAY


def _after_edit(contacts, dates, activity, one: int, repeat: int) -> tuple[float, float]:  # noqa: ANN001
    """The edit itself is not timed: what follows it is (the runner's notice, then Today)."""
    import dataclasses

    times = []
    for step in range(repeat + 1):
        c = contacts.get(one)
        contacts.update(dataclasses.replace(c, birthday=PartialDate(1980, 12, 4 + step % 2)))
        t0 = time.perf_counter()
        if hasattr(dates, "contacts_changed"):
            dates.contacts_changed([one])
        activity.today(NOW)
        times.append((time.perf_counter() - t0) * 1000)
    return times[0], statistics.median(times[1:])


class _Fixed:
    def now(self) -> dt.datetime:
        return NOW


def _one_contact_dates(dates, contact_id: int) -> object:  # noqa: ANN001
    if hasattr(dates, "reminders_for"):
        return dates.reminders_for(contact_id, NOW)
    return [r for r in dates.reminders(NOW) if r.contact_id == contact_id]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--data-dir", type=Path, default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = args.data_dir or Path(tmp)
        for n in args.contacts:
            results = measure(base / str(n), n, args.repeat)
            print(f"\n{n:,} contacts (ms: first call, then median of {args.repeat})")
            for name, (first, median) in results.items():
                print(f"  {name:36} {first:8.1f} {median:8.1f}")


if __name__ == "__main__":
    main()
