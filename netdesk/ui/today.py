"""The Today view: what is overdue, due today and this week, and who we are losing touch with.

Rows are grouped under header rows (Overdue → Today → Next 7 days). Done / Snooze / Log act on
the selected row; the last one-click action can be undone from the banner that confirms it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from netdesk.actions import Outcome
from netdesk.domain.clock import Clock
from netdesk.domain.due import DueItem
from netdesk.domain.snooze import SNOOZE_CHOICES
from netdesk.services.activity import ActivityService, TodayData
from netdesk.services.contacts import ContactService
from netdesk.services.errors import ServiceError
from netdesk.ui.activity_flows import ActivityFlows
from netdesk.ui.dates_reader import waits_for_dates
from netdesk.ui.empty_state import EmptyState
from netdesk.ui.followup_dialog import FollowUpDialog
from netdesk.ui.history import on_change, on_history_changed
from netdesk.ui.i18n import follow_language, translator_for
from netdesk.ui.locale_format import format_local, lapsed_text
from netdesk.ui.log_dialog import LogInteractionDialog, badge_icon, initials_icon
from netdesk.ui.today_model import (  # noqa: F401  (COLUMNS, ITEM_ROLE, WHEN: for tests)
    COLUMNS,
    ITEM_ROLE,
    KIND,
    WHAT,
    WHEN,
    WHO,
    DueItemsModel,
    item_key,
)

EMPTY_TEXT = QT_TRANSLATE_NOOP("TodayView", "Add a follow-up from a contact's menu (Ctrl+Shift+F)"
                               ", or set “Keep in touch every N days” on the people who "
                               "matter, and they show up here when it is time.")
UNDO_VISIBLE_MS = 15_000
# Texts measured per column when fitting the columns (the longest ones by length).
MEASURED_TEXTS = 200


_live = translator_for("TodayView")  # labels and buttons that follow a language switch


class PaddedDelegate(QStyledItemDelegate):
    """Room between columns sized to their contents, so they do not run into each other."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 20, size.height())


