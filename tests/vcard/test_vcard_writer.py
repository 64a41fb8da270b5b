"""The writer: format details, folding, UIDs, and a vobject cross-check of what it writes."""

from __future__ import annotations

import copy

import pytest
import vobject

from netdesk.domain.contact import (
    Address,
    Contact,
    ContactDate,
    LabeledValue,
    PartialDate,
    RelatedPerson,
)
from netdesk.vcard import VCardError, read_vcards, write_vcard, write_vcards
from netdesk.vcard.writer import fold

JPEG = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4 + b"\xff\xd9"


def full_contact() -> Contact:
    return Contact(
        display_name="Smith, John",
        uid="urn:uuid:1234",
        family_name="Smith",
        given_name="John",
        additional_names="Q.",
        name_prefix="Dr.",
        name_suffix="Jr.",
        nickname="Johnny",
        org="Acme, Inc.",
        org_units=["R&D", "Team; Blue"],
        title="Engineer",
        role="Lead",
        birthday=PartialDate(None, 2, 29),
        notes="Line 1\nLine 2, with; punctuation \\ and more",
        phones=[LabeledValue("+1 555 0100", "mobile", True), LabeledValue("555 0101", "Hotline")],
        emails=[LabeledValue("john@example.com", "work")],
        addresses=[Address(street="1 Main St", locality="Town", country="USA", label="home")],
        urls=[LabeledValue("https://example.com/a,b", "")],
        social_profiles=[
            LabeledValue("xmpp:john@jabber.example", "xmpp"),
            LabeledValue("https://www.linkedin.com/in/john", "linkedin"),
            LabeledValue("johnny55", "skype"),
            LabeledValue("https://mastodon.social/@john", "Mastodon"),
        ],
        tags=["friends", "a,b"],
        photo=JPEG,
        photo_mime="image/jpeg",
        rev="2024-01-01T00:00:00Z",
        anniversary=PartialDate(2010, 6, 12),
        other_dates=[ContactDate(PartialDate(None, 9, 1), "graduation")],
        related=[RelatedPerson("Jane", "wife"), RelatedPerson("Max", "manager")],
        raw_properties=["X-CUSTOM;A=b:c", "item1.X-ABADR:us", "item1.X-ABLabel:Home"],
    )


def test_v30_layout() -> None:
    text = write_vcard(full_contact())
    lines = text.split("\r\n")
    assert lines[:3] == ["BEGIN:VCARD", "VERSION:3.0", "PRODID:-//netdesk//netdesk//EN"]
    assert lines[-2:] == ["END:VCARD", ""]
    unfolded = text.replace("\r\n ", "")
    for expected in [
        "FN:Smith\\, John",
        "N:Smith;John;Q.;Dr.;Jr.",
        "ORG:Acme\\, Inc.;R&D;Team\\; Blue",
        "BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29",
        "TEL;TYPE=CELL,PREF:+1 555 0100",
        "item2.TEL:555 0101",  # item1 is taken by a kept raw property
        "item2.X-ABLabel:Hotline",
        "EMAIL;TYPE=INTERNET,WORK:john@example.com",
        "ADR;TYPE=HOME:;;1 Main St;Town;;;USA",
        "URL:https://example.com/a,b",
        "IMPP:xmpp:john@jabber.example",
        "X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/john",
        "X-SKYPE:johnny55",
        "item3.X-SOCIALPROFILE:https://mastodon.social/@john",
        "item3.X-ABLabel:Mastodon",
        "NOTE:Line 1\\nLine 2\\, with\\; punctuation \\\\ and more",
        "CATEGORIES:friends,a\\,b",
        "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4",
        "REV:2024-01-01T00:00:00Z",
        "X-ANNIVERSARY:2010-06-12",
        "item4.X-ABDATE:2010-06-12",
        "item4.X-ABLabel:_$!<Anniversary>!$_",
        "item5.X-ABDATE;X-APPLE-OMIT-YEAR=1604:1604-09-01",
        "item5.X-ABLabel:graduation",
        "item6.X-ABRELATEDNAMES:Jane",
        "item6.X-ABLabel:wife",
        "item7.X-ABRELATEDNAMES:Max",
        "item7.X-ABLabel:_$!<Manager>!$_",
        "X-CUSTOM;A=b:c",
        "item1.X-ABADR:us",
    ]:
        assert any(line.startswith(expected) for line in unfolded.split("\r\n")), expected
    assert "\n" not in text.replace("\r\n", "")


