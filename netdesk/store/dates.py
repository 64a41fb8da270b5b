"""Birthday/anniversary reminder data: who has remindable dates, per-contact and global
"remind me N days before" settings. Plain sqlite3 (DB-API) connections, as in reading.py."""

from __future__ import annotations

import sqlite3

from netdesk.domain.contact import PartialDate
from netdesk.domain.dates import DatesInput

DEFAULT_DAYS_KEY = "date_reminders.default_days_before"
REMINDER_HOUR_KEY = "date_reminders.hour"


def dates_inputs(con: sqlite3.Connection) -> list[DatesInput]:
    """Every contact with a birthday or an anniversary, with its own setting (or None)."""
    rows = con.execute(
        "SELECT c.id, c.display_name, c.birthday, c.anniversary, s.days_before "
        "FROM contacts c LEFT JOIN date_reminder_settings s ON s.contact_id = c.id "
        "WHERE c.birthday IS NOT NULL OR c.anniversary IS NOT NULL"
    )
    return [
        DatesInput(
            cid,
            name,
            PartialDate.parse(birthday) if birthday else None,
            PartialDate.parse(anniversary) if anniversary else None,
            days,
        )
        for cid, name, birthday, anniversary, days in rows
    ]


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
