"""Writing a file the user named without ever leaving half of it behind.

The new content goes to a hidden temporary file next to the target, created by us with mode
0600, and is renamed over the target only when complete and flushed to disk: a killed process
or a full disk leaves the previous file as it was. Renaming replaces a pre-created file or a
symlink rather than writing through it, so nobody else's file (or owner) receives the data.
Temporary files from a killed run carry the writer's process id and are removed next time.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

# Kept for the files of earlier versions, which had no process id in the name.
EXPORT_PREFIX = ".netdesk-export-"
# A temporary file of a writer that died an hour ago is surely abandoned.
_ABANDONED_AFTER_S = 3600


class UnsafeTargetError(OSError):
    """The target is something netdesk must not replace (a device, a FIFO, a directory)."""


def check_target(path: Path) -> None:
    """Refuse a target that is not a plain file (or absent): replacing ``/dev/null`` or a FIFO
    with a file of contacts would be wrong, writing into it would hang or leak."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UnsafeTargetError(exc.errno, f"cannot use {path}: {exc.strerror}") from exc
    if stat.S_ISDIR(mode):
        raise UnsafeTargetError(f"{path} is a directory")
    if not stat.S_ISREG(mode):
        raise UnsafeTargetError(f"{path} is not a regular file (a device, FIFO or socket)")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: somebody else's process, still alive
        return True
    return True


def remove_stale_temporaries(folder: Path, prefix: str = EXPORT_PREFIX) -> int:
    """Delete our temporary files left in ``folder`` by a killed writer; return how many.

    Names are ``<prefix><pid>-<random>``: a file whose process is gone is abandoned. One
    without a process id (older versions) is abandoned when it is over an hour old.
    """
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not entry.name.startswith(prefix):
            continue
        with contextlib.suppress(OSError):
            if not entry.is_file(follow_symlinks=False) or entry.stat().st_uid != os.getuid():
                continue
            pid_text = entry.name[len(prefix) :].split("-", 1)[0]
            if pid_text.isdigit():
                abandoned = int(pid_text) != os.getpid() and not _pid_alive(int(pid_text))
            else:
                abandoned = time.time() - entry.stat().st_mtime > _ABANDONED_AFTER_S
            if abandoned:
                os.unlink(entry.path)
                removed += 1
    return removed


@contextlib.contextmanager
def private_temporary(target: Path, prefix: str = EXPORT_PREFIX) -> Iterator[Path]:
    """A new empty 0600 file next to ``target``; renamed over it when the block ends
    normally, removed when it raises. The block writes the file by its path."""
    target = Path(target)
    check_target(target)
    folder = target.parent
    remove_stale_temporaries(folder, prefix)
    fd, tmp = tempfile.mkstemp(prefix=f"{prefix}{os.getpid()}-", dir=folder)
    os.close(fd)
    try:
        yield Path(tmp)
        _fsync(tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)


@contextlib.contextmanager
def atomic_text_writer(target: Path, prefix: str = EXPORT_PREFIX) -> Iterator[IO[str]]:
    """An open UTF-8 text file whose content replaces ``target`` atomically (see module doc)."""
    with (
        private_temporary(target, prefix) as tmp,
        open(tmp, "w", encoding="utf-8", newline="") as out,
    ):
        yield out


def _fsync(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    # The rename itself must reach the disk too, or a power cut can bring back the old name.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
