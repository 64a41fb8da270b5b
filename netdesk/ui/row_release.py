"""Freeing replaced table rows on a thread of their own, a slice at a time.

Why: after an import, its undo or any other reload the model swaps 100,000 rows for new
ones, and dropping the old ones frees over a million objects (each row's tuple, strings,
dates) in ONE C call that holds the GIL: 30-60 ms on the GUI thread, measured with 110,000
rows. Handed to a plain thread instead, they are freed ``STEP`` at a time, and the GUI
thread gets the GIL between slices. The rows are plain Python values (``ContactSummary``:
ints, strings, tuples, datetimes); never hand this anything that holds a Qt object, whose
destructor must run on the GUI thread (ui/gui_gc.py).
"""

from __future__ import annotations

import threading
import time

STEP = 2000


def release_later(containers: list) -> None:
    """Empty these lists, dicts and sets on a worker thread, then drop them. The caller
    must hold no other reference it still uses: they are emptied in place."""
    if containers:
        threading.Thread(target=_empty, args=(containers,), name="netdesk-release",
                         daemon=True).start()


def _empty(containers: list) -> None:
    while containers:
        box = containers.pop()
        if isinstance(box, list):
            while box:
                del box[-STEP:]
                time.sleep(0)  # let the GUI thread have the GIL between slices
        elif isinstance(box, dict | set):
            pop = box.popitem if isinstance(box, dict) else box.pop
            while box:
                for _ in range(min(STEP, len(box))):
                    pop()
                time.sleep(0)
        del box
