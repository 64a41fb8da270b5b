"""How the user's network is doing: the numbers behind the dashboard and ``netdesk stats``.

Pure functions over plain rows. Every bar keeps the contact ids behind it, so a click on it can
open exactly those people. Months and weeks are local calendar ones (``tz``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

# "Still talked to 3 months later": someone counts as a lasting contact of an event when they
# were in touch at least this long after it.
LASTING_AFTER = dt.timedelta(days=90)


@dataclass(slots=True)
class Bar:
    """One bar of a chart: its label, its value and the people behind it."""

    label: str
    value: int = 0
    contact_ids: set[int] = field(default_factory=set)

    def add(self, contact_ids: Iterable[int], amount: int = 1) -> None:
        self.value += amount
        self.contact_ids.update(contact_ids)


@dataclass(slots=True)
class StackedBar:
    """A bar split by channel (interactions per week)."""

    label: str
    parts: dict[str, Bar] = field(default_factory=dict)

    @property
    def value(self) -> int:
        return sum(p.value for p in self.parts.values())

    @property
    def contact_ids(self) -> set[int]:
        return set().union(*(p.contact_ids for p in self.parts.values()))


@dataclass(slots=True)
class NetworkStats:
    new_people_per_month: list[Bar]
    interactions_per_week: list[StackedBar]
    followups: list[Bar]  # on time, late, open and overdue
    lapsed: list[Bar]  # one bar per person whose keep-in-touch date lapsed (days lapsed)
    lasting_by_event: list[Bar]  # events that brought the most lasting contacts


def month_starts(today: dt.date, months: int) -> list[dt.date]:
    """The first days of the last ``months`` calendar months, oldest first (this one last)."""
    out = []
    year, month = today.year, today.month
    for _ in range(months):
        out.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


def week_starts(today: dt.date, weeks: int) -> list[dt.date]:
    """The Mondays of the last ``weeks`` weeks, oldest first (this week last)."""
    this_monday = today - dt.timedelta(days=today.weekday())
    return [this_monday - dt.timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]


def new_people_per_month(
    created: Iterable[tuple[int, dt.datetime]], today: dt.date, tz: dt.tzinfo, months: int = 12
) -> list[Bar]:
    starts = month_starts(today, months)
    bars = {(d.year, d.month): Bar(d.strftime("%b %Y")) for d in starts}
    for cid, at in created:
        day = at.astimezone(tz).date()
        bar = bars.get((day.year, day.month))
        if bar is not None:
            bar.add((cid,))
    return list(bars.values())


def week_bounds(today: dt.date, tz: dt.tzinfo, weeks: int) -> list[dt.datetime]:
    """The UTC moments the last ``weeks`` local weeks start, and the moment the last one ends."""
    mondays = week_starts(today, weeks)
    days = [*mondays, mondays[-1] + dt.timedelta(weeks=1)]
    return [dt.datetime.combine(d, dt.time(), tz).astimezone(dt.UTC) for d in days]


def interactions_per_week(
    interactions: Iterable[tuple[int, str, Sequence[int]]],
    today: dt.date,
    channels: Sequence[str],
    weeks: int = 12,
) -> list[StackedBar]:
    """``interactions`` are (week number from 0 = the oldest shown, channel, everyone who took
    part), numbered by ``week_bounds``; one group interaction counts once."""
    bars = [StackedBar(d.strftime("%d %b"), {c: Bar(c) for c in channels})
            for d in week_starts(today, weeks)]
    for week, channel, people in interactions:
        if 0 <= week < weeks:
            part = bars[week].parts.get(channel)
            if part is None:
                part = bars[week].parts[channel] = Bar(channel)
            part.value += 1
            part.contact_ids.update(people)
    return bars


def followup_timeliness(
    followups: Iterable[tuple[int, dt.datetime, dt.datetime | None]], now: dt.datetime
) -> list[Bar]:
    """(contact id, when it was due — after any snooze —, when done or None)."""
    on_time, late, overdue = Bar("on time"), Bar("late"), Bar("open, overdue")
    for cid, due, done_at in followups:
        if done_at is None:
            if due < now:
                overdue.add((cid,))
        elif done_at <= due:
            on_time.add((cid,))
        else:
            late.add((cid,))
    return [on_time, late, overdue]


def lapsed_people(lapsed: Iterable[tuple[int, str, dt.timedelta]], limit: int = 15) -> list[Bar]:
    """(contact id, name, how long ago the keep-in-touch date fell due): longest first."""
    ordered = sorted(lapsed, key=lambda x: (-x[2], x[1].casefold(), x[0]))[:limit]
    return [Bar(name, ago.days, {cid}) for cid, name, ago in ordered]


def lasting_by_event(
    events: Iterable[tuple[str, dt.date | None, Sequence[int]]],
    touches: dict[int, Sequence[dt.datetime]],
    tz: dt.tzinfo,
    limit: int = 10,
) -> list[Bar]:
    """(event name, its last day, the people met there) and every moment each person was in
    touch: the events whose people were still in touch ``LASTING_AFTER`` later, most first.
    Undated events are left out (there is no "3 months later" without a date)."""
    bars = []
    for name, last_day, people in events:
        if last_day is None:
            continue
        lasting = {
            cid for cid in people
            if any(at.astimezone(tz).date() - last_day >= LASTING_AFTER
                   for at in touches.get(cid, ()))
        }
        if lasting:
            bars.append(Bar(name, len(lasting), lasting))
    bars.sort(key=lambda b: (-b.value, b.label.casefold()))
    return bars[:limit]
