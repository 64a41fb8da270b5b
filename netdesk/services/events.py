"""Events and the people met there: create, edit, delete (and put back), link people, and the
"met 6, followed up with 2" summaries of the Events view.

Every write is one transaction inside ``storage_errors()``; bad input is a ValidationError
naming its field, and changes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from netdesk.domain.clock import Clock, SystemClock
from netdesk.domain.events import Event, EventSummary, kind_from_text, validate_event
from netdesk.domain.timeparse import local_tz
from netdesk.services.errors import NotFoundError, ValidationError, storage_errors
from netdesk.store.db import Database


@dataclasses.dataclass(frozen=True)
class EventDeletion:
    """What ``delete`` removed, for ``restore``: the event and who was met there."""

    event: Event
    people: tuple[int, ...]
    # Those whose "where we met" named the event (the delete cleared it).
    where_met: tuple[int, ...] = ()


def parse_day(text: str, what: str) -> dt.date | None:
    """A date typed as YYYY-MM-DD (empty: none); ValidationError naming ``what`` otherwise."""
    if not text.strip():
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"{what}: not a date: “{text}” (use YYYY-MM-DD)", what) from None


def parse_kind(text: str) -> str:
    try:
        return kind_from_text(text)
    except ValueError as exc:
        raise ValidationError(str(exc), "kind") from None


def _check(event: Event) -> Event:
    try:
        validate_event(event)
    except ValueError as exc:
        field, _, message = str(exc).partition(": ")
        raise ValidationError(message, field) from None
    return dataclasses.replace(event, name=event.name.strip(), place=event.place.strip(),
                               notes=event.notes.strip())


class EventService:
    def __init__(self, database: Database, clock: Clock | None = None,
                 tz: dt.tzinfo | None = None) -> None:
        self.db = database
        self.clock = clock or SystemClock()
        self.tz = tz or local_tz()

    def _repo(self, conn):
        from netdesk.store.events import EventRepository

        return EventRepository(conn)

    def today(self) -> dt.date:
        return self.clock.now().astimezone(self.tz).date()

    # -- reading ------------------------------------------------------------------------------
    def all(self) -> list[Event]:
        with storage_errors(), self.db.engine.connect() as conn:
            return self._repo(conn).all()

    def get(self, event_id: int) -> Event:
        with storage_errors(), self.db.engine.connect() as conn:
            found = self._repo(conn).get(event_id)
        if found is None:
            raise NotFoundError(f"no event with id {event_id}")
        return found

    def find(self, ref: str) -> Event:
        """An event by id or by name (case and accents do not matter)."""
        ref = ref.strip()
        if ref.isdigit():
            return self.get(int(ref))
        with storage_errors(), self.db.engine.connect() as conn:
            found = self._repo(conn).find_by_name(ref)
        if found is None:
            raise NotFoundError(f"no event called “{ref}”")
        return found

    def people(self, event_id: int) -> list[tuple[int, str]]:
        with storage_errors(), self.db.engine.connect() as conn:
            return self._repo(conn).people(event_id)

    def events_of(self, contact_id: int) -> list[Event]:
        with storage_errors(), self.db.engine.connect() as conn:
            return self._repo(conn).events_of(contact_id)

    def current(self, last_used: int | None = None) -> Event | None:
        """The event to preselect: the one happening today, else the one last used."""
        today = self.today()
        events = self.all()
        for event in events:
            if event.happens_on(today):
                return event
        return next((e for e in events if e.id == last_used), None)

    def summaries(self) -> list[EventSummary]:
        """Every event with the people met there and who was in touch after it ended
        (an interaction or a done follow-up on a later local day)."""
        with storage_errors(), self.db.engine.connect() as conn:
            repo = self._repo(conn)
            events = repo.all()
            met = repo.people_by_event()
            touches = repo.touches([cid for people in met.values() for cid, _ in people])
        out = []
        for event in events:
            people = met.get(event.id, [])
            after = event.last_day
            followed = {
                cid for cid, _ in people
                if any(after is None or at.astimezone(self.tz).date() > after
                       for at in touches.get(cid, ()))
            }
            out.append(EventSummary(event, people, followed))
        return out

    def export_ics(self, path=None) -> str:  # noqa: ANN001
        """Dated events with the people met there as iCalendar text (and into ``path``)."""
        from pathlib import Path

        from netdesk.ical.events import events_ics

        with storage_errors(), self.db.engine.connect() as conn:
            repo = self._repo(conn)
            met = repo.people_by_event()
            events = [(e, [name for _, name in met.get(e.id, [])]) for e in repo.all()]
        text = events_ics(events, dtstamp=self.clock.now())
        if path is not None:
            with storage_errors():
                Path(path).write_text(text, encoding="utf-8", newline="")
        return text

    def meet_at(self, event: Event, contact_id: int) -> tuple[int, bool]:
        """Log that ``contact_id`` was met at ``event`` today: everyone met there the same day
        shares one "met at" interaction (one meetup with six people is one entry, and every
        one of their cadence clocks restarts). Returns (interaction id, whether it was new)."""
        from netdesk.domain.activity import Interaction
        from netdesk.store.activity import ActivityRepository

        now = self.clock.now()
        midnight = dt.datetime.combine(now.astimezone(self.tz).date(), dt.time(), self.tz)
        note = f"Met at {event.name}"
        with storage_errors(), self.db.engine.begin() as conn:
            repo = self._repo(conn)
            shared = repo.meeting_at(note, midnight.astimezone(dt.UTC))
            if shared is not None and repo.join_meeting(shared, contact_id):
                return shared, False
            return ActivityRepository(conn).add_interaction(
                Interaction(contact_id, now, "event", note)), True

    # -- writing ------------------------------------------------------------------------------
    def _name_free(self, repo, event: Event) -> None:
        other = repo.find_by_name(event.name)
        if other is not None and other.id != event.id:
            raise ValidationError(f"there is already an event called “{other.name}”", "name")

    def add(self, event: Event) -> Event:
        clean = _check(event)
        with storage_errors(), self.db.engine.begin() as conn:
            repo = self._repo(conn)
            self._name_free(repo, clean)
            clean.id = repo.add(clean)
        return clean

    def update(self, event: Event) -> Event:
        """Save changes; returns the event as it was before (for undo)."""
        clean = _check(event)
        with storage_errors(), self.db.engine.begin() as conn:
            repo = self._repo(conn)
            before = repo.get(event.id) if event.id is not None else None
            if before is None:
                raise NotFoundError(f"no event with id {event.id}")
            self._name_free(repo, clean)
            repo.save(clean)
        return before

    def delete(self, event_id: int) -> EventDeletion:
        with storage_errors(), self.db.engine.begin() as conn:
            repo = self._repo(conn)
            event = repo.get(event_id)
            if event is None:
                raise NotFoundError(f"no event with id {event_id}")
            people = tuple(cid for cid, _ in repo.people(event_id))
            where_met = tuple(repo.where_met(event_id))
            repo.delete(event_id)
        return EventDeletion(event, people, where_met)

    def restore(self, deletion: EventDeletion) -> Event:
        with storage_errors(), self.db.engine.begin() as conn:
            repo = self._repo(conn)
            event_id = repo.add(deletion.event)
            repo.link(event_id, repo.existing_contacts(deletion.people))
            repo.set_where_met(deletion.where_met, event_id)
        return dataclasses.replace(deletion.event, id=event_id)

    def link(self, event_id: int, contact_ids: Sequence[int]) -> list[int]:
        """Record that these people were met at the event; returns the newly linked ones."""
        with storage_errors(), self.db.engine.begin() as conn:
            repo = self._repo(conn)
            if repo.get(event_id) is None:
                raise NotFoundError(f"no event with id {event_id}")
            missing = set(contact_ids) - set(repo.existing_contacts(contact_ids))
            if missing:
                raise NotFoundError(f"no contact with id {min(missing)}")
            return repo.link(event_id, contact_ids)

    def unlink(self, event_id: int, contact_ids: Sequence[int]) -> None:
        with storage_errors(), self.db.engine.begin() as conn:
            self._repo(conn).unlink(event_id, contact_ids)


