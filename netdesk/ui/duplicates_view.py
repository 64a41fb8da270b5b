"""The Duplicates view: suggested pairs ranked by tier and score; Merge / Not the same / Skip.

Self-contained: it gets the services in its constructor and announces what it did by signals
(``countChanged`` for the sidebar badge, ``merged`` with the MergeResult so the window can put
the merge on its undo history and refresh). The finder runs in a BackgroundJob worker
(pure Python, no Qt), so the window stays responsive on 100,000 contacts.
Keys: M merges, N marks "not the same", S skips to the next pair.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from netdesk.domain.contact import Contact
from netdesk.services.contacts import ContactService
from netdesk.services.duplicates import DuplicateService, Suggestions, pacing
from netdesk.services.errors import ServiceError
from netdesk.services.merge import MergeService
from netdesk.ui.background import BackgroundJob
from netdesk.ui.gui_first import GuiHeartbeat
from netdesk.ui.gui_gc import all_collections_held
from netdesk.ui.shortcuts_help import describe_key

# (contacts to merge, parent) -> picks for MergeService.merge, or None when cancelled.
ChooseFields = Callable[[Sequence[Contact], QWidget], "dict[str, int] | None"]
# Translation sources (context "PairsModel"), translated where they are shown.
TIER_TEXT = {"same": QT_TRANSLATE_NOOP("PairsModel", "Same person"),
             "likely": QT_TRANSLATE_NOOP("PairsModel", "Likely"),
             "maybe": QT_TRANSLATE_NOOP("PairsModel", "Maybe")}
COLUMNS = (QT_TRANSLATE_NOOP("PairsModel", "Tier"), QT_TRANSLATE_NOOP("PairsModel", "Score"),
           QT_TRANSLATE_NOOP("PairsModel", "Contact"),
           QT_TRANSLATE_NOOP("PairsModel", "Possible duplicate"),
           QT_TRANSLATE_NOOP("PairsModel", "Shared"))
# What the single keys do, for the keyboard cheat sheet (F1).
KEY_TEXTS = {"M": QT_TRANSLATE_NOOP("DuplicatesView", "Merge the pair (Duplicates view)"),
             "N": QT_TRANSLATE_NOOP("DuplicatesView", "Not the same person (Duplicates view)"),
             "S": QT_TRANSLATE_NOOP("DuplicatesView", "Skip to the next pair (Duplicates view)")}
_DISPLAY = Qt.ItemDataRole.DisplayRole.value  # roles arrive as ints; enum lookups are slow
_HORIZONTAL = Qt.Orientation.Horizontal
# The view holds the best this many pairs. Nobody reviews a million one by one, and a million
# pair objects reaching the GUI thread cost it ~4 s of garbage collection (measured at 100k
# generated contacts, tests/bench/bench_stalls.py); the next ones come once these are decided.
SHOWN_PAIRS = 2000


class PairsModel(QAbstractTableModel):
    """The suggested pairs as table rows. A model, not a QTableWidget: filling 3,000 pairs
    item by item is 15,000 Qt calls (slow, and on PySide6 6.12 each one returning nothing
    wears down None's reference count until Python aborts)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pairs: list = []
        self.names: dict[int, str] = {}

    def reset(self, pairs: list, names: dict[int, str]) -> None:
        self.beginResetModel()
        self.pairs, self.names = pairs, names
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.pairs)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        if role != _DISPLAY or not index.isValid():
            return None
        p = self.pairs[index.row()]
        column = index.column()
        if column == 0:
            return self.tr(TIER_TEXT[p.tier])
        if column == 1:
            return f"{p.score:.2f}"
        if column in (2, 3):
            return self.names.get(p.first_id if column == 2 else p.second_id, "")
        return ", ".join(p.shared)

    def headerData(self, section: int, orientation, role: int = _DISPLAY):
        if role == _DISPLAY and orientation == _HORIZONTAL:
            return self.tr(COLUMNS[section])
        return None


