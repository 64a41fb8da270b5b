"""Import (dialog, drag and drop, files handed over by a second netdesk), export, and the
sample contacts. An import runs in a worker; when it has changed the store, it becomes one
step of the undo history (RecordImport) and one bulk change event."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

from netdesk.actions import ChangeEvent, Runner
from netdesk.actions.contacts import AddContacts
from netdesk.actions.transfer import RecordImport
from netdesk.domain.contact import Contact
from netdesk.domain.wording import count_of, import_summary
from netdesk.services.contacts import ContactService
from netdesk.services.errors import ServiceError
from netdesk.ui.feedback import Feedback
from netdesk.ui.main_window import MainWindow

# Adds the sample contacts (and their activity); returns the contacts created.
SampleMaker = Callable[[], list[Contact]]


class TransferController(QObject):
    def __init__(self, window: MainWindow, contacts: ContactService, runner: Runner,
                 feedback: Feedback, transfer_factory: Callable[[], object],
                 export_scope: Callable[[], tuple[int, list[int], str]],
                 make_samples: SampleMaker) -> None:
        """``export_scope()`` gives (total contacts, selected ids, current tag or "")."""
        super().__init__(window)
        self.setObjectName("transferController")
        self._window, self._contacts, self._runner = window, contacts, runner
        self._feedback, self._transfer_factory = feedback, transfer_factory
        self._export_scope, self._make_samples = export_scope, make_samples
        self._transfer = None
        self._pending: list[str] = []
        self.import_dialog = None
        self.export_dialog = None
        window.action("importAction").triggered.connect(self.choose_import_files)
        window.action("exportAction").triggered.connect(self.export_contacts)
        window.action("sampleAction").triggered.connect(self.add_sample_contacts)
        window.filesDropped.connect(self.import_files)
        window.closing.connect(self._on_closing)

    def transfer(self):  # noqa: ANN201
        if self._transfer is None:
            self._transfer = self._transfer_factory()
        return self._transfer

    def choose_import_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self._window, "Import vCards", str(Path.home()),
            "vCard files (*.vcf *.vcard);;All files (*)")
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[str]) -> None:
        """Import .vcf files in the background, showing progress, Cancel and the report."""
        from netdesk.ui.import_dialog import ImportDialog

        paths = [str(p) for p in paths]
        if not paths:
            return
        if self.import_dialog is not None and self.import_dialog.is_running():
            self._pending += paths
            return
        try:
            transfer = self.transfer()
        except ServiceError as exc:
            self._feedback.error(str(exc))
            return
        dialog = ImportDialog(transfer.import_files, [Path(p) for p in paths], self._window)
        dialog.finished_import.connect(self._on_import_finished)
        dialog.finished.connect(self._on_import_dialog_closed)
        self.import_dialog = dialog
        dialog.open()
        dialog.start()

    def _on_import_finished(self, report) -> None:  # noqa: ANN001
        if report.created or report.updated:
            # One history step and one bulk event: every view re-reads once.
            self._runner.run(RecordImport(self._contacts, report))
        self._feedback.status(f"Imported: {import_summary(report)}.")

    def _on_import_dialog_closed(self, _result: int) -> None:
        if self._pending:
            paths, self._pending = self._pending, []
            QTimer.singleShot(0, lambda: self.import_files(paths))

    def _on_closing(self) -> None:
        if self.import_dialog is not None and self.import_dialog.is_running():
            self.import_dialog.cancel()
            self.import_dialog.wait()

    def export_contacts(self) -> None:
        from netdesk.ui.export_dialog import ExportDialog

        try:
            transfer = self.transfer()
            tags = [t.name for t in self._contacts.tags()]
        except ServiceError as exc:
            self._feedback.error(str(exc))
            return
        total, selected, tag = self._export_scope()
        dialog = ExportDialog(transfer.export, total, selected, tags, current_tag=tag or None,
                              parent=self._window)
        dialog.exported.connect(lambda n, path: self._feedback.status(
            f"Exported {count_of(n, 'contact')} to {path}."))
        self.export_dialog = dialog
        dialog.open()

    def add_sample_contacts(self) -> None:
        """Sample people only go into an empty address book without a question: 40 made-up
        contacts with overdue follow-ups mixed into real ones are hard to pick out again."""
        try:
            existing = self._contacts.count()
        except ServiceError as exc:
            self._feedback.error(str(exc))
            return
        if not existing:
            self._add_samples()
            return
        from netdesk.ui.confirm import confirm

        confirm(self._window, "confirmSamplesBox",
                f"Add 40 made-up sample contacts to your {count_of(existing, 'contact')}?",
                "Add sample contacts", self._add_samples,
                "They come with follow-ups and reminders of their own. Edit → Undo takes them "
                "all out again.")

    def _add_samples(self) -> None:
        command = AddContacts(self._contacts, self._make_samples, "Add sample contacts")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            outcome = self._runner.run(command)
        finally:
            QGuiApplication.restoreOverrideCursor()
        if not outcome.ok:
            # Some may have been written before the failure: every view re-reads.
            self._runner.publish(ChangeEvent(bulk=True))
        added = count_of(len(command.created), "sample contact")
        self._feedback.outcome(outcome, f"Added {added}.")
