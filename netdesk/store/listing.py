"""Fast read paths over plain sqlite3: the contacts table's rows and search.

These run at start-up and on every keystroke, so they avoid SQLAlchemy (whose import alone
costs ~260 ms here) and build compact tuples instead of objects.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from typing import NamedTuple

from netdesk.domain.due import cadence_due, effective_cadence
from netdesk.store.fts import match_query


class ContactSummary(NamedTuple):
    """One row of the contacts table (and of ``netdesk list``)."""

    id: int
    name: str
    sort_key: str
    org: str
    title: str
    email: str
    phone: str
    tags: tuple[str, ...]
    last_contact: dt.datetime | None
    next_due: dt.datetime | None
    emails: tuple[str, ...]
    phones: tuple[str, ...]


def _utc(text: str | None) -> dt.datetime | None:
    # SQLAlchemy's DateTime stores naive UTC as "YYYY-MM-DD HH:MM:SS.ffffff".
    if not text:
        return None
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def _firsts(con: sqlite3.Connection, kind: str, where: str, args: Sequence) -> dict:
    """contact id -> all values of one kind, the preferred one first."""
    out: dict[int, list[str]] = {}
    rows = con.execute(
        "SELECT contact_id, value FROM contact_values WHERE kind = ?"
        f"{where} ORDER BY contact_id, preferred DESC, position",
        (kind, *args),
    )
    for cid, value in rows:
        out.setdefault(cid, []).append(value)
    return out


def _id_filter(ids: Sequence[int] | None, column: str) -> tuple[str, list]:
    if ids is None:
        return "", []
    if len(ids) > 900:
        # Beyond SQLite's bound-parameter comfort zone: use a temp table join instead.
        return f" AND {column} IN (SELECT id FROM temp_ids)", []
    return f" AND {column} IN ({','.join('?' * len(ids))})", list(ids)


def list_summaries(
    con: sqlite3.Connection, ids: Sequence[int] | None = None
) -> list[ContactSummary]:
    """Rows for the given contact ids (all contacts when None), sorted by name."""
    if ids is not None and len(ids) > 900:
        con.execute("CREATE TEMP TABLE IF NOT EXISTS temp_ids (id INTEGER PRIMARY KEY)")
        con.execute("DELETE FROM temp_ids")
        con.executemany("INSERT INTO temp_ids VALUES (?)", ((i,) for i in ids))
    where_c, args_c = _id_filter(ids, "id")
    where_v, args_v = _id_filter(ids, "contact_id")
    emails = _firsts(con, "email", where_v, args_v)
    phones = _firsts(con, "phone", where_v, args_v)
    tags: dict[int, list[str]] = {}
    tag_cadences: dict[int, list[int]] = {}
    for cid, name, days in con.execute(
        "SELECT ct.contact_id, t.name, t.keep_in_touch_days FROM contact_tags ct "
        f"JOIN tags t ON t.id = ct.tag_id WHERE 1{where_v.replace('contact_id', 'ct.contact_id')}"
        " ORDER BY t.name",
        args_v,
    ):
        tags.setdefault(cid, []).append(name)
        if days is not None:
            tag_cadences.setdefault(cid, []).append(days)
    last = dict(
        con.execute(
            f"SELECT contact_id, MAX(at) FROM interactions WHERE 1{where_v} GROUP BY contact_id",
            args_v,
        )
    )
    followups = dict(
        con.execute(
            "SELECT contact_id, MIN(MAX(due, COALESCE(snoozed_until, due))) FROM followups "
            f"WHERE done_at IS NULL{where_v} GROUP BY contact_id",
            args_v,
        )
    )
    rows = con.execute(
        "SELECT id, display_name, sort_name, org, title, keep_in_touch_days, created_at "
        f"FROM contacts WHERE 1{where_c} ORDER BY sort_name, id",
        args_c,
    )
    out: list[ContactSummary] = []
    append = out.append
    no_values: list[str] = []
    for cid, name, sort_key, org, title, own_days, created in rows:
        last_at = _utc(last.get(cid))
        next_due = _utc(followups.get(cid))
        days = own_days
        if days is None and cid in tag_cadences:
            days = effective_cadence(None, tag_cadences[cid])
        if days is not None:
            due = cadence_due(last_at, _utc(created), days)
            next_due = due if next_due is None else min(next_due, due)
        e = emails.get(cid, no_values)
        p = phones.get(cid, no_values)
        append(
            ContactSummary(
                cid,
                name,
                sort_key,
                org,
                title,
                e[0] if e else "",
                p[0] if p else "",
                tuple(tags.get(cid, ())),
                last_at,
                next_due,
                tuple(e),
                tuple(p),
            )
        )
    return out


def search_ids(con: sqlite3.Connection, user_text: str, limit: int | None = None) -> list[int]:
    """Ids of contacts matching every word of ``user_text`` as a prefix, best name order.

    Returns an empty list when nothing matches; callers treat empty text as "all contacts"
    (``match_query`` gives None for it) before calling this.
    """
    query = match_query(user_text)
    if query is None:
        return [row[0] for row in con.execute("SELECT id FROM contacts ORDER BY sort_name, id")]
    sql = (
        "SELECT c.id FROM contacts_fts f JOIN contacts c ON c.id = f.rowid "
        "WHERE contacts_fts MATCH ? ORDER BY c.sort_name, c.id"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [row[0] for row in con.execute(sql, (query,))]


def ids_with_tag(con: sqlite3.Connection, tag: str) -> list[int]:
    rows = con.execute(
        "SELECT ct.contact_id FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
        "JOIN contacts c ON c.id = ct.contact_id WHERE t.name = ? COLLATE NOCASE "
        "ORDER BY c.sort_name, c.id",
        (tag,),
    )
    return [r[0] for r in rows]


def tag_counts(con: sqlite3.Connection) -> list[tuple[str, int, int | None]]:
    """(tag name, number of contacts, default cadence) for every tag, by name."""
    return list(
        con.execute(
            "SELECT t.name, COUNT(ct.contact_id), t.keep_in_touch_days FROM tags t "
            "LEFT JOIN contact_tags ct ON ct.tag_id = t.id GROUP BY t.id ORDER BY t.name "
            "COLLATE NOCASE"
        )
    )
