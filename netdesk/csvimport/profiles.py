"""Which export a header row comes from, and what each of its columns means.

Profiles: LinkedIn's Connections.csv, Google Contacts (current and legacy), Outlook (English,
German, French, Spanish headers) and a generic fallback. Header rows come from
``../shared/vcard-corpus/CSV-FORMATS.md``; the localised Outlook names from public
converters that hard-code them (Outlook translates its column names).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from netdesk.csvimport.fields import ADDRESS_PARTS, Target
from netdesk.csvimport.outlook_headers import OUTLOOK_DE, OUTLOOK_EN, OUTLOOK_ES, OUTLOOK_FR


def normalise_header(text: str) -> str:
    """Case, spacing and quote style do not matter: ``"E-mail  Address"`` = ``e-mail address``."""
    text = unicodedata.normalize("NFC", text).strip().strip('"').strip()
    text = text.replace("\u2019", "'")
    # lower(), not casefold(): casefold turns "ß" into "ss" and the tables spell "Straße".
    return " ".join(text.split()).lower()


T = Target

_LINKEDIN = {
    "first name": T("given_name"),
    "last name": T("family_name"),
    "url": T("linkedin"),
    "profile url": T("linkedin"),
    "email address": T("email", "1"),
    "company": T("org"),
    "position": T("title"),
    "connected on": T("connected_on"),
}

_GOOGLE = {
    "first name": T("given_name"),
    "middle name": T("additional_names"),
    "last name": T("family_name"),
    "name prefix": T("name_prefix"),
    "name suffix": T("name_suffix"),
    "nickname": T("nickname"),
    "organization name": T("org"),
    "organization title": T("title"),
    "organization department": T("department"),
    "birthday": T("birthday"),
    "notes": T("notes"),
    "labels": T("tags"),
}
_GOOGLE_LEGACY = {
    "name": T("display_name"),
    "given name": T("given_name"),
    "additional name": T("additional_names"),
    "family name": T("family_name"),
    "name prefix": T("name_prefix"),
    "name suffix": T("name_suffix"),
    "nickname": T("nickname"),
    "birthday": T("birthday"),
    "notes": T("notes"),
    "group membership": T("tags"),
    "organization 1 - name": T("org"),
    "organization 1 - title": T("title"),
    "organization 1 - department": T("department"),
}
# Google's numbered groups: "E-mail 2 - Value", "Phone 1 - Label", "Address 1 - City"...
_GOOGLE_GROUP = re.compile(r"^(e-mail|phone|website|address) (\d+) - ([a-z ]+)$")
_GOOGLE_KIND = {"e-mail": "email", "phone": "phone", "website": "url", "address": "address"}
_GOOGLE_PART = {
    "label": "label",
    "type": "label",
    "value": "value",
    "street": "street",
    "city": "city",
    "po box": "po_box",
    "region": "region",
    "postal code": "postal_code",
    "country": "country",
    "extended address": "extended",
    "formatted": "address_formatted",
}


def _google_group(header: str) -> Target | None:
    m = _GOOGLE_GROUP.match(header)
    if not m or m.group(3) not in _GOOGLE_PART:
        return None
    kind, number, part = _GOOGLE_KIND[m.group(1)], m.group(2), _GOOGLE_PART[m.group(3)]
    if kind == "address":
        if part == "value":
            return None
        name = "address_label" if part == "label" else part
    elif part not in ("label", "value"):
        return None
    else:
        name = f"{kind}_label" if part == "label" else kind
    return Target(name, number)


_GENERIC = {
    "name": T("display_name"),
    "full name": T("display_name"),
    "display name": T("display_name"),
    "first name": T("given_name"),
    "firstname": T("given_name"),
    "given name": T("given_name"),
    "middle name": T("additional_names"),
    "last name": T("family_name"),
    "lastname": T("family_name"),
    "surname": T("family_name"),
    "family name": T("family_name"),
    "nickname": T("nickname"),
    "nick name": T("nickname"),
    "company": T("org"),
    "organization": T("org"),
    "organisation": T("org"),
    "title": T("title"),
    "job title": T("title"),
    "position": T("title"),
    "department": T("department"),
    "email": T("email", "1"),
    "e-mail": T("email", "1"),
    "email address": T("email", "1"),
    "e-mail address": T("email", "1"),
    "primary email": T("email", "1"),
    "secondary email": T("email", "2"),
    "work email": T("email", "w", "work"),
    "home email": T("email", "h", "home"),
    "phone": T("phone", "1"),
    "phone number": T("phone", "1"),
    "telephone": T("phone", "1"),
    "mobile": T("phone", "m", "mobile"),
    "mobile phone": T("phone", "m", "mobile"),
    "mobile number": T("phone", "m", "mobile"),
    "cell": T("phone", "m", "mobile"),
    "work phone": T("phone", "w", "work"),
    "home phone": T("phone", "h", "home"),
    "website": T("url", "1"),
    "web page": T("url", "1"),
    "url": T("url", "1"),
    "linkedin": T("linkedin"),
    "linkedin url": T("linkedin"),
    "birthday": T("birthday"),
    "notes": T("notes"),
    "note": T("notes"),
    "tags": T("tags"),
    "labels": T("tags"),
    "categories": T("tags"),
    "groups": T("tags"),
    "street": T("street", "a"),
    "address": T("street", "a"),
    "city": T("city", "a"),
    "state": T("region", "a"),
    "region": T("region", "a"),
    "zip": T("postal_code", "a"),
    "zip code": T("postal_code", "a"),
    "postal code": T("postal_code", "a"),
    "country": T("country", "a"),
}


@dataclass(frozen=True)
class Profile:
    """One known export layout: its id, the family the user names, how to read its columns."""

    id: str
    family: str
    title: str
    table: dict[str, Target]
    # Headers (normalised) that must all be present for this profile to be detected.
    required: frozenset[str] = frozenset()
    numbered_groups: bool = False
    # Dates like 04/05/1980 are day first (Europe) or month first (US Outlook).
    day_first: bool = False
    tag_separators: tuple[str, ...] = (":::",)
    extra: dict[str, str] = field(default_factory=dict)

    def target(self, header: str) -> Target | None:
        key = normalise_header(header)
        found = OUTLOOK_EN.get(self.extra[key]) if key in self.extra else None
        if found is None:
            found = self.table.get(key)
        if found is None and self.numbered_groups:
            found = _google_group(key)
        return found


def _outlook(lang: str, localised: dict[str, str], required: set[str], day_first: bool):
    # Localised exports keep some English column names, so the English table always applies.
    table = OUTLOOK_EN
    title = {"en": "English", "de": "German", "fr": "French", "es": "Spanish"}[lang]
    return Profile(
        f"outlook-{lang}",
        "outlook",
        f"Outlook ({title})",
        table,
        frozenset(required),
        day_first=day_first,
        tag_separators=(";", ":::"),
        extra=localised,
    )


PROFILES: tuple[Profile, ...] = (
    Profile(
        "linkedin",
        "linkedin",
        "LinkedIn connections",
        _LINKEDIN,
        frozenset({"first name", "last name", "connected on"}),
    ),
    Profile(
        "google",
        "google",
        "Google Contacts",
        _GOOGLE,
        frozenset({"first name", "last name", "labels"}),
        numbered_groups=True,
    ),
    Profile(
        "google-legacy",
        "google",
        "Google Contacts (legacy)",
        _GOOGLE_LEGACY,
        frozenset({"given name", "family name"}),
        numbered_groups=True,
    ),
    _outlook("en", {}, {"first name", "last name"}, day_first=False),
    _outlook("de", OUTLOOK_DE, {"vorname", "nachname"}, day_first=True),
    _outlook("fr", OUTLOOK_FR, {"prénom", "nom"}, day_first=True),
    _outlook("es", OUTLOOK_ES, {"nombre", "apellidos"}, day_first=True),
    Profile(
        "generic",
        "generic",
        "Generic CSV",
        _GENERIC,
        numbered_groups=True,
        tag_separators=(":::", ";", ","),
    ),
)
FAMILIES = ("linkedin", "google", "outlook", "generic")
_BY_ID = {p.id: p for p in PROFILES}


def profile_by_id(profile_id: str) -> Profile:
    return _BY_ID[profile_id]


def recognised(profile: Profile, headers: Sequence[str]) -> int:
    return sum(1 for h in headers if profile.target(h) is not None)


def detect_profile(headers: Sequence[str], family: str | None = None) -> Profile:
    """The profile that reads the most columns, among those whose required headers are there.

    ``family`` ("linkedin", "google", "outlook", "generic") narrows the choice to that family
    (the user's ``--profile``); the generic profile is the fallback for anything else.
    """
    present = {normalise_header(h) for h in headers}
    best, best_score = _BY_ID["generic"], 0
    for profile in PROFILES:
        if family and profile.family != family:
            continue
        if profile.id == "generic" and family != "generic":
            continue
        if not profile.required <= present:
            continue
        score = recognised(profile, headers)
        if score > best_score:
            best, best_score = profile, score
    if family and best.family != family:
        # A forced family without its required headers: read what that family's tables know.
        candidates = [p for p in PROFILES if p.family == family]
        best = max(candidates, key=lambda p: recognised(p, headers))
    return best


def mapping_for(profile: Profile, headers: Sequence[str]) -> list[Target | None]:
    """The target of every column (None: not imported)."""
    targets = [profile.target(h) for h in headers]
    # French Outlook has two "Titre" columns: the first is the salutation, the second the job.
    keys = [normalise_header(h) for h in headers]
    for i, t in enumerate(targets):
        if t is not None and t.field == "title" and keys[i] in keys[i + 1 :]:
            targets[i] = Target("name_prefix")
    return targets


def is_known_header(text: str) -> bool:
    """Could this cell be a column name of any known export? (Finds the header row.)"""
    return any(p.target(text) is not None for p in PROFILES)


__all__ = [
    "ADDRESS_PARTS",
    "FAMILIES",
    "PROFILES",
    "Profile",
    "detect_profile",
    "is_known_header",
    "mapping_for",
    "normalise_header",
    "profile_by_id",
]
