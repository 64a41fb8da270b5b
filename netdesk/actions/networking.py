"""Commands for the networking workflow: events, the people met there, and quick add."""

from __future__ import annotations

from collections.abc import Sequence

from netdesk.actions.events import ChangeEvent
from netdesk.domain.events import Event
from netdesk.services.contacts import Deletion
from netdesk.services.events import EventDeletion, EventService
from netdesk.services.quick_add import QuickAdded, QuickAddService, QuickEntry


class AddEvent:
    def __init__(self, events: EventService, event: Event) -> None:
        self.events, self.event = events, event
        self.added: Event | None = None
        self.label = f"Add the event {event.name.strip()}"

    def do(self) -> ChangeEvent:
        self.added = self.events.add(self.event)
        return ChangeEvent.of(events=[self.added.id])

    def undo(self) -> ChangeEvent:
        assert self.added is not None and self.added.id is not None
        self.events.delete(self.added.id)
        return ChangeEvent.of(events=[self.added.id])

    def redo(self) -> ChangeEvent:
        assert self.added is not None
        self.events.restore(EventDeletion(self.added, ()))
        return ChangeEvent.of(events=[self.added.id])


class EditEvent:
    def __init__(self, events: EventService, event: Event) -> None:
        self.events, self.after = events, event
        self.before: Event | None = None
        self.label = f"Edit the event {event.name.strip()}"

    def do(self) -> ChangeEvent:
        self.before = self.events.update(self.after)
        return ChangeEvent.of(events=[self.after.id])

    def undo(self) -> ChangeEvent:
        assert self.before is not None
        self.events.update(self.before)
        return ChangeEvent.of(events=[self.after.id])

    def redo(self) -> ChangeEvent:
        return self.do()


class DeleteEvent:
    def __init__(self, events: EventService, event_id: int, name: str = "") -> None:
        self.events, self.event_id = events, event_id
        self.gone: EventDeletion | None = None
        self.label = f"Delete the event {name}" if name else "Delete an event"

    def do(self) -> ChangeEvent:
        self.gone = self.events.delete(self.event_id)
        return ChangeEvent.of(changed=self.gone.people, events=[self.event_id])

    def undo(self) -> ChangeEvent:
        assert self.gone is not None
        back = self.events.restore(self.gone)
        self.event_id = back.id
        return ChangeEvent.of(changed=self.gone.people, events=[back.id])

    def redo(self) -> ChangeEvent:
        return self.do()


class MetAtEvent:
    """Record that these people were met at an event."""

    def __init__(self, events: EventService, event_id: int, contact_ids: Sequence[int],
                 name: str = "") -> None:
        self.events, self.event_id, self.contact_ids = events, event_id, list(contact_ids)
        self.linked: list[int] = []
        self.label = f"Met {len(self.contact_ids)} at {name}" if name else "Met at an event"

    def _event(self) -> ChangeEvent:
        return ChangeEvent.of(changed=self.contact_ids, events=[self.event_id])

    def do(self) -> ChangeEvent:
        self.linked = self.events.link(self.event_id, self.contact_ids)
        return self._event()

    def undo(self) -> ChangeEvent:
        self.events.unlink(self.event_id, self.linked)
        return self._event()

    def redo(self) -> ChangeEvent:
        return self.do()


class QuickAdd:
    """"Met someone": the person, where they were met and a follow-up, as one undo step."""

    def __init__(self, quick: QuickAddService, entry: QuickEntry) -> None:
        self.quick, self.entry = quick, entry
        self.added: QuickAdded | None = None
        self.gone: Deletion | None = None
        self.label = f"Add {entry.name.strip()}"

    def _event(self) -> ChangeEvent:
        assert self.added is not None
        cid = self.added.contact.id
        events = [self.entry.event_id] if self.entry.event_id is not None else []
        return ChangeEvent.of(changed=[cid], activity=[cid], events=events)

    def do(self) -> ChangeEvent:
        self.added = self.quick.add(self.entry)
        return self._event()

    def undo(self) -> ChangeEvent:
        assert self.added is not None
        self.gone = self.quick.remove(self.added)
        return self._event()

    def redo(self) -> ChangeEvent:
        assert self.gone is not None
        self.quick.put_back(self.gone)
        return self._event()

