"""Import (dialog, drag and drop, files handed over by a second netdesk), export, and the
sample contacts. An import runs in a worker; when it has changed the store, it becomes one
step of the undo history (RecordImport) and one bulk change event.

CSV files (LinkedIn, Google, Outlook exports) first open the CSV dialog (preview, mapping,
counts); its import then runs like a vCard import, with the same progress dialog and record.
Files come one dialog at a time: the others wait in a queue."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

from netdesk.actions import ChangeEvent, Runner
from netdesk.actions.contacts import AddContacts
from netdesk.actions.transfer import RecordImport
from netdesk.domain.contact import Contact
from netdesk.services.contacts import ContactService
from netdesk.services.errors import ServiceError
from netdesk.ui.feedback import Feedback
from netdesk.ui.import_dialog import import_summary_text
from netdesk.ui.locale_format import format_count
from netdesk.ui.main_window import MainWindow

# Adds the sample contacts (and their activity); returns the contacts created.
SampleMaker = Callable[[], list[Contact]]
# (CsvImportService, CsvMappings), made when the first CSV file comes.
CsvFactory = Callable[[], tuple[object, object]]


class TransferController(QObject):
    def __init__(self, window: MainWindow, contacts: ContactService, runner: Runner,
                 feedback: Feedback, transfer_factory: Callable[[], object],
                 export_scope: Callable[[], tuple[int, list[int], str]],
                 make_samples: SampleMaker, csv_factory: CsvFactory | None = None,
                 csv_export_factory: Callable[[], object] | None = None) -> None:
        """``export_scope()`` gives (total contacts, selected ids, current tag or "")."""
        super().__init__(window)
        self.setObjectName("transferController")
        self._window, self._contacts, self._runner = window, contacts, runner
        self._feedback, self._transfer_factory = feedback, transfer_factory
        self._export_scope, self._make_samples = export_scope, make_samples
        self._transfer = None
        self._csv_factory, self._csv = csv_factory, None
        self._csv_export_factory = csv_export_factory
        self._pending: list[str] = []
        self.import_dialog = None
        self.csv_dialog = None
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
            self._window, self.tr("Import contacts"), str(Path.home()),
            self.tr("Contacts (*.vcf *.vcard *.csv *.tsv);;vCard files (*.vcf *.vcard);;"
                    "CSV files (*.csv *.tsv);;All files (*)"))
        if paths:
            self.import_files(paths)

    def _busy(self) -> bool:
        return ((self.import_dialog is not None and self.import_dialog.is_running())
                or (self.csv_dialog is not None and self.csv_dialog.isVisible()))

    def import_files(self, paths: list[str]) -> None:
        """Import .vcf files in the background, showing progress, Cancel and the report; a
        CSV file first gets its preview and mapping dialog."""
        from netdesk.services.csv_transfer import is_csv_path

        paths = [str(p) for p in paths]
        if not paths:
            return
        if self._busy():
            self._pending += paths
            return
        csv = [p for p in paths if self._csv_factory is not None and is_csv_path(p)]
        vcards = [p for p in paths if p not in csv]
        if vcards:
            self._pending += csv
            self._import_vcards(vcards)
        else:
            self._pending += csv[1:]
            self._open_csv(csv[0])

    def _import_vcards(self, paths: list[str]) -> None:
        from netdesk.ui.import_dialog import ImportDialog

        try:
            transfer = self.transfer()
        except ServiceError as exc:
            self._feedback.error(str(exc))
            return
        dialog = ImportDialog(transfer.import_files, [Path(p) for p in paths], self._window)
        self._follow_import(dialog)
        dialog.open()
        dialog.start()

    def _follow_import(self, dialog) -> None:  # noqa: ANN001
        dialog.finished_import.connect(self._on_import_finished)
        dialog.finished.connect(self._on_import_dialog_closed)
        self.import_dialog = dialog

    def _open_csv(self, path: str) -> None:
        from netdesk.ui.csv_import_dialog import CsvImportDialog

        try:
            if self._csv is None:
                self._csv = self._csv_factory()
            service, mappings = self._csv
            dialog = CsvImportDialog(service, mappings, path, self._window)
        except ServiceError as exc:
            self._feedback.error(str(exc))
            self._on_import_dialog_closed(0)
            return
        dialog.finished.connect(lambda result: self._on_csv_dialog_closed(dialog, result))
        self.csv_dialog = dialog
        dialog.open()

    def _on_csv_dialog_closed(self, dialog, result: int) -> None:  # noqa: ANN001
        dialog.deleteLater()
        if self.csv_dialog is dialog:
            self.csv_dialog = None
        if result != dialog.DialogCode.Accepted:
            self._on_import_dialog_closed(result)
            return
        progress = dialog.start_import(self._window)
        self._follow_import(progress)
        progress.open()

    def _on_import_finished(self, report) -> None:  # noqa: ANN001
        if report.created or report.updated:
            # One history step and one bulk event: every view re-reads once.
            self._runner.run(RecordImport(self._contacts, report))
        self._feedback.status(self.tr("Imported: %1.").replace("%1", import_summary_text(report)))

    def _on_import_dialog_closed(self, _result: int) -> None:
        if self._pending:
            paths, self._pending = self._pending, []
            QTimer.singleShot(0, lambda: self.import_files(paths))

    def _on_closing(self) -> None:
        if self.csv_dialog is not None and self.csv_dialog.isVisible():
            self.csv_dialog.reject()
        if self.import_dialog is not None and self.import_dialog.is_running():
            self.import_dialog.cancel()
            self.import_dialog.wait()
        if self.export_dialog is not None and self.export_dialog.is_running():
            # Quitting mid-export: stop the worker; its writer removes the temporary file.
            self.export_dialog.reject()
            self.export_dialog.wait()

    def export_contacts(self) -> None:
        from netdesk.ui.export_dialog import ExportDialog

        if self.export_dialog is not None and self.export_dialog.is_running():
            self.export_dialog.raise_()  # one export at a time: show the running one
            return
        try:
            transfer = self.transfer()
            tags = self._contacts.tag_names()
        except ServiceError as exc:
            self._feedback.error(str(exc))
            return
        total, selected, tag = self._export_scope()
        # Made here, on the GUI thread: the export itself runs in a worker, which must not
        # import modules (see ui/import_dialog.py) or touch Qt.
        csv_service = self._csv_export_factory() if self._csv_export_factory else None

        def export(path, ids=None, tag=None, version="3.0", progress=None,  # noqa: ANN001, ANN202
                   cancelled=None):  # noqa: ANN001
            if version.startswith("csv:"):  # "csv:google" / "csv:outlook"
                return csv_service.export(path, version[4:], ids, tag, cancelled=cancelled)
            return transfer.export(path, ids=ids, tag=tag, version=version, progress=progress,
                                   cancelled=cancelled)

        dialog = ExportDialog(export, total, selected, tags, current_tag=tag or None,
                              parent=self._window, csv=csv_service is not None)
        dialog.exported.connect(lambda n, path: self._feedback.status(
            (self.tr("Exported 1 contact to %2.") if n == 1 else
             self.tr("Exported %1 contacts to %2.")).replace("%1", format_count(n)).replace(
                "%2", str(path))))
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

        question = (self.tr("Add 40 made-up sample contacts to your 1 contact?") if existing == 1
                    else self.tr("Add 40 made-up sample contacts to your %1 contacts?")
                    .replace("%1", format_count(existing)))
        confirm(self._window, "confirmSamplesBox", question, self.tr("Add sample contacts"),
                self._add_samples,
                self.tr("They come with follow-ups and reminders of their own. Edit → Undo "
                        "takes them all out again."))

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
        n = len(command.created)
        self._feedback.outcome(outcome, self.tr("Added 1 sample contact.") if n == 1 else
                               self.tr("Added %1 sample contacts.").replace("%1", format_count(n)))
