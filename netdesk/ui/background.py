"""Work off the GUI thread without any other thread touching Qt: ``BackgroundJob``.

Why: PySide6 (6.11+) creates its Python types lazily, on first use. With the import and the
contacts loader running as ``QThread`` subclasses (their Python ``run()`` emitting signals,
i.e. running inside shiboken), the test suite crashed now and then: the GUI thread segfaulted
while entering a Python ``eventFilter`` override (lazily creating or dispatching through a
type) while the worker was inside shiboken too. Turning lazy types off
(``PYSIDE6_OPTION_LAZY=0``) hid the race but cost start-up time (docs/PERFORMANCE.md).

The rule this module enforces instead: **no thread but the GUI thread touches PySide6 or
shiboken at all.** The work runs in a plain ``threading.Thread`` executing pure Python. It
never sees a QObject: it gets two plain callables, ``progress(done, total)`` (stores the
latest pair in a plain attribute) and ``cancelled()`` (reads a ``threading.Event``), and leaves
its result or exception in a plain Python object. The GUI thread polls that object with a
``QTimer`` it owns and emits this job's signals itself, so every slot runs on the GUI thread
and no signal is ever emitted from, or queued across, another thread. The timer is a child
of the job: once the job is deleted nothing fires, and the worker, which holds no Qt object,
just finishes; its state is released later, on the GUI thread.

Keep it that way: ``fn`` must not use Qt, and must not close over QObjects (the worker could
then end up dropping the last reference to one on its own thread).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from netdesk.services.priority import lower_this_thread
from netdesk.ui.gui_gc import full_collections_held

# While a worker computes, each Python callback on the GUI thread (a timer, every data() call
# of a repaint, a keystroke's handler, each row an SQLite query hands back) first waits for
# the GIL, up to one switch interval (CPython's default: 5 ms). Hundreds of callbacks then
# add up to a visible stall; at 1 ms they do not, and the worker's cost is a few more
# switches a second (measured on the duplicate finder at 100k: tests/bench).
GUI_SWITCH_INTERVAL_S = 0.001

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]
JobFn = Callable[[ProgressFn, CancelledFn], object]


class _State:
    """Everything the worker thread shares with the GUI thread: plain Python, no Qt.

    Single attribute stores and loads are atomic under the GIL; ``done`` is set last, so once
    the GUI thread sees it, ``result``/``error`` and the final ``progress`` are in place."""

    __slots__ = ("cancel", "done", "error", "fn", "progress", "result")

    def __init__(self, fn: JobFn) -> None:
        self.fn: JobFn | None = fn
        self.cancel = threading.Event()
        self.progress: tuple[int, int] | None = None
        self.result: object = None
        self.error: BaseException | None = None
        self.done = False


def _run(state: _State) -> None:
    """The worker thread's whole life: pure Python, never a Qt call."""

    def progress(done: int, total: int) -> None:
        state.progress = (int(done), int(total))

    fn = state.fn
    lower_this_thread()  # the GUI thread goes first on a busy machine (services/priority.py)
    try:
        # Jobs build big object graphs (100k rows, the duplicate finder's keys): a full
        # collection on the GUI thread meanwhile would walk all of them (1.5 s stalls were
        # measured), so only young collections run until the job ends (ui/gui_gc.py).
        with full_collections_held():
            state.result = fn(progress, state.cancel.is_set)  # type: ignore[misc]
    except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, which reports it
        state.error = exc
    finally:
        # The GUI thread drops ``fn`` (see BackgroundJob._poll); dropping it here could free
        # whatever it closes over on this thread.
        del fn
        state.done = True


# While a worker runs, the interpreter switches threads every 0.5 ms instead of every 5 ms.
# The GUI thread gives the GIL up on every call into Qt and must get it back on return; with
# a busy worker each such return waited up to a whole switch interval, so one event-loop turn
# of a few dozen Qt calls took hundreds of ms (measured with tests/bench/bench_stalls.py
# during an export of 100,000 contacts).
JOB_SWITCH_INTERVAL_S = 0.0005
_switch = {"jobs": 0, "before": 0.0}


