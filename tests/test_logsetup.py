"""Log file set-up and the crash hook (no Qt involved)."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from netdesk import logsetup
from netdesk.logsetup import install_excepthook, setup_logging

REPO_ROOT = Path(__file__).resolve().parent.parent


def _our_handlers() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if getattr(h, logsetup._HANDLER_MARK, False)]


@pytest.fixture(autouse=True)
def _restore_logging_and_hooks(monkeypatch: pytest.MonkeyPatch):
    root = logging.getLogger()
    level = root.level
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    yield
    for handler in _our_handlers():
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def test_setup_logging_creates_private_dir_and_returns_log_path(tmp_path: Path) -> None:
    log_dir = tmp_path / "deep" / "logs"
    path = setup_logging(log_dir)
    assert path == (log_dir / "netdesk.log").resolve()
    assert log_dir.is_dir()
    if os.name == "posix":
        assert stat.S_IMODE(log_dir.stat().st_mode) == 0o700

    logging.getLogger("netdesk.test").info("hello from the test")
    for handler in _our_handlers():
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "hello from the test" in text
    assert "INFO" in text and "netdesk.test" in text


def test_handler_rotates_at_one_megabyte_keeping_five(tmp_path: Path) -> None:
    setup_logging(tmp_path)
    (handler,) = _our_handlers()
    assert isinstance(handler, RotatingFileHandler)
    assert handler.maxBytes == 1024 * 1024
    assert handler.backupCount == 5


def test_setup_logging_is_idempotent(tmp_path: Path) -> None:
    first = setup_logging(tmp_path)
    second = setup_logging(tmp_path, level=logging.DEBUG)
    assert first == second
    assert len(_our_handlers()) == 1
    assert logging.getLogger().level == logging.DEBUG

    logging.getLogger("netdesk.test").debug("only once")
    for handler in _our_handlers():
        handler.flush()
    assert first.read_text(encoding="utf-8").count("only once") == 1


def test_setup_logging_to_another_dir_moves_the_handler(tmp_path: Path) -> None:
    setup_logging(tmp_path / "a")
    moved = setup_logging(tmp_path / "b")
    (handler,) = _our_handlers()
    assert Path(handler.baseFilename) == moved


def test_existing_log_dir_is_left_as_it_is(tmp_path: Path) -> None:
    tmp_path.chmod(0o750)
    setup_logging(tmp_path)
    if os.name == "posix":
        assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o750


def _raise_and_hook(exc: BaseException) -> None:
    try:
        raise exc
    except BaseException as caught:
        sys.excepthook(type(caught), caught, caught.__traceback__)


def test_excepthook_logs_traceback_and_calls_dialog(tmp_path: Path) -> None:
    log_path = setup_logging(tmp_path)
    shown: list[tuple[str, Path]] = []
    install_excepthook(lambda summary, path: shown.append((summary, path)), log_path)

    _raise_and_hook(ValueError("bad birthday --0509\nsecond line"))

    assert shown == [("ValueError: bad birthday --0509", log_path)]
    text = log_path.read_text(encoding="utf-8")
    assert "Uncaught exception" in text
    assert "Traceback (most recent call last)" in text
    assert "_raise_and_hook" in text


def test_excepthook_without_dialog_only_logs(tmp_path: Path) -> None:
    log_path = setup_logging(tmp_path)
    install_excepthook(None, log_path)
    _raise_and_hook(RuntimeError("boom"))
    assert "RuntimeError: boom" in log_path.read_text(encoding="utf-8")


def test_excepthook_survives_a_failing_dialog(tmp_path: Path) -> None:
    log_path = setup_logging(tmp_path)

    def broken_dialog(summary: str, path: Path) -> None:
        raise OSError("no display")

    install_excepthook(broken_dialog, log_path)
    _raise_and_hook(KeyError("x"))  # must not raise
    text = log_path.read_text(encoding="utf-8")
    assert "KeyError" in text
    assert "Could not show the crash dialog" in text
    assert "OSError: no display" in text


def test_excepthook_falls_back_to_stderr_when_logging_fails(tmp_path, monkeypatch, capsys):
    log_path = setup_logging(tmp_path)
    install_excepthook(None, log_path)

    def broken_critical(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(logsetup.log, "critical", broken_critical)
    _raise_and_hook(KeyError("lost"))  # must not raise
    assert "KeyError: 'lost'" in capsys.readouterr().err


def test_excepthook_survives_an_unprintable_exception(tmp_path: Path) -> None:
    class NastyError(Exception):
        def __str__(self) -> str:
            raise RuntimeError("str() fails")

    log_path = setup_logging(tmp_path)
    shown: list[str] = []
    install_excepthook(lambda summary, path: shown.append(summary), log_path)
    _raise_and_hook(NastyError())
    assert shown and shown[0].endswith("NastyError")


def test_crash_inside_the_dialog_does_not_open_a_second_dialog(tmp_path: Path) -> None:
    log_path = setup_logging(tmp_path)
    shown: list[str] = []

    def dialog(summary: str, path: Path) -> None:
        shown.append(summary)
        # e.g. a slot raising while QMessageBox.exec() spins a nested event loop
        _raise_and_hook(ValueError("nested"))

    install_excepthook(dialog, log_path)
    _raise_and_hook(ValueError("outer"))
    assert shown == ["ValueError: outer"]
    assert "nested" in log_path.read_text(encoding="utf-8")


def test_keyboard_interrupt_goes_to_the_default_hook(tmp_path: Path, monkeypatch) -> None:
    log_path = setup_logging(tmp_path)
    seen: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "__excepthook__", lambda t, v, tb: seen.append(t))
    shown: list[str] = []
    install_excepthook(lambda summary, path: shown.append(summary), log_path)
    _raise_and_hook(KeyboardInterrupt())
    assert seen == [KeyboardInterrupt]
    assert shown == []


def test_thread_exceptions_are_logged_without_dialog(tmp_path: Path) -> None:
    log_path = setup_logging(tmp_path)
    shown: list[str] = []
    install_excepthook(lambda summary, path: shown.append(summary), log_path)

    def work() -> None:
        raise LookupError("in a worker")

    worker = threading.Thread(target=work, name="importer")
    worker.start()
    worker.join(timeout=10)
    text = log_path.read_text(encoding="utf-8")
    assert "Uncaught exception in thread importer" in text
    assert "LookupError: in a worker" in text
    assert shown == []


def test_real_uncaught_exception_lands_in_the_log(tmp_path: Path) -> None:
    # A real interpreter dying of an exception: the hook runs, then the process exits 1.
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from netdesk.logsetup import setup_logging, install_excepthook\n"
        "p = setup_logging(Path(sys.argv[1]))\n"
        "install_excepthook(lambda s, path: print('DIALOG', s, path), p)\n"
        "raise ZeroDivisionError('division by zero in a test')\n"
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        capture_output=True,
        check=False,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1
    log_path = (tmp_path / "netdesk.log").resolve()
    assert (
        result.stdout.strip() == f"DIALOG ZeroDivisionError: division by zero in a test {log_path}"
    )
    assert "ZeroDivisionError" in log_path.read_text(encoding="utf-8")
    assert "Traceback" not in result.stderr
