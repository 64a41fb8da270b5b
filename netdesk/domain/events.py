"""Events where the user meets people: meetups, association evenings, conferences, online.

Dates are local calendar dates (``datetime.date``); an event without a date is allowed (one made
from an old where-met note) and counts as neither past nor upcoming.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from netdesk.domain.contact import EVENT_KINDS

# What each stored kind is called where the user reads it.
KIND_LABELS = {
    "meetup": "meetup",
    "association": "association",
    "conference": "conference",
    "online": "online community",
    "other": "other",
}
assert set(KIND_LABELS) == set(EVENT_KINDS)


def kind_from_text(text: str) -> str:
    """The stored kind for what the user typed ("online community" -> "online")."""
    typed = text.strip().casefold()
    for kind, label in KIND_LABELS.items():
        if typed in (kind, label):
            return kind
    raise ValueError(
        f"unknown kind of event “{text}” (use one of: {', '.join(KIND_LABELS.values())})"
    )


@dataclass(slots=True)
class Event:
    name: str
    kind: str = "other"
    start: dt.date | None = None
    end: dt.date | None = None
    place: str = ""
    notes: str = ""
    id: int | None = None

    @property
    def last_day(self) -> dt.date | None:
        return self.end or self.start

    def happens_on(self, day: dt.date) -> bool:
        if self.start is None:
            return False
        return self.start <= day <= (self.end or self.start)

    def is_upcoming(self, today: dt.date) -> bool:
        return self.start is not None and self.start > today


@dataclass(slots=True)
class EventSummary:
    """An event with the people met there and how many of them were followed up since."""

    event: Event
    met: list[tuple[int, str]] = field(default_factory=list)  # (contact id, name)
    followed_up: set[int] = field(default_factory=set)

    @property
    def not_followed_up(self) -> list[tuple[int, str]]:
        return [(cid, name) for cid, name in self.met if cid not in self.followed_up]

    def wording(self) -> str:
        if not self.met:
            return "nobody met yet"
        return f"met {len(self.met)}, followed up with {len(self.followed_up)}"


def validate_event(event: Event) -> None:
    """Raise ValueError (with the field's name first) for an event that cannot be saved."""
    if not event.name.strip():
        raise ValueError("name: an event needs a name")
    if event.kind not in KIND_LABELS:
        raise ValueError(f"kind: unknown kind of event {event.kind!r}")
    if event.end is not None and event.start is None:
        raise ValueError("end_date: an event with an end date needs a start date")
    if event.start and event.end and event.end < event.start:
        raise ValueError("end_date: the event ends before it starts")
