"""Single-key shortcuts in the Today view: D = Done, S = Snooze menu, L = Log interaction.

They work while the Today view (or its table) has focus, so typing elsewhere is never taken.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut

from netdesk.ui.shortcuts_help import describe_key
from netdesk.ui.today import TodayView

# (key, what it does): also listed by the keyboard shortcuts cheat sheet.
TODAY_KEYS = (("D", QT_TRANSLATE_NOOP("TodayKeys", "Done (Today view)")),
              ("S", QT_TRANSLATE_NOOP("TodayKeys", "Snooze menu (Today view)")),
              ("L", QT_TRANSLATE_NOOP("TodayKeys", "Log an interaction (Today view)")))


class TodayKeys(QObject):
    def __init__(self, view: TodayView) -> None:
        super().__init__(view)
        self.setObjectName("todayKeys")
        self._view = view
        for (key, text), slot in zip(TODAY_KEYS, (self._done, self.open_snooze_menu,
                                                   self._log), strict=True):
            shortcut = QShortcut(QKeySequence(key), view)
            describe_key(shortcut, "TodayKeys", text)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        for button, key in ((view.done_button, "D"), (view.snooze_button, "S"),
                            (view.log_button, "L")):
            button.setToolTip(f"{button.toolTip() or button.text()} ({key})")

    def _done(self) -> None:
        if self._view.done_button.isEnabled():
            self._view.mark_done()

    def _log(self) -> None:
        if self._view.log_button.isEnabled():
            self._view.open_log_dialog()

    def open_snooze_menu(self) -> None:
        button = self._view.snooze_button
        if button.isEnabled():
            # popup(), not the button's showMenu(): no nested event loop.
            self._view.snooze_menu.popup(button.mapToGlobal(QPoint(0, button.height())))
