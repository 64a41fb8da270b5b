"""Canary for PySide6 releases that leak references to ``None``.

PySide6-Essentials 6.12.0 on Python 3.11 lowers ``sys.getrefcount(None)`` by one on every call
of a Qt method that returns nothing (``setText``, ``update``, ``QTimer.start``, …). Once the
count reaches zero Python aborts with ``Fatal Python error: none_dealloc``: the real window
died after 2,000–4,000 search keystrokes. A pytest process holds so many references to None
that the suite itself would never notice, so the check runs in a fresh interpreter. Python
3.12 made None immortal, so the leak can no longer abort there and the canary has nothing to
measure. pyproject.toml keeps such releases out; this test catches the next one in CI.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

# 4 void calls a round: 2,000 void calls, well under the ~5,000 references a fresh interpreter
# holds, so a leaking release shows as a drop instead of aborting the child.
ROUNDS = 500
LEAK_TOLERANCE = 100  # a clean release keeps or *raises* the count (6.11 raises it a little)

CANARY = f"""
import os
import sys
import PySide6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([])
label = QLabel()
timer = QTimer()
before = sys.getrefcount(None)
for _ in range({ROUNDS}):
    label.setText("netdesk")
    label.update()
    timer.start(60_000)
    timer.stop()
after = sys.getrefcount(None)
print(PySide6.__version__, before, after, flush=True)
os._exit(0)  # a leaking release would abort in the interpreter's shutdown; report it instead
"""


@pytest.mark.skipif(sys.version_info >= (3, 12),
                    reason="None is immortal on Python 3.12+: a leaked reference cannot abort")
def test_void_qt_calls_do_not_leak_references_to_none() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CANARY], capture_output=True, text=True,
                          env=env, timeout=120, check=False)
    python = ".".join(map(str, sys.version_info[:3]))
    assert done.returncode == 0, (
        f"the canary process died on Python {python} (exit {done.returncode}):\n{done.stderr}")
    version, before, after = done.stdout.split()
    drop = int(before) - int(after)
    assert drop < LEAK_TOLERANCE, (
        f"PySide6 {version} on Python {python} leaks a reference to None on every void Qt "
        f"call: sys.getrefcount(None) fell by {drop} over {ROUNDS * 4} calls, so the app "
        "would abort with 'none_dealloc' after a few thousand actions. Exclude this release "
        "for this Python in pyproject.toml and refresh the lock (make lock).")
