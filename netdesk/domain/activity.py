"""Interactions (what happened) and follow-ups (what should happen next).

Datetimes here are timezone-aware and in UTC; the UI and CLI convert to local time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

CHANNELS = ("meeting", "call", "email", "message", "event", "other")


@dataclass(slots=True)
class Interaction:
    contact_id: int
    at: dt.datetime
    channel: str = "other"
    note: str = ""
    id: int | None = None
    # Everyone else who took part (one meeting with three people is one interaction).
    with_ids: tuple[int, ...] = ()

    @property
    def people(self) -> tuple[int, ...]:
        return (self.contact_id, *self.with_ids)


@dataclass(slots=True)
class FollowUp:
    contact_id: int
    due: dt.datetime
    note: str = ""
    done_at: dt.datetime | None = None
    # When snoozed, the follow-up is not due before this moment; ``due`` keeps the original.
    snoozed_until: dt.datetime | None = None
    created_at: dt.datetime | None = None
    id: int | None = None

    @property
    def effective_due(self) -> dt.datetime:
        """When it falls due, taking a snooze into account."""
        if self.snoozed_until is not None and self.snoozed_until > self.due:
            return self.snoozed_until
        return self.due

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
