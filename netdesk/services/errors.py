"""Errors the services raise for the user to read, and the translation of storage failures.

Every message here is shown as it is by the CLI (on stderr) and the GUI (in a dialog), so it
says what happened and what to do, never a traceback.
"""

from __future__ import annotations

import contextlib
import sqlite3
import sys
from collections.abc import Iterator

from netdesk.store.db import StoreError


class ServiceError(Exception):
    """Something the user asked for could not be done; ``str()`` is the message to show."""


class NotFoundError(ServiceError):
    """No contact (or other item) matched what the user gave."""


class AmbiguousError(ServiceError):
    """More than one contact matched; ``candidates`` are (id, name) pairs."""

    def __init__(self, message: str, candidates: list[tuple[int, str]]) -> None:
        super().__init__(message)
        self.candidates = candidates


class ValidationError(ServiceError):
    """Input is wrong; ``field`` names the field when there is one."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def describe_storage_error(exc: BaseException) -> str:
    """A sentence for a failed read or write of the database."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).lower()
    if "locked" in text or "busy" in text:
        return (
            "The netdesk database is locked by another program (perhaps another netdesk). "
            "Nothing was changed; close the other program and try again."
        )
    if "readonly" in text or "read-only" in text:
        return "The netdesk database is read-only, so nothing was changed."
    if "disk is full" in text or "database or disk is full" in text:
        return "The disk is full, so nothing was changed. Free some space and try again."
    if "malformed" in text or "not a database" in text:
        return "The netdesk database file is damaged. Restore it from a backup."
    return f"The netdesk database could not be written, so nothing was changed ({orig})."


@contextlib.contextmanager
def storage_errors() -> Iterator[None]:
    """Turn SQLite/SQLAlchemy/OS failures inside the block into ServiceError."""
    try:
        yield
    except ServiceError:
        raise
    except StoreError as exc:
        raise ServiceError(str(exc)) from exc
    except sqlite3.Error as exc:
        raise ServiceError(describe_storage_error(exc)) from exc
    except OSError as exc:
        raise ServiceError(f"netdesk could not use its data files: {exc.strerror or exc}") from exc
    except Exception as exc:
        # SQLAlchemy wraps sqlite3 errors in DBAPIError. Look it up without importing it:
        # the read paths run on plain sqlite3 and must not pay SQLAlchemy's import time.
        sa_exc = sys.modules.get("sqlalchemy.exc")
        if sa_exc is not None and isinstance(exc, sa_exc.DBAPIError):
            raise ServiceError(describe_storage_error(exc)) from exc
        raise


class Cancelled(ServiceError):
    """The user cancelled a long step (a big delete, its undo): its transaction was rolled
    back, so nothing changed."""

    def __init__(self, message: str = "Cancelled; nothing was changed.") -> None:
        super().__init__(message)
