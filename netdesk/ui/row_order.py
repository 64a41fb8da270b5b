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
    """A column's order without these rows (changed in place when they are few)."""
    if len(olds) <= FEW_ROWS:
        for old in olds:
            for rows in (present, missing):
                with contextlib.suppress(ValueError):
                    rows.remove(old)  # compares by identity first, in C
                    break
        return present, missing
    gone = {r.id for r in olds}
    return [r for r in present if r.id not in gone], [r for r in missing if r.id not in gone]


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
