"""Log file and crash reporting for the GUI (no Qt here: the GUI passes its dialog in).

``setup_logging`` sends the root logger to a rotating ``netdesk.log`` in a private directory;
``install_excepthook`` makes an uncaught exception land in that log with its traceback and lets
the GUI tell the user where the log is, instead of a traceback on a terminal nobody sees.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

LOG_FILE_NAME = "netdesk.log"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 5
LOG_FORMAT = "%(asctime)s %(levelname)-8s %(name)s [%(process)d:%(threadName)s] %(message)s"

log = logging.getLogger("netdesk")

# Marks the handler we added, so a second call replaces or keeps it instead of adding another.
_HANDLER_MARK = "_netdesk_log_handler"


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path | None:
    """Log to ``log_dir/netdesk.log`` (1 MB x 5 rotated files); return that path.

    The directory is created owner-only (0700): logs name the people in the address book.
    Calling it again is safe: the same file keeps one handler (its level is updated), a new
    file replaces the old handler. When the directory or file can't be used (read-only,
    full, a file in the way) the log goes to stderr with a warning and None is returned:
    a broken log must not keep the app from starting.
    """
    try:
        return _log_to_file(log_dir, level)
    except OSError as exc:
        _log_to_stderr(level)
        log.warning(
            "cannot write the log in %s (%s); logging to stderr instead",
            log_dir,
            exc.strerror or exc,
        )
        return None


def _log_to_stderr(level: int) -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _HANDLER_MARK, False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.setLevel(level)
    setattr(handler, _HANDLER_MARK, True)
    root.addHandler(handler)
    root.setLevel(level)


def _log_to_file(log_dir: Path, level: int) -> Path:
    log_dir = Path(log_dir).expanduser()
    if not log_dir.is_dir():
        log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        if os.name == "posix":
            # mkdir's mode is filtered by the umask; say exactly what we mean.
            os.chmod(log_dir, 0o700)
    log_path = (log_dir / LOG_FILE_NAME).resolve()

    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _HANDLER_MARK, False):
            if Path(getattr(handler, "baseFilename", "")) == log_path:
                handler.setLevel(level)
                root.setLevel(level)
                return log_path
            root.removeHandler(handler)
            handler.close()

    handler = RotatingFileHandler(
        log_path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.setLevel(level)
    setattr(handler, _HANDLER_MARK, True)
    root.addHandler(handler)
    root.setLevel(level)
    return log_path


ShowDialog = Callable[[str, Path | None], None]


def install_excepthook(show_dialog: ShowDialog | None, log_path: Path | None) -> None:
    """Route uncaught exceptions to the log and to ``show_dialog(summary, log_path)``.

    Exceptions in other threads are logged only: a dialog must be shown from the GUI thread.
    Ctrl+C keeps Python's default behaviour. The hook never raises; if even logging fails, it
    falls back to printing the traceback on stderr.
    """
    showing = threading.Event()  # a second crash while the dialog is open is logged only

    def excepthook(
        exc_type: type[BaseException],
        exc_value: BaseException,
        exc_tb: TracebackType | None,
    ) -> None:
        try:
            if issubclass(exc_type, KeyboardInterrupt):
                sys.__excepthook__(exc_type, exc_value, exc_tb)
                return
            log.critical("Uncaught exception", exc_info=(exc_type, exc_value, exc_tb))
            _flush_log_handlers()
            if show_dialog is None or showing.is_set():
                return
            showing.set()
            try:
                show_dialog(_summary(exc_type, exc_value), log_path)
            except Exception:
                log.exception("Could not show the crash dialog")
            finally:
                showing.clear()
        except BaseException:  # an excepthook that raises would lose both errors
            _last_resort(exc_type, exc_value, exc_tb)

    def thread_excepthook(args: threading.ExceptHookArgs) -> None:
        try:
            if args.exc_type is SystemExit:
                return
            name = args.thread.name if args.thread is not None else "unknown"
            log.critical(
                "Uncaught exception in thread %s",
                name,
                exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
            )
            _flush_log_handlers()
        except BaseException:
            _last_resort(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook


def _summary(exc_type: type[BaseException], exc_value: BaseException | None) -> str:
    """One line for the dialog, e.g. ``ValueError: bad date``; the traceback is in the log."""
    name = getattr(exc_type, "__qualname__", None) or "Error"
    try:
        message = str(exc_value).strip() if exc_value is not None else ""
    except Exception:  # a broken __str__ must not hide the crash
        message = ""
    first = message.splitlines()[0] if message else ""
    summary = f"{name}: {first}" if first else name
    return summary if len(summary) <= 300 else summary[:297] + "..."


def _flush_log_handlers() -> None:
    # The process may be about to die; get the traceback onto disk now.
    for handler in logging.getLogger().handlers:
        with contextlib.suppress(Exception):
            handler.flush()


def _last_resort(
    exc_type: type[BaseException] | None,
    exc_value: BaseException | None,
    exc_tb: TracebackType | None,
) -> None:
    # Nothing is left to report a failure here with.
    with contextlib.suppress(BaseException):
        traceback.print_exception(exc_type, exc_value, exc_tb, file=sys.stderr or sys.__stderr__)
