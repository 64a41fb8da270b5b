"""The real client and engine against a real Radicale on loopback (issue 12)."""

from __future__ import annotations

import uuid

import httpx
import pytest

from netdesk.domain.contact import Contact, LabeledValue
from netdesk.services.accounts import AccountService
from netdesk.services.contacts import ContactService
from netdesk.services.sync import ConfirmationNeeded, SyncError
from netdesk.store import sync_state
from netdesk.store.db import open_database

AUTH = ("alice", "secret")


class Side:
    """One netdesk data dir with an account on the test book."""

    def __init__(self, root, name: str, book: str, radicale) -> None:
        self.dir = root / name
        self.db = open_database(self.dir)
        self.accounts = AccountService(self.db, self.dir)
        self.contacts = ContactService(self.db)
        self.accounts.add("srv", radicale.url, "alice", "secret", book=book)

    def sync(self, **kw):
        return self.accounts.sync("srv", "secret", **kw)

    def by_name(self) -> dict[str, Contact]:
        found = self.contacts.get_many([s.id for s in self.contacts.summaries()])
        return {c.display_name: c for c in found}

    def add(self, name: str, **fields) -> Contact:
        given, _, family = name.partition(" ")
        return self.contacts.create(
            Contact(display_name=name, given_name=given, family_name=family, **fields)
        )

    def close(self) -> None:
        self.contacts.close()
        self.db.dispose()


@pytest.fixture
def sides(tmp_path, radicale, book):
    made = [Side(tmp_path, n, book, radicale) for n in ("laptop", "desktop")]
    yield made
    for s in made:
        s.close()


def phone_card(uid: str, name: str, tel: str = "") -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"UID:{uid}", f"FN:{name}", f"N:{name};;;;"]
    if tel:
        lines.append(f"TEL;TYPE=CELL:{tel}")
    return "\r\n".join([*lines, "END:VCARD", ""])


def server_cards(book: str) -> dict[str, str]:
    """href -> card text of everything in the book, read with plain HTTP."""
    body = (
        '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>'
    )
    resp = httpx.request("PROPFIND", book, content=body, headers={"Depth": "1"}, auth=AUTH)
    hrefs = [h.split("</")[0] for h in resp.text.split("<href>")[1:]]
    hrefs = [h for h in hrefs if h.endswith(".vcf")]
    base = book.split("/", 3)[:3]
    return {h: httpx.get("/".join(base) + h, auth=AUTH).text for h in hrefs}


def test_two_data_dirs_converge_up_down_edit_delete(sides, book) -> None:
    laptop, desktop = sides
    ann = laptop.add("Ann Lee", emails=[LabeledValue("ann@example.org")], tags=["meetup"])
    laptop.add("Bob Stone", phones=[LabeledValue("+33 6 12 34 56 78")])
    first = laptop.sync()
    assert (first.uploaded, first.downloaded) == (2, 0)
    assert len(server_cards(book)) == 2

    down = desktop.sync()
    assert (down.downloaded, down.uploaded) == (2, 0)
    got = desktop.by_name()
    assert got["Ann Lee"].emails[0].value == "ann@example.org"
    assert got["Ann Lee"].tags == ["meetup"]
    assert got["Ann Lee"].uid == ann.uid

    # An edit on each side, on different contacts.
    ann_d = got["Ann Lee"]
    ann_d.title = "CTO"
    desktop.contacts.update(ann_d)
    bob_l = laptop.by_name()["Bob Stone"]
    bob_l.org = "Stone & Co"
    laptop.contacts.update(bob_l)
    assert desktop.sync().updated_remote == 1
    report = laptop.sync()
    assert (report.updated_remote, report.updated_local) == (1, 1)
    assert desktop.sync().updated_local == 1
    for side in sides:
        names = side.by_name()
        assert names["Ann Lee"].title == "CTO"
        assert names["Bob Stone"].org == "Stone & Co"

    # A delete on one side reaches the other.
    laptop.contacts.delete([laptop.by_name()["Bob Stone"].id])
    assert laptop.sync().deleted_remote == 1
    assert desktop.sync().deleted_local == 1
    assert set(desktop.by_name()) == {"Ann Lee"}
    assert len(server_cards(book)) == 1

    # Nothing left to do: a no-op sync changes nothing anywhere.
    for side in sides:
        quiet = side.sync().as_dict()
        assert not any(v for k, v in quiet.items() if k != "errors") and not quiet["errors"]


