"""Birthday/anniversary reminder data: who has remindable dates, per-contact and global
"remind me N days before" settings. Plain sqlite3 (DB-API) connections, as in reading.py."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from netdesk.domain.contact import PartialDate
from netdesk.domain.dates import DatesInput

DEFAULT_DAYS_KEY = "date_reminders.default_days_before"
REMINDER_HOUR_KEY = "date_reminders.hour"


_INPUTS_SQL = (
    "SELECT c.id, c.display_name, c.birthday, c.anniversary, s.days_before "
    "FROM contacts c LEFT JOIN date_reminder_settings s ON s.contact_id = c.id "
)
_CHUNK = 500  # ids per IN (...): well under SQLite's host-parameter limit


def dates_inputs(con: sqlite3.Connection) -> list[DatesInput]:
    """Every contact with a birthday or an anniversary, with its own setting (or None)."""
    return _inputs(con.execute(
        _INPUTS_SQL + "WHERE c.birthday IS NOT NULL OR c.anniversary IS NOT NULL"))


def dates_inputs_of(con: sqlite3.Connection, ids: Iterable[int]) -> dict[int, DatesInput | None]:
    """The dates of the contacts ``ids`` (by primary key): None for those without a birthday
    and an anniversary, and for those that do not exist (any more)."""
    wanted = list(dict.fromkeys(ids))
    out: dict[int, DatesInput | None] = dict.fromkeys(wanted)
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = con.execute(
            _INPUTS_SQL + f"WHERE c.id IN ({marks}) "
            "AND (c.birthday IS NOT NULL OR c.anniversary IS NOT NULL)", chunk)
        out.update((i.contact_id, i) for i in _inputs(rows))
    return out


def _inputs(rows: Iterable[tuple]) -> list[DatesInput]:
    # Many contacts share a stored date ("--05-01", the same birth day): parse each once.
    parsed: dict[str, PartialDate] = {}

    def parse(text: str | None) -> PartialDate | None:
        if not text:
            return None
        found = parsed.get(text)
        if found is None:
            found = parsed[text] = PartialDate.parse(text)
        return found

    return [
        DatesInput(cid, name, parse(birthday), parse(anniversary), days)
        for cid, name, birthday, anniversary, days in rows
    ]


def data_version(con: sqlite3.Connection) -> int:
    """Changes whenever another connection (or process) committed to the database since this
    connection last asked (SQLite's ``PRAGMA data_version``)."""
    return con.execute("PRAGMA data_version").fetchone()[0]


def set_contact_days(con: sqlite3.Connection, contact_id: int, days: int | None) -> None:
    con.execute("DELETE FROM date_reminder_settings WHERE contact_id = ?", (contact_id,))
    if days is not None:
        con.execute(
            "INSERT INTO date_reminder_settings (contact_id, days_before) VALUES (?, ?)",
            (contact_id, days),
        )


def get_setting(con: sqlite3.Connection, key: str) -> str | None:
    row = con.execute("SELECT value FROM app_settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_setting(con: sqlite3.Connection, key: str, value: str | None) -> None:
    con.execute("DELETE FROM app_settings WHERE key = ?", (key,))
    if value is not None:
        con.execute("INSERT INTO app_settings (key, value) VALUES (?, ?)", (key, value))


def contact_exists(con: sqlite3.Connection, contact_id: int) -> bool:
    return con.execute("SELECT 1 FROM contacts WHERE id = ?", (contact_id,)).fetchone() is not None
