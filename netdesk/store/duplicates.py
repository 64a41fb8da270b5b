"""What the duplicate finder reads, and the "not the same person" pairs, over plain sqlite3.

The finder reads every contact once: two sequential scans (names, then e-mails, phones and
profiles) through sqlite3 without SQLAlchemy's per-row processing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

_NAMES_SQL = (
    "SELECT id, uid, display_name, family_name, given_name, additional_names, name_suffix, org "
    "FROM contacts ORDER BY id"
)
_VALUES_SQL = (
    "SELECT contact_id, kind, value FROM contact_values "
    "WHERE kind IN ('email', 'phone', 'url', 'social') ORDER BY contact_id, position"
)
_CHUNK = 500


def name_rows(con: sqlite3.Connection) -> list[tuple]:
    """(id, uid, display, family, given, additional, suffix, org) for every contact, by id."""
    return con.execute(_NAMES_SQL).fetchall()


def value_rows(con: sqlite3.Connection) -> list[tuple[int, str, str]]:
    """(contact id, kind, value) of every e-mail, phone, URL and profile."""
    return con.execute(_VALUES_SQL).fetchall()


def _ordered(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def not_duplicate_pairs(con: sqlite3.Connection) -> set[tuple[int, int]]:
    """Pairs the user said are different people, each as (smaller id, larger id)."""
    return set(con.execute("SELECT first_id, second_id FROM not_duplicates"))


def add_not_duplicate(con: sqlite3.Connection, a: int, b: int) -> None:
    con.execute("INSERT OR IGNORE INTO not_duplicates VALUES (?, ?)", _ordered(a, b))


def not_duplicates_involving(con: sqlite3.Connection, ids: Sequence[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        marks = ",".join("?" * len(chunk))
        out += con.execute(
            f"SELECT first_id, second_id FROM not_duplicates WHERE first_id IN ({marks}) "
            f"OR second_id IN ({marks}) ORDER BY first_id, second_id",
            chunk + chunk,
        ).fetchall()
    return out


def put_not_duplicates(con: sqlite3.Connection, pairs: Iterable[tuple[int, int]]) -> None:
    con.executemany(
        "INSERT OR IGNORE INTO not_duplicates VALUES (?, ?)",
        [_ordered(a, b) for a, b in pairs if a != b],
    )


def delete_not_duplicates_involving(con: sqlite3.Connection, ids: Sequence[int]) -> None:
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        marks = ",".join("?" * len(chunk))
        con.execute(
            f"DELETE FROM not_duplicates WHERE first_id IN ({marks}) OR second_id IN ({marks})",
            chunk + chunk,
        )
