"""Contacts and their activity as JSON-ready values and back, exactly (ids, times, photo
bytes included): the merge log keeps what a merge changed in this form so a later process
(``netdesk merge --undo-last``) can put it back."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
from typing import Any

from netdesk.domain.activity import FollowUp, Interaction
from netdesk.domain.contact import Address, Contact, LabeledValue, PartialDate


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if isinstance(value, bytes):
        return {"bytes": base64.b64encode(value).decode("ascii")}
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, PartialDate):
        return {"date": value.iso()}
    if isinstance(value, LabeledValue):
        return {"value": [value.value, value.label, value.preferred]}
    if isinstance(value, Address):
        return {"address": [*value.parts(), value.label, value.preferred]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, tuple):  # e.g. the other people of a shared meeting
        return {"tuple": [_encode(v) for v in value]}
    raise TypeError(f"cannot snapshot {type(value).__name__}")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    ((kind, data),) = value.items()
    if kind == "bytes":
        return base64.b64decode(data)
    if kind == "datetime":
        return dt.datetime.fromisoformat(data)
    if kind == "date":
        return PartialDate.parse(data)
    if kind == "value":
        return LabeledValue(*data)
    if kind == "address":
        return Address(*data)
    if kind == "tuple":
        return tuple(_decode(v) for v in data)
    raise ValueError(f"unknown snapshot value {kind!r}")


def _to_dict(obj: Any) -> dict[str, Any]:
    return {f.name: _encode(getattr(obj, f.name)) for f in dataclasses.fields(obj)}


def _from_dict(cls: type, data: dict[str, Any]) -> Any:
    return cls(**{name: _decode(value) for name, value in data.items()})


def contact_to_json(c: Contact) -> dict[str, Any]:
    return _to_dict(c)


def contact_from_json(data: dict[str, Any]) -> Contact:
    return _from_dict(Contact, data)


def interaction_to_json(i: Interaction) -> dict[str, Any]:
    return _to_dict(i)


def interaction_from_json(data: dict[str, Any]) -> Interaction:
    return _from_dict(Interaction, data)


def followup_to_json(f: FollowUp) -> dict[str, Any]:
    return _to_dict(f)


def followup_from_json(data: dict[str, Any]) -> FollowUp:
    return _from_dict(FollowUp, data)
