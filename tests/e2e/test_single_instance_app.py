"""End to end: two real ``python -m netdesk`` processes on one data dir (offscreen Qt).

The first process opens the window; a second one started with a ``.vcf`` file hands it over
through the single-instance socket and exits 0, and the first imports it. A socket file left
behind by a killed instance must not stop the next start.

Every process gets an isolated environment: HOME, the XDG dirs and TMPDIR (where Qt puts the
local socket) live under a private temp dir, so nothing touches the real profile and no
socket is shared with other runs. "Up" means the ``NETDESK_SCREENSHOT`` file was written: the
app listens on its socket before it builds the window, so a painted window is a listening one.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.e2e

START_TIMEOUT = 60.0  # first paint of a cold interpreter on a slow CI box
HANDOVER_TIMEOUT = 30.0
IMPORT_TIMEOUT = 60.0
QUIT_TIMEOUT = 30.0

VCARDS = """\
BEGIN:VCARD
VERSION:3.0
UID:e2e-handover-1
FN:Ada Lovelace
N:Lovelace;Ada;;;
EMAIL;TYPE=INTERNET:ada@example.org
END:VCARD
BEGIN:VCARD
VERSION:3.0
UID:e2e-handover-2
FN:Grace Hopper
N:Hopper;Grace;;;
TEL;TYPE=CELL:+1 555 0100
END:VCARD
"""
NAMES = {"Ada Lovelace", "Grace Hopper"}


def _wait_for(predicate: Callable[[], bool], timeout: float, what: str, details=None) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    extra = f"\n{details()}" if details is not None else ""
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}{extra}")


class App:
    """One GUI process with its output in a file (a pipe nobody reads could fill up)."""

    def __init__(
        self,
        env: dict[str, str],
        data_dir: Path,
        out: Path,
        *args: str,
        screenshot: Path | None = None,
    ) -> None:
        self.out = out
        self.data_dir = data_dir
        self.screenshot = screenshot
        env = dict(env)
        if screenshot is not None:
            env["NETDESK_SCREENSHOT"] = str(screenshot)
        self._out_file = out.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "netdesk", "--data-dir", str(data_dir), *args],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._out_file,
            stderr=subprocess.STDOUT,
        )

    def output(self) -> str:
        """Its stdout/stderr, and the data dir's log (where a crash dialog's traceback goes)."""
        self._out_file.flush()
        text = self.out.read_text(errors="replace")
        return f"{text}\n--- {self.data_dir}/logs/netdesk.log:\n{_log(self.data_dir)[-4000:]}"

    def running(self) -> bool:
        return self.proc.poll() is None

    def wait_until_up(self) -> None:
        shot = self.screenshot
        assert shot is not None
        _wait_for(
            lambda: (shot.is_file() and shot.stat().st_size > 0) or not self.running(),
            START_TIMEOUT,
            "the window's first paint (screenshot file)",
            self.output,
        )
        assert self.running(), f"netdesk exited with {self.proc.returncode}:\n{self.output()}"

    def stop(self) -> int:
        """SIGTERM, as the session would send at logout; the exit status."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(QUIT_TIMEOUT)
        except subprocess.TimeoutExpired:
            pytest.fail(
                f"netdesk did not quit {QUIT_TIMEOUT:.0f} s after SIGTERM:\n{self.output()}"
            )

    def kill(self) -> None:
        if self.running():
            self.proc.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):  # a zombie we cannot help
            self.proc.wait(10)
        self._out_file.close()


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[dict[str, str]]:
    """An environment with private HOME, XDG dirs and a short TMPDIR for the sockets."""
    # A short path: a Unix socket name must fit in ~107 bytes.
    short_tmp = Path(tempfile.mkdtemp(prefix="nd-e2e-"))
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("NETDESK_", "XDG_", "QT_", "DISPLAY", "WAYLAND_"))
    }
    env.update(
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "home" / ".config"),
        XDG_DATA_HOME=str(tmp_path / "home" / ".local" / "share"),
        XDG_CACHE_HOME=str(tmp_path / "home" / ".cache"),
        XDG_STATE_HOME=str(tmp_path / "home" / ".local" / "state"),
        XDG_RUNTIME_DIR=str(runtime),
        TMPDIR=str(short_tmp),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        PYTHONDONTWRITEBYTECODE="1",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
    )
    (tmp_path / "home").mkdir()
    try:
        yield env
    finally:
        shutil.rmtree(short_tmp, ignore_errors=True)


@pytest.fixture
def apps() -> Iterator[list[App]]:
    """Started apps, each killed at the end whatever happened."""
    started: list[App] = []
    try:
        yield started
    finally:
        for app in started:
            app.kill()


