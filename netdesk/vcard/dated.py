"""Anniversaries, other dates and related people: every vendor form in, standard + Apple out.

In: ``ANNIVERSARY`` (4.0), ``X-ANNIVERSARY``, ``X-EVOLUTION-ANNIVERSARY``,
``X-MS-ANNIVERSARY``, ``X-KADDRESSBOOK-X-Anniversary``, Apple ``itemN.X-ABDATE`` with its
``X-ABLabel`` (``_$!<Anniversary>!$_``, ``_$!<Other>!$_``, custom text), Android
``X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;DATE;TYPE;LABEL`` and ``.../relation``,
``RELATED`` (4.0), Apple ``X-ABRELATEDNAMES``, Outlook ``X-MS-SPOUSE``/``X-MS-MANAGER``/
``X-MS-ASSISTANT``, Evolution ``X-EVOLUTION-SPOUSE``... and KDE ``X-KADDRESSBOOK-X-SpousesName``.

Out: the version's standard form and the Apple form phones read (``X-ABDATE`` +
``X-ABLabel``, ``X-ABRELATEDNAMES`` in 3.0). The reader drops the copies it wrote itself.
"""

from __future__ import annotations

import re

from netdesk.domain.contact import ContactDate, PartialDate, RelatedPerson
from netdesk.vcard.properties import Property, param
from netdesk.vcard.text import escape, escape_uri, split_unescaped

NO_YEAR = 1604  # Apple's "year unknown"
ANNIVERSARY_NAMES = (
    "ANNIVERSARY",
    "X-ANNIVERSARY",
    "X-EVOLUTION-ANNIVERSARY",
    "X-MS-ANNIVERSARY",
    "X-KADDRESSBOOK-X-ANNIVERSARY",
)
RELATION_OF = {
    "X-MS-SPOUSE": "spouse",
    "X-MS-MANAGER": "manager",
    "X-MS-ASSISTANT": "assistant",
    "X-MS-CHILD": "child",
    "X-ASSISTANT": "assistant",
    "X-MANAGER": "manager",
    "X-SPOUSE": "spouse",
    "X-EVOLUTION-SPOUSE": "spouse",
    "X-EVOLUTION-MANAGER": "manager",
    "X-EVOLUTION-ASSISTANT": "assistant",
    "X-KADDRESSBOOK-X-SPOUSESNAME": "spouse",
    "X-KADDRESSBOOK-X-MANAGERSNAME": "manager",
    "X-KADDRESSBOOK-X-ASSISTANTSNAME": "assistant",
}
# Android ContactsContract: Event.TYPE and Relation.TYPE (0 = custom, label in the next field).
_ANDROID_EVENT = {"1": "anniversary", "2": "other", "3": "birthday"}
_ANDROID_RELATION = {
    "1": "assistant",
    "2": "brother",
    "3": "child",
    "4": "partner",
    "5": "father",
    "6": "friend",
    "7": "manager",
    "8": "mother",
    "9": "parent",
    "10": "partner",
    "11": "referred by",
    "12": "relative",
    "13": "sister",
    "14": "spouse",
}
_ANDROID_EVENT_ITEM = "vnd.android.cursor.item/contact_event"
_ANDROID_RELATION_ITEM = "vnd.android.cursor.item/relation"
# Apple's built-in labels for X-ABDATE and X-ABRELATEDNAMES.
_APPLE_LABELS = frozenset(
    {"anniversary", "other", "father", "mother", "parent", "brother", "sister", "child"}
    | {"friend", "spouse", "partner", "assistant", "manager"}
)
# RFC 6350 RELATED types.
_RFC_RELATED = frozenset(
    {"contact", "acquaintance", "friend", "met", "co-worker", "colleague", "co-resident"}
    | {"neighbor", "child", "parent", "sibling", "spouse", "kin", "muse", "crush", "date"}
    | {"sweetheart", "me", "agent", "emergency"}
)
_URI_PREFIXES = ("urn:", "http:", "https:", "mailto:", "tel:", "sip:", "xmpp:")


def parse_date(value: str, params) -> PartialDate | None:
    """A date value with Apple's year-omitted convention applied; None when not a date."""
    try:
        date = PartialDate.parse(value)
    except ValueError:
        return None
    omit = param(params, "X-APPLE-OMIT-YEAR").strip()
    if date.year is not None and (date.year == NO_YEAR or str(date.year) == omit):
        return PartialDate(None, date.month, date.day)
    return date


def android_custom(value: str) -> ContactDate | RelatedPerson | None:
    """The date (label "birthday", "anniversary", "other" or custom) or the related person of
    an Android event or relation row; None for anything else (kept raw)."""
    parts = split_unescaped(value, ";")
    if len(parts) < 3:
        return None
    kind, data, type_code = parts[0].strip().lower(), parts[1].strip(), parts[2].strip()
    custom = parts[3].strip() if len(parts) > 3 else ""
    if not data:
        return None
    if kind == _ANDROID_EVENT_ITEM:
        date = parse_date(data, {})
        if date is None:
            return None
        label = _ANDROID_EVENT.get(type_code, custom if type_code == "0" else "other")
        return ContactDate(date, label)
    if kind == _ANDROID_RELATION_ITEM:
        relation = _ANDROID_RELATION.get(type_code, custom if type_code == "0" else "")
        return RelatedPerson(data, relation)
    return None


