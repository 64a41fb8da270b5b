"""The tray icon: what is due at a glance, close-to-tray, and a real Quit.

With a tray, closing the window only hides it so reminders keep coming (said once, the first
time, remembered in QSettings). Without one (offscreen, plain Xvfb, some Wayland desktops)
nothing changes: closing the window quits and the app works as usual, without reminders
from the tray.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QRectF, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QColor, QFont, QIcon, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QStyle,
    QSystemTrayIcon,
)

from netdesk import APP_NAME
from netdesk.domain.clock import Clock
from netdesk.domain.due import DueItem
from netdesk.services.activity import ActivityService
from netdesk.ui.i18n import follow_language
from netdesk.ui.icons import app_icon
from netdesk.ui.locale_format import due_note
from netdesk.ui.notifier import Notifier, TrayNotifier, WindowNotifier
from netdesk.ui.plain_text import plain_tooltip

MENU_ITEMS = 10
HINT_KEY = "tray/closeHintShown"


def tray_icon() -> QIcon:
    """netdesk's own icon (ui.icons), or a stand-in: a tray icon must never be empty."""
    icon = app_icon()
    if icon.isNull():
        icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)
    return icon


def badge(icon: QIcon, count: int, size: int = 64) -> QIcon:
    """``icon`` with the number of due items in a red disc at the top right."""
    if count <= 0:
        return icon
    pixmap = icon.pixmap(size, size)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    disc = QRectF(size * 0.42, 0, size * 0.58, size * 0.58)
    painter.setPen(Qt.PenStyle.NoPen)
    # Fixed colours are fine here: the disc brings its own contrast on any panel.
    painter.setBrush(QColor(211, 47, 47))
    painter.drawEllipse(disc)
    font = QFont(QApplication.font())
    font.setBold(True)
    text = str(count) if count < 10 else "9+"
    font.setPixelSize(int(size * (0.4 if len(text) == 1 else 0.3)))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)


