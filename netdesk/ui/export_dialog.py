"""Exporting to a file: everyone, the selected contacts or one tag, as vCard 3.0 or 4.0, or
(when the window offers it) as a CSV file for Google Contacts or Outlook."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from netdesk.services.errors import ServiceError
from netdesk.ui.multi_value_editor import ErrorLabel

DEFAULT_NAME = "contacts.vcf"
# export(path, ids=None, tag=None, version="3.0") -> number of cards, as TransferService has it;
# with ``csv=True`` the version can also be "csv:google" or "csv:outlook".
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
        self.setWindowTitle("Export contacts")
        self._export = export
        self._selected = list(selected_ids)
        self.all_radio = QRadioButton(f"All contacts ({total:,})", objectName="exportAll")
        self.selected_radio = QRadioButton(f"Selected contacts ({len(self._selected):,})",
                                           objectName="exportSelected")
        self.selected_radio.setEnabled(bool(self._selected))
        self.tag_radio = QRadioButton("Contacts tagged", objectName="exportTag")
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
        self.version_combo.addItem("vCard 3.0 — phones and most apps", "3.0")
        self.version_combo.addItem("vCard 4.0", "4.0")
        for text, value in CSV_FORMATS if csv else ():
            self.version_combo.addItem(text, value)
        self.error = ErrorLabel()
        tag_row = QHBoxLayout()
        tag_row.addWidget(self.tag_radio)
        tag_row.addWidget(self.tag_combo, 1)
        form = QFormLayout()
        form.addRow("Format", self.version_combo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            "Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.choose_file_and_export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Which contacts?"))
        layout.addWidget(self.all_radio)
        layout.addWidget(self.selected_radio)
        layout.addLayout(tag_row)
        layout.addSpacing(8)
        layout.addLayout(form)
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
        if not path.suffix:
            path = path.with_suffix(self._suffix())
        ids, tag, version = self.choice()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            count = self._export(path, ids=ids, tag=tag, version=version)
        except ServiceError as exc:
            self.error.show_message(str(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.exported.emit(count, str(path))
        self.accept()
        return True
