"""The pure contact rules: something to tell a contact by; e-mail domains without a dot warn."""

from __future__ import annotations

import pytest

from netdesk.domain.contact import Contact, LabeledValue
from netdesk.domain.contact_rules import contact_problems, email_warning, is_empty


@pytest.mark.parametrize(
    "contact",
    [Contact(given_name="Ada"), Contact(org="ACME"), Contact(nickname="Bubbles"),
     Contact(emails=[LabeledValue("a@b.org")]), Contact(phones=[LabeledValue("+44 20")])],
)
def test_one_of_name_org_email_or_phone_is_enough(contact: Contact) -> None:
    assert not is_empty(contact)
    assert not [p for p in contact_problems(contact) if p.blocking]


def test_a_contact_with_nothing_is_refused() -> None:
    empty = Contact(emails=[LabeledValue("  ")], notes="only a note", tags=["x"])
    assert is_empty(empty)
    (problem,) = contact_problems(empty)
    assert problem.blocking and problem.field == "display_name"


@pytest.mark.parametrize(("value", "warns"), [("foo@bar", True), ("foo@bar.", True),
                                              ("foo@bar.org", False), ("a@intranet.local",
                                                                       False), ("", False)])
def test_email_without_a_dot_in_the_domain_warns(value: str, warns: bool) -> None:
    assert (email_warning(value) is not None) == warns


def test_warnings_do_not_block_and_name_their_field() -> None:
    c = Contact(given_name="Ada", emails=[LabeledValue("ada@x.org"), LabeledValue("ada@host")])
    (problem,) = contact_problems(c)
    assert not problem.blocking and problem.field == "emails[1]"