def _elide(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class TrayController(QObject):
    """Owns the tray icon of ``window``; emits ``contactRequested`` to show a contact."""

    contactRequested = Signal(int)
    quitRequested = Signal()

    def __init__(
        self,
        window: QMainWindow,
        activity: ActivityService,
        clock: Clock,
        notifier: Notifier | None = None,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._activity = activity
        self._clock = clock
        self._tray_available = tray_available
        self._settings = settings if settings is not None else QSettings()
        self._quitting = False
        self._due: list[DueItem] = []

        self._base_icon = tray_icon()
        self.tray = QSystemTrayIcon(self._base_icon, window)
        self.tray.setObjectName("trayIcon")
        self.tray.setToolTip(APP_NAME)
        self._menu = QMenu(window)
        self._menu.setObjectName("trayMenu")
        self.tray.setContextMenu(self._menu)
        self.tray.activated.connect(self._activated)

        self.enabled = bool(tray_available())
        if notifier is None:
            notifier = TrayNotifier(self.tray) if self.enabled else WindowNotifier(window)
        self.notifier = notifier
        clicked = getattr(notifier, "contactRequested", None)
        if clicked is not None:
            clicked.connect(self.open_contact)

        self._rebuild_menu()
        # Another language chosen in Settings: the tooltip and the menu say it at once.
        follow_language(window, lambda: self.update_due(self._due))
        if self.enabled:
            # Hiding the last window must not end the app while it lives in the tray.
            QApplication.setQuitOnLastWindowClosed(False)
            self.tray.show()
        window.installEventFilter(self)
        quit_action = window.findChild(QAction, "quitAction")
        if quit_action is not None:
            # File → Quit (Ctrl+Q) ends the app like the tray's Quit does; only the window's
            # close button hides it to the tray.
            quit_action.triggered.disconnect()
            quit_action.triggered.connect(self.quit)

    # -- the window ---------------------------------------------------------------------------
    def in_use(self) -> bool:
        """Whether closing the window should hide it to the tray right now."""
        return self.enabled and self.tray.isVisible() and bool(self._tray_available())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            return self.handle_close(event)  # type: ignore[arg-type]
        return False

    def handle_close(self, event: QCloseEvent) -> bool:
        """Hide instead of closing when the tray is there; True when the close was taken."""
        if self._quitting:
            return False
        if not self.in_use():
            # The tray went away (panel crashed, session changed): behave as if there never
            # was one, so closing the last window ends the app instead of leaving it invisible.
            QApplication.setQuitOnLastWindowClosed(True)
            return False
        event.ignore()
        self.window.hide()
        if not self._settings.value(HINT_KEY, False, type=bool):
            self._settings.setValue(HINT_KEY, True)
            self._settings.sync()
            self.notifier.notify(
                self.tr("netdesk is still running in the tray"),
                self.tr("Reminders keep coming. Choose Quit from the tray menu to stop netdesk."),
                None,
            )
        return True

    def show_window(self) -> None:
        w = self.window
        was_visible = w.isVisible()
        w.show()
        w.setWindowState(
            (w.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
        )
        if was_visible:
            w.raise_()  # a window that was hidden is mapped on top anyway
        w.activateWindow()

    def open_contact(self, contact_id: int) -> None:
        self.show_window()
        self.contactRequested.emit(contact_id)

    def quit(self) -> None:
        """Really quit: close the window for good and end the event loop."""
        self._quitting = True
        self.quitRequested.emit()
        self.window.close()
        self.tray.hide()
        QApplication.quit()

    # -- what is due --------------------------------------------------------------------------
    def update_due(self, items: Sequence[DueItem]) -> None:
        """Show ``items`` (what is due now) in tooltip, badge and menu."""
        self._due = list(items)
        count = len(self._due)
        self.tray.setToolTip(self.tr("netdesk — %1 due").replace("%1", str(count)) if count
                             else self.tr("netdesk — nothing due"))
        self.tray.setIcon(badge(self._base_icon, count))
        self._rebuild_menu()

    def contextMenu(self) -> QMenu:
        return self._menu

    def _rebuild_menu(self) -> None:
        menu = self._menu
        menu.clear()
        if not self._due:
            empty = menu.addAction(self.tr("Nothing due"))
            empty.setEnabled(False)
        for item in self._due[:MENU_ITEMS]:
            note = due_note(item)
            what = note if item.kind != "cadence" and note else (
                self.tr("follow up") if item.kind == "followup" else self.tr("get in touch")
            )
            action = menu.addAction(_elide(f"{item.name} — {what}"))
            action.setToolTip(plain_tooltip(note))
            action.setData(item.contact_id)
            action.triggered.connect(
                lambda _=False, cid=item.contact_id: self.open_contact(cid)
            )
        if len(self._due) > MENU_ITEMS:
            more = menu.addAction(self.tr("…and %1 more").replace(
                "%1", str(len(self._due) - MENU_ITEMS)))
            more.triggered.connect(self.show_window)
        menu.addSeparator()
        quick_add = self.window.findChild(QAction, "quickAddAction")
        if quick_add is not None:  # "Met someone…" without opening the window first
            menu.addAction(quick_add)
        my_card = self.window.findChild(QAction, "showMyCardAction")
        if my_card is not None:  # the QR code of one's own card, at a meetup
            menu.addAction(my_card)
        open_action = QAction(self.tr("Open netdesk"), menu)
        open_action.setObjectName("trayOpenAction")
        open_action.triggered.connect(self.show_window)
        menu.addAction(open_action)
        quit_action = QAction(self.tr("Quit netdesk"), menu)
        quit_action.setObjectName("trayQuitAction")
        quit_action.triggered.connect(self.quit)
        menu.addAction(quit_action)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # A left click toggles the window, as in most tray apps; the menu is on right click.
        if reason != QSystemTrayIcon.ActivationReason.Trigger:
            return
        if self.window.isVisible() and not self.window.isMinimized():
            self.window.hide()
        else:
            self.show_window()
