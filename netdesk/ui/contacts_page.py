"""The contacts page's widgets: search field, the table or an empty state, and the detail
area beside them. Behaviour lives in ContactsList; this only builds and lays out."""

from __future__ import annotations

import itertools

import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from netdesk.ui import settings as ui_settings
from netdesk.ui.contacts_model import ContactsTableModel
from netdesk.ui.contacts_table import ContactsTable
from netdesk.ui.empty_state import EmptyState
from netdesk.ui.i18n import follow_language
from netdesk.ui.icons import app_icon, line_icon

DETAIL_WIDTH = 370
SPLITTER_KEY = "window/contactsSplitter"
TABLE_PAGE, FIRST_RUN_PAGE, NO_RESULTS_PAGE = range(3)


class ContactsPage(QSplitter):
    def __init__(self, model: ContactsTableModel, settings: QSettings,
                 detail_area: QWidget) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setObjectName("contactsSplitter")
        self._settings = settings
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(line_icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.table = ContactsTable(model, settings)
        self.first_run = EmptyState("emptyState")
        self.first_run.set_icon(app_icon(), 96)
        self.import_button = self.first_run.add_button("", "emptyImportButton", default=True)
        self.sample_button = self.first_run.add_button("", "sampleContactsButton")
        self.no_results = EmptyState("noResultsState")
        self.no_results.set_icon(line_icon("search"), 56)
        self.clear_button = self.no_results.add_button("", "clearSearchButton")
        self.list_stack = QStackedWidget()
        self.list_stack.setObjectName("listStack")
        for page in (self.table, self.first_run, self.no_results):
            self.list_stack.addWidget(page)
        list_area = QWidget()
        layout = QVBoxLayout(list_area)
        layout.setContentsMargins(8, 8, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.list_stack, 1)
        self.detail_area = detail_area
        self.addWidget(list_area)
        self.addWidget(detail_area)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)
        self.setSizes([1200 - 150 - DETAIL_WIDTH, DETAIL_WIDTH])
        state = ui_settings.read_bytes(settings, SPLITTER_KEY)
        if state is not None:
            self.restoreState(state)
        self._order_tabs()
        self._retranslate()
        follow_language(self, self._retranslate)

    def _retranslate(self) -> None:
        """The page's texts in the language now in use (at start and at every switch)."""
        self.search_edit.setPlaceholderText(
            self.tr("Search names, companies, e-mail, phone, tags…"))
        self.first_run.set_text(
            self.tr("Remember everyone you meet"),
            self.tr("Bring in the contacts from your phone or address book as vCard (.vcf) "
                    "files, or LinkedIn, Google or Outlook CSV exports — or drop them onto "
                    "this window. Not ready yet? Look around with sample contacts."),
        )
        self.import_button.setText(self.tr("Import contacts…"))
        self.sample_button.setText(self.tr("Try with sample contacts"))
        self.clear_button.setText(self.tr("Clear search"))

    def _order_tabs(self) -> None:
        """Tab goes left to right: search, table, then the detail area (kept so by
        ``_on_focus_changed``). Focusing the page focuses the search field, so the window
        can put the page right after its sidebar."""
        self.setFocusProxy(self.search_edit)
        QWidget.setTabOrder(self.search_edit, self.table)
        self._ordered: list[QWidget] = []
        # A bound method of a QObject: the connection goes when the page does.
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    def tab_stops(self) -> list[QWidget]:
        """Search, table, then the detail area top to bottom, left to right; what a scroll
        area holds right after it. Only the stops Tab can reach now."""
        inside = [w for w in self.detail_area.findChildren(QWidget) if _reachable(w)]
        area = self.detail_area

        def place(widget: QWidget) -> tuple[int, int]:
            corner = widget.mapTo(area, widget.rect().topLeft())
            return corner.y(), corner.x()

        outer = sorted((w for w in inside if not any(o is not w and o.isAncestorOf(w)
                                                      for o in inside)), key=place)
        ordered: list[QWidget] = []
        for stop in outer:
            ordered.append(stop)
            # (isAncestorOf is also true of the widget itself)
            ordered += sorted((w for w in inside if w is not stop and stop.isAncestorOf(w)),
                              key=place)
        window = self.window()
        # A body being replaced may still hold widgets already taken out of the window.
        return [w for w in (self.search_edit, self.table, *ordered)
                if w.isVisible() and w.window() is window]

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Qt's chain is the order widgets were made in, and the detail pane builds a fresh
        # body per contact (its Edit button then came after the activity's buttons below
        # it): put the chain in the logical order whenever the focus moves in the window.
        if not shiboken6.isValid(self) or new is None or new.window() is not self.window() \
                or not self.isVisible():
            return
        self._put_in_order()

    def focusNextPrevChild(self, next_child: bool) -> bool:  # noqa: N802 - Qt's name
        # Tab from inside the page comes here before Qt follows the chain: the pane may have
        # been laid out (or rebuilt) since the focus last moved, so order the chain first.
        self._put_in_order()
        return super().focusNextPrevChild(next_child)

    def _put_in_order(self) -> None:
        stops = self.tab_stops()
        if stops == self._ordered:
            return  # already in order (a new contact's body brings new stops)
        self._ordered = stops
        for previous, stop in itertools.pairwise(stops):
            QWidget.setTabOrder(previous, stop)

    def show_page(self, page: int) -> None:
        self.list_stack.setCurrentIndex(page)
        # The first-run page stands alone: nothing to search and no contact to show yet.
        self.search_edit.setVisible(page != FIRST_RUN_PAGE)
        self.detail_area.setVisible(page != FIRST_RUN_PAGE)

    def save(self) -> None:
        self._settings.setValue(SPLITTER_KEY, self.saveState())
        self.table.save_header()


def _reachable(widget: QWidget) -> bool:
    return (bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isVisible()
            and widget.isEnabled() and not widget.isWindow())

