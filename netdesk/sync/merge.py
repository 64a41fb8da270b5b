"""Field-level three-way merge of a contact: the last-synced card is the common base.

A field changed on one side only takes that side; lists (phones, e-mails, tags, ...) merge
as sets (an item removed on either side goes, an item added on either side stays); when both
sides changed the same single-valued field differently, the local value stays and the
server's is returned as a ``FieldConflict`` so the user can pick it later. Nothing is lost.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from netdesk.domain.contact import Contact

# Single-valued fields; a group travels together (a photo is its bytes, type and URI).
SINGLE_FIELDS: tuple[tuple[str, ...], ...] = (
    ("display_name",),
    ("family_name", "given_name", "additional_names", "name_prefix", "name_suffix"),
    ("nickname",),
    ("org", "org_units"),
    ("title",),
    ("role",),
    ("birthday",),
    ("anniversary",),
    ("notes",),
    ("photo", "photo_mime", "photo_uri"),
    ("met_event", "met_event_kind"),
    ("met_note",),
    ("keep_in_touch_days",),
)


def _labeled_key(v: Any) -> Hashable:
    return "".join(v.value.split()).casefold()


def _address_key(a: Any) -> Hashable:
    return tuple(p.strip().casefold() for p in a.parts())


LIST_FIELDS: dict[str, Callable[[Any], Hashable]] = {
    "phones": lambda v: "".join(ch for ch in v.value if ch.isdigit() or ch == "+"),
    "emails": _labeled_key,
    "urls": _labeled_key,
    "social_profiles": _labeled_key,
    "addresses": _address_key,
    "tags": lambda t: t.strip().casefold(),
    "raw_properties": lambda line: line,
}


@dataclass(frozen=True)
class FieldConflict:
    field: str  # the first field name of the group, e.g. "family_name" for the name parts
    local_value: str
    server_value: str


@dataclass
class MergeResult:
    contact: Contact
    conflicts: list[FieldConflict]


def _group_value(c: Contact, group: tuple[str, ...]) -> tuple:
    return tuple(getattr(c, name) for name in group)


def _shown(value: tuple) -> str:
    if isinstance(value[0], bytes):
        return f"(photo, {len(value[0])} bytes)"
    return " ".join(str(v) for v in value if v not in (None, "", []))


def merge_contacts(base: Contact | None, local: Contact, server: Contact) -> MergeResult:
    """The merged contact (with ``local``'s id and times) and the conflicts left over.

    ``base`` None means no common ancestor (two cards linked for the first time): every
    difference is then a change on both sides.
    """
    merged = copy.deepcopy(local)
    empty = Contact()
    ancestor = base if base is not None else empty
    conflicts: list[FieldConflict] = []
    for group in SINGLE_FIELDS:
        b = _group_value(ancestor, group)
        mine = _group_value(local, group)
        theirs = _group_value(server, group)
        if theirs in (mine, b):
            continue
        if mine == b or (base is None and mine == _group_value(empty, group)):
            for name, value in zip(group, theirs, strict=True):
                setattr(merged, name, copy.deepcopy(value))
            continue
        conflicts.append(FieldConflict(group[0], _shown(mine), _shown(theirs)))
    for name, key in LIST_FIELDS.items():
        setattr(
            merged,
            name,
            merge_lists(getattr(ancestor, name), getattr(local, name), getattr(server, name), key),
        )
    return MergeResult(merged, conflicts)


def merge_lists(base: list, local: list, server: list, key: Callable[[Any], Hashable]) -> list:
    """Set merge keeping local order: removed on either side goes, added on either side stays."""
    base_keys = {key(x) for x in base}
    local_keys = {key(x) for x in local}
    server_keys = {key(x) for x in server}
    dropped = (base_keys - local_keys) | (base_keys - server_keys)
    out: list = []
    seen: set = set()
    for item in [*local, *server]:
        k = key(item)
        if k in dropped or k in seen:
            continue
        seen.add(k)
        out.append(copy.deepcopy(item))
    return out
