"""The contacts table widget: fixed row heights, sortable, and columns the user can show,
hide, move, resize and reset (remembered in the settings) that always fill the table's width."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
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
from netdesk.ui.i18n import follow_language, translated

# Each column's default width is this sample's width in the table's font plus padding, so the
# defaults follow the font size. At 1200 px with the detail pane open, Name, Organisation,
# E-mail, Phone, Last contact and Follow-up fit side by side; Title and Tags (the detail pane
# and the sidebar show them) start hidden and come back from the header's context menu.
# The columns then fit the table's width (see fit_columns): text columns take the room a wider
# window gives, and give it back first when the window narrows.
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
# Long text grows and shrinks with the window; a phone number or a date has the width it needs.
FLEXIBLE_COLUMNS = (NAME, ORG, TITLE, EMAIL, TAGS)
# Narrowing, the columns give their room in this order, each down to the header's minimum
# before the next one gives: the name says whose row it is, so it keeps its width longest;
# the e-mail is the other way people are told apart (and what an export is for); a follow-up
# date is short and red when overdue; phone, last contact, title and tags are details the
# detail pane shows in full for the selected row. (Sharing the loss in proportion cut a long
# name while the phone number still had all its room.)
GIVE_ORDER = (TAGS, TITLE, LAST_CONTACT, PHONE, ORG, NEXT_DUE, EMAIL, NAME)
HEADER_KEY = "table/header"
PREFERRED_KEY = "table/preferredWidths"


def default_column_widths(metrics: QFontMetrics) -> list[int]:
    return [metrics.horizontalAdvance(_COLUMN_SAMPLES[c]) + 14 for c in range(len(COLUMNS))]


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
        # Cut long values at the end: "ahmed.saleh@nile…" reads, "ahmed.s…example" does not.
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
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
        # No stretching last section: fit_columns shares the width among the columns.
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        header.setMinimumSectionSize(48)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda pos: self.columns_menu.popup(header.viewport().mapToGlobal(pos)))
        self._build_columns_menu()
        # The column titles in a newly chosen language (the menu's follow by themselves).
        follow_language(self, lambda: model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1))
        self._apply_default_columns()
        self.setSortingEnabled(True)
        state = ui_settings.read_bytes(settings, HEADER_KEY)
        if state is not None:
            header.restoreState(state)
            header.setStretchLastSection(False)  # a state saved by an older version stretched
        self._fitting = False
        self._keep_preferred()
        saved = _saved_widths(settings.value(PREFERRED_KEY))
        if state is not None and not saved:
            # A state saved before the preferred widths were kept apart holds fitted widths
            # only: fit from the defaults (drags made with that version are not kept).
            defaults = default_column_widths(QFontMetrics(self.font()))
            saved = {c: 0 if header.isSectionHidden(c) else defaults[c]
                     for c in range(len(COLUMNS))}
        self._preferred.update(saved)
        header.sectionResized.connect(self._on_section_resized)
        # Column widths and order come back; the sort always starts by name, ascending
        # (setSortingEnabled(True) sorts by the header's indicator, which starts descending).
        self.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)

    def _build_columns_menu(self) -> None:
        """Show/hide columns: from the header's context menu and View ▸ Columns."""
        self.columns_menu = QMenu(self)
        translated(self.columns_menu, "ContactsTable", QT_TRANSLATE_NOOP("ContactsTable",
                                                                         "&Columns"))
        self.columns_menu.setObjectName("columnsMenu")
        self.column_actions: dict[int, QAction] = {}
        for column, title in enumerate(COLUMNS):  # English sources: the objectNames stay
            action = translated(self.columns_menu.addAction(title), "ContactsTable", title)
            action.setObjectName(f"column{title.replace(' ', '').replace('-', '')}Action")
            action.setCheckable(True)
            # Without the name a row says nothing: it always shows.
            action.setEnabled(column != NAME)
            action.toggled.connect(lambda on, c=column: self.set_column_visible(c, on))
            self.column_actions[column] = action
        self.columns_menu.addSeparator()
        reset = translated(self.columns_menu.addAction(""), "ContactsTable",
                           QT_TRANSLATE_NOOP("ContactsTable", "Reset columns"))
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
        self._fitting = True
        header.setSectionHidden(column, not visible)
        if visible and header.sectionSize(column) < header.minimumSectionSize():
            self.setColumnWidth(column, default_column_widths(QFontMetrics(self.font()))[column])
        self._fitting = False
        self._keep_preferred()
        self.fit_columns()
        self._sync_column_actions()
        self.save_header()

    def reset_columns(self) -> None:
        """Default widths, order and visibility."""
        header = self.horizontalHeader()
        self._fitting = True
        for column in range(len(COLUMNS)):
            visual = header.visualIndex(column)
            if visual != column:
                header.moveSection(visual, column)
        self._apply_default_columns()
        self._fitting = False
        self._keep_preferred()
        self.fit_columns()
        self.save_header()

    def save_header(self) -> None:
        self._settings.setValue(HEADER_KEY, self.horizontalHeader().saveState())
        # The widths fits start from, apart from the fitted ones the state holds: else a
        # window closed wide came back narrower with its text columns still wide and the
        # phone number cut to "+49 …" (the fit gives the phone's room before the name's).
        self._settings.setValue(PREFERRED_KEY, ",".join(
            str(self._preferred[c]) for c in range(len(COLUMNS))))

    # -- columns that fill the width ----------------------------------------------------------
    def _visible_columns(self) -> list[int]:
        header = self.horizontalHeader()
        logical = (header.logicalIndex(v) for v in range(header.count()))
        return [c for c in logical if not header.isSectionHidden(c)]

    def _keep_preferred(self) -> None:
        """The widths the user chose (or the defaults): every fit starts from these, so
        narrowing the window and widening it again gives the same columns back."""
        header = self.horizontalHeader()
        self._preferred = {c: header.sectionSize(c) for c in range(header.count())}

    def fit_columns(self, keep: int | None = None) -> None:
        """Share the viewport's width among the visible columns, from the preferred widths:
        widening, the text columns take the room in proportion to their widths; narrowing,
        the columns give it one after another in GIVE_ORDER (the name last), never under the
        header's minimum (then the table scrolls sideways). ``keep`` is a column the user
        just resized: it keeps its width."""
        available = self.viewport().width()
        visible = self._visible_columns()
        if not self.isVisible() or available <= 0 or not visible:
            return
        widths = {c: self._preferred.get(c, self.columnWidth(c)) for c in visible}
        minimum = self.horizontalHeader().minimumSectionSize()
        delta = available - sum(widths.values())
        flexible = [c for c in visible if c in FLEXIBLE_COLUMNS and c != keep]
        others = [c for c in visible if c not in FLEXIBLE_COLUMNS and c != keep]
        if delta > 0:
            _spread(widths, flexible or others, delta, minimum)
        else:
            for column in GIVE_ORDER:
                if delta < 0 and column in widths and column != keep:
                    delta = _spread(widths, [column], delta, minimum)
        self._fitting = True
        try:
            for column, width in widths.items():
                if self.columnWidth(column) != width:
                    self.setColumnWidth(column, width)
        finally:
            self._fitting = False

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if self._fitting:
            return
        # The user dragged a column's edge: it keeps its width, the others make room.
        self._keep_preferred()
        self.fit_columns(keep=column)
        self._keep_preferred()

    def resizeEvent(self, event) -> None:  # noqa: ANN001
        # QAbstractScrollArea calls this for the viewport: also when a scroll bar comes or goes.
        super().resizeEvent(event)
        self.fit_columns()

    def showEvent(self, event) -> None:  # noqa: ANN001
        super().showEvent(event)
        self.fit_columns()


def _saved_widths(value: object) -> dict[int, int]:
    """The preferred widths save_header wrote ("120,115,..."), or none when the value is
    missing or not one sensible width per column (a hand-edited or older settings file;
    a hidden column has 0)."""
    try:
        widths = [int(w) for w in str(value).split(",")] if value else []
    except ValueError:
        return {}
    if len(widths) != len(COLUMNS) or not all(0 <= w < 10_000 for w in widths):
        return {}
    return dict(enumerate(widths))


def _spread(widths: dict[int, int], columns: list[int], delta: int, minimum: int) -> int:
    """Add ``delta`` pixels to ``columns`` in proportion to their ``widths`` (in place), none
    under ``minimum``; returns what could not be taken away."""
    columns = list(columns)
    while delta and columns:
        total = sum(widths[c] for c in columns) or 1
        given = 0
        for i, column in enumerate(columns):
            share = delta - given if i == len(columns) - 1 else int(delta * widths[column] / total)
            new = max(minimum, widths[column] + share)
            given += new - widths[column]
            widths[column] = new
        delta -= given
        if delta >= 0:
            break
        columns = [c for c in columns if widths[c] > minimum]
    return delta
