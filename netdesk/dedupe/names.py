"""Names for blocking and scoring only (the shown name stays as written).

The domain's rule folds case and accents; here letters without a decomposition ("ø", "ł",
"ß"…) are transliterated as well, so "Søren Łukasz" and "Soren Lukasz" land in one block.
"""

from __future__ import annotations

import functools

_LETTERS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th", "ı": "i"}
)


@functools.lru_cache(maxsize=1 << 16)  # a few thousand distinct names among 100k contacts
def _plain(words: tuple[str, ...]) -> tuple[str, ...]:
    if all(w.isascii() and "." not in w for w in words):
        return words
    return tuple(w.translate(_LETTERS).replace(".", "") for w in words)


NameParts = tuple[tuple[str, ...], tuple[str, ...]] | None


def name_blocks(parts: NameParts) -> tuple[str, ...]:
    """Blocking keys "family|g" and "given|f" (initials), so "J. Smith", "John Smith" and
    "Smith John" meet; () for one-word or missing names, too vague to block on.
    ``parts``: ``domain.matching.name_parts``."""
    if parts is None:
        return ()
    given, family = _plain(parts[0]), _plain(parts[1])
    if not given or not family or not given[0] or not family[-1]:
        return ()
    return (f"{family[-1]}|{given[0][0]}", f"{given[0]}|{family[-1][0]}")


def comparable_name(parts: NameParts) -> str:
    """Folded, transliterated words in sorted order, for rapidfuzz's similarity."""
    if parts is None:
        return ""
    return " ".join(sorted(_plain(parts[0] + parts[1])))
