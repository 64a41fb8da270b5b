"""Import as a command. The import itself runs in a worker (it can take minutes); the command
records its report, so undo removes what it created and puts back what it updated."""

from __future__ import annotations

from typing import TYPE_CHECKING

from netdesk.actions.events import ChangeEvent
from netdesk.domain.contact import Contact
from netdesk.domain.wording import import_summary
from netdesk.services.contacts import ContactService, Deletion

if TYPE_CHECKING:  # the transfer service (and the vCard codec) load when first used
    from netdesk.services.transfer import ImportReport


# An import's undo or redo touching more contacts than this runs in a worker (when the
# runner has a background starter): deleting 10,000 froze the window for seconds.
LONG_IMPORT_STEP = 100


class RecordImport:
    """``do`` records an import already made (by the worker); undo and redo replay it from
    snapshots: the created contacts' deletion, and the updated ones before and after."""

    def __init__(self, contacts: ContactService, report: ImportReport) -> None:
        self.contacts = contacts
        self.report = report
        self.created_ids = list(report.created_ids)
        self.before: list[Contact] = list(report.updated_before.values())
        self.after: list[Contact] = []
        self._deletion: Deletion | None = None
        self.label = f"Import ({import_summary(report)})"

    # Its undo and redo write in one go (no Cancel), but in a worker when they are big.
    cancellable = False

    def runs_long(self, kind: str) -> bool:
        return kind != "do" and len(self.created_ids) + len(self.before) > LONG_IMPORT_STEP

    def _event(self) -> ChangeEvent:
        return ChangeEvent(bulk=True)

    def do(self) -> ChangeEvent:
        return self._event()

    def undo(self, progress=None, cancelled=None) -> ChangeEvent:  # noqa: ANN001, ARG002
        self.after = self.contacts.get_many([c.id for c in self.before if c.id is not None])
        for contact in self.before:
            self.contacts.update(contact)
        self._deletion = self.contacts.delete(self.created_ids) if self.created_ids else None
        return self._event()

    def redo(self, progress=None, cancelled=None) -> ChangeEvent:  # noqa: ANN001, ARG002
        if self._deletion is not None:
            moved = self.contacts.restore(self._deletion)
            self.created_ids = [moved.get(i, i) for i in self.created_ids]
        for contact in self.after:
            self.contacts.update(contact)
        return self._event()
