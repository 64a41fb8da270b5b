"""The rows behind the dashboard, read with plain sqlite3 (100k interactions in one pass;
SQLAlchemy's per-row type processing would triple the time)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator


def _utc(text: str) -> dt.datetime:
    # SQLAlchemy's DateTime stores naive UTC as "YYYY-MM-DD HH:MM:SS.ffffff".
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def _stamp(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ")


def contacts_created_since(con: sqlite3.Connection, since: dt.datetime
                           ) -> Iterator[tuple[int, dt.datetime]]:
    for cid, created in con.execute(
        "SELECT id, created_at FROM contacts WHERE created_at >= ?", (_stamp(since),)
    ):
        yield cid, _utc(created)


def interactions_since(con: sqlite3.Connection, since: dt.datetime
                       ) -> Iterator[tuple[dt.datetime, str, tuple[int, ...]]]:
    """(when, channel, everyone who took part) of each interaction since ``since``."""
    others: dict[int, list[int]] = {}
    for iid, cid in con.execute(
        "SELECT ip.interaction_id, ip.contact_id FROM interaction_people ip "
        "JOIN interactions i ON i.id = ip.interaction_id WHERE i.at >= ?", (_stamp(since),)
    ):
        others.setdefault(iid, []).append(cid)
    for iid, cid, at, channel in con.execute(
        "SELECT id, contact_id, at, channel FROM interactions WHERE at >= ?", (_stamp(since),)
    ):
        yield _utc(at), channel, (cid, *others.get(iid, ()))


def followups_since(con: sqlite3.Connection, since: dt.datetime
                    ) -> Iterator[tuple[int, dt.datetime, dt.datetime | None]]:
    """(contact id, due after any snooze, done at or None) of follow-ups due since ``since``."""
    for cid, due, snoozed, done in con.execute(
        "SELECT contact_id, due, snoozed_until, done_at FROM followups WHERE due >= ?",
        (_stamp(since),),
    ):
        effective = max(due, snoozed) if snoozed else due
        yield cid, _utc(effective), _utc(done) if done else None
