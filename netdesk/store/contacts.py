"""Contact repository: domain ``Contact`` objects in and out, SQLAlchemy Core underneath.

Writes go through Core ``insert()`` with executemany: measured here, the ORM's unit of work
and bulk insert with RETURNING are 3x to 100x slower for the 100k-contact imports netdesk
must handle. Contact ids are assigned here (max(id)+1 inside the write transaction) so
children can be inserted in the same executemany batches without a RETURNING round trip.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, delete, func, insert, select, update

from netdesk.domain.clock import system_now
from netdesk.domain.contact import Contact, LabeledValue
from netdesk.domain.matching import normalise_email, normalise_phone
from netdesk.domain.text import fold
from netdesk.store import fts, reading
from netdesk.store.models import (
    AddressRow,
    ContactDateRow,
    ContactRow,
    ContactTagRow,
    ContactValueRow,
    DateReminderSettingRow,
    EventRow,
    PhotoRow,
    RawPropertyRow,
    RelatedPersonRow,
    TagRow,
)

_KIND_OF = {field: kind for kind, field in reading.FIELD_OF.items()}
_MULTI_KINDS = tuple(_KIND_OF)
_C = ContactRow.__table__


def _now() -> dt.datetime:
    return system_now()


def _match_key(kind: str, value: str) -> str:
    if kind == "email":
        return normalise_email(value)
    if kind == "phone":
        return normalise_phone(value)
    return ""


def _escape_unit(unit: str) -> str:
    return unit.replace("\\", "\\\\").replace(";", "\\;")


def _join_units(units: Sequence[str]) -> str:
    return ";".join(_escape_unit(u) for u in units)


# Column orders of the raw executemany statements below (tuples are much cheaper than dicts
# through both SQLAlchemy's parameter processing and sqlite3's binding).
_CONTACT_COLUMNS = (
    "id",
    "uid",
    "display_name",
    "sort_name",
    "family_name",
    "given_name",
    "additional_names",
    "name_prefix",
    "name_suffix",
    "nickname",
    "org",
    "org_units",
    "title",
    "role",
    "birthday",
    "anniversary",
    "notes",
    "met_event_id",
    "met_note",
    "keep_in_touch_days",
    "source",
    "rev",
    "list_emails",
    "list_phones",
    "list_tags",
    "created_at",
    "updated_at",
)
LIST_SEP = "\x1f"  # joins the list_* columns; never part of an address or a tag


def _preferred_first(values: Sequence[LabeledValue]) -> str:
    ordered = sorted(values, key=lambda v: not v.preferred)  # stable: file order otherwise
    return LIST_SEP.join(v.value for v in ordered)


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


_SQL_CONTACT = _insert_sql("contacts", _CONTACT_COLUMNS)
_SQL_VALUE = _insert_sql(
    "contact_values",
    ("contact_id", "kind", "value", "label", "preferred", "position", "match_key"),
)
_SQL_ADDRESS = _insert_sql(
    "addresses",
    (
        "contact_id",
        "po_box",
        "extended",
        "street",
        "locality",
        "region",
        "postal_code",
        "country",
        "label",
        "preferred",
        "position",
    ),
)
_SQL_PHOTO = _insert_sql("photos", ("contact_id", "mime", "data", "uri"))
_SQL_RAW = _insert_sql("raw_properties", ("contact_id", "position", "line"))
_SQL_TAG_LINK = _insert_sql("contact_tags", ("contact_id", "tag_id"))
_SQL_DATE = _insert_sql("contact_dates", ("contact_id", "date", "label", "position"))
_SQL_RELATED = _insert_sql("related_people", ("contact_id", "name", "relation", "position"))
_SQL_REMIND = _insert_sql("date_reminder_settings", ("contact_id", "days_before"))
_SQL_UPDATE_CONTACT = (
    f"UPDATE contacts SET {', '.join(f'{c} = ?' for c in _CONTACT_COLUMNS[1:-2])}, "
    "updated_at = ? WHERE id = ?"
)


def db_time(value: dt.datetime) -> str:
    """The text SQLAlchemy's DateTime stores in SQLite (naive UTC), so both paths agree."""
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _contact_tuple(
    c: Contact, cid: int, event_id: int | None, tags: str, created: str, now: str
) -> tuple:
    return (
        cid,
        c.uid,
        c.display_name,
        fold(c.display_name),
        c.family_name,
        c.given_name,
        c.additional_names,
        c.name_prefix,
        c.name_suffix,
        c.nickname,
        c.org,
        _join_units(c.org_units),
        c.title,
        c.role,
        c.birthday.iso() if c.birthday else None,
        c.anniversary.iso() if c.anniversary else None,
        c.notes,
        event_id,
        c.met_note,
        c.keep_in_touch_days,
        c.source,
        c.rev,
        _preferred_first(c.emails),
        _preferred_first(c.phones),
        tags,
        created,
        now,
    )


_NEXT_ID_SQL = (
    "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'contacts'), 0), "
    "COALESCE((SELECT MAX(id) FROM contacts), 0))"
)


