"""What Radicale cannot show: a truncated sync-collection (507) and a server renaming cards."""

from __future__ import annotations

from netdesk.domain.contact import Contact
from netdesk.services.accounts import AccountService
from netdesk.services.contacts import ContactService
from netdesk.store.db import open_database
from tests.helpers.fake_carddav import BOOK, FakeBook, FakeCardDavServer


def card(uid: str, name: str) -> str:
    return f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:{name}\r\nN:{name};;;;\r\nEND:VCARD\r\n"


def _store(tmp_path, url: str):
    db = open_database(tmp_path / "d")
    accounts = AccountService(db, tmp_path / "d")
    accounts.add("fake", url, "u", "p", book=url)
    return db, accounts, ContactService(db)


def test_truncated_sync_collection_is_followed_to_the_end(tmp_path) -> None:
    book = FakeBook(page_size=2)
    for i in range(5):
        book.store(f"{BOOK}c{i}.vcf", card(f"c{i}", f"Card {i}"))
    with FakeCardDavServer(book) as server:
        db, accounts, contacts = _store(tmp_path, server.book_url)
        report = accounts.sync("fake", "p")
        rounds = [r[1] for r in book.requests if r[1].startswith("sync-collection")]
        # 2 + 2 + 1 cards, each round continuing from the token the last one ended with
        assert rounds[:3] == ["sync-collection ", "sync-collection t2", "sync-collection t4"]
        assert report.downloaded == 5
        assert sorted(s.name for s in contacts.summaries()) == [f"Card {i}" for i in range(5)]
        book.remove(f"{BOOK}c0.vcf")
        book.store(f"{BOOK}c1.vcf", card("c1", "Card One"))
        report = accounts.sync("fake", "p")
        assert (report.deleted_local, report.updated_local) == (1, 1)
        assert sorted(s.name for s in contacts.summaries()) == [
            "Card 2", "Card 3", "Card 4", "Card One",
        ]  # fmt: skip
        contacts.close()
        db.dispose()


def test_server_that_renames_cards_on_put(tmp_path) -> None:
    book = FakeBook(page_size=100, rename_on_create=True)
    with FakeCardDavServer(book) as server:
        db, accounts, contacts = _store(tmp_path, server.book_url)
        for name in ("Ana Google", "Ben Google"):
            contacts.create(Contact(display_name=name, family_name=name.split()[1]))
        assert accounts.sync("fake", "p").uploaded == 2
        assert sorted(book.cards) == [f"{BOOK}renamed-1.vcf", f"{BOOK}renamed-2.vcf"]

        quiet = accounts.sync("fake", "p")  # the renamed cards are ours: nothing to fetch
        assert (quiet.downloaded, quiet.uploaded, quiet.updated_local) == (0, 0, 0)
        assert contacts.count() == 2

        ana = contacts.get(next(s.id for s in contacts.summaries() if "Ana" in s.name))
        ana.title = "Analyst"
        contacts.update(ana)
        assert accounts.sync("fake", "p").updated_remote == 1
        texts = [t for _e, t in book.cards.values()]
        assert len(texts) == 2 and any("TITLE:Analyst" in t for t in texts)
        contacts.close()
        db.dispose()


def test_server_without_sync_collection_falls_back_to_etag_listings(tmp_path) -> None:
    book = FakeBook(sync_collection=False)
    for i in range(3):
        book.store(f"{BOOK}c{i}.vcf", card(f"c{i}", f"Card {i}"))
    with FakeCardDavServer(book) as server:
        db, accounts, contacts = _store(tmp_path, server.book_url)
        assert accounts.sync("fake", "p").downloaded == 3
        assert accounts.get("fake").capabilities == "propfind"
        book.remove(f"{BOOK}c0.vcf")
        book.store(f"{BOOK}c1.vcf", card("c1", "Card One"))
        report = accounts.sync("fake", "p")
        assert (report.deleted_local, report.updated_local, report.downloaded) == (1, 1, 0)
        assert sorted(s.name for s in contacts.summaries()) == ["Card 2", "Card One"]
        contacts.close()
        db.dispose()
