"""Letting a waiting GUI thread go first: the finder calls ``pace()`` every so many steps.

The finder is pure Python on a worker thread; the GUI thread's own Python work (filtering
100,000 rows for a keystroke) shares the GIL with it and, at CPython's fair switching, runs
at half speed or worse while the finder runs. Whoever runs the finder can install a pace
function for its thread (``pacing``) that sleeps while the GUI is busy; by default it does
nothing (the CLI, tests).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Steps between two calls of pace() in the finder's loops (a few milliseconds of work).
EVERY = 1024


def _nothing() -> None:
    return None


_local = threading.local()


def current() -> Callable[[], None]:
    """This thread's pace function (a no-op unless ``pacing`` installed one)."""
    return getattr(_local, "pace", _nothing)


@contextmanager
def pacing(pace: Callable[[], None]) -> Iterator[None]:
    previous = current()
    _local.pace = pace
    try:
        yield
    finally:
        _local.pace = previous
