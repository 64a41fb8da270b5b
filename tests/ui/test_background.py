"""BackgroundJob: pure-Python workers, with every signal emitted on the GUI thread."""

from __future__ import annotations

import ast
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThread

from netdesk.ui.background import BackgroundJob

ROOT = Path(__file__).resolve().parents[2]


class Recorder:
    """Records each signal with whether it arrived on the GUI thread."""

    def __init__(self, app, job: BackgroundJob) -> None:  # noqa: ANN001
        self.app = app
        self.events: list[tuple] = []
        self.threads_ok: list[bool] = []
        job.progressed.connect(lambda done, total: self._add("progress", done, total))
        job.finished.connect(lambda: self._add("finished"))
        job.failed.connect(lambda: self._add("failed"))

    def _add(self, *event: object) -> None:
        self.events.append(event)
        self.threads_ok.append(QThread.currentThread() == self.app.thread()
                               and threading.current_thread() is threading.main_thread())


def test_progress_and_result_reach_the_gui_thread_by_signals(qapp, qtbot) -> None:
    step = threading.Event()
    seen_in_fn = []

    def fn(progress, cancelled):  # noqa: ANN001, ANN202
        seen_in_fn.append(threading.current_thread())
        progress(1, 3)
        step.wait(10)
        progress(3, 3)
        return "the result"

    job = BackgroundJob(fn, poll_ms=5)
    rec = Recorder(qapp, job)
    assert not job.is_running()
    job.start()
    assert job.is_running()
    qtbot.waitUntil(lambda: ("progress", 1, 3) in rec.events, timeout=5000)
    step.set()
    qtbot.waitUntil(lambda: not job.is_running(), timeout=5000)
    assert rec.events == [("progress", 1, 3), ("progress", 3, 3), ("finished",)]
    assert all(rec.threads_ok)
    assert job.result == "the result" and job.error is None
    assert seen_in_fn and seen_in_fn[0] is not threading.main_thread()
    assert not seen_in_fn[0].daemon


def test_failure_carries_the_exception(qapp) -> None:
    def fn(progress, cancelled):  # noqa: ANN001, ANN202
        raise ValueError("broken card")

    job = BackgroundJob(fn)
    rec = Recorder(qapp, job)
    job.start()
    assert job.wait(5000)
    assert rec.events == [("failed",)]
    assert all(rec.threads_ok)
    assert isinstance(job.error, ValueError) and str(job.error) == "broken card"
    assert job.result is None
    assert not job.is_running()


def test_cancel_is_seen_by_the_worker(qapp) -> None:
    started = threading.Event()

    def fn(progress, cancelled):  # noqa: ANN001, ANN202
        started.set()
        for i in range(1000):
            if cancelled():
                return f"stopped at {i}"
            progress(i, 1000)
            threading.Event().wait(0.005)
        return "ran to the end"

    job = BackgroundJob(fn)
    rec = Recorder(qapp, job)
    job.start()
    assert started.wait(5)
    assert not job.is_cancelled()
    job.cancel()
    assert job.is_cancelled()
    assert job.wait(5000)
    assert str(job.result).startswith("stopped at")
    assert rec.events[-1] == ("finished",)
    assert all(rec.threads_ok)


def test_wait_delivers_the_outcome_before_returning(qapp) -> None:
    release = threading.Event()

    def fn(progress, cancelled):  # noqa: ANN001, ANN202
        progress(5, 10)
        release.wait(10)
        progress(10, 10)
        return 42

    job = BackgroundJob(fn, poll_ms=10_000)  # the timer won't get a chance
    rec = Recorder(qapp, job)
    assert job.wait(10)  # not started yet: nothing to wait for
    job.start()
    assert not job.wait(50)  # still held
    assert rec.events == []
    assert job.is_running()
    release.set()
    assert job.wait(5000)
    # Only the latest progress pair is kept; the end always follows it.
    assert rec.events == [("progress", 10, 10), ("finished",)]
    assert job.result == 42
    assert not job.is_running()
    assert job.wait(0)  # again: nothing fires twice
    assert rec.events == [("progress", 10, 10), ("finished",)]


