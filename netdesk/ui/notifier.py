"""How a reminder reaches the user: a tray message, else the window, else nowhere.

Tray messages go through ``QSystemTrayIcon.showMessage``: with a D-Bus tray Qt turns that into
a correct ``org.freedesktop.Notifications`` call, with an XEmbed tray it draws its own balloon.
Hand-made QtDBus calls send wrongly typed integers that real servers reject (DESIGN.md).
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QSystemTrayIcon, QWidget

log = logging.getLogger(__name__)

# Long enough to notice when coming back to the desk; servers may cap it anyway.
MESSAGE_TIMEOUT_MS = 15_000


class Notifier(Protocol):
    def notify(self, title: str, body: str, contact_id: int | None = None) -> None:
        """Tell the user; ``contact_id`` is the person a click on the message should open."""
        ...


class TrayNotifier(QObject):
    """Shows reminders as tray messages; a click on one emits ``contactRequested``."""

    contactRequested = Signal(int)
    # Emitted for every message shown; the end-to-end test and logging listen to it.
    notified = Signal(str, str)

    def __init__(self, tray: QSystemTrayIcon, timeout_ms: int = MESSAGE_TIMEOUT_MS) -> None:
        super().__init__(tray)
        self._tray = tray
        self._timeout = timeout_ms
        # messageClicked does not say which message: the last one shown is the one on screen.
        self._last_contact: int | None = None
        tray.messageClicked.connect(self._clicked)

    def notify(self, title: str, body: str, contact_id: int | None = None) -> None:
        self._last_contact = contact_id
        self._tray.showMessage(title, body, self._tray.icon(), self._timeout)
        self.notified.emit(title, body)

    def _clicked(self) -> None:
        if self._last_contact is not None:
            self.contactRequested.emit(self._last_contact)


class WindowNotifier(QObject):
    """No tray: put the reminder in the window's status bar and ask the desktop for attention."""

    contactRequested = Signal(int)
    notified = Signal(str, str)

    def __init__(self, window: QWidget, timeout_ms: int = 60_000) -> None:
        super().__init__(window)
        self._window = window
        self._timeout = timeout_ms

    def notify(self, title: str, body: str, contact_id: int | None = None) -> None:
        text = f"{title} — {body}" if body else title
        if isinstance(self._window, QMainWindow):
            self._window.statusBar().showMessage(text, self._timeout)
        else:
            self._window.setWindowTitle(text)
        if self._window.isVisible():
            QApplication.alert(self._window)  # taskbar flash; a no-op where unsupported
        log.info("reminder: %s", text)
        self.notified.emit(title, body)
