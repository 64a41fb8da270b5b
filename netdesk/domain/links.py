"""Which addresses in a contact can be opened, and the one URL each opens.

Values come from other people's vCards, so a value is only ever made into a link of the
scheme its kind allows: an e-mail into ``mailto:``, a phone number into ``tel:``, a web
address into ``http:``/``https:``. Anything else (``javascript:``, ``file:``, ``data:``,
control characters, spaces inside an address) gives no link at all, and the value stays
plain text. Standard library only.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

EMAIL, PHONE, WEB = "email", "phone", "web"
SCHEMES = frozenset({"mailto", "tel", "http", "https"})

# Local part: anything but spaces and the characters that end an address; the domain:
# letters, digits and hyphens in dotted labels (so no "?", "/" or "#" can follow it).
_EMAIL = re.compile(r"[^\s@<>()\[\]\\,;:\"]+@(?:[^\W_]|-)+(?:\.(?:[^\W_]|-)+)+")
# An address without a scheme: "www.example.org", "example.org/path".
_BARE_HOST = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+(?::\d+)?")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def _clean(value: str) -> str | None:
    value = value.strip()
    if not value or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        return None
    return value


def email_link(value: str) -> str | None:
    value = _clean(value) or ""
    if value.lower().startswith("mailto:"):
        value = value[7:]
    if not _EMAIL.fullmatch(value):
        return None
    return "mailto:" + quote(value, safe="@.+-_~!$'*=^`{|}")


def phone_link(value: str) -> str | None:
    value = _clean(value) or ""
    if value.lower().startswith("tel:"):
        value = value[4:]
    digits = "".join(ch for ch in value if ch.isdigit() and ch.isascii())
    if len(digits) < 3:
        return None
    # Only what a dialler understands: a leading + (or the 00 that means it) and digits.
    # Letters are refused (a vanity number "1-800-FLOWERS" stays text) rather than guessed.
    if any(ch.isalpha() for ch in value):
        return None
    stripped = value.lstrip()
    if stripped.startswith("+"):
        return "tel:+" + digits
    if stripped.startswith("00") and len(digits) > 4:
        return "tel:+" + digits[2:]
    return "tel:" + digits


def web_link(value: str) -> str | None:
    value = _clean(value)
    if value is None or any(ch.isspace() for ch in value):
        return None
    match = _SCHEME.match(value)
    if match is None:
        host = value.split("/", 1)[0]
        if not _BARE_HOST.fullmatch(host):
            return None
        value = "https://" + value
    elif match.group(1).lower() not in ("http", "https"):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return value


def link_for(kind: str, value: str) -> str | None:
    """The URL that opening ``value`` (an e-mail, phone or web address) means, or None."""
    if kind == EMAIL:
        return email_link(value)
    if kind == PHONE:
        return phone_link(value)
    if kind == WEB:
        return web_link(value)
    return None
