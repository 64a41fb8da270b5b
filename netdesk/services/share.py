"""Hand a contact to a phone: a compact vCard 3.0 as a QR code, and the user's own "my card".

The card holds N, FN, ORG, TITLE and one TEL, EMAIL and URL, no photo: about 300 bytes, a QR
version that phone cameras read at arm's length (a full export card, 400-650 bytes, was
read 0 times in 10 by a simulated camera at 300 px). segno is pure Python and writes PNG and
SVG itself. Which contact is "me" lives in ``settings.json`` in the data directory, so no
schema change is needed for one number.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from netdesk.domain.contact import Contact, fallback_display_name
from netdesk.services.errors import NotFoundError, ServiceError
from netdesk.services.settings import SettingsFile
from netdesk.vcard.text import escape

QR_FIELDS = ("name", "org", "title", "phone", "email", "url")
QR_FORMATS = (".png", ".svg")
# At least 5 pixels per module, so a phone camera resolves every module from a screen/print.
MIN_SCALE = 5


def _first(values) -> str:
    for v in values:
        if v.preferred and v.value.strip():
            return v.value.strip()
    return next((v.value.strip() for v in values if v.value.strip()), "")


def compact_vcard(contact: Contact, fields: Sequence[str] = QR_FIELDS) -> str:
    """A small vCard 3.0 with only ``fields`` (always the name), CRLF line endings."""
    unknown = set(fields) - set(QR_FIELDS)
    if unknown:
        raise ServiceError(f"unknown QR field(s): {', '.join(sorted(unknown))}")
    c = contact
    name = c.display_name.strip() or fallback_display_name(c)
    n = (c.family_name, c.given_name, c.additional_names, c.name_prefix, c.name_suffix)
    if not any(n):
        n = (name, "", "", "", "")
    lines = ["BEGIN:VCARD", "VERSION:3.0", "N:" + ";".join(map(escape, n)), "FN:" + escape(name)]
    if "org" in fields and c.org:
        lines.append("ORG:" + escape(c.org))
    if "title" in fields and c.title:
        lines.append("TITLE:" + escape(c.title))
    phone, email = _first(c.phones), _first(c.emails)
    if "phone" in fields and phone:
        lines.append("TEL:" + escape(phone))
    if "email" in fields and email:
        lines.append("EMAIL:" + escape(email))
    # A LinkedIn profile is as good a link as a home page to a new acquaintance.
    url = _first(c.urls) or _first(c.social_profiles)
    if "url" in fields and url:
        lines.append("URL:" + url)
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def make_qr(text: str):
    """The QR code (segno) for ``text``: error correction M, the smallest version that fits."""
    import segno

    # boost_error would raise the level when space allows; M keeps the version small and stable.
    return segno.make_qr(text.encode("utf-8"), error="m", boost_error=False)


def save_qr(text: str, path: Path, scale: int = 8) -> None:
    """Write a PNG or SVG (by the file's suffix), with the standard 4-module quiet zone."""
    suffix = path.suffix.lower()
    if suffix not in QR_FORMATS:
        raise ServiceError(
            f"cannot write a QR code as {suffix or 'a file without suffix'}; use .png or .svg"
        )
    qr = make_qr(text)
    try:
        qr.save(str(path), kind=suffix[1:], scale=max(scale, MIN_SCALE), border=4)
    except OSError as exc:
        raise ServiceError(f"could not write {path}: {exc.strerror or exc}") from exc


def qr_image_bytes(text: str, kind: str = "png", scale: int = 8) -> bytes:
    out = io.BytesIO()
    make_qr(text).save(out, kind=kind, scale=max(scale, MIN_SCALE), border=4)
    return out.getvalue()


def qr_terminal_text(text: str) -> str:
    """The QR code drawn with block characters, for a terminal."""
    out = io.StringIO()
    make_qr(text).terminal(out=out, compact=True, border=2)
    return out.getvalue()


class MyCard:
    """Which contact is the user's own ("my card"), in the data dir's ``settings.json``.

    The contact's id and UID are both kept: the id finds it fast, the UID notices when the id
    now belongs to someone else (after a delete and an import).
    """

    def __init__(self, data_dir: Path) -> None:
        self.settings = SettingsFile(data_dir)

    def set(self, contact: Contact) -> None:
        self.settings.set("my_card", {"id": contact.id, "uid": contact.uid})

    def get(self, contacts) -> Contact:
        """The user's own contact; NotFoundError when none is set or it is gone."""
        mine = self.settings.get("my_card")
        if not isinstance(mine, dict) or not isinstance(mine.get("id"), int):
            raise NotFoundError("no card of your own yet; choose one with: netdesk me CONTACT")
        try:
            contact = contacts.get(mine["id"])
        except NotFoundError:
            contact = None
        if contact is None or (mine.get("uid") and contact.uid != mine["uid"]):
            raise NotFoundError("your own card was deleted; choose one with: netdesk me CONTACT")
        return contact
