"""Does the window stay responsive while the duplicate finder runs over 100,000 contacts?

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_duplicates_gui.py [--contacts 100000]

Fills a store with the planted book of bench_duplicates.py, opens the real window
(``create_window``), lets the start-up finder run finish, then starts the finder again from the
Duplicates view (it runs on a worker thread) and, while it runs, measures how late a 5 ms
timer on the GUI thread fires and how long search keystrokes take to update the table; the
same measurement with nothing running comes first, as the baseline of this machine now.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--quiet", type=float, default=6.0, help="seconds measured idle first")
    args = parser.parse_args()

    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

    from netdesk.store.contacts import ContactRepository
    from netdesk.store.db import open_database
    from tests.helpers.planted import planted_book

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        database = open_database(data_dir)
        with database.engine.begin() as conn:
            ContactRepository(conn).add_many(planted_book(args.contacts).contacts)
        database.dispose()

        from netdesk.app import create_window

        window = create_window(data_dir)
        window.resize(1280, 800)
        window.show()
        view = window.findChild(QWidget, "duplicatesView")
        search = window.findChild(QLineEdit, "searchEdit")

        def settle(seconds: float) -> None:
            # The real event loop, as the app runs it (QTest.qWait sleeps 10 ms between its
            # rounds of processEvents, which alone made the 5 ms timer ~6 ms late).
            loop = QEventLoop()
            QTimer.singleShot(int(seconds * 1000), loop.quit)
            loop.exec()

        settle(3)
        while view.is_busy():  # the start-up run
            settle(0.2)

        def measure(running) -> tuple[list[float], list[tuple[float, str]]]:  # noqa: ANN001
            """A 5 ms timer's lateness between keystrokes (a stall of the window that no
            keystroke explains) and the search keystrokes themselves (one every 0.25 s, "" =
            the field cleared; each blocks the timer for as long as it takes) while
            ``running()``."""
            ticks: list[tuple[int, int]] = []  # (when due, when it fired), in ms
            clock = QElapsedTimer()
            clock.start()
            expected = [clock.elapsed() + 5]

            def tick() -> None:
                now = clock.elapsed()
                ticks.append((expected[0], now))
                expected[0] = now + 5

            timer = QTimer()
            timer.setInterval(5)
            timer.setTimerType(Qt.TimerType.PreciseTimer)
            timer.timeout.connect(tick)
            timer.start()
            keystrokes: list[tuple[float, str]] = []
            typing: list[tuple[int, int]] = []  # (start, end) of each keystroke, in ms
            letters = iter("maxlenatiopkrsue" * 40)
            while running():
                settle(0.25)
                began, start = time.perf_counter(), clock.elapsed()
                if len(search.text()) >= 3:
                    search.clear()
                else:
                    QTest.keyClicks(search, next(letters))
                app.processEvents()
                typing.append((start, clock.elapsed()))
                keystrokes.append(((time.perf_counter() - began) * 1000, search.text()))
            # A tick that waited for one of our keystrokes is that keystroke's cost (reported
            # with the keystrokes); the rest are stalls nothing we did explains.
            lateness = [
                max(0.0, fired - due)
                for due, fired in ticks
                if not any(start <= fired and end >= due for start, end in typing)
            ]
            timer.stop()
            search.clear()
            return lateness, keystrokes

        # The same keystrokes with nothing running: what the search alone costs right now
        # (the machine may be busy with other work; compare, don't read absolutes).
        quiet_end = time.perf_counter() + args.quiet
        quiet = measure(lambda: time.perf_counter() < quiet_end)
        started = time.perf_counter()
        view.refresh()
        busy = measure(view.is_busy)
        finder = time.perf_counter() - started
        window.close()

    print(f"{args.contacts:,} contacts; finder run from the view: {finder:.2f} s wall")
    for what, (lateness, keystrokes) in (("idle", quiet), ("finder running", busy)):
        _report(what, lateness, keystrokes)


def _report(what: str, lateness: list[float], keystrokes: list[tuple[float, str]]) -> None:
    lateness = sorted(lateness)
    p99 = lateness[int(len(lateness) * 0.99)] if lateness else 0.0
    print(f"{what}: 5 ms GUI timer between keystrokes: {len(lateness)} ticks, median lateness "
          f"{statistics.median(lateness):.1f} ms, p99 {p99:.1f} ms, worst {lateness[-1]:.1f} ms")
    if keystrokes:
        took = [ms for ms, _text in keystrokes]
        worst = max(keystrokes)
        print(f"{what}: search keystrokes: {len(keystrokes)}, median "
              f"{statistics.median(took):.1f} ms, worst {worst[0]:.1f} ms ({worst[1]!r})")

if __name__ == "__main__":
    main()
