"""Background WAL checkpoints (store/checkpoints.py): the window's commits never copy the log
into the database file themselves; a thread of their own does, soon after each write."""

from __future__ import annotations

import time

from sqlalchemy import text

from netdesk.domain.contact import Contact
from netdesk.store.contacts import ContactRepository
from netdesk.store.db import open_database


def autocheckpoint(con) -> int:  # noqa: ANN001
    return con.execute("PRAGMA wal_autocheckpoint").fetchone()[0]


def wait_for(condition, timeout_s: float = 10.0) -> None:  # noqa: ANN001
    end = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.01)


def test_by_default_commits_checkpoint_as_sqlite_does(data_dir):
    db = open_database(data_dir)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1000
        raw = db.connect_raw()
        assert autocheckpoint(raw) == 1000
        raw.close()
    finally:
        db.dispose()


def test_in_the_background_commits_only_append_and_the_thread_checkpoints(data_dir):
    db = open_database(data_dir)
    checkpointer = db.checkpoint_in_background()
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
        raw = db.connect_raw()
        assert autocheckpoint(raw) == 0
        raw.close()
        before = checkpointer.checkpoints
        # More than SQLite's 1,000-page threshold, in many small commits as the window makes.
        for n in range(60):
            with db.engine.begin() as conn:
                ContactRepository(conn).add_many(
                    [Contact(f"Person {n}-{i}", notes="x" * 2000) for i in range(40)])
        wait_for(lambda: checkpointer.checkpoints > before
                 and checkpointer.last_result is not None
                 and checkpointer.last_result[1] == checkpointer.last_result[2] > 1000)
        with db.engine.connect() as conn:  # and everything written is there
            assert conn.execute(text("SELECT count(*) FROM contacts")).scalar() == 2400
    finally:
        db.dispose()
    assert not checkpointer.is_running()
