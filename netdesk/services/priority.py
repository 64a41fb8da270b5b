"""Background work gives the CPU to the window first.

On a two-core machine the window's GUI thread shares the cores with a worker thread (a
load, an import, a long undo) and the duplicate finder's child process. Three busy tasks on
two cores: the scheduler left the GUI thread waiting 10-50 ms now and then, which showed as
stalls in tests/bench/bench_stalls.py. Workers and the child run at a lower priority (a
higher nice value), so the GUI thread runs as soon as it has something to do; with nothing
else to run they still get all the CPU they want.

Linux gives each thread its own nice value. Elsewhere the thread call does nothing.
"""

from __future__ import annotations

import os
import sys
import threading

BACKGROUND_NICE = 10


def lower_this_thread(by: int = BACKGROUND_NICE) -> bool:
    """Lower the calling worker thread's priority; False where that is not possible (not
    Linux, the main thread, or refused)."""
    if not hasattr(os, "setpriority") or not sys.platform.startswith("linux"):
        return False
    tid = threading.get_native_id()
    if tid == os.getpid():
        return False  # the main thread: that would be the window's own priority
    try:
        now = os.getpriority(os.PRIO_PROCESS, tid)
        os.setpriority(os.PRIO_PROCESS, tid, min(now + by, 19))
    except OSError:
        return False
    return True


def lower_this_process(by: int = BACKGROUND_NICE) -> bool:
    """Lower the priority of this whole process (the duplicate finder's child)."""
    try:
        os.nice(by)
    except (AttributeError, OSError):
        return False
    return True
