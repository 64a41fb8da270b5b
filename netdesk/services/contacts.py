"""Contact use cases: list, search, create, edit, delete (with undo), tags, lookup by name.

The UI and the CLI call these; they never touch SQLAlchemy themselves.
"""

from __future__ import annotations

import dataclasses
import re
import sqlite3
import uuid
from collections.abc import Sequence
from typing import NamedTuple

from netdesk.domain.activity import FollowUp, Interaction
from netdesk.domain.contact import (
    EVENT_KINDS,
    LABELED_FIELDS,
    Contact,
    fallback_display_name,
)
from netdesk.domain.contact_rules import contact_problems
from netdesk.domain.due import validate_cadence
from netdesk.domain.summary import ContactSummary
from netdesk.domain.text import fold
from netdesk.domain.validation import parse_id
from netdesk.services.errors import (
    AmbiguousError,
    NotFoundError,
    ValidationError,
    storage_errors,
)
from netdesk.store import listing, lookup, reading
from netdesk.store.db import Database

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


@dataclasses.dataclass(frozen=True)
class Deletion:
    """What a delete removed, kept by the caller so it can be undone."""

    contacts: list[Contact]
    interactions: list[Interaction]
    followups: list[FollowUp]
    # (interaction id, contact id): group interactions of others the deleted took part in.
    took_part: list[tuple[int, int]] = dataclasses.field(default_factory=list)


def delete_in(conn, ids: Sequence[int]) -> Deletion:  # noqa: ANN001
    """Delete contacts with their activity inside the caller's transaction ``conn``."""
    from netdesk.store.activity import ActivityRepository
    from netdesk.store.contacts import ContactRepository

    interactions, followups = ActivityRepository(conn).snapshot(ids)
    took_part = ActivityRepository(conn).took_part(ids)
    gone = ContactRepository(conn).delete(ids)
    return Deletion(gone, interactions, followups, took_part)


def restore_in(conn, deletion: Deletion) -> dict[int, int]:  # noqa: ANN001
    """Put deleted contacts back with their activity inside the caller's transaction; returns
    ``{old id: new id}`` for those whose old id was taken meanwhile."""
    from netdesk.store.activity import ActivityRepository
    from netdesk.store.contacts import ContactRepository

    moved = ContactRepository(conn).restore(deletion.contacts)
    interactions = [
        dataclasses.replace(i, contact_id=moved.get(i.contact_id, i.contact_id))
        for i in deletion.interactions
    ]
    followups = [
        dataclasses.replace(f, contact_id=moved.get(f.contact_id, f.contact_id))
        for f in deletion.followups
    ]
    ActivityRepository(conn).put_back(interactions, followups)
    ActivityRepository(conn).rejoin([(iid, moved.get(cid, cid)) for iid, cid in deletion.took_part])
    return moved


class TagInfo(NamedTuple):
    name: str
    count: int
    keep_in_touch_days: int | None


def validate_contact(contact: Contact) -> None:
    """Raise ValidationError naming the first field that is wrong (warnings do not raise)."""
    blocking = [p for p in contact_problems(contact) if p.blocking]
    if blocking:
        raise ValidationError(blocking[0].message, blocking[0].field)
    for i, e in enumerate(contact.emails):
        if e.value.strip() and not _EMAIL.match(e.value.strip()):
            raise ValidationError(f"“{e.value}” is not an e-mail address", f"emails[{i}]")
    for i, p in enumerate(contact.phones):
        if p.value.strip() and not re.search(r"\d", p.value):
            raise ValidationError(
                f"“{p.value}” has no digits; is it a phone number?", f"phones[{i}]"
            )
    if contact.keep_in_touch_days is not None:
        try:
            validate_cadence(contact.keep_in_touch_days)
        except ValueError as exc:
            raise ValidationError(str(exc), "keep_in_touch_days") from None
    if contact.met_event_kind and contact.met_event_kind not in EVENT_KINDS:
        raise ValidationError(f"unknown kind of event {contact.met_event_kind!r}", "met_event_kind")


def _cleaned(contact: Contact) -> Contact:
    """A copy with blank multi-values dropped, a display name and a UID."""
    c = dataclasses.replace(contact)
    for field in LABELED_FIELDS:
        setattr(
            c,
            field,
            [
                dataclasses.replace(v, value=v.value.strip())
                for v in getattr(c, field)
                if v.value.strip()
            ],
        )
    c.addresses = [a for a in c.addresses if not a.is_empty()]
    c.tags = sorted({t.strip(): None for t in c.tags if t.strip()}, key=fold)
    c.display_name = c.display_name.strip() or fallback_display_name(c)
    if not c.uid:
        c.uid = f"urn:uuid:{uuid.uuid4()}"
    return c


