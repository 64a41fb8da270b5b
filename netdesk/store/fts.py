"""The FTS5 search index (``contacts_fts``): what goes in, and how user text becomes a query.

The virtual table is created by the initial migration with ``unicode61 remove_diacritics 2``,
so case and accents are folded by SQLite itself ("zoe" matches "Zoë", "muller" "MÜLLER").
Its rowid is the contact id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import Connection, text

from netdesk.domain.contact import Contact

_INSERT = text(
    "INSERT INTO contacts_fts(rowid, name, org, title, emails, phones, notes, tags) "
    "VALUES (:rowid, :name, :org, :title, :emails, :phones, :notes, :tags)"
)
_NON_DIGITS = re.compile(r"\D+")
# Tokens as unicode61 sees them: runs of letters, digits and combining marks.
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def document(cid: int, c: Contact) -> dict:
    """The searchable text of one contact."""
    phones = []
    for p in c.phones:
        phones.append(p.value)
        digits = _NON_DIGITS.sub("", p.value)
        phones.append(digits)
        if digits.startswith("00"):
            phones.append(digits[2:])
    names = [c.display_name, c.nickname, c.given_name, c.family_name, c.additional_names]
    return {
        "rowid": cid,
        "name": " ".join(n for n in names if n),
        "org": " ".join([c.org, *c.org_units]),
        "title": " ".join(t for t in (c.title, c.role) if t),
        "emails": " ".join(e.value for e in c.emails),
        "phones": " ".join(phones),
        "notes": "\n".join(t for t in (c.notes, c.met_note, c.met_event) if t),
        "tags": " ".join(c.tags),
    }


def insert_rows(conn: Connection, docs: list[dict]) -> None:
    if docs:
        conn.execute(_INSERT, docs)


def delete_rows(conn: Connection, ids: Sequence[int]) -> None:
    if ids:
        conn.execute(
            text("DELETE FROM contacts_fts WHERE rowid = :rowid"), [{"rowid": i} for i in ids]
        )


def match_query(user_text: str) -> str | None:
    """Turn what the user typed into an FTS5 MATCH expression, or None for "everything".

    Every word must match as a prefix, in any column: "ada lov" finds "Ada Lovelace".
    Words are quoted, so FTS5 operators typed by the user (AND, NEAR, quotes) are plain text.
    """
    tokens = _TOKEN.findall(user_text)
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens)
