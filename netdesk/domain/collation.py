"""Sort keys that follow the user's language, without ICU.

``fold()`` gives one order for everyone, good for searching: "ł" is "l", "ø" is "o". Readers
of some languages expect their own letters elsewhere: Danes put "Ø" after "Z", Poles put "Ł"
after every "L" and before "M", Turks put "ı" before "i" and "Ç" after "C". A key here is the
folded text with each such letter replaced by a string that sorts where that language wants
it: "<base letter><LAST>" sorts after every word continuing with a normal letter, and before
the next base letter. German and English need nothing beyond fold() ("Ä" is "A").
Japanese names in katakana sort with the same names in hiragana (gojūon order).
"""

from __future__ import annotations

import unicodedata

from netdesk.domain.text import fold

# A noncharacter: above every letter, left alone by casefold, NFKD and fold().
_LAST = "\U0010fffe"


def _after(base: str, rank: int = 1) -> str:
    """The key of the ``rank``-th own letter placed right after ``base`` in the alphabet."""
    return base + _LAST * rank


_SCANDINAVIAN_DA = {"æ": _after("z", 1), "ø": _after("z", 2), "å": _after("z", 3),
                    "ä": _after("z", 1), "ö": _after("z", 2)}
_SWEDISH = {"å": _after("z", 1), "ä": _after("z", 2), "æ": _after("z", 2),
            "ö": _after("z", 3), "ø": _after("z", 3)}
_POLISH = {"ą": _after("a"), "ć": _after("c"), "ę": _after("e"), "ł": _after("l"),
           "ń": _after("n"), "ó": _after("o"), "ś": _after("s"), "ź": _after("z", 1),
           "ż": _after("z", 2)}
# Turkish "ı" (dotless) comes before "i": it is placed right after "h".
_TURKISH = {"ç": _after("c"), "ğ": _after("g"), "ı": _after("h"), "ö": _after("o"),
            "ş": _after("s"), "ü": _after("u")}
_CZECH_SLOVAK = {"č": _after("c"), "ř": _after("r"), "š": _after("s"), "ž": _after("z")}

_TAILORINGS: dict[str, dict[str, str]] = {
    "da": _SCANDINAVIAN_DA, "nb": _SCANDINAVIAN_DA, "nn": _SCANDINAVIAN_DA,
    "no": _SCANDINAVIAN_DA, "sv": _SWEDISH, "fi": _SWEDISH, "pl": _POLISH,
    "tr": _TURKISH, "az": _TURKISH, "cs": _CZECH_SLOVAK, "sk": _CZECH_SLOVAK,
}
_TABLES = {lang: str.maketrans(table) for lang, table in _TAILORINGS.items()}
# Katakana (U+30A1..U+30F6) sort as the hiragana 0x60 code points below them.
_KATAKANA_AS_HIRAGANA = str.maketrans({cp: cp - 0x60 for cp in range(0x30A1, 0x30F7)})


def language_of(locale_name: str) -> str:
    """"pl_PL", "pl-PL", "pl_PL.UTF-8" -> "pl"."""
    return locale_name.replace("-", "_").split("_")[0].split(".")[0].lower()


def has_own_order(language: str) -> bool:
    """Whether names sort differently from the plain folded order in ``language``."""
    return language in _TABLES or language == "ja"


def collation_key(text: str, language: str) -> str:
    """A key for ``sorted()`` that orders ``text`` the way readers of ``language`` expect."""
    table = _TABLES.get(language)
    if table is None and language != "ja":
        return fold(text)
    if language in ("tr", "az"):
        # Turkish case pairs: I/ı and İ/i (casefold would turn "I" into "i").
        text = text.replace("I", "ı").replace("İ", "i")
    elif text.isascii():
        return text.lower().strip()
    lowered = unicodedata.normalize("NFKC", text).casefold()
    if table is not None:
        lowered = lowered.translate(table)
    else:
        lowered = lowered.translate(_KATAKANA_AS_HIRAGANA)
    return fold(lowered)