def _job_started() -> None:
    if _switch["jobs"] == 0:
        _switch["before"] = sys.getswitchinterval()
        sys.setswitchinterval(min(JOB_SWITCH_INTERVAL_S, _switch["before"]))
    _switch["jobs"] += 1


def _job_ended() -> None:
    _switch["jobs"] -= 1
    if _switch["jobs"] == 0:
        sys.setswitchinterval(_switch["before"])


# Every started job's state until its thread has ended, so that whatever ``fn`` closes over is
# never released on the worker thread, even if the job is deleted while the worker runs: the
# GUI thread drops the last reference when it reaps the entry (on the next start or poll).
_running: dict[_State, threading.Thread] = {}


def _reap() -> None:
    for state in [s for s, t in _running.items() if not t.is_alive()]:
        del _running[state]


class BackgroundJob(QObject):
    """Runs ``fn(progress, cancelled)`` on a plain (non-daemon) Python thread.

    ``progressed(done, total)``, ``finished()`` (``result`` holds fn's return value) and
    ``failed()`` (``error`` holds the exception) are emitted on the GUI thread only, from a
    timer polling every ``poll_ms``. ``cancel()`` makes ``cancelled()`` return True; ``fn``
    decides what to do about it.
    """

    progressed = Signal(int, int)
    finished = Signal()
    failed = Signal()

    def __init__(self, fn: JobFn, parent: QObject | None = None, poll_ms: int = 30,
                 name: str = "netdesk-job") -> None:
        super().__init__(parent)
        self._state = _State(fn)
        self._name = name
        self._thread: threading.Thread | None = None
        self._last_progress: tuple[int, int] | None = None
        self._delivered = False
        self.result: object = None
        self.error: BaseException | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self._poll)

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("a BackgroundJob runs once")
        _reap()
        if sys.getswitchinterval() > GUI_SWITCH_INTERVAL_S:
            sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
        self._thread = threading.Thread(target=_run, args=(self._state,), name=self._name)
        _running[self._state] = self._thread
        _job_started()  # on the GUI thread, as _job_ended is
        self._thread.start()
        self._timer.start()

    def cancel(self) -> None:
        self._state.cancel.set()

    def is_cancelled(self) -> bool:
        return self._state.cancel.is_set()

    def is_running(self) -> bool:
        """Started, and its end not yet delivered (``finished``/``failed`` not yet emitted)."""
        return self._thread is not None and not self._delivered

    def join(self, ms: int | None = None) -> bool:
        """Block until the worker is done (``ms=None``: no limit), leaving the delivery of its
        outcome to the timer (like ``QThread.wait``). True if the worker has finished."""
        if self._thread is None:
            return True
        self._thread.join(None if ms is None else max(ms, 0) / 1000)
        return not self._thread.is_alive()

    def wait(self, ms: int | None = None) -> bool:
        """Block until the worker is done (``ms=None``: no limit), then deliver its outcome
        now, so the signals have fired on return. True if the worker has finished."""
        if not self.join(ms):
            return False
        self._poll()
        return True

    def _poll(self) -> None:
        if self._delivered:
            return
        state = self._state
        done = state.done  # read first: once True, the final progress is already stored
        pair = state.progress
        if pair is not None and pair != self._last_progress:
            self._last_progress = pair
            self.progressed.emit(*pair)
            if self._delivered:  # a slot called wait() and delivered the end already
                return
        if not done:
            return
        self._delivered = True
        _job_ended()
        self._timer.stop()
        if self._thread is not None:
            self._thread.join()  # ``done`` is set at the very end; this returns at once
        _reap()
        state.fn = None  # drop fn (and what it closes over) here, on the GUI thread
        self.result, self.error = state.result, state.error
        state.result = state.error = None
        if self.error is None:
            self.finished.emit()
        else:
            self.failed.emit()