class ContactService:
    def __init__(self, database: Database) -> None:
        self.db = database
        self._reader: sqlite3.Connection | None = None

    # -- reading ------------------------------------------------------------------------------
    @property
    def _read(self) -> sqlite3.Connection:
        if self._reader is None:
            self._reader = self.db.connect_raw()
        return self._reader

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        self.db.dispose()

    def summaries(
        self, search: str = "", tag: str | None = None, ids: Sequence[int] | None = None
    ) -> list[ContactSummary]:
        """Table rows: all contacts, or those matching ``search`` and/or having ``tag``."""
        with storage_errors():
            if search.strip() or tag:
                wanted = self.search_ids(search, tag)
                if ids is None:
                    ids = wanted
                else:
                    allowed = set(ids)
                    ids = [i for i in wanted if i in allowed]
            return listing.list_summaries(self._read, ids)

    def search_ids(
        self, search: str, tag: str | None = None, limit: int | None = None
    ) -> list[int]:
        """Ids matching every word of ``search`` as a prefix (all if blank), sorted by name.

        ``limit`` keeps the first N by name (the window's first screenful at start-up).
        """
        with storage_errors():
            found = listing.search_ids(self._read, search, limit=None if tag else limit)
            if tag:
                # The same case- and accent-insensitive tag match as everywhere else.
                tagged = set(reading.all_ids(self._read, tag))
                found = [i for i in found if i in tagged]
            return found if limit is None else found[:limit]

    def matching_ids(self, search: str) -> set[int] | None:
        """Unordered ids matching every word of ``search`` as a prefix; None for everyone.

        The search-as-you-type path: the caller keeps the rows and their order itself.
        """
        with storage_errors():
            return listing.matching_ids(self._read, search)

    def get(self, contact_id: int) -> Contact:
        from netdesk.store.contacts import ContactRepository

        with storage_errors(), self.db.engine.connect() as conn:
            found = ContactRepository(conn).get(contact_id)
        if found is None:
            raise NotFoundError(f"no contact with id {contact_id}")
        return found

    def get_many(self, ids: Sequence[int]) -> list[Contact]:
        from netdesk.store.contacts import ContactRepository

        with storage_errors(), self.db.engine.connect() as conn:
            return ContactRepository(conn).get_many(ids)

    def count(self) -> int:
        with storage_errors():
            return lookup.count_contacts(self._read)

    def resolve(self, ref: str) -> Contact:
        """A contact from what a user typed: an id, or a unique match on name or e-mail."""
        ref = ref.strip()
        if not ref:
            raise NotFoundError("no contact given")
        try:
            contact_id = parse_id(ref)
        except ValueError as exc:
            raise NotFoundError(str(exc)) from None
        if contact_id is not None:
            return self.get(contact_id)
        con = self._read
        with storage_errors():
            candidates = lookup.exact_matches(con, fold(ref), ref.lower())
            if not candidates:
                # No exact name or e-mail: fall back to the same prefix search as the GUI.
                candidates = lookup.display_names(con, listing.search_ids(con, ref, limit=20))
        if not candidates:
            raise NotFoundError(f"no contact matches “{ref}”")
        if len(candidates) > 1:
            listed = "; ".join(f"{name} (id {cid})" for cid, name in candidates[:10])
            raise AmbiguousError(
                f"“{ref}” matches {len(candidates)} contacts: {listed}. Use the id.", candidates
            )
        return self.get(candidates[0][0])

    def tags(self) -> list[TagInfo]:
        with storage_errors():
            return [TagInfo(*row) for row in listing.tag_counts(self._read)]

    def tag_names(self) -> list[str]:
        """Every tag's name, by name: for completion, where tags() would count for nothing."""
        with storage_errors():
            return lookup.tag_names(self._read)

    def event_names(self) -> list[str]:
        with storage_errors():
            return lookup.event_names(self._read)

    # -- writing ------------------------------------------------------------------------------
    def create(self, contact: Contact) -> Contact:
        from netdesk.store.contacts import ContactRepository

        validate_contact(contact)
        c = _cleaned(contact)
        with storage_errors(), self.db.engine.begin() as conn:
            c.id = ContactRepository(conn).add(c)
        return self.get(c.id)

    def update(self, contact: Contact) -> Contact:
        from netdesk.store.contacts import ContactRepository

        if contact.id is None:
            raise ValidationError("this contact has not been saved yet")
        validate_contact(contact)
        c = _cleaned(contact)
        with storage_errors(), self.db.engine.begin() as conn:
            try:
                ContactRepository(conn).update(c)
            except KeyError:
                raise NotFoundError(f"contact {contact.id} no longer exists") from None
        return self.get(c.id)

    def delete(self, ids: Sequence[int]) -> Deletion:
        """Delete contacts with their interactions and follow-ups; ``restore`` undoes it."""
        with storage_errors(), self.db.engine.begin() as conn:
            return delete_in(conn, ids)

    def restore(self, deletion: Deletion) -> dict[int, int]:
        """Put deleted contacts back under their old ids, with their activity.

        A contact whose old id is held by another by now comes back under a new id rather
        than not at all; returns ``{old id: new id}`` for those."""
        with storage_errors(), self.db.engine.begin() as conn:
            return restore_in(conn, deletion)

    def set_tag_cadence(self, tag: str, days: int | None) -> None:
        """Default keep-in-touch cadence for everyone with ``tag`` (None turns it off)."""
        from netdesk.store.contacts import ContactRepository

        if days is not None:
            try:
                validate_cadence(days)
            except ValueError as exc:
                raise ValidationError(str(exc), "keep_in_touch_days") from None
        with storage_errors(), self.db.engine.begin() as conn:
            repo = ContactRepository(conn)
            tid = repo.tag_id(tag, create=False)
            if tid is None:
                raise NotFoundError(f"no tag “{tag}”")
            repo.set_tag_cadence(tid, days)
