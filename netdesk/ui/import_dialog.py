"""Importing .vcf files from the GUI: a worker thread, a progress bar, Cancel, then the report.

The import runs in ``ImportWorker``, a ``BackgroundJob``: a plain Python thread that never
touches Qt, polled by the GUI thread, which emits the progress and result signals itself (see
``netdesk.ui.background`` for why). Cancel sets a flag the service polls between batches; the
service then rolls the file's transaction back, so the store is as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from netdesk.domain.wording import merge_note
from netdesk.ui.background import BackgroundJob
from netdesk.ui.feedback import grow_to_fit
from netdesk.ui.locale_format import format_count

# import_files(paths, progress, cancelled) -> ImportReport, as TransferService offers it.
ImportFn = Callable[..., object]
translate = QCoreApplication.translate  # lupdate reads translate("ImportDialog", "…")


class ImportWorker(BackgroundJob):
    """Runs one import. ``finished`` says ``result`` holds the ImportReport; ``failed`` says
    ``error`` holds the exception, which ``failure()`` turns into an outcome and a message."""

    def __init__(self, import_files: ImportFn, paths: Sequence[Path], parent=None) -> None:
        paths = list(paths)

        # Closes over the service's bound method and the paths only, never a QObject.
        def run(progress, cancelled):  # noqa: ANN001, ANN202
            return import_files(paths, progress, cancelled)

        super().__init__(run, parent, name="netdesk-import")
        # Imported here, on the GUI thread, not in the worker: module imports on a second
        # thread raced PySide's event dispatch in a crash seen once in the test suite.
        from netdesk.services.errors import ServiceError
        from netdesk.services.transfer import ImportCancelled

        self._errors = (ImportCancelled, ServiceError)

    def failure(self) -> tuple[str, str]:
        """("cancelled" or "failed", message) for the exception in ``error``."""
        import_cancelled, service_error = self._errors
        exc = self.error
        if isinstance(exc, import_cancelled):
            return "cancelled", translate("ImportDialog", "Import cancelled; nothing was changed.")
        if isinstance(exc, service_error):
            return "failed", str(exc)
        return "failed", translate(
            "ImportDialog", "The import stopped because of an unexpected error: %1").replace(
            "%1", repr(exc))


def import_summary_text(report) -> str:  # noqa: ANN001
    """``3 created, 1 updated, 2 unchanged, 1 merged with another card, 0 skipped`` in the
    language in use (the CLI keeps ``domain.wording.import_summary``'s English)."""
    parts = [translate("ImportDialog", "%1 created").replace("%1", format_count(report.created)),
             translate("ImportDialog", "%1 updated").replace("%1", format_count(report.updated))]
    if report.unchanged:
        parts.append(translate("ImportDialog", "%1 unchanged").replace(
            "%1", format_count(report.unchanged)))
    if report.merged:
        parts.append(translate("ImportDialog", "%1 merged with another card").replace(
            "%1", format_count(report.merged)))
    parts.append(translate("ImportDialog", "%1 skipped").replace(
        "%1", format_count(report.skipped)))
    return ", ".join(parts)


def describe_report(report) -> tuple[str, str]:
    """(one-line summary, details) of an ImportReport, for people rather than programs."""
    summary = import_summary_text(report)
    lines = []
    for file, message in report.files_failed:
        lines.append(translate("ImportDialog", "%1: could not be read: %2").replace(
            "%1", Path(file).name).replace("%2", message))
    for p in report.problems:
        where = (translate("ImportDialog", "card %1").replace("%1", str(p.card)) if p.card
                 else translate("ImportDialog", "outside any card"))
        state = (translate("ImportDialog", "skipped") if getattr(p, "skipped", True)
                 else translate("ImportDialog", "imported with a warning"))
        lines.append(translate("ImportDialog", "%1, %2, line %3 (%4): %5").replace(
            "%1", Path(p.file).name).replace("%2", where).replace("%3", str(p.line)).replace(
            "%4", state).replace("%5", p.message))
    lines += [merge_note(card, into) for card, into in getattr(report, "merged_into", ())]
    return summary, "\n".join(lines)


class ImportDialog(QDialog):
    """Shows one import from start to report. ``finished_import`` fires when the store changed."""

    finished_import = Signal(object)

    def __init__(self, import_files: ImportFn, paths: Sequence[Path],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import vCards"))
        self.setMinimumWidth(520)
        self.paths = [Path(p) for p in paths]
        self.report = None
        self.outcome = "running"  # then "done", "cancelled" or "failed"
        names = ", ".join(p.name for p in self.paths[:3])
        if len(self.paths) > 3:
            names = self.tr("%1 and %2 more").replace("%1", names).replace(
                "%2", format_count(len(self.paths) - 3))
        self.status = QLabel(self.tr("Importing %1…").replace("%1", names))
        self.status.setObjectName("importStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 0)  # busy until the first count arrives
        self.details = QPlainTextEdit()
        self.details.setObjectName("importReport")
        self.details.setReadOnly(True)
        # Wrapped at the box's width: a warning is read whole, not scrolled sideways to.
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.details.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("importCancelButton")
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.worker = ImportWorker(import_files, self.paths, self)
        self.worker.progressed.connect(self._on_progress)
        self.worker.finished.connect(self._on_done)
        self.worker.failed.connect(self._on_error)

    def start(self) -> None:
        self.worker.start()

    def is_running(self) -> bool:
        return self.outcome == "running"

    def cancel(self) -> None:
        if self.is_running():
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling… nothing will be changed."))

    def reject(self) -> None:
        # Esc or Cancel while importing asks the worker to stop; the dialog stays until the
        # worker confirms, so the window never shows a half-finished store.
        if self.is_running():
            self.cancel()
            return
        super().reject()

    def wait(self, ms: int = 30000) -> bool:
        """Block until the worker is done and its outcome shown (for tests and closing)."""
        return self.worker.wait(ms)

    # -- worker results -----------------------------------------------------------------------
    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            self.progress.setFormat(self.tr("%1 of %2 cards").replace(
                "%1", format_count(done)).replace("%2", format_count(total)))

    def _finish(self, outcome: str, text: str) -> None:
        self.outcome = outcome
        self.status.setText(text)
        grow_to_fit(self.status)  # a long summary or error message is not cut off
        self.buttons.clear()
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("importCloseButton")
        close.clicked.connect(self.accept)
        close.setDefault(True)

    def _on_done(self) -> None:
        report = self.report = self.worker.result
        summary, details = describe_report(report)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.progress.setFormat(self.tr("Done"))
        self._finish("done", self.tr("Import finished: %1.").replace("%1", summary))
        if details:
            self.details.setPlainText(details)
            self.details.show()
            self.resize(max(self.width(), 640), max(self.height(), 420))
        self.finished_import.emit(report)

    def _on_error(self) -> None:
        outcome, message = self.worker.failure()
        if outcome == "cancelled":
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.progress.setFormat(self.tr("Cancelled"))
        self._finish(outcome, message)
