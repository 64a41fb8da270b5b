"""Migration 0006 (aliases, not-duplicate pairs, merge log) goes down and up again cleanly."""

from __future__ import annotations

import sqlite3

from alembic import command
from alembic.config import Config

from netdesk.store import db as store_db


def _tables(path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()


def test_0006_downgrades_and_upgrades(database) -> None:
    ours = {"contact_aliases", "not_duplicates", "merge_log"}
    assert ours <= _tables(database.path)
    cfg = Config()
    cfg.set_main_option("script_location", str(store_db.MIGRATIONS_DIR))
    with database.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    assert not ours & _tables(database.path)
    with database.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    assert ours <= _tables(database.path)
