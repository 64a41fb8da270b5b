"""The reader over the real-world corpus (see corpus/PROVENANCE.md and expected.json)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from pathlib import Path

import pytest

from netdesk.domain.contact import Contact, RelatedPerson, fallback_display_name
from netdesk.vcard import CardProblem, iter_cards, read_vcards, write_vcard

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
WELL_FORMED = sorted(EXPECTED["files"])
MALFORMED = sorted(EXPECTED["malformed_files"])
ALL_FILES = sorted(WELL_FORMED + MALFORMED)


def read(name: str) -> tuple[list[Contact], list[CardProblem]]:
    return read_vcards((CORPUS / name).read_bytes(), name)


def test_every_corpus_file_is_covered_by_expected_json() -> None:
    assert sorted(p.name for p in CORPUS.glob("*.vcf")) == ALL_FILES
    assert len(ALL_FILES) == 29  # the 28 shared files + cozy_apple.vcf (issue 11)


def test_corpus_copies_are_byte_exact() -> None:
    text = (CORPUS / "PROVENANCE.md").read_text(encoding="utf-8")
    hashes = dict(re.findall(r"### `([^`]+)`.*?sha256: `([0-9a-f]{64})`", text, re.DOTALL))
    assert sorted(hashes) == ALL_FILES
    for name, digest in hashes.items():
        assert hashlib.sha256((CORPUS / name).read_bytes()).hexdigest() == digest, name


@pytest.mark.parametrize("name", ALL_FILES)
def test_cards_names_and_counts(name: str) -> None:
    spec = EXPECTED["files"].get(name) or EXPECTED["malformed_files"][name]
    contacts, _ = read(name)
    assert len(contacts) == spec["card_count"]
    for contact, card in zip(contacts, spec["cards"], strict=True):
        expected_name = card["fn"] if card["fn"] is not None else fallback_display_name(contact)
        assert contact.display_name == expected_name
        assert len(contact.phones) == card["tel"]
        assert len(contact.emails) == card["email"]
        assert contact.display_name.strip()
        assert contact.source == ""


@pytest.mark.parametrize("name", WELL_FORMED)
def test_well_formed_files_give_no_problems(name: str) -> None:
    _, problems = read(name)
    assert problems == []


# What each deliberately malformed file must produce: (card, line, words in the message).
MALFORMED_PROBLEMS = {
    "aosp_v30_comma_separated.vcf": [(1, 1, "no FN")],
    "eds_11.vcf": [],  # empty parameter segments are skipped; the lines are kept raw
    "ezvcard_issue114.vcf": [(1, 9, "':' inside an unquoted parameter value")],
    "jdvcard_encoding.vcf": [],  # bare QUOTED-PRINTABLE/BASE64 are decoded leniently
    "jdvcard_invalid_encoding.vcf": [(1, 4, "unknown CHARSET 'invalid-encoding'")],
    "khard_unparsable.vcf": [(1, 1, "END:VCARD missing")],
}


@pytest.mark.parametrize("name", MALFORMED)
def test_malformed_files_give_clear_problems(name: str) -> None:
    _, problems = read(name)
    got = [(p.card, p.line, p.message) for p in problems]
    expected = MALFORMED_PROBLEMS[name]
    assert len(got) == len(expected), got
    for (card, line, message), (want_card, want_line, words) in zip(got, expected, strict=True):
        assert (card, line) == (want_card, want_line)
        assert words in message
    assert all(p.file == name and not p.skipped for p in problems)


def test_malformed_best_effort_values() -> None:
    (aosp,), _ = read("aosp_v30_comma_separated.vcf")
    assert (aosp.family_name, aosp.given_name, aosp.additional_names) == ("F", "G", "M")
    assert aosp.display_name == "G M F"
    assert aosp.phones[0].value == "1" and aosp.phones[0].preferred
    # RFC 6350: a quoted TYPE value is a comma list too (TYPE="voice,home" is home).
    assert aosp.phones[0].label == "comma separated"

    (eds11,), _ = read("eds_11.vcf")
    assert eds11.raw_properties == [
        "X-EVOLUTION-FILE-AS:AttributeParam\\, Invalid",
        "NOPARAM;:pas-id-4094434A00000001",
        "TAIL;PARAM=value;:pas-id-4094434A00000001",
        "MIDDLE;PARAM=value;;PARAM2=value2:pas-id-4094434A00000001",
    ]

    (issue114,), _ = read("ezvcard_issue114.vcf")
    (adr,) = issue114.addresses
    assert (adr.street, adr.locality, adr.postal_code, adr.country) == (
        "Dummy-Dummy-Strasse 1",
        "Bad Homburg",
        "61352",
        "Germany",
    )
    assert adr.label == "work"

    encoded, _ = read("jdvcard_encoding.vcf")
    assert [c.notes for c in encoded] == ["Lieblingsfarbe: Violett"] * 4 + ["Ludwig-Götz Graßl"] * 4

    (invalid,), _ = read("jdvcard_invalid_encoding.vcf")
    assert (invalid.family_name, invalid.given_name) == ("Desloovere", "Jeroen")
    assert invalid.emails[0].label == "email"
    assert invalid.urls[0].label == "home"
    assert not any("X-ABLabel" in raw for raw in invalid.raw_properties)

    (unterminated,), _ = read("khard_unparsable.vcf")
    assert unterminated.display_name == "second contact with minimal Vcard"


def test_fn_all_extra_names_are_kept_raw() -> None:
    for name in WELL_FORMED:
        for contact, card in zip(read(name)[0], EXPECTED["files"][name]["cards"], strict=True):
            for extra in card.get("fn_all", [])[1:]:
                assert any(r.startswith("FN") and r.endswith(extra) for r in contact.raw_properties)


def test_eds_12_quoted_printable_soft_breaks() -> None:
    (c,), _ = read("eds_12.vcf")
    assert (c.family_name, c.given_name) == ("Brüning", "Michael")
    (adr,) = c.addresses
    assert adr.parts() == ("", "", "Münsterplatz 21", "Ulm", "Baden-Württemberg", "89073", "")
    assert adr.label == "home"
    assert [p.label for p in c.phones] == ["work mobile", "home mobile", "work"]
    assert str(c.birthday) == "1978-12-29"
    assert c.raw_properties[0].startswith("LABEL;HOME;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:")


def test_mac_address_book_card() -> None:
    (c,), _ = read("ezvcard_John_Doe_MAC_ADDRESS_BOOK.vcf")
    assert c.additional_names == "Richter,James"
    assert (c.org, c.org_units) == ("IBM", ["Accounting"])
    assert c.phones[0].preferred and c.phones[0].label == "work"
    assert c.phones[-1].label == "AssistantPhone"
    assert c.urls[0].value == "http://www.ibm.com" and c.urls[0].label == "homepage"
    assert c.notes.startswith(
        'THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"'
    )  # Apple's \" unescaped
    # 18 KB JPEG folded with LF + two spaces inside a CRLF file.
    assert c.photo is not None and c.photo[:3] == b"\xff\xd8\xff" and c.photo[-2:] == b"\xff\xd9"
    assert c.photo_mime == "image/jpeg"
    assert RelatedPerson("Jenny", "spouse") in c.related  # item5.X-ABRELATEDNAMES + X-ABLabel
    assert "item1.X-ABLabel:AssistantPhone" not in c.raw_properties  # consumed as a label


def test_gmail_and_vcard40_details() -> None:
    (g,), _ = read("ezvcard_gmail-single2.vcf")
    assert [u.value for u in g.urls][:2] == ["http://www.example1.com", "http://www.example2.com"]
    assert [u.label for u in g.urls] == [
        "",
        "PROFILE",
        "BLOG",
        "homepage",
        "work",
        "CustomWebsiteCategory",
    ]
    assert g.notes == "note line 1\nnote line 2\nCustomField: field value"
    assert [s.label for s in g.social_profiles] == [
        "gtalk",
        "aim",
        "yahoo",
        "skype",
        "qq",
        "msn",
        "icq",
        "jabber",
    ]
    (v4,), _ = read("pyvobject_vcard40_full.vcf")
    assert v4.display_name == "Dr. John Q. Public, III"
    assert (v4.org, v4.org_units) == ("Example Corp.", ["North Division", "Marketing"])
    assert v4.tags == ["BUSINESS", "NETWORKING"]
    assert [p.value for p in v4.phones] == ["+1-555-555-5555", "+1-555-123-4567"]
    assert v4.phones[0].preferred and v4.emails[1].preferred
    assert [(s.value, s.label) for s in v4.social_profiles] == [
        ("xmpp:john@jabber.example.com", "xmpp"),
        ("sip:john@voip.example.com", "sip"),
    ]
    assert v4.photo_uri == "http://www.example.com/pub/photos/jqpublic.gif"
    assert str(v4.anniversary) == "2010-06-12"
    assert "GEO:geo:37.386013,-122.082932" in v4.raw_properties
    spouse = RelatedPerson("urn:uuid:b8767877-b4a1-4c70-9acc-505d3819e519", "spouse")
    assert v4.related == [spouse]
    assert not any(r.startswith(("VERSION", "PRODID")) for r in v4.raw_properties)


def test_fullcontact_extra_single_values_are_kept_raw() -> None:
    (c,), _ = read("ezvcard_fullcontact.vcf")
    assert (c.org, c.org_units, c.title) == ("Organization1", ["Department1"], "Title1")
    assert "ORG:Organization2;Department2" in c.raw_properties
    assert "TITLE:Title2" in c.raw_properties
    assert str(c.birthday) == "2016-08-01"
    assert c.photo_uri.startswith("https://d3m0kzytmr41b1.cloudfront.net/")
    assert sum(r.startswith("PHOTO:") for r in c.raw_properties) == 2
    assert [s.label for s in c.social_profiles] == [
        "gtalk",
        "skype",
        "yahoo",
        "aim",
        "jabber",
        "other",
        "customtype",
    ]
    assert [e.label for e in c.emails] == ["home", "work", "school", "other", "customtype"]


@pytest.mark.parametrize("version", ["3.0", "4.0"])
@pytest.mark.parametrize("name", ALL_FILES)
def test_corpus_round_trip(name: str, version: str) -> None:
    """Every corpus contact survives export -> import unchanged (UIDs are created once).

    Kept properties are rewritten for the version (2.1 encodings, version-only names), so
    they are compared as a fixed point: the second export is the first one, byte for byte.
    """
    contacts, _ = read(name)
    for original in contacts:
        if not original.uid:
            original.uid = "urn:uuid:fixed-for-the-test"
        text = write_vcard(original, version)
        (again,), problems = read_vcards(text.encode("utf-8"), "again.vcf")
        assert problems == []
        assert dataclasses.replace(again, raw_properties=[]) == dataclasses.replace(
            original, raw_properties=[]
        )
        assert write_vcard(again, version) == text


@pytest.mark.parametrize("name", ALL_FILES)
def test_iter_cards_streams_in_file_order(name: str) -> None:
    items = list(iter_cards((CORPUS / name).read_bytes(), name))
    contacts, problems = read(name)
    assert [i for i in items if isinstance(i, Contact)] == contacts
    assert [i for i in items if isinstance(i, CardProblem)] == problems


def test_cozy_apple_related_name_is_data() -> None:
    (c,), problems = read("cozy_apple.vcf")
    assert problems == []
    assert c.related == [RelatedPerson("Cozypouet", "friend")]
    assert not any("X-ABRELATEDNAMES" in line or "Friend" in line for line in c.raw_properties)
