"""Fast read paths over plain sqlite3: the contacts table's rows and search.

These run at start-up and on every keystroke, so they avoid SQLAlchemy (whose import alone
costs more than the rest of start-up, docs/PERFORMANCE.md) and build compact tuples
instead of objects.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence

from netdesk.domain.due import cadence_due
from netdesk.domain.summary import ContactSummary
from netdesk.store.fts import match_query


def _utc(text: str | None) -> dt.datetime | None:
    # SQLAlchemy's DateTime stores naive UTC as "YYYY-MM-DD HH:MM:SS.ffffff".
    if not text:
        return None
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


_SEP = "\x1f"  # how the repository joins the list_* columns

_ROWS_SQL = (
    "SELECT id, display_name, sort_name, org, title, list_emails, list_phones, list_tags, "
    "keep_in_touch_days, created_at FROM contacts{where} ORDER BY +sort_name, id"
)
_LAST_SQL = "SELECT contact_id, MAX(at) FROM interactions{where} GROUP BY contact_id"
# The others who took part in a group interaction (see store/models.InteractionPersonRow).
_LAST_WITH_SQL = (
    "SELECT ip.contact_id, MAX(i.at) FROM interaction_people ip "
    "JOIN interactions i ON i.id = ip.interaction_id{where} GROUP BY ip.contact_id"
)
_NEXT_SQL = (
    "SELECT contact_id, MIN(MAX(due, COALESCE(snoozed_until, due))) FROM followups "
    "WHERE done_at IS NULL{and_where} GROUP BY contact_id"
)
# The tightest default cadence among each contact's tags (the domain rule: smallest wins).
_TAG_CADENCE_SQL = (
    "SELECT ct.contact_id, MIN(t.keep_in_touch_days) FROM contact_tags ct "
    "JOIN tags t ON t.id = ct.tag_id WHERE t.keep_in_touch_days IS NOT NULL{and_where} "
    "GROUP BY ct.contact_id"
)


def _split(joined: str | None) -> tuple[str, ...]:
    return tuple(joined.split(_SEP)) if joined else ()


def list_summaries(
    con: sqlite3.Connection, ids: Sequence[int] | None = None
) -> list[ContactSummary]:
    """Rows for the given contact ids (all contacts when None), sorted by name.

    One sequential scan of ``contacts`` (whose list_* columns carry e-mails, phones and tags)
    plus three small grouped queries. ``+sort_name`` keeps SQLite off the sort_name index
    (which would visit table pages in random order) and makes it sort in its own C code with
    the GIL released, so a loader thread never freezes the GUI thread for a 100k-row sort.
    """
    if ids is None:
        where, args = "", []
    elif len(ids) > 900:
        # Beyond SQLite's bound-parameter comfort zone: one JSON array parameter. (A temp
        # table written here left the reading connection inside an open transaction, whose
        # snapshot then hid every later change: undoing a 1,000-contact delete showed none.)
        where, args = "{col} IN (SELECT value FROM json_each(?))", [json.dumps(list(ids))]
    else:
        where, args = f"{{col}} IN ({','.join('?' * len(ids))})", list(ids)

    def clause(col: str, joiner: str) -> str:
        return f" {joiner} {where.format(col=col)}" if where else ""

    last = dict(con.execute(_LAST_SQL.format(where=clause("contact_id", "WHERE")), args))
    for cid, at in con.execute(_LAST_WITH_SQL.format(where=clause("ip.contact_id", "WHERE")),
                               args):
        if at > last.get(cid, ""):
            last[cid] = at
    upcoming = dict(con.execute(_NEXT_SQL.format(and_where=clause("contact_id", "AND")), args))
    tag_days = dict(
        con.execute(_TAG_CADENCE_SQL.format(and_where=clause("ct.contact_id", "AND")), args)
    )
    out: list[ContactSummary] = []
    append = out.append
    make = ContactSummary._make
    for cid, name, sort_key, org, title, emails, phones, tags, own_days, created in con.execute(
        _ROWS_SQL.format(where=clause("id", "WHERE")), args
    ):
        last_at = _utc(last.get(cid))
        next_due = _utc(upcoming.get(cid))
        days = own_days if own_days is not None else tag_days.get(cid)
        if days is not None and days > 0:
            due = cadence_due(last_at, _utc(created), days)
            next_due = due if next_due is None or due < next_due else next_due
        e = _split(emails)
        p = _split(phones)
        first_e = e[0] if e else ""
        first_p = p[0] if p else ""
        append(
            make(
                (
                    cid,
                    name,
                    sort_key,
                    org,
                    title,
                    first_e,
                    first_p,
                    _split(tags),
                    last_at,
                    next_due,
                    e,
                    p,
                )
            )
        )
    return out


def search_ids(con: sqlite3.Connection, user_text: str, limit: int | None = None) -> list[int]:
    """Ids of contacts matching every word of ``user_text`` as a prefix, best name order.

    Returns an empty list when nothing matches; callers treat empty text as "all contacts"
    (``match_query`` gives None for it) before calling this.
    """
    query = match_query(user_text)
    suffix = f" LIMIT {int(limit)}" if limit is not None else ""
    if query is None:
        sql = f"SELECT id FROM contacts ORDER BY sort_name, id{suffix}"
        return [row[0] for row in con.execute(sql)]
    sql = (
        "SELECT c.id FROM contacts_fts f JOIN contacts c ON c.id = f.rowid "
        "WHERE contacts_fts MATCH ? ORDER BY c.sort_name, c.id"
    )
    return [row[0] for row in con.execute(sql + suffix, (query,))]


def matching_ids(con: sqlite3.Connection, user_text: str) -> set[int] | None:
    """Ids matching every word of ``user_text`` as a prefix, unordered; None when the text
    holds no word (everyone). No join, no sort: the window filters the rows it already holds
    in its own order, so this is the whole per-keystroke cost."""
    query = match_query(user_text)
    if query is None:
        return None
    # One row, not one per match: sqlite3 lets go of the GIL around every step, and while a
    # worker computes ("m" matches ~36,000 of 100,000 contacts) each step of the GUI thread
    # could wait a switch interval to get it back: measured 1-3 s for one keystroke during
    # the duplicate finder. One step holds the whole query, with the GIL released throughout.
    (joined,) = con.execute(
        "SELECT group_concat(rowid) FROM contacts_fts WHERE contacts_fts MATCH ?", (query,)
    ).fetchone()
    return set(map(int, joined.split(","))) if joined else set()


def tag_counts(con: sqlite3.Connection) -> list[tuple[str, int, int | None]]:
    """(tag name, number of contacts, default cadence) for every tag, by name."""
    # COUNT(*) per tag from the tag_id index alone: the former LEFT JOIN counting
    # ct.contact_id read every row of the table (~80 ms at 100k contacts, 15 ms this way).
    return list(
        con.execute(
            "SELECT t.name, (SELECT COUNT(*) FROM contact_tags ct WHERE ct.tag_id = t.id), "
            "t.keep_in_touch_days FROM tags t ORDER BY t.name COLLATE NOCASE"
        )
    )