def ask_with_dialog(contacts: Sequence[Contact], parent: QWidget) -> dict[str, int] | None:
    from netdesk.ui.merge_dialog import MergeDialog

    dialog = MergeDialog(contacts, parent)
    return dialog.picks() if dialog.exec() == MergeDialog.DialogCode.Accepted else None


class DuplicatesView(QWidget):
    countChanged = Signal(int)
    merged = Signal(object)  # MergeResult

    def __init__(
        self,
        duplicates: DuplicateService,
        merger: MergeService,
        contacts: ContactService,
        choose_fields: ChooseFields = ask_with_dialog,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesView")
        self._duplicates, self._merger, self._contacts = duplicates, merger, contacts
        self._choose_fields = choose_fields
        self._pairs: list = []
        self._more = 0  # pairs found beyond the SHOWN_PAIRS best, shown once these are decided
        self._names: dict[int, str] = {}
        self._job: BackgroundJob | None = None
        self._again = False
        self._decided: list[Callable] = []  # pairs decided while the finder runs
        self._heartbeat = GuiHeartbeat(self)  # beats while a finder runs in this process
        # Quitting stops a search that is still running (its child process is killed).
        self._quitting = threading.Event()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._quitting.set)
        self.model = PairsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("duplicatesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.status = QLabel(self)
        self.status.setObjectName("duplicatesStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)  # "1,213,458 possible duplicates; the 2,000 …" at 800 px
        self._stretch_columns()
        buttons = QHBoxLayout()
        for name, text, key, slot in (
            ("mergeButton", self.tr("&Merge…"), "M", self.merge_selected),
            ("notSameButton", self.tr("&Not the same"), "N", self.not_same_selected),
            ("skipButton", self.tr("&Skip"), "S", self.skip),
            ("refreshButton", self.tr("Find again"), "", self.refresh),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            if not key:
                continue  # F5 is the window's Sync: a second F5 here would be ambiguous
            button.setToolTip(f"{text.replace('&', '')} ({key})")
            # The whole window while this view is shown (Qt matches no shortcut of a hidden
            # widget), so the keys work whether the table, a button or the sidebar that just
            # opened the view has the focus; line edits keep their letters (they claim them).
            shortcut = QShortcut(QKeySequence(key), self)
            describe_key(shortcut, "DuplicatesView", KEY_TEXTS[key])
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def _stretch_columns(self) -> None:
        header = self.table.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        # Opened from the menu or Ctrl+<n>, the focus was on the page just hidden: put it on
        # the pairs, so the arrow keys walk them at once (the sidebar keeps its focus).
        focus = QApplication.focusWidget()
        if focus is None or not focus.isVisible():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- finding ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Run the finder off the GUI thread; the table fills when it is done. Asked while
        it runs, it runs once more afterwards (what it read may miss the latest change)."""
        if self._job is not None and self._job.is_running():
            self._again = True
            return
        self._again = False
        self._decided = []
        duplicates = self._duplicates  # the worker gets a plain service, no QObject
        quitting = self._quitting
        # In a process of its own (services/duplicates_child.py) the finder's Python no
        # longer shares this process's GIL with the GUI thread; a frozen build searches here,
        # pacing itself and holding collections as before.
        pace = None if duplicates.can_search_in_child() else self.gui_first_pace()

        def find(_progress, cancelled) -> Suggestions:  # noqa: ANN001
            if pace is None:
                return duplicates.suggestions_in_child(
                    SHOWN_PAIRS, lambda: cancelled() or quitting.is_set())
            # Millions of young objects and no cycles: no collection meanwhile; and the GUI
            # thread goes first whenever it is busy (ui/gui_first.py).
            with all_collections_held(), pacing(pace):
                return duplicates.suggestions(limit=SHOWN_PAIRS)

        self._job = BackgroundJob(find, self)
        self._job.finished.connect(self._found)
        self._job.failed.connect(self._failed)
        self.status.setText(self.tr("Looking for duplicates…"))
        self._job.start()

    def gui_first_pace(self) -> Callable[[], None]:
        """A pace function for the finder's thread: it sleeps while the GUI thread is busy
        (ui/gui_first.py), so a keystroke filtering 100,000 rows gets the GIL to itself."""
        return self._heartbeat.pace_function()

    def is_busy(self) -> bool:
        return self._job is not None and self._job.is_running()

    def _stop_beat(self) -> None:
        self._heartbeat.stop()

    def _found(self) -> None:
        self._stop_beat()
        found: Suggestions = self._job.result  # type: ignore[union-attr, assignment]
        # Merges and "Not the same" decided while it ran: the finder may have read the store
        # before them, and they must not come back.
        decided = self._decided
        self._pairs = [p for p in found.pairs if not any(gone(p) for gone in decided)]
        self._more = found.found - len(found.pairs)
        self._names = dict(found.names)
        self._fill()
        if self._again:
            self.refresh()

    def _failed(self) -> None:
        self._stop_beat()
        error = self._job.error if self._job is not None else None
        self.status.setText(
            str(error)
            if isinstance(error, ServiceError)
            else self.tr("Looking for duplicates failed: %1").replace("%1", str(error))
        )

    def _fill(self) -> None:
        self.model.reset(self._pairs, self._names)
        if self._pairs:
            self.table.selectRow(0)
        shown = len(self._pairs)
        count = shown + self._more
        number = QLocale().toString
        if not count:
            text = self.tr("No duplicates found.")
        elif not shown:
            text = self.tr("Looking for the next possible duplicates…")
        elif self._more:
            text = self.tr("%1 possible duplicates; the %2 likeliest are shown, and more come "
                           "as you decide these.").replace("%1", number(count)).replace(
                               "%2", number(shown))
        elif count == 1:
            text = self.tr("1 possible duplicate")
        else:
            text = self.tr("%1 possible duplicates").replace("%1", number(count))
        self.status.setText(text)
        self.countChanged.emit(count)

    # -- deciding -----------------------------------------------------------------------------
    def _current(self):
        row = self.table.currentIndex().row()
        return self._pairs[row] if 0 <= row < len(self._pairs) else None

    def merge_selected(self) -> None:
        pair = self._current()
        if pair is None:
            return
        try:
            contacts = self._contacts.get_many([pair.first_id, pair.second_id])
            if len(contacts) < 2:
                raise ServiceError("one of these contacts no longer exists; find again")
            picks = self._choose_fields(contacts, self)
            if picks is None:
                return
            result = self._merger.merge(pair.first_id, [pair.second_id], picks)
        except ServiceError as exc:
            self.status.setText(str(exc))
            return
        self._drop(
            lambda p: (
                pair.second_id in (p.first_id, p.second_id)
                or {p.first_id, p.second_id} == {pair.first_id, pair.second_id}
            )
        )
        self.merged.emit(result)

    def not_same_selected(self) -> None:
        pair = self._current()
        if pair is None:
            return
        try:
            self._duplicates.mark_not_same(pair.first_id, pair.second_id)
        except ServiceError as exc:
            self.status.setText(str(exc))
            return
        both = {pair.first_id, pair.second_id}
        self._drop(lambda p: {p.first_id, p.second_id} == both)

    def skip(self) -> None:
        if self._pairs:
            self.table.selectRow((self.table.currentIndex().row() + 1) % len(self._pairs))

    def _drop(self, gone: Callable) -> None:
        if self.is_busy():
            self._decided.append(gone)
        row = max(self.table.currentIndex().row(), 0)
        self._pairs = [p for p in self._pairs if not gone(p)]
        self._fill()
        if self._pairs:
            self.table.selectRow(min(row, len(self._pairs) - 1))
        elif self._more:
            self.refresh()  # these were decided: find the next best ones
