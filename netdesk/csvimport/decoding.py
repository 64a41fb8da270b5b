"""Bytes -> text for CSV files: BOM first, then strict UTF-8, then Windows-1252.

On every real sample this order was right, where a charset-guessing library read cp1252 as
cp1250. Outlook on Windows writes UTF-16 with a BOM ("Unicode" export) or the ANSI code page.
"""

from __future__ import annotations

import codecs

# Longest BOM first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class EncodingError(ValueError):
    """The bytes are not text in the encoding the user asked for."""


def _utf16_without_bom(data: bytes) -> str:
    """'utf-16-le'/'utf-16-be' when every other byte of the start is NUL (ASCII headers)."""
    head = data[:200]
    if len(head) < 4:
        return ""
    if head[1::2].count(0) > 0.9 * len(head[1::2]) and head[0::2].count(0) == 0:
        return "utf-16-le"
    if head[0::2].count(0) > 0.9 * len(head[0::2]) and head[1::2].count(0) == 0:
        return "utf-16-be"
    return ""


def detect_encoding(data: bytes) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    guessed = _utf16_without_bom(data)
    if guessed:
        return guessed
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def decode_csv_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text and the encoding used. ``encoding`` forces one (the user's choice).

    cp1252 leaves five byte values undefined; they decode as their Latin-1 characters rather
    than failing the whole file. A forced encoding that does not fit raises EncodingError.
    """
    name = encoding or detect_encoding(data)
    try:
        codecs.lookup(name)
    except LookupError as exc:
        raise EncodingError(f"unknown encoding {name!r}") from exc
    if name.replace("_", "-").lower() in ("cp1252", "windows-1252"):
        return data.decode(name, errors="cp1252-latin1"), name
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"the file is not {name} text (byte {exc.start + 1}); try another encoding"
        ) from exc
    return text.removeprefix("\ufeff"), name


def _latin1_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


codecs.register_error("cp1252-latin1", _latin1_fallback)
