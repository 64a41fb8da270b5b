"""Work spread over event-loop turns, in the order it came.

A job is a callable. One that returns nothing is done when it returns; one that returns a
generator goes on in later turns, one step per turn (each ``yield`` hands the turn back, so
the window repaints and answers in between). Jobs that arrive while one is still going wait
for it: a change applied to the table never overtakes the one before it.

Why: applying a change to 1,000 of 100,000 contacts (reading their rows, re-ordering the
table, selecting them again) took 120-170 ms in one turn; in three turns none is over 40 ms
(issue 15, docs/PERFORMANCE.md).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer

Job = Callable[[], Iterator[None] | None]


class TurnQueue(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._current: Iterator[None] | None = None
        self._waiting: deque[Job] = deque()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next_turn)

    def run(self, job: Job) -> None:
        """Start ``job`` now, or after the jobs still going or waiting."""
        if self.busy():
            self._waiting.append(job)
        else:
            self._start(job)

    def busy(self) -> bool:
        return self._current is not None or bool(self._waiting)

    def _start(self, job: Job) -> None:
        try:
            steps = job()
        except BaseException:
            if self._waiting:  # a failing job must not wedge the ones after it either
                self._timer.start()
            raise
        if steps is not None:
            self._current = steps
            self._advance()
        elif self._waiting:
            self._timer.start()

    def _advance(self) -> None:
        try:
            next(self._current)  # type: ignore[arg-type]
        except StopIteration:
            self._current = None
        except BaseException:
            # A failing step must not wedge the queue: the next job still runs.
            self._current = None
            if self._waiting:
                self._timer.start()
            raise
        if self.busy():
            self._timer.start()

    def _next_turn(self) -> None:
        if self._current is not None:
            self._advance()
        elif self._waiting:
            self._start(self._waiting.popleft())
