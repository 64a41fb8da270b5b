"""The last contact carried by a vCard (X-NETDESK-LAST-CONTACT): read for export, logged as
an interaction on import. Plain sqlite3 (DB-API) connections, as in reading.py."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence

from netdesk.store.reading import stored_time

_CHUNK = 500
IMPORTED_NOTE = "last contact (from an imported vCard)"


def last_contact_times(con: sqlite3.Connection, ids: Sequence[int]) -> dict[int, dt.datetime]:
    """contact id -> time of its latest interaction, for the ids that have one."""
    out: dict[int, dt.datetime] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        rows = con.execute(
            "SELECT contact_id, max(at) FROM interactions "
            f"WHERE contact_id IN ({','.join('?' * len(chunk))}) GROUP BY contact_id",
            chunk,
        )
        for cid, at in rows:
            out[cid] = stored_time(at)  # type: ignore[assignment]
    return out


def record_last_contacts(con: sqlite3.Connection, pairs: Iterable[tuple[int, dt.datetime]]) -> int:
    """Log an interaction at each time that is later than the contact's latest one (so a
    re-import logs nothing twice); returns how many were logged."""
    # Imported here: store.contacts pulls in SQLAlchemy, which an export never needs.
    from netdesk.store.contacts import db_time

    wanted = dict(pairs)
    if not wanted:
        return 0
    known = last_contact_times(con, list(wanted))
    rows = [
        (cid, db_time(when), "other", IMPORTED_NOTE)
        for cid, when in wanted.items()
        if cid not in known or known[cid] < when
    ]
    con.executemany(
        "INSERT INTO interactions (contact_id, at, channel, note) VALUES (?, ?, ?, ?)", rows
    )
    return len(rows)
