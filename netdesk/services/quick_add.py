""""Met someone": one person added in one step — name, company, one contact detail, a note,
the event where they were met, tags, and maybe a follow-up — in one transaction.

``remove`` takes the whole entry back (the undo of the quick add command).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from netdesk.domain.activity import FollowUp
from netdesk.domain.contact import Contact, LabeledValue
from netdesk.domain.followup_text import split_followup
from netdesk.services.activity import ActivityService
from netdesk.services.contacts import ContactService, Deletion
from netdesk.services.errors import ValidationError
from netdesk.services.events import EventService


@dataclasses.dataclass
class QuickEntry:
    name: str
    company: str = ""
    detail: str = ""  # an e-mail address or a phone number
    note: str = ""
    event_id: int | None = None
    tags: tuple[str, ...] = ()
    followup: str = ""  # "send the intro tomorrow"


@dataclasses.dataclass
class QuickAdded:
    contact: Contact
    followup: FollowUp | None


def contact_detail(text: str) -> tuple[list[LabeledValue], list[LabeledValue]]:
    """(e-mails, phones) for the one detail typed: an ``@`` makes it an e-mail address."""
    value = text.strip()
    if not value:
        return [], []
    if "@" in value:
        return [LabeledValue(value)], []
    if any(ch.isdigit() for ch in value):
        return [], [LabeledValue(value, "cell")]
    raise ValidationError(f"“{value}” is neither an e-mail address nor a phone number", "detail")


def parse_tags(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


class QuickAddService:
    def __init__(self, contacts: ContactService, activity: ActivityService,
                 events: EventService) -> None:
        self.contacts, self.activity, self.events = contacts, activity, events

    def due_of(self, followup: str) -> tuple[str, dt.datetime]:
        try:
            return split_followup(followup, self.activity.clock.now(), self.activity.tz)
        except ValueError as exc:
            raise ValidationError(str(exc), "followup") from None

    def add(self, entry: QuickEntry) -> QuickAdded:
        if not entry.name.strip():
            raise ValidationError("a name, please: who did you meet?", "name")
        emails, phones = contact_detail(entry.detail)
        event = self.events.get(entry.event_id) if entry.event_id is not None else None
        todo = self.due_of(entry.followup) if entry.followup.strip() else None
        contact = Contact(
            display_name=entry.name.strip(), org=entry.company.strip(), emails=emails,
            phones=phones, tags=list(entry.tags), met_note=entry.note.strip(),
            met_event=event.name if event else "", met_event_kind=event.kind if event else "",
        )
        # Checked before anything is written, so a bad follow-up adds nobody.
        created = self.contacts.create(contact)
        added = QuickAdded(created, None)
        try:
            if event is not None:
                self.events.meet_at(event, created.id)
            if todo is not None:
                added.followup = self.activity.add_followup(created.id, todo[1], todo[0])
        except Exception:
            self.contacts.delete([created.id])
            raise
        return added

    def remove(self, added: QuickAdded) -> Deletion:
        return self.contacts.delete([added.contact.id])

    def put_back(self, deletion: Deletion) -> None:
        # The restore also puts them back into the shared "met at" interaction.
        self.contacts.restore(deletion)