def relation_from(p: Property, apple_label: str | None) -> str:
    if apple_label is not None:
        # "Spouse" (Apple without the _$!<...>!$_ frame) is the built-in word.
        low = apple_label.strip().lower()
        return low if low in _APPLE_LABELS else apple_label
    for t in p.params.get("TYPE", ()):
        low = t.strip().lower()
        if low and low != "pref":
            return low
    return ""


def add_related(related: list[RelatedPerson], person: RelatedPerson) -> None:
    if person.name and person not in related:
        related.append(person)


# -- writing ----------------------------------------------------------------------------------
def apple_label(label: str) -> str:
    return f"_$!<{label.capitalize()}>!$_" if label in _APPLE_LABELS else escape(label)


def date_value(date: PartialDate, v4: bool) -> tuple[str, str]:
    """(extra parameters, value). 3.0 has no year-less form, so Apple's convention is used."""
    if date.year is None:
        if v4:
            return "", f"--{date.month:02d}{date.day:02d}"
        return f";X-APPLE-OMIT-YEAR={NO_YEAR}", f"{NO_YEAR}-{date.month:02d}-{date.day:02d}"
    if v4:
        return "", f"{date.year:04d}{date.month:02d}{date.day:02d}"
    return "", f"{date.year:04d}-{date.month:02d}-{date.day:02d}"


def apple_date_lines(group: str, date: PartialDate, label: str) -> list[str]:
    # X-ABDATE takes the extended form in either version (as Apple writes it).
    params, value = date_value(date, False)
    lines = [f"{group}.X-ABDATE{params}:{value}"]
    if label:
        lines.append(f"{group}.X-ABLabel:{apple_label(label)}")
    return lines


def related_lines(person: RelatedPerson, v4: bool, new_group) -> list[str]:
    """RELATED (4.0) or X-ABRELATEDNAMES (3.0); a relation with no type of its own goes in an
    Apple label on an ``itemN`` group."""
    name, relation = person.name, person.relation
    is_uri = name.lower().startswith(_URI_PREFIXES)
    value = escape_uri(name) if is_uri else escape(name)
    if v4:
        kind = ";VALUE=uri" if is_uri else ";VALUE=text"
        if not relation or relation in _RFC_RELATED:
            types = f";TYPE={relation}" if relation else ""
            return [f"RELATED{types}{kind}:{value}"]
        g = new_group()
        return [f"{g}.RELATED{kind}:{value}", f"{g}.X-ABLabel:{apple_label(relation)}"]
    if not relation:
        return [f"X-ABRELATEDNAMES:{value}"]
    g = new_group()
    return [f"{g}.X-ABRELATEDNAMES:{value}", f"{g}.X-ABLabel:{apple_label(relation)}"]


_BASIC_TIMESTAMP = re.compile(r"(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)(Z|[+-]\d\d\d\d)?")


def canonical_rev(rev: str) -> str:
    """A basic-form REV (4.0: 20120305T133254Z) in the extended form 3.0 files carry, so a
    card reads the same whichever version it went through."""
    m = _BASIC_TIMESTAMP.fullmatch(rev)
    if m is None:
        return rev
    y, mo, d, h, mi, s, zone = m.groups()
    zone = zone or ""
    if len(zone) == 5:
        zone = f"{zone[:3]}:{zone[3:]}"
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}{zone}"


_TIMESTAMP = re.compile(
    r"(\d{4})-?(\d\d)-?(\d\d)(?:T(\d\d):?(\d\d):?(\d\d)(?:[.,]\d+)?(Z|[+-]\d\d:?\d\d)?)?"
)


def rev_for_version(rev: str, v4: bool) -> str:
    """REV as the version wants it: 4.0 takes only the basic ISO 8601 form (ical.js rejects
    2012-03-05T13:32:54Z there); 3.0 keeps what was read. A 4.0 REV that is no timestamp
    is left out: it only tells a server which copy is newer."""
    if not v4:
        return escape(rev)
    m = _TIMESTAMP.fullmatch(rev.strip())
    if m is None:
        return ""
    y, mo, d, h, mi, s, zone = m.groups()
    if h is None:
        return f"{y}{mo}{d}"
    return f"{y}{mo}{d}T{h}{mi}{s}{(zone or '').replace(':', '')}"


__all__ = [
    "ANNIVERSARY_NAMES",
    "RELATION_OF",
    "add_related",
    "android_custom",
    "apple_date_lines",
    "canonical_rev",
    "date_value",
    "parse_date",
    "related_lines",
    "relation_from",
    "rev_for_version",
]
