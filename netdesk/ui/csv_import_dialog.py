"""Importing a CSV file from the GUI: see the columns, fix the mapping, see the counts, import.

The dialog shows the detected export (LinkedIn, Google, Outlook, generic), the encoding and
the first rows, with a combo box above each column saying what it becomes. Every change
re-counts what an import would create, update and skip (a dry run in a ``BackgroundJob``, the
store is not touched). A mapping the user changed is remembered for that header row. The
import itself then runs in ``ImportDialog`` (progress and Cancel), like a vCard import.

Self-contained: it takes the CSV import service and the mapping memory in its constructor;
the main window wires it in (drag-and-drop and File → Import of a .csv).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netdesk.ui.background import BackgroundJob
from netdesk.ui.import_dialog import ImportDialog
from netdesk.ui.locale_format import format_count

PREVIEW_ROWS = 20
PROFILE_CHOICES = (
    ("Detect", None),
    ("LinkedIn", "linkedin"),
    ("Google Contacts", "google"),
    ("Outlook", "outlook"),
    ("Generic", "generic"),
)
ENCODING_CHOICES = ("Detect", "utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1", "cp1250")
FIELD_CHOICES = (
    ("(not imported)", "ignore"),
    ("Full name", "display_name"),
    ("First name", "given_name"),
    ("Middle name", "additional_names"),
    ("Last name", "family_name"),
    ("Name prefix", "name_prefix"),
    ("Name suffix", "name_suffix"),
    ("Nickname", "nickname"),
    ("Company", "org"),
    ("Department", "department"),
    ("Job title", "title"),
    ("E-mail", "email"),
    ("Phone", "phone"),
    ("Mobile phone", "phone:mobile"),
    ("Work phone", "phone:work"),
    ("Home phone", "phone:home"),
    ("Website", "url"),
    ("LinkedIn profile", "linkedin"),
    ("Tags", "tags"),
    ("Notes", "notes"),
    ("Birthday", "birthday"),
    ("Connected on (first meeting)", "connected_on"),
    ("Street", "street"),
    ("City", "city"),
    ("Region", "region"),
    ("Postal code", "postal_code"),
    ("Country", "country"),
    ("Whole address", "address_formatted"),
)


class CsvImportDialog(QDialog):
    """``csv_service``: a CsvImportService; ``mappings``: a CsvMappings (or None)."""

    def __init__(self, csv_service, mappings, path: Path | str, parent: QWidget | None = None):
        super().__init__(parent)
        from netdesk.services.csv_transfer import CsvOptions, read_file_bytes

        self.setObjectName("csvImportDialog")
        self.setWindowTitle(self.tr("Import %1").replace("%1", Path(path).name))
        self.resize(860, 520)
        self.service, self.mappings, self.path = csv_service, mappings, Path(path)
        self._options_type = CsvOptions
        self.data = read_file_bytes(self.path)
        self.overrides: dict[str, str] = {}
        self.headers: list[str] = []
        self.report = None
        self._count_job: BackgroundJob | None = None
        self._stale = False
        self._build()
        self.reload(remembered=True)

    # -- widgets ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.profile_combo = QComboBox(objectName="csvProfileCombo")
        for text, value in PROFILE_CHOICES:
            self.profile_combo.addItem(text, value)
        self.encoding_combo = QComboBox(objectName="csvEncodingCombo")
        for name in ENCODING_CHOICES:
            self.encoding_combo.addItem(name, None if name == "Detect" else name)
        self.detected = QLabel(objectName="csvDetectedLabel")
        self.counts = QLabel(objectName="csvCountsLabel")
        self.error = QLabel(objectName="csvErrorLabel")
        for label in (self.detected, self.counts, self.error):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self.error.hide()
        self.table = QTableWidget(objectName="csvPreviewTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        form = QFormLayout()
        form.addRow(self.tr("Export from:"), self.profile_combo)
        form.addRow(self.tr("Encoding:"), self.encoding_combo)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import"))
        self.import_button.setObjectName("csvImportButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.detected)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.profile_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.encoding_combo.currentIndexChanged.connect(lambda _i: self.reload())

    def options(self):
        return self._options_type(
            self.profile_combo.currentData(),
            dict(self.overrides),
            self.encoding_combo.currentData(),
        )

    # -- layout and preview -------------------------------------------------------------------
    def reload(self, remembered: bool = False) -> None:
        """Read the layout again (profile or encoding changed) and refill the table."""
        from netdesk.services.errors import ServiceError

        try:
            layout = self.service.layout(
                self.data,
                self._options_type(
                    self.profile_combo.currentData(), {}, self.encoding_combo.currentData()
                ),
            )
        except ServiceError as exc:
            self._show_error(str(exc))
            return
        if layout.headers != self.headers:
            self.headers = layout.headers
            self.overrides = self.mappings.get(self.headers) if remembered and self.mappings else {}
        try:
            layout, rows = self.service.sample(self.data, self.options(), PREVIEW_ROWS)
        except ServiceError as exc:
            self._show_error(str(exc))
            return
        self.error.hide()
        note = " (your mapping from last time)" if self.overrides else ""
        self.detected.setText(
            f"{layout.profile.title}, {layout.encoding}, "
            f"{'tab' if layout.delimiter == chr(9) else repr(layout.delimiter)}-separated, "
            f"header on line {layout.header_line}{note}"
        )
        self._fill_table(layout, rows)
        self.recount()

    def _fill_table(self, layout, rows: list[list[str]]) -> None:
        self.table.clear()
        self.table.setColumnCount(len(layout.headers))
        self.table.setRowCount(len(rows) + 1)
        self.table.setHorizontalHeaderLabels(layout.headers)
        for col, (header, target) in enumerate(zip(layout.headers, layout.targets, strict=False)):
            self.table.setCellWidget(0, col, self._field_combo(header, target))
            for row, cells in enumerate(rows, start=1):
                text = cells[col] if col < len(cells) else ""
                self.table.setItem(row, col, QTableWidgetItem(text.replace("\n", " ⏎ ")))

    def _field_combo(self, header: str, target) -> QComboBox:
        combo = QComboBox(objectName=f"csvField:{header}")
        for text, spec in FIELD_CHOICES:
            combo.addItem(text, spec)
        spec = target.spec() if target is not None else "ignore"
        index = combo.findData(spec)
        if index < 0:
            index = combo.findData(target.field if target is not None else "ignore")
        if index < 0:
            combo.addItem(spec, spec)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        combo.currentIndexChanged.connect(lambda _i, h=header, c=combo: self.set_field(h, c))
        return combo

    def field_combo(self, header: str) -> QComboBox:
        return self.findChild(QComboBox, f"csvField:{header}")

    def set_field(self, header: str, combo: QComboBox) -> None:
        self.overrides[header] = combo.currentData()
        self.recount()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.import_button.setEnabled(False)
        self.counts.setText("")

    # -- counting (a dry run off the GUI thread) ----------------------------------------------
    def recount(self) -> None:
        if self._count_job is not None and self._count_job.is_running():
            self._stale = True
            return
        self._stale = False
        self.import_button.setEnabled(False)
        self.counts.setText(self.tr("Counting what the import would do…"))
        service, data, name, options = self.service, self.data, self.path.name, self.options()

        def dry_run(_progress, _cancelled):  # plain Python: runs on the worker thread
            return service.preview(data, name, options, 0).report

        self._count_job = BackgroundJob(dry_run, self)
        self._count_job.finished.connect(self._on_counted)
        self._count_job.failed.connect(self._on_count_failed)
        self._count_job.start()

    def _on_counted(self) -> None:
        if self._stale:
            self.recount()
            return
        report = self.report = self._count_job.result
        self.counts.setText(self.tr(
            "Will create %1, update %2, leave %3 as they are and skip %4 rows.").replace(
            "%1", format_count(report.created)).replace(
            "%2", format_count(report.updated)).replace(
            "%3", format_count(report.unchanged + report.merged)).replace(
            "%4", format_count(report.skipped)))
        self.error.hide()
        self.import_button.setEnabled(True)

    def _on_count_failed(self) -> None:
        if self._stale:
            self.recount()
            return
        self._show_error(str(self._count_job.error))

    def wait_counted(self, ms: int = 30000) -> bool:
        """Block until the counts are shown (for tests)."""
        while self._count_job is not None:
            if not self._count_job.wait(ms):
                return False
            if not self._stale and not self._count_job.is_running():
                return True
        return True

    # -- importing ----------------------------------------------------------------------------
    def accept(self) -> None:
        if self.overrides and self.mappings is not None:
            self.mappings.remember(self.headers, self.overrides)
        super().accept()

    def start_import(self, parent: QWidget | None = None) -> ImportDialog:
        """The progress dialog for the real import with the chosen options (already started)."""
        service, options = self.service, self.options()

        def import_files(paths, progress, cancelled):
            return service.import_file(paths[0], options, progress, cancelled)

        dialog = ImportDialog(import_files, [self.path], parent)
        dialog.setWindowTitle(self.tr("Import %1").replace("%1", self.path.name))
        dialog.start()
        return dialog
