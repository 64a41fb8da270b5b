"""WAL checkpoints on a thread of their own, so no commit in the window pays for one.

Why: in WAL mode SQLite copies the log's pages back into the database file (a checkpoint)
whenever a commit leaves the log over 1,000 pages, and that commit waits for it: the copy and
its fsync. Measured on a 100,000-contact store on this machine: a checkpoint of 1,352 pages
took 487 ms, and one delete in the window was stuck in ``commit`` for 331 ms
(tests/bench/bench_stalls.py). With the window's connections set to
``wal_autocheckpoint=0`` its commits only append to the log, and this thread checkpoints a
moment after each write (and every ``IDLE_S`` seconds) from its own connection. A PASSIVE
checkpoint never blocks readers or the writer, and sqlite3 lets go of the GIL while it runs,
so the GUI thread keeps going. Plain Python and sqlite3, no Qt.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger(__name__)

# A safety net for writes that do not nudge (plain sqlite3 connections): the log is never
# left to grow for longer than this.
IDLE_S = 30.0
# After a nudge, wait this long for the rest of a burst of writes (an undo writes twice).
SETTLE_S = 0.2


class WalCheckpointer:
    """Checkpoints ``path``'s write-ahead log from a daemon thread: after ``nudge()``
    (a short settle later) and every ``idle_s`` seconds. ``close()`` stops it."""

    def __init__(self, path: Path, idle_s: float = IDLE_S, settle_s: float = SETTLE_S) -> None:
        self.path = Path(path)
        self.idle_s, self.settle_s = idle_s, settle_s
        self.checkpoints = 0  # how many ran (tests wait on it)
        self.last_result: tuple[int, int, int] | None = None  # (busy, log pages, copied)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="netdesk-checkpoint",
                                        daemon=True)
        self._thread.start()

    def nudge(self) -> None:
        """Something was written: checkpoint soon."""
        self._wake.set()

    def close(self, timeout_s: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not threading.current_thread():
            self._thread.join(timeout_s)

    def is_running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        con: sqlite3.Connection | None = None
        try:
            while not self._stop.is_set():
                self._wake.wait(self.idle_s)
                if self._stop.wait(self.settle_s):
                    break
                self._wake.clear()
                con = con or self._connect()
                if con is not None:
                    self._checkpoint(con)
        finally:
            if con is not None:
                con.close()

    def _connect(self) -> sqlite3.Connection | None:
        try:
            return sqlite3.connect(self.path, timeout=0, check_same_thread=False)
        except sqlite3.Error as exc:  # the next nudge tries again
            log.debug("checkpointer cannot open %s: %s", self.path, exc)
            return None

    def _checkpoint(self, con: sqlite3.Connection) -> None:
        try:
            row = con.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error as exc:  # busy or gone: the next nudge or the idle timer retries
            log.debug("checkpoint of %s skipped: %s", self.path, exc)
            return
        self.last_result = tuple(row) if row else None  # type: ignore[assignment]
        self.checkpoints += 1