def test_phone_like_writer_converges(sides, book) -> None:
    laptop, _desktop = sides
    uid = f"phone-{uuid.uuid4()}"
    url = f"{book}{uid}.vcf"
    put = httpx.put(
        url,
        content=phone_card(uid, "Carla Phone", "+1 555 0100"),
        auth=AUTH,
        headers={"Content-Type": "text/vcard"},
    )
    assert put.status_code == 201
    assert laptop.sync().downloaded == 1
    carla = laptop.by_name()["Carla Phone"]
    assert carla.phones[0].value == "+1 555 0100"

    # The phone edits the card; the laptop gets the change.
    httpx.put(url, content=phone_card(uid, "Carla Phone", "+1 555 0199"), auth=AUTH)
    assert laptop.sync().updated_local == 1
    assert laptop.by_name()["Carla Phone"].phones[0].value == "+1 555 0199"

    # The laptop edits; the phone reads the card back with the edit.
    carla = laptop.by_name()["Carla Phone"]
    carla.emails = [LabeledValue("carla@example.org")]
    laptop.contacts.update(carla)
    assert laptop.sync().updated_remote == 1
    assert "carla@example.org" in httpx.get(url, auth=AUTH).text

    # The phone deletes it; the laptop follows.
    assert httpx.delete(url, auth=AUTH).status_code in (200, 204)
    assert laptop.sync().deleted_local == 1
    assert "Carla Phone" not in laptop.by_name()


def test_conflict_keeps_both_values_and_412_merges(sides, book) -> None:
    laptop, desktop = sides
    laptop.add("Dana Cruz", emails=[LabeledValue("dana@old.org")])
    laptop.sync()
    desktop.sync()

    d = desktop.by_name()["Dana Cruz"]
    d.title = "Engineer"  # both sides change the title...
    d.emails.append(LabeledValue("dana@desk.org"))  # ...and each adds an e-mail
    desktop.contacts.update(d)
    desktop.sync()

    mine = laptop.by_name()["Dana Cruz"]
    mine.title = "Manager"
    mine.emails.append(LabeledValue("dana@lap.org"))
    mine.notes = "met at PyCon"  # a field only the laptop changed
    laptop.contacts.update(mine)
    report = laptop.sync()  # its PUT meets a newer card: 412, re-fetch, merge, write back
    assert [(c["field"], c["local"], c["server"]) for c in report.conflicts] == [
        ("title", "Manager", "Engineer")
    ]
    merged = laptop.by_name()["Dana Cruz"]
    assert merged.title == "Manager"
    assert {e.value for e in merged.emails} == {"dana@old.org", "dana@desk.org", "dana@lap.org"}
    assert merged.notes == "met at PyCon"
    stored = laptop.accounts.conflicts(merged.id)
    assert [(c.field, c.server_value) for c in stored] == [("title", "Engineer")]

    desktop.sync()
    other = desktop.by_name()["Dana Cruz"]
    assert other.title == "Manager" and other.notes == "met at PyCon"
    assert {e.value for e in other.emails} == {e.value for e in merged.emails}

    # Resolving with the server's value puts it back and sends it on the next sync.
    laptop.accounts.resolve(stored[0].id, "server")
    assert laptop.by_name()["Dana Cruz"].title == "Engineer"
    assert laptop.accounts.conflicts() == []
    laptop.sync()
    desktop.sync()
    assert desktop.by_name()["Dana Cruz"].title == "Engineer"


