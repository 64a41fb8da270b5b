"""Merging contacts that are one person, as one undoable step.

A merge keeps one contact (the survivor, its id and UID), folds the others into it by the
domain's merge rules, moves their interactions, follow-ups and "not the same person" marks
to it, keeps their UIDs as aliases (so a re-import or a sync of an old card updates the
survivor) and deletes them. Everything it changed is logged as a JSON snapshot in the same
transaction, so ``undo`` — in this process or a later one (``netdesk merge --undo-last``) —
puts back every contact exactly, with its id, times and activity.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from netdesk.domain.clock import Clock, SystemClock
from netdesk.domain.contact import Contact
from netdesk.domain.merging import SINGLE_GROUPS, merge_contacts
from netdesk.domain.snapshot import (
    contact_from_json,
    contact_to_json,
    followup_from_json,
    followup_to_json,
    interaction_from_json,
    interaction_to_json,
)
from netdesk.services.errors import NotFoundError, ServiceError, ValidationError, storage_errors
from netdesk.store import duplicates as dup_store
from netdesk.store import merges
from netdesk.store.db import Database


@dataclass(frozen=True, slots=True)
class MergeResult:
    merge_id: int
    survivor: Contact
    merged_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class UndoneMerge:
    merge_id: int
    restored: tuple[Contact, ...]  # the survivor as it was, then the merged-away contacts


def _check_ids(keep_id: int, other_ids: Sequence[int]) -> list[int]:
    others = list(dict.fromkeys(other_ids))
    if not others:
        raise ValidationError("name at least one contact to merge into the one kept")
    if keep_id in others:
        raise ValidationError(f"contact {keep_id} cannot be merged into itself")
    return others


def _check_picks(picks: Mapping[str, int] | None, count: int) -> None:
    for group, index in (picks or {}).items():
        if group not in SINGLE_GROUPS:
            raise ValidationError(f"unknown field group {group!r}")
        if not 0 <= index < count:
            raise ValidationError(f"no contact number {index} to take {group!r} from")


def _activity_key(items) -> list[tuple]:
    """Activity as comparable tuples, ignoring which contact it hangs on."""
    return sorted((type(i).__name__, i.id, repr(i)) for i in items)


class MergeService:
    def __init__(self, database: Database, clock: Clock | None = None) -> None:
        self.db = database
        self.clock = clock or SystemClock()

    def preview(
        self, keep_id: int, other_ids: Sequence[int], picks: Mapping[str, int] | None = None
    ) -> Contact:
        """The survivor as ``merge`` would write it; nothing is stored."""
        from netdesk.store.contacts import ContactRepository

        others = _check_ids(keep_id, other_ids)
        _check_picks(picks, 1 + len(others))
        with storage_errors(), self.db.engine.connect() as conn:
            contacts = self._load(ContactRepository(conn), [keep_id, *others])
        return merge_contacts(contacts[0], contacts[1:], picks)

    @staticmethod
    def _load(repo, ids: list[int]) -> list[Contact]:
        found = {c.id: c for c in repo.get_many(ids)}
        for cid in ids:
            if cid not in found:
                raise NotFoundError(f"no contact with id {cid}")
        return [found[i] for i in ids]

    def merge(
        self, keep_id: int, other_ids: Sequence[int], picks: Mapping[str, int] | None = None
    ) -> MergeResult:
        """Merge ``other_ids`` into ``keep_id`` (``picks``: see domain.merging)."""
        from netdesk.store.activity import ActivityRepository
        from netdesk.store.contacts import ContactRepository

        others = _check_ids(keep_id, other_ids)
        _check_picks(picks, 1 + len(others))
        ids = [keep_id, *others]
        with storage_errors(), self.db.engine.begin() as conn:
            raw = conn.connection.driver_connection
            repo = ContactRepository(conn)
            contacts = self._load(repo, ids)
            interactions, followups = ActivityRepository(conn).snapshot(ids)
            aliases = merges.aliases_of(raw, ids)
            not_same = dup_store.not_duplicates_involving(raw, ids)
            merged = merge_contacts(contacts[0], contacts[1:], picks)
            merges.move_activity(raw, others, keep_id)
            repo.delete(others)
            repo.update(merged)
            gone = set(others)
            old_uids = {c.uid for c in contacts[1:]} | {uid for uid, _ in aliases}
            merges.put_aliases(
                raw, [(u, keep_id) for u in sorted(old_uids) if u and u != merged.uid]
            )
            dup_store.put_not_duplicates(
                raw,
                [(keep_id if a in gone else a, keep_id if b in gone else b) for a, b in not_same],
            )
            survivor = repo.get(keep_id)
            snapshot = {
                "contacts": [contact_to_json(c) for c in contacts],
                "interactions": [interaction_to_json(i) for i in interactions],
                "followups": [followup_to_json(f) for f in followups],
                "aliases": aliases,
                "not_duplicates": not_same,
                "survivor_after": contact_to_json(survivor),
            }
            merge_id = merges.add_merge_log(
                raw, self.clock.now(), keep_id, others, json.dumps(snapshot)
            )
        return MergeResult(merge_id, survivor, tuple(others))

    def undo_last(self) -> UndoneMerge:
        """Undo the newest merge not undone yet."""
        with storage_errors():
            con = self.db.connect_raw()
            try:
                entry = merges.last_open_merge(con)
            finally:
                con.close()
        if entry is None:
            raise NotFoundError("there is no merge to undo")
        return self.undo(entry.id)

    def undo(self, merge_id: int) -> UndoneMerge:
        """Put back the contacts of one merge exactly as they were, with their activity,
        aliases and "not the same" marks. Refused (nothing changed) when the survivor was
        edited, given activity or merged again since: undoing would lose that."""
        from netdesk.store.activity import ActivityRepository
        from netdesk.store.contacts import ContactRepository

        with storage_errors(), self.db.engine.begin() as conn:
            raw = conn.connection.driver_connection
            entry = merges.merge_log_entry(raw, merge_id)
            if entry is None or entry.undone_at is not None:
                raise NotFoundError(f"merge {merge_id} does not exist or was undone already")
            snap = json.loads(entry.snapshot)
            contacts = [contact_from_json(c) for c in snap["contacts"]]
            interactions = [interaction_from_json(i) for i in snap["interactions"]]
            followups = [followup_from_json(f) for f in snap["followups"]]
            repo, activity = ContactRepository(conn), ActivityRepository(conn)
            self._check_unchanged(repo, activity, entry, snap, interactions + followups)
            repo.delete([entry.survivor_id])
            repo.restore(contacts)
            activity.put_back(interactions, followups)
            merges.put_aliases(raw, [tuple(a) for a in snap["aliases"]])
            dup_store.put_not_duplicates(raw, [tuple(p) for p in snap["not_duplicates"]])
            merges.mark_undone(raw, merge_id, self.clock.now())
        return UndoneMerge(merge_id, tuple(contacts))

    @staticmethod
    def _check_unchanged(repo, activity, entry, snap, before_activity) -> None:
        survivor = repo.get(entry.survivor_id)
        if survivor is None:
            raise ServiceError(
                f"contact {entry.survivor_id} no longer exists (deleted or merged again); "
                "undo that first"
            )
        if contact_to_json(survivor) != snap["survivor_after"]:
            raise ServiceError(
                f"“{survivor.display_name}” was changed after the merge; undoing it would "
                "lose those changes, so nothing was undone"
            )
        now_items = activity.snapshot([entry.survivor_id])
        if _activity_key([*now_items[0], *now_items[1]]) != _activity_key(
            [_moved(i, entry.survivor_id) for i in before_activity]
        ):
            raise ServiceError(
                f"“{survivor.display_name}” has new or changed activity since the merge; "
                "nothing was undone"
            )
        if repo.get_many(list(entry.merged_ids)):
            raise ServiceError("a merged-away contact's id is in use again; nothing was undone")


def _moved(item, contact_id: int):
    return dataclasses.replace(item, contact_id=contact_id)
