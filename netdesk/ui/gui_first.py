"""Letting the GUI thread go first while a worker computes in Python.

Why: a worker that computes in pure Python (the duplicate finder, the rows loader working out
every column's sort order) shares the GIL with the GUI thread. CPython hands the GIL over
fairly, so while the worker runs, the GUI thread's own Python (a keystroke filtering rows, a
repaint's hundreds of ``data()`` calls, each a return from Qt that must get the GIL back)
runs at half speed or worse. A ``GuiHeartbeat`` is a timer on the GUI thread; its
``pace()`` function, called by the worker every few milliseconds of work, sleeps while the
heartbeat is late (the GUI thread is busy), so the GUI gets the GIL to itself. A heartbeat
older than GUI_GONE_S means no event loop runs (a modal wait, the window closing): the
worker then never waits.

``pace()`` only reads a plain list; it never touches Qt (it runs on the worker thread).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

BEAT_MS = 10
GUI_BUSY_S = 0.03  # the heartbeat this late: the GUI thread is busy
GUI_GONE_S = 1.0


class GuiHeartbeat(QObject):
    """A heartbeat on the GUI thread while a worker runs: ``pace_function()`` starts it and
    returns the worker's pace function; ``stop()`` when the worker is done."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(BEAT_MS)
        self._beat = [time.monotonic()]  # a plain list: the worker only reads it
        self._timer.timeout.connect(self._on_beat)

    def _on_beat(self) -> None:
        self._beat[0] = time.monotonic()

    def pace_function(self) -> Callable[[], None]:
        beat = self._beat
        beat[0] = time.monotonic()
        self._timer.start()

        def pace() -> None:
            waited = 0.0
            while GUI_BUSY_S < time.monotonic() - beat[0] < GUI_GONE_S and waited < GUI_GONE_S:
                time.sleep(0.002)
                waited += 0.002

        return pace

    def stop(self) -> None:
        self._timer.stop()

    def is_beating(self) -> bool:
        return self._timer.isActive()
