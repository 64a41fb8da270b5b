"""Embedded photos: media types from parameters, data: URIs, and magic bytes."""

from __future__ import annotations

import binascii
import re
from urllib.parse import unquote_to_bytes

_DATA_URI = re.compile(r"data:([^;,]*)((?:;[^;,]*)*),(.*)", re.IGNORECASE | re.DOTALL)
_MAGIC = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF8", "image/gif"),
)


_IMAGE_FORMATS = frozenset({"jpeg", "jpg", "png", "gif", "bmp", "tiff", "webp", "svg+xml"})


def sniff_mime(data: bytes) -> str:
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return ""


def mime_from_type(type_value: str, data: bytes) -> str:
    """``JPEG`` / ``image/jpeg`` / nothing (then the bytes decide) -> ``image/jpeg``."""
    t = type_value.strip().lower()
    if "/" in t:
        return t
    # Only image formats name a media type: a 4.0 ``TYPE=work`` is a type, not image/work.
    if t in _IMAGE_FORMATS:
        return "image/jpeg" if t in ("jpg", "jpeg") else f"image/{t}"
    return sniff_mime(data)


def type_for_mime(mime: str) -> str:
    """The 3.0 TYPE value for a media type: ``image/jpeg`` -> ``JPEG``."""
    sub = mime.rpartition("/")[2].strip()
    return sub.upper()


def parse_data_uri(uri: str) -> tuple[str, bytes] | None:
    """(media type, bytes) of a ``data:`` URI, or None when it is not a valid one."""
    m = _DATA_URI.fullmatch(uri.strip())
    if m is None:
        return None
    mime, flags, payload = m.group(1).strip().lower(), m.group(2).lower(), m.group(3)
    try:
        if ";base64" in flags:
            data = "".join(payload.split())
            data += "=" * (-len(data) % 4)
            return mime, binascii.a2b_base64(data)
        return mime, unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        return None
