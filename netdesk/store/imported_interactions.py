"""Interactions that come with imported contacts (LinkedIn's "Connected On"), added once.

Re-importing the same file must change nothing, so an interaction already logged for the
contact at the same moment with the same note is not added again.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, insert, select

from netdesk.domain.activity import Interaction
from netdesk.store.models import InteractionRow

_I = InteractionRow.__table__
_CHUNK = 500


def add_missing_interactions(conn: Connection, interactions: Sequence[Interaction]) -> int:
    """Insert those not already logged (same contact, moment, channel, note); return how many."""
    wanted = {(i.contact_id, i.at, i.channel, i.note): i for i in interactions}
    ids = sorted({i.contact_id for i in interactions})
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        rows = conn.execute(
            select(_I.c.contact_id, _I.c.at, _I.c.channel, _I.c.note).where(
                _I.c.contact_id.in_(chunk)
            )
        )
        for r in rows:
            wanted.pop((r.contact_id, r.at, r.channel, r.note), None)
    if wanted:
        conn.execute(
            insert(_I),
            [
                {"contact_id": i.contact_id, "at": i.at, "channel": i.channel, "note": i.note}
                for i in wanted.values()
            ],
        )
    return len(wanted)
