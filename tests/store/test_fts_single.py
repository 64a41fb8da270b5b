"""One folded copy of each search document (revision 0009) finds exactly what the former two
copies (as written, then folded) found, and the migration turns the old documents into the
new ones without losing a word or leaving a tag's word behind."""

from __future__ import annotations

import sqlite3
from itertools import pairwise
from pathlib import Path

from netdesk.domain.text import fold
from netdesk.store import db as store_db
from netdesk.store.fts import match_query, searchable
from tests.store.test_migrations import _insert, _store_at

FTS_SQL = ("CREATE VIRTUAL TABLE contacts_fts USING fts5(body, tokenize = 'unicode61 "
           "remove_diacritics 2', detail = none, prefix = '1 2')")

NAMES = [
    "Łukasz Łukasiewicz", "Żaneta Wróblewska", "Søren Kierkegaard", "Ærø Øster", "Åse Bæk",
    "Jürgen Großmann", "Straße der Pariser Kommune", "İsmail Işık", "Ayşe Çağlar",
    "Ilıca Dağı", "山田 太郎", "やまだ たろう", "ヤマダ タロウ", "ｶﾞｯｺｳ", "Zoë Ångström",
    "Nguyễn Văn Đức", "Ðorđe Đoković", "Þórr Hallgrímsson", "Ħamrun", "œuvre Œdipe",
    "ﬁnance ﬂow", "Ｆｕｌｌｗｉｄｔｈ", "Мария Иванова", "Νίκος Παπαδόπουλος", "José García",
    "café\nnotes: met at the Café Zoë", "O'Brien", "x²", "½ price", "ǅemal", "ÀÉÎÕÜ",
]


def _index(bodies: list[str]) -> sqlite3.Connection:
    con = sqlite3.connect(":memory:")
    con.execute(FTS_SQL)
    con.executemany("INSERT INTO contacts_fts (rowid, body) VALUES (?, ?)",
                    list(enumerate(bodies, 1)))
    return con


def _found(con: sqlite3.Connection, query: str) -> set[int]:
    return {r for (r,) in con.execute(
        "SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?", (query,))}


def _queries() -> set[str]:
    """Every prefix of every word, as written, upper-cased and folded, and word pairs."""
    out: set[str] = set()
    words = [w for name in NAMES for w in name.split()]
    for word in words:
        for form in {word, word.upper(), word.casefold(), fold(word)}:
            out.update(form[:i] for i in range(1, len(form) + 1))
    out.update(f"{a} {b}" for a, b in pairwise(words))
    return out


def test_one_folded_copy_finds_what_two_copies_found() -> None:
    doubled = _index([b if b.isascii() else f"{b}\n{fold(b)}" for b in NAMES])
    single = _index([searchable(b) for b in NAMES])
    compared = 0
    for text in sorted(_queries()):
        query = match_query(text)
        if query is None:
            continue
        assert _found(single, query) == _found(doubled, query), text
        compared += 1
    assert compared > 500
    # and the folding the issue asks for still holds
    assert _found(single, match_query("lukasiewicz")) == {1}
    assert _found(single, match_query("oster")) == {4}
    assert _found(single, match_query("grossmann")) == {6}
    assert _found(single, match_query("isik")) == {8}


def _old_document(lines: list[str]) -> str:
    body = "\n".join(lines)
    return body if body.isascii() else f"{body}\n{fold(body)}"


def test_upgrade_to_0009_keeps_one_folded_copy(data_dir: Path) -> None:
    from netdesk.services.contacts import ContactService
    from netdesk.services.tags import TagService

    path = _store_at(data_dir, "0008")
    people = {  # id: (name, notes, tags, document as 0007/0008 wrote it)
        1: ("Łukasz Łukasiewicz", "work", ["Straße", "work"],
            _old_document(["Łukasz Łukasiewicz", "work", "Straße", "work"])),
        2: ("Ada Lovelace", "", ["vip"], "Ada Lovelace\nvip"),
        # an ASCII document that 0008's tag edit gave a non-ASCII tag (with_folded of all)
        3: ("Bob Smith", "", ["Øresund"], "Bob Smith\nØresund\nbob smith\noresund"),
    }
    con = sqlite3.connect(path)
    with con:
        tag_ids: dict[str, int] = {}
        for cid, (name, notes, tags, body) in people.items():
            _insert(con, "contacts", id=cid, uid=f"uid-{cid}", display_name=name,
                    sort_name=fold(name), notes=notes, list_tags="\x1f".join(tags))
            for tag in tags:
                if tag not in tag_ids:
                    tag_ids[tag] = len(tag_ids) + 1
                    _insert(con, "tags", id=tag_ids[tag], name=tag)
                _insert(con, "contact_tags", contact_id=cid, tag_id=tag_ids[tag])
            con.execute("INSERT INTO contacts_fts (rowid, body) VALUES (?, ?)", (cid, body))
    con.close()

    database = store_db.open_database(data_dir)
    try:
        con = sqlite3.connect(path)
        bodies = dict(con.execute("SELECT rowid, body FROM contacts_fts"))
        con.close()
        assert bodies == {1: "lukasz lukasiewicz\nwork\nwork\nstrasse",
                          2: "Ada Lovelace\nvip", 3: "bob smith\noresund"}
        contacts, tags = ContactService(database), TagService(database)
        for text, ids in (("lukasiewicz", [1]), ("Łukasz", [1]), ("straße", [1]),
                          ("STRASSE", [1]), ("work", [1]), ("øresund", [3]), ("vip", [2])):
            assert contacts.search_ids(text) == ids, text
        # each tag's word went with the tag; the note's "work" stays
        tags.remove("Straße", [1])
        tags.remove("work", [1])
        tags.remove("Øresund", [3])
        assert contacts.search_ids("strasse") == [] and contacts.search_ids("oresund") == []
        assert contacts.search_ids("work") == [1]
        contacts.close()
    finally:
        database.dispose()
