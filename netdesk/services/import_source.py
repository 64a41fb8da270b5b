"""Reading an import's file safely: memory-mapped, refusing FIFOs, devices, directories and
files too big to be address books; file names that are not UTF-8 made printable."""

from __future__ import annotations

import contextlib
import mmap
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from netdesk.services.errors import ServiceError

_BEGIN = re.compile(rb"(?im)^[ \t]*BEGIN[ \t]*:[ \t]*VCARD")
# Refuse files that can't be address books; a 100k-card export is ~60 MB.
MAX_FILE_BYTES = 512 * 1024 * 1024


def count_cards(data: bytes | mmap.mmap) -> int:
    return sum(1 for _ in _BEGIN.finditer(data))


@contextlib.contextmanager
def mapped_file(path: Path) -> Iterator[bytes | mmap.mmap]:
    """The file's bytes, memory-mapped (read-only); raises OSError or ServiceError."""
    # O_NONBLOCK: opening a FIFO for reading would otherwise wait forever for a writer.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode):
            kind = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise ServiceError(f"{printable_name(path)} is {kind}; give a .vcf file")
        if info.st_size > MAX_FILE_BYTES:
            raise ServiceError(
                f"{printable_name(path)} is larger than 512 MB; is it an address book?"
            )
        if info.st_size == 0:
            yield b""
            return
        with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
            yield data


def printable_path(path: Path) -> str:
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def printable_name(path: Path) -> str:
    """A file name as text that can be stored and printed: bytes that are not UTF-8 (kept by
    Python as lone surrogates, which SQLite and UTF-8 output reject) become U+FFFD."""
    return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
