"""The numbers of the dashboard and ``netdesk stats``: one service, so both show the same."""

from __future__ import annotations

import datetime as dt

from netdesk.domain import stats
from netdesk.domain.activity import CHANNELS
from netdesk.domain.clock import Clock, SystemClock
from netdesk.domain.due import losing_touch
from netdesk.domain.timeparse import local_tz
from netdesk.services.errors import storage_errors
from netdesk.store.db import Database

MONTHS = 12
WEEKS = 12


class StatsService:
    def __init__(self, database: Database, clock: Clock | None = None,
                 tz: dt.tzinfo | None = None) -> None:
        self.db = database
        self.clock = clock or SystemClock()
        self.tz = tz or local_tz()

    def compute(self) -> stats.NetworkStats:
        from netdesk.services.activity import ActivityService
        from netdesk.store import stats as rows

        now = self.clock.now()
        today = now.astimezone(self.tz).date()
        # A day of slack on each window: local months and weeks may start before UTC ones.
        first_month = stats.month_starts(today, MONTHS)[0] - dt.timedelta(days=1)
        since_month = dt.datetime.combine(first_month, dt.time(), dt.UTC)
        weeks = stats.week_bounds(today, self.tz, WEEKS)
        with storage_errors():
            con = self.db.connect_raw()
            try:
                created = list(rows.contacts_created_since(con, since_month))
                interactions = list(rows.interactions_in_buckets(con, weeks))
                followups = list(rows.followups_since(con, since_month))
            finally:
                con.close()
        cadences = ActivityService(self.db, self.clock, self.tz).cadences()
        lapsed = [(c.contact_id, c.name, ago) for c, ago in losing_touch(cadences, now)]
        return stats.NetworkStats(
            stats.new_people_per_month(created, today, self.tz, MONTHS),
            stats.interactions_per_week(interactions, today, CHANNELS, WEEKS),
            stats.followup_timeliness(followups, now),
            stats.lapsed_people(lapsed),
            self._lasting(),
        )

    def _lasting(self) -> list[stats.Bar]:
        from netdesk.store.events import EventRepository

        with storage_errors(), self.db.engine.connect() as conn:
            repo = EventRepository(conn)
            met = repo.people_by_event()
            dated = [e for e in repo.all() if e.last_day is not None and e.id in met]
            people = [cid for e in dated for cid, _ in met[e.id]]
            touches = repo.touches(people)
        return stats.lasting_by_event(
            [(e.name, e.last_day, [cid for cid, _ in met[e.id]]) for e in dated], touches, self.tz
        )


def as_json(numbers: stats.NetworkStats) -> dict:
    """The ``netdesk stats --json`` shape: every bar with its value and contact ids."""

    def bar(b: stats.Bar) -> dict:
        return {"label": b.label, "value": b.value, "contact_ids": sorted(b.contact_ids)}

    return {
        "new_people_per_month": [bar(b) for b in numbers.new_people_per_month],
        "interactions_per_week": [
            {"week": s.label, "total": s.value,
             "by_channel": {c: p.value for c, p in s.parts.items()},
             "contact_ids": sorted(s.contact_ids)}
            for s in numbers.interactions_per_week
        ],
        "followups": [bar(b) for b in numbers.followups],
        "lapsed_keep_in_touch": [
            {"name": b.label, "days_lapsed": b.value, "contact_id": min(b.contact_ids)}
            for b in numbers.lapsed
        ],
        "lasting_contacts_by_event": [bar(b) for b in numbers.lasting_by_event],
    }