def _vcf(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "two people.vcf"  # a space: the path travels as JSON
    path.parent.mkdir()
    path.write_text(VCARDS, encoding="utf-8")
    return path


def _names(env: dict[str, str], data_dir: Path) -> set[str]:
    """The names the CLI sees in the store (it reads while the GUI runs: SQLite WAL)."""
    out = subprocess.run(
        [sys.executable, "-m", "netdesk", "--data-dir", str(data_dir), "list", "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if out.returncode != 0:
        return set()
    return {c["name"] for c in json.loads(out.stdout)}


def _hand_over(env: dict[str, str], data_dir: Path, vcf: Path, out: Path) -> None:
    """A second netdesk on the same data dir: it must pass ``vcf`` on and exit 0, quickly."""
    second = subprocess.run(
        [sys.executable, "-m", "netdesk", "--data-dir", str(data_dir), str(vcf)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=HANDOVER_TIMEOUT,
        check=False,
    )
    out.write_text(second.stdout + second.stderr)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Traceback" not in second.stderr, second.stderr


def _wait_for_import(env: dict[str, str], data_dir: Path, first: App) -> None:
    seen: set[str] = set()

    def imported() -> bool:
        nonlocal seen
        seen = _names(env, data_dir)
        return seen >= NAMES or not first.running()

    _wait_for(
        imported,
        IMPORT_TIMEOUT,
        "the running netdesk to import the handed-over file",
        lambda: f"names in the store: {sorted(seen)}\napp output:\n{first.output()}",
    )
    assert first.running(), f"netdesk exited with {first.proc.returncode}:\n{first.output()}"
    assert seen == NAMES


def _socket_files(env: dict[str, str]) -> list[Path]:
    # netdesk puts its Unix socket netdesk-<hash> in the private $XDG_RUNTIME_DIR (issue 17).
    return sorted(Path(env["XDG_RUNTIME_DIR"]).glob("netdesk-*"))


def _log(data_dir: Path) -> str:
    path = data_dir / "logs" / "netdesk.log"
    return path.read_text(errors="replace") if path.exists() else ""


def _assert_clean(app: App, data_dir: Path) -> None:
    assert "Traceback" not in app.out.read_text(errors="replace"), app.output()
    assert "CRITICAL" not in _log(data_dir), _log(data_dir)


def test_second_instance_hands_its_file_to_the_running_one(
    sandbox: dict[str, str], apps: list[App], tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    vcf = _vcf(tmp_path)
    first = App(sandbox, data_dir, tmp_path / "first.out", screenshot=tmp_path / "first.png")
    apps.append(first)
    first.wait_until_up()
    assert _socket_files(sandbox), "the running netdesk serves no local socket"
    assert _names(sandbox, data_dir) == set()

    started = time.monotonic()
    _hand_over(sandbox, data_dir, vcf, tmp_path / "second.out")
    # A hand-over is one connect/write/read; most of this is the interpreter starting.
    assert time.monotonic() - started < HANDOVER_TIMEOUT

    _wait_for_import(sandbox, data_dir, first)
    assert "activation request with 1 file(s)" in _log(data_dir)

    assert first.stop() == 0, first.output()
    _assert_clean(first, data_dir)
    # A clean exit releases the socket name.
    assert _socket_files(sandbox) == []


def test_stale_socket_after_a_crash_does_not_block_start_up(
    sandbox: dict[str, str], apps: list[App], tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    vcf = _vcf(tmp_path)
    crashed = App(sandbox, data_dir, tmp_path / "crashed.out", screenshot=tmp_path / "crashed.png")
    apps.append(crashed)
    crashed.wait_until_up()
    crashed.proc.send_signal(signal.SIGKILL)
    assert crashed.proc.wait(10) == -signal.SIGKILL
    stale = _socket_files(sandbox)
    assert stale, "SIGKILL should leave the socket file behind (else this test proves nothing)"

    again = App(sandbox, data_dir, tmp_path / "again.out", screenshot=tmp_path / "again.png")
    apps.append(again)
    again.wait_until_up()
    assert _socket_files(sandbox) == stale  # the same name, now served by the new process

    _hand_over(sandbox, data_dir, vcf, tmp_path / "second.out")
    _wait_for_import(sandbox, data_dir, again)

    assert again.stop() == 0, again.output()
    _assert_clean(again, data_dir)


def test_busy_running_instance_still_gets_the_file_and_no_second_window(
    sandbox: dict[str, str], apps: list[App], tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    vcf = _vcf(tmp_path)
    first = App(sandbox, data_dir, tmp_path / "first.out", screenshot=tmp_path / "first.png")
    apps.append(first)
    first.wait_until_up()
    # The GUI thread stops answering for a while (a long synchronous job, swapping, a slow
    # disk): the kernel still accepts connections on the socket, nobody replies.
    first.proc.send_signal(signal.SIGSTOP)
    try:
        second = App(
            sandbox, data_dir, tmp_path / "second.out", str(vcf), screenshot=tmp_path / "second.png"
        )
        apps.append(second)
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline and second.running() and not second.screenshot.exists():
            time.sleep(0.1)
    finally:
        first.proc.send_signal(signal.SIGCONT)
    assert not second.screenshot.exists(), "the second netdesk opened a window of its own"
    try:
        status = second.proc.wait(HANDOVER_TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the second netdesk is still running:\n{second.output()}")
    assert status == 0, second.output()
    _wait_for_import(sandbox, data_dir, first)
    time.sleep(1)  # a late second delivery would show up by now
    assert _log(data_dir).count("activation request with 1 file(s)") == 1, _log(data_dir)
    assert first.stop() == 0, first.output()