class _Batch:
    """Parameter tuples for one executemany per table."""

    def __init__(self) -> None:
        self.contacts: list[tuple] = []
        self.values: list[tuple] = []
        self.addresses: list[tuple] = []
        self.photos: list[tuple] = []
        self.raw: list[tuple] = []
        self.tag_links: list[tuple] = []
        self.dates: list[tuple] = []
        self.related: list[tuple] = []
        self.remind: list[tuple] = []
        self.fts: list[tuple] = []

    def flush(self, conn: Connection) -> None:
        # The DB-API connection under SQLAlchemy's: same transaction, no per-row processing.
        cur = conn.connection.driver_connection.cursor()
        for sql, rows in (
            (_SQL_CONTACT, self.contacts),
            (_SQL_VALUE, self.values),
            (_SQL_ADDRESS, self.addresses),
            (_SQL_PHOTO, self.photos),
            (_SQL_RAW, self.raw),
            (_SQL_TAG_LINK, self.tag_links),
            (_SQL_DATE, self.dates),
            (_SQL_RELATED, self.related),
            (_SQL_REMIND, self.remind),
            (fts.INSERT_SQL, self.fts),
        ):
            if rows:
                cur.executemany(sql, rows)
                rows.clear()
        cur.close()


class ContactRepository:
    """All reads and writes of contacts happen on a caller's ``Connection`` (its transaction)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._tag_ids: dict[str, int] | None = None
        self._tag_names: dict[int, str] = {}
        self._tag_by_spelling: dict[str, int] = {}
        self._event_ids: dict[str, int] | None = None
        self._event_kinds: dict[int, str] = {}

    # -- lookups kept for the length of one transaction --------------------------------------
    def _tags(self) -> dict[str, int]:
        if self._tag_ids is None:
            rows = self.conn.execute(select(TagRow.id, TagRow.name)).all()
            self._tag_ids = {fold(name): tid for tid, name in rows}
            self._tag_names = dict(rows)
        return self._tag_ids

    def tag_id(self, name: str, create: bool = True) -> int | None:
        """The id of a tag, matched case- and accent-insensitively; created when missing."""
        if name in self._tag_by_spelling:  # a bulk import repeats a few tag names 100k times
            return self._tag_by_spelling[name]
        key = fold(name)
        tags = self._tags()
        if key not in tags and create:
            res = self.conn.execute(insert(TagRow).values(name=name.strip()))
            tags[key] = res.inserted_primary_key[0]
            self._tag_names[tags[key]] = name.strip()
        if key in tags:
            self._tag_by_spelling[name] = tags[key]
        return tags.get(key)

    def event_id(self, name: str, kind: str = "") -> int | None:
        name = name.strip()
        if not name:
            return None
        if self._event_ids is None:
            rows = self.conn.execute(select(EventRow.id, EventRow.name, EventRow.kind)).all()
            self._event_ids = {fold(n): eid for eid, n, _k in rows}
            self._event_kinds = {eid: k for eid, _n, k in rows}
        key = fold(name)
        if key not in self._event_ids:
            res = self.conn.execute(insert(EventRow).values(name=name, kind=kind or "other"))
            self._event_ids[key] = res.inserted_primary_key[0]
            self._event_kinds[self._event_ids[key]] = kind or "other"
        elif kind and self._event_kinds.get(self._event_ids[key]) != kind:
            # Only when it changes: an import of 10k LinkedIn rows names the same event 10k times.
            self.conn.execute(
                update(EventRow).where(EventRow.id == self._event_ids[key]).values(kind=kind)
            )
            self._event_kinds[self._event_ids[key]] = kind
        return self._event_ids[key]

    def set_tag_cadence(self, tag_id: int, days: int | None) -> None:
        self.conn.execute(
            update(TagRow).where(TagRow.id == tag_id).values(keep_in_touch_days=days))

    def next_id(self) -> int:
        """The id the next new contact will get."""
        return self._next_id()

    def _next_id(self) -> int:
        # Past the largest id ever used (AUTOINCREMENT's sqlite_sequence), not just the
        # largest present: a deleted contact's id stays free for its undo (migration 0003).
        return self.conn.exec_driver_sql(_NEXT_ID_SQL).scalar() + 1

    # -- writes -------------------------------------------------------------------------------
    def _stage(self, batch: _Batch, c: Contact, cid: int, now: str, created: str) -> None:
        event_id = self.event_id(c.met_event, c.met_event_kind)
        tag_ids: list[int] = []
        for tag in c.tags:
            tid = self.tag_id(tag) if tag.strip() else None
            if tid is not None and tid not in tag_ids:
                tag_ids.append(tid)
                batch.tag_links.append((cid, tid))
        tag_names = sorted((self._tag_names[t] for t in tag_ids), key=str.casefold)
        batch.contacts.append(
            _contact_tuple(c, cid, event_id, LIST_SEP.join(tag_names), created, now)
        )
        values = batch.values
        for field in _MULTI_KINDS:
            kind = _KIND_OF[field]
            for pos, v in enumerate(getattr(c, field)):
                key = _match_key(kind, v.value)
                values.append((cid, kind, v.value, v.label, v.preferred, pos, key))
        for pos, a in enumerate(c.addresses):
            batch.addresses.append((cid, *a.parts(), a.label, a.preferred, pos))
        if c.photo or c.photo_uri:
            batch.photos.append((cid, c.photo_mime, c.photo, c.photo_uri))
        for pos, line in enumerate(c.raw_properties):
            batch.raw.append((cid, pos, line))
        for pos, d in enumerate(c.other_dates):
            batch.dates.append((cid, d.date.iso(), d.label, pos))
        for pos, r in enumerate(c.related):
            batch.related.append((cid, r.name, r.relation, pos))
        if c.remind_days_before is not None:
            batch.remind.append((cid, c.remind_days_before))
        batch.fts.append(fts.document(cid, c))

    def add_many(self, contacts: Iterable[Contact], batch_size: int = 2000) -> list[int]:
        """Insert new contacts; returns their ids in order."""
        now = db_time(_now())
        next_id = self._next_id()
        ids: list[int] = []
        batch = _Batch()
        for c in contacts:
            created = db_time(c.created_at) if c.created_at else now
            self._stage(batch, c, next_id, now, created)
            ids.append(next_id)
            next_id += 1
            if len(batch.contacts) >= batch_size:
                batch.flush(self.conn)
        batch.flush(self.conn)
        return ids

    def add(self, contact: Contact) -> int:
        return self.add_many([contact])[0]

    def restore(self, contacts: Sequence[Contact]) -> dict[int, int]:
        """Insert contacts again under their old ids (undo of a delete), times unchanged.

        An old id something else holds by now gets a new one instead of failing the undo:
        returns ``{old id: new id}`` for those (empty when every id was free)."""
        now = db_time(_now())
        ids = [c.id for c in contacts]
        if any(i is None for i in ids):
            raise ValueError("restore needs contacts with their ids")
        taken = self.taken_ids(ids)  # type: ignore[arg-type]
        moved: dict[int, int] = {}
        next_id = self._next_id()
        batch = _Batch()
        for c in contacts:
            cid = c.id
            if cid in taken:
                moved[cid], cid = next_id, next_id  # type: ignore[index]
                next_id += 1
            created = db_time(c.created_at) if c.created_at else now
            updated = db_time(c.updated_at) if c.updated_at else now
            self._stage(batch, c, cid, updated, created)  # type: ignore[arg-type]
        batch.flush(self.conn)
        return moved

    def taken_ids(self, ids: Sequence[int]) -> set[int]:
        """Which of ``ids`` a stored contact has."""
        found: set[int] = set()
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            found.update(self.conn.execute(select(_C.c.id).where(_C.c.id.in_(chunk))).scalars())
        return found

    def _delete_children(self, ids: Sequence[int]) -> None:
        for table in (
            ContactValueRow,
            AddressRow,
            PhotoRow,
            RawPropertyRow,
            ContactTagRow,
            ContactDateRow,
            RelatedPersonRow,
            DateReminderSettingRow,
        ):
            self.conn.execute(delete(table).where(table.contact_id.in_(ids)))
        fts.delete_rows(self.conn, ids)

    def update(self, contact: Contact) -> None:
        """Replace a contact's fields and multi-valued children with ``contact``'s."""
        if contact.id is None:
            raise ValueError("update needs a contact with an id")
        found = self.conn.execute(select(_C.c.id).where(_C.c.id == contact.id)).first()
        if found is None:
            raise KeyError(contact.id)
        now = db_time(_now())
        self._delete_children([contact.id])
        batch = _Batch()
        self._stage(batch, contact, contact.id, now, now)
        row = batch.contacts.pop()
        # Every column but id and created_at, then updated_at; created_at stays as stored.
        params = (*row[1:-2], now, contact.id)
        self.conn.connection.driver_connection.execute(_SQL_UPDATE_CONTACT, params)
        batch.flush(self.conn)

    def delete(self, ids: Sequence[int]) -> list[Contact]:
        """Delete contacts (interactions and follow-ups go with them); returns what was deleted."""
        gone = self.get_many(ids)
        ids = [c.id for c in gone if c.id is not None]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            self._delete_children(chunk)
            self.conn.execute(delete(ContactRow).where(ContactRow.id.in_(chunk)))
        return gone

    # -- reads --------------------------------------------------------------------------------
    def get(self, cid: int) -> Contact | None:
        found = self.get_many([cid])
        return found[0] if found else None

    def get_many(self, ids: Sequence[int]) -> list[Contact]:
        return reading.load_contacts(self.conn.connection.driver_connection, ids)

    def all_ids(self, tag: str | None = None) -> list[int]:
        return reading.all_ids(self.conn.connection.driver_connection, tag)

    def ids_by_uid(self, uids: Iterable[str]) -> dict[str, int]:
        return reading.ids_by_uid(self.conn.connection.driver_connection, uids)

    def ids_by_match_key(self, kind: str, keys: Iterable[str]) -> dict[str, list[int]]:
        return reading.ids_by_match_key(self.conn.connection.driver_connection, kind, keys)

    def count(self) -> int:
        return self.conn.execute(select(func.count()).select_from(ContactRow)).scalar() or 0
