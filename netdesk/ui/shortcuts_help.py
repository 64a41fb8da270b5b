"""Help → Keyboard shortcuts (F1): every shortcut the window has, read from its actions, so
the sheet cannot fall behind the menus; plus the keys that live in single views."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netdesk.ui.today_keys import TODAY_KEYS

# Keys handled by widgets rather than actions.
VIEW_KEYS = (
    *TODAY_KEYS,
    ("Down", "From the search field into the contacts table"),
    ("Enter", "Open the selected contact / do the dialog's main action"),
    ("Esc", "Close a dialog (asks first when an edited contact is unsaved)"),
)


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(key, what it does) for every action of ``window`` with a shortcut, then view keys."""
    rows: dict[str, str] = {}
    for action in window.findChildren(QAction):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        text = action.text().replace("&", "").rstrip("…").strip()
        if keys and text and keys not in rows:
            rows[keys] = text
    return [*sorted(rows.items(), key=lambda kv: kv[1].casefold()), *VIEW_KEYS]


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels(["Key", "Does"])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, text) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(text))
        self.table.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(460, 520)
        self.table.setFocus()


def install_shortcuts_help(window: QMainWindow) -> QAction:
    """Add Help → Keyboard shortcuts (F1) to ``window``."""
    action = QAction("Keyboard shortcuts", window)
    action.setObjectName("shortcutsAction")
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    if action.shortcut().isEmpty():
        action.setShortcut(QKeySequence(Qt.Key.Key_F1))
    window.addAction(action)
    # By objectName: QAction.menu() hands out a wrapper that PySide6 6.8 deletes the menu
    # with once it is garbage.
    help_menu = window.findChild(QMenu, "helpMenu")
    if help_menu is not None:
        first = help_menu.actions()[0] if help_menu.actions() else None
        help_menu.insertAction(first, action)

    def show() -> None:
        dialog = ShortcutsDialog(window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    action.triggered.connect(show)
    return action
