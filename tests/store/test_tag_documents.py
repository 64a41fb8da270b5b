"""The search document after a tag edit holds the same words as one rebuilt from scratch."""

from __future__ import annotations

import dataclasses
import re
import unicodedata

import pytest

from netdesk.domain.contact import Contact, LabeledValue
from netdesk.store.fts import document
from netdesk.store.tags import body_with

_WORD = re.compile(r"[^\W_]+")


def words(body: str) -> set[str]:
    """The tokens as the index's tokenizer (unicode61, remove_diacritics 2) keeps them:
    accents dropped, letters of their own (ł, ø, ß) kept."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", body.lower())
                    if not unicodedata.combining(ch))
    return set(_WORD.findall(plain))


PEOPLE = [
    Contact(display_name="Ada Lovelace", tags=["work", "friends"],
            emails=[LabeledValue("ada@example.org")]),
    Contact(display_name="Łucja Ørsted", tags=["Straße", "work"], notes="work\nmet in Kraków",
            phones=[LabeledValue("+48 12 345 6789")]),
    Contact(display_name="Zoë", tags=["café"], notes="café"),
    Contact(display_name="Bob", tags=[]),
]


@pytest.mark.parametrize("person", PEOPLE, ids=lambda c: c.display_name)
@pytest.mark.parametrize(("drop", "add"), [
    ([], ["new"]), ([], ["Øresund"]), (["work"], []), (["WORK"], ["Kollegen"]),
    (["straße"], ["Straße 2"]), (["CAFE"], []), (["friends", "work"], ["x", "ÿ"]),
])
def test_body_with_matches_a_rebuilt_document(person: Contact, drop: list[str],
                                              add: list[str]) -> None:
    _cid, body = document(1, person)
    from netdesk.domain.text import fold

    dropped = {fold(t) for t in drop}
    kept = [t for t in person.tags if fold(t) not in dropped]
    _cid, rebuilt = document(1, dataclasses.replace(person, tags=[*kept, *add]))
    edited = body_with(body, add=add, drop=[t for t in person.tags if fold(t) in dropped])
    assert words(edited) == words(rebuilt)
