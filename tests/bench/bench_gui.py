"""GUI benchmark at 100,000 contacts: start-up vs a bare Qt window, search keystrokes, sorting,
scrolling and memory.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_gui.py [--contacts 100000]
      [--data-dir DIR]  (reuses DIR when it already holds that many contacts)
Not a test: it prints medians for the issue notes.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

# A bare PySide6 window with a table, the yardstick for start-up.
BARE = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
    app = QApplication(sys.argv[:1])
    w = QMainWindow()
    table = QTableView()
    table.setModel(QStandardItemModel(0, 8))
    w.setCentralWidget(table)
    w.resize(1200, 760)
    class FirstPaint(QObject):
        def eventFilter(self, obj, ev):
            if ev.type() == QEvent.Type.Paint:
                print("painted", flush=True)
                QTimer.singleShot(0, app.quit)
                obj.removeEventFilter(self)
            return False
    f = FirstPaint()
    w.installEventFilter(f)
    w.show()
    app.exec()
""")

# The real start path (`python -m netdesk --data-dir D`), reporting its first paint.
NETDESK = textwrap.dedent("""
    import sys
    import netdesk.app as app_module
    real = app_module.compose
    def compose(data_dir):
        from PySide6.QtWidgets import QApplication, QTableView
        parts = real(data_dir)
        w = parts.window
        def painted():
            rows = w.findChild(QTableView, "contactsTable").model().rowCount()
            print("painted", rows, flush=True)
            QApplication.instance().quit()
        w.first_painted.connect(painted)
        return parts
    app_module.compose = compose
    from netdesk.cli import main
    sys.exit(main(["--data-dir", sys.argv[1]]))
""")


def fill(data_dir: Path, n: int) -> None:
    from bench_store import generate

    from netdesk.services.contacts import ContactService
    from netdesk.store.contacts import ContactRepository
    from netdesk.store.db import open_database

    db = open_database(data_dir)
    if ContactService(db).count() == n:
        return
    t0 = time.perf_counter()
    with db.engine.begin() as conn:
        ContactRepository(conn).add_many(generate(n))
    print(f"generated {n:,} contacts in {time.perf_counter() - t0:.1f} s")
    db.dispose()


def time_process(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PYTHONPATH": str(ROOT)}
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    proc.wait(60)
    if not line.startswith("painted"):
        raise RuntimeError(f"child did not paint: {line!r}")
    return elapsed


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:  # noqa: PLR0915
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument("--data-dir", type=Path)
    ap.add_argument("--starts", type=int, default=5)
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = None
    if args.data_dir is None:
        tmp = tempfile.TemporaryDirectory()
        args.data_dir = Path(tmp.name)
    fill(args.data_dir, args.contacts)

    # -- start-up, whole processes, alternating so both see the same machine state --------
    bare, real = [], []
    for _ in range(args.starts):
        bare.append(time_process(BARE))
        real.append(time_process(NETDESK, str(args.data_dir)))
    bare_s, real_s = statistics.median(bare), statistics.median(real)

    # -- in-process: keystrokes, clearing, sorting, scrolling, memory -----------------------
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QLineEdit, QTableView

    from netdesk.app import create_window

    app = QApplication(sys.argv[:1])
    t0 = time.perf_counter()
    window = create_window(args.data_dir)
    # Widgets by objectName, as the tests find them.
    table = window.findChild(QTableView, "contactsTable")
    model = table.model()
    contacts_list = window.findChild(QObject, "contactsList")
    warmed: list[bool] = []
    window.warmed_up.connect(lambda: warmed.append(True))
    window.show()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    # A 5 ms heartbeat: the longest gap is the longest the GUI thread was blocked.
    heartbeat = QTimer()
    heartbeat.timeout.connect(tick)
    heartbeat.start(5)
    # Until every row is loaded and the post-paint warm-up (imports, first due query) is done:
    # the heartbeat sees any stall the start-up work causes.
    while contacts_list.is_loading() or model.total_count() < args.contacts or not warmed:
        app.processEvents()
        time.sleep(0.001)
        if time.perf_counter() - t0 > 60:
            raise RuntimeError("rows never finished loading")
    full_load = time.perf_counter() - t0
    for _ in range(20):
        app.processEvents()
        time.sleep(0.005)
    heartbeat.stop()
    load_stall = max(gaps) if gaps else 0.0

    edit = window.findChild(QLineEdit, "searchEdit")
    edit.setFocus()
    key_times: list[float] = []
    clear_times: list[float] = []
    for word in ("lovelace", "müller", "okafor", "acme", "ada 1", "zzz", "a"):
        for ch in word:
            t = time.perf_counter()
            QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                                   Qt.KeyboardModifier.NoModifier, ch))
            app.processEvents()
            key_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape,
                                               Qt.KeyboardModifier.NoModifier))
        app.processEvents()
        clear_times.append(time.perf_counter() - t)
        assert model.rowCount() == args.contacts

    sort_times: dict[int, float] = {}
    for column in range(model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            t = time.perf_counter()
            table.sortByColumn(column, order)
            app.processEvents()
            sort_times[column] = max(sort_times.get(column, 0.0), time.perf_counter() - t)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    bar = table.verticalScrollBar()
    steps = 300
    scroll_times = []
    for i in range(steps + 1):
        t = time.perf_counter()
        bar.setValue(bar.maximum() * i // steps)
        app.processEvents()
        scroll_times.append(time.perf_counter() - t)

    t = time.perf_counter()
    table.selectRow(500)
    app.processEvents()
    select_first = time.perf_counter() - t
    t = time.perf_counter()
    table.selectRow(501)
    app.processEvents()
    select_next = time.perf_counter() - t

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.close()
    app.processEvents()

    rows = [
        ("contacts", f"{args.contacts:,}"),
        ("start: bare QMainWindow+QTableView process (median)", ms(bare_s)),
        ("start: netdesk process to first paint with rows (median)", ms(real_s)),
        ("start ratio netdesk / bare (budget <= 2.5)", f"{real_s / bare_s:.2f}"),
        ("all rows loaded (in-process, background thread)", ms(full_load)),
        ("longest GUI-thread stall while loading and warming up", ms(load_stall)),
        ("search keystroke -> table updated (median)", ms(statistics.median(key_times))),
        ("search keystroke (max)", ms(max(key_times))),
        ("clear search (Esc) -> all rows (median)", ms(statistics.median(clear_times))),
        ("clear search (max)", ms(max(clear_times))),
        ("sort by name (worst direction)", ms(sort_times[0])),
        ("sort by any column (worst)", ms(max(sort_times.values()))),
        ("scroll step top->bottom (median / max)",
         f"{ms(statistics.median(scroll_times))} / {ms(max(scroll_times))}"),
        ("select a contact -> detail pane (first / next)",
         f"{ms(select_first)} / {ms(select_next)}"),
        ("peak RSS", f"{peak_mb:.0f} MB"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"| {'measure'.ljust(width)} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for name, value in rows:
        print(f"| {name.ljust(width)} | {value} |")
    if tmp is not None:
        tmp.cleanup()
    sys.stdout.flush()
    # Skip interpreter teardown: PySide6 can crash collecting Qt objects at exit.
    os._exit(0)


if __name__ == "__main__":
    main()
