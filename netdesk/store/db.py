"""Opening the database: a private SQLite file, migrated to the newest schema on open.

The file is created with mode 0600 (only the user can read their contacts). Before any
upgrade of an existing file a copy is taken next to it, so a failed migration loses nothing.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import sqlite3
import threading
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from netdesk.domain.clock import local_now
from netdesk.store.checkpoints import WalCheckpointer
from netdesk.store.safe_files import private_temporary

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


# How long a write waits for another process's write lock before "database is locked". The
# window keeps it short so it never freezes for long; a command-line call would rather wait
# out a big import in the window than fail (a script can't click "try again").
BUSY_TIMEOUT_MS = 5_000
CLI_BUSY_TIMEOUT_MS = 180_000


def _set_pragmas(dbapi_connection: sqlite3.Connection, busy_ms: int = BUSY_TIMEOUT_MS,
                 autocheckpoint: bool = True) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; a crash loses no committed data
    cur.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
    if not autocheckpoint:  # a WalCheckpointer does it (store/checkpoints.py)
        cur.execute("PRAGMA wal_autocheckpoint=0")
    cur.close()


def create_sqlite_engine(path: Path, busy_ms: int = BUSY_TIMEOUT_MS,
                         database: Database | None = None) -> Engine:
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import URL

    # URL.create, not f"sqlite:///{path}": a data dir named "a?b" would otherwise be cut at
    # the "?" (read as URL parameters) and the database written somewhere else.
    engine = create_engine(URL.create("sqlite", database=str(path)))
    event.listen(engine, "connect", lambda conn, _record: _set_pragmas(
        conn, busy_ms, database is None or database.checkpointer is None))
    # pysqlite's own transaction handling defers BEGIN; make transactions explicit so that a
    # failed import rolls back everything it wrote.
    event.listen(engine, "connect", lambda conn, _r: setattr(conn, "isolation_level", None))
    event.listen(engine, "begin", _begin)
    # engine.begin() is how every write starts: make those IMMEDIATE (see _begin).
    engine.begin = types.MethodType(  # type: ignore[method-assign]
        functools.partial(_begin_writing, after=database.wrote if database else None), engine)
    return engine


_WRITE_OPTION = "netdesk_write"


def _begin(conn) -> None:
    # A deferred BEGIN that later writes asks for the write lock mid-transaction; when another
    # process holds it SQLite fails at once ("database is locked") instead of waiting out the
    # busy timeout. BEGIN IMMEDIATE takes the lock up front, so writers queue for it. Reads
    # (engine.connect()) stay deferred and never wait for a writer under WAL.
    immediate = conn.get_execution_options().get(_WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextlib.contextmanager
def _begin_writing(engine: Engine, after: Callable[[], None] | None = None) -> Iterator:
    """``Engine.begin()`` with the write lock taken at BEGIN (what SQLAlchemy's does, plus
    the option that _begin reads); ``after()`` runs once the transaction committed."""
    with engine.connect() as conn:
        conn.execution_options(**{_WRITE_OPTION: True})
        with conn.begin():
            yield conn
    if after is not None:
        after()


# The newest migration's revision. Checking a file against this constant with plain sqlite3
# keeps Alembic (and its import time) out of every start-up where nothing needs migrating;
# tests/store/test_migrations.py checks it equals Alembic's head.
SCHEMA_HEAD = "0009"


def current_revision(path: Path) -> str | None:
    """The schema revision of an existing file, read with sqlite3 (no Alembic import)."""
    con = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        con.close()
    return row[0] if row else None


BACKUP_PREFIX = ".netdesk-backup-"


def backup_file(path: Path, target: Path | None = None) -> Path:
    """Copy the database consistently (SQLite's backup API, safe while netdesk runs) to
    ``target``, by default next to itself with a time stamp.

    The copy goes to a new private (0600) file next to the target, is checked with
    ``PRAGMA quick_check`` and only then renamed over the target: a killed or failed backup,
    or a damaged database, leaves the previous backup as it was. Raises StoreError when the
    database is damaged, OSError when the target can't be written.
    """
    if target is None:
        stamp = local_now().strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.name}.{stamp}.bak")
    if target.exists() and os.path.samefile(path, target):
        raise StoreError(f"{target} is the database itself; a backup must go somewhere else")
    with private_temporary(target, BACKUP_PREFIX) as tmp:
        _copy_database(path, tmp)
    return target


def _copy_database(path: Path, copy: Path) -> None:
    # as_uri() percent-encodes the path: a data dir named "a#b" or "50%" stays that dir.
    src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(copy)
        try:
            src.backup(dst)
            problems = [row[0] for row in dst.execute("PRAGMA quick_check").fetchall()]
            # A backup copy needs no WAL: one self-contained file.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is damaged ({exc}); restore it from an older backup") from exc
    finally:
        src.close()
    if problems != ["ok"]:
        raise StoreError(
            f"{path} is damaged ({'; '.join(problems[:3])}); restore it from an older backup"
        )


def _run_alembic_upgrade(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect() as connection:
        # Rebuilding a table (batch mode) drops the old one: with foreign keys on, that would
        # cascade-delete every row referring to it. SQLite ignores this pragma inside a
        # transaction, so it is set on the raw connection before BEGIN, and the references
        # are checked before the migration commits.
        raw = connection.connection.driver_connection
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                cfg.attributes["connection"] = connection
                command.upgrade(cfg, "head")
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StoreError(f"the schema upgrade left broken references: {broken[:5]}")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def known_revisions() -> frozenset[str]:
    """The revisions this netdesk has migrations for (file names start with the revision)."""
    return frozenset(
        p.name.split("_", 1)[0] for p in (MIGRATIONS_DIR / "versions").glob("[0-9]*_*.py")
    )


def check_not_newer(path: Path, current: str | None) -> None:
    """A schema this netdesk does not know came from a newer one: stop before touching it."""
    if current is not None and current != SCHEMA_HEAD and current not in known_revisions():
        raise StoreError(
            f"this database was written by a newer netdesk (schema {current}); upgrade netdesk"
            f" to open {path}"
        )


def migrate(engine: Engine, path: Path) -> None:
    """Bring the schema to the newest revision, backing up an existing file first."""
    current = current_revision(path) if path.stat().st_size else None
    if current == SCHEMA_HEAD:
        return
    check_not_newer(path, current)
    if current is not None:
        saved = backup_file(path)
        log.info("backed up %s to %s before upgrading from %s", path, saved, current)
    _run_alembic_upgrade(engine)
    log.info("database %s now at schema %s", path, SCHEMA_HEAD)


class Database:
    """One netdesk SQLite file. The SQLAlchemy engine is made on first use, so start-up
    paths that only read can use a plain sqlite3 connection and skip SQLAlchemy's import."""

    def __init__(self, path: Path, busy_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.path = Path(path)
        self.busy_ms = busy_ms
        self._engine: Engine | None = None
        # The engine may first be asked for by a warm-up or import thread: make exactly one.
        self._engine_lock = threading.Lock()
        self.checkpointer: WalCheckpointer | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            with self._engine_lock:
                if self._engine is None:
                    self._engine = create_sqlite_engine(self.path, self.busy_ms, self)
        return self._engine

    def connect_raw(self) -> sqlite3.Connection:
        """A plain sqlite3 connection with netdesk's pragmas, for fast read paths."""
        con = sqlite3.connect(self.path, check_same_thread=False)
        _set_pragmas(con, self.busy_ms, self.checkpointer is None)
        return con

    def checkpoint_in_background(self) -> WalCheckpointer:
        """From now on commits never checkpoint the log themselves; a thread of its own does
        (store/checkpoints.py). For the window, whose commits run on the GUI thread."""
        if self.checkpointer is None:
            self._dispose_engine()  # connections made so far would still checkpoint on commit
            self.checkpointer = WalCheckpointer(self.path)
        return self.checkpointer

    def wrote(self) -> None:
        """A write transaction committed (engine.begin() calls this)."""
        if self.checkpointer is not None:
            self.checkpointer.nudge()

    def dispose(self) -> None:
        if self.checkpointer is not None:
            self.checkpointer.close()
            self.checkpointer = None
        self._dispose_engine()

    def _dispose_engine(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def open_database(data_dir: Path, busy_ms: int = BUSY_TIMEOUT_MS) -> Database:
    """Open (creating and migrating as needed) the store in ``data_dir``; writes wait up to
    ``busy_ms`` for another process's write lock."""
    path = db_path(data_dir)
    try:
        _ensure_private_file(path)
        database = Database(path, busy_ms)
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
