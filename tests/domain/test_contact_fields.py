"""The one list of multi-valued contact fields comes from the Contact dataclass itself."""

from __future__ import annotations

from netdesk.domain.contact import LABELED_FIELDS, Contact, LabeledValue


def test_labeled_fields_are_read_off_the_dataclass() -> None:
    assert LABELED_FIELDS == ("phones", "emails", "urls", "social_profiles")
    c = Contact(display_name="Ada")
    for name in LABELED_FIELDS:
        getattr(c, name).append(LabeledValue("x"))
    assert all(len(getattr(c, name)) == 1 for name in LABELED_FIELDS)
