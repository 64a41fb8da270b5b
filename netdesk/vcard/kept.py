"""Kept (unmapped) properties re-encoded for the vCard version being written.

A card read from a 2.1 phone keeps lines like ``LABEL;WORK;ENCODING=QUOTED-PRINTABLE:...``
or ``KEY;X509;ENCODING=BASE64:...``; written back as they are they make a 3.0/4.0 file that
Radicale refuses and ical.js rejects. Here each kept line is parsed and rewritten: text
encodings and CHARSET decoded to UTF-8, base64 data as 3.0 ``ENCODING=b`` or a 4.0 ``data:``
URI, bare 2.1 types as ``TYPE=`` lists, parameter values quoted where they must be, and
properties that exist in one version only converted to the other's form. A line with no
form in the target version is dropped and explained in a note (for the export report).
"""

from __future__ import annotations

import base64
import binascii
import re
from functools import lru_cache

from netdesk.vcard.photos import parse_data_uri, sniff_mime
from netdesk.vcard.properties import (
    Params,
    Property,
    charset_of,
    decode_base64,
    decode_text,
    encoding,
    parse_line,
)
from netdesk.vcard.text import escape, split_unescaped, unescape

_BINARY = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
# Properties of one version with no counterpart in the other: dropped, with a note.
_ONLY_21_30 = frozenset({"NAME", "MAILER", "CLASS", "SORT-STRING"})
_ONLY_40 = frozenset({"LANG", "XML", "CLIENTPIDMAP"})
# Same meaning, different name: 4.0 name -> 3.0 (Apple / common X-) name.
_TO_30 = {
    "KIND": "X-ADDRESSBOOKSERVER-KIND",
    "MEMBER": "X-ADDRESSBOOKSERVER-MEMBER",
    "ANNIVERSARY": "X-ANNIVERSARY",
    "RELATED": "X-ABRELATEDNAMES",
    "GENDER": "X-GENDER",
}
_TO_40 = {v: k for k, v in _TO_30.items()}
_GENDER_30 = {"M": "Male", "F": "Female"}
_GENDER_40 = {v.lower(): k for k, v in _GENDER_30.items()}
# Values read as text where 3.0/4.0 want commas escaped (2.1 never escaped them).
_TEXT = frozenset({"LABEL", "NOTE", "FN", "TITLE", "ROLE", "X-ABLABEL"})
_PHONETIC = ("X-PHONETIC-LAST-NAME", "X-PHONETIC-FIRST-NAME", "X-PHONETIC-MIDDLE-NAME")
_NEEDS_QUOTES = re.compile(r'[;:,"\n]')
_UTC_OFFSET = re.compile(r"[+-]\d\d(:?\d\d)?")
_LONE_COMMA = re.compile(r"(?<!\\),")
_IMAGE_TYPES = {"jpeg": "image/jpeg", "jpg": "image/jpeg", "png": "image/png", "gif": "image/gif"}
_IMAGE_TYPES |= {"bmp": "image/bmp", "tiff": "image/tiff", "webp": "image/webp"}
_KEY_TYPES = {"x509": "application/x-x509-ca-cert", "pgp": "application/pgp-keys"}
_SOUND_TYPES = {"wave": "audio/wav", "wav": "audio/wav", "ogg": "audio/ogg", "mp3": "audio/mpeg"}
_SOUND_TYPES |= {"basic": "audio/basic", "aiff": "audio/aiff", "pcm": "audio/wav"}


def convert_kept(line: str, v4: bool) -> tuple[list[str], str]:
    """(lines to write, a note when something was dropped or could not be kept as it was)."""
    prop = parse_line(line, 0)
    if prop is None:
        return [], f"an unreadable kept line was left out: {line[:40]!r}"
    name = prop.name
    simple = len(line) - len(prop.value) - 1 == len(prop.group) + bool(prop.group) + len(name)
    if simple and name not in _VERSIONED:
        return [line], ""  # no parameters, nothing version-specific: the common case
    return _convert(prop, v4)


_VERSIONED = frozenset(
    {"PROFILE", "LABEL", "AGENT", "ADR", "SOUND", "TZ", "GEO", "N"}
    | _ONLY_21_30
    | _ONLY_40
    | set(_TO_30)
    | set(_TO_40)
)


