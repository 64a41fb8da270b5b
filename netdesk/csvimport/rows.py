"""One CSV row + the column mapping -> one ``Contact`` (and its LinkedIn connection date)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from netdesk.csvimport.dates import parse_date
from netdesk.csvimport.fields import ADDRESS_PARTS, FORMULA_STARTS, SINGLE_FIELDS, Target
from netdesk.csvimport.profiles import Profile
from netdesk.domain.contact import (
    Address,
    Contact,
    LabeledValue,
    PartialDate,
    fallback_display_name,
)
from netdesk.domain.matching import normalise_email, normalise_phone

GOOGLE_MULTI = " ::: "
_LINKEDIN_PROFILE = re.compile(r"^(https?://)?([a-z]{2,3}\.)?linkedin\.com/in/[^/?#\s]+/?$", re.I)
# Google's system groups: every contact is in "myContacts"; it says nothing.
_DROPPED_TAGS = frozenset({"mycontacts", "my contacts"})
_KNOWN_LABELS = frozenset(
    {"home", "work", "other", "mobile", "main", "pager", "home fax", "work fax", "other fax"}
)


class RowError(ValueError):
    """The row cannot become a contact (it is skipped and reported)."""


@dataclass
class RowResult:
    contact: Contact
    connected_on: PartialDate | None
    warnings: list[str]


def _label(text: str) -> tuple[str, bool]:
    """Google writes ``* Work`` for the preferred value; labels we know are lower-cased."""
    label = text.strip()
    preferred = label.startswith("*")
    label = label.lstrip("* ").strip()
    if label.casefold() in _KNOWN_LABELS:
        label = label.casefold()
    return label, preferred


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _multi_line(text: str, field: str) -> str:
    """A quoted line break: kept in notes, ", " in a whole address, else a space."""
    if field == "notes":
        return text.replace("\r\n", "\n").replace("\r", "\n")
    if field == "address_formatted":
        return ", ".join(line.strip() for line in text.splitlines() if line.strip())
    return _one_line(text)


def _split_multi(value: str) -> list[str]:
    return [v.strip() for v in value.split(":::") if v.strip()]


def _tags(cells: list[str], separators: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for cell in cells:
        pieces = [cell]
        for sep in separators:
            pieces = [p for piece in pieces for p in piece.split(sep)]
        for piece in pieces:
            tag = piece.strip().lstrip("*").strip()
            if tag and tag.casefold() not in _DROPPED_TAGS and tag not in out:
                out.append(tag)
    return out


def linkedin_url(value: str) -> str:
    """``linkedin.com/in/x/`` and ``http://www.LinkedIn.com/in/x`` -> ``https://www.linkedin.com/in/x``."""
    url = value.strip()
    if "://" not in url:
        url = "https://" + url
    _scheme, _, rest = url.partition("://")
    host, _, path = rest.partition("/")
    host = host.lower()
    if host == "linkedin.com":
        host = "www.linkedin.com"
    path = path.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    return f"https://{host}/{path}" if path else f"https://{host}"


def row_uid(contact: Contact) -> str:
    """A stable UID: from the LinkedIn profile when there is one, else from the row's content,
    so importing the same file again finds the same contacts (by UID)."""
    for profile in contact.social_profiles:
        if profile.label == "linkedin":
            digest = hashlib.sha1(profile.value.encode("utf-8")).hexdigest()
            return f"urn:netdesk:linkedin:{digest[:32]}"
    parts = [
        contact.display_name,
        contact.family_name,
        contact.given_name,
        contact.additional_names,
        contact.org,
        *sorted(normalise_email(e.value) for e in contact.emails),
        *sorted(normalise_phone(p.value) for p in contact.phones),
    ]
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"urn:netdesk:csv:{digest[:32]}"


