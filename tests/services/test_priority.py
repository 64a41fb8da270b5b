"""Background work runs at a lower priority than the window's GUI thread (Linux gives each
thread its own nice value): on two cores the scheduler then runs the GUI thread first."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from netdesk.services.priority import BACKGROUND_NICE, lower_this_thread

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="per-thread nice values are Linux's")


def _nice_of(tid: int) -> int:
    return os.getpriority(os.PRIO_PROCESS, tid)


@linux_only
def test_a_worker_thread_lowers_only_itself() -> None:
    main = _nice_of(threading.get_native_id())
    seen: dict[str, object] = {}

    def work() -> None:
        seen["lowered"] = lower_this_thread()
        seen["nice"] = _nice_of(threading.get_native_id())

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert seen == {"lowered": True, "nice": min(main + BACKGROUND_NICE, 19)}
    assert _nice_of(threading.get_native_id()) == main  # the caller's thread is untouched


@linux_only
def test_the_main_thread_is_never_lowered() -> None:
    before = _nice_of(threading.get_native_id())
    assert lower_this_thread() is False
    assert _nice_of(threading.get_native_id()) == before


def test_a_child_process_lowers_itself() -> None:
    code = ("import os; from netdesk.services.priority import lower_this_process; "
            "before = os.nice(0); lower_this_process(); print(os.nice(0) - before)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    expected = BACKGROUND_NICE if os.nice(0) + BACKGROUND_NICE <= 19 else 19 - os.nice(0)
    assert int(out) == expected