def _convert(prop: Property, v4: bool) -> tuple[list[str], str]:
    name, version = prop.name, "4.0" if v4 else "3.0"
    if name == "PROFILE":
        return [], "PROFILE left out (vCard readers add their own; a second one is an error)"
    if (v4 and name in _ONLY_21_30) or (not v4 and name in _ONLY_40):
        return [], f"{name} left out: vCard {version} has no such property"
    if name == "N":
        # 4.0 allows ALTID alternatives, but vobject (Radicale) refuses a second N: a
        # server would reject the whole card.
        return [], "a second N (a language alternative) left out: servers accept one"
    params = prop.params
    if name == "SOUND" and any(t.upper() == "X-IRMC-N" for t in params.get("TYPE", ())):
        return _phonetic(prop), ""
    if name in _BINARY and (encoding(params) in ("B", "BASE64") or _is_data_uri(prop)):
        return _binary(prop, v4)
    try:
        value = _text_value(prop)
    except (binascii.Error, ValueError):
        return [], f"{prop.name} left out: its {encoding(params)} value is damaged"
    if v4:
        name, value, params = _to_40(prop, name, value, params)
    else:
        name, value, params = _to_30(prop, name, value, params)
    if name is None:
        return [], f"{prop.name} left out: vCard {version} has no form for it"
    group = f"{prop.group}." if prop.group else ""
    return [f"{group}{name}{_params(params, v4)}:{value}"], ""


def _to_40(prop: Property, name: str, value: str, params: Params):
    if name in _TO_40:
        if name == "X-GENDER":
            sex = _GENDER_40.get(value.strip().lower())
            return ("GENDER", sex, _no_type(params)) if sex else (name, value, params)
        if name == "X-ABRELATEDNAMES":
            return "RELATED", value, {**params, "VALUE": ("text",)}
        return _TO_40[name], (value.lower() if name.endswith("KIND") else value), params
    if name == "LABEL":
        # 4.0 puts the label on an address: an empty ADR carries it (the reader keeps it).
        return "ADR", ";;;;;;", {**params, "LABEL": (unescape(value),)}
    if name == "GEO" and not value.lower().startswith("geo:"):
        lat, _, lon = value.partition(";")
        return name, f"geo:{lat.strip()},{lon.strip()}", params
    if name == "AGENT":
        kind = "uri" if params.get("VALUE", ("",))[0].lower() == "uri" else "text"
        return "RELATED", value, {"TYPE": ("agent",), "VALUE": (kind,)}
    return name, value, params


def _to_30(prop: Property, name: str, value: str, params: Params):
    if name in _TO_30:
        if name == "GENDER":
            sex = split_unescaped(value, ";")[0].strip().upper()
            return "X-GENDER", _GENDER_30.get(sex, sex), params
        rest = {k: v for k, v in params.items() if k != "VALUE"}
        return _TO_30[name], value, rest
    if name == "TZ" and "VALUE" not in params and not _UTC_OFFSET.fullmatch(value.strip()):
        return name, value, {**params, "VALUE": ("text",)}  # 3.0 TZ is an offset by default
    if name == "GEO" and value.lower().startswith("geo:"):
        lat, _, lon = value[4:].partition(",")
        return name, f"{lat.strip()};{lon.partition(';')[0].strip()}", _no_type(params)
    if name == "ADR" and "LABEL" in params and not value.replace(";", "").strip():
        label = params["LABEL"][0]
        rest = {k: v for k, v in params.items() if k != "LABEL"}
        return "LABEL", escape(label), rest
    return name, value, params


def _no_type(params: Params) -> Params:
    return {k: v for k, v in params.items() if k != "TYPE"}


def _text_value(prop: Property) -> str:
    params = prop.params
    if "ENCODING" not in params and "CHARSET" not in params:
        return _one_line(prop.value)
    text = decode_text(prop, charset_of(params)[0])
    if prop.name in _TEXT and encoding(params) in ("QUOTED-PRINTABLE", "B", "BASE64"):
        # 2.1 text had no escapes: line breaks (and, for text, commas) get 3.0/4.0 ones.
        text = _LONE_COMMA.sub("\\,", text)
    return _one_line(text)


