"""Sorting big lists on a worker thread without freezing the GUI thread.

``list.sort`` compares in C and never releases the GIL, so sorting 100,000 rows on a loader
thread stops the GUI thread for 100+ ms. Sorting slices (a few ms each) and merging them
with ``heapq.merge`` (Python bytecode, which yields the GIL every few milliseconds) gives
the same order while the GUI keeps painting.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
SLICE = 4000


def _nothing() -> None:
    return None


def sorted_in_slices(items: Sequence[T], key: Callable[[T], Any], size: int = SLICE,
                     pace: Callable[[], None] = _nothing) -> list[T]:
    """``sorted(items, key=key)``, stable, but never holding the GIL for long; ``pace()``
    is called between slices (ui/gui_first.py: the GUI thread goes first)."""
    if len(items) <= size:
        return sorted(items, key=key)
    runs = []
    for i in range(0, len(items), size):
        pace()
        runs.append(sorted(items[i : i + size], key=key))
    # heapq.merge takes from the earliest run on ties, so equal keys keep their input order.
    merged: list[T] = []
    for n, item in enumerate(heapq.merge(*runs, key=key)):
        if not n % size:
            pace()
        merged.append(item)
    return merged
