"""Follow-ups (and optionally keep-in-touch cadences) as iCalendar text.

Written by a plain writer (RFC 5545 escaping and folding), not vobject's object model, which
cost ~1 ms per entry (3,000 follow-ups took 3-11 s); the output is the same text vobject
wrote, property order included (tests/ical/test_export.py compares them).

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

    out = ["BEGIN:VCALENDAR\r\n", "VERSION:2.0\r\n", _fold(f"PRODID:{PRODID}")]
    for entry in sorted(entries, key=lambda e: (e.due, e.uid)):
        out += entry.lines(component, stamp, event_length)
    out.append("END:VCALENDAR\r\n")
    return "".join(out)


def _utc(value: dt.datetime, what: str) -> dt.datetime:
    # ical/events.py still writes through vobject 0.9.9, which cannot name
    # datetime.timezone.utc ("Unable to guess TZID") but writes dateutil's UTC as a plain "Z".
    return ensure_utc(value, what).replace(tzinfo=dateutil_tz.UTC)


def _when(value: dt.datetime) -> str:
    """A UTC DATE-TIME: ``20261203T100000Z``."""
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _text(value: str) -> str:
    """A TEXT value escaped (RFC 5545 3.3.11)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _fold(line: str) -> str:
    """``line`` folded to lines of at most 75 octets (continuations start with a space),
    never inside a UTF-8 character, ending with CRLF."""
    if len(line) <= 75 and line.isascii():
        return line + "\r\n"
    parts, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            parts.append("".join(current))
            current, size = [], 1  # the continuation's leading space
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts) + "\r\n"


@dataclass(frozen=True, slots=True)
class _Entry:
    uid: str
    contact_id: int
    summary: str
    description: str
    due: dt.datetime
    done_at: dt.datetime | None

    def lines(self, component: Component, stamp: dt.datetime,
              length: dt.timedelta) -> list[str]:
        """The entry's lines, in the order vobject wrote them (VEVENT: UID, DTSTART, DTEND
        first; then by name)."""
        props: list[tuple[str, str]] = [("DTSTAMP", _when(stamp)),
                                        ("SUMMARY", _text(self.summary))]
        if self.description:
            props.append(("DESCRIPTION", _text(self.description)))
        # Lets a later import (or a human) find the contact again.
        props.append(("X-NETDESK-CONTACT-ID", str(self.contact_id)))
        if component == "VTODO":
            props += [("DUE", _when(self.due)),
                      ("STATUS", "COMPLETED" if self.done_at else "NEEDS-ACTION"),
                      ("UID", self.uid)]
            if self.done_at:
                props.append(("COMPLETED", _when(self.done_at)))
            first: list[tuple[str, str]] = []
        else:
            props.append(("TRANSP", "TRANSPARENT"))  # a reminder, not a busy slot
            first = [("UID", self.uid), ("DTSTART", _when(self.due)),
                     ("DTEND", _when(self.due + length))]
        ordered = first + sorted(props)
        return [f"BEGIN:{component}\r\n", *(_fold(f"{k}:{v}") for k, v in ordered),
                f"END:{component}\r\n"]
