"""Soak test: the real main window, driven through the event loop by thousands of user actions.

    QT_QPA_PLATFORM=offscreen python -X faulthandler tests/soak/soak.py [--contacts 10000]
        [--actions 20000] [--seed 1]

It builds a store of generated contacts (with due follow-ups) in a temporary data dir, opens
the window with ``netdesk.app.create_window`` and mixes: search keystrokes, clearing the
search, selecting rows, opening and saving the editor, delete + undo + redo, Today Done /
Snooze / Undo, logging an interaction, a small import and an export. Widgets are found by
objectName, as a user finds them by sight. It reports actions per second, RSS and
``sys.getrefcount(None)`` at start and end, and exits non-zero on a Python exception (in any
thread), a Qt critical message, RSS growth over ``--max-rss-growth-mb`` (50), or a fall of the
None count by more than 1,000 (a PySide6 release that leaks None, see
tests/stability/test_pyside_canary.py). A crash is a non-zero exit by itself; run it under
``-X faulthandler`` to get the stack.

Not part of pytest: ``make test`` runs a short version (2,000 actions over 2,000 contacts),
``make soak`` the full one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIRST = ["Ada", "Grace", "Zoë", "Łukasz", "Amara", "José", "Hannah", "Иван", "Mei", "Søren"]
LAST = ["Lovelace", "Hopper", "Quinn", "Nowak", "Okafor", "García", "Berg", "Petrov", "Chen"]
LETTERS = "abcdefghijklmnoprstuvwyz"


def rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def cards(count: int, start: int = 0, uid_prefix: str = "soak") -> str:
    out = []
    for i in range(start, start + count):
        first, last = FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)]
        out.append(
            "BEGIN:VCARD\r\nVERSION:3.0\r\n"
            f"UID:urn:uuid:{uid_prefix}-{i}\r\nFN:{first} {last} {i}\r\nN:{last};{first};;;\r\n"
            f"EMAIL;TYPE=work:{first.lower()}.{i}@example.org\r\n"
            f"TEL;TYPE=cell:+49 170 {i:07d}\r\nORG:Company {i % 97}\r\n"
            f"NOTE:Met at meetup {i % 13}\r\nEND:VCARD\r\n")
    return "".join(out)


def build_store(data_dir: Path, contacts: int) -> None:
    from netdesk.domain.clock import SystemClock
    from netdesk.services.activity import ActivityService
    from netdesk.services.contacts import ContactService
    from netdesk.services.transfer import TransferService
    from netdesk.store.db import open_database

    database = open_database(data_dir)
    TransferService(database).import_bytes(cards(contacts).encode(), "soak.vcf")
    service = ContactService(database)
    activity = ActivityService(database, SystemClock(), dt.UTC)
    now = dt.datetime.now(dt.UTC)
    ids = [s.id for s in service.summaries()]
    for n, cid in enumerate(ids[:: max(1, len(ids) // 60)]):
        activity.add_followup(cid, now - dt.timedelta(hours=n + 1), f"follow up {n}")
    service.close()
    database.dispose()


class Soak:
    """Drives one window; every action returns after the event loop has handled it."""

    def __init__(self, app, window, rng: random.Random, work_dir: Path) -> None:  # noqa: ANN001
        from PySide6.QtGui import QAction
        from PySide6.QtWidgets import QLineEdit, QMenu, QTableView

        self.app, self.window, self.rng, self.work_dir = app, window, rng, work_dir
        self.search = window.findChild(QLineEdit, "searchEdit")
        self.table = window.findChild(QTableView, "contactsTable")
        self.actions = {name: window.findChild(QAction, name) for name in (
            "editAction", "deleteAction", "undoAction", "redoAction", "exportAction",
            "logInteractionAction")}
        missing = [n for n, a in self.actions.items() if a is None]
        missing += [n for n, w in (("searchEdit", self.search), ("contactsTable", self.table))
                    if w is None]
        if missing:
            raise SystemExit(f"soak: widgets not found by objectName: {missing}")
        menu = window.findChild(QMenu, "viewMenu")
        self.view_actions = {a.text().replace("&", ""): a for a in menu.actions() if a.text()}
        self.import_count = 0

    # -- helpers ----------------------------------------------------------------------------
    def pump(self, ms: int = 0) -> None:
        from PySide6.QtTest import QTest

        self.app.processEvents()
        if ms:
            QTest.qWait(ms)

    def wait_for(self, condition: Callable[[], bool], timeout_s: float = 30.0) -> bool:
        end = time.monotonic() + timeout_s
        while time.monotonic() < end:
            if condition():
                return True
            self.pump(5)
        return False

    def show_view(self, word: str) -> None:
        for text, action in self.view_actions.items():
            if word in text:
                action.trigger()
                self.pump()
                return

    def visible_dialog(self, name: str):  # noqa: ANN201
        from PySide6.QtWidgets import QApplication, QDialog

        for w in QApplication.topLevelWidgets():
            if isinstance(w, QDialog) and w.objectName() == name and w.isVisible():
                return w
        return None

    def drop_files(self, paths: list[Path]) -> None:
        """Drag files from a file manager and drop them on the window."""
        from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
        from PySide6.QtGui import QDragEnterEvent, QDropEvent
        from PySide6.QtWidgets import QApplication

        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
        enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(self.window, enter)
        if not enter.isAccepted():
            raise RuntimeError("the window refused the dropped files")
        drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime,
                          Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(self.window, drop)

    def select_random_row(self) -> bool:
        model = self.table.model()
        if not model.rowCount():
            return False
        self.table.setFocus()
        self.table.selectRow(self.rng.randrange(model.rowCount()))
        self.pump()
        return True

    # -- actions ----------------------------------------------------------------------------
    def type_search(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        self.show_view("All contacts")
        if len(self.search.text()) > 3:
            QTest.keyClick(self.search, Qt.Key.Key_Backspace)
        else:
            QTest.keyClicks(self.search, self.rng.choice(LETTERS))
        self.pump()

    def clear_search(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(self.search, Qt.Key.Key_Escape)
        self.pump()

    def select_row(self) -> None:
        self.show_view("All contacts")
        self.select_random_row()

    def edit_and_save(self) -> None:
        from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

        self.show_view("All contacts")
        if not self.select_random_row():
            return
        self.actions["editAction"].trigger()
        editor = None
        if self.wait_for(lambda: self.visible_dialog("contactEditor") is not None, 5):
            editor = self.visible_dialog("contactEditor")
        if editor is None:
            raise RuntimeError("the editor did not open")
        edits = [e for e in editor.findChildren(QLineEdit) if e.isVisible() and e.isEnabled()
                 and e.text()]
        if edits:
            field = edits[0]
            field.setText(field.text().rstrip("!") + ("!" if self.rng.random() < 0.5 else ""))
        buttons = editor.findChild(QDialogButtonBox, "editorButtons")
        buttons.button(QDialogButtonBox.StandardButton.Save).click()
        if not self.wait_for(lambda: not editor.isVisible(), 5):
            raise RuntimeError("the editor did not close after Save")

    def delete_undo_redo(self) -> None:
        self.show_view("All contacts")
        if not self.select_random_row():
            return
        for name in ("deleteAction", "undoAction", "redoAction", "undoAction"):
            action = self.actions[name]
            if action.isEnabled():
                action.trigger()
                self.pump()

    def today(self) -> None:
        from PySide6.QtWidgets import QPushButton, QTableView, QToolButton

        self.show_view("Today")
        table = self.window.findChild(QTableView, "followUpsTable")
        if table is None or not table.model().rowCount():
            return
        table.setFocus()
        table.selectRow(self.rng.randrange(table.model().rowCount()))
        self.pump()
        if self.rng.random() < 0.5:
            button = self.window.findChild(QPushButton, "doneButton")
            if button is not None and button.isEnabled():
                button.click()
        else:
            button = self.window.findChild(QToolButton, "snoozeButton") or \
                self.window.findChild(QPushButton, "snoozeButton")
            if button is not None and button.isEnabled() and button.menu() is not None:
                button.menu().actions()[0].trigger()
        self.pump()
        undo = self.window.findChild(QPushButton, "undoButton")
        if undo is not None and undo.isVisible() and undo.isEnabled():
            undo.click()  # keep the due list from draining over 20,000 actions
        self.pump()

    def log_interaction(self) -> None:
        from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit, QTextEdit

        self.show_view("All contacts")
        if not self.select_random_row():
            return
        self.actions["logInteractionAction"].trigger()
        if not self.wait_for(lambda: self.visible_dialog("logInteractionDialog") is not None, 5):
            raise RuntimeError("the log dialog did not open")
        dialog = self.visible_dialog("logInteractionDialog")
        for kind in (QPlainTextEdit, QTextEdit):
            note = dialog.findChild(kind, "noteEdit")
            if note is not None:
                note.setPlainText("talked about the next meetup")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        if not self.wait_for(lambda: not dialog.isVisible(), 5):
            raise RuntimeError("the log dialog did not close")

    def small_import(self) -> None:
        from PySide6.QtWidgets import QPushButton

        path = self.work_dir / f"import-{self.import_count % 5}.vcf"
        # Five files re-imported in turn: the first round creates, later ones change nothing.
        path.write_text(cards(3, start=self.import_count % 5 * 3, uid_prefix="small"),
                        encoding="utf-8")
        self.import_count += 1
        self.drop_files([path])

        def close_button() -> QPushButton | None:
            # Earlier imports' dialogs may linger hidden: only the visible one counts.
            for button in self.window.findChildren(QPushButton, "importCloseButton"):
                if button.isVisible() and button.isEnabled():
                    return button
            return None

        if not self.wait_for(lambda: close_button() is not None, 60):
            raise RuntimeError("the import did not finish")
        close_button().click()
        self.pump()

    def export(self) -> None:
        from PySide6.QtWidgets import QPushButton

        self.show_view("All contacts")
        self.actions["exportAction"].trigger()
        if not self.wait_for(lambda: self.visible_dialog("exportDialog") is not None, 5):
            raise RuntimeError("the export dialog did not open")
        dialog = self.visible_dialog("exportDialog")
        dialog.findChild(QPushButton, "exportButton").click()
        if not self.wait_for(lambda: not dialog.isVisible(), 120):
            raise RuntimeError("the export did not finish")


# (weight, action name): typing dominates, as it does for a person looking people up.
MIX = [(40, "type_search"), (8, "clear_search"), (20, "select_row"), (6, "edit_and_save"),
       (8, "delete_undo_redo"), (10, "today"), (5, "log_interaction")]
# (action, every N actions, at offset): an export and a small import each 1,000 actions,
# half a cycle apart so neither hides the other.
RARE = (("export", 1000, 0), ("small_import", 1000, 500))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--actions", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-rss-growth-mb", type=float, default=50.0)
    parser.add_argument("--max-none-drop", type=int, default=1000)
    args = parser.parse_args(argv)

    errors: list[str] = []
    sys.excepthook = lambda *exc: errors.append("".join(traceback.format_exception(*exc)))
    threading.excepthook = lambda a: errors.append(
        "".join(traceback.format_exception(a.exc_type, a.exc_value, a.exc_traceback)))

    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QFileDialog

    qt_messages: Counter[str] = Counter()

    def on_qt_message(kind, _context, message: str) -> None:  # noqa: ANN001
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            errors.append(f"Qt: {message}")
        elif "propagateSizeHints" not in message and "raise()" not in message:
            qt_messages[message[:120]] += 1

    qInstallMessageHandler(on_qt_message)
    with tempfile.TemporaryDirectory(prefix="netdesk-soak-") as tmp:
        work = Path(tmp)
        data_dir = work / "data"
        data_dir.mkdir()
        export_path = work / "export.vcf"
        # The system file chooser stands in for the user typing a file name.
        QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(export_path), ""))
        started = time.perf_counter()
        build_store(data_dir, args.contacts)
        print(f"store: {args.contacts:,} contacts in {time.perf_counter() - started:.1f} s")

        from netdesk.app import create_window

        app = QApplication.instance() or QApplication(sys.argv[:1])
        window = create_window(data_dir)
        window.resize(1280, 800)
        window.show()
        soak = Soak(app, window, random.Random(args.seed), work)
        soak.wait_for(lambda: soak.table.model().rowCount() > 0, 60)
        soak.pump(200)

        names = [name for weight, name in MIX for _ in range(weight)]
        done: Counter[str] = Counter()
        spent: Counter[str] = Counter()
        rss_start, none_start = rss_mb(), sys.getrefcount(None)
        t0 = time.perf_counter()
        for n in range(1, args.actions + 1):
            rare = [name for name, every, offset in RARE if n % every == offset]
            name = rare[0] if rare else soak.rng.choice(names)
            began = time.perf_counter()
            try:
                getattr(soak, name)()
            except Exception:  # noqa: BLE001 - every failure is counted and printed below
                errors.append(f"action {n} ({name}):\n{traceback.format_exc()}")
            done[name] += 1
            spent[name] += time.perf_counter() - began
            if errors:
                break
            if n % 2000 == 0:
                print(f"  {n:,} actions, {n / (time.perf_counter() - t0):.0f}/s, "
                      f"RSS {rss_mb():.0f} MB, None refs {sys.getrefcount(None):,}", flush=True)
        elapsed = time.perf_counter() - t0
        soak.pump(100)
        import gc

        gc.collect()
        rss_end, none_end = rss_mb(), sys.getrefcount(None)
        window.close()
        window.deleteLater()
        soak.pump(50)

    total = sum(done.values())
    print(f"actions: {total:,} in {elapsed:.1f} s = {total / elapsed:.0f} actions/s")
    print("  " + ", ".join(f"{name} {count} ({spent[name] / count * 1000:.0f} ms)"
                           for name, count in done.most_common()))
    print(f"RSS: {rss_start:.0f} MB -> {rss_end:.0f} MB ({rss_end - rss_start:+.0f} MB)")
    print(f"sys.getrefcount(None): {none_start:,} -> {none_end:,} ({none_end - none_start:+,})")
    for message, count in qt_messages.most_common(5):
        print(f"Qt message x{count}: {message}")
    failures = list(errors)
    if rss_end - rss_start > args.max_rss_growth_mb:
        failures.append(f"RSS grew by {rss_end - rss_start:.0f} MB "
                        f"(limit {args.max_rss_growth_mb:.0f} MB)")
    if none_start - none_end > args.max_none_drop:
        failures.append(f"sys.getrefcount(None) fell by {none_start - none_end:,}: this "
                        "PySide6 leaks references to None and the app would abort")
    if total < args.actions:
        failures.append(f"only {total:,} of {args.actions:,} actions ran")
    for failure in failures:
        print(f"SOAK FAILURE: {failure}", file=sys.stderr)
    print("soak: FAILED" if failures else "soak: passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
