"""Cards as sync sees them: render, fingerprint, parse, and where a new card goes on a server."""

from __future__ import annotations

import hashlib
import re
import uuid

from netdesk.domain.contact import Contact
from netdesk.vcard import read_vcards, write_vcard

# Lines that change on every write without the contact changing.
_VOLATILE = ("REV:", "PRODID:")
_SAFE_NAME = re.compile(r"^[A-Za-z0-9._-]{1,120}$")


def render(contact: Contact, version: str = "3.0") -> str:
    return write_vcard(contact, version)


def fingerprint(text: str) -> str:
    """A hash of a card's content, blind to REV/PRODID and line folding differences."""
    lines = [
        line
        for line in text.replace("\r\n ", "").replace("\r\n\t", "").splitlines()
        if not line.upper().startswith(_VOLATILE)
    ]
    return hashlib.sha256("\n".join(lines).encode("utf-8", "surrogatepass")).hexdigest()


def contact_fingerprint(contact: Contact, version: str = "3.0") -> str:
    return fingerprint(render(contact, version))


def parse_card(text: str) -> Contact | None:
    """The one contact in a server's card, or None when it cannot be read."""
    contacts, _problems = read_vcards(text.encode("utf-8", "surrogatepass"))
    return contacts[0] if contacts else None


def card_name(uid: str) -> str:
    """A stable resource name for a new card: the same contact always gets the same name, so
    re-sending it after an interrupted sync finds (412) instead of duplicating it."""
    bare = uid.removeprefix("urn:uuid:")
    if _SAFE_NAME.match(bare):
        return f"{bare}.vcf"
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, uid)}.vcf"


def adopt(server: Contact, local: Contact) -> Contact:
    """``server``'s content under ``local``'s identity (id, creation time)."""
    server.id = local.id
    server.created_at = local.created_at
    server.uid = server.uid or local.uid
    return server
