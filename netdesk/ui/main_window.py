"""The main window is a shell: actions, menus, toolbar, sidebar, status bar and switching
between views. What the views show and do lives in feature controllers (ui/*_controller.py,
ui/contacts_list.py) that app.py composes; they get the shell through their constructors.

Contact actions (Edit, Delete, and what controllers add) act on the current view's target:
each view registers a function giving the contact ids it has selected, and the actions are
disabled when the current view has none.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from netdesk import APP_NAME
from netdesk.ui import settings as ui_settings
from netdesk.ui.background import BackgroundJob
from netdesk.ui.focus_ring import FocusRing
from netdesk.ui.i18n import follow_language, sidebar_title, translated
from netdesk.ui.icons import app_icon, line_icon
from netdesk.ui.sidebar import Sidebar
from netdesk.ui.tags_model import ALL, TAG, VIEW

# What File → Import and a drop take: vCards, and CSV exports (LinkedIn, Google, Outlook).
IMPORT_SUFFIXES = (".vcf", ".vcard", ".csv", ".tsv")
SIDEBAR_WIDTH = 150
CONTACTS = "contacts"  # the contacts page's key among the views

log = logging.getLogger(__name__)

Target = Callable[[], list[int]]


def importable_paths(urls: Sequence) -> list[str]:
    """Local vCard and CSV files among dropped URLs."""
    out = []
    for url in urls:
        if url.isLocalFile():
            path = url.toLocalFile()
            if path.lower().endswith(IMPORT_SUFFIXES):
                out.append(path)
    return out


class MainWindow(QMainWindow):
    first_painted = Signal()
    # Emitted (on the GUI thread) once the store's heavier modules are imported by a worker
    # after the first paint: work that needs them (due checks, the Today badge) starts here,
    # so it neither delays the first paint nor stalls the GUI thread on an import.
    warmed_up = Signal()
    # All contacts ("") or a tag was chosen in the sidebar.
    tagChosen = Signal(str)
    filesDropped = Signal(list)
    closing = Signal()

    def __init__(self, settings: QSettings) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self._settings = settings
        self._painted = False
        self._views: dict[str, tuple[QWidget, Target]] = {}
        self._tag = ""
        self._contact_actions: list[QAction] = []
        self._view_actions: list[QAction] = []
        self._warm_up_jobs: list[Callable[[], object]] = []
        self._warm_up: BackgroundJob | None = None
        self._warm = False
        self._build_actions()
        self._build_ui()
        self._build_menus()
        # Lists, tables and scroll areas show no focus of their own: a ring follows the focus.
        self.focus_ring = FocusRing(self)
        geometry = ui_settings.read_bytes(settings, "window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.installEventFilter(self)

    # -- building ----------------------------------------------------------------------------
    def _add_action(self, text: str, icon: str | None, shortcut, name: str) -> QAction:
        """An action whose ``text`` (a QT_TRANSLATE_NOOP source) follows the language."""
        a = QAction(self)
        translated(a, "MainWindow", text)
        a.setObjectName(name)
        if icon:
            a.setIcon(line_icon(icon))
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        self.addAction(a)
        return a

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        for text, icon, shortcut, name in (
            (QT_TRANSLATE_NOOP("MainWindow", "New contact"), "new", keys.New, "newAction"),
            (QT_TRANSLATE_NOOP("MainWindow", "Import…"), "import", "Ctrl+I", "importAction"),
            (QT_TRANSLATE_NOOP("MainWindow", "Export…"), "export", "Ctrl+E", "exportAction"),
            (QT_TRANSLATE_NOOP("MainWindow", "Find"), "search", keys.Find, "findAction"),
            (QT_TRANSLATE_NOOP("MainWindow", "Add sample contacts"), None, None, "sampleAction"),
            (QT_TRANSLATE_NOOP("MainWindow", "Quit"), None, keys.Quit, "quitAction"),
            (QT_TRANSLATE_NOOP("MainWindow", "Edit contact"), "edit", None, "editAction"),
            (QT_TRANSLATE_NOOP("MainWindow", "Delete"), "delete", keys.Delete, "deleteAction"),
        ):
            self._add_action(text, icon, shortcut, name)
        self.action("quitAction").triggered.connect(self.close)
        self._contact_actions += [self.action("editAction"), self.action("deleteAction")]

    def action(self, name: str) -> QAction:
        """One of the window's actions by objectName (newAction, deleteAction, …)."""
        found = self.findChild(QAction, name)
        if found is None:
            raise KeyError(name)
        return found

    def _build_ui(self) -> None:
        toolbar = QToolBar("Main toolbar")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name in ("new", "import", "export", "delete"):
            a = self.action(f"{name}Action")
            toolbar.addAction(a)
            toolbar.widgetForAction(a).setObjectName(f"{name}Button")
        self.addToolBar(toolbar)
        self.sidebar = Sidebar()
        self.sidebar.chosen.connect(self._on_sidebar_chosen)
        self.view_stack = QStackedWidget()
        self.view_stack.setObjectName("viewStack")
        self.view_stack.currentChanged.connect(lambda _i: self.update_targets())
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.sidebar)
        self.main_splitter.addWidget(self.view_stack)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.main_splitter)
        self.resize(1200, 760)
        self.main_splitter.setSizes([SIDEBAR_WIDTH, 1200 - SIDEBAR_WIDTH])
        state = ui_settings.read_bytes(self._settings, "window/mainSplitter")
        if state is not None:
            self.main_splitter.restoreState(state)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.statusBar().addPermanentWidget(self.count_label)

    def _build_menus(self) -> None:
        bar = self.menuBar()

        def menu(text: str, name: str) -> QMenu:
            found = bar.addMenu("")
            found.setObjectName(name)
            translated(found, "MainWindow", text)
            return found

        file_menu = self.file_menu = menu(QT_TRANSLATE_NOOP("MainWindow", "&File"), "fileMenu")
        file_menu.addActions([self.action(n) for n in ("newAction", "importAction",
                                                       "exportAction")])
        self._file_separator = file_menu.addSeparator()
        file_menu.addAction(self.action("sampleAction"))
        file_menu.addSeparator()
        file_menu.addAction(self.action("quitAction"))
        self.edit_menu = menu(QT_TRANSLATE_NOOP("MainWindow", "&Edit"), "editMenu")
        self.edit_menu.addAction(self.action("findAction"))
        self.view_menu = menu(QT_TRANSLATE_NOOP("MainWindow", "&View"), "viewMenu")
        self._view_menu_separator = self.view_menu.addSeparator()
        self.contact_menu = menu(QT_TRANSLATE_NOOP("MainWindow", "&Contact"), "contactMenu")
        self.contact_menu.addActions(self._contact_actions)
        self.contact_menu.addSeparator()
        self.settings_menu = menu(QT_TRANSLATE_NOOP("MainWindow", "&Settings"), "settingsMenu")
        menu(QT_TRANSLATE_NOOP("MainWindow", "&Help"), "helpMenu")  # ui/shortcuts_help.py
        follow_language(self, self._retranslate)  # Settings chose another language

    def add_history(self, undo: QAction, redo: QAction) -> None:
        """Put the Undo/Redo actions in the Edit menu (window-wide shortcuts)."""
        self.addActions([undo, redo])
        first = self.edit_menu.actions()[0] if self.edit_menu.actions() else None
        self.edit_menu.insertActions(first, [undo, redo])
        self.edit_menu.insertSeparator(first)

    def add_file_actions(self, actions: list[QAction]) -> None:
        """Actions in the File menu after Export… (window-wide shortcuts)."""
        self.addActions(actions)
        self.file_menu.insertActions(self._file_separator, actions)

    def add_settings_actions(self, actions: list[QAction]) -> None:
        """Actions in the Settings menu, with their shortcuts working window-wide."""
        self.addActions(actions)
        self.settings_menu.addActions(actions)

    def add_view_menu(self, menu: QMenu) -> None:
        self.view_menu.addMenu(menu)

    # -- views and their targets -------------------------------------------------------------
    def set_contacts_page(self, widget: QWidget, target: Target) -> None:
        self._views[CONTACTS] = (widget, target)
        self.view_stack.insertWidget(0, widget)
        # Tab from the sidebar goes into the page (its focus proxy: the search field).
        QWidget.setTabOrder(self.sidebar, widget)
        self.view_stack.setCurrentWidget(widget)
        self._rebuild_view_actions()

    def add_view(self, title: str, widget: QWidget, icon: QIcon | None = None,
                 first: bool = False, target: Target | None = None,
                 below_all: bool = False) -> None:
        """Add a sidebar entry (above the tags) that shows ``widget``; ``target`` gives the
        contact ids the contact actions act on while it is shown. Views and All contacts
        get Ctrl+1, Ctrl+2, … in sidebar order (View menu)."""
        key = f"view{len(self._views)}"
        self._views[key] = (widget, target or list)
        self.view_stack.addWidget(widget)
        widget.setProperty("viewTitle", title)  # the English source: stable objectNames
        self.sidebar.add_view(key, sidebar_title(title), icon, first, below_all)
        self._rebuild_view_actions()

    def _key_of(self, widget: QWidget) -> str:
        return next((k for k, (w, _t) in self._views.items() if w is widget), "")

    def show_view(self, widget: QWidget) -> None:
        """Switch the central area to a view (or back to the contacts)."""
        key = self._key_of(widget)
        if key == CONTACTS:
            if self.view_stack.currentWidget() is not widget:
                self.sidebar.select(TAG if self._tag else ALL, self._tag)
        elif key:
            self.sidebar.select(VIEW, key)

    def select_tag(self, tag: str | None) -> None:
        """Show all contacts (None) or those with ``tag``, as if chosen in the sidebar."""
        self.sidebar.select(TAG if tag else ALL, tag or "")

    def _on_sidebar_chosen(self, kind: str, key: str) -> None:
        if kind == VIEW:
            self.view_stack.setCurrentWidget(self._views[key][0])
            return
        if CONTACTS in self._views:
            self.view_stack.setCurrentWidget(self._views[CONTACTS][0])
        if key != self._tag:
            self._tag = key
            self.tagChosen.emit(key)

    def target_ids(self) -> list[int]:
        """The contacts the current view has selected (what Edit/Delete act on)."""
        key = self._key_of(self.view_stack.currentWidget())
        return list(self._views[key][1]()) if key else []

    def update_targets(self) -> None:
        """Views call this when their selection changes: contact actions follow."""
        has = bool(self.target_ids())
        for action in self._contact_actions:
            action.setEnabled(has)

    def add_contact_action(self, action: QAction) -> None:
        """An action on the current view's target, in the Contact menu."""
        self._contact_actions.append(action)
        self.contact_menu.addAction(action)
        if action.parent() is None:
            action.setParent(self)
        self.addAction(action)
        action.setEnabled(bool(self.target_ids()))

    def contact_actions(self) -> list[QAction]:
        return list(self._contact_actions)

    def set_view_badge(self, widget: QWidget, count: int, urgent: bool = False,
                       tooltip: str = "") -> None:
        """A count on an added view's sidebar entry (0: none); ``urgent`` draws it red."""
        self.sidebar.set_view_badge(self._key_of(widget), count, urgent, tooltip)

    def view_badge(self, widget: QWidget) -> tuple[int, bool]:
        """What ``set_view_badge`` shows for ``widget``: (count, urgent)."""
        return self.sidebar.view_badge(self._key_of(widget))

    def _retranslate(self) -> None:
        """The texts ``translated`` does not keep: sidebar titles and the View menu."""
        self.sidebar.retitle({key: sidebar_title(widget.property("viewTitle") or "")
                              for key, (widget, _t) in self._views.items() if key != CONTACTS})
        for action, (_kind, _key, title, _icon) in zip(self._view_actions,
                                                        self.sidebar.navigable(), strict=False):
            action.setText(title)

    def _rebuild_view_actions(self) -> None:
        """One action per view and All contacts, with Ctrl+1… in sidebar order."""
        for action in self._view_actions:
            self.view_menu.removeAction(action)
            self.removeAction(action)
            action.deleteLater()
        self._view_actions = []
        for number, (kind, key, title, icon) in enumerate(self.sidebar.navigable(), start=1):
            action = QAction(title, self)
            source = self._views[key][0].property("viewTitle") if key in self._views else ""
            name = source or ("All contacts" if kind == ALL else title)
            action.setObjectName(f"go{name.title().replace(' ', '')}Action")
            if isinstance(icon, QIcon):
                action.setIcon(icon)
            if number <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, k=kind, v=key: self.sidebar.select(k, v))
            self.addAction(action)
            self.view_menu.insertAction(self._view_menu_separator, action)
            self._view_actions.append(action)

    # -- start-up ----------------------------------------------------------------------------
    def add_warm_up(self, job: Callable[[], object]) -> None:
        """Run ``job`` once on the warm-up thread after the first paint, before ``warmed_up``
        (e.g. a first query, so SQLAlchemy compiles and caches its statements off the GUI
        thread). It must be thread-safe; its result is dropped."""
        self._warm_up_jobs.append(job)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)
        return super().eventFilter(watched, event)

    def _after_first_paint(self) -> None:
        self.first_painted.emit()
        # The warm-up jobs (importing the editing stack, a first query) run off the GUI thread
        # now, so the first click on a contact doesn't pay for them; the same kind of worker
        # as the import and the loader (it never touches Qt; see ui/background.py).
        jobs, self._warm_up_jobs = self._warm_up_jobs, []
        job = BackgroundJob(lambda _progress, _cancelled: _run_warm_up(jobs), self, poll_ms=20,
                            name="netdesk-warm-up")
        job.finished.connect(self._on_warm)
        job.failed.connect(self._on_warm)
        self._warm_up = job
        job.start()

    def _on_warm(self) -> None:
        self._warm = True
        self.warmed_up.emit()

    def is_warm(self) -> bool:
        """Whether ``warmed_up`` has been emitted."""
        return self._warm

    # -- Qt events ---------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and importable_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: ANN001
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = importable_paths(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.filesDropped.emit(paths)

    def closeEvent(self, event) -> None:  # noqa: ANN001
        self.closing.emit()  # controllers stop their workers and save their state
        if self._warm_up is not None:
            # Joined, not abandoned: a thread still inside SQLite or an import while the
            # interpreter shuts down can crash the process.
            self._warm_up.join(30000)
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/mainSplitter", self.main_splitter.saveState())
        self._settings.sync()
        super().closeEvent(event)

    def bring_to_front(self) -> None:
        """Show the window (also from the tray or minimised) and give it focus."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()


def _run_warm_up(jobs: list[Callable[[], object]]) -> None:
    for job in jobs:
        try:
            job()
        except Exception:  # warming up is an optimisation; the real call reports errors
            log.debug("warm-up step failed", exc_info=True)

