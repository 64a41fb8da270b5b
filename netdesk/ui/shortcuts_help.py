"""Help → Keyboard shortcuts (F1) and About: every shortcut the window has, read from its
actions and its QShortcuts (a view's single keys say what they do with ``describe_key``), so
the sheet cannot fall behind the menus; plus the few keys widgets handle themselves."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netdesk import APP_NAME, __version__
from netdesk.ui.i18n import translated

CONTEXT = "ShortcutsHelp"
NATIVE = QKeySequence.SequenceFormat.NativeText
# Keys handled by widgets rather than actions or shortcuts: (key, translation source).
WIDGET_KEYS = (
    ("Down", QT_TRANSLATE_NOOP("ShortcutsHelp", "From the search field into the contacts table")),
    ("Enter", QT_TRANSLATE_NOOP("ShortcutsHelp",
                                "Open the selected contact / do the dialog's main action")),
    ("Ctrl+S", QT_TRANSLATE_NOOP("ShortcutsHelp", "Save the contact (editor)")),
    ("Esc", QT_TRANSLATE_NOOP("ShortcutsHelp",
                              "Close a dialog (asks first when an edited contact is unsaved)")),
)


def describe_key(shortcut: QShortcut, context: str, source: str) -> QShortcut:
    """Say what ``shortcut`` does (``source``, a QT_TRANSLATE_NOOP text in ``context``), in
    the language in use and after a switch: the cheat sheet lists it with that text."""
    return translated(shortcut, context, source)


def _action_text(action: QAction) -> str:
    return action.text().replace("&", "").rstrip("…").strip()


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(key, what it does) for every key sequence of ``window``'s actions (sorted by what
    they do), then its QShortcuts' and the widgets' own keys."""
    seen: set[tuple[str, str]] = set()
    actions, singles = [], []
    for action in window.findChildren(QAction):
        if not action.associatedObjects():
            continue  # in no widget or menu (a View menu entry replaced, awaiting deletion)
        text = _action_text(action)
        for sequence in action.shortcuts():
            row = (sequence.toString(NATIVE), text)
            if row[0] and text and row not in seen:
                seen.add(row)
                actions.append(row)
    for shortcut in window.findChildren(QShortcut):
        row = (shortcut.key().toString(NATIVE), shortcut.whatsThis())
        if row[0] and row not in seen:
            seen.add(row)
            singles.append(row)
    widget_keys = [(QKeySequence(key).toString(NATIVE), QCoreApplication.translate(CONTEXT, text))
                   for key, text in WIDGET_KEYS]
    return [*sorted(actions, key=lambda kv: kv[1].casefold()), *singles, *widget_keys]


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Does")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        for row, (keys, text) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.table.setItem(row, 1, item)
        self.table.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 560)
        self.table.setFocus()


def install_shortcuts_help(window: QMainWindow) -> QAction:
    """Add Help → Keyboard shortcuts (F1) and Help → About to ``window``."""
    action = QAction(window)
    action.setObjectName("shortcutsAction")
    translated(action, CONTEXT, QT_TRANSLATE_NOOP("ShortcutsHelp", "Keyboard shortcuts"))
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    if action.shortcut().isEmpty():
        action.setShortcut(QKeySequence(Qt.Key.Key_F1))
    window.addAction(action)
    about = QAction(window)
    about.setObjectName("aboutAction")
    translated(about, CONTEXT, QT_TRANSLATE_NOOP("ShortcutsHelp", "About netdesk"))
    about.setMenuRole(QAction.MenuRole.AboutRole)
    # By objectName: QAction.menu() hands out a wrapper that PySide6 6.8 deletes the menu
    # with once it is garbage.
    help_menu = window.findChild(QMenu, "helpMenu")
    if help_menu is not None:
        help_menu.addAction(action)
        help_menu.addAction(about)

    def show() -> None:
        dialog = ShortcutsDialog(window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_about() -> None:
        blurb = QCoreApplication.translate("ShortcutsHelp", "A personal CRM for people who "
                                           "network: who you met, where, and when to follow up.")
        QMessageBox.about(window, about.text(), f"{APP_NAME} {__version__}\n\n{blurb}")

    action.triggered.connect(show)
    about.triggered.connect(show_about)
    return action
