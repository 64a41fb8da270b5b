"""The main window: sidebar (views, All contacts, tags) | search + contacts table | detail pane.

Rows are held in ContactsTableModel; a keystroke in the search field asks the service for
matching ids (FTS5, milliseconds) and filters the rows already in memory — no query of the
rows per keystroke and no proxy model. At start-up only the first screenful is read before the
window shows; the rest loads in a thread right after the first paint (see ``load_initial``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QObject,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDropEvent,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QPalette,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from netdesk import APP_NAME, __version__
from netdesk.domain.contact import Contact
from netdesk.services.contacts import ContactService, TagInfo
from netdesk.services.errors import ServiceError
from netdesk.store.listing import ContactSummary
from netdesk.ui import settings as ui_settings
from netdesk.ui.contact_commands import (
    CreateContactCommand,
    DeleteContactsCommand,
    EditContactCommand,
)
from netdesk.ui.contacts_model import (
    COLUMNS,
    CONTACT_ID,
    EMAIL,
    LAST_CONTACT,
    NAME,
    NEXT_DUE,
    ORG,
    PHONE,
    TAGS,
    TITLE,
    ContactsTableModel,
    RowsLoader,
)
from netdesk.ui.detail_pane import DetailPane
from netdesk.ui.empty_state import EmptyState
from netdesk.ui.icons import app_icon, line_icon
from netdesk.ui.tags_model import (
    ALL,
    COUNT,
    KEY,
    KIND,
    TAG,
    URGENT,
    VIEW,
    SidebarDelegate,
    SidebarModel,
)

# Up to this many contacts every row is read before the window shows (≈20 ms per 1,000);
# above it only the first screenful is, and the rest loads in a thread after the first paint.
EAGER_LOAD_LIMIT = 3000
FIRST_SCREEN_ROWS = 80
VCARD_SUFFIXES = (".vcf", ".vcard")
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
SIDEBAR_WIDTH, DETAIL_WIDTH = 150, 370

TABLE_PAGE, FIRST_RUN_PAGE, NO_RESULTS_PAGE = range(3)

log = logging.getLogger(__name__)


def vcard_paths(urls: Sequence) -> list[str]:
    """Local .vcf/.vcard files among dropped URLs."""
    out = []
    for url in urls:
        if url.isLocalFile():
            path = url.toLocalFile()
            if path.lower().endswith(VCARD_SUFFIXES):
                out.append(path)
    return out


def default_column_widths(metrics: QFontMetrics) -> list[int]:
    return [metrics.horizontalAdvance(_COLUMN_SAMPLES[c]) + 14 for c in range(len(COLUMNS))]


class ElideMiddleDelegate(QStyledItemDelegate):
    """Cuts long values in the middle ("amara.ok…labs.example"): for e-mail addresses both
    the name and the domain say something."""

    def initStyleOption(self, option: QStyleOptionViewItem, index) -> None:  # noqa: ANN001
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class MainWindow(QMainWindow):
    """Public for the app and other views: ``add_view``, ``show_view``, ``show_contact``,
    ``refresh``, ``import_files``, ``add_contact_action``, ``selected_contact_ids``."""

    contacts_changed = Signal()
    first_painted = Signal()
    # Emitted (on the GUI thread) once the store's heavier modules are imported by a worker
    # after the first paint: work that needs them (due checks, the Today badge) starts here,
    # so it neither delays the first paint nor stalls the GUI thread on an import.
    warmed_up = Signal()
    # The one selected contact (id, name), or (-1, "") when none or several are selected.
    contact_selected = Signal(int, str)

    def __init__(
        self,
        contacts: ContactService,
        transfer_factory: Callable[[], object],
        settings: QSettings,
        background_rows: Callable[[], tuple[list[ContactSummary], list[TagInfo]]] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.contacts = contacts
        self._transfer_factory = transfer_factory
        self._transfer = None
        self._settings = settings
        self._background_rows = background_rows
        self._loader: RowsLoader | None = None
        self._loading = False
        self._painted = False
        self._tag: str | None = None
        self._contact_actions: list[QAction] = []
        self._view_actions: list[QAction] = []
        self._detail_sections: list[QWidget] = []
        self._sample_hooks: list[Callable[[list[Contact]], object]] = []
        # While sample activity is written, every write would re-read the table: hold off.
        self._refresh_held = False
        self._refresh_pending = False
        self.import_dialog = None
        self.export_dialog = None
        self.editor = None
        self._pending_imports: list[str] = []
        self.undo_stack = QUndoStack(self)
        self._build_actions()
        self._build_ui()
        self._build_menus()
        self._restore_settings()
        self.installEventFilter(self)

    # ------------------------------------------------------------------------------ building
    def _build_actions(self) -> None:
        def action(text: str, icon: str | None, shortcut, slot, name: str) -> QAction:
            a = QAction(text, self)
            a.setObjectName(name)
            if icon:
                a.setIcon(line_icon(icon))
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            a.triggered.connect(slot)
            self.addAction(a)
            return a

        self.new_action = action(
            "New contact", "new", QKeySequence.StandardKey.New, self.new_contact, "newAction"
        )
        self.import_action = action(
            "Import vCards…", "import", "Ctrl+I", self.choose_import_files, "importAction"
        )
        self.export_action = action(
            "Export vCards…", "export", "Ctrl+E", self.export_contacts, "exportAction"
        )
        self.edit_action = action("Edit contact", "edit", None, self.edit_selected, "editAction")
        self.delete_action = action(
            "Delete",
            "delete",
            QKeySequence.StandardKey.Delete,
            self.delete_selected,
            "deleteAction",
        )
        self.find_action = action(
            "Find", "search", QKeySequence.StandardKey.Find, self.focus_search, "findAction"
        )
        self.sample_action = action(
            "Add sample contacts", None, None, self.add_sample_contacts, "sampleAction"
        )
        self.quit_action = action(
            "Quit", None, QKeySequence.StandardKey.Quit, self.close, "quitAction"
        )
        self.undo_action = self.undo_stack.createUndoAction(self, "Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setObjectName("undoAction")
        self.redo_action = self.undo_stack.createRedoAction(self, "Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setObjectName("redoAction")
        self.addActions([self.undo_action, self.redo_action])

    def _build_ui(self) -> None:
        toolbar = QToolBar("Main toolbar")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for a, name in (
            (self.new_action, "newButton"),
            (self.import_action, "importButton"),
            (self.export_action, "exportButton"),
            (self.delete_action, "deleteButton"),
        ):
            toolbar.addAction(a)
            toolbar.widgetForAction(a).setObjectName(name)
        self.addToolBar(toolbar)

        # Sidebar: views, All contacts, tags.
        self.sidebar_model = SidebarModel(self)
        self.sidebar_model.set_all_icon(line_icon("people"))
        self.tag_list = QListView()
        self.tag_list.setObjectName("tagList")
        self.tag_list.setModel(self.sidebar_model)
        self.tag_list.setItemDelegate(SidebarDelegate(self.tag_list))
        self.tag_list.setFrameShape(QListView.Shape.NoFrame)
        self.tag_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tag_list.setMinimumWidth(140)
        self.tag_list.setIconSize(QSize(18, 18))
        # Level with the search field beside it.
        self.tag_list.setViewportMargins(0, 8, 0, 0)
        palette = self.tag_list.palette()
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        self.tag_list.setPalette(palette)
        self.tag_list.selectionModel().currentChanged.connect(self._on_sidebar_changed)
        self.tag_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tag_list.customContextMenuRequested.connect(self._show_tag_menu)
        self.tag_cadence_dialog: QInputDialog | None = None
        self._warm_up_jobs: list[Callable[[], object]] = []
        self._warm_up_thread: threading.Thread | None = None

        # Contacts page: search, table (or an empty state), detail pane.
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setPlaceholderText("Search names, companies, e-mail, phone, tags…")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(line_icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.textChanged.connect(self._apply_filter)
        self.search_edit.installEventFilter(self)

        self.model = ContactsTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("contactsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_context_menu)
        rows = self.table.verticalHeader()
        rows.hide()
        # Fixed row heights: Qt never measures 100,000 rows.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setMinimumSectionSize(48)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda pos: self.columns_menu.popup(header.viewport().mapToGlobal(pos))
        )
        self.table.setItemDelegateForColumn(EMAIL, ElideMiddleDelegate(self.table))
        self._build_columns_menu()
        self._apply_default_columns()
        self.table.setSortingEnabled(True)
        # setSortingEnabled(True) sorts by the header's indicator, which starts descending.
        self.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.addAction(self.delete_action)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.first_run = EmptyState("emptyState")
        self.first_run.set_icon(app_icon(), 96)
        self.first_run.set_text(
            "Remember everyone you meet",
            "Bring in the contacts from your phone or address book as vCard (.vcf) files — "
            "or drop them onto this window. Not ready yet? Look around with sample contacts.",
        )
        self.first_run.add_button(
            "Import vCards…", "emptyImportButton", default=True
        ).clicked.connect(self.choose_import_files)
        self.first_run.add_button(
            "Try with sample contacts", "sampleContactsButton"
        ).clicked.connect(self.add_sample_contacts)
        self.no_results = EmptyState("noResultsState")
        self.no_results.set_icon(line_icon("search"), 56)
        self.no_results.add_button("Clear search", "clearSearchButton").clicked.connect(
            self.clear_search
        )

        self.list_stack = QStackedWidget()
        self.list_stack.setObjectName("listStack")
        for page in (self.table, self.first_run, self.no_results):
            self.list_stack.addWidget(page)
        list_area = QWidget()
        list_layout = QVBoxLayout(list_area)
        list_layout.setContentsMargins(8, 8, 0, 0)
        list_layout.setSpacing(8)
        list_layout.addWidget(self.search_edit)
        list_layout.addWidget(self.list_stack, 1)

        self.detail = DetailPane()
        self.detail.edit_requested.connect(self.edit_selected)

        self.contacts_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.contacts_splitter.setObjectName("contactsSplitter")
        self.contacts_splitter.addWidget(list_area)
        # The detail pane and what other views add under it (the activity timeline).
        self.detail_splitter = QSplitter(Qt.Orientation.Vertical)
        self.detail_splitter.setObjectName("detailSplitter")
        self.detail_splitter.setChildrenCollapsible(False)
        self.detail_splitter.setHandleWidth(1)
        self.detail_splitter.addWidget(self.detail)
        self.contacts_splitter.addWidget(self.detail_splitter)
        self.contacts_splitter.setStretchFactor(0, 3)
        self.contacts_splitter.setStretchFactor(1, 1)
        self.contacts_splitter.setChildrenCollapsible(False)

        self.view_stack = QStackedWidget()
        self.view_stack.setObjectName("viewStack")
        self.view_stack.addWidget(self.contacts_splitter)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.tag_list)
        self.main_splitter.addWidget(self.view_stack)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.main_splitter)
        self.resize(1200, 760)
        self.main_splitter.setSizes([SIDEBAR_WIDTH, 1200 - SIDEBAR_WIDTH])
        self.contacts_splitter.setSizes([1200 - SIDEBAR_WIDTH - DETAIL_WIDTH, DETAIL_WIDTH])

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.statusBar().addPermanentWidget(self.count_label)
        self._views: dict[str, QWidget] = {}

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new_action, self.import_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addAction(self.sample_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action])
        self.view_menu = bar.addMenu("&View")
        self.view_menu.setObjectName("viewMenu")
        self._view_menu_separator = self.view_menu.addSeparator()
        self.view_menu.addMenu(self.columns_menu)
        self._rebuild_view_actions()
        self.contact_menu = bar.addMenu("&Contact")
        self.contact_menu.addActions([self.edit_action, self.delete_action])
        self._contact_menu_separator = self.contact_menu.addSeparator()
        help_menu = bar.addMenu("&Help")
        about = help_menu.addAction(f"About {APP_NAME}")
        about.triggered.connect(self._about)

    # ------------------------------------------------------------------------------ columns
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
        header = self.table.horizontalHeader()
        for column, action in self.column_actions.items():
            action.blockSignals(True)
            action.setChecked(not header.isSectionHidden(column))
            action.blockSignals(False)

    def _apply_default_columns(self) -> None:
        header = self.table.horizontalHeader()
        for column, width in enumerate(default_column_widths(QFontMetrics(self.table.font()))):
            header.setSectionHidden(column, column in DEFAULT_HIDDEN_COLUMNS)
            self.table.setColumnWidth(column, width)
        self._sync_column_actions()

    def is_column_visible(self, column: int) -> bool:
        return not self.table.horizontalHeader().isSectionHidden(column)

    def set_column_visible(self, column: int, visible: bool) -> None:
        """Show or hide a table column; remembered with the column widths."""
        if column == NAME and not visible:
            return
        header = self.table.horizontalHeader()
        if header.isSectionHidden(column) == (not visible):
            return
        header.setSectionHidden(column, not visible)
        if visible and header.sectionSize(column) < header.minimumSectionSize():
            self.table.setColumnWidth(
                column, default_column_widths(QFontMetrics(self.table.font()))[column]
            )
        self._sync_column_actions()
        self._settings.setValue("table/header", header.saveState())

    def reset_columns(self) -> None:
        """Default widths, order and visibility."""
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            visual = header.visualIndex(column)
            if visual != column:
                header.moveSection(visual, column)
        self._apply_default_columns()
        self._settings.setValue("table/header", header.saveState())

    # ------------------------------------------------------------------------------ loading
    def load_initial(self) -> None:
        """Read what the first paint needs. Small stores load whole; big ones load the first
        screenful now and the rest in a thread after the first paint."""
        try:
            total = self.contacts.count()
            if total <= EAGER_LOAD_LIMIT or self._background_rows is None:
                self.model.set_contacts(self.contacts.summaries())
                self._refresh_sidebar(total)
            else:
                first = self._first_ids(FIRST_SCREEN_ROWS)
                self.model.set_contacts(self.contacts.summaries(ids=first))
                self._loading = True
                # Tag counts take ~50 ms at 100k; the loader thread brings them.
                self.sidebar_model.set_counts(total, [])
                self._select_sidebar_row(-1)
        except ServiceError as exc:
            self._show_error(str(exc))
        self._update_list_page()

    def _first_ids(self, count: int) -> list[int]:
        """The first ``count`` ids in name order. With a limit SQLite walks 80 index entries
        (0.2 ms) instead of 100,000 (45 ms warm, ~380 ms cold)."""
        return self.contacts.search_ids("", limit=count)

    def _start_background_load(self) -> None:
        if self._background_rows is None or (self._loader and self._loader.is_running()):
            return
        self._loading = True
        self._update_status()
        self._loader = RowsLoader(self._background_rows, self)
        self._loader.finished.connect(self._on_rows_loaded)
        self._loader.failed.connect(self._on_load_failed)
        self._loader.start()

    def _on_rows_loaded(self) -> None:
        if self._loader is None or self._loader.result is None:
            return
        rows, tags, orders, by_id = self._loader.result
        self._loader.result = None
        keep = self.selected_contact_ids()
        self._loading = False
        self.model.set_contacts_sorted_by_name(rows, orders, by_id)
        self.sidebar_model.set_counts(len(rows), tags)
        if self._current_view_key() is None:
            self._select_sidebar_row(self.sidebar_model.row_of(TAG, self._tag) if self._tag else -1)
        self._apply_filter()
        self._select_ids(keep)
        self._update_status()

    def _on_load_failed(self) -> None:
        self._loading = False
        if self._loader is not None:
            self._show_error(self._loader.failure_message())

    def is_loading(self) -> bool:
        return self._loading

    def wait_until_loaded(self, ms: int = 30000) -> None:
        """For tests and benchmarks: block until the background load has delivered (the
        loader's ``wait`` emits its outcome on this thread before returning)."""
        if self._loader is not None:
            self._loader.wait(ms)
        QApplication.processEvents()

    def refresh(self) -> None:
        """Re-read every row and the tag counts (after an import or a change elsewhere)."""
        if self._refresh_held:
            self._refresh_pending = True
            return
        try:
            total = self.contacts.count()
            if total > EAGER_LOAD_LIMIT and self._background_rows is not None:
                self._start_background_load()  # brings the tag counts too
                return
            self._refresh_sidebar(total)
            keep = self.selected_contact_ids()
            self.model.set_contacts(self.contacts.summaries())
        except ServiceError as exc:
            self._show_error(str(exc))
            return
        self._apply_filter()
        self._select_ids(keep)

    def _refresh_sidebar(self, total: int | None = None) -> None:
        if total is None:
            total = self.contacts.count()
        self.sidebar_model.set_counts(total, self.contacts.tags())
        if self._current_view_key() is None:
            self._select_sidebar_row(self.sidebar_model.row_of(TAG, self._tag) if self._tag else -1)

    def refresh_contact(self, contact_id: int) -> None:
        """Re-read one contact's row (its last contact or next follow-up changed)."""
        try:
            rows = self.contacts.summaries(ids=[contact_id])
        except ServiceError as exc:
            self.statusBar().showMessage(str(exc), 5000)
            return
        if rows:
            # Activity doesn't change what a search or tag matches: no re-filtering needed.
            keep = self.selected_contact_ids()
            self.model.upsert(rows)
            self._select_ids(keep, scroll=False)

    def _update_rows(self, changed: list[int], removed: list[int]) -> None:
        """Bring the model up to date after a create, edit, delete or undo of those."""
        if removed:
            self.model.remove(removed)
        if changed:
            self.model.upsert(self.contacts.summaries(ids=changed))
        self._refresh_sidebar()
        self._apply_filter()
        self._select_ids(changed)
        self.contacts_changed.emit()

    # ------------------------------------------------------------------------------ filtering
    def _apply_filter(self) -> None:
        text = self.search_edit.text()
        ids: set[int] | None = None
        try:
            # An unordered set straight from the index: the model keeps its own order, so a
            # keystroke costs the FTS query plus one pass over the rows held in memory.
            ids = self.contacts.matching_ids(text)
        except ServiceError as exc:
            self.statusBar().showMessage(str(exc), 5000)
            ids = set()
        if self._tag is not None:
            tag = self._tag
            tagged = {r.id for r in self.model.all_rows() if tag in r.tags}
            ids = tagged if ids is None else ids & tagged
        keep = self.selected_contact_ids()
        if ids is not None and len(ids) == self.model.total_count():
            ids = None  # everyone matches ("m" in a big address book): skip the filtering
        self.model.set_filter(ids)
        self._select_ids(keep[:1], scroll=False)
        self._update_list_page()

    def _update_list_page(self) -> None:
        if self.model.rowCount() > 0:
            page = TABLE_PAGE
        elif self.model.total_count() == 0 and not self._loading:
            page = FIRST_RUN_PAGE
        elif self._loading:
            page = TABLE_PAGE
        else:
            page = NO_RESULTS_PAGE
            text = self.search_edit.text().strip()
            where = f" tagged “{self._tag}”" if self._tag else ""
            if text:
                self.no_results.set_text(
                    f"No contacts{where} match “{text}”",
                    "Check the spelling, or search for part of a name, "
                    "a company, an e-mail address or a phone number.",
                )
            else:
                self.no_results.set_text(f"No contacts{where}", "")
        self.list_stack.setCurrentIndex(page)
        # The first-run page stands alone: nothing to search and no contact to show yet.
        self.search_edit.setVisible(page != FIRST_RUN_PAGE)
        self.detail_splitter.setVisible(page != FIRST_RUN_PAGE)
        self._update_status()

    def _update_status(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count()
        if self._loading:
            text = "Loading contacts…"
        elif shown == total:
            text = f"{total:,} contact{'s' if total != 1 else ''}"
        else:
            text = f"{shown:,} of {total:,} contacts"
        self.count_label.setText(text)
        has_selection = bool(self.selected_contact_ids())
        self.delete_action.setEnabled(has_selection)
        self.edit_action.setEnabled(has_selection)
        self.export_action.setEnabled(total > 0)

    def clear_search(self) -> None:
        self.search_edit.clear()
        if self._tag is not None and self.model.rowCount() == 0:
            self._select_sidebar_row(self.sidebar_model.row_of(ALL))

    def focus_search(self) -> None:
        self.show_view(self.contacts_splitter)
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # ------------------------------------------------------------------------------ sidebar
    def add_view(
        self, title: str, widget: QWidget, icon: QIcon | None = None, first: bool = False
    ) -> None:
        """Add a sidebar entry (above the tags) that shows ``widget`` in the central area.

        Views and All contacts get Ctrl+1, Ctrl+2, … in sidebar order (View menu)."""
        key = f"view{len(self._views)}"
        self._views[key] = widget
        self.view_stack.addWidget(widget)
        current = self._current_view_key()
        self.sidebar_model.add_view(key, title, icon, first)
        self._select_sidebar_row(
            self.sidebar_model.row_of(VIEW, current)
            if current
            else self.sidebar_model.row_of(TAG, self._tag)
            if self._tag
            else self.sidebar_model.row_of(ALL)
        )
        self._rebuild_view_actions()

    def set_view_badge(
        self, widget: QWidget, count: int, urgent: bool = False, tooltip: str = ""
    ) -> None:
        """A count on an added view's sidebar entry (0: none); ``urgent`` draws it red."""
        for key, view in self._views.items():
            if view is widget:
                self.sidebar_model.set_view_badge(key, count, urgent, tooltip)
                return

    def view_badge(self, widget: QWidget) -> tuple[int, bool]:
        """What ``set_view_badge`` shows for ``widget``: (count, urgent)."""
        for key, view in self._views.items():
            if view is widget:
                index = self.sidebar_model.index(self.sidebar_model.row_of(VIEW, key), 0)
                return index.data(COUNT) or 0, bool(index.data(URGENT))
        return 0, False

    def show_all_contacts(self) -> None:
        self._select_sidebar_row(self.sidebar_model.row_of(ALL))

    def _rebuild_view_actions(self) -> None:
        """One action per view and All contacts, with Ctrl+1… in sidebar order."""
        for action in self._view_actions:
            self.view_menu.removeAction(action)
            self.removeAction(action)
            action.deleteLater()
        self._view_actions = []
        model = self.sidebar_model
        rows = [r for r in range(model.rowCount()) if model.index(r, 0).data(KIND) in (VIEW, ALL)]
        for number, row in enumerate(rows, start=1):
            index = model.index(row, 0)
            title = index.data()
            action = QAction(title, self)
            action.setObjectName(f"go{title.title().replace(' ', '')}Action")
            icon = index.data(Qt.ItemDataRole.DecorationRole)
            if isinstance(icon, QIcon):
                action.setIcon(icon)
            if number <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            kind, key = index.data(KIND), index.data(KEY)
            action.triggered.connect(
                lambda _=False, k=kind, v=key: self._select_sidebar_row(model.row_of(k, v))
            )
            self.addAction(action)
            self.view_menu.insertAction(self._view_menu_separator, action)
            self._view_actions.append(action)

    def show_view(self, widget: QWidget) -> None:
        """Switch the central area to an added view (or back to the contacts)."""
        if widget is self.contacts_splitter:
            if self.view_stack.currentWidget() is not widget:
                self.view_stack.setCurrentWidget(widget)
                row = (
                    self.sidebar_model.row_of(TAG, self._tag)
                    if self._tag
                    else self.sidebar_model.row_of(ALL)
                )
                self._select_sidebar_row(row)
            return
        for key, view in self._views.items():
            if view is widget:
                self._select_sidebar_row(self.sidebar_model.row_of(VIEW, key))

    def _current_view_key(self) -> str | None:
        for key, view in self._views.items():
            if view is self.view_stack.currentWidget():
                return key
        return None

    def _select_sidebar_row(self, row: int) -> None:
        if row < 0:
            row = self.sidebar_model.row_of(ALL)
        index = self.sidebar_model.index(row, 0)
        self.tag_list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _on_sidebar_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        kind = current.data(KIND)
        if kind == VIEW:
            self.view_stack.setCurrentWidget(self._views[current.data(KEY)])
            return
        self.view_stack.setCurrentWidget(self.contacts_splitter)
        tag = current.data(KEY) if kind == TAG else None
        if kind in (ALL, TAG) and tag != self._tag:
            self._tag = tag
            self._apply_filter()

    # --------------------------------------------------------------------- tag cadences
    def _show_tag_menu(self, pos) -> None:  # noqa: ANN001
        index = self.tag_list.indexAt(pos)
        if index.isValid() and index.data(KIND) == TAG:
            self.tag_menu(index.data(KEY)).popup(self.tag_list.viewport().mapToGlobal(pos))

    def tag_menu(self, tag: str) -> QMenu:
        """The sidebar's right-click menu for a tag."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        action = menu.addAction(f"Keep in touch with everyone tagged “{tag}”…")
        action.triggered.connect(lambda: self.edit_tag_cadence(tag))
        return menu

    def edit_tag_cadence(self, tag: str) -> QInputDialog:
        """Ask for the tag's default keep-in-touch cadence (0 turns it off); non-blocking."""
        current = next((t.keep_in_touch_days for t in self.contacts.tags() if t.name == tag), None)
        dialog = QInputDialog(self)
        dialog.setWindowTitle("Keep in touch")
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(0, 3650)
        dialog.setIntValue(current or 30)
        dialog.setLabelText(
            f"Keep in touch with everyone tagged “{tag}” every … days\n"
            "(0 turns it off; a contact's own cadence still wins):"
        )
        dialog.intValueSelected.connect(lambda days: self._set_tag_cadence(tag, days or None))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.tag_cadence_dialog = dialog
        dialog.open()
        return dialog

    def _set_tag_cadence(self, tag: str, days: int | None) -> None:
        try:
            self.contacts.set_tag_cadence(tag, days)
        except ServiceError as exc:
            self._show_error(str(exc))
            return
        every = f"every {days} days" if days else "off"
        self.statusBar().showMessage(f"Keep in touch with “{tag}”: {every}.", 5000)
        self.refresh()  # the follow-up column
        self.contacts_changed.emit()  # the Today view and the reminders

    def select_tag(self, tag: str | None) -> None:
        """Show all contacts (None) or those with ``tag``, as if chosen in the sidebar."""
        self._select_sidebar_row(
            self.sidebar_model.row_of(TAG, tag) if tag else self.sidebar_model.row_of(ALL)
        )

    # ------------------------------------------------------------------------------ selection
    def selected_contact_ids(self) -> list[int]:
        selection = self.table.selectionModel()
        return [index.data(CONTACT_ID) for index in selection.selectedRows(NAME)]

    def _select_ids(self, ids: Sequence[int], scroll: bool = True) -> None:
        selection = self.table.selectionModel()
        rows = [r for r in (self.model.row_of(i) for i in ids) if r >= 0]
        if not rows:
            if not selection.hasSelection():
                self._on_selection_changed()
            return
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        selection.clearSelection()
        current = self.model.index(rows[0], NAME)
        selection.setCurrentIndex(current, flags)
        for row in rows[1:]:
            selection.select(self.model.index(row, NAME), flags)
        if scroll:
            self.table.scrollTo(current)

    def bring_to_front(self) -> None:
        """Show the window (also from the tray or minimised) and give it focus."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def show_contact(self, contact_id: int) -> None:
        """Select and reveal a contact, clearing a search or tag that hides it."""
        self.show_view(self.contacts_splitter)
        if self.model.row_of(contact_id) < 0:
            self._tag = None
            self._select_sidebar_row(self.sidebar_model.row_of(ALL))
            self.search_edit.clear()
        if self.model.row_of(contact_id) < 0:
            # Not loaded yet (created elsewhere since): read its row.
            self.model.upsert(self.contacts.summaries(ids=[contact_id]))
            self._apply_filter()
        self._select_ids([contact_id])
        self.table.setFocus()
        self.raise_()
        self.activateWindow()

    def _on_selection_changed(self, *_args) -> None:
        ids = self.selected_contact_ids()
        self._update_status()
        # The activity belongs to one contact: without one, the placeholder has the pane.
        for section in self._detail_sections:
            section.setVisible(len(ids) == 1)
        if len(ids) != 1:
            self.detail.show_placeholder(
                f"{len(ids):,} contacts selected."
                if ids
                else "Select a contact to see everything you know about them."
            )
            self.contact_selected.emit(-1, "")
            return
        row = self.model.row_of(ids[0])
        summary = self.model.summary(row) if row >= 0 else None
        try:
            contact = self.contacts.get(ids[0])
        except ServiceError as exc:
            self.detail.show_placeholder(str(exc))
            self.contact_selected.emit(-1, "")
            return
        self.detail.show_contact(contact, summary)
        self.contact_selected.emit(contact.id, contact.display_name)

    def add_warm_up(self, job: Callable[[], object]) -> None:
        """Run ``job`` once on the warm-up thread after the first paint, before ``warmed_up``
        (e.g. a first query, so SQLAlchemy compiles and caches its statements off the GUI
        thread). It must be thread-safe; its result is dropped."""
        self._warm_up_jobs.append(job)

    def add_detail_section(self, widget: QWidget) -> None:
        """Put ``widget`` under the detail pane, in a vertical splitter (the timeline).

        By default the contact gets 60 % of the height and the section 40 %: enough for the
        section's header and a handful of entries. The user's split is remembered."""
        section = QWidget()
        section.setObjectName("detailSection")
        layout = QVBoxLayout(section)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Plain)
        line.setForegroundRole(QPalette.ColorRole.Mid)
        layout.addWidget(line)
        inner = QVBoxLayout()
        # The detail pane's own margins, so both line up.
        inner.setContentsMargins(20, 12, 20, 12)
        inner.addWidget(widget)
        layout.addLayout(inner, 1)
        section.setMinimumHeight(140)
        section.setVisible(len(self.selected_contact_ids()) == 1)
        self._detail_sections.append(section)
        self.detail_splitter.addWidget(section)
        for i in range(self.detail_splitter.count()):
            self.detail_splitter.setStretchFactor(i, 3 if i == 0 else 2)
        height = max(self.detail_splitter.height(), 600)
        self.detail_splitter.setSizes(
            [height * 3 // 5] + [height * 2 // 5] * (self.detail_splitter.count() - 1)
        )
        state = ui_settings.read_bytes(self._settings, "window/detailSplitter")
        if state is not None:
            self.detail_splitter.restoreState(state)

    # ------------------------------------------------------------------------------ editing
    def _tag_names(self) -> list[str]:
        return [t.name for t in self.contacts.tags()]

    def _open_editor(self, contact: Contact | None) -> None:
        from netdesk.ui.editor import ContactEditor

        save = self._save_new if contact is None else self._save_edit
        editor = ContactEditor(contact, save, self._tag_names(), self.contacts.event_names(), self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.finished.connect(lambda _r: setattr(self, "editor", None))
        self.editor = editor
        # open(), not exec(): window-modal without a nested event loop, so tests can drive it.
        editor.open()

    def new_contact(self) -> None:
        self.show_view(self.contacts_splitter)
        self._open_editor(None)

    def edit_selected(self) -> None:
        ids = self.selected_contact_ids()
        if not ids:
            return
        try:
            contact = self.contacts.get(ids[0])
        except ServiceError as exc:
            self._show_error(str(exc))
            return
        self._open_editor(contact)

    def _save_new(self, contact: Contact) -> Contact:
        if self.search_edit.text():
            self.search_edit.clear()
        created = self.contacts.create(contact)  # ValidationError goes back to the editor
        self.undo_stack.push(
            CreateContactCommand(created, self.contacts, self._update_rows, self._on_undo_error)
        )
        self._update_rows([created.id], [])
        return created

    def _save_edit(self, contact: Contact) -> Contact:
        before = self.contacts.get(contact.id)
        saved = self.contacts.update(contact)
        self.undo_stack.push(
            EditContactCommand(before, saved, self.contacts, self._update_rows, self._on_undo_error)
        )
        self._update_rows([saved.id], [])
        return saved

    def delete_selected(self) -> None:
        ids = self.selected_contact_ids()
        if not ids:
            return
        row = min(r for r in (self.model.row_of(i) for i in ids) if r >= 0)
        try:
            deletion = self.contacts.delete(ids)
        except ServiceError as exc:
            self._show_error(str(exc))
            return
        command = DeleteContactsCommand(
            deletion, self.contacts, self._update_rows, self._on_undo_error
        )
        self.undo_stack.push(command)
        self._update_rows([], ids)
        # Keep the keyboard flow going: select the row that moved into the deleted one's place.
        if self.model.rowCount():
            next_row = min(row, self.model.rowCount() - 1)
            self._select_ids([self.model.summary(next_row).id])
        undo_key = QKeySequence(QKeySequence.StandardKey.Undo).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.statusBar().showMessage(f"{command.text()}. Press {undo_key} to undo.", 8000)

    def _on_undo_error(self, message: str) -> None:
        self.undo_stack.clear()
        self._show_error(message)
        self.refresh()

    def add_sample_hook(self, hook: Callable[[list[Contact]], object]) -> None:
        """Call ``hook(created_contacts)`` after sample contacts are added (the app logs
        sample activity for them)."""
        self._sample_hooks.append(hook)

    def add_sample_contacts(self) -> None:
        from netdesk.ui.sample_data import add_sample_contacts

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self._refresh_held = True
        created: list[Contact] = []
        try:
            created = add_sample_contacts(self.contacts.create)
            for hook in self._sample_hooks:
                hook(created)
        except ServiceError as exc:
            self._show_error(str(exc))
        finally:
            self._refresh_held = self._refresh_pending = False
            QGuiApplication.restoreOverrideCursor()
        self.refresh()
        self._update_list_page()
        if created:
            self.statusBar().showMessage(f"Added {len(created)} sample contacts.", 8000)
            self.contacts_changed.emit()

    def add_contact_action(self, action: QAction) -> None:
        """Add an action to the contact menus; its handler reads ``selected_contact_ids()``."""
        self._contact_actions.append(action)
        self.contact_menu.addAction(action)
        if not action.parent():
            action.setParent(self)

    def _show_context_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and index.data(CONTACT_ID) not in self.selected_contact_ids():
            self._select_ids([index.data(CONTACT_ID)], scroll=False)
        menu = QMenu(self)
        menu.addActions([self.edit_action, self.delete_action])
        if self._contact_actions:
            menu.addSeparator()
            menu.addActions(self._contact_actions)
        menu.addSeparator()
        menu.addActions([self.new_action, self.export_action])
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------------------ transfer
    def transfer(self):
        if self._transfer is None:
            self._transfer = self._transfer_factory()
        return self._transfer

    def choose_import_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import vCards", str(Path.home()), "vCard files (*.vcf *.vcard);;All files (*)"
        )
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[str]) -> None:
        """Import .vcf files in the background, showing progress, Cancel and the report."""
        from netdesk.ui.import_dialog import ImportDialog

        paths = [str(p) for p in paths]
        if not paths:
            return
        if self.import_dialog is not None and self.import_dialog.is_running():
            self._pending_imports += paths
            return
        try:
            transfer = self.transfer()
        except ServiceError as exc:
            self._show_error(str(exc))
            return
        dialog = ImportDialog(transfer.import_files, [Path(p) for p in paths], self)
        dialog.finished_import.connect(self._on_import_finished)
        dialog.finished.connect(self._on_import_dialog_closed)
        self.import_dialog = dialog
        dialog.open()
        dialog.start()

    def _on_import_finished(self, report) -> None:
        if report.created or report.updated:
            self.refresh()
            self._update_list_page()
        self.statusBar().showMessage(
            f"Imported: {report.created} created, "
            f"{report.updated} updated, {report.skipped} skipped.",
            8000,
        )

    def _on_import_dialog_closed(self, _result: int) -> None:
        if self._pending_imports:
            paths, self._pending_imports = self._pending_imports, []
            QTimer.singleShot(0, lambda: self.import_files(paths))

    def export_contacts(self) -> None:
        from netdesk.ui.export_dialog import ExportDialog

        try:
            transfer = self.transfer()
            tags = self._tag_names()
        except ServiceError as exc:
            self._show_error(str(exc))
            return
        dialog = ExportDialog(
            transfer.export,
            self.model.total_count(),
            self.selected_contact_ids(),
            tags,
            current_tag=self._tag,
            parent=self,
        )
        dialog.exported.connect(
            lambda n, path: self.statusBar().showMessage(
                f"Exported {n:,} contact{'s' if n != 1 else ''} to {path}.", 8000
            )
        )
        self.export_dialog = dialog
        dialog.open()

    # ------------------------------------------------------------------------------ Qt events
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Escape and self.search_edit.text():
                self.clear_search()
                return True
            if (
                key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.model.rowCount()
            ):
                # From the search field straight into the results.
                self.table.setFocus()
                if not self.selected_contact_ids():
                    self._select_ids([self.model.summary(0).id])
                return True
        elif watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)
        return super().eventFilter(watched, event)

    def _after_first_paint(self) -> None:
        self.first_painted.emit()
        if self._loading:
            self._start_background_load()
        # Import the editing stack (SQLAlchemy, ~0.3 s) off the GUI thread now, so the first
        # click on a contact doesn't pay for it. The GUI thread watches for the end with a
        # timer it owns, rather than the worker emitting a signal: a plain Python thread must
        # not touch a window that may have been closed (and deleted) meanwhile.
        jobs = [_warm_up_imports, *self._warm_up_jobs]
        # Not a daemon, and joined on close: a daemon thread still inside SQLite or an import
        # while the interpreter shuts down can crash the process.
        worker = threading.Thread(target=_run_warm_up, args=(jobs,), name="netdesk-warm-up")
        self._warm_up_thread = worker
        worker.start()
        watch = QTimer(self)
        watch.setInterval(20)

        def check() -> None:
            if not worker.is_alive():
                watch.stop()
                watch.deleteLater()
                self.warmed_up.emit()

        watch.timeout.connect(check)
        watch.start()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and vcard_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = vcard_paths(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_files(paths)

    def closeEvent(self, event) -> None:
        if self.import_dialog is not None and self.import_dialog.is_running():
            self.import_dialog.cancel()
            self.import_dialog.wait()
        if self._loader is not None:
            # Let the worker end (it holds a database connection); its rows are delivered by
            # the loader's timer if the event loop runs on, not now, into a closing window.
            self._loader.join()
        if self._warm_up_thread is not None:
            self._warm_up_thread.join(timeout=30)
        self._save_settings()
        super().closeEvent(event)

    # ------------------------------------------------------------------------------ settings
    def _restore_settings(self) -> None:
        s = self._settings
        geometry = ui_settings.read_bytes(s, "window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        # The detail splitter's state comes back in add_detail_section, once it has sections.
        for key, splitter in (
            ("window/mainSplitter", self.main_splitter),
            ("window/contactsSplitter", self.contacts_splitter),
        ):
            state = ui_settings.read_bytes(s, key)
            if state is not None:
                splitter.restoreState(state)
        header = ui_settings.read_bytes(s, "table/header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
        # Column widths and order come back; the sort always starts by name, ascending.
        self.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)

    def _save_settings(self) -> None:
        s = self._settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/mainSplitter", self.main_splitter.saveState())
        s.setValue("window/contactsSplitter", self.contacts_splitter.saveState())
        if self._detail_sections:
            s.setValue("window/detailSplitter", self.detail_splitter.saveState())
        s.setValue("table/header", self.table.horizontalHeader().saveState())
        s.sync()

    # ------------------------------------------------------------------------------ misc
    def _show_error(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, APP_NAME, message, QMessageBox.StandardButton.Ok, self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.error_box = box
        box.open()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\n\nA personal CRM for people who network: "
            "who you met, where, and when to follow up.",
        )


def _run_warm_up(jobs: list[Callable[[], object]]) -> None:
    for job in jobs:
        try:
            job()
        except Exception:  # warming up is an optimisation; the real call reports errors
            log.debug("warm-up step failed", exc_info=True)


def _warm_up_imports() -> None:
    import netdesk.store.activity  # noqa: F401
    import netdesk.store.contacts  # noqa: F401
