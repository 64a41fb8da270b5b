"""Commands for the trash: delete into it, restore from it, empty it — each undoable."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from netdesk.actions.contacts import _delete_label, _moved_text
from netdesk.actions.events import ChangeEvent
from netdesk.services.errors import NotFoundError
from netdesk.services.trash import Restored, Trashed, TrashService


def _touching_trash(event: ChangeEvent) -> ChangeEvent:
    return dataclasses.replace(event, trash=True)


# Deleting (or bringing back) more contacts than this runs in a worker, with progress and
# Cancel, when the runner has a background starter (the window): ~0.5 s at 100,000 contacts.
LONG_DELETE = 100


class TrashContacts:
    """Delete contacts with their activity into the trash; undo brings them back."""

    def __init__(self, trash: TrashService, ids: Sequence[int], names: Sequence[str] = ()
                 ) -> None:
        self.trash = trash
        self.ids = list(ids)
        self.trashed: Trashed | None = None
        self.note = ""
        self.label = _delete_label(list(names), len(self.ids))

    def runs_long(self, _kind: str) -> bool:
        return len(self.ids) > LONG_DELETE

    def do(self, progress=None, cancelled=None) -> ChangeEvent:  # noqa: ANN001
        self.trashed = self.trash.delete(self.ids, progress, cancelled)
        gone = self.trashed.deletion.contacts
        if not gone:
            raise NotFoundError("those contacts no longer exist")
        self.ids = [c.id for c in gone if c.id is not None]
        self.label = _delete_label([c.display_name for c in gone], len(self.ids))
        return _touching_trash(ChangeEvent.of(removed=self.ids, activity=self.ids))

    def undo(self, progress=None, cancelled=None) -> ChangeEvent:  # noqa: ANN001
        assert self.trashed is not None
        moved = self.trash.undo_delete(self.trashed, progress, cancelled)
        self.ids = [moved.get(i, i) for i in self.ids]
        self.note = _moved_text(moved)
        return _touching_trash(ChangeEvent.of(changed=self.ids, activity=self.ids))

    def redo(self, progress=None, cancelled=None) -> ChangeEvent:  # noqa: ANN001
        return self.do(progress, cancelled)


class RestoreFromTrash:
    """Trash entries back to the contacts; undo sends them back to the trash."""

    def __init__(self, trash: TrashService, trash_ids: Sequence[int]) -> None:
        self.trash = trash
        self.trash_ids = list(trash_ids)
        self.restored: Restored | None = None
        self.label = "Restore from the trash"

    def do(self) -> ChangeEvent:
        self.restored = self.trash.restore(self.trash_ids)
        names = [r.contact.display_name for r in self.restored.records]
        count = len(names)
        self.label = f"Restore {names[0]}" if count == 1 else f"Restore {count} contacts"
        ids = self.restored.contact_ids
        return _touching_trash(ChangeEvent.of(changed=ids, activity=ids))

    def undo(self) -> ChangeEvent:
        assert self.restored is not None
        self.trash.undo_restore(self.restored)
        self.trash_ids = [r.id for r in self.restored.records]
        ids = self.restored.contact_ids
        return _touching_trash(ChangeEvent.of(removed=ids, activity=ids))

    def redo(self) -> ChangeEvent:
        return self.do()


class EmptyTrash:
    """Remove trash entries for good (all of them by default); undo puts them back."""

    def __init__(self, trash: TrashService, trash_ids: Sequence[int] | None = None) -> None:
        self.trash = trash
        self.trash_ids = None if trash_ids is None else list(trash_ids)
        self.removed: list = []  # the entries as the trash held them, for undo
        self.label = "Empty the trash"

    def do(self) -> ChangeEvent:
        self.removed = self.trash.empty(self.trash_ids)
        self.label = f"Empty the trash ({len(self.removed)} contacts)"
        return ChangeEvent(trash=True)

    def undo(self) -> ChangeEvent:
        self.trash.put_back(self.removed)
        return ChangeEvent(trash=True)

    def redo(self) -> ChangeEvent:
        self.trash.empty([r.id for r in self.removed])
        return ChangeEvent(trash=True)
