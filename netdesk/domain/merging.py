"""Merging contacts that are one person: which value survives, field by field. Pure.

Single values: the survivor's (the first contact) unless empty, then the first non-empty
among the others — or the contact a ``picks`` entry names (the per-field dialog). Lists
(phones, e-mails, URLs, profiles, addresses, tags, unknown vCard lines) are unions in order,
equal values once; notes keep every paragraph once. Merging is associative: merging A with
B and then C gives what merging A with (B merged with C) gives.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence

from netdesk.domain.contact import Address, Contact, LabeledValue
from netdesk.domain.matching import normalise_email, normalise_phone

# Single-valued fields, by group: a group's fields always come from one contact together
# (a photo with its type, an event with its kind).
SINGLE_GROUPS: dict[str, tuple[str, ...]] = {
    "display_name": ("display_name",),
    "name": ("family_name", "given_name", "additional_names", "name_prefix", "name_suffix"),
    "nickname": ("nickname",),
    "org": ("org", "org_units"),
    "title": ("title",),
    "role": ("role",),
    "birthday": ("birthday",),
    "anniversary": ("anniversary",),
    "photo": ("photo", "photo_mime", "photo_uri"),
    "met_event": ("met_event", "met_event_kind"),
    "met_note": ("met_note",),
    "keep_in_touch_days": ("keep_in_touch_days",),
    "source": ("source",),
    "rev": ("rev",),
}
VALUE_LISTS = ("phones", "emails", "urls", "social_profiles")


def value_key(kind: str, value: str) -> str:
    """When two values of a list are the same one ("+1 555-0100" and "+15550100")."""
    if kind == "emails":
        return normalise_email(value)
    if kind == "phones":
        return normalise_phone(value) or value.strip()
    return value.strip().casefold()


def union_values(kind: str, old: list[LabeledValue], new: list[LabeledValue]) -> list[LabeledValue]:
    seen = {value_key(kind, v.value) for v in old}
    out = list(old)
    for v in new:
        key = value_key(kind, v.value)
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out


def _union_addresses(old: list[Address], new: list[Address]) -> list[Address]:
    out = list(old)
    for a in new:
        if all(a.parts() != b.parts() for b in out):
            out.append(a)
    return out


def _paragraphs(notes: str) -> list[str]:
    return [p for p in notes.split("\n\n") if p.strip()]


def _has_value(c: Contact, group: tuple[str, ...]) -> bool:
    return any(getattr(c, f) not in (None, "", []) for f in group)


def default_picks(contacts: Sequence[Contact], newer: bool = False) -> dict[str, int]:
    """Which contact (index) each single-valued group comes from: the first with a value,
    or with ``newer`` the most recently updated one with a value (the dialog's default)."""
    order = list(range(len(contacts)))
    if newer:
        never = dt.datetime.min.replace(tzinfo=dt.UTC)
        order.sort(key=lambda i: contacts[i].updated_at or contacts[i].created_at or never)
        order.reverse()  # newest first; among equals the later contact, as sorted is stable
    picks = {}
    for group, fields in SINGLE_GROUPS.items():
        picks[group] = next((i for i in order if _has_value(contacts[i], fields)), 0)
    return picks


def merge_contacts(
    survivor: Contact, others: Sequence[Contact], picks: Mapping[str, int] | None = None
) -> Contact:
    """The survivor with everything of the others (see the module doc). ``picks`` maps a
    SINGLE_GROUPS name to an index into [survivor, *others]. Keeps the survivor's id and UID."""
    everyone = [survivor, *others]
    chosen = {**default_picks(everyone), **(picks or {})}
    merged = dataclasses.replace(survivor)
    for group, fields in SINGLE_GROUPS.items():
        source = everyone[chosen[group]]
        for f in fields:
            value = getattr(source, f)
            setattr(merged, f, list(value) if isinstance(value, list) else value)
    for kind in VALUE_LISTS:
        values: list[LabeledValue] = []
        for c in everyone:
            values = union_values(kind, values, getattr(c, kind))
        setattr(merged, kind, values)
    addresses: list[Address] = []
    tags: dict[str, str] = {}
    raw: dict[str, None] = {}
    notes: dict[str, None] = {}
    for c in everyone:
        addresses = _union_addresses(addresses, c.addresses)
        for t in c.tags:
            tags.setdefault(t.casefold(), t)
        raw.update(dict.fromkeys(c.raw_properties))
        notes.update(dict.fromkeys(_paragraphs(c.notes)))
    merged.addresses = addresses
    merged.tags = list(tags.values())
    merged.raw_properties = list(raw)
    merged.notes = "\n\n".join(notes)
    if not merged.uid:
        merged.uid = next((c.uid for c in others if c.uid), "")
    return merged
