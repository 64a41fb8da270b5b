"""End to end: the real app as a process (``python -m netdesk``) under Xvfb, with a screenshot.

Needs the Debian packages xvfb, x11-utils (xwininfo), fonts-dejavu-core and Qt's xcb
libraries (libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0
libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxkbcommon-x11-0); skipped without Xvfb.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.e2e


def _free_display() -> int:
    for n in range(90, 190):
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
            return n
    pytest.skip("no free X display number between :90 and :189")


def _wait_for(predicate, timeout: float, what: str) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


@pytest.fixture
def xvfb():
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb x11-utils)")
    n = _free_display()
    proc = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for(lambda: Path(f"/tmp/.X11-unix/X{n}").exists() or proc.poll() is not None, 10,
              "Xvfb to start")
    if proc.poll() is not None:
        pytest.skip(f"Xvfb :{n} could not start")
    yield f":{n}"
    proc.terminate()
    proc.wait(10)


def _window_mapped(display: str) -> bool:
    if shutil.which("xwininfo") is None:
        return True  # the screenshot below still proves the window painted
    out = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True,
                         env={**os.environ, "DISPLAY": display}, check=False)
    return '"netdesk"' in out.stdout


def test_app_starts_shows_its_window_and_quits_cleanly(xvfb: str, tmp_path: Path,
                                                      artifacts: Path) -> None:
    shot = artifacts / "e2e-main-window.png"
    shot.unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NETDESK_")}
    env.update(DISPLAY=xvfb, QT_QPA_PLATFORM="xcb", NETDESK_SCREENSHOT=str(shot),
               PYTHONPATH=str(ROOT))
    log = (tmp_path / "app.log").open("w")
    app = subprocess.Popen([sys.executable, "-m", "netdesk", "--data-dir", str(tmp_path / "d")],
                           cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for(lambda: _window_mapped(xvfb) or app.poll() is not None, 30, "the window")
        _wait_for(lambda: shot.exists() or app.poll() is not None, 30, "the screenshot")
        assert app.poll() is None, (tmp_path / "app.log").read_text()
        time.sleep(0.3)  # let the PNG writer finish
        assert shot.stat().st_size > 5000
        app.send_signal(signal.SIGTERM)
        assert app.wait(15) == 0, (tmp_path / "app.log").read_text()
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(5)
        log.close()
    # Closing saved the window's settings inside the data dir, nowhere else.
    assert (tmp_path / "d" / "netdesk-ui.ini").exists()
