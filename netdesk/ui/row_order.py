"""Keeping the contacts table's per-column orders up to date without sorting again.

A column's order is (rows with a value, ascending by the column's key; rows without one).
After a delete, an edit or an undo only the rows concerned are taken out and put back in at
the place a sort would give them: a binary search each and a few list copies, where a sort
of 100,000 rows costs the GUI thread 600+ ms. Pure Python, no Qt.
"""

from __future__ import annotations

import bisect
import contextlib
from collections.abc import Callable, Sequence
from typing import Any

from netdesk.domain.summary import ContactSummary

# Up to this many rows are taken out or put in one at a time (list.remove/insert, in C);
# more go through one pass over each list.
FEW_ROWS = 16


Order = tuple[list[ContactSummary], list[ContactSummary]]


def without(present: list[ContactSummary], missing: list[ContactSummary],
            olds: Sequence[ContactSummary]) -> Order:
    """A column's order without these rows (new lists: one pass over each)."""
    gone = {r.id for r in olds}
    return [r for r in present if r.id not in gone], [r for r in missing if r.id not in gone]


def _position(present: list[ContactSummary], row: ContactSummary,
              key: Callable[[ContactSummary], Any]) -> int:
    """Where ``row`` itself is in ``present`` (found by a binary search on its key), or -1."""
    k = key(row)
    if not k:
        return -1
    i = bisect.bisect_left(present, k, key=key)
    while i < len(present) and present[i] is not row and key(present[i]) == k:
        i += 1  # past rows with an equal key
    return i if i < len(present) and present[i] is row else -1


def _take(present: list[ContactSummary], missing: list[ContactSummary], old: ContactSummary,
          key: Callable[[ContactSummary], Any]) -> None:
    i = _position(present, old, key)
    if i >= 0:
        del present[i]
        return
    for rows in (missing, present):
        with contextlib.suppress(ValueError):
            rows.remove(old)  # compares by identity first, in C
            return


def _swap(present: list[ContactSummary], missing: list[ContactSummary], old: ContactSummary,
          new: ContactSummary, key: Callable[[ContactSummary], Any]) -> None:
    i = _position(present, old, key)
    if i >= 0:
        present[i] = new
        return
    for rows in (missing, present):
        with contextlib.suppress(ValueError):
            rows[rows.index(old)] = new
            return


class ColumnOrders:
    """Each column's order. Only the column the table is sorted by is kept up to date at
    once; the others note what changed and catch up when next asked for (a sort by them):
    a change then costs one order's update, not eight."""

    def __init__(self, keys: dict[int, Callable[[ContactSummary], Any]],
                 orders: dict[int, Order] | None = None) -> None:
        self._keys = keys
        self._orders: dict[int, Order] = dict(orders or {})
        self._out: dict[int, set[int]] = {}  # column -> ids whose rows must go
        self._in: dict[int, dict[int, ContactSummary]] = {}  # column -> rows to put in

    def __contains__(self, column: int) -> bool:
        return column in self._orders

    def containers(self) -> list:
        """Every list and dict this holds rows in (for freeing them elsewhere)."""
        boxes: list = [box for order in self._orders.values() for box in order]
        return [*boxes, *self._in.values()]

    def set(self, column: int, order: Order) -> None:
        self._orders[column] = order
        self._out.pop(column, None)
        self._in.pop(column, None)

    def get(self, column: int) -> Order | None:
        order = self._orders.get(column)
        if order is None:
            return None
        out, new = self._out.pop(column, None), self._in.pop(column, None)
        if out:
            present, missing = order
            order = ([r for r in present if r.id not in out],
                     [r for r in missing if r.id not in out])
        if new:
            order = put_in_order(*order, list(new.values()), self._keys[column])
        self._orders[column] = order
        return order

    def change(self, current: int, olds: Sequence[ContactSummary],
               news: Sequence[ContactSummary], in_place: bool = False) -> None:
        """Rows ``olds`` are gone and ``news`` came (a changed row is in both). ``in_place``:
        each new row takes its old one's place in ``current`` (its key there is the same)."""
        for column in self._orders:
            if column == current:
                continue
            out, new = self._out.setdefault(column, set()), self._in.setdefault(column, {})
            for row in olds:
                out.add(row.id)
                new.pop(row.id, None)
            for row in news:
                out.add(row.id)
                new[row.id] = row
        order = self.get(current)
        if order is None:
            return
        key = self._keys[current]
        present, missing = order
        if in_place:
            by_id = {r.id: r for r in news}
            for old in olds:
                _swap(present, missing, old, by_id[old.id], key)
            return
        if len(olds) > FEW_ROWS:
            present, missing = without(present, missing, olds)
        else:
            for old in olds:
                _take(present, missing, old, key)
        self._orders[current] = put_in_order(present, missing, news, key)


