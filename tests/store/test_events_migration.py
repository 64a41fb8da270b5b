"""Revision 0008: where-met text becomes links to events, through a real upgrade."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config

from netdesk.store import db as store_db

_CONTACT = (
    "INSERT INTO contacts (id, uid, display_name, sort_name, family_name, given_name,"
    " additional_names, name_prefix, name_suffix, nickname, org, org_units, title, role,"
    " notes, met_event_id, met_note, source, rev, list_emails, list_phones, list_tags,"
    " created_at, updated_at) VALUES (?, ?, ?, ?, '', '', '', '', '', '', '', '', '', '', '',"
    " ?, ?, '', '', '', '', '', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
)


def _store_at_0002(data_dir: Path) -> Path:
    path = store_db.db_path(data_dir)
    store_db._ensure_private_file(path)
    engine = store_db.create_sqlite_engine(path)
    cfg = Config()
    cfg.set_main_option("script_location", str(store_db.MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
    engine.dispose()
    assert store_db.current_revision(path) == "0002"
    con = sqlite3.connect(path)
    con.executemany("INSERT INTO events (id, name, kind, notes) VALUES (?, ?, ?, '')",
                    [(1, "PyData Berlin", "meetup"), (2, "Rencontres Économiques", "conference")])
    con.executemany(_CONTACT, [
        (1, "a", "Ada", "ada", 1, "talked about pandas"),            # where-met: an event
        (2, "b", "Bob", "bob", None, "pydata berlin"),                 # note names an event
        (3, "c", "Cleo", "cleo", None, "met at Rencontres economiques"),  # accents, "met at"
        (4, "d", "Dan", "dan", None, "introduced by Ada"),             # just a note
        (5, "e", "Eve", "eve", None, ""),
    ])
    con.execute("INSERT INTO interactions (id, contact_id, at, channel, note)"
                " VALUES (1, 4, '2026-02-01 10:00:00', 'call', 'hello')")
    con.commit()
    con.close()
    return path


def test_upgrade_links_where_met_text_to_events_and_keeps_the_notes(data_dir: Path) -> None:
    path = _store_at_0002(data_dir)
    database = store_db.open_database(data_dir)
    try:
        assert store_db.current_revision(path) == store_db.SCHEMA_HEAD
        from netdesk.services.events import EventService

        events = EventService(database)
        by_name = {e.name: e for e in events.all()}
        assert [n for _, n in events.people(by_name["PyData Berlin"].id)] == ["Ada", "Bob"]
        assert [n for _, n in events.people(by_name["Rencontres Économiques"].id)] == ["Cleo"]
        # Nothing the user typed is lost; a note that names no event stays just a note.
        con = sqlite3.connect(path)
        rows = dict(con.execute("SELECT display_name, met_note FROM contacts"))
        met = dict(con.execute("SELECT display_name, met_event_id FROM contacts"))
        con.close()
        assert rows["Bob"] == "pydata berlin" and rows["Dan"] == "introduced by Ada"
        assert met["Dan"] is None and met["Eve"] is None and met["Bob"] == 1
        # Old single-person interactions read as before.
        from netdesk.services.activity import ActivityService

        (old,) = ActivityService(database).interactions(4)
        assert (old.note, old.with_ids) == ("hello", ())
    finally:
        database.dispose()
    assert len(list(data_dir.glob("netdesk.sqlite3.*.bak"))) == 1


def test_downgrade_to_0002_removes_the_new_tables(data_dir: Path) -> None:
    path = _store_at_0002(data_dir)
    store_db.open_database(data_dir).dispose()
    engine = store_db.create_sqlite_engine(path)
    cfg = Config()
    cfg.set_main_option("script_location", str(store_db.MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    engine.dispose()
    con = sqlite3.connect(path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    names = [r[0] for r in con.execute("SELECT display_name FROM contacts ORDER BY id")]
    con.close()
    assert "event_people" not in tables and "interaction_people" not in tables
    assert names == ["Ada", "Bob", "Cleo", "Dan", "Eve"]