def test_v40_layout() -> None:
    unfolded = write_vcard(full_contact(), "4.0").replace("\r\n ", "").split("\r\n")
    assert unfolded[1] == "VERSION:4.0"
    for expected in [
        "BDAY:--0229",
        "TEL;TYPE=cell;PREF=1:+1 555 0100",
        "EMAIL;TYPE=work:john@example.com",
        "PHOTO:data:image/jpeg;base64,/9j/4",
        "ANNIVERSARY:20100612",
        "item4.X-ABDATE:2010-06-12",
        "item6.RELATED;VALUE=text:Jane",
        "item6.X-ABLabel:wife",
        "item7.RELATED;VALUE=text:Max",  # no RFC 6350 type for "manager": Apple's label
        "item7.X-ABLabel:_$!<Manager>!$_",
    ]:
        assert any(line.startswith(expected) for line in unfolded), expected


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_round_trip_of_a_full_contact(version: str) -> None:
    c = full_contact()
    (again,), problems = read_vcards(write_vcard(c, version).encode())
    assert problems == [] and again == c


def test_folding_is_75_octets_and_never_splits_utf8() -> None:
    c = Contact("名前" * 60, notes="ü€😀" * 100 + "x" * 300, photo=JPEG, photo_mime="image/jpeg")
    for version in ("3.0", "4.0"):
        text = write_vcard(c, version)
        for line in text.split("\r\n"):
            assert len(line.encode("utf-8")) <= 75
        (again,), _ = read_vcards(text.encode())
        assert again.display_name == c.display_name and again.notes == c.notes
        assert again.photo == JPEG


def test_fold_never_ends_a_piece_with_equals() -> None:
    line = "X-QP;ENCODING=QUOTED-PRINTABLE:" + "=C3=BC" * 40
    for piece in fold(line).split("\r\n"):
        assert not piece.endswith("=")
    assert fold(line).replace("\r\n ", "") == line


def test_uid_is_created_without_touching_the_contact() -> None:
    c = Contact("No Uid")
    before = copy.deepcopy(c)
    text = write_vcard(c)
    assert c == before and c.uid == ""
    (again,), _ = read_vcards(text.encode())
    assert again.uid.startswith("urn:uuid:") and len(again.uid) == 45


def test_fn_always_present() -> None:
    text = write_vcard(Contact("", family_name="Doe", given_name="Jane"))
    assert "\r\nFN:Jane Doe\r\n" in text
    assert "\r\nFN:(no name)\r\n" in write_vcard(Contact())


def test_unsupported_version_raises_at_the_call() -> None:
    with pytest.raises(VCardError):
        write_vcard(Contact("x"), "2.1")
    with pytest.raises(VCardError):
        write_vcards([Contact("x")], "5.0")  # not only when iterated


def test_write_vcards_streams() -> None:
    def endless():
        n = 0
        while True:
            n += 1
            yield Contact(f"Person {n}")

    cards = write_vcards(endless())
    assert "FN:Person 1\r\n" in next(cards) and "FN:Person 2\r\n" in next(cards)


def test_vobject_reads_what_we_write() -> None:
    """Cross-check with the project's vCard library (names without commas: vobject cuts
    them, see DESIGN.md)."""
    c = full_contact()
    c.display_name, c.org, c.raw_properties = "John Smith", "Acme Inc.", []
    for version in ("3.0", "4.0"):
        card = vobject.readOne(write_vcard(c, version))
        assert card.fn.value == "John Smith"
        assert len(card.contents["tel"]) == 2 and card.email.value == "john@example.com"
        assert card.n.value.family == "Smith" and card.n.value.given == "John"
        assert card.note.value == c.notes
    card3 = vobject.readOne(write_vcard(c))
    assert card3.photo.value == JPEG
