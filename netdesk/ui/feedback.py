"""The one way the window tells the user what happened: a status-bar line for what worked,
a plain-text message box (and the status line) for what did not."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from netdesk import APP_NAME
from netdesk.actions import Outcome

STATUS_MS = 8000
# Longer messages show their start in the box and the whole text under "Show Details…".
LONG_MESSAGE = 600
LONG_LINES = 8


class Feedback:
    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        # The step the status line is about ("Delete Mei Chen. Press Ctrl+Z to undo.") and
        # the words shown for it: when that step is undone by any path (Ctrl+Z, the Today
        # banner) the line must not go on saying it.
        self._about: tuple[object, str] | None = None
        self._runner = None

    def follow(self, runner) -> None:  # noqa: ANN001
        """Keep the status line true to ``runner``'s history (see ``_on_history_changed``)."""
        from netdesk.ui.history import on_history_changed

        self._runner = runner
        on_history_changed(runner, self._window, self._on_history_changed)

    def status(self, text: str, ms: int = STATUS_MS) -> None:
        self._about = None
        self._window.statusBar().showMessage(text, ms)

    def _on_history_changed(self) -> None:
        if self._about is None or self._runner is None:
            return
        command, text = self._about
        if self._runner.top() is command:
            return
        self._about = None
        bar = self._window.statusBar()
        if bar.currentMessage() != text:
            return  # already replaced by a newer message
        label = getattr(command, "label", "")
        if label and self._runner.redo_label() == label:
            bar.showMessage(
                QCoreApplication.translate("Feedback", "Undone: {0}.").format(label), STATUS_MS)
        else:
            bar.clearMessage()

    def error(self, text: str) -> None:
        self.status(text)
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text,
                          QMessageBox.StandardButton.Ok, self._window)
        box.setObjectName("errorBox")
        # Plain text: a contact's name in a message is never read as markup.
        box.setTextFormat(Qt.TextFormat.PlainText)
        if len(text) > LONG_MESSAGE or text.count("\n") > LONG_LINES:
            # A box as tall as the screen cuts the end off: the start, and all of it in a
            # scrolling "Show Details…" area.
            box.setText(_start_of(text))
            box.setDetailedText(text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # open(), not exec(): no nested event loop inside a running command's aftermath.
        box.open()

    def outcome(self, outcome: Outcome, done: str = "") -> bool:
        """Say how a runner step went; True when it worked."""
        if outcome.ok:
            message = done or outcome.message
            message = message if message.endswith(".") else f"{message}."
            self.status(message)
            runner = self._runner
            if outcome.command is not None and runner is not None and \
                    runner.top() is outcome.command:  # a step done (or redone), not undone
                self._about = (outcome.command, message)
        else:
            self.error(outcome.message)
        return outcome.ok


def grow_to_fit(widget: QWidget) -> None:
    """Make ``widget``'s window tall enough for its layout at its current width, after a
    word-wrapped message appeared or grew in it: layouts size a wrapped label for a guessed
    width, so a long message (a file path) was cut off at the dialog's bottom. Never shrinks
    a window the user made larger; the main window is left alone."""
    window = widget.window()
    layout = window.layout()
    if isinstance(window, QMainWindow) or layout is None:
        return
    layout.activate()
    needed = (layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth()
              else layout.totalSizeHint().height())
    if needed > window.height():
        window.resize(window.width(), needed)


def _start_of(text: str) -> str:
    lines = text.splitlines()[:LONG_LINES] or [""]
    start = "\n".join(lines)
    if len(start) > LONG_MESSAGE:
        start = start[:LONG_MESSAGE].rsplit(" ", 1)[0]
    return start.rstrip() + "…"