def _one_line(text: str) -> str:
    if "\n" not in text and "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _phonetic(prop: Property) -> list[str]:
    """2.1 ``SOUND;X-IRMC-N`` (Japanese phones: the reading of N) -> X-PHONETIC-* lines."""
    parts = split_unescaped(_text_value(prop), ";")
    group = f"{prop.group}." if prop.group else ""
    return [
        f"{group}{name}:{escape(part.strip())}"
        for name, part in zip(_PHONETIC, parts, strict=False)
        if part.strip()
    ]


def _is_data_uri(prop: Property) -> bool:
    return prop.value[:5].lower() == "data:"


def _binary(prop: Property, v4: bool) -> tuple[list[str], str]:
    params = prop.params
    if _is_data_uri(prop):
        parsed = parse_data_uri(prop.value)
        if parsed is None:
            return [], f"{prop.name} left out: its data: URI is broken in the source"
        mime, data = parsed
    else:
        try:
            data = decode_base64(prop.value)
        except (binascii.Error, ValueError):
            return [], f"{prop.name} left out: its base64 data is broken in the source"
        mime = ""
    types = [t for t in params.get("TYPE", ()) if t]
    mime = mime or _mime_for(prop.name, types, data)
    if not data:
        return [], f"{prop.name} left out: it holds no data"
    rest = {k: v for k, v in params.items() if k not in ("ENCODING", "TYPE", "CHARSET", "VALUE")}
    rest.pop("MEDIATYPE", None)
    b64 = base64.b64encode(data).decode("ascii")
    group = f"{prop.group}." if prop.group else ""
    # Types that are not formats (4.0 PHOTO;TYPE=work) stay types, never a media type.
    other = tuple(t for t in types if _format_of(prop.name, t) is None)
    if v4:
        if other:
            rest["TYPE"] = other
        return [f"{group}{prop.name}{_params(rest, v4)}:data:{mime};base64,{b64}"], ""
    fmt = mime.rpartition("/")[2].upper() if mime else ""
    if prop.name == "KEY" and mime in _KEY_TYPES.values():
        fmt = next(k.upper() for k, v in _KEY_TYPES.items() if v == mime)
    if fmt == "X-X509-CA-CERT":
        fmt = "X509"
    head = f"{group}{prop.name};ENCODING=b" + (f";TYPE={fmt}" if fmt else "")
    return [f"{head}{_params(rest, v4)}:{b64}"], ""


def _format_of(name: str, type_value: str) -> str | None:
    low = type_value.strip().lower()
    if "/" in low:
        return low
    table = _KEY_TYPES if name == "KEY" else _SOUND_TYPES if name == "SOUND" else _IMAGE_TYPES
    return table.get(low)


def _mime_for(name: str, types: list[str], data: bytes) -> str:
    for t in types:
        found = _format_of(name, t)
        if found:
            return found
    sniffed = sniff_mime(data)
    if sniffed:
        return sniffed
    return "application/octet-stream"


def _params(params: Params, v4: bool) -> str:
    if not params:
        return ""
    return _params_text(tuple((k, tuple(v)) for k, v in params.items()), v4)


@lru_cache(maxsize=2048)
def _params_text(items: tuple[tuple[str, tuple[str, ...]], ...], v4: bool) -> str:
    out = []
    types: list[str] = []
    for key, values in items:
        if key in ("ENCODING", "CHARSET"):
            continue  # values are UTF-8 text now; 8BIT/7BIT say nothing
        if key == "TYPE":
            types += [v for v in values if v]
            continue
        if key == "PREF" and not v4:
            types.append("pref")
            continue
        out.append(f"{key}={_param_value(','.join(values), v4)}")
    if types and v4 and any(t.lower() == "pref" for t in types):
        types = [t for t in types if t.lower() != "pref"]
        out.append("PREF=1")
    if types:
        out.insert(0, "TYPE=" + ",".join(_param_value(t, v4) for t in dict.fromkeys(types)))
    return "".join(";" + p for p in out)


def _param_value(value: str, v4: bool) -> str:
    if v4:  # RFC 6868 caret escapes, also where no quotes are needed: a plain "^n" would
        # come back as a line break
        value = value.replace("^", "^^").replace("\n", "^n").replace('"', "^'")
    elif _NEEDS_QUOTES.search(value):
        # 3.0 parameter values cannot hold a line break or a double quote at all
        value = value.replace("\n", " ").replace('"', "'")
    return f'"{value}"' if _NEEDS_QUOTES.search(value) else value
