"""What a merge writes besides the contacts: aliases, moved activity, the merge log.

Plain DB-API sqlite3 on the caller's connection (the one under a SQLAlchemy Connection in a
write, so everything is one transaction).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import NamedTuple

_CHUNK = 500


class MergeLogEntry(NamedTuple):
    id: int
    at: dt.datetime
    survivor_id: int
    merged_ids: tuple[int, ...]
    snapshot: str
    undone_at: dt.datetime | None


def _chunks(ids: Sequence) -> Iterable[list]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])


def ids_by_alias(con: sqlite3.Connection, uids: Iterable[str]) -> dict[str, int]:
    """uid -> survivor id for UIDs of contacts merged into another."""
    out: dict[str, int] = {}
    for chunk in _chunks([u for u in set(uids) if u]):
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT uid, contact_id FROM contact_aliases WHERE uid IN ({marks})"
        out.update(con.execute(sql, chunk))
    return out


def merged_away_json(con: sqlite3.Connection, uid: str) -> dict | None:
    """The merged-away contact with ``uid`` as it was just before its merge (the newest merge
    not undone that took it), as its JSON snapshot; None when no merge took it."""
    if not uid:
        return None
    rows = con.execute(
        "SELECT snapshot FROM merge_log WHERE undone_at IS NULL AND instr(snapshot, ?) > 0 "
        "ORDER BY id DESC",
        (json.dumps(uid),),
    )
    for (snapshot,) in rows:
        for contact in json.loads(snapshot).get("contacts", [])[1:]:
            if contact.get("uid") == uid:
                return contact
    return None


def aliases_of(con: sqlite3.Connection, ids: Sequence[int]) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        out += con.execute(
            f"SELECT uid, contact_id FROM contact_aliases WHERE contact_id IN ({marks}) "
            "ORDER BY uid",
            chunk,
        ).fetchall()
    return out


def put_aliases(con: sqlite3.Connection, rows: Iterable[tuple[str, int]]) -> None:
    con.executemany("INSERT OR REPLACE INTO contact_aliases (uid, contact_id) VALUES (?, ?)", rows)


def delete_aliases_of(con: sqlite3.Connection, ids: Sequence[int]) -> None:
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        con.execute(f"DELETE FROM contact_aliases WHERE contact_id IN ({marks})", chunk)


def move_activity(con: sqlite3.Connection, from_ids: Sequence[int], to_id: int) -> None:
    """Interactions and follow-ups of ``from_ids`` now belong to ``to_id``."""
    for table in ("interactions", "followups"):
        for chunk in _chunks(from_ids):
            marks = ",".join("?" * len(chunk))
            con.execute(
                f"UPDATE {table} SET contact_id = ? WHERE contact_id IN ({marks})",
                [to_id, *chunk],
            )


def _time(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC) if text else None


def _stored(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def add_merge_log(
    con: sqlite3.Connection,
    at: dt.datetime,
    survivor_id: int,
    merged_ids: Sequence[int],
    snapshot: str,
) -> int:
    cur = con.execute(
        "INSERT INTO merge_log (at, survivor_id, merged_ids, snapshot) VALUES (?, ?, ?, ?)",
        (_stored(at), survivor_id, ",".join(map(str, merged_ids)), snapshot),
    )
    return int(cur.lastrowid)


def _entry(row: tuple) -> MergeLogEntry:
    mid, at, survivor, merged, snapshot, undone = row
    ids = tuple(int(i) for i in merged.split(",") if i)
    return MergeLogEntry(mid, _time(at), survivor, ids, snapshot, _time(undone))


_LOG_COLUMNS = "id, at, survivor_id, merged_ids, snapshot, undone_at"


def merge_log_entry(con: sqlite3.Connection, merge_id: int) -> MergeLogEntry | None:
    row = con.execute(f"SELECT {_LOG_COLUMNS} FROM merge_log WHERE id = ?", (merge_id,)).fetchone()
    return _entry(row) if row else None


def last_open_merge(con: sqlite3.Connection) -> MergeLogEntry | None:
    """The newest merge not undone yet."""
    row = con.execute(
        f"SELECT {_LOG_COLUMNS} FROM merge_log WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return _entry(row) if row else None


def mark_undone(con: sqlite3.Connection, merge_id: int, at: dt.datetime) -> None:
    con.execute("UPDATE merge_log SET undone_at = ? WHERE id = ?", (_stored(at), merge_id))
