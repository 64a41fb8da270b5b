"""Opening the database: a private SQLite file, migrated to the newest schema on open.

The file is created with mode 0600 (only the user can read their contacts). Before any
upgrade of an existing file a copy is taken next to it, so a failed migration loses nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

# SQLAlchemy is imported inside the functions that need it: its import costs more than
# Qt's, and the GUI's first paint only needs plain sqlite3 (see store/listing.py).

log = logging.getLogger(__name__)

DB_FILENAME = "netdesk.sqlite3"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class StoreError(RuntimeError):
    """The store cannot be opened or written; the message is meant for the user."""


def db_path(data_dir: Path) -> Path:
    return Path(data_dir) / DB_FILENAME


def _ensure_private_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        # Create it ourselves with 0600: SQLite would use the umask (often 0644), and its
        # -wal/-shm files copy the main file's permissions.
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; a crash loses no committed data
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def create_sqlite_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    # pysqlite's own transaction handling defers BEGIN; make transactions explicit so that a
    # failed import rolls back everything it wrote.
    event.listen(engine, "connect", lambda conn, _r: setattr(conn, "isolation_level", None))
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


# The newest migration's revision. Checking a file against this constant with plain sqlite3
# keeps Alembic (and its import time) out of every start-up where nothing needs migrating;
# tests/store/test_migrations.py checks it equals Alembic's head.
SCHEMA_HEAD = "0007"


def current_revision(path: Path) -> str | None:
    """The schema revision of an existing file, read with sqlite3 (no Alembic import)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        con.close()
    return row[0] if row else None


def backup_file(path: Path, target: Path | None = None) -> Path:
    """Copy the database consistently (SQLite's backup API, safe while netdesk runs) to
    ``target``, by default next to itself with a time stamp. The copy is private (0600)."""
    if target is None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.name}.{stamp}.bak")
    fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def _run_alembic_upgrade(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")


def migrate(engine: Engine, path: Path) -> None:
    """Bring the schema to the newest revision, backing up an existing file first."""
    current = current_revision(path) if path.stat().st_size else None
    if current == SCHEMA_HEAD:
        return
    if current is not None:
        saved = backup_file(path)
        log.info("backed up %s to %s before upgrading from %s", path, saved, current)
    _run_alembic_upgrade(engine)
    log.info("database %s now at schema %s", path, SCHEMA_HEAD)


class Database:
    """One netdesk SQLite file. The SQLAlchemy engine is made on first use, so start-up
    paths that only read can use a plain sqlite3 connection and skip SQLAlchemy's import."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._engine: Engine | None = None
        # The engine may first be asked for by a warm-up or import thread: make exactly one.
        self._engine_lock = threading.Lock()

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            with self._engine_lock:
                if self._engine is None:
                    self._engine = create_sqlite_engine(self.path)
        return self._engine

    def connect_raw(self) -> sqlite3.Connection:
        """A plain sqlite3 connection with netdesk's pragmas, for fast read paths."""
        con = sqlite3.connect(self.path, check_same_thread=False)
        _set_pragmas(con, None)
        return con

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def open_database(data_dir: Path) -> Database:
    """Open (creating and migrating as needed) the store in ``data_dir``."""
    path = db_path(data_dir)
    try:
        _ensure_private_file(path)
        database = Database(path)
        if not path.stat().st_size or current_revision(path) != SCHEMA_HEAD:
            migrate(database.engine, path)
    except PermissionError as exc:
        raise StoreError(f"cannot open the netdesk database {path}: permission denied") from exc
    except OSError as exc:
        raise StoreError(f"cannot open the netdesk database {path}: {exc.strerror}") from exc
    except Exception as exc:
        # sqlite3 errors arrive bare or wrapped by SQLAlchemy (DBAPIError.orig).
        orig = getattr(exc, "orig", exc)
        if not isinstance(orig, sqlite3.Error):
            raise
        if "not a database" in str(orig) or "malformed" in str(orig):
            message = f"{path} is not a netdesk database or is damaged ({orig})"
        else:
            message = f"cannot open the netdesk database {path}: {orig}"
        raise StoreError(message) from exc
    return database