class TodayView(QWidget):
    """The Today page. ``contactActivated`` carries a contact id when a row is double-clicked."""

    contactActivated = Signal(int)
    # "Met someone…": the quick add dialog (ui/quick_add.py), wired by ui/networking.py.
    quickAddRequested = Signal()
    # After every successful refresh; ``data`` holds what was read (the sidebar badge uses it
    # instead of querying the store a second time).
    refreshed = Signal()

    def __init__(
        self,
        activity: ActivityService,
        contacts: ContactService,
        clock: Clock,
        tz: dt.tzinfo,
        flows: ActivityFlows,
        parent: QWidget | None = None,
        *,
        load_now: bool = True,
    ) -> None:
        """``load_now=False`` leaves the first query for when the view is shown (start-up
        keeps the store's SQLAlchemy path out of the first paint)."""
        super().__init__(parent)
        self.setObjectName("todayView")
        self._activity = activity
        self._contacts = contacts
        self._clock = clock
        self._tz = tz
        self._flows = flows
        self._banner_command: object | None = None
        self.dialog: LogInteractionDialog | FollowUpDialog | None = None
        self.data: TodayData | None = None

        self.model = DueItemsModel(tz, self)
        self._build()
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.activated.connect(self._activated)
        self.losing_list.itemActivated.connect(
            lambda item: self.contactActivated.emit(item.data(ITEM_ROLE))
        )
        # Hidden, the view re-reads after a change in an event-loop turn of its own: the due
        # query (a scan of every contact's dates at 100,000) then does not lengthen the
        # change's own stall. Shown, it follows at once.
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(0)
        self._refresh_soon.timeout.connect(self.refresh)
        on_change(flows.runner, self, self._on_change,
                  lambda e: e.touches_due and not waits_for_dates(activity, e))
        on_history_changed(flows.runner, self, self._on_history_changed)
        follow_language(self, self._retranslate)
        if load_now:
            self.refresh()

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        title = _live(QLabel(), QT_TRANSLATE_NOOP("TodayView", "Today"))
        title.setObjectName("todayTitle")
        big = QFont(title.font())
        big.setPointSizeF(big.pointSizeF() * 1.7)
        big.setBold(True)
        title.setFont(big)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("todaySummary")
        self.subtitle.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # Wraps rather than widening the window: unwrapped it made 800 px windows impossible.
        self.subtitle.setWordWrap(True)

        head = self._build_head(title)
        self._build_banner()
        self._build_table()
        side = self._build_side()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self.stack)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([720, 280])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addWidget(self.banner)
        layout.addWidget(split, 1)

    def _build_head(self, title: QLabel) -> QHBoxLayout:
        self.done_button = _live(QPushButton(), QT_TRANSLATE_NOOP("TodayView", "Done"))
        self.done_button.setObjectName("doneButton")
        self.done_button.setToolTip(
            "Mark the follow-up done; for a keep-in-touch row, log that you were in touch"
        )
        self.done_button.clicked.connect(self.mark_done)
        self.snooze_button = _live(QPushButton(), QT_TRANSLATE_NOOP("TodayView", "Snooze"))
        self.snooze_button.setObjectName("snoozeButton")
        self.snooze_menu = QMenu(self.snooze_button)
        for choice, label in SNOOZE_CHOICES:
            action = self.snooze_menu.addAction(label)
            action.setData(choice)
            action.triggered.connect(lambda _=False, c=choice: self.snooze(c))
        self.snooze_menu.addSeparator()
        custom = _live(QAction(self.snooze_menu), QT_TRANSLATE_NOOP("TodayView", "Pick a time…"))
        custom.triggered.connect(self.open_custom_snooze)
        self.snooze_menu.addAction(custom)
        self.snooze_button.setMenu(self.snooze_menu)
        self.log_button = _live(QPushButton(), QT_TRANSLATE_NOOP("TodayView", "Log interaction…"))
        self.log_button.setObjectName("logButton")
        self.log_button.clicked.connect(self.open_log_dialog)
        self.met_button = _live(QPushButton(), QT_TRANSLATE_NOOP("TodayView", "Met someone…"))
        self.met_button.setObjectName("todayQuickAddButton")
        self.met_button.clicked.connect(self.quickAddRequested)
        for b in (self.done_button, self.snooze_button, self.log_button, self.met_button):
            b.setMinimumHeight(30)
        self.done_button.setDefault(True)

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        head.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignBottom)
        head.addWidget(self.snooze_button, 0, Qt.AlignmentFlag.AlignBottom)
        head.addWidget(self.log_button, 0, Qt.AlignmentFlag.AlignBottom)
        head.addWidget(self.met_button, 0, Qt.AlignmentFlag.AlignBottom)
        return head

    def _build_banner(self) -> None:
        self.banner = QFrame()
        self.banner.setObjectName("todayBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner_label = QLabel()
        self.banner_label.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = _live(QPushButton(), QT_TRANSLATE_NOOP("TodayView", "Undo"))
        self.undo_button.setObjectName("undoButton")
        self.undo_button.clicked.connect(self.undo)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(10, 4, 4, 4)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.undo_button)
        self.banner.setVisible(False)
        # The confirmation (and its Undo) fades after a while, like a toast.
        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.timeout.connect(self._hide_banner)

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setObjectName("followUpsTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(PaddedDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setIconSize(QSize(12, 12))
        self.table.verticalHeader().setVisible(False)
        row_height = self.table.fontMetrics().height() + 14
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Sized to their texts once per refresh (_fit_columns), not ResizeToContents: that
        # asked the delegate for every row's size on every layout pass (130-600 ms a refresh
        # with many follow-ups). The note takes what is left.
        for col in (WHEN, WHO, KIND):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)

        self.empty = EmptyState("todayEmptyState")
        self.empty.set_icon(badge_icon("✓", 130, 120), 64)
        self._retranslate()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

    def _build_side(self) -> QWidget:
        side = QWidget()
        side.setObjectName("losingTouchPanel")
        side_title = _live(QLabel(), QT_TRANSLATE_NOOP("TodayView", "Losing touch"))
        bold = QFont(side_title.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        side_title.setFont(bold)
        side_hint = _live(QLabel(), QT_TRANSLATE_NOOP(
            "TodayView", "Lapsed keep-in-touch dates, longest first"))
        side_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        side_hint.setWordWrap(True)
        self.losing_list = QListWidget()
        self.losing_list.setObjectName("losingTouchList")
        self.losing_list.setIconSize(QSize(28, 28))
        self.losing_list.setSpacing(2)
        self.losing_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.losing_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.losing_empty = _live(QLabel(), QT_TRANSLATE_NOOP(
            "TodayView", "No one. Everyone you keep in touch with is up to date."))
        self.losing_empty.setWordWrap(True)
        self.losing_empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(side_title)
        side_layout.addWidget(side_hint)
        side_layout.addWidget(self.losing_list, 1)
        side_layout.addWidget(self.losing_empty)
        side_layout.addStretch(0)
        return side

    def _retranslate(self) -> None:
        """The empty state's texts and what is shown, in the language now in use."""
        self.empty.set_text(self.tr("Nothing due"),
                            QCoreApplication.translate("TodayView", EMPTY_TEXT))
        if self.data is not None:
            self.refresh()

    # -- refreshing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read what is due, keeping the selected row selected."""
        self._refresh_soon.stop()
        selected = self.selected_item()
        old_row = self.table.currentIndex().row()
        try:
            data = self._activity.today(self._clock.now())
        except ServiceError as exc:
            self._say(str(exc))
            return
        self.data = data
        self.model.set_today(data)
        self.table.clearSpans()
        for row in self.model.header_rows():
            self.table.setSpan(row, 0, 1, len(COLUMNS))
        self._fit_columns()
        self._fill_losing(data)
        self.stack.setCurrentWidget(self.empty if not data.items else self.table)
        self.subtitle.setText(self._summary(data))
        row = self.model.row_of(item_key(selected)) if selected is not None else -1
        if row < 0 and selected is not None:
            # The selected item went (Done): the one that took its place is next in line.
            row = self._item_row_near(old_row)
        # Keep the selection; else select the first item so Done is really one click.
        self.select_row(row if row >= 0 else self._first_item_row())
        self._update_buttons()
        self.refreshed.emit()

    def _on_change(self, _event: object) -> None:
        if self.isVisible() or not self.window().isVisible():
            self._refresh_soon.stop()
            self.refresh()
        else:
            self._refresh_soon.start()

    def _fit_columns(self) -> None:
        """Each sized column as wide as its widest text, measured with the bold font (the
        widest a cell gets) plus the delegate's padding: string widths, no delegate calls."""
        metrics = QFontMetrics(self.model.bold_font())
        header = self.table.horizontalHeader()
        padding = 20 + 2 * (self.table.style().pixelMetric(
            QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table) + 1)
        for col in (WHEN, WHO, KIND):
            # Each distinct text once (birthdays share a few days and kinds), and of thousands
            # of names only the longest few hundred: as Qt's own resize-to-contents samples
            # (issue 15: 1,500 birthdays in a week at 100,000 contacts).
            texts = sorted(set(self.model.column_texts(col)), key=len)[-MEASURED_TEXTS:]
            width = max((metrics.horizontalAdvance(t) for t in texts), default=0) + padding
            if col == WHEN:
                width += self.table.iconSize().width() + 4
            header.resizeSection(col, max(width, header.sectionSizeHint(col)))

    def _item_row_near(self, row: int) -> int:
        rows = [r for r in range(self.model.rowCount()) if self.model.item(r) is not None]
        return next((r for r in rows if r >= row), rows[-1] if rows else -1)

    def _first_item_row(self) -> int:
        return next(
            (r for r in range(self.model.rowCount()) if self.model.item(r) is not None), -1
        )

    def _summary(self, data: TodayData) -> str:
        day = data.now.astimezone(self._tz)  # "Thursday 3 December" in the chosen language
        date = QLocale().toString(QDate(day.year, day.month, day.day), "dddd d MMMM")
        parts = [label.replace("%1", str(len(items))) for items, label in (
            (data.overdue, self.tr("%1 overdue")), (data.today, self.tr("%1 due today")),
            (data.this_week, self.tr("%1 in the next 7 days"))) if items]
        return f"{date}  ·  " + (" · ".join(parts) or self.tr("nothing due"))

    def _fill_losing(self, data: TodayData) -> None:
        self.losing_list.clear()
        for cadence, lapsed in data.losing_touch:
            text = f"{cadence.name}\n" + self.tr("%1 overdue · every %2 days").replace(
                "%1", lapsed_text(lapsed)).replace("%2", str(cadence.days))
            item = QListWidgetItem(initials_icon(cadence.name), text)
            item.setData(ITEM_ROLE, cadence.contact_id)
            item.setToolTip(self.tr("Last in touch: %1").replace(
                "%1", self._last_seen(cadence.last_interaction)))
            self.losing_list.addItem(item)
        has = bool(data.losing_touch)
        self.losing_list.setVisible(has)
        self.losing_empty.setVisible(not has)

    def _last_seen(self, when: dt.datetime | None) -> str:
        return format_local(when, self._tz) if when else self.tr("never logged")

    def showEvent(self, event) -> None:
        # Relative times ("Today 14:00") go stale while the page is hidden.
        super().showEvent(event)
        self.refresh()

    # -- selection ----------------------------------------------------------------------------
    def selected_item(self) -> DueItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        if self.model.item(row) is None:
            self.table.clearSelection()
            return
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))

    def _update_buttons(self, *_args: object) -> None:
        item = self.selected_item()
        # A birthday or anniversary goes by itself once the day has passed.
        self.done_button.setEnabled(item is not None and item.kind in ("followup", "cadence"))
        self.log_button.setEnabled(item is not None)
        is_followup = item is not None and item.kind == "followup"
        self.snooze_button.setEnabled(is_followup)
        self.snooze_button.setToolTip(
            "Remind me later" if is_followup or item is None
            else "Keep-in-touch dates move when you log an interaction"
        )

    def _activated(self, index: QModelIndex) -> None:
        item = self.model.item(index.row())
        if item is not None:
            self.contactActivated.emit(item.contact_id)

    # -- actions ------------------------------------------------------------------------------
    def target_ids(self) -> list[int]:
        """The selected row's contact: what Edit, Delete and the Contact menu act on here."""
        item = self.selected_item()
        return [item.contact_id] if item is not None else []

    def mark_done(self) -> None:
        item = self.selected_item()
        if item is None or item.kind not in ("followup", "cadence"):
            return
        if item.followup_id is not None:
            self._flows.done(item.followup_id, item.name, self._show_outcome)
        else:
            self._flows.log_now(item.contact_id, item.name, self._show_outcome)

    def snooze(self, choice: str | dt.datetime) -> None:
        item = self.selected_item()
        if item is None or item.followup_id is None:
            return
        self._flows.snooze(item.followup_id, choice, item.name, self._show_outcome)

    def open_custom_snooze(self) -> FollowUpDialog | None:
        item = self.selected_item()
        if item is None or item.followup_id is None:
            return None
        self.dialog = self._flows.pick_snooze(self, item.followup_id, item.name,
                                              self._show_outcome)
        return self.dialog

    def open_log_dialog(self) -> LogInteractionDialog | None:
        item = self.selected_item()
        if item is None:
            return None
        self.dialog = self._flows.log_interaction(self, item.contact_id, item.name,
                                                  self._show_outcome)
        return self.dialog

    # -- the banner: a view of the top of the one undo history ---------------------------------
    def _show_outcome(self, outcome: Outcome) -> None:
        self._banner_command = outcome.command if outcome.ok else None
        self._show_banner(outcome.message, can_undo=outcome.ok)

    def _say(self, text: str) -> None:
        self._banner_command = None
        self._show_banner(text, can_undo=False)

    def _show_banner(self, text: str, can_undo: bool) -> None:
        self.banner_label.setText(text)
        self.undo_button.setVisible(can_undo)
        self.banner.setVisible(True)
        self._banner_timer.start(UNDO_VISIBLE_MS)

    def _on_history_changed(self) -> None:
        # Once the confirmed step is no longer the one Ctrl+Z would take back (undone from
        # anywhere, or another change came on top), the banner has nothing left to offer.
        if self._banner_command is not None and \
                self._flows.runner.top() is not self._banner_command:
            self._hide_banner()

    def _hide_banner(self) -> None:
        self._banner_command = None
        self.banner.setVisible(False)

    def undo(self) -> None:
        """The banner's Undo: the same step Ctrl+Z takes back."""
        if self._banner_command is None or self._flows.runner.top() is not self._banner_command:
            self._hide_banner()
            return
        outcome = self._flows.runner.undo()
        self._hide_banner()
        if not outcome.ok:
            self._say(outcome.message)

