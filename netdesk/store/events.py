"""Events and the people met there: domain ``Event`` objects in and out, on a caller's
connection."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, delete, insert, select, update

from netdesk.domain.events import Event
from netdesk.domain.text import fold
from netdesk.store.models import (
    ContactRow,
    EventPersonRow,
    EventRow,
    FollowUpRow,
    InteractionPersonRow,
    InteractionRow,
)

_E = EventRow.__table__
_EP = EventPersonRow.__table__
_C = ContactRow.__table__


def _met_at():
    """(event_id, contact_id) of everyone met at an event: the links, and the contacts whose
    where-met names the event (the editor sets that one without a link)."""
    return (
        select(_EP.c.event_id, _EP.c.contact_id)
        .union(select(_C.c.met_event_id.label("event_id"), _C.c.id.label("contact_id"))
               .where(_C.c.met_event_id.is_not(None)))
        .subquery()
    )


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _event(r) -> Event:
    return Event(r.name, r.kind, _day(r.start_date), _day(r.end_date), r.place, r.notes, r.id)


def _params(e: Event) -> dict:
    return {
        "name": e.name.strip(),
        "kind": e.kind,
        "start_date": e.start.isoformat() if e.start else None,
        "end_date": e.end.isoformat() if e.end else None,
        "place": e.place.strip(),
        "notes": e.notes.strip(),
    }


def _utc(stored) -> dt.datetime:
    at = dt.datetime.fromisoformat(stored) if isinstance(stored, str) else stored
    return at.replace(tzinfo=dt.UTC)


class EventRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- events -------------------------------------------------------------------------------
    def add(self, event: Event) -> int:
        params = _params(event)
        if event.id is not None:  # an undone delete comes back under its old id
            params["id"] = event.id
        return self.conn.execute(insert(_E).values(**params)).inserted_primary_key[0]

    def save(self, event: Event) -> None:
        self.conn.execute(update(_E).where(_E.c.id == event.id).values(**_params(event)))

    def delete(self, event_id: int) -> None:
        self.conn.execute(delete(_E).where(_E.c.id == event_id))

    def get(self, event_id: int) -> Event | None:
        row = self.conn.execute(select(_E).where(_E.c.id == event_id)).first()
        return _event(row) if row else None

    def find_by_name(self, name: str) -> Event | None:
        """The event with this name, folded the way the store matches event names."""
        key = fold(name)
        for row in self.conn.execute(select(_E)):
            if fold(row.name) == key:
                return _event(row)
        return None

    def all(self) -> list[Event]:
        """Every event, newest first; undated ones last, by name."""
        rows = self.conn.execute(
            select(_E).order_by(_E.c.start_date.is_(None), _E.c.start_date.desc(), _E.c.name)
        )
        return [_event(r) for r in rows]

    # -- people met there ---------------------------------------------------------------------
    def link(self, event_id: int, contact_ids: Iterable[int]) -> list[int]:
        """Link people to an event; returns those that were not linked before."""
        wanted = list(dict.fromkeys(contact_ids))
        if not wanted:
            return []
        had = set(self.conn.execute(select(_EP.c.contact_id).where(
            _EP.c.event_id == event_id, _EP.c.contact_id.in_(wanted))).scalars())
        new = [c for c in wanted if c not in had]
        if new:
            self.conn.execute(insert(_EP), [{"event_id": event_id, "contact_id": c} for c in new])
        return new

    def existing_contacts(self, contact_ids: Sequence[int]) -> list[int]:
        """Those of ``contact_ids`` that are contacts in the store, in the given order."""
        from netdesk.store.models import ContactRow

        alive = set(self.conn.execute(select(ContactRow.id).where(
            ContactRow.id.in_(list(contact_ids)))).scalars())
        return [c for c in contact_ids if c in alive]

    def unlink(self, event_id: int, contact_ids: Sequence[int]) -> None:
        ids = list(contact_ids)
        self.conn.execute(delete(_EP).where(_EP.c.event_id == event_id, _EP.c.contact_id.in_(ids)))
        self.conn.execute(update(_C).where(_C.c.id.in_(ids), _C.c.met_event_id == event_id)
                          .values(met_event_id=None))

    def set_where_met(self, contact_ids: Sequence[int], event_id: int | None) -> None:
        self.conn.execute(update(_C).where(_C.c.id.in_(list(contact_ids)))
                          .values(met_event_id=event_id))

    def where_met(self, event_id: int) -> list[int]:
        return list(self.conn.execute(select(_C.c.id).where(_C.c.met_event_id == event_id))
                    .scalars())

    def people(self, event_id: int) -> list[tuple[int, str]]:
        return self.people_by_event(event_id).get(event_id, [])

    def people_by_event(self, event_id: int | None = None) -> dict[int, list[tuple[int, str]]]:
        met = _met_at()
        query = (
            select(met.c.event_id, _C.c.id, _C.c.display_name)
            .join(_C, _C.c.id == met.c.contact_id)
            .order_by(met.c.event_id, _C.c.sort_name, _C.c.id)
        )
        if event_id is not None:
            query = query.where(met.c.event_id == event_id)
        out: dict[int, list[tuple[int, str]]] = {}
        for eid, cid, name in self.conn.execute(query):
            out.setdefault(eid, []).append((cid, name))
        return out

    def events_of(self, contact_id: int) -> list[Event]:
        met = _met_at()
        rows = self.conn.execute(
            select(_E).join(met, met.c.event_id == _E.c.id).where(met.c.contact_id == contact_id)
            .order_by(_E.c.start_date.desc(), _E.c.name)
        )
        return [_event(r) for r in rows]

    # -- the meeting at an event ------------------------------------------------------------
    def meeting_at(self, note: str, since: dt.datetime) -> int | None:
        """The id of the "met at <event>" interaction logged since ``since``, if any."""
        i = InteractionRow.__table__
        return self.conn.execute(
            select(i.c.id).where(i.c.channel == "event", i.c.note == note, i.c.at >= since)
            .order_by(i.c.id.desc()).limit(1)
        ).scalar()

    def join_meeting(self, interaction_id: int, contact_id: int) -> bool:
        """Add someone to an interaction; False when it no longer exists."""
        i, ip = InteractionRow.__table__, InteractionPersonRow.__table__
        if self.conn.execute(select(i.c.id).where(i.c.id == interaction_id)).first() is None:
            return False
        self.conn.execute(insert(ip).prefix_with("OR IGNORE").values(
            interaction_id=interaction_id, contact_id=contact_id))
        return True

    # -- what happened after ------------------------------------------------------------------
    def touches(self, contact_ids: Sequence[int]) -> dict[int, list[dt.datetime]]:
        """Every moment each contact was in touch: interactions they took part in and
        follow-ups marked done."""
        i, ip, f = InteractionRow.__table__, InteractionPersonRow.__table__, FollowUpRow.__table__
        out: dict[int, list[dt.datetime]] = {}
        ids = list(dict.fromkeys(contact_ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for query in (
                select(i.c.contact_id, i.c.at).where(i.c.contact_id.in_(chunk)),
                select(ip.c.contact_id, i.c.at).join(i, i.c.id == ip.c.interaction_id)
                .where(ip.c.contact_id.in_(chunk)),
                select(f.c.contact_id, f.c.done_at).where(
                    f.c.contact_id.in_(chunk), f.c.done_at.is_not(None)),
            ):
                for cid, at in self.conn.execute(query):
                    out.setdefault(cid, []).append(_utc(at))
        return out
