"""The window while 100,000 selected contacts are tagged, and while that is undone and redone:
the longest event-loop stall (a 5 ms timer's lateness) of each, and the time it takes until
recorded (run: QT_QPA_PLATFORM=offscreen python -m tests.bench.bench_tags_gui DATA_DIR).

DATA_DIR must hold a filled store (e.g. one written by bench_store's ``fill``). Figures on
a shared machine are noisy."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication


class StallProbe:
    def __init__(self) -> None:
        self.worst = 0.0
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self._last - 0.005)
        self._last = now

    def start(self) -> None:
        self.worst, self._last = 0.0, time.perf_counter()
        self.timer.start()


def main() -> None:
    app = QApplication(sys.argv)
    from netdesk.app import compose

    parts = compose(Path(sys.argv[1]))
    parts.window.show()
    parts.contacts_list.wait_until_loaded(120_000)
    ids = parts.contacts.search_ids("")
    controller = parts.window.findChild(QObject, "tagsController")
    probe = StallProbe()

    def measure(what: str, action, running) -> None:  # noqa: ANN001
        probe.start()
        t0 = time.perf_counter()
        action()
        while running():
            app.processEvents()
            time.sleep(0.001)
        done = time.perf_counter() - t0
        for _ in range(50):
            app.processEvents()
        print(f"{what}: {done:.1f} s until recorded; worst stall {probe.worst * 1000:.0f} ms",
              flush=True)

    measure(f"tag {len(ids):,} selected", lambda: controller.add_tag("bench bulk", ids),
            lambda: parts.runner.pending() is not None)
    measure("undo", parts.runner.undo, lambda: parts.runner.pending() is not None)
    measure("redo", parts.runner.redo, lambda: parts.runner.pending() is not None)
    measure("undo again (clean up)", parts.runner.undo,
            lambda: parts.runner.pending() is not None)
    parts.window.close()


if __name__ == "__main__":
    main()
