"""Escaping rules of vCard text values (RFC 2426 / RFC 6350), shared by reader and writer.

Values are never cut at unescaped commas unless the property really is a list (CATEGORIES,
NICKNAME): that cut is the vobject bug that turns ``FN:Smith, John`` into "Smith".
"""

from __future__ import annotations

import re

# \\ \n \N \, \; are the RFC escapes; writers also escape other punctuation (Apple: \",
# Google: \:), which just stands for itself. A backslash before a letter or digit that is not
# n/N is kept, so ``C:\temp`` from a 2.1 writer that never escaped anything stays readable.
_UNESCAPE = re.compile(r"\\([nN]|[^\w\s])")

# An escape pair or a separator; separators inside escape pairs are never matched.
_ESCAPE_OR_SEP = {sep: re.compile(r"\\.|" + re.escape(sep), re.DOTALL) for sep in ";,"}


def unescape(value: str) -> str:
    if "\\" not in value:
        return value
    return _UNESCAPE.sub(_unescape_one, value)


def _unescape_one(m: re.Match[str]) -> str:
    ch = m.group(1)
    return "\n" if ch in "nN" else ch


def split_unescaped(value: str, sep: str) -> list[str]:
    """Split at separators that are not backslash-escaped (";" or ","), then unescape."""
    if "\\" not in value:
        return value.split(sep)
    parts = []
    start = 0
    for m in _ESCAPE_OR_SEP[sep].finditer(value):
        if m.group() == sep:
            parts.append(unescape(value[start : m.start()]))
            start = m.end()
    parts.append(unescape(value[start:]))
    return parts


def escape(value: str) -> str:
    """Escape a text value (or one component of a structured value)."""
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def escape_uri(value: str) -> str:
    """URIs are written as they are (escaping commas breaks strict 4.0 readers); only the two
    characters that cannot survive a content line are escaped, so the reader's unescape
    gives the exact value back."""
    if "\\" not in value and "\n" not in value and "\r" not in value:
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace("\n", "\\n")


# RFC 6868 parameter value escapes: ^n newline, ^' double quote, ^^ caret.
_CARET = re.compile(r"\^([n'^])")
_CARET_MAP = {"n": "\n", "'": '"', "^": "^"}


def uncaret(value: str) -> str:
    if "^" not in value:
        return value
    return _CARET.sub(lambda m: _CARET_MAP[m.group(1)], value)


_ESCAPED_SEMI = re.compile(r"(?<!\\)((?:\\\\)*)\\;")


def split_components(text: str, count: int) -> list[str]:
    """N / ADR parts. Some writers escape the separators themselves (``Doe\\;John\\;\\;\\;``)
    or end the value with a stray escaped one; neither may turn into a ";" inside a part."""
    parts = split_unescaped(text, ";")
    if len(parts) == 1 and text.count("\\;") >= count - 1:
        parts = split_unescaped(_ESCAPED_SEMI.sub(r"\1;", text), ";")
    elif count == 5 and len(parts) == 5 and text.endswith("\\;"):
        # "N:Doe;John;;;Jr\\;": a stray escaped separator at the end of N, not part of the
        # suffix (the writer never ends a suffix with ";" for this reason).
        parts[-1] = parts[-1].rstrip(";")
    return parts
