"""fold(): the sort and match key, case- and accent-insensitive in every script."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netdesk.domain.text import _COMBINING, _OWN_LETTERS, fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Zoë Ångström", "zoe angstrom"),
        ("MÜLLER", "muller"),
        ("  Ada  ", "ada"),
        ("Straße", "strasse"),
        ("Ελένη", "ελενη"),
        ("Йорданова", "иорданова"),
        ("がぎ", "かき"),
        ("李小龍", "李小龍"),
        # Letters of their own that Unicode does not decompose into letter + accent.
        ("Łukasiewicz", "lukasiewicz"),
        ("Søren Kierkegaard", "soren kierkegaard"),
        ("Đorđević", "dordevic"),
        ("Guðrún", "gudrun"),
        ("STRAẞE", "strasse"),
        ("Æsa Cœur", "aesa coeur"),
        ("Işık", "isik"),
        ("İstanbul", "istanbul"),
        ("Þórr", "thorr"),
        ("Ħamrun", "hamrun"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@given(st.text())
def test_fold_matches_dropping_every_combining_mark_for_common_scripts(text: str) -> None:
    # Reference: drop every combining mark (and every character in the marks' blocks, which
    # fold also drops, e.g. the combining grapheme joiner). The regex covers the marks of
    # Latin, Greek, Cyrillic, Hebrew, Arabic, Devanagari, Thai and kana; marks of other
    # scripts may remain, nothing else may differ.
    reference = "".join(
        ch
        for ch in unicodedata.normalize("NFKD", text.casefold().translate(_OWN_LETTERS))
        if not unicodedata.combining(ch) and not _COMBINING.match(ch)
    ).strip()
    got = fold(text)
    leftover = {ch for ch in got if unicodedata.combining(ch)}
    assert "".join(ch for ch in got if ch not in leftover).strip() == reference