class RowReader:
    """Turns rows into contacts for one mapping; built once per file (the hot loop is here)."""

    def __init__(self, profile: Profile, targets: Sequence[Target | None]) -> None:
        self.profile = profile
        # (column, field, single?, group key, fixed label), worked out once, not per cell.
        self.plan = [
            (i, t.field, t.field in SINGLE_FIELDS, (t.kind(), t.group), t.label)
            for i, t in enumerate(targets)
            if t is not None and t.field != "ignore"
        ]
        self.width = len(targets)

    def read(self, cells: Sequence[str]) -> RowResult | None:
        """None for a blank row; raises RowError for a row with nothing to name a contact by."""
        singles: dict[str, list[str]] = {}
        groups: dict[tuple[str, str], dict[str, str]] = {}
        n = len(cells)
        for i, name, single, group_key, label in self.plan:
            if i >= n:
                break
            cell = cells[i].strip()
            if not cell:
                continue
            if cell[0] == "'" and cell[1:2] in FORMULA_STARTS:
                cell = cell[1:]  # our export's guard against formulas ("'+49 …")
            if "\n" in cell or "\r" in cell:
                # A quoted line break: kept in notes, folded to a space in one-line fields.
                cell = _multi_line(cell, name)
            if single:
                singles.setdefault(name, []).append(cell)
                continue
            group = groups.setdefault(group_key, {})
            if label:
                group.setdefault("fixed_label", label)
            previous = group.get(name)
            group[name] = f"{previous}, {cell}" if previous else cell
        if not singles and not groups:
            if any(c.strip() for c in cells):
                raise RowError("row skipped: no name, e-mail, phone or company")
            return None
        warnings: list[str] = []
        contact = self._contact(singles, groups, warnings)
        if contact.display_name == "(no name)":
            raise RowError("row skipped: no name, e-mail, phone or company")
        connected = None
        if "connected_on" in singles:
            connected = self._date(singles, "connected_on", warnings)
            contact.met_event, contact.met_event_kind = "LinkedIn", "online"
        if contact.social_profiles or "connected_on" in singles:
            contact.uid = row_uid(contact)
        # Other rows get the import service's content UID (the one UID-less vCards get), so
        # importing the same file again finds them by UID too.
        if self.width and n > self.width and any(c.strip() for c in cells[self.width :]):
            warnings.append(f"{n - self.width} cell(s) beyond the last column were ignored")
        return RowResult(contact, connected, warnings)

    def _date(self, singles, name: str, warnings: list[str]) -> PartialDate | None:
        text = " ".join(singles.get(name, ()))
        try:
            return parse_date(text, self.profile.day_first)
        except ValueError:
            warnings.append(f"{name.replace('_', ' ')} {text!r} is not a date; left out")
            return None

    def _contact(self, singles, groups, warnings: list[str]) -> Contact:
        def one(name: str, sep: str = " ") -> str:
            return sep.join(singles.get(name, ()))

        c = Contact(
            given_name=one("given_name"),
            additional_names=one("additional_names"),
            family_name=one("family_name"),
            name_prefix=one("name_prefix"),
            name_suffix=one("name_suffix"),
            nickname=one("nickname"),
            org=one("org", ", "),
            org_units=list(singles.get("department", ())),
            title=one("title", ", "),
            notes=one("notes", "\n\n"),
            tags=_tags(singles.get("tags", []), self.profile.tag_separators),
        )
        if "birthday" in singles:
            c.birthday = self._date(singles, "birthday", warnings)
        for url in singles.get("linkedin", ()):
            c.social_profiles.append(LabeledValue(linkedin_url(url), "linkedin"))
        for (kind, _group), parts in groups.items():
            if kind == "address":
                _add_address(c, parts)
            elif kind in ("email", "phone", "url") and kind in parts:
                _add_values(c, kind, parts)
        c.display_name = one("display_name") or fallback_display_name(c)
        return c


def _add_values(c: Contact, kind: str, parts: dict[str, str]) -> None:
    label, preferred = _label(parts.get(f"{kind}_label") or parts.get("fixed_label", ""))
    target = {"email": c.emails, "phone": c.phones, "url": c.urls}[kind]
    for n, value in enumerate(_split_multi(parts[kind])):
        if kind == "url" and _LINKEDIN_PROFILE.search(value):
            # A LinkedIn profile in a website column (our own Google/Outlook export writes it
            # there) is the profile again, so a round trip keeps the contact's identity.
            c.social_profiles.append(LabeledValue(linkedin_url(value), "linkedin"))
            continue
        target.append(LabeledValue(value, label, preferred and n == 0))


def _add_address(c: Contact, parts: dict[str, str]) -> None:
    label, preferred = _label(parts.get("address_label") or parts.get("fixed_label", ""))
    values = {p: parts.get(p, "") for p in ADDRESS_PARTS}
    formatted = parts.get("address_formatted", "")
    if formatted and not any(values.values()):
        values["street"] = formatted
    address = Address(
        po_box=values["po_box"],
        extended=values["extended"],
        street=values["street"],
        locality=values["city"],
        region=values["region"],
        postal_code=values["postal_code"],
        country=values["country"],
        label=label,
        preferred=preferred,
    )
    if not address.is_empty():
        c.addresses.append(address)
