"""collation_key(): names sort the way readers of the user's language expect."""

from __future__ import annotations

import pytest

from netdesk.domain.collation import collation_key, has_own_order, language_of
from netdesk.domain.text import fold


def _sorted(names: list[str], language: str) -> list[str]:
    return sorted(names, key=lambda n: collation_key(n, language))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        # Polish: Ł after every L, before M; Ś after S; Ż after Ź after Z.
        ("pl", ["Lech", "Lubomir", "Łucja", "Łukasz", "Marek", "Sylwia", "Ślęzak", "Zofia",
                "Źrebiec", "Żaneta"]),
        # Danish: Æ, Ø, Å after Z, in that order.
        ("da", ["Aase", "Bent", "Zacharias", "Ærø", "Øster", "Åse"]),
        # German: Ä is A, Ö is O, ß is ss.
        ("de", ["Ähler", "Bauer", "Müller", "Mustermann", "Öhring", "Straßer", "Strauss"]),
        # Turkish: ı before i, Ç after C, Ş after S, Ü after U; I is the capital of ı.
        ("tr", ["Cem", "Çağla", "Irmak", "Işık", "İlker", "Sevgi", "Şule", "Uğur", "Ümit"]),
        # Japanese: katakana sorts with hiragana in gojūon order, after Latin names.
        ("ja", ["Tanaka", "あべ", "イトウ", "かとう", "ガマ", "さとう", "タナカ"]),
    ],
)
def test_names_sort_in_the_languages_order(language: str, expected: list[str]) -> None:
    shuffled = list(reversed(expected))
    assert _sorted(shuffled, language) == expected


def test_danish_and_english_disagree_on_oe() -> None:
    names = ["Øster", "Pedersen"]
    assert _sorted(names, "da") == ["Pedersen", "Øster"]
    assert _sorted(names, "en") == ["Øster", "Pedersen"]


def test_without_an_own_order_the_key_is_the_search_fold() -> None:
    assert collation_key("Łukasz Zoë", "en") == fold("Łukasz Zoë")
    assert _sorted(["Zoë", "Łukasz"], "en") == ["Łukasz", "Zoë"]
    assert not has_own_order("en") and has_own_order("pl") and has_own_order("ja")


@pytest.mark.parametrize(("name", "lang"), [("pl_PL", "pl"), ("da-DK", "da"),
                                             ("tr_TR.UTF-8", "tr"), ("C", "c")])
def test_language_of_locale_names(name: str, lang: str) -> None:
    assert language_of(name) == lang
