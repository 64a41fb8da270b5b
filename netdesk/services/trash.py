"""The trash: deleting a contact moves it (with its interactions and follow-ups) here for
30 days; it can be restored from here after a restart, or emptied by the user or by age."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from netdesk.domain.clock import Clock
from netdesk.services.contacts import Deletion, delete_in, restore_in
from netdesk.services.errors import Cancelled, NotFoundError, storage_errors
from netdesk.store.db import Database

if TYPE_CHECKING:
    from netdesk.store.trash import TrashListing, TrashRecord


def _repo(conn):  # noqa: ANN001, ANN202
    # Imported on first use: the store's SQLAlchemy side stays out of the window's start-up.
    from netdesk.store.trash import TrashRepository

    return TrashRepository(conn)

KEEP_DAYS = 30
# A long delete or its undo works through this many contacts between looks at Cancel.
CHUNK = 250
Progress = Callable[[int, int], None] | None
IsCancelled = Callable[[], bool] | None


def _check(cancelled: IsCancelled) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled()  # leaves the transaction, which rolls back: nothing changed


def _delete_in_chunks(conn, ids: list[int], progress: Progress,  # noqa: ANN001
                      cancelled: IsCancelled) -> Deletion:
    """``delete_in`` with progress and Cancel: the activity snapshot for everyone first (so
    the group interactions people share are seen whole), then the contacts chunk by chunk."""
    from netdesk.store.activity import ActivityRepository
    from netdesk.store.contacts import ContactRepository

    activity = ActivityRepository(conn)
    interactions, followups = activity.snapshot(ids)
    took_part = activity.took_part(ids)
    gone = []
    for start in range(0, len(ids), CHUNK):
        _check(cancelled)
        gone += ContactRepository(conn).delete(ids[start:start + CHUNK])
        if progress:
            progress(min(start + CHUNK, len(ids)), len(ids))
    return Deletion(gone, interactions, followups, took_part)


def _restore_in_chunks(conn, deletion: Deletion, progress: Progress,  # noqa: ANN001
                       cancelled: IsCancelled) -> dict[int, int]:
    """``restore_in`` with progress and Cancel: the contacts chunk by chunk, then their
    activity in one go (under the ids the contacts came back with)."""
    contacts = deletion.contacts
    moved: dict[int, int] = {}
    for start in range(0, len(contacts), CHUNK):
        _check(cancelled)
        moved.update(restore_in(conn, Deletion(contacts[start:start + CHUNK], [], [])))
        if progress:
            progress(min(start + CHUNK, len(contacts)), len(contacts))
    _check(cancelled)
    restore_in(conn, Deletion(
        [],
        [dataclasses.replace(i, contact_id=moved.get(i.contact_id, i.contact_id))
         for i in deletion.interactions],
        [dataclasses.replace(f, contact_id=moved.get(f.contact_id, f.contact_id))
         for f in deletion.followups],
        [(iid, moved.get(cid, cid)) for iid, cid in deletion.took_part],
    ))
    return moved


@dataclasses.dataclass
class Trashed:
    """A delete into the trash, kept by its command so undo can take it back."""

    deletion: Deletion
    trash_ids: list[int]


@dataclasses.dataclass
class Restored:
    """Trash entries put back as contacts: ``contact_ids`` as they are now."""

    records: list[TrashRecord]
    contact_ids: list[int]
    moved: dict[int, int]


class TrashService:
    def __init__(self, db: Database, clock: Clock, keep_days: int = KEEP_DAYS) -> None:
        self.db = db
        self.clock = clock
        self.keep_days = keep_days

    def delete(self, contact_ids: Sequence[int], progress: Progress = None,
               cancelled: IsCancelled = None) -> Trashed:
        """Delete contacts into the trash, in one transaction. With ``progress``/``cancelled``
        (a big delete in a worker) it goes chunk by chunk; a cancel rolls it all back."""
        ids = list(contact_ids)
        with storage_errors(), self.db.engine.begin() as conn:
            if progress is None and cancelled is None:
                deletion = delete_in(conn, ids)
            else:
                deletion = _delete_in_chunks(conn, ids, progress, cancelled)
            _check(cancelled)
            trash_ids = _repo(conn).put(
                deletion.contacts, deletion.interactions, deletion.followups, self.clock.now())
        return Trashed(deletion, trash_ids)

    def undo_delete(self, trashed: Trashed, progress: Progress = None,
                    cancelled: IsCancelled = None) -> dict[int, int]:
        """Take a delete back: the contacts return and leave the trash (chunk by chunk, with
        progress and Cancel, when those are given)."""
        with storage_errors(), self.db.engine.begin() as conn:
            _repo(conn).take(trashed.trash_ids)
            if progress is None and cancelled is None:
                return restore_in(conn, trashed.deletion)
            return _restore_in_chunks(conn, trashed.deletion, progress, cancelled)

    def entries(self) -> list[TrashListing]:
        """What the trash holds, most recently deleted first."""
        with storage_errors(), self.db.engine.connect() as conn:
            return _repo(conn).listing()

    def restore(self, trash_ids: Sequence[int]) -> Restored:
        """Put trash entries back as contacts (under their old ids when free)."""
        with storage_errors(), self.db.engine.begin() as conn:
            records = _repo(conn).take(trash_ids)
            if not records:
                raise NotFoundError("those entries are no longer in the trash")
            deletion = Deletion([r.contact for r in records],
                                [i for r in records for i in r.interactions],
                                [f for r in records for f in r.followups])
            moved = restore_in(conn, deletion)
        ids = [moved.get(r.contact.id, r.contact.id) for r in records]  # type: ignore[misc]
        return Restored(records, ids, moved)  # type: ignore[arg-type]

    def undo_restore(self, restored: Restored) -> None:
        """Send restored contacts back to the trash, as the entries they were."""
        with storage_errors(), self.db.engine.begin() as conn:
            delete_in(conn, restored.contact_ids)
            _repo(conn).put_back(restored.records)

    def empty(self, trash_ids: Sequence[int] | None = None) -> list[TrashRecord]:
        """Remove entries for good (all when ``trash_ids`` is None); returns them for undo."""
        with storage_errors(), self.db.engine.begin() as conn:
            repo = _repo(conn)
            return repo.take(repo.all_ids() if trash_ids is None else trash_ids)

    def put_back(self, records: Sequence[TrashRecord]) -> None:
        """Undo of ``empty``: the entries return to the trash."""
        with storage_errors(), self.db.engine.begin() as conn:
            _repo(conn).put_back(records)

    def purge_expired(self) -> int:
        """Empty what was deleted more than ``keep_days`` ago; how many entries went."""
        cutoff = self.clock.now() - dt.timedelta(days=self.keep_days)
        with storage_errors(), self.db.engine.begin() as conn:
            repo = _repo(conn)
            return len(repo.take(repo.ids_deleted_before(cutoff)))
