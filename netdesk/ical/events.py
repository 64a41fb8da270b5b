"""Events and the people met there as iCalendar VEVENTs, so they show in the user's calendar.

A dated event becomes an all-day VEVENT (DTEND is the day after its last day, as RFC 5545 wants
for dates). UIDs are stable per event (``event-<id>@netdesk``): importing a newer export
updates the entries instead of duplicating them. Undated events are left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import vobject

from netdesk.domain.events import KIND_LABELS, Event
from netdesk.ical.export import PRODID, _utc


def events_ics(events: Iterable[tuple[Event, Sequence[str]]], *, dtstamp: dt.datetime) -> str:
    """A VCALENDAR with one all-day VEVENT per dated event, listing the people met there."""
    stamp = _utc(dtstamp, "dtstamp")
    calendar = vobject.iCalendar()
    calendar.add("prodid").value = PRODID
    for event, people in sorted(events, key=lambda pair: (pair[0].start or dt.date.min,
                                                          pair[0].id or 0)):
        if event.start is None:
            continue
        if event.id is None:
            raise ValueError("an event must be saved (have an id) before it is exported")
        comp = calendar.add("vevent")
        comp.add("uid").value = f"event-{event.id}@netdesk"
        comp.add("dtstamp").value = stamp
        comp.add("summary").value = event.name
        comp.add("dtstart").value = event.start
        comp.add("dtend").value = (event.end or event.start) + dt.timedelta(days=1)
        comp.add("categories").value = [KIND_LABELS.get(event.kind, event.kind)]
        if event.place:
            is_url = event.place.startswith(("http://", "https://"))
            comp.add("url" if is_url else "location").value = event.place
        lines = [f"Met: {', '.join(people)}"] if people else []
        if event.notes:
            lines.append(event.notes)
        if lines:
            comp.add("description").value = "\n".join(lines)
        comp.add("transp").value = "TRANSPARENT"
    return calendar.serialize()
