"""Garbage cycles holding Qt objects die on the GUI thread, never on a worker thread."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import QTimer

from netdesk.ui.gui_gc import collect_due_generations, install_gui_thread_collector


class Holder:
    """A plain object in a reference cycle with a running QTimer."""


def _qt_garbage_cycle() -> weakref.ref:
    holder = Holder()
    holder.timer = QTimer()
    holder.timer.start(60_000)  # a running timer: stopping it off its thread makes Qt warn
    holder.timer.holder = holder  # the cycle: only the collector can free it
    return weakref.ref(holder)


@pytest.fixture
def collector(qapp):
    thresholds = gc.get_threshold()
    yield install_gui_thread_collector()
    gc.set_threshold(*thresholds)


def test_a_worker_thread_that_allocates_never_collects_qt_garbage(collector, qtbot) -> None:
    assert not gc.isenabled()
    ref = _qt_garbage_cycle()

    def allocate() -> None:
        # Far past every threshold: with automatic collection on, this thread would free the
        # cycle above and destroy its QTimer here ("Timers cannot be stopped from another
        # thread", which fails this test through qt_log_level_fail, or a segfault).
        junk = [[] for _ in range(300_000)]
        del junk

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert ref() is not None


def test_the_gui_thread_collects_what_is_due_from_its_timer(collector, qtbot) -> None:
    ref = _qt_garbage_cycle()
    gc.set_threshold(1, 1, 1)  # every generation due at once, so a few ticks reach the cycle
    qtbot.waitUntil(lambda: ref() is None, timeout=5000)


def test_nothing_is_collected_before_a_threshold_is_passed(collector) -> None:
    gc.collect()
    gc.set_threshold(1_000_000, 10, 10)
    assert collect_due_generations() == -1
    gc.set_threshold(1, 10, 10)
    [[] for _ in range(10)]  # a few allocations pass the young threshold
    assert collect_due_generations() == 0


def test_installing_twice_keeps_one_collector(collector) -> None:
    assert install_gui_thread_collector() is collector


def _pass_every_threshold() -> list:
    gc.set_threshold(1, 1, 1)
    gc.collect(1)
    gc.collect(1)  # each collection of generation 1 adds one to generation 2's count: now 2
    return [[] for _ in range(10)]  # live new objects: generation 0's count passes too


def test_no_full_collection_while_a_background_job_runs(collector, qtbot) -> None:
    import threading

    from netdesk.ui.background import BackgroundJob

    release = threading.Event()
    job = BackgroundJob(lambda progress, cancelled: release.wait(10))
    job.start()
    try:
        alive = _pass_every_threshold()
        assert gc.get_count()[2] > 1  # a full collection is due ...
        # ... but only the youngest generation is collected meanwhile.
        assert collect_due_generations() < 1
    finally:
        release.set()
        assert job.wait(5000)
    alive += _pass_every_threshold()
    from netdesk.ui.gui_gc import _long_lived

    _long_lived["pending"] = _long_lived["total"] + 1  # and enough has grown old for one
    assert collect_due_generations() == 2  # the job is over: the full collection runs


def test_young_collections_come_in_small_slices_while_a_job_runs(collector, qtbot) -> None:
    """A worker allocating fast would otherwise leave 200 ms of objects for each young
    collection on the GUI thread; while a job runs the counts are looked at every 20 ms."""
    import threading

    from netdesk.ui.background import BackgroundJob
    from netdesk.ui.gui_gc import BUSY_CHECK_INTERVAL_MS, CHECK_INTERVAL_MS

    assert collector.check_interval_ms() == CHECK_INTERVAL_MS
    release = threading.Event()
    job = BackgroundJob(lambda progress, cancelled: release.wait(10))
    job.start()
    try:
        qtbot.waitUntil(lambda: collector.check_interval_ms() == BUSY_CHECK_INTERVAL_MS,
                        timeout=2000)
    finally:
        release.set()
        assert job.wait(5000)
    qtbot.waitUntil(lambda: collector.check_interval_ms() == CHECK_INTERVAL_MS, timeout=2000)


def test_no_collection_at_all_while_a_cycle_free_job_holds_them(collector) -> None:
    from netdesk.ui.gui_gc import all_collections_held

    with all_collections_held():
        alive = _pass_every_threshold()
        assert collect_due_generations() == -1  # the finder's young objects are not walked
    alive += _pass_every_threshold()
    from netdesk.ui.gui_gc import _long_lived

    _long_lived["pending"] = _long_lived["total"] + 1
    assert collect_due_generations() == 2  # after it: collected as usual


def test_a_started_job_shortens_the_gil_switch_interval(qapp) -> None:
    import sys

    from netdesk.ui.background import GUI_SWITCH_INTERVAL_S, BackgroundJob

    before = sys.getswitchinterval()
    sys.setswitchinterval(0.005)  # CPython's default
    try:
        job = BackgroundJob(lambda progress, cancelled: None)
        job.start()
        assert job.wait(5000)
        # A GUI callback then waits at most ~1 ms for the GIL while a worker computes.
        assert sys.getswitchinterval() <= GUI_SWITCH_INTERVAL_S
    finally:
        sys.setswitchinterval(before)


def test_a_full_collection_waits_until_a_quarter_more_has_grown_old(collector) -> None:
    # As CPython decides: the oldest generation is collected when it is due AND what reached
    # it since the last full collection is more than a quarter of what it held after it.
    from netdesk.ui.gui_gc import _long_lived

    def ticks(n: int) -> list[int]:  # the collector's timer, n times, a little allocated each
        done = []
        for _ in range(n):
            keep.append([[] for _ in range(3)])
            done.append(collect_due_generations())
        return done

    keep: list = []
    gc.set_threshold(1, 1, 1)
    _long_lived["total"] = _long_lived["pending"] = 0
    old = [[i] for i in range(200_000)]  # long-lived objects, as a window's are
    assert 2 in ticks(10)  # the first full collection: nothing known yet
    total = _long_lived["total"]
    assert total >= 200_000
    assert 2 not in ticks(30)  # a few survivors: no walk over 200,000 objects for them
    assert 0 < _long_lived["pending"] < total / 4
    many = [[i] for i in range(total // 4 + 1_000)]  # now more than a quarter grows old
    assert 2 in ticks(10)
    assert _long_lived["pending"] < 100
    del old, many