def put_in_order(present: list[ContactSummary], missing: list[ContactSummary],
                 new: Sequence[ContactSummary], key: Callable[[ContactSummary], Any]) -> Order:
    """``new`` rows put into a column's order where a sort would put them: a binary search
    each, then one pass of slice copies (or ``insert`` for a few)."""
    placed = []
    for row in new:
        k = key(row)
        if k:
            placed.append((bisect.bisect_right(present, k, key=key), k, row))
        else:
            missing.append(row)
    if len(placed) <= FEW_ROWS:
        # Back to front, so the positions found before any insert stay right.
        for pos, _k, row in sorted(placed, key=_place, reverse=True):
            present.insert(pos, row)
        return present, missing
    placed.sort(key=_place)
    merged: list[ContactSummary] = []
    previous = 0
    for pos, _k, row in placed:
        merged += present[previous:pos]
        merged.append(row)
        previous = pos
    merged += present[previous:]
    return merged, missing


def _place(item: tuple) -> tuple:
    return item[0], item[1]


def find_row(rows: Sequence[ContactSummary], target: ContactSummary,
             key: Callable[[ContactSummary], Any], descending: bool = False) -> int:
    """Where ``target`` itself is in ``rows``, or -1. ``rows`` is a column's order, whole or
    filtered: the rows with a value for ``key`` (ascending, or descending), then those
    without. A binary search: ``list.index`` compares every row it passes with ``==``, tens
    of ms to find one row of 100,000 (and a sort or a reload looks up the selected ones).
    Rows out of that order (never expected) are still found, by a scan."""
    k = key(target)
    end = _first_without_value(rows, key)
    start, stop = end, len(rows)  # no value: among the last rows
    if k:
        start = _first_at_or_past(rows, k, key, end, descending)
        # Rows with an equal key ("Acme" on thousands of them): a C scan of just those.
        stop = _first_past(rows, k, key, start, end, descending)
    with contextlib.suppress(ValueError):
        return rows.index(target, start, stop)
    try:
        return rows.index(target)  # out of order (never expected): a scan of every row
    except ValueError:
        return -1


def _first_without_value(rows: Sequence[ContactSummary],
                         key: Callable[[ContactSummary], Any]) -> int:
    lo, hi = 0, len(rows)
    while lo < hi:
        mid = (lo + hi) // 2
        if key(rows[mid]):
            lo = mid + 1
        else:
            hi = mid
    return lo


def _first_past(rows: Sequence[ContactSummary], k: Any, key: Callable[[ContactSummary], Any],
                start: int, end: int, descending: bool) -> int:
    """The first index in ``rows[start:end]`` whose key comes after ``k`` in that order."""
    if not descending:
        return bisect.bisect_right(rows, k, start, end, key=key)
    lo, hi = start, end
    while lo < hi:
        mid = (lo + hi) // 2
        if key(rows[mid]) >= k:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _first_at_or_past(rows: Sequence[ContactSummary], k: Any,
                      key: Callable[[ContactSummary], Any], end: int, descending: bool) -> int:
    """The first index in ``rows[:end]`` whose key is not before ``k`` in that order."""
    if not descending:
        return bisect.bisect_left(rows, k, 0, end, key=key)
    lo, hi = 0, end
    while lo < hi:
        mid = (lo + hi) // 2
        if key(rows[mid]) > k:
            lo = mid + 1
        else:
            hi = mid
    return lo