def test_invalid_token_falls_back_to_a_full_listing(sides, book) -> None:
    laptop, desktop = sides
    laptop.add("Eve Token")
    laptop.sync()
    desktop.sync()
    laptop.add("Finn Later")
    laptop.sync()
    with desktop.db.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE sync_accounts SET sync_token='http://radicale.org/ns/sync/0000dead'"
        )
    report = desktop.sync()
    assert report.downloaded == 1 and not report.errors
    assert set(desktop.by_name()) == {"Eve Token", "Finn Later"}
    with desktop.db.connect_raw() as con:
        token = sync_state.accounts(con)[0].sync_token
    assert token and not token.endswith("0000dead")


def test_wrong_password_and_server_down_leave_the_store_unchanged(sides, radicale) -> None:
    laptop, _ = sides
    laptop.add("Gus Offline")
    with pytest.raises(SyncError) as wrong:
        laptop.accounts.sync("srv", "not-the-password")
    assert "401" in str(wrong.value) and "not-the-password" not in str(wrong.value)
    with laptop.db.connect_raw() as con:
        assert sync_state.items(con, sync_state.accounts(con)[0].id) == {}

    with laptop.db.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE sync_accounts SET server_url='http://127.0.0.1:9/', "
            "book_url='http://127.0.0.1:9/alice/x/'"
        )
    with pytest.raises(SyncError, match=r"cannot reach 127\.0\.0\.1"):
        laptop.sync()
    assert set(laptop.by_name()) == {"Gus Offline"}


def test_refuses_when_one_side_is_suddenly_empty_or_many_deletions(sides, book) -> None:
    laptop, _ = sides
    for i in range(10):
        laptop.add(f"Person {i}")
    laptop.sync()
    for href in sorted(server_cards(book))[:6]:
        httpx.delete(book.split("/alice/")[0] + href, auth=AUTH)
    with pytest.raises(ConfirmationNeeded, match="6 of 10"):
        laptop.sync()
    assert len(laptop.by_name()) == 10  # nothing deleted here
    assert laptop.sync(confirmed=True).deleted_local == 6

    laptop.add("Solo One")
    laptop.add("Solo Two")
    laptop.sync()
    laptop.contacts.delete([c.id for c in laptop.by_name().values()])
    with pytest.raises(ConfirmationNeeded, match="local store is empty"):
        laptop.sync()
    assert len(server_cards(book)) == 6


def test_first_sync_links_the_same_card_on_both_sides_without_duplicates(sides, book) -> None:
    laptop, _ = sides
    url = f"{book}phone-made-name.vcf"
    httpx.put(url, content=phone_card("shared-uid-1", "Ivo Shared", "+1 555 0142"), auth=AUTH)
    laptop.contacts.create(
        Contact(display_name="Ivo Shared", family_name="Ivo Shared", uid="shared-uid-1",
                emails=[LabeledValue("ivo@example.org")])
    )  # fmt: skip
    report = laptop.sync()
    assert report.downloaded == 0 and report.uploaded == 0 and not report.errors
    assert list(laptop.by_name()) == ["Ivo Shared"]
    ivo = laptop.by_name()["Ivo Shared"]
    assert [p.value for p in ivo.phones] == ["+1 555 0142"]
    (text,) = server_cards(book).values()  # one card, holding both sides' data
    assert "ivo@example.org" in text and "+1 555 0142" in text


def test_server_emptied_is_refused_even_for_a_small_book(sides, book) -> None:
    laptop, _ = sides
    for name in ("Jo One", "Kim Two", "Lu Three"):
        laptop.add(name)
    laptop.sync()
    for href in server_cards(book):
        httpx.delete(book.split("/alice/")[0] + href, auth=AUTH)
    with pytest.raises(ConfirmationNeeded, match="server is empty"):
        laptop.sync()
    assert len(laptop.by_name()) == 3
