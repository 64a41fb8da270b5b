"""Interaction log and follow-ups: domain objects in and out, on a caller's connection."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Connection, delete, func, insert, select, update

from netdesk.domain.activity import FollowUp, Interaction
from netdesk.domain.clock import system_now
from netdesk.store.models import (
    ContactRow,
    ContactTagRow,
    FollowUpRow,
    InteractionPersonRow,
    InteractionRow,
    TagRow,
)

_I = InteractionRow.__table__
_F = FollowUpRow.__table__
_IP = InteractionPersonRow.__table__


def _interaction(r) -> Interaction:
    return Interaction(r.contact_id, r.at, r.channel, r.note, r.id)


def _followup(r) -> FollowUp:
    return FollowUp(r.contact_id, r.due, r.note, r.done_at, r.snoozed_until, r.created_at, r.id)


def _interaction_params(i: Interaction, with_id: bool = False) -> dict:
    params = {"contact_id": i.contact_id, "at": i.at, "channel": i.channel, "note": i.note}
    if with_id:
        params["id"] = i.id
    return params


def _followup_params(f: FollowUp, now: dt.datetime, with_id: bool = False) -> dict:
    params = {
        "contact_id": f.contact_id,
        "due": f.due,
        "note": f.note,
        "done_at": f.done_at,
        "snoozed_until": f.snoozed_until,
        "created_at": f.created_at or now,
    }
    if with_id:
        params["id"] = f.id
    return params


class ActivityRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- interactions -------------------------------------------------------------------------
    def add_interaction(self, interaction: Interaction) -> int:
        res = self.conn.execute(insert(_I).values(**_interaction_params(interaction)))
        new_id = res.inserted_primary_key[0]
        self._link_people(new_id, interaction)
        return new_id

    def _link_people(self, interaction_id: int, interaction: Interaction) -> None:
        others = dict.fromkeys(c for c in interaction.with_ids if c != interaction.contact_id)
        if others:
            self.conn.execute(
                insert(_IP), [{"interaction_id": interaction_id, "contact_id": c} for c in others]
            )

    def _with_ids(self, interaction_ids: Sequence[int]) -> dict[int, tuple[int, ...]]:
        out: dict[int, list[int]] = {}
        for start in range(0, len(interaction_ids), 500):
            chunk = list(interaction_ids[start : start + 500])
            for iid, cid in self.conn.execute(
                select(_IP.c.interaction_id, _IP.c.contact_id)
                .where(_IP.c.interaction_id.in_(chunk))
                .order_by(_IP.c.interaction_id, _IP.c.contact_id)
            ):
                out.setdefault(iid, []).append(cid)
        return {iid: tuple(cids) for iid, cids in out.items()}

    def _with_people(self, rows) -> list[Interaction]:
        found = [_interaction(r) for r in rows]
        others = self._with_ids([i.id for i in found])
        for i in found:
            i.with_ids = others.get(i.id, ())
        return found

    def delete_interaction(self, interaction_id: int) -> Interaction | None:
        rows = self.conn.execute(select(_I).where(_I.c.id == interaction_id)).fetchall()
        if not rows:
            return None
        (gone,) = self._with_people(rows)
        self.conn.execute(delete(_I).where(_I.c.id == interaction_id))
        return gone

    def get_interaction(self, interaction_id: int) -> Interaction | None:
        rows = self.conn.execute(select(_I).where(_I.c.id == interaction_id)).fetchall()
        return self._with_people(rows)[0] if rows else None

    def save_interaction(self, interaction: Interaction) -> bool:
        """Write back the time, channel and note of an existing interaction."""
        res = self.conn.execute(
            update(_I).where(_I.c.id == interaction.id)
            .values(at=interaction.at, channel=interaction.channel, note=interaction.note))
        return res.rowcount > 0

    def set_people(self, interaction: Interaction) -> None:
        """Make ``interaction.people`` exactly who took part (its first person included)."""
        iid = interaction.id
        self.conn.execute(update(_I).where(_I.c.id == iid)
                          .values(contact_id=interaction.contact_id))
        self.conn.execute(delete(_IP).where(_IP.c.interaction_id == iid))
        self._link_people(iid, interaction)  # type: ignore[arg-type]

    def interactions(self, contact_id: int) -> list[Interaction]:
        """A contact's interactions (their own and those they took part in), newest first."""
        took_part = select(_IP.c.interaction_id).where(_IP.c.contact_id == contact_id)
        rows = self.conn.execute(
            select(_I)
            .where((_I.c.contact_id == contact_id) | _I.c.id.in_(took_part))
            .order_by(_I.c.at.desc(), _I.c.id.desc())
        ).fetchall()
        return self._with_people(rows)

    def last_interactions(self, contact_ids: Sequence[int] | None = None) -> dict[int, dt.datetime]:
        """When each contact was last in touch, counting group interactions they were part of
        (so everyone's cadence clock restarts)."""
        own = select(_I.c.contact_id, func.max(_I.c.at)).group_by(_I.c.contact_id)
        shared = (
            select(_IP.c.contact_id, func.max(_I.c.at))
            .join(_I, _I.c.id == _IP.c.interaction_id)
            .group_by(_IP.c.contact_id)
        )
        if contact_ids is not None:
            own = own.where(_I.c.contact_id.in_(contact_ids))
            shared = shared.where(_IP.c.contact_id.in_(contact_ids))
        # func.max loses the column type; convert the stored naive UTC text/datetime here.
        out: dict[int, dt.datetime] = {}
        for query in (own, shared):
            for cid, stored in self.conn.execute(query):
                at = dt.datetime.fromisoformat(stored) if isinstance(stored, str) else stored
                at = at.replace(tzinfo=dt.UTC)
                if cid not in out or at > out[cid]:
                    out[cid] = at
        return out

    # -- follow-ups ---------------------------------------------------------------------------
    def add_followup(self, followup: FollowUp) -> int:
        now = system_now()
        res = self.conn.execute(insert(_F).values(**_followup_params(followup, now)))
        return res.inserted_primary_key[0]

    def get_followup(self, followup_id: int) -> FollowUp | None:
        row = self.conn.execute(select(_F).where(_F.c.id == followup_id)).first()
        return _followup(row) if row else None

    def save_followup(self, followup: FollowUp) -> None:
        """Write back done/snooze/due/note changes of an existing follow-up."""
        self.conn.execute(
            update(_F)
            .where(_F.c.id == followup.id)
            .values(
                due=followup.due,
                note=followup.note,
                done_at=followup.done_at,
                snoozed_until=followup.snoozed_until,
            )
        )

    def delete_followup(self, followup_id: int) -> None:
        self.conn.execute(delete(_F).where(_F.c.id == followup_id))

    def followups(self, contact_id: int, include_done: bool = True) -> list[FollowUp]:
        query = select(_F).where(_F.c.contact_id == contact_id)
        if not include_done:
            query = query.where(_F.c.done_at.is_(None))
        return [_followup(r) for r in self.conn.execute(query.order_by(_F.c.due, _F.c.id))]

    def open_followups_with_names(self) -> list[tuple[FollowUp, str]]:
        c = ContactRow.__table__
        rows = self.conn.execute(
            select(_F, c.c.display_name)
            .join(c, c.c.id == _F.c.contact_id)
            .where(_F.c.done_at.is_(None))
            .order_by(_F.c.due, _F.c.id)
        )
        return [(_followup(r), r.display_name) for r in rows]

    # -- contacts, as activity sees them ----------------------------------------------------------
    def contact_name(self, contact_id: int) -> str | None:
        return self.conn.execute(
            select(ContactRow.display_name).where(ContactRow.id == contact_id)).scalar()

    def set_cadence(self, contact_id: int, days: int | None, now: dt.datetime) -> bool:
        """A contact's own keep-in-touch days; False when there is no such contact."""
        res = self.conn.execute(
            update(ContactRow).where(ContactRow.id == contact_id)
            .values(keep_in_touch_days=days, updated_at=now))
        return res.rowcount > 0

    def cadence_rows(self) -> tuple[dict[int, list[int]], list]:
        """({contact id: its tags' cadences}, rows of (id, name, own days, created_at)) for
        every contact with a cadence of its own or from a tag."""
        tag_days: dict[int, list[int]] = {}
        # The IN (tags with a cadence) lets SQLite walk the contact_tags tag_id index for
        # those few tags; the plain join scanned every contact's tags (~40 ms at 100,000
        # contacts on every due check, with no tag having a cadence at all).
        with_cadence = select(TagRow.id).where(TagRow.keep_in_touch_days.is_not(None))
        for cid, days in self.conn.execute(
            select(ContactTagRow.contact_id, TagRow.keep_in_touch_days)
            .join(TagRow, TagRow.id == ContactTagRow.tag_id)
            .where(ContactTagRow.tag_id.in_(with_cadence))
        ):
            tag_days.setdefault(cid, []).append(days)
        columns = (ContactRow.id, ContactRow.display_name, ContactRow.keep_in_touch_days,
                   ContactRow.created_at)
        # Two index look-ups instead of one OR over the whole table: at 100k contacts the
        # scan cost every due check dearly (docs/PERFORMANCE.md); few people have a cadence.
        found = {
            r.id: r
            for r in self.conn.execute(
                select(*columns).where(ContactRow.keep_in_touch_days.is_not(None)))
        }
        tagged = [cid for cid in tag_days if cid not in found]
        for start in range(0, len(tagged), 500):
            chunk = tagged[start : start + 500]
            for r in self.conn.execute(select(*columns).where(ContactRow.id.in_(chunk))):
                found[r.id] = r
        return tag_days, list(found.values())

    # -- undo of a contact delete -------------------------------------------------------------
    def snapshot(self, contact_ids: Sequence[int]) -> tuple[list[Interaction], list[FollowUp]]:
        interactions: list[Interaction] = []
        followups: list[FollowUp] = []
        for start in range(0, len(contact_ids), 500):
            chunk = list(contact_ids[start : start + 500])
            interactions += self._with_people(
                self.conn.execute(select(_I).where(_I.c.contact_id.in_(chunk))).fetchall()
            )
            followups += [
                _followup(r)
                for r in self.conn.execute(select(_F).where(_F.c.contact_id.in_(chunk)))
            ]
        return interactions, followups

    def put_back(self, interactions: Sequence[Interaction], followups: Sequence[FollowUp]) -> None:
        """Insert them again under their old ids; one whose id is taken gets a new id."""
        now = system_now()
        for table, items, params in (
            (_I, interactions, lambda x, keep: _interaction_params(x, with_id=keep)),
            (_F, followups, lambda x, keep: _followup_params(x, now, with_id=keep)),
        ):
            if not items:
                continue
            ids = [x.id for x in items if x.id is not None]
            taken = set(self.conn.execute(select(table.c.id).where(table.c.id.in_(ids))).scalars())
            keep = [params(x, True) for x in items if x.id is not None and x.id not in taken]
            fresh = [params(x, False) for x in items if x.id is None or x.id in taken]
            for rows in (keep, fresh):
                if rows:
                    self.conn.execute(insert(table), rows)
        self._put_back_people(interactions)

    def took_part(self, contact_ids: Sequence[int]) -> list[tuple[int, int]]:
        """(interaction id, contact id) of the group interactions these contacts were in but
        did not start (a delete removes those links; ``rejoin`` puts them back)."""
        out: list[tuple[int, int]] = []
        for start in range(0, len(contact_ids), 500):
            chunk = list(contact_ids[start : start + 500])
            out += [(iid, cid) for iid, cid in self.conn.execute(
                select(_IP.c.interaction_id, _IP.c.contact_id)
                .join(_I, _I.c.id == _IP.c.interaction_id)
                .where(_IP.c.contact_id.in_(chunk), _I.c.contact_id.not_in(chunk)))]
        return out

    def rejoin(self, links: Sequence[tuple[int, int]]) -> None:
        """Put people back into group interactions that still exist."""
        if not links:
            return
        alive = set(self.conn.execute(select(_I.c.id).where(
            _I.c.id.in_({iid for iid, _ in links}))).scalars())
        rows = [{"interaction_id": iid, "contact_id": cid} for iid, cid in links if iid in alive]
        if rows:
            self.conn.execute(insert(_IP).prefix_with("OR IGNORE"), rows)

    def _put_back_people(self, interactions: Sequence[Interaction]) -> None:
        """Link restored group interactions to the others again (those still in the store)."""
        wanted = [i for i in interactions if i.with_ids]
        if not wanted:
            return
        alive = set(self.conn.execute(select(ContactRow.id).where(
            ContactRow.id.in_({c for i in wanted for c in i.with_ids}))).scalars())
        for i in wanted:
            # A restored row may have got a new id: find it by its first person and moment.
            iid = self.conn.execute(
                select(func.max(_I.c.id)).where(_I.c.contact_id == i.contact_id, _I.c.at == i.at)
            ).scalar()
            linked = set(self.conn.execute(
                select(_IP.c.contact_id).where(_IP.c.interaction_id == iid)).scalars())
            missing = [c for c in i.with_ids if c in alive and c not in linked]
            if iid is not None and missing:
                self._link_people(iid, Interaction(i.contact_id, i.at, with_ids=tuple(missing)))
