"""Where a snoozed follow-up lands: "in an hour", "tomorrow morning", "next Monday morning".

Mornings are local wall-clock times, computed on the local calendar and only then converted to
UTC, so "tomorrow 09:00" stays 09:00 on the day after a DST switch (adding 24 hours would not).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from netdesk.domain.clock import ensure_utc
from netdesk.domain.timeparse import local_to_utc

SnoozeChoice = Literal["hour", "tomorrow", "next_week"]

# The menu the UI shows, in order, with its labels.
SNOOZE_CHOICES: tuple[tuple[SnoozeChoice, str], ...] = (
    ("hour", "In 1 hour"),
    ("tomorrow", "Tomorrow morning"),
    ("next_week", "Next week"),
)

DEFAULT_MORNING = dt.time(9, 0)


def snooze_until(
    choice: SnoozeChoice,
    now_utc: dt.datetime,
    tz: dt.tzinfo,
    morning: dt.time = DEFAULT_MORNING,
) -> dt.datetime:
    """The UTC moment a follow-up snoozed at ``now_utc`` should come back.

    * ``hour``: exactly one hour later (elapsed time, whatever the wall clock does);
    * ``tomorrow``: ``morning`` on the next local calendar day (also when snoozing just after
      midnight: "tomorrow" is what the calendar says, not "after I have slept");
    * ``next_week``: ``morning`` on the next local Monday; on a Monday, the Monday after.
    """
    now = ensure_utc(now_utc, "now_utc")
    if choice == "hour":
        return now + dt.timedelta(hours=1)
    today = now.astimezone(tz).date()
    if choice == "tomorrow":
        day = today + dt.timedelta(days=1)
    elif choice == "next_week":
        # weekday(): Monday is 0, so a Monday gets 7 days and a Sunday 1.
        day = today + dt.timedelta(days=(7 - today.weekday()) or 7)
    else:
        raise ValueError(f"unknown snooze choice: {choice!r}")
    return local_to_utc(dt.datetime.combine(day, morning), tz)


def custom_snooze(until: dt.datetime, now_utc: dt.datetime) -> dt.datetime:
    """Validate a snooze time the user picked; return it in UTC.

    Snoozing into the past would leave the follow-up due at once, which is never what the user
    meant, so it is refused with a message the UI can show.
    """
    target = ensure_utc(until, "snooze time")
    if target <= ensure_utc(now_utc, "now_utc"):
        raise ValueError("the snooze time must be in the future")
    return target
