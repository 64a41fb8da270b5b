"""What netdesk adds to a contact, as ``X-NETDESK-*`` properties (see docs/VCARD.md).

Other apps keep unknown ``X-`` lines, so where and how the user met someone, the
keep-in-touch cadence, the last contact and the date reminder setting survive a move to
another laptop through a vCard, or a trip through a phone. ``export --plain`` leaves them out.
"""

from __future__ import annotations

import datetime as dt

from netdesk.domain.contact import EVENT_KINDS, Contact
from netdesk.vcard.properties import Property, param
from netdesk.vcard.text import escape, unescape

MET_EVENT = "X-NETDESK-MET-EVENT"  # ;X-KIND=conference:PyCon Berlin
MET_NOTE = "X-NETDESK-MET-NOTE"  # text
CADENCE = "X-NETDESK-CADENCE"  # keep in touch every N days
LAST_CONTACT = "X-NETDESK-LAST-CONTACT"  # UTC time of the last logged interaction
REMIND_DAYS = "X-NETDESK-REMIND-DAYS"  # remind N days before birthday/anniversary
NAMES = (MET_EVENT, MET_NOTE, CADENCE, LAST_CONTACT, REMIND_DAYS)


def netdesk_lines(c: Contact) -> list[str]:
    out = []
    if c.met_event:
        kind = f";X-KIND={c.met_event_kind}" if c.met_event_kind in EVENT_KINDS else ""
        out.append(f"{MET_EVENT}{kind}:{escape(c.met_event)}")
    if c.met_note:
        out.append(f"{MET_NOTE}:{escape(c.met_note)}")
    if c.keep_in_touch_days is not None:
        out.append(f"{CADENCE}:{c.keep_in_touch_days}")
    if c.last_contact is not None:
        when = c.last_contact.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        out.append(f"{LAST_CONTACT}:{when}")
    if c.remind_days_before is not None:
        out.append(f"{REMIND_DAYS}:{c.remind_days_before}")
    return out


def read_netdesk(c: Contact, p: Property, value: str) -> bool:
    """Apply one X-NETDESK-* property (``value`` decoded, escapes in place); False when it
    cannot be read (the caller keeps the line raw)."""
    text = unescape(value).strip()
    name = p.name
    if name == MET_EVENT:
        c.met_event = text
        kind = param(p.params, "X-KIND").strip().lower()
        c.met_event_kind = kind if kind in EVENT_KINDS else ""
        return bool(text)
    if name == MET_NOTE:
        c.met_note = text
        return True
    if name in (CADENCE, REMIND_DAYS):
        if not text.isdigit():
            return False
        days = int(text)
        if name == CADENCE and days >= 1:
            c.keep_in_touch_days = days
            return True
        if name == REMIND_DAYS and days <= 60:
            c.remind_days_before = days
            return True
        return False
    if name == LAST_CONTACT:
        try:
            when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return False
        if when.tzinfo is None:
            return False
        c.last_contact = when.astimezone(dt.UTC)
        return True
    return False
