"""Long undoable steps off the GUI thread: deleting thousands of contacts, undoing that or an
import. The runner hands such a step over (``Runner.set_background``); it runs here in a
``BackgroundJob`` (a plain Python thread that never touches Qt) while a small dialog shows its
progress and offers Cancel. The step stays ONE entry of the one history: the runner records
it, and publishes its one change event, when the worker is done (``Runner.finish``).

The dialog only appears when the step takes longer than ``SHOW_AFTER_MS``; it is window
modal, and the runner refuses other changes until the step ends.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from netdesk.actions import Runner
from netdesk.actions.runner import PendingStep
from netdesk.services.errors import Cancelled
from netdesk.ui.background import BackgroundJob
from netdesk.ui.feedback import Feedback

SHOW_AFTER_MS = 300


class StepDialog(QDialog):
    """Progress and Cancel for one long step."""

    def __init__(self, label: str, can_cancel: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("longStepDialog")
        self.setWindowTitle(self.tr("Working…"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(380)
        self.status = QLabel(label)
        self.status.setObjectName("longStepStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(objectName="longStepProgress")
        self.progress.setRange(0, 0)  # busy until the first count arrives
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("longStepCancelButton")
        self.cancel_button.setEnabled(can_cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)


class LongSteps(QObject):
    """The window's background starter for the runner's long steps."""

    def __init__(self, runner: Runner, window: QWidget, feedback: Feedback) -> None:
        super().__init__(window)
        self.setObjectName("longSteps")
        self._runner, self._window, self._feedback = runner, window, feedback
        self.job: BackgroundJob | None = None
        self.dialog: StepDialog | None = None
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(SHOW_AFTER_MS)
        self._show_timer.timeout.connect(self._show_dialog)
        runner.set_background(self.start)
        self.destroyed.connect(lambda *_: runner.set_background(None))
        closing = getattr(window, "closing", None)
        if closing is not None:
            closing.connect(self._on_closing)

    def start(self, pending: PendingStep) -> None:
        work = pending.work

        # Closes over the command's step only (services and plain data), never a QObject.
        def run(progress, cancelled):  # noqa: ANN001, ANN202
            return work(progress, cancelled)

        self.job = BackgroundJob(run, self, name="netdesk-long-step")
        can_cancel = bool(getattr(pending.command, "cancellable", True))
        self.dialog = StepDialog(_describe(pending), can_cancel, self._window)
        self.dialog.rejected.connect(self.cancel)
        self.job.progressed.connect(self.dialog.show_progress)
        self.job.finished.connect(lambda: self._end(pending))
        self.job.failed.connect(lambda: self._end(pending))
        self.job.start()
        self._show_timer.start()

    def is_running(self) -> bool:
        return self.job is not None and self.job.is_running()

    def cancel(self) -> None:
        if self.is_running():
            self.job.cancel()
            if self.dialog is not None:
                self.dialog.status.setText(self.tr("Cancelling…"))
                self.dialog.cancel_button.setEnabled(False)

    def wait(self, ms: int | None = None) -> bool:
        """For tests and benchmarks: block until the step has ended and been recorded."""
        return self.job is None or self.job.wait(ms)

    def _show_dialog(self) -> None:
        if self.is_running() and self.dialog is not None:
            self.dialog.open()

    def _end(self, pending: PendingStep) -> None:
        job = self.job
        self._show_timer.stop()
        if self.dialog is not None:
            self.dialog.rejected.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if job is None:
            return
        outcome = self._runner.finish(pending, event=job.result, error=job.error)
        if isinstance(job.error, Cancelled):
            self._feedback.status(str(job.error))
        elif pending.then is not None:
            pending.then(outcome)
        else:
            self._feedback.outcome(outcome)

    def _on_closing(self) -> None:
        # Quitting mid-step: cancel, so the transaction rolls back and the worker ends.
        if self.is_running():
            self.cancel()
            self.wait()


def _describe(pending: PendingStep) -> str:
    words = {"do": "", "undo": "Undoing: ", "redo": "Redoing: "}
    return f"{words[pending.kind]}{pending.label}…"
