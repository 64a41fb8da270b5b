"""What needs the user's attention at time T: follow-ups and keep-in-touch cadences.

A cadence ("keep in touch every N days") falls due N days after the last logged interaction,
so logging contact restarts its clock. With no interaction yet it counts from ``since``
(when the contact was created or the cadence was set).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from netdesk.domain.activity import FollowUp
from netdesk.domain.clock import ensure_utc

DueKind = Literal["followup", "cadence", "birthday", "anniversary"]
Bucket = Literal["overdue", "today", "this_week", "later"]


# Ten years: longer is no keep-in-touch rhythm, and dates plus it must stay inside datetime.
MAX_CADENCE_DAYS = 3650
# What a due date beyond datetime's range is shown as (it can only come from a bad store).
_NEVER = dt.datetime.max.replace(tzinfo=dt.UTC)


def validate_cadence(days: int) -> int:
    """Return ``days`` if it is a usable cadence (1 .. 3650 days), else ValueError."""
    if isinstance(days, bool) or not isinstance(days, int):
        raise ValueError(f"a keep-in-touch cadence is a whole number of days, not {days!r}")
    if days <= 0:
        raise ValueError(f"a keep-in-touch cadence must be at least 1 day, not {days}")
    if days > MAX_CADENCE_DAYS:
        raise ValueError(
            f"a keep-in-touch cadence can be at most {MAX_CADENCE_DAYS} days (ten years),"
            f" not {days}"
        )
    return days


def stored_cadence(days: int) -> int:
    """A cadence read back from the store. Older versions accepted any number, so one too
    long counts as the longest allowed rather than crashing every due check; 0 or less (or
    not a number) still raises ValueError."""
    if isinstance(days, int) and not isinstance(days, bool) and days > MAX_CADENCE_DAYS:
        return MAX_CADENCE_DAYS
    return validate_cadence(days)


def effective_cadence(contact_days: int | None, tag_days: Iterable[int | None]) -> int | None:
    """The contact's own cadence, else the tightest cadence among its tags, else None.

    The contact's own setting wins even when a tag asks for more often: it is the more specific
    choice. Among tags the smallest wins, so a "close friends" tag is not diluted by "alumni".
    """
    if contact_days is not None:
        return stored_cadence(contact_days)
    defaults = [stored_cadence(d) for d in tag_days if d is not None]
    return min(defaults, default=None)


def cadence_due(
    last_interaction: dt.datetime | None, created_at: dt.datetime, days: int
) -> dt.datetime:
    """When a cadence falls due: last interaction + ``days``, or ``created_at`` + ``days``.

    The last interaction counts even when it predates ``created_at`` (say, a cadence set today
    on someone last seen a year ago): that person *is* overdue, which is what the user needs
    to see.
    """
    start = last_interaction if last_interaction is not None else created_at
    try:
        return ensure_utc(start, "cadence start") + dt.timedelta(days=stored_cadence(days))
    except OverflowError:
        return _NEVER


@dataclass(frozen=True, slots=True)
class CadenceInput:
    """One contact's keep-in-touch cadence, as far as due dates are concerned."""

    contact_id: int
    name: str
    days: int
    last_interaction: dt.datetime | None
    since: dt.datetime

    @property
    def due(self) -> dt.datetime:
        return cadence_due(self.last_interaction, self.since, self.days)


@dataclass(frozen=True, slots=True)
class DueItem:
    """A row of the Today view: a follow-up or a cadence coming due, or a birthday or
    anniversary reminder (``due`` is when the reminder starts, ``occurs_on`` the day)."""

    contact_id: int
    name: str
    due: dt.datetime
    kind: DueKind
    note: str
    followup_id: int | None
    occurs_on: dt.date | None = None

    def is_date_reminder(self) -> bool:
        return self.occurs_on is not None

    def overdue(self, now: dt.datetime) -> bool:
        # A birthday reminder starts days before the day: it is coming up, never late.
        return self.due < now and not self.is_date_reminder()


def due_items(
    followups: Iterable[tuple[FollowUp, str]],
    cadences: Iterable[CadenceInput],
    now: dt.datetime,
    horizon: dt.timedelta | None = None,
) -> list[DueItem]:
    """Open follow-ups (with the contact's name) and cadences due up to ``now + horizon``.

    Done follow-ups are left out; snoozed ones count from their snooze time. Overdue items come
    first, most overdue first, then the rest by due time; equal times go by name.
    ``horizon=None`` means everything, however far ahead.
    """
    now = ensure_utc(now, "now")
    if horizon is not None and horizon < dt.timedelta(0):
        raise ValueError("horizon must not be negative")
    limit = None if horizon is None else now + horizon
    items: list[DueItem] = []
    for followup, name in followups:
        if followup.is_done:
            continue
        due = ensure_utc(followup.effective_due, "follow-up due")
        items.append(
            DueItem(followup.contact_id, name, due, "followup", followup.note, followup.id)
        )
    for cadence in cadences:
        note = f"Keep in touch every {cadence.days} days"
        items.append(DueItem(cadence.contact_id, cadence.name, cadence.due, "cadence", note, None))
    if limit is not None:
        items = [i for i in items if i.due <= limit]
    return sorted(items, key=lambda i: _order(i, now))


def ordered(items: Iterable[DueItem], now: dt.datetime) -> list[DueItem]:
    """Due items from several sources (follow-ups, cadences, date reminders) in the one
    order ``due_items`` gives."""
    now = ensure_utc(now, "now")
    return sorted(items, key=lambda i: _order(i, now))


def _order(item: DueItem, now: dt.datetime) -> tuple:
    # Most overdue first is the same as earliest due first; the explicit overdue flag keeps
    # the rule readable. Name and ids make the order total, so the UI never reshuffles ties.
    return (
        not item.overdue(now),
        item.due,
        item.name.casefold(),
        item.contact_id,
        item.kind,
        item.followup_id or 0,
    )


def bucket(item: DueItem, now: dt.datetime, tz: dt.tzinfo) -> Bucket:
    """Which Today-view group an item belongs to, by the user's local calendar.

    "overdue" means its moment has passed (even earlier today); "today" is the rest of the
    local day, and a birthday or anniversary whose reminder has started (it is never late:
    it is coming up, and goes once its day has passed); "this_week" the 7 local days after
    today; "later" anything beyond.
    """
    now = ensure_utc(now, "now")
    if item.overdue(now):
        return "overdue"
    days_ahead = (item.due.astimezone(tz).date() - now.astimezone(tz).date()).days
    if days_ahead <= 0:
        return "today"
    if days_ahead <= 7:
        return "this_week"
    return "later"


def needs_attention(items: Iterable[DueItem], now: dt.datetime, tz: dt.tzinfo) -> list[DueItem]:
    """What is due: overdue and due today (local calendar), in ``items``' order.

    The one answer the tray's count and menu, the Today badge and the notifications give, so
    they never disagree (the tray once counted only the overdue ones).
    """
    return [i for i in items if bucket(i, now, tz) in ("overdue", "today")]


def losing_touch(
    cadences: Iterable[CadenceInput], now: dt.datetime, limit: int | None = None
) -> list[tuple[CadenceInput, dt.timedelta]]:
    """Contacts whose cadence has lapsed, with how long ago it fell due, longest first.

    ``limit`` keeps the first N (None keeps all).
    """
    now = ensure_utc(now, "now")
    lapsed = [(c, now - c.due) for c in cadences if c.due < now]
    lapsed.sort(key=lambda pair: (-pair[1], pair[0].name.casefold(), pair[0].contact_id))
    return lapsed if limit is None else lapsed[:limit]
