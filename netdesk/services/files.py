"""Writing export files safely."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from netdesk.services.errors import ServiceError


def write_atomically(path: Path, pieces: Iterable[str]) -> None:
    """Write UTF-8 text via a temporary file: a failed write leaves any old file as it was."""
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".netdesk-export-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            for text in pieces:
                out.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise ServiceError(f"could not write {path}: {exc.strerror or exc}") from exc
