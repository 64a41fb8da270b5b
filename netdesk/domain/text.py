"""Text folding used for sorting and matching, the same everywhere."""

from __future__ import annotations

import re
import unicodedata

# Combining marks left after NFKD decomposition ("e" + U+0301 for "é"). Dropped with one
# regex pass in C instead of a per-character Python loop: fold() runs for every contact of a
# 100k import and of every sort.
_COMBINING = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0900-\u0903"
    "\u093a-\u094f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
    "\u3099\u309a\ufe20-\ufe2f]"
)

# Letters that are letters of their own, not a base letter plus an accent, so Unicode does not
# decompose them: without this "lukasiewicz" would not find "Łukasiewicz" and "Łukasz" would
# sort after "Zoë". (Upper case is gone after casefold; "ß" is already "ss" by then.)
_OWN_LETTERS = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        "þ": "th",
        "ħ": "h",
    }
)


def fold(text: str) -> str:
    """Case- and accent-insensitive form: "Zoë Ångström" -> "zoe angstrom",
    "Łukasz Øster" -> "lukasz oster"."""
    if text.isascii():  # the common case, ~20x cheaper than decomposing
        return text.lower().strip()
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_OWN_LETTERS))
    if decomposed.isascii():
        return decomposed.strip()
    return _COMBINING.sub("", decomposed).strip()


# C0 controls (ESC starts terminal commands, CR and BS overwrite what was printed), DEL, C1
# controls (a one-byte CSI on some terminals) and the bidirectional overrides that make text
# display in another order than it is stored.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``), safe to print on a
    terminal: an imported name can't retitle the terminal, erase lines or reorder text."""
    return _CONTROLS.sub(_escape_one, text)


def _escape_one(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
