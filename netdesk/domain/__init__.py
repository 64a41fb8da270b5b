"""Plain data and pure rules. Standard library only: no Qt, no SQLAlchemy, no vobject."""

from netdesk.domain.activity import CHANNELS, FollowUp, Interaction
from netdesk.domain.contact import (
    EVENT_KINDS,
    Address,
    Contact,
    LabeledValue,
    PartialDate,
    fallback_display_name,
)

__all__ = [
    "CHANNELS",
    "EVENT_KINDS",
    "Address",
    "Contact",
    "FollowUp",
    "Interaction",
    "LabeledValue",
    "PartialDate",
    "fallback_display_name",
]
