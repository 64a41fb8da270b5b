"""Anniversaries, other dates and related people from every vendor form (issue 11), written
back in the standard form plus Apple's, and read back to the same data."""

from __future__ import annotations

import io

import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from netdesk.domain.contact import Contact, ContactDate, PartialDate, RelatedPerson
from netdesk.vcard import read_vcards, write_vcard


def card(*lines: str, version: str = "3.0") -> bytes:
    body = ["BEGIN:VCARD", f"VERSION:{version}", "FN:Ann", *lines, "END:VCARD"]
    return ("\r\n".join(body) + "\r\n").encode("utf-8")


def one(data: bytes) -> Contact:
    contacts, problems = read_vcards(data, "t.vcf")
    assert len(contacts) == 1 and problems == [], problems
    return contacts[0]


@pytest.mark.parametrize(
    "lines",
    [
        ("item1.X-ABDATE:2010-06-12", "item1.X-ABLabel:_$!<Anniversary>!$_"),  # Apple
        ("X-MS-ANNIVERSARY:2010-06-12",),  # Outlook
        ("X-ANNIVERSARY:2010-06-12",),
        ("X-KADDRESSBOOK-X-Anniversary:2010-06-12",),  # KDE
        ("X-EVOLUTION-ANNIVERSARY:2010-06-12",),
        ("X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;2010-06-12;1;;;;;;;;;;;;;",),
    ],
)
def test_anniversary_vendor_forms(lines: tuple[str, ...]) -> None:
    c = one(card(*lines))
    assert c.anniversary == PartialDate(2010, 6, 12)
    assert c.raw_properties == [] and c.other_dates == []


def test_other_dates_apple_and_android() -> None:
    c = one(
        card(
            "item1.X-ABDATE;X-APPLE-OMIT-YEAR=1604:1604-09-01",
            "item1.X-ABLabel:Graduation",
            "item2.X-ABDATE:2001-02-03",
            "item2.X-ABLabel:_$!<Other>!$_",
            "X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;2015-07-04;0;Moved in;;;",
            "X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;1980-01-02;3;;;;",
            "X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Annie;1;;;;",
        )
    )
    assert c.other_dates == [
        ContactDate(PartialDate(None, 9, 1), "Graduation"),
        ContactDate(PartialDate(2001, 2, 3), "other"),
        ContactDate(PartialDate(2015, 7, 4), "Moved in"),
    ]
    assert c.birthday == PartialDate(1980, 1, 2)  # Android event type 3
    assert c.raw_properties == ["X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Annie;1;;;;"]


def test_related_people_vendor_forms() -> None:
    c = one(
        card(
            "item1.X-ABRELATEDNAMES:Jenny",
            "item1.X-ABLabel:_$!<Spouse>!$_",
            "X-MS-MANAGER:Big Boss",
            "X-ASSISTANT:Little Helper",
            "X-MS-SPOUSE:Jenny",  # the same person again: once
            "X-ANDROID-CUSTOM:vnd.android.cursor.item/relation;Tom;2;;;;",
            "X-ANDROID-CUSTOM:vnd.android.cursor.item/relation;Rex;0;Dog;;;",
            "RELATED;TYPE=friend;VALUE=text:Sam",
        )
    )
    assert c.related == [
        RelatedPerson("Jenny", "spouse"),
        RelatedPerson("Big Boss", "manager"),
        RelatedPerson("Little Helper", "assistant"),
        RelatedPerson("Tom", "brother"),
        RelatedPerson("Rex", "Dog"),
        RelatedPerson("Sam", "friend"),
    ]
    assert c.raw_properties == []


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_export_writes_standard_and_apple_forms(version: str) -> None:
    c = Contact(
        "Ann",
        anniversary=PartialDate(None, 6, 12),
        other_dates=[ContactDate(PartialDate(2001, 2, 3), "other")],
        related=[RelatedPerson("Jenny", "spouse"), RelatedPerson("urn:uuid:42", "")],
    )
    text = write_vcard(c, version)
    lines = text.split("\r\n")
    standard = "ANNIVERSARY:--0612" if version == "4.0" else "X-ANNIVERSARY;X-APPLE-OMIT-YEAR="
    assert any(line.startswith(standard) for line in lines)
    assert "item1.X-ABDATE;X-APPLE-OMIT-YEAR=1604:1604-06-12" in lines
    assert "item1.X-ABLabel:_$!<Anniversary>!$_" in lines
    assert "item2.X-ABLabel:_$!<Other>!$_" in lines
    if version == "4.0":
        assert "RELATED;TYPE=spouse;VALUE=text:Jenny" in lines
        assert "RELATED;VALUE=uri:urn:uuid:42" in lines
    else:
        assert "item3.X-ABRELATEDNAMES:Jenny" in lines and "item3.X-ABLabel:_$!<Spouse>!$_" in lines
    vobject.readOne(io.StringIO(text)).serialize()
    again = one(text.encode())
    assert (again.anniversary, again.other_dates, again.related) == (
        c.anniversary,
        c.other_dates,
        c.related,
    )


DATES = st.builds(
    PartialDate,
    year=st.one_of(st.none(), st.integers(1700, 2100).filter(lambda y: y != 1604)),
    month=st.integers(1, 12),
    day=st.integers(1, 28),
)
WORDS = st.one_of(
    st.sampled_from(["", "anniversary", "other", "spouse", "manager", "friend", "child"]),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20).filter(
        lambda s: s == s.strip() and not s.startswith(("_$!<", "$!<"))
    ),
)
NAMES = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20).filter(
    lambda s: s == s.strip()
)


@settings(max_examples=200, deadline=None)
@given(
    anniversary=st.one_of(st.none(), DATES),
    dates=st.lists(st.builds(ContactDate, DATES, WORDS), max_size=3, unique=True),
    related=st.lists(st.builds(RelatedPerson, NAMES, WORDS), max_size=3, unique=True),
    version=st.sampled_from(["3.0", "4.0"]),
)
def test_dates_and_related_round_trip(anniversary, dates, related, version) -> None:
    # An "anniversary"-labelled other date equal to the anniversary is the same date twice.
    dates = [d for d in dates if not (d.label == "anniversary" and (anniversary in (None, d.date)))]
    c = Contact("x", anniversary=anniversary, other_dates=dates, related=related)
    again = one(write_vcard(c, version).encode())
    assert (again.anniversary, again.other_dates, again.related) == (anniversary, dates, related)
