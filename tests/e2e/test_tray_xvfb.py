"""End to end under Xvfb with a real XEmbed tray (trayer): icon embedded, reminder shown.

Needs the Debian packages ``xvfb trayer x11-utils`` (plus Qt's xcb libraries, see .ci/run);
skips with the reason when they are missing. Leaves a screenshot tray.png in the artifacts dir,
taken with ImageMagick's ``import`` when installed, else by the app itself.
"""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]

# The app side: a window with the Today view, the tray, the scheduler and a follow-up falling
# due two seconds after start, on the real wall clock. It reports on stdout, one fact a line.
APP = r'''
import datetime as dt
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QSystemTrayIcon

from netdesk.actions import Runner
from netdesk.domain.clock import SystemClock
from netdesk.domain.contact import Contact
from netdesk.domain.timeparse import local_tz
from netdesk.services.activity import ActivityService
from netdesk.services.contacts import ContactService
from netdesk.store.db import open_database
from netdesk.ui.activity_flows import ActivityFlows
from netdesk.ui.scheduler import ReminderScheduler
from netdesk.ui.today import TodayView
from netdesk.ui.tray import TrayController


def say(*words):
    print(*words, flush=True)


data_dir = Path(sys.argv[1])
app = QApplication(sys.argv[:1])
database = open_database(data_dir)
contacts = ContactService(database)
clock = SystemClock()
activity = ActivityService(database, clock)
ada = contacts.create(Contact(display_name="Ada Lovelace"))
activity.add_followup(ada.id, clock.now() + dt.timedelta(seconds=2), "Send the slides")

window = QMainWindow()
window.setWindowTitle("netdesk")
window.resize(760, 420)
runner = Runner()
flows = ActivityFlows(activity, runner, lambda outcome: None)
today = TodayView(activity, contacts, clock, local_tz(), flows)
window.setCentralWidget(today)
settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
say("TRAY_AVAILABLE", QSystemTrayIcon.isSystemTrayAvailable())
tray = TrayController(window, activity, clock, settings=settings)
tray.notifier.notified.connect(lambda title, body: say("NOTIFIED", title, "|", body))
scheduler = ReminderScheduler(activity, clock, tray.notifier, window, runner=runner)
scheduler.dueChanged.connect(tray.update_due)
scheduler.dueChanged.connect(lambda items: today.refresh())
window.show()
scheduler.start()


def report_tray():
    g = tray.tray.geometry()
    say("TRAY_VISIBLE", tray.tray.isVisible(), g.width(), g.height())


def report_balloon():
    tips = [w for w in QApplication.topLevelWidgets()
            if w.metaObject().className() == "QBalloonTip" and w.isVisible()]
    say("BALLOON", len(tips))
    say("MENU", "/".join(a.text() for a in tray.contextMenu().actions() if a.text()))
    say("READY")


QTimer.singleShot(800, report_tray)
tray.notifier.notified.connect(lambda *_: QTimer.singleShot(1200, report_balloon))
QTimer.singleShot(60_000, tray.quit)  # never outlive a stuck test


def command(*_):
    # "shot PATH" grabs the whole screen (when ImageMagick's import is missing); else quit.
    line = sys.stdin.readline().strip()
    if line.startswith("shot "):
        QApplication.primaryScreen().grabWindow(0).save(line[5:])
        say("SHOT")
    else:
        tray.quit()


stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
stdin.activated.connect(command)
sys.exit(app.exec())
'''


