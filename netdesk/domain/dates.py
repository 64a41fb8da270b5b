"""Anniversaries, other dates and related people, and the rule for reminding of dates.

Standard library only. A contact's birthday and anniversary live on ``Contact`` itself; the
other dates (a second anniversary, "graduation", Android's "other" event...) and the people
related to the contact (spouse, manager, assistant...) are lists of these small values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from netdesk.domain.contact import ContactDate, PartialDate, RelatedPerson
from netdesk.domain.due import DueItem

# Relations with a word of their own (RFC 6350 RELATED types, plus the Apple / Android /
# Outlook ones); anything else is kept as the user's own text.
RELATIONS = (
    "spouse",
    "partner",
    "child",
    "parent",
    "father",
    "mother",
    "sibling",
    "brother",
    "sister",
    "friend",
    "relative",
    "manager",
    "assistant",
    "colleague",
    "referred by",
    "emergency",
    "agent",
)
# Labels of other dates with a word of their own.
DATE_LABELS = ("anniversary", "other")
__all__ = [
    "DATE_LABELS",
    "RELATIONS",
    "ContactDate",
    "DateReminder",
    "DatesInput",
    "RelatedPerson",
    "date_reminders",
    "next_occurrence",
    "reminder_due_items",
    "validate_remind_days",
]
# Longest "remind me N days before" that makes sense for a yearly date.
MAX_REMIND_DAYS = 60


def validate_remind_days(days: int | None) -> int | None:
    """``days`` when it is a usable "remind me N days before" (0 = on the day), else
    ValueError; None means "not set" (then the global setting applies)."""
    if days is None:
        return None
    if isinstance(days, bool) or not isinstance(days, int):
        raise ValueError(f"days before a date is a whole number, not {days!r}")
    if not 0 <= days <= MAX_REMIND_DAYS:
        raise ValueError(f"days before a date must be 0 to {MAX_REMIND_DAYS}, not {days}")
    return days


def next_occurrence(date: PartialDate, on_or_after: dt.date) -> dt.date:
    """The first yearly recurrence of ``date`` on or after ``on_or_after``.

    29 February falls on 28 February in years without one (as phones remind of it).
    """
    for year in (on_or_after.year, on_or_after.year + 1):
        day = date.day
        if date.month == 2 and day == 29 and not _is_leap(year):
            day = 28
        when = dt.date(year, date.month, day)
        if when >= on_or_after:
            return when
    raise AssertionError("unreachable: a yearly date recurs within two years")


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


@dataclass(frozen=True, slots=True)
class DatesInput:
    """One contact's remindable dates and its own "remind me N days before" (or None)."""

    contact_id: int
    name: str
    birthday: PartialDate | None
    anniversary: PartialDate | None
    remind_days_before: int | None


@dataclass(frozen=True, slots=True)
class DateReminder:
    """A birthday or anniversary to be reminded of on ``remind_on`` (a local day)."""

    contact_id: int
    name: str
    kind: str  # "birthday" | "anniversary"
    occurs_on: dt.date
    remind_on: dt.date
    years: int | None  # how many years it will be, when the year is known

    def note(self) -> str:
        what = "Birthday" if self.kind == "birthday" else "Anniversary"
        count = f" ({_ordinal(self.years)})" if self.years else ""
        return f"{what} on {self.occurs_on.isoformat()}{count}"


def date_reminders(
    contacts: Iterable[DatesInput],
    today: dt.date,
    default_days_before: int | None,
    horizon_days: int | None = None,
) -> list[DateReminder]:
    """Reminders for birthdays and anniversaries whose reminder day is due by
    ``today + horizon_days`` (None: the next occurrence of every date) and whose date has
    not passed yet. A contact's own setting wins over ``default_days_before``; with neither,
    its dates do not remind. Ordered by reminder day, then name."""
    out: list[DateReminder] = []
    for c in contacts:
        days = c.remind_days_before if c.remind_days_before is not None else default_days_before
        if days is None:
            continue
        for kind, date in (("birthday", c.birthday), ("anniversary", c.anniversary)):
            if date is None:
                continue
            occurs = next_occurrence(date, today)
            remind = occurs - dt.timedelta(days=days)
            if horizon_days is not None and (remind - today).days > horizon_days:
                continue
            years = occurs.year - date.year if date.year is not None else None
            out.append(DateReminder(c.contact_id, c.name, kind, occurs, remind, years or None))
    out.sort(key=lambda r: (r.remind_on, r.name.casefold(), r.contact_id, r.kind))
    return out


def reminder_due_items(
    reminders: Iterable[DateReminder], tz: dt.tzinfo, hour: int = 9
) -> list[DueItem]:
    """Date reminders as Today/tray items, due at ``hour`` o'clock local time on their day."""
    out = []
    for r in reminders:
        local = dt.datetime.combine(r.remind_on, dt.time(hour), tzinfo=tz)
        due = local.astimezone(dt.UTC)
        out.append(DueItem(r.contact_id, r.name, due, r.kind, r.note(), None,  # type: ignore[arg-type]
                           r.occurs_on))
    return out


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
