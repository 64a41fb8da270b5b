"""Bookkeeping for the tray reminders: when to wake up next and what to announce.

The Qt scheduler only drives these: it asks ``next_wakeup`` how long to sleep, and on waking
(or on resume from suspend) hands the current due items to ``ReminderTracker.newly_due``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from netdesk.domain.clock import ensure_utc
from netdesk.domain.due import DueItem

# A QTimer interval is a signed 32-bit count of milliseconds (~24.8 days); never ask for more.
MAX_TIMER_DELAY = dt.timedelta(milliseconds=2**31 - 1)

# What identifies one notification: a follow-up by its id, a cadence by its contact, each at
# one due time. A snooze or a renewed cadence moves the due time and so makes a new key.
ReminderKey = tuple[str, int, dt.datetime]


def next_wakeup(
    items: Iterable[DueItem], now: dt.datetime, max_delay: dt.timedelta = dt.timedelta(hours=1)
) -> dt.timedelta:
    """How long to wait until the next item falls due, at most ``max_delay``, never negative.

    Items already due are ignored (they are announced by ``newly_due``, not waited for).
    The cap matters: the wall clock jumps after suspend/resume and when the user edits data,
    so the scheduler re-checks at least this often. The delay is rounded up to whole
    milliseconds so a timer never fires a hair before the item is due and spins.
    """
    now = ensure_utc(now, "now")
    if max_delay <= dt.timedelta(0):
        raise ValueError("max_delay must be positive")
    wait = min(max_delay, MAX_TIMER_DELAY)
    for item in items:
        if item.due > now:
            wait = min(wait, item.due - now)
    return _ceil_ms(wait)


def _ceil_ms(delay: dt.timedelta) -> dt.timedelta:
    extra = delay.microseconds % 1000
    return delay if extra == 0 else delay + dt.timedelta(microseconds=1000 - extra)


def reminder_key(item: DueItem) -> ReminderKey:
    ident = item.followup_id if item.kind == "followup" else item.contact_id
    if ident is None:
        raise ValueError("a follow-up needs an id before it can be reminded of")
    return (item.kind, ident, item.due)


class ReminderTracker:
    """Remembers what has been announced, so each due item is announced exactly once.

    Pass the full list of open items every time (as ``due_items`` returns it). Keys of items
    that are no longer in the list are forgotten: a follow-up marked done and later reopened
    is announced again, and memory stays bounded. Items that fell due long before the app
    started are returned on the first call, once; the UI may fold them into one summary.
    ``announced`` is what earlier runs announced (see ``key_text``/``parse_key``), so an item
    is not announced again after a restart.
    """

    def __init__(self, announced: Iterable[ReminderKey] = ()) -> None:
        self._notified: set[ReminderKey] = set(announced)

    def announced(self) -> list[ReminderKey]:
        """What to remember for the next run (items still open that were announced)."""
        return sorted(self._notified, key=lambda k: (k[2], k[0], k[1]))

    def newly_due(self, items: Iterable[DueItem], now: dt.datetime) -> list[DueItem]:
        """Items due at ``now`` that were not announced yet, earliest first; marks them."""
        now = ensure_utc(now, "now")
        current = {reminder_key(item): item for item in items}
        self._notified.intersection_update(current)  # forget items that are gone (done)
        fresh = [
            item for key, item in current.items() if item.due <= now and key not in self._notified
        ]
        self._notified.update(reminder_key(item) for item in fresh)
        return sorted(fresh, key=lambda i: (i.due, i.name.casefold(), reminder_key(i)))



_MAX_NAMES = 3


def summary_text(items: Iterable[DueItem]) -> tuple[str, str]:
    """Title and body of one notification covering ``items`` (at least one)."""
    items = list(items)
    if not items:
        raise ValueError("nothing to announce")
    if len(items) == 1:
        item = items[0]
        if item.kind in ("birthday", "anniversary"):
            return f"{item.name}: {item.kind} coming up", item.note
        verb = "Follow up with" if item.kind == "followup" else "Get in touch with"
        return f"{verb} {item.name}", item.note
    names = list(dict.fromkeys(item.name for item in items))  # one mention per person
    shown = ", ".join(names[:_MAX_NAMES])
    rest = len(names) - _MAX_NAMES
    body = f"{shown} and {rest} more" if rest > 0 else shown
    return f"{len(items)} follow-ups due", body


def key_text(key: ReminderKey) -> str:
    """A key as one line of text for the settings file: "followup:12:2026-11-27T13:00:00+00:00"."""
    kind, ident, due = key
    return f"{kind}:{ident}:{due.isoformat()}"


def parse_key(text: str) -> ReminderKey | None:
    """``key_text`` read back; None for anything else (a hand-edited or older file)."""
    kind, _, rest = text.partition(":")
    ident, _, when = rest.partition(":")
    try:
        due = dt.datetime.fromisoformat(when)
        return (kind, int(ident), ensure_utc(due)) if kind else None
    except ValueError:
        return None
