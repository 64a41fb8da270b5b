"""Migrations are the only way the schema is made; the models must agree with them."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from netdesk.store import db as store_db
from netdesk.store.models import Base


def test_schema_head_constant_matches_alembic_head() -> None:
    script = ScriptDirectory(str(store_db.MIGRATIONS_DIR))
    assert script.get_current_head() == store_db.SCHEMA_HEAD


def test_models_and_migrations_agree(database) -> None:
    def include(obj, name, type_, reflected, compare_to):
        return not (type_ == "table" and name.startswith("contacts_fts"))

    with database.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"include_object": include, "compare_type": True}
        )
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_new_database_is_private_and_uses_wal(database) -> None:
    mode = stat.S_IMODE(database.path.stat().st_mode)
    assert mode == 0o600
    con = database.connect_raw()
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    con.close()


def test_fts_table_is_created_by_the_migration(database) -> None:
    con = sqlite3.connect(database.path)
    sql = con.execute("SELECT sql FROM sqlite_master WHERE name = 'contacts_fts'").fetchone()[0]
    con.close()
    assert "remove_diacritics 2" in sql


def test_upgrade_backs_up_an_older_file(data_dir: Path, monkeypatch) -> None:
    database = store_db.open_database(data_dir)
    database.dispose()
    # Pretend the file is from an older schema by marking it with a revision before head.
    con = sqlite3.connect(database.path)
    con.execute(
        "INSERT INTO contacts (id, uid, display_name, sort_name, family_name, given_name,"
        " additional_names, name_prefix, name_suffix, nickname, org, org_units, title, role,"
        " notes, met_note, source, rev, list_emails, list_phones, list_tags, created_at,"
        " updated_at) VALUES (1, 'u', 'Ada', 'ada', '', '', '', '', '', '', '', '', '', '', '',"
        " '', '', '', '', '', '', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
    )
    con.commit()
    con.close()
    upgraded = []
    monkeypatch.setattr(store_db, "SCHEMA_HEAD", "9999")
    monkeypatch.setattr(
        store_db, "_run_alembic_upgrade", upgraded.append, raising=True
    )
    store_db.open_database(data_dir).dispose()
    backups = list(data_dir.glob("netdesk.sqlite3.*.bak"))
    assert len(backups) == 1 and upgraded
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    bak = sqlite3.connect(backups[0])
    assert bak.execute("SELECT display_name FROM contacts").fetchall() == [("Ada",)]
    bak.close()


def test_opening_a_file_that_is_not_a_database_gives_a_clear_error(data_dir: Path) -> None:
    import pytest

    path = store_db.db_path(data_dir)
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(store_db.StoreError, match=r"not a netdesk database|damaged"):
        store_db.open_database(data_dir)
    assert path.read_bytes() == b"this is not sqlite" * 100


def _store_at(data_dir: Path, revision: str) -> Path:
    """A store file as an older release made it: the real migrations up to ``revision``."""
    from alembic import command
    from alembic.config import Config

    path = store_db.db_path(data_dir)
    store_db._ensure_private_file(path)
    engine = store_db.create_sqlite_engine(path)
    cfg = Config()
    cfg.set_main_option("script_location", str(store_db.MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()
    assert store_db.current_revision(path) == revision
    return path


def _insert(con: sqlite3.Connection, table: str, **values: object) -> None:
    """Insert a row the way an older netdesk did, filling required columns with blanks."""
    for _cid, name, type_, notnull, _default, pk in con.execute(f"PRAGMA table_info({table})"):
        if notnull and not pk and name not in values:
            blank = {"DATETIME": "2026-01-01 00:00:00.000000", "INTEGER": 0, "BOOLEAN": 0}
            values[name] = blank.get(type_.upper(), "")
    columns = ", ".join(values)
    marks = ", ".join("?" * len(values))
    con.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values()))


def _fill_old_store(path: Path) -> None:
    con = sqlite3.connect(path)
    with con:
        for cid, name in ((1, "Ada Lovelace"), (2, "Grace Hopper"), (3, "Zoë Quinn")):
            _insert(con, "contacts", id=cid, uid=f"uid-{cid}", display_name=name,
                    sort_name=name.casefold())
            _insert(con, "contact_values", contact_id=cid, kind="email",
                    value=f"p{cid}@example.org", match_key=f"p{cid}@example.org")
            _insert(con, "interactions", contact_id=cid, at="2026-02-01 10:00:00.000000",
                    channel="meeting", note=f"met {name}")
            _insert(con, "followups", contact_id=cid, due="2026-03-01 10:00:00.000000",
                    note=f"call {name}")
            con.execute("INSERT INTO contacts_fts (rowid, body) VALUES (?, ?)",
                        (cid, name.casefold()))
    con.close()


def test_real_upgrade_from_0001_keeps_data_and_leaves_a_backup(data_dir: Path) -> None:
    from netdesk.services.contacts import ContactService

    path = _store_at(data_dir, "0001")
    _fill_old_store(path)

    database = store_db.open_database(data_dir)
    try:
        assert store_db.current_revision(path) == store_db.SCHEMA_HEAD
        service = ContactService(database)
        assert sorted(r.name for r in service.summaries()) == [
            "Ada Lovelace", "Grace Hopper", "Zoë Quinn"]
        assert service.search_ids("lovelace") and service.resolve("p1@example.org")
        service.close()
    finally:
        database.dispose()
    (backup,) = data_dir.glob("netdesk.sqlite3.*.bak")
    assert store_db.current_revision(backup) == "0001"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_upgrade_to_0003_keeps_every_row_its_id_and_its_references(data_dir: Path) -> None:
    path = _store_at(data_dir, "0002")
    _fill_old_store(path)

    store_db.open_database(data_dir).dispose()

    con = sqlite3.connect(path)
    try:
        # The rebuilt tables kept their rows and ids, and the rows that refer to them
        # survived (with foreign keys on, dropping the old table would have cascaded).
        assert con.execute("SELECT id, display_name FROM contacts ORDER BY id").fetchall() == [
            (1, "Ada Lovelace"), (2, "Grace Hopper"), (3, "Zoë Quinn")]
        for table in ("contact_values", "interactions", "followups"):
            assert con.execute(f"SELECT contact_id FROM {table} ORDER BY contact_id"
                               ).fetchall() == [(1,), (2,), (3,)], table
        for table in ("contacts", "interactions", "followups"):
            sql = con.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
            assert "AUTOINCREMENT" in sql[0], table
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        indexes = {r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts'")}
        assert {"ix_contacts_uid", "ix_contacts_sort_name", "ix_contacts_keep_in_touch_days"} \
            <= indexes
    finally:
        con.close()


def test_upgrade_to_0007_refolds_sort_keys_and_the_search_index(data_dir: Path) -> None:
    from netdesk.services.contacts import ContactService

    path = _store_at(data_dir, "0002")
    # As revision 0002's code stored them: "ł" left as it is, no folded copy in the index.
    con = sqlite3.connect(path)
    with con:
        for cid, name in ((1, "Zoë Adams"), (2, "Łukasz Łukasiewicz")):
            _insert(con, "contacts", id=cid, uid=f"uid-{cid}", display_name=name,
                    sort_name=name.lower())
            con.execute("INSERT INTO contacts_fts (rowid, body) VALUES (?, ?)", (cid, name))
    con.close()

    database = store_db.open_database(data_dir)
    try:
        service = ContactService(database)
        assert [r.name for r in service.summaries()] == ["Łukasz Łukasiewicz", "Zoë Adams"]
        (found,) = service.search_ids("lukasiewicz")
        assert service.get(found).display_name == "Łukasz Łukasiewicz"
        assert service.search_ids("zoe") and service.search_ids("Łukasz")
        service.close()
    finally:
        database.dispose()
