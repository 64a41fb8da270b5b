"""A merge meets sync (issues 12 and 13): the card of a merged-away contact updates the
survivor, is deleted on the server, and never comes back as a contact, against Radicale."""

from __future__ import annotations

import httpx

from netdesk.domain.contact import Contact, LabeledValue
from netdesk.services.merge import MergeService
from tests.sync import test_sync_radicale
from tests.sync.test_sync_radicale import AUTH, phone_card, server_cards

sides = test_sync_radicale.sides  # the two data dirs on one test book, as fixture "sides"


def _put(book: str, name: str, text: str) -> None:
    resp = httpx.put(f"{book}{name}.vcf", content=text, auth=AUTH,
                     headers={"Content-Type": "text/vcard"})
    assert resp.status_code in (201, 204)


def _server_uids(book: str) -> list[str]:
    return sorted(line[4:].strip() for text in server_cards(book).values()
                  for line in text.splitlines() if line.startswith("UID:"))


def _quiet(report) -> bool:  # noqa: ANN001
    counts = report.as_dict()
    return not any(v for k, v in counts.items() if k != "errors") and not report.errors


def test_merged_before_the_first_sync_the_server_keeps_one_card(sides, book) -> None:
    laptop, desktop = sides
    # A phone uploaded both cards; the laptop imported the same two and merged them.
    _put(book, "ann", phone_card("uid-ann", "Ann Lee", "+1 555 0100"))
    _put(book, "a-lee", phone_card("uid-a-lee", "A. Lee", "+1 555 0177"))
    ann = laptop.contacts.create(Contact(display_name="Ann Lee", family_name="Ann Lee",
                                         uid="uid-ann",
                                         phones=[LabeledValue("+1 555 0100")]))
    twin = laptop.contacts.create(Contact(display_name="A. Lee", family_name="A. Lee",
                                          uid="uid-a-lee", phones=[LabeledValue("+1 555 0177")]))
    MergeService(laptop.db).merge(ann.id, [twin.id])

    report = laptop.sync()
    assert not report.errors and not report.conflicts
    assert (report.downloaded, report.deleted_remote) == (0, 1)
    assert list(laptop.by_name()) == ["Ann Lee"]
    survivor = laptop.by_name()["Ann Lee"]
    assert survivor.id == ann.id
    assert {p.value for p in survivor.phones} == {"+1 555 0100", "+1 555 0177"}
    assert _server_uids(book) == ["uid-ann"]  # the merged-away card is gone there
    (text,) = server_cards(book).values()
    assert "+1 555 0177" in text

    assert _quiet(laptop.sync())  # and nothing comes back on the next sync
    assert list(laptop.by_name()) == ["Ann Lee"]
    desktop.sync()
    assert list(desktop.by_name()) == ["Ann Lee"]


def test_a_merged_away_card_edited_on_the_phone_updates_the_survivor(sides, book) -> None:
    laptop, desktop = sides
    ann = laptop.add("Ann Lee", emails=[LabeledValue("ann@lee.example")], title="CTO")
    twin = laptop.add("Ann Lee", emails=[LabeledValue("ANN@lee.example")],
                      phones=[LabeledValue("+1 555 0100")], title="Founder")
    laptop.sync()
    desktop.sync()
    assert len(desktop.by_name()) == 1 and len(server_cards(book)) == 2
    MergeService(laptop.db).merge(ann.id, [twin.id])  # keeps the survivor's title, CTO

    # Meanwhile the phone, which still shows both, adds a number to the merged-away card.
    (href, text), = [(h, t) for h, t in server_cards(book).items() if twin.uid in t]
    edited = text.replace("END:VCARD", "TEL;TYPE=CELL:+1 555 0199\r\nEND:VCARD")
    resp = httpx.put(book.split("/alice/")[0] + href, content=edited, auth=AUTH,
                     headers={"Content-Type": "text/vcard"})
    assert resp.status_code in (201, 204)

    report = laptop.sync()
    assert not report.errors and not report.conflicts and report.downloaded == 0
    assert report.deleted_remote == 1
    (survivor,) = laptop.contacts.get_many([ann.id])
    assert list(laptop.by_name()) == ["Ann Lee"] and survivor.title == "CTO"
    assert {p.value for p in survivor.phones} == {"+1 555 0100", "+1 555 0199"}
    assert _server_uids(book) == [ann.uid]
    assert "+1 555 0199" in next(iter(server_cards(book).values()))
    assert _quiet(laptop.sync())

    # The second laptop, which never merged, follows: one contact, with the phone's number.
    desktop.sync()
    (only,) = desktop.by_name().values()
    assert only.uid == ann.uid and "+1 555 0199" in {p.value for p in only.phones}
    assert _quiet(desktop.sync()) and _quiet(laptop.sync())


def test_merging_many_pairs_is_not_taken_for_a_mass_deletion(sides, book) -> None:
    laptop, _ = sides
    pairs = []
    for i in range(6):
        keep = laptop.add(f"Person {i}", emails=[LabeledValue(f"p{i}@example.org")])
        other = laptop.add(f"Person {i}", emails=[LabeledValue(f"P{i}@example.org")])
        pairs.append((keep.id, other.id))
    laptop.sync()
    merger = MergeService(laptop.db)
    for keep, other in pairs:
        merger.merge(keep, [other])
    # 6 of 12 cards go, but nothing is lost: each lives on in its survivor.
    report = laptop.sync()
    assert report.deleted_remote == 6 and not report.errors
    assert len(server_cards(book)) == 6
