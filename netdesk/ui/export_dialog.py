"""Exporting to a file: everyone, the selected contacts or one tag, as vCard 3.0 or 4.0, or
(when the window offers it) as a CSV file for Google Contacts or Outlook.

The file is written by a worker (``BackgroundJob``): 100,000 cards take many seconds, during
which the window stays responsive and the dialog shows progress; Cancel stops the worker,
whose atomic writer then removes its temporary file, so no partial file is ever left."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from netdesk.services.errors import ServiceError
from netdesk.ui.background import BackgroundJob
from netdesk.ui.locale_format import format_count
from netdesk.ui.multi_value_editor import ErrorLabel

DEFAULT_NAME = "contacts.vcf"
# export(path, ids=None, tag=None, version="3.0", progress=None, cancelled=None) -> number of
# cards, as TransferService has it; with ``csv=True`` the version can also be "csv:google" or
# "csv:outlook". It runs on a worker thread: it must not use Qt.
ExportFn = Callable[..., int]
CSV_FORMATS = (("CSV for Google Contacts", "csv:google"), ("CSV for Outlook", "csv:outlook"))


class ExportDialog(QDialog):
    exported = Signal(int, str)

    def __init__(
        self,
        export: ExportFn,
        total: int,
        selected_ids: Sequence[int],
        tags: list[str],
        *,
        current_tag: str | None = None,
        parent: QWidget | None = None,
        csv: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export contacts"))
        self._export = export
        self._selected = list(selected_ids)
        self.all_radio = QRadioButton(self.tr("All contacts (%1)").replace(
            "%1", format_count(total)), objectName="exportAll")
        self.selected_radio = QRadioButton(self.tr("Selected contacts (%1)").replace(
            "%1", format_count(len(self._selected))), objectName="exportSelected")
        self.selected_radio.setEnabled(bool(self._selected))
        self.tag_radio = QRadioButton(self.tr("Contacts tagged"), objectName="exportTag")
        self.tag_combo = QComboBox(objectName="exportTagCombo")
        self.tag_combo.addItems(tags)
        self.tag_radio.setEnabled(bool(tags))
        self.tag_combo.setEnabled(False)
        self.tag_radio.toggled.connect(self.tag_combo.setEnabled)
        group = QButtonGroup(self)
        for b in (self.all_radio, self.selected_radio, self.tag_radio):
            group.addButton(b)
        if current_tag and current_tag in tags:
            self.tag_radio.setChecked(True)
            self.tag_combo.setCurrentText(current_tag)
        elif len(self._selected) > 1:
            self.selected_radio.setChecked(True)
        else:
            self.all_radio.setChecked(True)
        self.version_combo = QComboBox(objectName="exportVersion")
        self.version_combo.addItem(self.tr("vCard 3.0 — phones and most apps"), "3.0")
        self.version_combo.addItem(self.tr("vCard 4.0"), "4.0")
        for text, value in CSV_FORMATS if csv else ():
            self.version_combo.addItem(text, value)
        self.error = ErrorLabel()
        self.progress = QProgressBar(objectName="exportProgress")
        self.progress.hide()
        self.job: BackgroundJob | None = None
        tag_row = QHBoxLayout()
        tag_row.addWidget(self.tag_radio)
        tag_row.addWidget(self.tag_combo, 1)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.version_combo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            "Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.choose_file_and_export)
        self.buttons.rejected.connect(self.reject)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("exportCancelButton")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which contacts?")))
        layout.addWidget(self.all_radio)
        layout.addWidget(self.selected_radio)
        layout.addLayout(tag_row)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def showEvent(self, event) -> None:  # noqa: ANN001
        super().showEvent(event)
        # Focus on the chosen scope and Enter exports: left to itself Qt focused Cancel,
        # which then took the default and Enter cancelled.
        checked = next((b for b in (self.all_radio, self.selected_radio, self.tag_radio)
                        if b.isChecked()), self.all_radio)
        checked.setFocus()
        # Cancel must not become the default by being first in the focus chain.
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.export_button.setDefault(True)

    def choice(self) -> tuple[list[int] | None, str | None, str]:
        """(ids, tag, version) to hand to the export service."""
        version = self.version_combo.currentData()
        if self.selected_radio.isChecked():
            return self._selected, None, version
        if self.tag_radio.isChecked():
            return None, self.tag_combo.currentText(), version
        return None, None, version

    def _suffix(self) -> str:
        return ".csv" if str(self.version_combo.currentData()).startswith("csv:") else ".vcf"

    def choose_file_and_export(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suffix = self._suffix()
        start = str(Path(folder or Path.home()) / Path(DEFAULT_NAME).with_suffix(suffix))
        kind = "CSV files (*.csv)" if suffix == ".csv" else "vCard files (*.vcf)"
        path, _ = QFileDialog.getSaveFileName(self, "Export contacts", start,
                                              f"{kind};;All files (*)")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> bool:
        """Start writing ``path`` in a worker, with progress and Cancel; False if an export
        is already running. When the file is written ``exported`` fires and the dialog
        closes; a failure or a cancel is shown in the dialog, which stays open."""
        if self.is_running():
            return False
        if not path.suffix:
            path = path.with_suffix(self._suffix())
        ids, tag, version = self.choice()
        export = self._export

        # Closes over plain values and the export function only, never a QObject.
        def run(progress, cancelled):  # noqa: ANN001, ANN202
            return export(path, ids=ids, tag=tag, version=version, progress=progress,
                          cancelled=cancelled)

        self.error.show_message("")
        self.job = BackgroundJob(run, self, name="netdesk-export")
        self.job.progressed.connect(self._on_progress)
        self.job.finished.connect(lambda: self._on_written(str(path)))
        self.job.failed.connect(self._on_failed)
        self._set_running(True)
        self.job.start()
        return True

    def is_running(self) -> bool:
        return self.job is not None and self.job.is_running()

    def wait(self, ms: int | None = None) -> bool:
        """For tests and benchmarks: block until the export has ended and been reported."""
        return self.job is None or self.job.wait(ms)

    def reject(self) -> None:
        """Cancel (the button, Esc or closing the dialog) stops a running export first; the
        dialog then says so and stays open. Without an export running, it closes."""
        if self.is_running():
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(self.tr("Cancelling…"))
            return
        super().reject()

    def _set_running(self, running: bool) -> None:
        # The choices stay as they were, but cannot change under a running export.
        self.selected_radio.setEnabled(not running and bool(self._selected))
        self.tag_radio.setEnabled(not running and self.tag_combo.count() > 0)
        self.tag_combo.setEnabled(not running and self.tag_radio.isChecked())
        for widget in (self.all_radio, self.version_combo, self.export_button):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(True)
        self.progress.setVisible(running)
        if running:
            self.progress.setRange(0, 0)  # busy until the first count arrives
            self.progress.setFormat(self.tr("Exporting…"))
            self.cancel_button.setFocus()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("Exported %1 of %2 contacts").replace(
            "%1", format_count(done)).replace("%2", format_count(total)))

    def _on_written(self, path: str) -> None:
        count = self.job.result if self.job is not None else 0
        self._set_running(False)
        self.exported.emit(int(count or 0), path)
        self.accept()

    def _on_failed(self) -> None:
        exc = self.job.error if self.job is not None else None
        self._set_running(False)
        if isinstance(exc, ServiceError):
            self.error.show_message(str(exc))
        else:
            self.error.show_message(self.tr("The export stopped because of an unexpected "
                                            "error: %1").replace("%1", repr(exc)))
