"""Follow-ups (and optionally keep-in-touch cadences) as iCalendar text, written by vobject.

Each follow-up becomes a VTODO (task apps, Thunderbird, Apple Reminders) or, on request, a
VEVENT (calendars such as Google Calendar ignore VTODO). UIDs are stable per follow-up
(``followup-<id>@netdesk``) and per contact cadence (``cadence-<contact id>@netdesk``), so
importing a newer export updates the entries instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import vobject
from dateutil import tz as dateutil_tz

from netdesk.domain.activity import FollowUp
from netdesk.domain.clock import ensure_utc
from netdesk.domain.due import CadenceInput

PRODID = "-//netdesk//netdesk//EN"
Component = Literal["VTODO", "VEVENT"]


def export_ics(
    followups: Iterable[tuple[FollowUp, str]],
    *,
    dtstamp: dt.datetime,
    cadences: Iterable[CadenceInput] = (),
    component: Component = "VTODO",
    include_done: bool = False,
    event_length: dt.timedelta = dt.timedelta(minutes=15),
) -> str:
    """A VCALENDAR with one entry per follow-up (given with the contact's name) and cadence.

    Times are written in UTC (``...Z``): the due moment is stored in UTC and every calendar
    shows it in the reader's own zone. A VTODO carries DUE; a VEVENT carries DTSTART and
    DTEND (``event_length`` later). Snoozed follow-ups use the snoozed time. Done follow-ups
    are left out unless ``include_done``, then marked COMPLETED. ``dtstamp`` is when the
    export was made (time is passed in so the output is reproducible).
    """
    if component not in ("VTODO", "VEVENT"):
        raise ValueError(f"component must be VTODO or VEVENT, not {component!r}")
    stamp = _utc(dtstamp, "dtstamp")
    entries: list[_Entry] = []
    for followup, name in followups:
        if followup.is_done and not include_done:
            continue
        if followup.id is None:
            raise ValueError("a follow-up must be saved (have an id) before it is exported")
        entries.append(
            _Entry(
                uid=f"followup-{followup.id}@netdesk",
                contact_id=followup.contact_id,
                summary=f"Follow up with {name}",
                description=followup.note,
                due=_utc(followup.effective_due, "follow-up due"),
                done_at=_utc(followup.done_at, "done_at") if followup.done_at else None,
            )
        )
    for cadence in cadences:
        entries.append(
            _Entry(
                uid=f"cadence-{cadence.contact_id}@netdesk",
                contact_id=cadence.contact_id,
                summary=f"Get in touch with {cadence.name}",
                description=f"Keep in touch every {cadence.days} days",
                due=_utc(cadence.due, "cadence due"),
                done_at=None,
            )
        )
    uids = [e.uid for e in entries]
    if len(set(uids)) != len(uids):
        raise ValueError("duplicate follow-up ids or cadence contacts in export")

    calendar = vobject.iCalendar()
    calendar.add("prodid").value = PRODID
    for entry in sorted(entries, key=lambda e: (e.due, e.uid)):
        entry.write(calendar, component, stamp, event_length)
    return calendar.serialize()


def _utc(value: dt.datetime, what: str) -> dt.datetime:
    # vobject 0.9.9 cannot name datetime.timezone.utc ("Unable to guess TZID"), but writes
    # dateutil's UTC as a plain "Z" time; vobject depends on dateutil, so it is always here.
    return ensure_utc(value, what).replace(tzinfo=dateutil_tz.UTC)


@dataclass(frozen=True, slots=True)
class _Entry:
    uid: str
    contact_id: int
    summary: str
    description: str
    due: dt.datetime
    done_at: dt.datetime | None

    def write(
        self, calendar, component: Component, stamp: dt.datetime, length: dt.timedelta
    ) -> None:
        comp = calendar.add(component.lower())
        comp.add("uid").value = self.uid
        comp.add("dtstamp").value = stamp
        comp.add("summary").value = self.summary
        if self.description:
            comp.add("description").value = self.description
        if component == "VTODO":
            comp.add("due").value = self.due
            comp.add("status").value = "COMPLETED" if self.done_at else "NEEDS-ACTION"
            if self.done_at:
                comp.add("completed").value = self.done_at
        else:
            comp.add("dtstart").value = self.due
            comp.add("dtend").value = self.due + length
            comp.add("transp").value = "TRANSPARENT"  # a reminder, not a busy slot
        # Lets a later import (or a human) find the contact again.
        comp.add("x-netdesk-contact-id").value = str(self.contact_id)
