"""How an imported card meets a stored contact (pure rules; the importer applies them).

- a card without a UID gets a stable one from what identifies the person on it, so
  re-importing a file of UID-less cards finds them again;
- whether the card's single values win over the stored ones (same UID and not older);
- the merge itself: single fields fill or override, lists are unions, netdesk's own fields
  only fill gaps.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable

from netdesk.domain.contact import LABELED_FIELDS, Contact
from netdesk.domain.matching import normalise_email, normalise_phone
from netdesk.domain.merging import union_values


def content_uid(card: Contact) -> str:
    """A stable UID for a card that has none, from what identifies the person on it."""
    parts = [
        card.display_name,
        card.family_name,
        card.given_name,
        card.additional_names,
        card.org,
        card.birthday.iso() if card.birthday else "",
        *sorted(normalise_email(e.value) for e in card.emails),
        *sorted(normalise_phone(p.value) for p in card.phones),
    ]
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"urn:netdesk:card:{digest[:32]}"


# -- merging ----------------------------------------------------------------------------------
_SCALARS = (
    "family_name",
    "given_name",
    "additional_names",
    "name_prefix",
    "name_suffix",
    "nickname",
    "org",
    "org_units",
    "title",
    "role",
    "birthday",
    "anniversary",
    "rev",
)


def _rev_key(rev: str) -> str:
    # REV comes as 2026-01-02T03:04:05Z or 20260102T030405Z; compare without separators.
    return rev.replace("-", "").replace(":", "").strip()


def card_overrides(existing: Contact, incoming: Contact, same_uid: bool) -> bool:
    """Does the incoming card replace single values, or only fill the gaps?

    A card with the contact's UID is a version of the same record: it replaces values unless
    the stored REV is newer. A card matched by e-mail or phone is another record of the same
    person (another address book): it replaces values only when it comes from the same file
    the contact was imported from or carries a newer REV, else it only adds, so importing
    two address books in either order, or again, gives the same result.
    """
    if same_uid:
        return not (existing.rev and _rev_key(existing.rev) > _rev_key(incoming.rev))
    if incoming.source and incoming.source == existing.source:
        return True
    return bool(incoming.rev) and _rev_key(incoming.rev) > _rev_key(existing.rev)


def merge_into(existing: Contact, incoming: Contact, overrides: bool = False) -> Contact:
    """The existing contact updated with what the card brings; nothing the user had is lost.

    Single fields take the card's value when ``card_overrides``, else only fill empty ones;
    phones, e-mails, URLs, profiles, addresses, tags and unknown properties are unions;
    notes are appended when new. netdesk's own fields (where we met, cadence) stay; where
    we met is only filled when empty (a LinkedIn CSV row says "met on LinkedIn"), and a
    card's X-NETDESK-* values only fill them when empty.
    """
    merged = dataclasses.replace(existing)
    if incoming.display_name and (overrides or not existing.display_name):
        merged.display_name = incoming.display_name
    for name in _SCALARS:
        value = getattr(incoming, name)
        if value and (overrides or not getattr(existing, name)):
            setattr(merged, name, value)
    for kind in LABELED_FIELDS:
        setattr(merged, kind, union_values(kind, getattr(existing, kind), getattr(incoming, kind)))
    addresses = list(existing.addresses)
    for a in incoming.addresses:
        if all(a.parts() != b.parts() for b in addresses):
            addresses.append(a)
    merged.addresses = addresses
    if incoming.notes and incoming.notes not in existing.notes:
        merged.notes = f"{existing.notes}\n\n{incoming.notes}" if existing.notes else incoming.notes
    # Tags are one per name whatever the case (the store folds them); unknown lines the
    # contact already has stay as they are, repeats included, so a re-import changes nothing.
    merged.tags = _added(existing.tags, incoming.tags, str.casefold)
    merged.raw_properties = _added(existing.raw_properties, incoming.raw_properties, str)
    merged.other_dates = list(dict.fromkeys([*existing.other_dates, *incoming.other_dates]))
    merged.related = list(dict.fromkeys([*existing.related, *incoming.related]))
    if incoming.photo and (overrides or not existing.photo):
        merged.photo, merged.photo_mime = incoming.photo, incoming.photo_mime
    elif incoming.photo_uri and not existing.photo:
        merged.photo_uri = incoming.photo_uri
    if incoming.met_event and not existing.met_event:
        merged.met_event, merged.met_event_kind = incoming.met_event, incoming.met_event_kind
    if not existing.uid:
        merged.uid = incoming.uid
    for name in _NETDESK_FIELDS:  # from X-NETDESK-* lines: they only fill gaps
        if getattr(existing, name) in (None, "") and getattr(incoming, name) not in (None, ""):
            setattr(merged, name, getattr(incoming, name))
    return merged


def _added(old: list[str], new: list[str], key: Callable[[str], str]) -> list[str]:
    """``old`` followed by the items of ``new`` whose key it does not hold yet."""
    seen = {key(x) for x in old}
    out = list(old)
    for x in new:
        if key(x) not in seen:
            seen.add(key(x))
            out.append(x)
    return out


_NETDESK_FIELDS = (
    "met_event",
    "met_event_kind",
    "met_note",
    "keep_in_touch_days",
    "remind_days_before",
)


def same_contact(a: Contact, b: Contact) -> bool:
    # last_contact is logged as an interaction, never stored on the contact.
    ignore = {"id", "created_at", "updated_at", "source", "tags", "last_contact"}
    fields = [f.name for f in dataclasses.fields(Contact) if f.name not in ignore]
    same_tags = sorted(t.casefold() for t in a.tags) == sorted(t.casefold() for t in b.tags)
    return same_tags and all(getattr(a, f) == getattr(b, f) for f in fields)
