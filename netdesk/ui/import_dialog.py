"""Importing .vcf files from the GUI: a worker thread, a progress bar, Cancel, then the report.

The import runs in ``ImportWorker``, a ``BackgroundJob``: a plain Python thread that never
touches Qt, polled by the GUI thread, which emits the progress and result signals itself (see
``netdesk.ui.background`` for why). Cancel sets a flag the service polls between batches; the
service then rolls the file's transaction back, so the store is as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from netdesk.domain.wording import import_summary, merge_note
from netdesk.ui.background import BackgroundJob
from netdesk.ui.feedback import grow_to_fit

# import_files(paths, progress, cancelled) -> ImportReport, as TransferService offers it.
ImportFn = Callable[..., object]


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
            return "cancelled", "Import cancelled; nothing was changed."
        if isinstance(exc, service_error):
            return "failed", str(exc)
        return "failed", f"The import stopped because of an unexpected error: {exc!r}"


def describe_report(report) -> tuple[str, str]:
    """(one-line summary, details) of an ImportReport, for people rather than programs."""
    summary = import_summary(report)
    lines = []
    for file, message in report.files_failed:
        lines.append(f"{Path(file).name}: could not be read: {message}")
    for p in report.problems:
        where = f"card {p.card}" if p.card else "outside any card"
        state = "skipped" if getattr(p, "skipped", True) else "imported with a warning"
        lines.append(f"{Path(p.file).name}, {where}, line {p.line} ({state}): {p.message}")
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
            names += f" and {len(self.paths) - 3} more"
        self.status = QLabel(f"Importing {names}…")
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
            self.progress.setFormat(f"{done:,} of {total:,} cards")

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
        self.progress.setFormat("Done")
        self._finish("done", f"Import finished: {summary}.")
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
            self.progress.setFormat("Cancelled")
        self._finish(outcome, message)
