"""The contacts page's list: search field, table (or an empty state), loading and filtering.

Rows are held in ContactsTableModel; a keystroke in the search field asks the service for
matching ids (FTS5, milliseconds) and filters the rows already in memory — no query of the
rows per keystroke and no proxy model. At start-up only the first screenful is read before the
window shows; the rest loads in a thread right after the first paint (see ``load_initial``).
Changes arrive as the runner's ChangeEvent: rows are patched one by one, or all re-read after
a bulk change (an import).
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QObject,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QApplication,
    QMenu,
    QWidget,
)

from netdesk.actions import ChangeEvent, Runner
from netdesk.domain.summary import ContactSummary
from netdesk.services.contacts import ContactService, TagInfo
from netdesk.services.errors import ServiceError
from netdesk.ui.contacts_model import CONTACT_ID, NAME, ContactsTableModel, RowsLoader
from netdesk.ui.contacts_page import (  # noqa: F401  (the pages: for tests)
    FIRST_RUN_PAGE,
    NO_RESULTS_PAGE,
    TABLE_PAGE,
    ContactsPage,
)
from netdesk.ui.feedback import Feedback
from netdesk.ui.history import on_change
from netdesk.ui.i18n import follow_language
from netdesk.ui.locale_format import format_count
from netdesk.ui.main_window import MainWindow
from netdesk.ui.turns import TurnQueue

# Up to this many contacts every row is read before the window shows (docs/PERFORMANCE.md);
# above it only the first screenful is, and the rest loads in a thread after the first paint.
EAGER_LOAD_LIMIT = 3000
FIRST_SCREEN_ROWS = 80
# A change to this many contacts or more is applied over a few event-loop turns (ui/turns.py).
APPLY_IN_TURNS_FROM = 200

BackgroundRows = Callable[[], tuple[list[ContactSummary], list[TagInfo]]]


class ContactsList(QObject):
    # The selected contact ids changed (the detail pane and the window's actions follow).
    selectionChanged = Signal(list)

    def __init__(self, window: MainWindow, contacts: ContactService, runner: Runner,
                 feedback: Feedback, settings: QSettings, detail_area: QWidget,
                 background_rows: BackgroundRows | None = None) -> None:
        super().__init__(window)
        self.setObjectName("contactsList")
        self._window, self.contacts, self._feedback = window, contacts, feedback
        self._settings, self._background_rows = settings, background_rows
        self._detail_area = detail_area
        self._loader: RowsLoader | None = None
        self._loading = False
        self._tag = ""
        # While rows are re-read the selection is dropped and put back: say nothing until
        # it has settled, then only if it changed (one detail/timeline read, not two).
        self._quiet = False
        self._announced: list[int] = []
        self._tag_infos: list[TagInfo] = []
        self.model = ContactsTableModel(self)
        self._turns = TurnQueue(self)
        self._build()
        window.set_contacts_page(self.page, self.selected_ids)
        # The window starts with the focus in the search field (else Qt picks the sidebar,
        # first in the Tab order): typing finds, Down walks the table, Enter opens.
        self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        follow_language(self.page, self._update_list_page)  # its words, the count's
        window.tagChosen.connect(self._on_tag_chosen)
        window.first_painted.connect(self._start_background_load_if_needed)
        window.closing.connect(self._on_closing)
        window.action("findAction").triggered.connect(self.focus_search)
        window.add_view_menu(self.table.columns_menu)
        on_change(runner, self, self.apply_change, lambda e: e.touches_contacts or
                  bool(e.activity_changed))

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.page = ContactsPage(self.model, self._settings, self._detail_area)
        self.search_edit, self.table = self.page.search_edit, self.page.table
        self.no_results = self.page.no_results
        self.search_edit.textChanged.connect(self._apply_filter)
        self.search_edit.installEventFilter(self)
        self.table.customContextMenuRequested.connect(self._show_context_menu)
        self.table.activated.connect(lambda _i: self._window.action("editAction").trigger())
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        delete = self._window.action("deleteAction")
        self.table.addAction(delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.page.import_button.clicked.connect(self._window.action("importAction").trigger)
        self.page.sample_button.clicked.connect(self._window.action("sampleAction").trigger)
        self.page.clear_button.clicked.connect(self.clear_search)

    def _on_closing(self) -> None:
        if self._loader is not None:
            # Let the worker end (it holds a database connection); its rows are delivered by
            # the loader's timer if the event loop runs on, not now, into a closing window.
            self._loader.join()
        self.page.save()

    # -- loading -----------------------------------------------------------------------------
    def load_initial(self) -> None:
        """Read what the first paint needs. Small stores load whole; big ones load the first
        screenful now and the rest in a thread after the first paint."""
        try:
            total = self.contacts.count()
            if total <= EAGER_LOAD_LIMIT or self._background_rows is None:
                self.model.set_contacts(self.contacts.summaries())
                self._set_counts(total, self.contacts.tags())
            else:
                # With a limit SQLite walks 80 index entries instead of 100,000.
                first = self.contacts.search_ids("", limit=FIRST_SCREEN_ROWS)
                self.model.set_contacts(self.contacts.summaries(ids=first))
                self._loading = True
                # Tag counts are slow at 100k (docs/PERFORMANCE.md); the loader thread brings them.
                self._set_counts(total, [])
        except ServiceError as exc:
            self._feedback.error(str(exc))
        self._update_list_page()

    def _start_background_load_if_needed(self) -> None:
        if self._loading:
            self._start_background_load()

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
        keep = self.selected_ids()
        self._loading = False
        with self._settling():
            self.model.set_contacts_sorted_by_name(rows, orders, by_id)
            self._set_counts(len(rows), tags)
            self._apply_filter()
            self.select_ids(keep)

    def _on_load_failed(self) -> None:
        self._loading = False
        if self._loader is not None:
            self._feedback.error(self._loader.failure_message())

    def is_loading(self) -> bool:
        return self._loading

    def wait_until_loaded(self, ms: int = 30000) -> None:
        """For tests and benchmarks: block until the background load has delivered."""
        if self._loader is not None:
            self._loader.wait(ms)
        QApplication.processEvents()

    def refresh(self) -> None:
        """Re-read every row and the tag counts (after a bulk change)."""
        try:
            total = self.contacts.count()
            if total > EAGER_LOAD_LIMIT and self._background_rows is not None:
                self._start_background_load()  # brings the tag counts too
                return
            self._set_counts(total, self.contacts.tags())
            keep = self.selected_ids()
            rows = self.contacts.summaries()
        except ServiceError as exc:
            self._feedback.error(str(exc))
            return
        with self._settling():
            self.model.set_contacts(rows)
            self._apply_filter()
            self.select_ids(keep)

    def apply_change(self, event: ChangeEvent) -> None:
        """Bring the rows up to date after a change, an undo or a redo, in the order they
        came (one that comes while a big change is still being applied waits for it)."""
        self._turns.run(lambda: self._apply(event))

    def is_applying(self) -> bool:
        """A big change is still being applied (over a few event-loop turns)."""
        return self._turns.busy()

    def _apply(self, event: ChangeEvent) -> Iterator[None] | None:
        if event.bulk:
            self.refresh()
            return None
        ids = sorted(event.contacts_changed | event.contacts_removed | event.activity_changed)
        if len(ids) >= APPLY_IN_TURNS_FROM:
            return self._apply_in_turns(event, ids)
        selected = self.selected_ids()
        gone_rows = self.model.rows_of(event.contacts_removed)
        try:
            rows = self.contacts.summaries(ids=ids)
            if event.touches_contacts:
                self._set_counts(self.contacts.count(), self._tag_counts_after(ids, rows))
        except ServiceError as exc:
            self._feedback.status(str(exc))
            return None
        with self._settling():
            self._change_rows(event, rows)
            self._select_after(event, {r.id for r in rows}, selected, gone_rows)
        return None

    def _apply_in_turns(self, event: ChangeEvent, ids: list[int]) -> Iterator[None]:
        """A change to many contacts (deleting 1,000, or undoing that) in three event-loop
        turns: read their rows; change the table; select. In one turn it held the window for
        120-170 ms at 100,000 contacts; now each turn takes 20-40 ms (issue 15)."""
        selected = self.selected_ids()
        # The deleted rows from the selection's ranges (they are what was deleted), not
        # looked up: finding 1,000 rows among 100,000 is a pass over all of them.
        gone_rows = [row for row in self._selected_rows()
                     if self.model.summary(row).id in event.contacts_removed]
        try:
            rows = self.contacts.summaries(ids=ids)
            tags = self._tag_counts_after(ids, rows) if event.touches_contacts else None
            total = self.contacts.count()
        except ServiceError as exc:
            self._feedback.status(str(exc))
            return
        yield
        with self._settling():  # one announcement of the selection, after the last turn
            if event.touches_contacts:
                self._set_counts(total, tags)
            self._change_rows(event, rows)
            yield
            self._select_after(event, {r.id for r in rows}, selected, gone_rows)

    def _set_counts(self, total: int, tags: list[TagInfo] | None) -> None:
        """The sidebar's counts; ``tags=None`` keeps the tag counts last given."""
        if tags is not None:
            self._tag_infos = tags
        self._window.sidebar.set_counts(total, self._tag_infos)

    def _tag_counts_after(self, ids: Sequence[int],
                          rows: list[ContactSummary]) -> list[TagInfo] | None:
        """The sidebar's tag counts after a change to these contacts (``rows`` as they are
        now), or None when no tag moved. Counted from the rows held before and after: the
        count query took 15-50 ms at 100,000 contacts. Asked of the store only when a tag
        appears or one's count would reach zero (a rename, a merge, a deleted tag)."""
        fresh = {r.id: r.tags for r in rows}
        moved: Counter[str] = Counter()
        for cid in ids:
            held = self.model.get(cid)
            before, after = (held.tags if held is not None else ()), fresh.get(cid, ())
            if before != after:
                moved.subtract(before)
                moved.update(after)
        moved = Counter({name: n for name, n in moved.items() if n})
        if not moved:
            return None
        known = {t.name: t for t in self._tag_infos}
        if any(name not in known or known[name].count + n <= 0 for name, n in moved.items()):
            return self.contacts.tags()
        return [t._replace(count=t.count + moved[t.name]) for t in self._tag_infos]

    def _change_rows(self, event: ChangeEvent, rows: list[ContactSummary]) -> None:
        present = {r.id for r in rows}
        ids = event.contacts_changed | event.contacts_removed | event.activity_changed
        self.model.remove([i for i in ids if i not in present])
        self.model.upsert(rows)
        if event.touches_contacts:
            # Only a contact's own change can change what a search or tag matches (logged
            # activity cannot): re-filter for those only.
            self._apply_filter()

    def _select_after(self, event: ChangeEvent, present: set[int], selected: list[int],
                      gone_rows: list[int]) -> None:
        if not event.touches_contacts:
            self.select_ids(selected, scroll=False)
            return
        changed = [i for i in event.contacts_changed if i in present]
        if changed:
            self.select_ids(changed)
        elif gone_rows and self.model.rowCount() and not self.selected_ids():
            # Keep the keyboard flow going: select the row that moved into the deleted one's
            # place.
            row = min(*gone_rows, self.model.rowCount() - 1)
            self.select_ids([self.model.summary(row).id])

    # -- filtering ---------------------------------------------------------------------------
    def _on_tag_chosen(self, tag: str) -> None:
        self._tag = tag
        self._apply_filter()

    def _apply_filter(self) -> None:
        ids: set[int] | None = None
        try:
            # An unordered set straight from the index: the model keeps its own order, so a
            # keystroke costs the FTS query plus one pass over the rows held in memory.
            ids = self.contacts.matching_ids(self.search_edit.text())
        except ServiceError as exc:
            self._feedback.status(str(exc), 5000)
            ids = set()
        if self._tag:
            tagged = {r.id for r in self.model.all_rows() if self._tag in r.tags}
            ids = tagged if ids is None else ids & tagged
        keep = self.selected_ids()
        if ids is not None and len(ids) == self.model.total_count():
            ids = None  # everyone matches ("m" in a big address book): skip the filtering
        with self._settling():
            self.model.set_filter(ids)
            self.select_ids(keep[:1], scroll=False)
        self._update_list_page()

    def _update_list_page(self) -> None:
        if self.model.rowCount() > 0 or self._loading:
            page = TABLE_PAGE
        elif self.model.total_count() == 0:
            page = FIRST_RUN_PAGE
        else:
            page = NO_RESULTS_PAGE
            text = self.search_edit.text().strip()
            if text and self._tag:
                title = self.tr("No contacts tagged “%1” match “%2”").replace(
                    "%1", self._tag).replace("%2", text)
            elif text:
                title = self.tr("No contacts match “%1”").replace("%1", text)
            elif self._tag:
                title = self.tr("No contacts tagged “%1”").replace("%1", self._tag)
            else:
                title = self.tr("No contacts")
            self.no_results.set_text(title, self.tr(
                "Check the spelling, or search for part of a name, a company, an e-mail "
                "address or a phone number.") if text else "")
        self.page.show_page(page)
        self._update_status()

    def _update_status(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count()
        if self._loading:
            status = self.tr("Loading contacts…")
        elif shown == total == 1:
            status = self.tr("1 contact")
        elif shown == total:  # "40 contacts", "3 of 40 contacts", "100.000 Kontakte"
            status = self.tr("%1 contacts").replace("%1", format_count(total))
        else:
            status = self.tr("%1 of %2 contacts").replace("%1", format_count(shown)).replace(
                "%2", format_count(total))
        self._window.count_label.setText(status)
        self._window.action("exportAction").setEnabled(total > 0)
        self._window.update_targets()

    def clear_search(self) -> None:
        self.search_edit.clear()
        if self._tag and self.model.rowCount() == 0:
            self._window.select_tag(None)

    def focus_search(self) -> None:
        self._window.show_view(self.page)
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Escape and self.search_edit.text():
                self.clear_search()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                    self.model.rowCount():
                # From the search field straight into the results.
                self.table.setFocus()
                if not self.selected_ids():
                    self.select_ids([self.model.summary(0).id])
                return True
        return super().eventFilter(watched, event)

    # -- selection ---------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        summary = self.model.summary
        return [summary(row).id for row in self._selected_rows()]

    def _selected_rows(self) -> list[int]:
        # From the selection's row ranges (whole rows: the table selects rows), in the order
        # selectedRows() gives; selectedRows() checks every column of every selected row,
        # a quarter of a second per call with 1,000 rows selected among 100,000.
        count = self.model.rowCount()
        seen: set[int] = set()
        rows: list[int] = []
        for selected in self.table.selectionModel().selection():
            for row in range(max(selected.top(), 0), min(selected.bottom() + 1, count)):
                if row not in seen:
                    seen.add(row)
                    rows.append(row)
        return rows

    def summary_of(self, contact_id: int) -> ContactSummary | None:
        row = self.model.row_of(contact_id)
        return self.model.summary(row) if row >= 0 else None

    def select_ids(self, ids: Sequence[int], scroll: bool = True) -> None:
        selection = self.table.selectionModel()
        rows = self.model.rows_of(ids)
        if not rows:
            if not selection.hasSelection():
                self._on_selection_changed()
            return
        flags = (QItemSelectionModel.SelectionFlag.Select
                 | QItemSelectionModel.SelectionFlag.Rows)
        selection.clearSelection()
        current = self.model.index(rows[0], NAME)
        selection.setCurrentIndex(current, flags)
        # One selection of row runs, not one select() per row: each select() announces the
        # change and the listeners read the whole selection (quadratic: a minute for the
        # 1,000 contacts an undo brings back).
        rest = QItemSelection()
        for first, last in _row_runs(rows[1:]):
            rest.select(self.model.index(first, NAME), self.model.index(last, NAME))
        if not rest.isEmpty():
            selection.select(rest, flags)
        if scroll:
            self.table.scrollTo(current)

    def show_contact(self, contact_id: int) -> None:
        """Select and reveal a contact, clearing a search or tag that hides it."""
        self._window.show_view(self.page)
        if self.model.row_of(contact_id) < 0:
            self._window.select_tag(None)
            self.search_edit.clear()
        if self.model.row_of(contact_id) < 0:
            # Not loaded yet (created elsewhere since): read its row.
            self.model.upsert(self.contacts.summaries(ids=[contact_id]))
            self._apply_filter()
        self.select_ids([contact_id])
        self.table.setFocus()
        self._window.raise_()
        self._window.activateWindow()

    def _on_selection_changed(self, *_args: object) -> None:
        if self._quiet:
            return
        self._update_status()
        ids = self.selected_ids()
        self._announced = ids
        self.selectionChanged.emit(ids)

    @contextlib.contextmanager
    def _settling(self) -> Iterator[None]:
        """Reset rows and re-select inside: one selection announcement afterwards, if any."""
        if self._quiet:
            yield
            return
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = False
        if self.selected_ids() != self._announced:
            self._on_selection_changed()
        else:
            self._update_status()

    def _show_context_menu(self, pos) -> None:  # noqa: ANN001
        index = self.table.indexAt(pos)
        if index.isValid() and index.data(CONTACT_ID) not in self.selected_ids():
            self.select_ids([index.data(CONTACT_ID)], scroll=False)
        menu = QMenu(self.table)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addActions(self._window.contact_actions())
        menu.addSeparator()
        menu.addActions([self._window.action("newAction"), self._window.action("exportAction")])
        menu.popup(self.table.viewport().mapToGlobal(pos))


def _row_runs(rows: Sequence[int]) -> list[tuple[int, int]]:
    """Consecutive rows as (first, last) runs: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs

