"""Small plain-sqlite3 reads the contact service needs: counts, exact look-ups, event names."""

from __future__ import annotations

import sqlite3


def count_contacts(con: sqlite3.Connection) -> int:
    return con.execute("SELECT COUNT(*) FROM contacts").fetchone()[0]


def exact_matches(con: sqlite3.Connection, folded_name: str, email_key: str
                  ) -> list[tuple[int, str]]:
    """(id, display name) of contacts whose folded name or one of whose e-mail match keys is
    exactly the one given, by name."""
    return con.execute(
        "SELECT DISTINCT c.id, c.display_name FROM contacts c "
        "LEFT JOIN contact_values v ON v.contact_id = c.id AND v.kind = 'email' "
        "WHERE c.sort_name = ? OR v.match_key = ? ORDER BY c.sort_name, c.id",
        (folded_name, email_key),
    ).fetchall()


def display_names(con: sqlite3.Connection, ids: list[int]) -> list[tuple[int, str]]:
    """(id, display name) for ``ids`` that exist, in the order given."""
    out = []
    for cid in ids:
        row = con.execute("SELECT display_name FROM contacts WHERE id=?", (cid,)).fetchone()
        if row is not None:
            out.append((cid, row[0]))
    return out


def tag_names(con: sqlite3.Connection) -> list[str]:
    """Every tag's name, by name (no counts: counting took 15 ms at 100,000 contacts)."""
    return [r[0] for r in con.execute("SELECT name FROM tags ORDER BY name COLLATE NOCASE")]


def event_names(con: sqlite3.Connection) -> list[str]:
    return [r[0] for r in con.execute("SELECT name FROM events ORDER BY name COLLATE NOCASE")]
