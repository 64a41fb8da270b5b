"""The rows behind the dashboard, read with plain sqlite3 (100k interactions in one pass;
SQLAlchemy's per-row type processing would triple the time)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from bisect import bisect_right
from collections.abc import Iterator, Sequence


def _utc(text: str) -> dt.datetime:
    # SQLAlchemy's DateTime stores naive UTC as "YYYY-MM-DD HH:MM:SS.ffffff".
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def _stamp(at: dt.datetime) -> str:
    # The stored text form, so that comparing the text compares the times.
    return at.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", timespec="microseconds")


def contacts_created_since(con: sqlite3.Connection, since: dt.datetime
                           ) -> Iterator[tuple[int, dt.datetime]]:
    for cid, created in con.execute(
        "SELECT id, created_at FROM contacts WHERE created_at >= ?", (_stamp(since),)
    ):
        yield cid, _utc(created)


def interactions_in_buckets(con: sqlite3.Connection, bounds: Sequence[dt.datetime]
                            ) -> Iterator[tuple[int, str, tuple[int, ...]]]:
    """(bucket, channel, everyone who took part) of each interaction between ``bounds[0]`` and
    ``bounds[-1]``; bucket ``n`` is ``bounds[n] <= at < bounds[n + 1]``.

    The stored times are compared as text (the stored format sorts like the times), so 100k
    rows are bucketed without parsing one datetime."""
    stamps = [_stamp(b) for b in bounds]
    window = (stamps[0], stamps[-1])
    others: dict[int, list[int]] = {}
    for iid, cid in con.execute(
        "SELECT ip.interaction_id, ip.contact_id FROM interaction_people ip "
        "JOIN interactions i ON i.id = ip.interaction_id WHERE i.at >= ? AND i.at < ?", window
    ):
        others.setdefault(iid, []).append(cid)
    for iid, cid, at, channel in con.execute(
        "SELECT id, contact_id, at, channel FROM interactions WHERE at >= ? AND at < ?", window
    ):
        group = others.get(iid)
        yield bisect_right(stamps, at) - 1, channel, (cid, *group) if group else (cid,)


def followups_since(con: sqlite3.Connection, since: dt.datetime
                    ) -> Iterator[tuple[int, dt.datetime, dt.datetime | None]]:
    """(contact id, due after any snooze, done at or None) of follow-ups due since ``since``."""
    for cid, due, snoozed, done in con.execute(
        "SELECT contact_id, due, snoozed_until, done_at FROM followups WHERE due >= ?",
        (_stamp(since),),
    ):
        effective = max(due, snoozed) if snoozed else due
        yield cid, _utc(effective), _utc(done) if done else None
