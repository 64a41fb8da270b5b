"""The contacts table widget: fixed row heights, sortable, and columns the user can show,
hide, move and reset (remembered in the settings)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from netdesk.ui import settings as ui_settings
from netdesk.ui.contacts_model import (
    COLUMNS,
    EMAIL,
    LAST_CONTACT,
    NAME,
    NEXT_DUE,
    ORG,
    PHONE,
    TAGS,
    TITLE,
    ContactsTableModel,
)

# Each column's default width is this sample's width in the table's font plus padding, so the
# defaults follow the font size. At 1200 px with the detail pane open, Name, Organisation,
# E-mail, Phone, Last contact and Follow-up fit side by side; Title and Tags (the detail pane
# and the sidebar show them) start hidden and come back from the header's context menu.
# The last column (Follow-up) stretches into whatever is left.
_COLUMN_SAMPLES = {
    NAME: "Hannah Schmidt·",
    ORG: "Northern Lights",
    TITLE: "Engineering Manager",
    EMAIL: "amara.okafor@brig",
    PHONE: "+44 7700 900100",
    TAGS: "founder, engineer",
    LAST_CONTACT: "Last contact",
    NEXT_DUE: "Follow-up",
}
DEFAULT_HIDDEN_COLUMNS = (TITLE, TAGS)
HEADER_KEY = "table/header"


def default_column_widths(metrics: QFontMetrics) -> list[int]:
    return [metrics.horizontalAdvance(_COLUMN_SAMPLES[c]) + 14 for c in range(len(COLUMNS))]


class ElideMiddleDelegate(QStyledItemDelegate):
    """Cuts long values in the middle ("amara.ok…labs.example"): for e-mail addresses both
    the name and the domain say something."""

    def initStyleOption(self, option: QStyleOptionViewItem, index) -> None:  # noqa: ANN001
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class ContactsTable(QTableView):
    def __init__(self, model: ContactsTableModel, settings: QSettings) -> None:
        super().__init__()
        self.setObjectName("contactsTable")
        self._settings = settings
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        rows = self.verticalHeader()
        rows.hide()
        # Fixed row heights: Qt never measures 100,000 rows.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setMinimumSectionSize(48)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda pos: self.columns_menu.popup(header.viewport().mapToGlobal(pos)))
        self.setItemDelegateForColumn(EMAIL, ElideMiddleDelegate(self))
        self._build_columns_menu()
        self._apply_default_columns()
        self.setSortingEnabled(True)
        state = ui_settings.read_bytes(settings, HEADER_KEY)
        if state is not None:
            header.restoreState(state)
        # Column widths and order come back; the sort always starts by name, ascending
        # (setSortingEnabled(True) sorts by the header's indicator, which starts descending).
        self.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)

    def _build_columns_menu(self) -> None:
        """Show/hide columns: from the header's context menu and View ▸ Columns."""
        self.columns_menu = QMenu("&Columns", self)
        self.columns_menu.setObjectName("columnsMenu")
        self.column_actions: dict[int, QAction] = {}
        for column, title in enumerate(COLUMNS):
            action = self.columns_menu.addAction(title)
            action.setObjectName(f"column{title.replace(' ', '').replace('-', '')}Action")
            action.setCheckable(True)
            # Without the name a row says nothing: it always shows.
            action.setEnabled(column != NAME)
            action.toggled.connect(lambda on, c=column: self.set_column_visible(c, on))
            self.column_actions[column] = action
        self.columns_menu.addSeparator()
        reset = self.columns_menu.addAction("Reset columns")
        reset.setObjectName("resetColumnsAction")
        reset.triggered.connect(self.reset_columns)
        self.columns_menu.aboutToShow.connect(self._sync_column_actions)

    def _sync_column_actions(self) -> None:
        header = self.horizontalHeader()
        for column, action in self.column_actions.items():
            action.blockSignals(True)
            action.setChecked(not header.isSectionHidden(column))
            action.blockSignals(False)

    def _apply_default_columns(self) -> None:
        header = self.horizontalHeader()
        for column, width in enumerate(default_column_widths(QFontMetrics(self.font()))):
            header.setSectionHidden(column, column in DEFAULT_HIDDEN_COLUMNS)
            self.setColumnWidth(column, width)
        self._sync_column_actions()

    def is_column_visible(self, column: int) -> bool:
        return not self.horizontalHeader().isSectionHidden(column)

    def set_column_visible(self, column: int, visible: bool) -> None:
        """Show or hide a table column; remembered with the column widths."""
        if column == NAME and not visible:
            return
        header = self.horizontalHeader()
        if header.isSectionHidden(column) == (not visible):
            return
        header.setSectionHidden(column, not visible)
        if visible and header.sectionSize(column) < header.minimumSectionSize():
            self.setColumnWidth(column, default_column_widths(QFontMetrics(self.font()))[column])
        self._sync_column_actions()
        self.save_header()

    def reset_columns(self) -> None:
        """Default widths, order and visibility."""
        header = self.horizontalHeader()
        for column in range(len(COLUMNS)):
            visual = header.visualIndex(column)
            if visual != column:
                header.moveSection(visual, column)
        self._apply_default_columns()
        self.save_header()

    def save_header(self) -> None:
        self._settings.setValue(HEADER_KEY, self.horizontalHeader().saveState())