def _need(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pytest.skip(
            f"needs {', '.join(missing)} (apt-get install xvfb trayer x11-utils)"
        )


def _start_xvfb() -> tuple[subprocess.Popen, str]:
    """Xvfb on a free display: -displayfd lets the server pick one and tell us."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1024x600x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        proc.kill()
        pytest.skip("Xvfb did not start")
    return proc, f":{number}"


def _window_tree(env: dict) -> str:
    return subprocess.run(
        ["xwininfo", "-root", "-tree"],
        check=False, env=env, capture_output=True, text=True, timeout=10,
    ).stdout


def _panel_children(tree: str) -> int:
    """How many windows trayer's panel holds (each embedded icon adds one)."""
    lines = tree.splitlines()
    for n, line in enumerate(lines):
        if '"panel": ("panel" "trayer")' in line and n + 1 < len(lines):
            words = lines[n + 1].split()
            if len(words) >= 2 and words[1].startswith("child"):
                return int(words[0])
    return 0


def _lines(proc: subprocess.Popen) -> queue.Queue:
    q: queue.Queue = queue.Queue()

    def pump() -> None:
        for line in proc.stdout:  # type: ignore[union-attr]
            q.put(line.rstrip("\n"))

    threading.Thread(target=pump, daemon=True).start()
    return q


def _wait_for(q: queue.Queue, prefix: str, seen: list[str], timeout: float = 45) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = q.get(timeout=0.2)
        except queue.Empty:
            continue
        seen.append(line)
        if line.startswith(prefix):
            return line
    raise AssertionError(f"no {prefix!r} line in time; app said: {seen}")


def test_tray_icon_is_embedded_and_a_due_followup_is_announced(tmp_path, artifacts):
    _need("Xvfb", "trayer", "xwininfo")
    xvfb, display = _start_xvfb()
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("WAYLAND_DISPLAY", None)
    # Without a session bus Qt uses the XEmbed tray (trayer), not StatusNotifierItem.
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    trayer = app = None
    try:
        trayer = subprocess.Popen(
            ["trayer", "--edge", "top", "--align", "right", "--widthtype", "pixel",
             "--width", "200", "--height", "32"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        # Generous: on a busy 2-core machine trayer once took just over 10 s to map its panel.
        deadline = time.monotonic() + 45
        while '"panel": ("panel" "trayer")' not in _window_tree(env):
            assert time.monotonic() < deadline, "trayer never showed its panel"
            time.sleep(0.1)
        before = _panel_children(_window_tree(env))

        script = tmp_path / "tray_app.py"
        script.write_text(APP, encoding="utf-8")
        data = tmp_path / "data"
        data.mkdir()
        app = subprocess.Popen(
            [sys.executable, str(script), str(data)],
            env={**env, "PYTHONPATH": str(REPO)}, cwd=REPO,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        q = _lines(app)
        seen: list[str] = []
        assert _wait_for(q, "TRAY_AVAILABLE", seen) == "TRAY_AVAILABLE True"
        visible = _wait_for(q, "TRAY_VISIBLE", seen).split()
        assert visible[1] == "True" and int(visible[2]) > 0 and int(visible[3]) > 0
        assert _panel_children(_window_tree(env)) == before + 1  # the icon is embedded
        notified = _wait_for(q, "NOTIFIED", seen)
        assert notified == "NOTIFIED Follow up with Ada Lovelace | Send the slides"
        assert _wait_for(q, "BALLOON", seen) == "BALLOON 1"  # Qt's own balloon is up
        assert _wait_for(q, "MENU", seen).startswith("MENU Ada Lovelace — Send the slides/")
        _wait_for(q, "READY", seen)

        shot = artifacts / "tray.png"
        if shutil.which("import"):
            subprocess.run(
                ["import", "-window", "root", str(shot)], env=env, check=True, timeout=20
            )
        else:
            app.stdin.write(f"shot {shot}\n")  # type: ignore[union-attr]
            app.stdin.flush()  # type: ignore[union-attr]
            _wait_for(q, "SHOT", seen)
        assert shot.stat().st_size > 0

        app.stdin.write("quit\n")  # type: ignore[union-attr]
        app.stdin.flush()  # type: ignore[union-attr]
        assert app.wait(timeout=15) == 0, seen
        assert not any("Traceback" in line for line in seen), seen
    finally:
        for proc in (app, trayer, xvfb):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    proc.kill()
