"""Turning value bytes into text when CHARSET says one thing and the bytes say another."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

_SURROGATE = re.compile("[\ud800-\udfff]")


@lru_cache(maxsize=64)
def known_charset(name: str) -> str | None:
    """The codec name for a CHARSET parameter, or None when Python does not know it."""
    try:
        return codecs.lookup(name.strip().strip('"')).name
    except (LookupError, ValueError):
        return None


def decode_bytes(data: bytes, charset: str | None, refused: list[str] | None = None) -> str:
    """Decode with the declared charset; fall back to UTF-8, then Windows-1252, then Latin-1.

    Latin-1 maps every byte, so this never fails: a wrong guess gives odd letters, not a
    lost card. A declared charset that fails, or that yields lone surrogates (UTF-7 can
    spell "+2AA-"; no store or UTF-8 output accepts them), is appended to ``refused``.
    """
    if charset:
        try:
            text: str | None = data.decode(charset)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None and not _SURROGATE.search(text):
            return text
        if refused is not None:
            refused.append(charset)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")