def test_join_waits_for_the_worker_but_leaves_delivery_to_the_timer(qapp, qtbot) -> None:
    job = BackgroundJob(lambda progress, cancelled: "x", poll_ms=5)
    rec = Recorder(qapp, job)
    job.start()
    assert job.join(5000)
    assert rec.events == []
    qtbot.waitUntil(lambda: rec.events == [("finished",)], timeout=5000)
    assert job.result == "x"


def test_a_job_runs_once(qapp) -> None:
    job = BackgroundJob(lambda progress, cancelled: None)
    job.start()
    with pytest.raises(RuntimeError):
        job.start()
    assert job.wait(5000)


def test_a_deleted_job_fires_nothing_and_its_worker_still_ends(qapp, qtbot) -> None:
    from PySide6.QtCore import QObject

    release = threading.Event()
    ended = threading.Event()

    def fn(progress, cancelled):  # noqa: ANN001, ANN202
        release.wait(10)
        progress(1, 1)
        ended.set()
        return "late"

    parent = QObject()
    job = BackgroundJob(fn, parent, poll_ms=5)
    rec = Recorder(qapp, job)
    job.start()
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(parent), timeout=5000)
    release.set()
    assert ended.wait(5)
    qtbot.wait(50)
    assert rec.events == []


def _alive(obj) -> bool:  # noqa: ANN001
    from shiboken6 import isValid

    return isValid(obj)


def test_pyside_types_stay_lazy_because_no_worker_touches_qt() -> None:
    # Lazy type creation keeps ~0.1 s off start-up. It is safe because only the GUI thread
    # uses PySide6 (BackgroundJob); an earlier race with QThread workers crashed the suite and
    # was hidden by PYSIDE6_OPTION_LAZY=0. The app must not set that option again, and no
    # module may go back to running Python code on a QThread.
    code = (
        "import os, sys; os.environ.pop('PYSIDE6_OPTION_LAZY', None)\n"
        "import netdesk.app\n"
        "assert 'PYSIDE6_OPTION_LAZY' not in os.environ\n"
        "import PySide6.QtWidgets\n"
        "print(len(vars(PySide6.QtWidgets)))"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, env=env, timeout=60, check=True)
    assert int(out.stdout) < 100  # eager creation gives ~200 names

    offenders = []
    for path in sorted((ROOT / "netdesk").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and any(
                    getattr(b, "id", getattr(b, "attr", None)) in ("QThread", "QRunnable")
                    for b in node.bases):
                offenders.append(f"{path.relative_to(ROOT)}: class {node.name}")
            elif isinstance(node, ast.Attribute) and node.attr == "moveToThread":
                offenders.append(f"{path.relative_to(ROOT)}: moveToThread")
    assert offenders == []


def test_the_window_loads_its_rows_through_the_background_loader(ui, qtbot, monkeypatch):  # noqa: ANN001, ANN201
    from netdesk.ui import contacts_list

    monkeypatch.setattr(contacts_list, "EAGER_LOAD_LIMIT", 0)  # every refresh loads in background
    ui.add_sample_contacts()
    assert ui.contacts_list.is_loading()
    ui.contacts_list.wait_until_loaded()
    assert not ui.contacts_list.is_loading()
    assert ui.model.total_count() == 40


def test_the_rows_loader_words_a_store_error(qapp) -> None:
    from netdesk.services.errors import ServiceError
    from netdesk.ui.contacts_model import RowsLoader

    def fetch():  # noqa: ANN202
        raise ServiceError("the store is locked")

    loader = RowsLoader(fetch)
    failed = []
    loader.failed.connect(lambda: failed.append(loader.failure_message()))
    loader.start()
    assert loader.wait(5000)
    assert failed == ["the store is locked"]
