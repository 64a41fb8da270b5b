"""One logical content line -> group, name, parameters and value; value decoding.

``[group.]NAME[;param...]:value``. Parameters follow RFC 2426/6350 and the 2.1 habits seen
in real files: bare types (``TEL;CELL;PREF``), bare ``QUOTED-PRINTABLE``/``BASE64``, quoted
values that hold ``:`` ``;`` or ``,``, RFC 6868 caret escapes, and empty segments
(``NOPARAM;:x``, which vobject rejects). Parameter strings repeat a lot across a file, so
their parse is cached.
"""

from __future__ import annotations

import binascii
import re
from functools import lru_cache
from typing import NamedTuple

from netdesk.vcard.charsets import decode_bytes, known_charset
from netdesk.vcard.text import uncaret

_NAME = re.compile(r"(?:([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)\.)?([A-Za-z0-9_-]+)")
# Up to the first colon that is not inside double quotes.
_HEAD_WITH_QUOTES = re.compile(r'(?:[^":]|"[^"]*")*')
_PARAM_TOKEN = re.compile(r'(?:"[^"]*"?|[^;"])+')
_LIST_TOKEN = re.compile(r'"[^"]*"?|[^,]+')
_BARE_ENCODINGS = frozenset({"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"})
_SURROGATE = re.compile("[\udc80-\udcff]")
_CHARSET_IN_HEAD = re.compile(r";\s*CHARSET=\"?([^;:\"]+)", re.IGNORECASE)

Params = dict[str, tuple[str, ...]]
_NO_PARAMS: Params = {}


class Property(NamedTuple):
    group: str  # as written; compare case-insensitively
    name: str  # upper-case
    params: Params  # keys upper-case; shared between lines, never mutate
    value: str  # still encoded/escaped
    line: str  # the logical line verbatim, for raw_properties
    lineno: int


def parse_line(line: str, lineno: int) -> Property | None:
    """Split a content line; None when it is not one (no colon, or no valid name)."""
    colon = line.find(":")
    if colon < 0:
        return None
    head = line[:colon]
    if '"' in head:
        m = _HEAD_WITH_QUOTES.match(line)
        end = m.end() if m else colon
        if end < len(line) and line[end] == ":":
            colon = end
            head = line[:colon]
    parsed = _parse_head(head)
    if parsed is None:
        return None
    return Property(parsed[0], parsed[1], parsed[2], line[colon + 1 :], line, lineno)


@lru_cache(maxsize=8192)
def _parse_head(head: str) -> tuple[str, str, Params] | None:
    # Heads repeat across a file ("TEL;TYPE=CELL", "FN"), so this runs once per distinct one.
    semi = head.find(";")
    name_part = (head if semi < 0 else head[:semi]).strip()
    m = _NAME.fullmatch(name_part)
    if m is None:
        return None
    params = _NO_PARAMS if semi < 0 else parse_params(head[semi + 1 :])
    return m.group(1) or "", m.group(2).upper(), params


@lru_cache(maxsize=4096)
def parse_params(text: str) -> Params:
    tokens = _PARAM_TOKEN.findall(text) if '"' in text else text.split(";")
    out: dict[str, list[str]] = {}
    for raw_token in tokens:
        token = raw_token.strip()
        if not token:
            continue  # empty segment: "NAME;:value", "A=b;;C=d"
        key, eq, val = token.partition("=")
        if eq:
            key = key.strip().upper()
            val = val.strip()
        else:
            # vCard 2.1 bare parameter: an encoding name or a type.
            val = token
            key = "ENCODING" if token.upper() in _BARE_ENCODINGS else "TYPE"
        if key == "TYPE":
            # RFC 6350 also quotes a whole list: TYPE="voice,home" is two types.
            values = [t for v in _LIST_TOKEN.findall(val) for t in _unquote(v).split(",")]
        else:
            values = [_unquote(val)]
        out.setdefault(key, []).extend(v for v in values if v or key != "TYPE")
    return {k: tuple(v) for k, v in out.items()}


def _unquote(value: str) -> str:
    value = value.strip()
    if value.startswith('"'):
        value = value[1:-1] if value.endswith('"') and len(value) > 1 else value[1:]
    return uncaret(value)


def param(params: Params, key: str) -> str:
    """The first value of a parameter, or ''."""
    values = params.get(key)
    return values[0] if values else ""


def encoding(params: Params) -> str:
    return param(params, "ENCODING").upper()


def charset_of(params: Params) -> tuple[str | None, str]:
    """(codec name or None, the declared name) for the CHARSET parameter."""
    declared = param(params, "CHARSET")
    return (known_charset(declared) if declared else None), declared


def decode_text(prop: Property, charset: str | None, refused: list[str] | None = None) -> str:
    """The value as text after QUOTED-PRINTABLE/BASE64 decoding (escapes still in place).
    A declared charset that could not decode it is appended to ``refused``. Encoded line
    breaks (QP ``=0D=0A``) become "\n", as inside netdesk and after a round trip."""
    enc = encoding(prop.params)
    if enc == "QUOTED-PRINTABLE":
        raw = prop.value.encode("utf-8", "surrogateescape")
        return _lf(decode_bytes(binascii.a2b_qp(raw), charset, refused))
    if enc in ("B", "BASE64"):
        return _lf(decode_bytes(decode_base64(prop.value), charset, refused))
    return prop.value


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def decode_base64(value: str) -> bytes:
    """Lenient base64: whitespace from folding and characters outside ASCII (a damaged
    card: a2b_base64 raised ValueError on them, not binascii.Error) are skipped, missing
    padding is added."""
    data = "".join(value.split()).encode("ascii", "ignore")
    missing = -len(data) % 4
    if missing:
        data += b"=" * missing
    return binascii.a2b_base64(data)


def redecode_line(line: str, refused: list[str] | None = None) -> str:
    """A line that held non-UTF-8 bytes: decode them with its CHARSET, else guess per line."""
    if not _SURROGATE.search(line):
        return line
    raw = line.encode("utf-8", "surrogateescape")
    m = _CHARSET_IN_HEAD.search(line.split(":", 1)[0])
    return decode_bytes(raw, known_charset(m.group(1)) if m else None, refused)


def is_pref(params: Params) -> bool:
    """A 2.1 bare ``PREF`` or a 3.0/4.0 ``PREF=1`` (or an empty ``PREF=``)."""
    values = params.get("PREF")
    return values is not None and (not values or values[0].strip() in ("", "1"))
