"""Screenshots of the networking workflow for the README: the "Met someone" quick add, the
Events view and the dashboard, rendered offscreen over invented sample data.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots/networking.py
      [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import sys
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

TZ = ZoneInfo("Europe/Berlin")
# A fixed "now" (Thursday 3 December 2026, 19:30 in Berlin): the same pictures every run.
NOW = dt.datetime(2026, 12, 3, 18, 30, tzinfo=dt.UTC)


class FixedClock:
    def __init__(self) -> None:
        self.at = NOW

    def now(self) -> dt.datetime:
        return self.at


def _fill(database, contacts, activity, events, clock) -> None:
    from netdesk.domain.events import Event
    from netdesk.ui.sample_activity import add_sample_activity
    from netdesk.ui.sample_data import add_sample_contacts

    rng = random.Random(16)

    def create(contact):  # added over the last year, more lately
        ago = dt.timedelta(days=int(330 * rng.random() ** 2))
        return contacts.create(dataclasses.replace(contact, created_at=NOW - ago))

    people = add_sample_contacts(create)
    add_sample_activity(activity, people)
    dates = {"Berlin Python Meetup": (dt.date(2026, 11, 12), "https://berlin.python.example",
                                      "meetup"),
             "Women in Data DE": (dt.date(2026, 10, 8), "Kreuzberg, Berlin", "association")}
    for i, event in enumerate(sorted(events.all(), key=lambda e: e.name)):
        start, place, kind = dates.get(event.name, (dt.date(2026, 9 - i % 6, 3 + i), "", ""))
        events.update(Event(event.name, kind or event.kind, start, None, place, event.notes,
                            event.id))
    events.add(Event("Berlin Tech Job Fair", "conference", dt.date(2026, 12, 10),
                     dt.date(2026, 12, 11), "Station Berlin"))
    events.add(Event("Founders Breakfast", "meetup", dt.date(2026, 12, 3), None, "Mitte"))
    ids = [p.id for p in people]
    channels = ("meeting", "call", "email", "message", "event")
    for _ in range(260):
        at = NOW - dt.timedelta(days=rng.uniform(0, 90))
        group = rng.sample(ids, 3 if rng.random() < 0.15 else 1)
        activity.log_interaction(group[0], rng.choice(channels), at=at, with_ids=group[1:])
    for cid in rng.sample(ids, 24):  # follow-ups over the last months, done on time or late
        due = NOW - dt.timedelta(days=rng.uniform(3, 120))
        todo = activity.add_followup(cid, due, "send the slides")
        clock.at = due + dt.timedelta(days=rng.choice((-1, -1, 0, 2, 5)))
        activity.done(todo.id)
        clock.at = NOW
    for cid in rng.sample(ids, 8):  # keep in touch every two weeks: some have lapsed
        activity.set_cadence(cid, 14)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from netdesk.actions import Runner
    from netdesk.services.activity import ActivityService
    from netdesk.services.contacts import ContactService
    from netdesk.services.events import EventService
    from netdesk.services.quick_add import QuickAddService
    from netdesk.services.stats import StatsService
    from netdesk.store.db import open_database
    from netdesk.ui.dashboard import Dashboard
    from netdesk.ui.events_view import EventsView
    from netdesk.ui.quick_add import QuickAddDialog

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        database = open_database(Path(tmp))
        clock = FixedClock()
        contacts = ContactService(database)
        activity = ActivityService(database, clock, TZ)
        events = EventService(database, clock, TZ)
        _fill(database, contacts, activity, events, clock)
        runner = Runner()
        widgets = []

        quick = QuickAddDialog(QuickAddService(contacts, activity, events), events, runner)
        for name, company, detail in (("Lena Vogel", "Kiezkraft", "lena@example.org"),
                                      ("Ivo Marić", "", "+49 30 1234567")):
            quick.name_edit.setText(name)
            quick.company_edit.setText(company)
            quick.detail_edit.setText(detail)
            quick.save()
        quick.name_edit.setText("Noor Haddad")
        quick.company_edit.setText("Brightwave Labs")
        quick.detail_edit.setText("noor@example.com")
        quick.note_edit.setText("hiring a data engineer in Q1")
        quick.tags_edit.setText("hiring, founder")
        quick.followup_edit.setText("send the intro to Amara tomorrow")
        quick.resize(520, quick.sizeHint().height())
        widgets.append((quick, "quick-add.png"))

        view = EventsView(events, runner)
        view.resize(1100, 560)
        widgets.append((view, "events-view.png"))
        dashboard = Dashboard(StatsService(database, clock, TZ), contacts, runner)
        dashboard.resize(1200, 760)
        widgets.append((dashboard, "dashboard.png"))
        for widget, _name in widgets:
            widget.show()
            app.processEvents()
        dashboard.refresh().wait()
        view.select(events.find("Berlin Python Meetup").id)
        chart = dashboard.charts["followUpsChart"]
        chart.grab()
        late = dashboard.numbers.followups[1]
        dashboard.show_people(late.label, set(late.contact_ids))
        for widget, name in widgets:
            widget.grab().save(str(out / name))
            print(out / name)
            widget.close()
            widget.deleteLater()
        app.processEvents()
        del widgets, quick, view, dashboard
        contacts.close()
        database.dispose()
    app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
