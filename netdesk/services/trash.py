"""The trash: deleting a contact moves it (with its interactions and follow-ups) here for
30 days; it can be restored from here after a restart, or emptied by the user or by age."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from netdesk.domain.clock import Clock
from netdesk.services.contacts import Deletion, delete_in, restore_in
from netdesk.services.errors import NotFoundError, storage_errors
from netdesk.store.db import Database

if TYPE_CHECKING:
    from netdesk.store.trash import TrashListing, TrashRecord


def _repo(conn):  # noqa: ANN001, ANN202
    # Imported on first use: the store's SQLAlchemy side stays out of the window's start-up.
    from netdesk.store.trash import TrashRepository

    return TrashRepository(conn)

KEEP_DAYS = 30


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

    def delete(self, contact_ids: Sequence[int]) -> Trashed:
        """Delete contacts into the trash, in one transaction."""
        with storage_errors(), self.db.engine.begin() as conn:
            deletion = delete_in(conn, contact_ids)
            trash_ids = _repo(conn).put(
                deletion.contacts, deletion.interactions, deletion.followups, self.clock.now())
        return Trashed(deletion, trash_ids)

    def undo_delete(self, trashed: Trashed) -> dict[int, int]:
        """Take a delete back: the contacts return and leave the trash."""
        with storage_errors(), self.db.engine.begin() as conn:
            _repo(conn).take(trashed.trash_ids)
            return restore_in(conn, trashed.deletion)

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
