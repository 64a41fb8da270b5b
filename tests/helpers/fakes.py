"""Test doubles for time and notifications: tests walk the clock by hand and count messages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: dt.datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware start time")
        self._now = start.astimezone(dt.UTC)

    def now(self) -> dt.datetime:
        return self._now

    def advance(self, delta: dt.timedelta | None = None, **kwargs: float) -> dt.datetime:
        self._now += delta if delta is not None else dt.timedelta(**kwargs)
        return self._now

    def set(self, moment: dt.datetime) -> None:
        self._now = moment.astimezone(dt.UTC)


@dataclass
class FakeNotifier:
    """Records every notification instead of showing it."""

    sent: list[tuple[str, str, int | None]] = field(default_factory=list)

    def notify(self, title: str, body: str, contact_id: int | None = None) -> None:
        self.sent.append((title, body, contact_id))

    @property
    def titles(self) -> list[str]:
        return [title for title, _body, _cid in self.sent]


def add_contact(contacts, name: str, created: dt.datetime, **fields) -> int:
    """Create a contact through ContactService with ``created_at`` pinned to ``created``.

    The store stamps the real wall clock on create; cadences count from ``created_at``, so
    tests that use a FakeClock pin it to keep due dates reproducible.
    """
    from sqlalchemy import update

    from netdesk.domain.contact import Contact
    from netdesk.store.models import ContactRow

    contact = contacts.create(Contact(display_name=name, **fields))
    with contacts.db.engine.begin() as conn:
        conn.execute(
            update(ContactRow).where(ContactRow.id == contact.id).values(created_at=created)
        )
    return contact.id
