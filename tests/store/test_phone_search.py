"""Search finds a phone number however it was written, however it is typed."""

from __future__ import annotations

import pytest

from netdesk.domain.contact import Contact, LabeledValue
from netdesk.store.fts import match_query

STORED = {
    "Intl": "+49 30 1234567",
    "National": "030 1234567",
    "Double zero": "0049301234567",
    "Bracketed trunk": "+49 (0)30 1234567",
    "London": "+44 7700 900110",
    "Elsewhere": "+1 555 0100",
}


@pytest.fixture
def people(contact_service) -> dict[int, str]:
    return {
        contact_service.create(Contact(name, phones=[LabeledValue(phone)])).id: name
        for name, phone in STORED.items()
    }


BERLIN = ["Bracketed trunk", "Double zero", "Intl", "National"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("+49 30 1234567", BERLIN),
        ("030 1234567", BERLIN),
        ("0049301234567", BERLIN),
        ("(030) 123-4567", BERLIN),
        ("+49 30 12", BERLIN),  # as you type
        ("0044 7700 900110", ["London"]),
        ("+44 7700 900110", ["London"]),
        ("07700 900110", ["London"]),
        ("+1 555 0100", ["Elsewhere"]),
    ],
)
def test_a_number_in_any_format_finds_the_same_number(contact_service, people, typed, expected):
    found = sorted(people[i] for i in contact_service.search_ids(typed))
    assert found == expected


def test_words_and_digits_in_names_still_search_as_words(contact_service) -> None:
    hq = contact_service.create(Contact("Room 2026", notes="meet at 10")).id
    assert contact_service.search_ids("room 2026") == [hq]
    assert contact_service.search_ids("2026") == [hq]
    assert match_query("ada 030") == '"ada"* "030"*'  # not a phone number: two words
