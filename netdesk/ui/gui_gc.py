"""Python's cyclic garbage collector, run on the GUI thread only.

Why: CPython runs a collection on whichever thread happens to allocate when a generation's
threshold is crossed. netdesk's workers (``ui/background.py``, the warm-up thread) are plain
Python threads that never touch Qt themselves, but an automatic collection that starts on one
of them frees *every* unreachable cycle, including ones that hold Qt objects (a closed dialog,
a lambda connected to a widget, a QTimer): their C++ destructors then run on the worker
thread. Qt prints "Timers cannot be stopped from another thread" and, now and then, the process
segfaults. That was the suite's flaky crash in ``test_background.py`` (the garbage of earlier
tests was collected on the job's worker thread) and a crash users could meet after an import.

So automatic collection is switched off for the whole process and the GUI thread collects
instead, from a timer, exactly the generations the automatic collector would have collected:
``gc.get_count()`` keeps counting while collection is disabled, so the usual thresholds still
decide. Worker threads then never run a collection, and every Qt object dies on the GUI thread.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from shiboken6 import isValid

# How often the GUI thread looks at the allocation counts: a check costs well under a
# microsecond, a young collection a fraction of a millisecond.
CHECK_INTERVAL_MS = 200
# ...but while a worker runs it may allocate a million objects between two checks, and a
# young collection walks all of them at once (20-280 ms measured at 100,000 contacts).
# Checking ten times as often cuts the same work into slices ten times smaller; when no job
# runs, the slow pace keeps an idle app from waking up 50 times a second.
BUSY_CHECK_INTERVAL_MS = 20

_collector: GuiThreadCollector | None = None
# Holds, counted per kind; changed by worker threads under _holds_lock (``+= 1`` on a dict
# item is a read, an add and a store: two threads can interleave and lose one, leaving a
# hold on for good).
# "full": full collections wait while a worker builds a large object graph (the 100k-row
# loader): one would walk millions of young objects on the GUI thread.
# "all": no collection at all while a worker allocates millions of tracked objects that form
# no cycles (the duplicate finder): even a young collection walks every object allocated since
# the last one, and a generation-1 collection during the finder at 100k took 0.1-0.3 s on the
# GUI thread. Whatever the GUI leaves behind meanwhile is collected after the job.
_holds = {"full": 0, "all": 0}
_holds_lock = threading.Lock()


@contextmanager
def _held(kind: str) -> Iterator[None]:
    with _holds_lock:
        _holds[kind] += 1
    try:
        yield
    finally:
        with _holds_lock:
            _holds[kind] -= 1


def full_collections_held() -> contextlib.AbstractContextManager[None]:
    """While inside, the GUI thread runs only generation-0 collections: a worker's live
    objects (the rows it builds, the batch it writes) pass through the young generations,
    and each generation-1 collection walked all that had gathered there, 100-600 ms on the
    GUI thread at 100,000 contacts (tests/bench/bench_stalls.py)."""
    return _held("full")


def all_collections_held() -> contextlib.AbstractContextManager[None]:
    """While inside, the GUI thread runs no collection at all (for short, cycle-free jobs)."""
    return _held("all")


# CPython skips a due full collection while the objects that reached the oldest generation
# since the last one are at most a quarter of those it held after it (long_lived_pending and
# long_lived_total in gcmodule.c): a full collection walks every object, and without that
# rule one ran every ten middle ones, 100 ms at a time on the GUI thread (measured when
# saving an edit, 2,000 contacts). The gc module does not expose those two numbers, so they
# are kept here: survivors of each middle collection, and the size after a full one.
_long_lived = {"total": 0, "pending": 0}


def collect_due_generations() -> int:
    """Collect the oldest generation whose allocation count has passed its threshold, as the
    automatic collector would; return that generation, or -1 when none was due."""
    if _holds["all"]:
        return -1
    thresholds = gc.get_threshold()
    counts = gc.get_count()
    oldest = 0 if _holds["full"] else 2
    for generation in range(oldest, -1, -1):
        threshold = thresholds[generation] if generation < len(thresholds) else 0
        if threshold and counts[generation] > threshold:
            if generation == 2 and _long_lived["pending"] < _long_lived["total"] / 4:
                continue  # not worth walking everything yet
            _collect(generation)
            return generation
    return -1


def _collect(generation: int) -> None:
    if generation == 2:
        gc.collect(2)
        _long_lived["total"] = len(gc.get_objects(2))
        _long_lived["pending"] = 0
    elif generation == 1:
        young = len(gc.get_objects(0)) + len(gc.get_objects(1))
        found = gc.collect(1)
        _long_lived["pending"] += max(young - found, 0)  # the survivors move to generation 2
    else:
        gc.collect(0)


class GuiThreadCollector(QObject):
    """Disables automatic collection and collects from a timer on the GUI thread."""

    def __init__(self, parent: QObject, interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self._idle_interval_ms = interval_ms
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._check)
        self._timer.start()

    def _check(self) -> None:
        collect_due_generations()
        busy = _holds["full"] or _holds["all"]
        wanted = min(BUSY_CHECK_INTERVAL_MS, self._idle_interval_ms) if busy else (
            self._idle_interval_ms
        )
        if self._timer.interval() != wanted:
            self._timer.setInterval(wanted)

    def check_interval_ms(self) -> int:
        """How often the allocation counts are looked at now (shorter while a job runs)."""
        return self._timer.interval()


def install_gui_thread_collector() -> GuiThreadCollector:
    """Install the collector once for the running QCoreApplication (idempotent)."""
    global _collector  # noqa: PLW0603 - one collector per process, like the gc module itself
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_gui_thread_collector needs a QApplication")
    if _collector is None or not isValid(_collector) or _collector.parent() is not app:
        _collector = GuiThreadCollector(app)
    gc.disable()  # again: something may have re-enabled it since
    return _collector
