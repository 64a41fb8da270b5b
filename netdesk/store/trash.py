"""The trash: deleted contacts with their interactions and follow-ups, one row per contact.

Each row's payload is JSON of the contact and its activity, so a restore, days and restarts
later, puts back exactly what was deleted (photo included), without depending on the undo
history that lives in memory.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from netdesk.domain.activity import FollowUp, Interaction
from netdesk.domain.contact import Address, Contact, LabeledValue, PartialDate
from netdesk.store.contacts import db_time
from netdesk.store.listing import _utc

if TYPE_CHECKING:
    from sqlalchemy import Connection


class TrashRecord(NamedTuple):
    """One trashed contact as stored: ``contact`` carries the id it had."""

    id: int
    contact: Contact
    interactions: list[Interaction]
    followups: list[FollowUp]
    deleted_at: dt.datetime


class TrashListing(NamedTuple):
    """What a list of the trash shows (no payload decoding)."""

    id: int
    contact_id: int
    name: str
    deleted_at: dt.datetime


# -- the payload codec -----------------------------------------------------------------------
def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, bytes):
        return {"$b64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _fields(value)  # LabeledValue, Address, PartialDate
    return value


def _fields(obj: Any) -> dict[str, Any]:
    return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}


def _revive(value: Any) -> Any:
    if isinstance(value, dict):
        if "$dt" in value:
            return dt.datetime.fromisoformat(value["$dt"])
        if "$b64" in value:
            return base64.b64decode(value["$b64"])
        return {k: _revive(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_revive(v) for v in value]
    return value


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    # Fields a later version dropped are ignored; fields it added take their defaults.
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def encode(contact: Contact, interactions: Sequence[Interaction],
           followups: Sequence[FollowUp]) -> str:
    return json.dumps({
        "contact": _fields(contact),
        "interactions": [_fields(i) for i in interactions],
        "followups": [_fields(f) for f in followups],
    }, ensure_ascii=False)


def _contact(data: dict[str, Any]) -> Contact:
    data = _known(Contact, _revive(data))
    for key in ("phones", "emails", "urls", "social_profiles"):
        data[key] = [LabeledValue(**_known(LabeledValue, v)) for v in data.get(key, [])]
    data["addresses"] = [Address(**_known(Address, a)) for a in data.get("addresses", [])]
    for key in ("birthday", "anniversary"):
        if data.get(key) is not None:
            data[key] = PartialDate(**_known(PartialDate, data[key]))
    return Contact(**data)


def decode(payload: str) -> tuple[Contact, list[Interaction], list[FollowUp]]:
    data = json.loads(payload)
    interactions = [Interaction(**_known(Interaction, _revive(i))) for i in data["interactions"]]
    followups = [FollowUp(**_known(FollowUp, _revive(f))) for f in data["followups"]]
    return _contact(data["contact"]), interactions, followups


# -- the repository --------------------------------------------------------------------------
class TrashRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._cur = conn.connection.driver_connection

    def put(self, contacts: Sequence[Contact], interactions: Sequence[Interaction],
            followups: Sequence[FollowUp], deleted_at: dt.datetime) -> list[int]:
        """One row per contact, with its own activity; returns the new rows' ids."""
        ids: list[int] = []
        when = db_time(deleted_at)
        for c in contacts:
            payload = encode(c, [i for i in interactions if i.contact_id == c.id],
                             [f for f in followups if f.contact_id == c.id])
            cur = self._cur.execute(
                "INSERT INTO trash (contact_id, display_name, deleted_at, payload) "
                "VALUES (?, ?, ?, ?)", (c.id, c.display_name, when, payload))
            ids.append(int(cur.lastrowid))
        return ids

    def put_back(self, records: Sequence[TrashRecord]) -> None:
        """Rows taken out by ``take`` again, under their old ids (undo of a restore/empty)."""
        self._cur.executemany(
            "INSERT INTO trash (id, contact_id, display_name, deleted_at, payload) "
            "VALUES (?, ?, ?, ?, ?)",
            [(r.id, r.contact.id, r.contact.display_name, db_time(r.deleted_at),
              encode(r.contact, r.interactions, r.followups)) for r in records])

    def take(self, ids: Sequence[int]) -> list[TrashRecord]:
        """Remove these rows, returning what they held (oldest deletion first)."""
        records: list[TrashRecord] = []
        for start in range(0, len(ids), 500):
            chunk = list(ids[start:start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self._cur.execute(
                f"SELECT id, payload, deleted_at FROM trash WHERE id IN ({marks})", chunk)
            for tid, payload, when in rows.fetchall():
                contact, interactions, followups = decode(payload)
                records.append(TrashRecord(tid, contact, interactions, followups,
                                           _utc(when)))  # type: ignore[arg-type]
            self._cur.execute(f"DELETE FROM trash WHERE id IN ({marks})", chunk)
        return sorted(records, key=lambda r: (r.deleted_at, r.id))

    def listing(self) -> list[TrashListing]:
        rows = self._cur.execute(
            "SELECT id, contact_id, display_name, deleted_at FROM trash "
            "ORDER BY deleted_at DESC, id DESC")
        return [TrashListing(tid, cid, name, _utc(when))  # type: ignore[arg-type]
                for tid, cid, name, when in rows.fetchall()]

    def ids_deleted_before(self, cutoff: dt.datetime) -> list[int]:
        rows = self._cur.execute("SELECT id FROM trash WHERE deleted_at < ?", (db_time(cutoff),))
        return [r[0] for r in rows.fetchall()]

    def all_ids(self) -> list[int]:
        return [r[0] for r in self._cur.execute("SELECT id FROM trash").fetchall()]
