"""The importer applies THE same-person rule of domain/matching.py (one copy, tested here
through the production path: vCard bytes in, contacts in the store out)."""

from __future__ import annotations

import pytest

from netdesk.domain.contact import Contact, LabeledValue
from netdesk.domain.matching import likely_same_contact
from netdesk.services.transfer import TransferService


def card(fn: str, *lines: str, uid: str = "") -> str:
    body = "".join(f"{line}\r\n" for line in lines)
    uid_line = f"UID:{uid}\r\n" if uid else ""
    return f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{fn}\r\n{uid_line}{body}END:VCARD\r\n"


@pytest.fixture
def transfer(database) -> TransferService:
    return TransferService(database)


def names(contact_service) -> list[str]:
    return sorted(r.name for r in contact_service.summaries())


def import_two(transfer, first: str, second: str, one_file: bool) -> None:
    if one_file:
        transfer.import_bytes((first + second).encode())
    else:
        transfer.import_bytes(first.encode())
        transfer.import_bytes(second.encode())


@pytest.mark.parametrize("one_file", [True, False])
@pytest.mark.parametrize(
    ("line_a", "line_b"),
    [
        ("TEL:1234", "TEL:1234"),  # a shared 4-digit extension
        ("EMAIL:info@acme.example", "EMAIL:Info@Acme.example"),  # a role mailbox
    ],
)
def test_weak_shared_values_do_not_merge(transfer, contact_service, one_file, line_a, line_b):
    import_two(
        transfer, card("John Smith", line_a, uid="a"), card("J. Smith", line_b, uid="b"), one_file
    )
    assert names(contact_service) == ["J. Smith", "John Smith"]


def test_the_domain_rule_agrees_with_the_importer_on_extensions() -> None:
    a = Contact("John Smith", phones=[LabeledValue("1234")])
    b = Contact("J. Smith", phones=[LabeledValue("1234")])
    assert not likely_same_contact(a, b)


def test_a_switchboard_number_stops_merging_once_crowded(transfer, contact_service):
    # Five people at one company, all with the switchboard and the same family name initial
    # style; the first pairs are compatible names, yet a number on 4 contacts is no key.
    people = [card(f"{g} Chen", "TEL:+44 20 7946 0000", uid=f"u{i}") for i, g in enumerate("ABCD")]
    transfer.import_bytes("".join(people).encode())
    report = transfer.import_bytes(card("A. Chen", "TEL:+44 20 7946 0000", uid="u9").encode())
    assert report.created == 1 and report.updated == 0
    assert len(contact_service.summaries()) == 5


def test_shared_personal_email_and_compatible_name_still_merge(transfer, contact_service):
    transfer.import_bytes(card("John Smith", "EMAIL:john.smith@example.org", uid="a").encode())
    report = transfer.import_bytes(
        card("J. Smith", "EMAIL:John.Smith@Example.org", "TEL:+1 555 0100", uid="b").encode()
    )
    assert (report.created, report.updated) == (0, 1)
    (row,) = contact_service.summaries()
    assert row.phones == ("+1 555 0100",)


def test_shared_phone_but_different_given_names_stay_two(transfer, contact_service):
    transfer.import_bytes(
        (
            card("John Smith", "TEL:+1 555 0100", uid="a")
            + card("Jane Smith", "TEL:+1-555-0100", uid="b")
        ).encode()
    )
    assert names(contact_service) == ["Jane Smith", "John Smith"]
