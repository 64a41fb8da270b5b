"""The contacts table's model: ContactSummary rows held in memory, filtered and sorted in Python.

At 100,000 contacts a QSortFilterProxyModel costs seconds per keystroke or sort, while list
operations on the rows take milliseconds. So the model itself keeps every row (``_all``, in the
current sort order) and the visible subset (``_rows``); a search hands it the matching ids and
it filters ``_all`` by set membership, which keeps the current sort order for free.
"""

from __future__ import annotations

import contextlib
import gc
import operator
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication

from netdesk.domain.clock import system_now
from netdesk.domain.collation import collation_key, has_own_order, language_of
from netdesk.domain.summary import ContactSummary
from netdesk.domain.text import fold
from netdesk.ui import locale_format
from netdesk.ui.background import BackgroundJob
from netdesk.ui.gui_first import GuiHeartbeat
from netdesk.ui.icons import alert_color
from netdesk.ui.plain_text import plain_tooltip
from netdesk.ui.row_order import ColumnOrders, find_row
from netdesk.ui.row_release import release_later
from netdesk.ui.sorting import SLICE, sorted_in_slices

# Roles arrive as ints; comparing against cached ints avoids an enum lookup per call
# (docs/PERFORMANCE.md).
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
FONT = int(Qt.ItemDataRole.FontRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
CONTACT_ID = int(Qt.ItemDataRole.UserRole) + 1

# Source texts (English); headerData gives them in the language in use.
COLUMNS = (
    QT_TRANSLATE_NOOP("ContactsTable", "Name"),
    QT_TRANSLATE_NOOP("ContactsTable", "Organisation"),
    QT_TRANSLATE_NOOP("ContactsTable", "Title"),
    QT_TRANSLATE_NOOP("ContactsTable", "E-mail"),
    QT_TRANSLATE_NOOP("ContactsTable", "Phone"),
    QT_TRANSLATE_NOOP("ContactsTable", "Tags"),
    QT_TRANSLATE_NOOP("ContactsTable", "Last contact"),
    # Short, so the column fits beside the others at laptop widths; the tooltip says more.
    QT_TRANSLATE_NOOP("ContactsTable", "Follow-up"),
)
NAME, ORG, TITLE, EMAIL, PHONE, TAGS, LAST_CONTACT, NEXT_DUE = range(len(COLUMNS))
HEADER_TOOLTIPS = {
    LAST_CONTACT: QT_TRANSLATE_NOOP("ContactsTable", "When you last logged an interaction"),
    NEXT_DUE: QT_TRANSLATE_NOOP(
        "ContactsTable", "The next follow-up or keep-in-touch date; overdue ones are red and bold"),
}


def column_title(column: int) -> str:
    """A column's title in the language in use."""
    return QCoreApplication.translate("ContactsTable", COLUMNS[column])

_ASCENDING = Qt.SortOrder.AscendingOrder
_ROW_ID = operator.itemgetter(0)  # ContactSummary.id, at C speed
FEW_LOOKUPS = 32  # more contacts than this are found in one pass over the rows


# The user's language for sorting text columns, set from QLocale when a model is made (the
# loader thread reads it, so it is a plain str and not a Qt call).
_sort_language = {"code": ""}


def set_sort_language(locale_name: str) -> None:
    _sort_language["code"] = language_of(locale_name)


def _fold(text: str) -> str:
    language = _sort_language["code"]
    if has_own_order(language):
        return collation_key(text, language)
    # fold() normalises Unicode (slow per call); most values are ASCII, where casefold is enough.
    return text.casefold() if text.isascii() else fold(text)


def _text_key(getter: Callable[[ContactSummary], str]) -> Callable[[ContactSummary], str]:
    return lambda r: _fold(getter(r))


def _name_key(r: ContactSummary) -> str:
    # The store's sort_name is the language-free fold; languages with their own alphabet
    # order ("Ø" after "Z" in Danish) sort the names again.
    language = _sort_language["code"]
    return collation_key(r.name, language) if has_own_order(language) else r.sort_key


def names_need_sorting() -> bool:
    """Whether rows in the store's name order must be sorted again for the user's language."""
    return has_own_order(_sort_language["code"])


# Sort keys per column. An empty key (no value) always sorts last, whichever the direction.
_SORT_KEYS: dict[int, Callable[[ContactSummary], Any]] = {
    NAME: _name_key,
    ORG: _text_key(lambda r: r.org),
    TITLE: _text_key(lambda r: r.title),
    EMAIL: lambda r: r.email.casefold(),
    PHONE: lambda r: "".join(ch for ch in r.phone if ch.isdigit()),
    TAGS: _text_key(lambda r: ", ".join(r.tags)),
    LAST_CONTACT: lambda r: r.last_contact,
    NEXT_DUE: lambda r: r.next_due,
}


def _no_pace() -> None:
    return None


# A column's rows in ascending order of their key, and the rows with no value for it.
ColumnOrder = tuple[list[ContactSummary], list[ContactSummary]]


def column_order(rows: Sequence[ContactSummary], column: int,
                 pace: Callable[[], None] = _no_pace) -> ColumnOrder:
    """Pure Python, so the loader thread can precompute every column's order; ``pace()``
    is called every few thousand rows (ui/gui_first.py)."""
    key = _SORT_KEYS[column]
    keyed: list[tuple[Any, ContactSummary]] = []
    for start in range(0, len(rows), SLICE):
        pace()
        keyed += [(key(r), r) for r in rows[start : start + SLICE]]
    present = sorted_in_slices([kr for kr in keyed if kr[0]], key=_first, pace=pace)
    pace()
    return [r for _, r in present], [r for k, r in keyed if not k]


def _first(pair: tuple) -> Any:
    return pair[0]


def all_column_orders(rows: Sequence[ContactSummary],
                      pace: Callable[[], None] = _no_pace) -> dict[int, ColumnOrder]:
    orders = {column: column_order(rows, column, pace) for column in range(len(COLUMNS))
              if column != NAME}
    return orders





class ContactsTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[ContactSummary] = []
        self._rows: list[ContactSummary] = []
        self._wanted: set[int] | None = None
        self._by_id: dict[int, ContactSummary] = {}
        # Every column's order, computed on the first sort by it (or by the loader thread), so
        # a sort is a list copy or reversal: column -> (ascending rows, rows without value).
        self._orders = ColumnOrders(_SORT_KEYS)
        self._sort_column = NAME
        self._sort_order = _ASCENDING
        # The bold font marks overdue follow-ups: emphasis without a colour that could clash
        # with a dark palette.
        self._bold = QFont()
        self._bold.setBold(True)
        self._now = system_now()
        self._today = self._now.astimezone().date()
        set_sort_language(QLocale().name())

    # -- Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if role == TOOLTIP:  # contact text: never rendered as HTML (issue 17)
            return plain_tooltip(self._data(index, role)) or None
        return self._data(index, role)

    def _data(self, index: QModelIndex | QPersistentModelIndex, role: int) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role in (DISPLAY, TOOLTIP):
            if col == NAME:
                return r.name
            if col == ORG:
                return r.org
            if col == TITLE:
                return r.title
            if col == EMAIL:
                return r.email if role == DISPLAY else "\n".join(r.emails)
            if col == PHONE:
                return r.phone if role == DISPLAY else "\n".join(r.phones)
            if col == TAGS:
                return ", ".join(r.tags)
            if col == LAST_CONTACT:
                if role == TOOLTIP:
                    return locale_format.stored_date(r.last_contact)
                return locale_format.short_date(r.last_contact, self._today)
            if col == NEXT_DUE:
                if role == TOOLTIP:
                    overdue = r.next_due is not None and r.next_due < self._now
                    return locale_format.stored_date(r.next_due) + (" (overdue)" if overdue else "")
                return locale_format.short_date(r.next_due, self._today)
            return None
        if role == CONTACT_ID:
            return r.id
        if col == NEXT_DUE and r.next_due is not None and r.next_due < self._now:
            # Overdue: bold and red, the red picked for the current palette's base colour.
            if role == FONT:
                return self._bold
            if role == FOREGROUND:
                return alert_color(QGuiApplication.palette())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and 0 <= section < len(COLUMNS):
            if role == DISPLAY:
                return column_title(section)
            if role == TOOLTIP and section in HEADER_TOOLTIPS:
                return QCoreApplication.translate("ContactsTable", HEADER_TOOLTIPS[section])
        return None

    def sort(self, column: int, order: Qt.SortOrder = _ASCENDING) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        if (column, order) == (self._sort_column, self._sort_order):
            return  # rows are always kept in the current order; QTableView asks twice
        self.layoutAboutToBeChanged.emit()
        old_ids = [(p, self._rows[p.row()].id) for p in self.persistentIndexList() if p.isValid()]
        self._sort_column, self._sort_order = column, order
        self._all = self._sorted(self._all)
        self._rows = self._filtered(self._all)
        if old_ids:
            # Few persistent indexes (current row, selection ends), mostly one per column of
            # the same contact: look each contact up once (a look-up scans the rows).
            wanted = {cid for _, cid in old_ids}
            if len(wanted) > 4:  # many (a big selection's ends): one pass over the rows
                row_for = dict.fromkeys(wanted, -1)
                row_for.update((r.id, i) for i, r in enumerate(self._rows) if r.id in wanted)
            else:
                row_for = {cid: self.row_of(cid) for cid in wanted}
            new_rows = [row_for[cid] for _, cid in old_ids]
            self.changePersistentIndexList(
                [p for p, _ in old_ids],
                [
                    self.index(row, p.column()) if row >= 0 else QModelIndex()
                    for (p, _), row in zip(old_ids, new_rows, strict=True)
                ],
            )
        self.layoutChanged.emit()

    # -- what the window uses -----------------------------------------------------------------
    def set_contacts(self, rows: Iterable[ContactSummary],
                     orders: dict[int, ColumnOrder] | None = None) -> None:
        """Replace every row (after a load or a change to the store)."""
        self.beginResetModel()
        held = self._held_containers()
        self._set_now()
        self._orders = ColumnOrders(_SORT_KEYS, orders)
        rows = list(rows)
        self._by_id = {r.id: r for r in rows}
        self._all = self._sorted(rows)
        self._rows = self._filtered(self._all)
        self.endResetModel()
        self._release(held)

    def set_contacts_sorted_by_name(self, rows: list[ContactSummary],
                                    orders: dict[int, ColumnOrder] | None = None,
                                    by_id: dict[int, ContactSummary] | None = None) -> None:
        """Like set_contacts for rows already in name order (as the service returns them):
        skips the sort when the table is sorted by name, ascending. ``by_id`` may come
        precomputed from the loader thread."""
        if (self._sort_column, self._sort_order) != (NAME, _ASCENDING):
            self.set_contacts(rows, orders)
            return
        self.beginResetModel()
        held = self._held_containers()
        self._set_now()
        self._orders = ColumnOrders(_SORT_KEYS, orders)
        self._orders.set(NAME, (rows, []))
        self._by_id = by_id if by_id is not None else {r.id: r for r in rows}
        self._all = rows
        self._rows = self._filtered(self._all)
        self.endResetModel()
        self._release(held)

    def _held_containers(self) -> list:
        return [self._all, self._rows, self._by_id, *self._orders.containers()]

    def _release(self, old: list) -> None:
        """The rows replaced by a reload are freed on a thread of their own (ui/row_release.py):
        dropping 100,000 of them here held the GIL for 30-60 ms."""
        kept = {id(box) for box in self._held_containers()}
        release_later([box for box in old if id(box) not in kept])

    def set_filter(self, ids: Iterable[int] | None) -> None:
        """Show only these contacts (None: all), in the current sort order."""
        if ids is None and self._wanted is None:
            return  # every row shows already: no second reset after a reload
        self.beginResetModel()
        if ids is None:
            self._wanted = None
            self._rows = list(self._all)
        else:
            self._wanted = set(ids)
            self._rows = self._filtered(self._all)
        self.endResetModel()

    def upsert(self, rows: Iterable[ContactSummary]) -> None:
        """Add or replace these rows (after a create, edit or undo), keeping the sort.

        No re-sort: a row that stays in place is swapped in; others are taken out of the
        current column's order and put back in at their place (a binary search each), so a
        change costs a few list copies, not a sort of every row (600+ ms at 100,000)."""
        fresh = {r.id: r for r in rows}
        if not fresh or self._replace_in_place(fresh):
            return
        olds = [old for cid in fresh if (old := self._by_id.get(cid)) is not None]
        self._by_id.update(fresh)
        self._orders.change(self._sort_column, olds, list(fresh.values()))
        self._rebuild()

    def _replace_in_place(self, fresh: dict[int, ContactSummary]) -> bool:
        """Swap changed rows in where they are, when no row moves in the current order
        (logging a call changes "last contact", not the name the table is sorted by).

        False when a row is new or would move; the caller then moves it.
        """
        key = _SORT_KEYS[self._sort_column]
        olds = {cid: self._by_id.get(cid) for cid in fresh}
        if any(old is None or key(old) != key(fresh[cid]) for cid, old in olds.items()):
            return False
        self._orders.change(self._sort_column, list(olds.values()),  # type: ignore[arg-type]
                            list(fresh.values()), in_place=True)
        for cid, new in fresh.items():
            old = olds[cid]
            self._by_id[cid] = new
            with contextlib.suppress(ValueError):
                self._all[self._all.index(old)] = new  # type: ignore[arg-type]
            try:
                row = self._rows.index(old)  # type: ignore[arg-type]
            except ValueError:
                continue
            self._rows[row] = new
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        return True

    def remove(self, ids: Iterable[int]) -> None:
        """Take these contacts' rows out (after a delete), without re-sorting the rest."""
        gone = set(ids) & self._by_id.keys()
        if not gone:
            return  # nothing held: no reset
        olds = [self._by_id.pop(cid) for cid in gone]
        self._orders.change(self._sort_column, olds, [])
        self._rebuild()

    def get(self, contact_id: int) -> ContactSummary | None:
        """The row held for a contact (shown or filtered out), or None."""
        return self._by_id.get(contact_id)

    def total_count(self) -> int:
        return len(self._all)

    def all_rows(self) -> Sequence[ContactSummary]:
        return self._all

    def summary(self, row: int) -> ContactSummary:
        return self._rows[row]

    def row_of(self, contact_id: int) -> int:
        """The visible row of a contact, or -1."""
        target = self._by_id.get(contact_id)
        if target is None or (self._wanted is not None and contact_id not in self._wanted):
            return -1
        return find_row(self._rows, target, _SORT_KEYS[self._sort_column],
                        self._sort_order != _ASCENDING)

    def rows_of(self, contact_ids: Iterable[int]) -> list[int]:
        """The visible rows of these contacts, in their order (those not shown left out).
        Many at once (the 1,000 an undo brings back) in one pass over the rows: a binary
        search each cost 50 ms for 1,000 at 100,000 contacts."""
        ids = list(contact_ids)
        if len(ids) <= FEW_LOOKUPS:
            return [r for r in map(self.row_of, ids) if r >= 0]
        wanted = set(ids)
        at = {cid: i for i, cid in enumerate(map(_ROW_ID, self._rows)) if cid in wanted}
        return [at[cid] for cid in ids if cid in at]

    # -- helpers ------------------------------------------------------------------------------
    def _set_now(self) -> None:
        self._now = system_now()
        self._today = self._now.astimezone().date()

    def _rebuild(self) -> None:
        """``_all`` and the shown rows again from the current column's order: list copies,
        no sorting (unless that order was never worked out)."""
        if self._sort_column not in self._orders:
            self._orders.set(self._sort_column,
                             column_order(list(self._by_id.values()), self._sort_column))
        self.beginResetModel()
        self._all = self._sorted(self._all)
        self._rows = self._filtered(self._all)
        self.endResetModel()

    def _filtered(self, rows: list[ContactSummary]) -> list[ContactSummary]:
        wanted = self._wanted
        if wanted is None:
            return list(rows)
        return [r for r in rows if r.id in wanted]

    def _sorted(self, rows: list[ContactSummary]) -> list[ContactSummary]:
        column = self._sort_column
        descending = self._sort_order != _ASCENDING
        order = self._orders.get(column)
        if order is None:
            order = column_order(rows, column)
            self._orders.set(column, order)
        present, missing = order
        return [*reversed(present), *missing] if descending else [*present, *missing]


class RowsLoader(BackgroundJob):
    """Loads every table row off the GUI thread (seconds at 100,000 contacts, see
    docs/PERFORMANCE.md), and works out each column's sort order there too, so later sorts
    cost the GUI thread a list copy.

    ``fetch`` returns (rows, extra) over its own database connection and must not use Qt. A
    ``BackgroundJob`` (see ``netdesk.ui.background``): the worker is a plain Python thread and
    the GUI thread emits ``finished`` (``result`` holds ``(rows, extra, orders, by_id)``) or
    ``failed`` (``error`` holds the exception; ``failure_message()`` words it).
    """

    def __init__(self, fetch: Callable[[], tuple[list[ContactSummary], Any]],
                 parent=None) -> None:
        # The order work is pure Python: it steps aside while the GUI thread is busy (a
        # search typed during the load), see ui/gui_first.py.
        heartbeat = GuiHeartbeat()
        super().__init__(_rows_loading(fetch, heartbeat.pace_function()), parent,
                         name="netdesk-rows")
        heartbeat.setParent(self)
        self.finished.connect(heartbeat.stop)
        self.failed.connect(heartbeat.stop)
        from netdesk.services.errors import ServiceError  # here, on the GUI thread

        self._service_error = ServiceError

    def failure_message(self) -> str:
        if isinstance(self.error, self._service_error):
            return str(self.error)
        return f"Loading the contacts stopped because of an unexpected error: {self.error!r}"


def _rows_loading(fetch: Callable[[], tuple[list[ContactSummary], Any]],  # noqa: ANN202
                  pace: Callable[[], None]):
    def load(progress, cancelled) -> tuple:  # noqa: ANN001
        # No collection runs on this thread (automatic collection is off), and the GUI
        # thread runs no full one while a job builds its objects (ui/gui_gc.py, background.py).
        rows, extra = fetch()
        if names_need_sorting():
            rows = sorted_in_slices(rows, key=_name_key, pace=pace)
        orders = all_column_orders(rows, pace)
        pace()
        by_id = {r.id: r for r in rows}
        # The rows live as long as the window: keep them out of later full collections
        # (done here, since freezing walks every object: tens of ms on the GUI thread).
        gc.freeze()
        return rows, extra, orders, by_id

    return load
