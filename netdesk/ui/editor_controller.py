"""New, Edit and Delete: the editor dialog and deletes, on the current view's target, through
the runner (so each is one step of the undo history)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence

from netdesk.actions import Runner
from netdesk.actions.contacts import CreateContact, EditContact
from netdesk.actions.trash import TrashContacts
from netdesk.domain.contact import Contact
from netdesk.services.contacts import ContactService
from netdesk.services.errors import ServiceError
from netdesk.services.trash import TrashService
from netdesk.ui.confirm import confirm
from netdesk.ui.feedback import Feedback
from netdesk.ui.locale_format import format_count
from netdesk.ui.main_window import MainWindow


class EditorController(QObject):
    def __init__(self, window: MainWindow, contacts: ContactService, runner: Runner,
                 feedback: Feedback, reveal: Callable[[int], object], trash: TrashService
                 ) -> None:
        """``reveal(contact_id)`` shows a contact in the list (after a create); deletes go
        to ``trash``."""
        super().__init__(window)
        self.setObjectName("editorController")
        self._window, self._contacts, self._runner = window, contacts, runner
        self._feedback, self._reveal, self._trash = feedback, reveal, trash
        self.editor = None
        self._key_owners = None
        window.action("newAction").triggered.connect(self.new_contact)
        window.action("editAction").triggered.connect(self.edit_target)
        window.action("deleteAction").triggered.connect(self.delete_target)
        # The editor's modules are imported in an idle turn after the warm-up (Qt types:
        # the GUI thread only), so the first Ctrl+N or Enter does not wait for them.
        window.warmed_up.connect(lambda: QTimer.singleShot(0, _import_editor))

    def _open_editor(self, contact: Contact | None) -> None:
        from netdesk.ui.editor import ContactEditor

        try:
            tags = self._contacts.tag_names()
            events = self._contacts.event_names()
        except ServiceError as exc:
            self._feedback.error(str(exc))
            return
        save = self._save_new if contact is None else self._save_edit
        editor = ContactEditor(contact, save, tags, events, self._window)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.finished.connect(lambda _r: setattr(self, "editor", None))
        self.editor = editor
        if self._key_owners is not None:
            self._add_duplicate_warning(editor, checked_now=contact is not None)
        # open(), not exec(): window-modal without a nested event loop, so tests can drive it.
        editor.open()

    def set_key_owners(self, key_owners) -> None:  # noqa: ANN001
        """``key_owners(contact)``: who else has its e-mails/phones (the editor warns)."""
        self._key_owners = key_owners

    def _add_duplicate_warning(self, editor, checked_now: bool) -> None:  # noqa: ANN001
        from netdesk.ui.duplicate_warning import DuplicateWarning

        warning = DuplicateWarning(self._key_owners, editor.contact, editor)
        editor.add_notice(warning)
        for values in (editor.emails, editor.phones):
            values.changed.connect(warning.schedule)
        warning.openRequested.connect(lambda cid: self._open_instead(editor, cid))
        if checked_now:  # an edited contact may share a key already
            warning.check()

    def _open_instead(self, editor, contact_id: int) -> None:  # noqa: ANN001
        """Leave this editor (nothing saved) for the contact that has the same details."""
        editor.reject()
        try:
            contact = self._contacts.get(contact_id)
        except ServiceError as exc:
            self._feedback.error(str(exc))
            return
        self._reveal(contact_id)
        self._open_editor(contact)

    def new_contact(self) -> None:
        self._open_editor(None)

    def edit_target(self) -> None:
        ids = self._window.target_ids()
        if not ids:
            return
        try:
            contact = self._contacts.get(ids[0])
        except ServiceError as exc:
            self._feedback.error(str(exc))
            return
        self._open_editor(contact)

    def _save_new(self, contact: Contact) -> Contact:
        command = CreateContact(self._contacts, contact)
        outcome = self._runner.run(command)
        if outcome.error is not None:
            raise outcome.error  # back to the editor, which marks the field
        if not outcome.ok or command.created is None:
            raise ServiceError(outcome.message)
        self._reveal(command.created.id)
        return command.created

    def _save_edit(self, contact: Contact) -> Contact:
        command = EditContact(self._contacts, contact)
        outcome = self._runner.run(command)
        if outcome.error is not None:
            raise outcome.error
        if not outcome.ok or command.saved is None:
            raise ServiceError(outcome.message)
        return command.saved

    def delete_target(self) -> None:
        ids = self._window.target_ids()
        if not ids:
            return
        if len(ids) == 1:
            self._delete(ids)
            return
        # More than one: Ctrl+A then Delete must not take everyone away without a question.
        count = format_count(len(ids))
        confirm(self._window, "confirmDeleteBox",
                self.tr("Delete %1 contacts?").replace("%1", count),
                self.tr("Delete %1 contacts").replace("%1", count), lambda: self._delete(ids),
                self.tr("They go to the Trash with their interactions and follow-ups, and can "
                        "be restored from there for 30 days."))

    def _delete(self, ids: list[int]) -> None:
        outcome = self._runner.run(TrashContacts(self._trash, ids))
        if outcome.pending:
            return  # a big delete runs in a worker, which reports how it went
        undo_key = QKeySequence(QKeySequence.StandardKey.Undo).toString(
            QKeySequence.SequenceFormat.NativeText)
        self._feedback.outcome(outcome, f"{outcome.message}. Press {undo_key} to undo.")


def _import_editor() -> None:
    import netdesk.ui.duplicate_warning  # noqa: F401
    import netdesk.ui.editor  # noqa: F401
