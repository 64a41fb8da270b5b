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
    """A store file made by the real migrations up to ``revision``."""
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
    return path


def test_real_upgrade_from_0001_keeps_data_and_leaves_a_backup(data_dir: Path) -> None:
    from netdesk.domain.contact import Contact, LabeledValue
    from netdesk.services.contacts import ContactService

    # A store as the first release made it: schema 0001 with one contact in it.
    path = _store_at(data_dir, "0001")
    assert store_db.current_revision(path) == "0001"
    old = store_db.Database(path)
    ContactService(old).create(
        Contact(display_name="Ada Lovelace", emails=[LabeledValue("ada@example.org")])
    )
    old.dispose()

    database = store_db.open_database(data_dir)
    try:
        assert store_db.current_revision(path) == store_db.SCHEMA_HEAD
        service = ContactService(database)
        assert [r.name for r in service.summaries()] == ["Ada Lovelace"]
        assert service.search_ids("lovelace") and service.resolve("ada@example.org")
        service.close()
    finally:
        database.dispose()
    (backup,) = data_dir.glob("netdesk.sqlite3.*.bak")
    assert store_db.current_revision(backup) == "0001"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_upgrade_to_0007_refolds_sort_keys_and_the_search_index(data_dir: Path) -> None:
    from netdesk.domain.contact import Contact
    from netdesk.services.contacts import ContactService

    path = _store_at(data_dir, "0002")
    old = store_db.Database(path)
    for name in ("Zoë Adams", "Łukasz Łukasiewicz"):
        ContactService(old).create(Contact(display_name=name))
    old.dispose()
    # As revision 0002's code stored them: "ł" left as it is, no folded copy in the index.
    con = sqlite3.connect(path)
    con.execute("UPDATE contacts SET sort_name = lower(display_name)")
    con.execute("UPDATE contacts_fts SET body = (SELECT display_name FROM contacts c "
                "WHERE c.id = contacts_fts.rowid)")
    con.commit()
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
