"""Undoable contact changes for the window's QUndoStack: create, edit and delete.

Each change has already been made (and validated) by the time its command is pushed, so the
first ``redo()`` that QUndoStack.push() calls does nothing; later redos repeat the change.
Delete keeps the service's Deletion, so undo restores the same ids with their activity.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from netdesk.domain.contact import Contact
from netdesk.services.contacts import ContactService, Deletion
from netdesk.services.errors import ServiceError

# on_change(ids to select afterwards, ids removed)
ChangeCallback = Callable[[list[int], list[int]], None]
ErrorCallback = Callable[[str], None]


class _ContactCommand(QUndoCommand):
    def __init__(
        self, text: str, service: ContactService, on_change: ChangeCallback, on_error: ErrorCallback
    ) -> None:
        super().__init__(text)
        self.service = service
        self._on_change = on_change
        self._on_error = on_error
        self._done_once = False

    def redo(self) -> None:
        if not self._done_once:
            self._done_once = True
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, step: Callable[[], tuple[list[int], list[int]]]) -> None:
        try:
            selected, removed = step()
        except ServiceError as exc:
            # The store no longer matches this history (e.g. another program changed it):
            # report it and let the window drop the stack rather than undo the wrong thing.
            self.setObsolete(True)
            self._on_error(str(exc))
            return
        self._on_change(selected, removed)

    def _redo(self) -> tuple[list[int], list[int]]:
        raise NotImplementedError

    def _undo(self) -> tuple[list[int], list[int]]:
        raise NotImplementedError


class CreateContactCommand(_ContactCommand):
    def __init__(
        self,
        created: Contact,
        service: ContactService,
        on_change: ChangeCallback,
        on_error: ErrorCallback,
    ) -> None:
        super().__init__(f"Add {created.display_name}", service, on_change, on_error)
        self.contact_id = created.id
        self._deletion: Deletion | None = None

    def _undo(self) -> tuple[list[int], list[int]]:
        self._deletion = self.service.delete([self.contact_id])
        return [], [self.contact_id]

    def _redo(self) -> tuple[list[int], list[int]]:
        if self._deletion is not None:
            self.service.restore(self._deletion)
        return [self.contact_id], []


class EditContactCommand(_ContactCommand):
    def __init__(
        self,
        before: Contact,
        after: Contact,
        service: ContactService,
        on_change: ChangeCallback,
        on_error: ErrorCallback,
    ) -> None:
        super().__init__(f"Edit {after.display_name}", service, on_change, on_error)
        self.before = before
        self.after = after

    def _undo(self) -> tuple[list[int], list[int]]:
        self.service.update(self.before)
        return [self.before.id], []

    def _redo(self) -> tuple[list[int], list[int]]:
        self.service.update(self.after)
        return [self.after.id], []


class DeleteContactsCommand(_ContactCommand):
    def __init__(
        self,
        deletion: Deletion,
        service: ContactService,
        on_change: ChangeCallback,
        on_error: ErrorCallback,
    ) -> None:
        names = [c.display_name for c in deletion.contacts]
        text = f"Delete {names[0]}" if len(names) == 1 else f"Delete {len(names)} contacts"
        super().__init__(text, service, on_change, on_error)
        self.deletion = deletion
        self.ids = [c.id for c in deletion.contacts if c.id is not None]

    def _undo(self) -> tuple[list[int], list[int]]:
        self.service.restore(self.deletion)
        return self.ids, []

    def _redo(self) -> tuple[list[int], list[int]]:
        self.deletion = self.service.delete(self.ids)
        return [], self.ids
