"""The one way the window tells the user what happened: a status-bar line for what worked,
a plain-text message box (and the status line) for what did not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

from netdesk import APP_NAME
from netdesk.actions import Outcome

STATUS_MS = 8000


class Feedback:
    def __init__(self, window: QMainWindow) -> None:
        self._window = window

    def status(self, text: str, ms: int = STATUS_MS) -> None:
        self._window.statusBar().showMessage(text, ms)

    def error(self, text: str) -> None:
        self.status(text)
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text,
                          QMessageBox.StandardButton.Ok, self._window)
        box.setObjectName("errorBox")
        # Plain text: a contact's name in a message is never read as markup.
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # open(), not exec(): no nested event loop inside a running command's aftermath.
        box.open()

    def outcome(self, outcome: Outcome, done: str = "") -> bool:
        """Say how a runner step went; True when it worked."""
        if outcome.ok:
            message = done or outcome.message
            self.status(message if message.endswith(".") else f"{message}.")
        else:
            self.error(outcome.message)
        return outcome.ok
