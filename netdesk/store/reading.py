"""Reading whole contacts with plain sqlite3 (no SQLAlchemy), for exports and look-ups.

SQLAlchemy's per-row result processing doubled the time of exporting 10k contacts, and its
import alone costs more than the export's writing; these functions take any DB-API sqlite3
connection, including the one under a SQLAlchemy Connection (same transaction).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence

from netdesk.domain.contact import (
    Address,
    Contact,
    ContactDate,
    LabeledValue,
    PartialDate,
    RelatedPerson,
)
from netdesk.domain.text import fold

# contact_values.kind -> the Contact field holding those values (the writer inverts it).
FIELD_OF = {"phone": "phones", "email": "emails", "url": "urls", "social": "social_profiles"}
_CHUNK = 500  # ids per query: well under SQLite's bound-parameter limit


def load_contacts(con: sqlite3.Connection, ids: Sequence[int]) -> list[Contact]:
    """The contacts with these ids, complete with their children, in the order given."""
    out: list[Contact] = []
    for start in range(0, len(ids), _CHUNK):
        out += _load_chunk(con, list(ids[start : start + _CHUNK]))
    return out


def all_ids(con: sqlite3.Connection, tag: str | None = None) -> list[int]:
    """Every contact id (or those with ``tag``, matched case- and accent-insensitively),
    in name order."""
    if tag is None:
        return [r[0] for r in con.execute("SELECT id FROM contacts ORDER BY sort_name, id")]
    tag_ids = [
        tid for tid, name in con.execute("SELECT id, name FROM tags") if fold(name) == fold(tag)
    ]
    if not tag_ids:
        return []
    rows = con.execute(
        "SELECT c.id FROM contacts c JOIN contact_tags ct ON ct.contact_id = c.id "
        f"WHERE ct.tag_id IN ({','.join('?' * len(tag_ids))}) ORDER BY c.sort_name, c.id",
        tag_ids,
    )
    return [r[0] for r in rows]


def ids_by_uid(con: sqlite3.Connection, uids: Iterable[str]) -> dict[str, int]:
    """uid -> contact id for the UIDs that are stored (the first contact when several)."""
    wanted = [u for u in set(uids) if u]
    out: dict[str, int] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        sql = f"SELECT id, uid FROM contacts WHERE uid IN ({','.join('?' * len(chunk))})"
        for cid, uid in con.execute(sql + " ORDER BY id", chunk):
            out.setdefault(uid, cid)
    return out


def ids_by_match_key(
    con: sqlite3.Connection, kind: str, keys: Iterable[str]
) -> dict[str, list[int]]:
    """normalised e-mail or phone -> ids of the contacts that have it (kind: email|phone)."""
    wanted = [k for k in set(keys) if k]
    out: dict[str, list[int]] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        sql = (
            "SELECT DISTINCT contact_id, match_key FROM contact_values WHERE kind = ? "
            f"AND match_key IN ({','.join('?' * len(chunk))}) ORDER BY contact_id"
        )
        for cid, key in con.execute(sql, (kind, *chunk)):
            out.setdefault(key, []).append(cid)
    return out


def tag_exists(con: sqlite3.Connection, tag: str) -> bool:
    return any(fold(name) == fold(tag) for (name,) in con.execute("SELECT name FROM tags"))


def _load_chunk(con: sqlite3.Connection, ids: list[int]) -> list[Contact]:
    cur = con.cursor()
    cur.row_factory = sqlite3.Row
    marks = ",".join("?" * len(ids))
    rows = cur.execute(
        "SELECT c.*, e.name AS event_name, e.kind AS event_kind FROM contacts c "
        f"LEFT JOIN events e ON e.id = c.met_event_id WHERE c.id IN ({marks})",
        ids,
    ).fetchall()
    by_id = {r["id"]: _contact_from_row(r) for r in rows}
    if not by_id:
        return []
    cur.row_factory = None
    found = list(by_id)
    marks = ",".join("?" * len(found))

    def children(columns: str, table: str, order: str = ", position") -> list[tuple]:
        return cur.execute(
            f"SELECT contact_id, {columns} FROM {table} WHERE contact_id IN ({marks}) "
            f"ORDER BY contact_id{order}",
            found,
        ).fetchall()

    for cid, kind, value, label, preferred in children(
        "kind, value, label, preferred", "contact_values"
    ):
        getattr(by_id[cid], FIELD_OF[kind]).append(LabeledValue(value, label, bool(preferred)))
    for cid, *parts, label, preferred in children(
        "po_box, extended, street, locality, region, postal_code, country, label, preferred",
        "addresses",
    ):
        by_id[cid].addresses.append(Address(*parts, label, bool(preferred)))
    for cid, data, mime, uri in children("data, mime, uri", "photos", order=""):
        c = by_id[cid]
        c.photo, c.photo_mime, c.photo_uri = data, mime, uri
    for cid, line in children("line", "raw_properties"):
        by_id[cid].raw_properties.append(line)
    for cid, date, label in children("date, label", "contact_dates"):
        by_id[cid].other_dates.append(ContactDate(PartialDate.parse(date), label))
    for cid, name, relation in children("name, relation", "related_people"):
        by_id[cid].related.append(RelatedPerson(name, relation))
    for cid, days in children("days_before", "date_reminder_settings", order=""):
        by_id[cid].remind_days_before = days
    for cid, name in cur.execute(
        "SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
        f"WHERE ct.contact_id IN ({marks}) ORDER BY t.name",
        found,
    ):
        by_id[cid].tags.append(name)
    cur.close()
    return [by_id[i] for i in ids if i in by_id]


def _split_units(text: str) -> list[str]:
    if not text:
        return []
    out, cur, esc = [], [], False
    for ch in text:
        if esc:
            cur.append(ch)
            esc = False
        elif ch == "\\":
            esc = True
        elif ch == ";":
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def stored_time(text: str | None) -> dt.datetime | None:
    # The naive-UTC text written by db_time() (and by SQLAlchemy's DateTime).
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC) if text else None


def _contact_from_row(r: sqlite3.Row) -> Contact:
    """Build a Contact (without its children) from a contacts row joined with its event."""
    return Contact(
        id=r["id"],
        uid=r["uid"],
        display_name=r["display_name"],
        family_name=r["family_name"],
        given_name=r["given_name"],
        additional_names=r["additional_names"],
        name_prefix=r["name_prefix"],
        name_suffix=r["name_suffix"],
        nickname=r["nickname"],
        org=r["org"],
        org_units=_split_units(r["org_units"]),
        title=r["title"],
        role=r["role"],
        birthday=PartialDate.parse(r["birthday"]) if r["birthday"] else None,
        anniversary=PartialDate.parse(r["anniversary"]) if r["anniversary"] else None,
        notes=r["notes"],
        met_event=r["event_name"] or "",
        met_event_kind=r["event_kind"] or "",
        met_note=r["met_note"],
        keep_in_touch_days=r["keep_in_touch_days"],
        source=r["source"],
        rev=r["rev"],
        created_at=stored_time(r["created_at"]),
        updated_at=stored_time(r["updated_at"]),
    )
