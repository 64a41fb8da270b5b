"""A consistent copy of the database (``netdesk backup`` and File → Backup…)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from netdesk.services.errors import ServiceError
from netdesk.store.db import StoreError, backup_file


def default_backup_name(day: dt.date) -> str:
    """``netdesk-backup-2026-12-03.sqlite3``: dated, sorts by date, says what it is."""
    return f"netdesk-backup-{day.isoformat()}.sqlite3"


class BackupService:
    def __init__(self, database_path: Path) -> None:
        self.database = Path(database_path)

    def target_for(self, target: Path) -> Path:
        """Where a backup to ``target`` goes (a directory gets the database's own name);
        ServiceError when it is inside the data directory."""
        target = Path(target).expanduser()
        if target.is_dir():
            target = target / self.database.name
        data_dir = self.database.parent.resolve()
        where = target.parent.resolve()
        if where == data_dir or where.is_relative_to(data_dir):
            # Inside the data dir a backup could be the live database itself, and it would go
            # wherever the data dir goes (deleted with it, synced with it).
            raise ServiceError(
                f"refusing to write the backup into the data directory {data_dir}; "
                "choose a file outside it"
            )
        return target

    def backup(self, target: Path) -> Path:
        """Copy the database to ``target`` (safe while netdesk runs); the file written.
        Safe to call off the GUI thread (its own sqlite3 connections)."""
        target = self.target_for(target)
        try:
            backup_file(self.database, target)
        except StoreError as exc:
            raise ServiceError(f"backup not written: {exc}") from exc
        except (OSError, sqlite3.Error) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise ServiceError(f"could not write the backup to {target}: {reason}") from exc
        return target
