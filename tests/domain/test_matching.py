"""Duplicate-match rules: conservative name compatibility, normalised keys."""

from __future__ import annotations

import pytest

from netdesk.domain.contact import Contact, LabeledValue
from netdesk.domain.matching import (
    is_generic_mailbox,
    likely_same_contact,
    loose_email,
    match_keys,
    names_compatible,
    normalise_email,
    normalise_phone,
    profile_key,
)


def person(display: str = "", emails=(), phones=(), uid: str = "", **names: str) -> Contact:
    return Contact(
        display_name=display,
        uid=uid,
        emails=[LabeledValue(e) for e in emails],
        phones=[LabeledValue(p) for p in phones],
        **names,
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (" John.Doe@Example.COM ", "john.doe@example.com"),
        ("mailto:jo@x.org", "jo@x.org"),
        ("<jo@x.org>", "jo@x.org"),
        ("ＪＯ@Ｘ.ORG", "jo@x.org"),  # full-width letters from a CJK keyboard
    ],
)
def test_normalise_email(raw: str, expected: str) -> None:
    assert normalise_email(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+49 (0)30 123-45", "+4903012345"),
        ("+1-555-555-5555", "+15555555555"),
        ("tel:+1-555-123-4567", "+15551234567"),
        ("tel:+1-555-123-4567;ext=12", "+15551234567"),
        ("(555) 123.4567 x89", "5551234567"),
        ("555 1234 ext 5", "5551234"),
        ("٠١٢٣٤٥٦٧", "01234567"),  # Arabic-Indic digits
        ("", ""),
        ("+", ""),
    ],
)
def test_normalise_phone(raw: str, expected: str) -> None:
    assert normalise_phone(raw) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (person("J. Smith"), person("John Smith")),
        (person("John Smith"), person("john smith")),
        (person("Smith, John"), person("John Smith")),
        (person("Dr. John Smith"), person("John Smith")),
        (person("John Smith Jr."), person("Smith, John, Jr")),
        (person("José García"), person("Jose Garcia")),
        (person("Smith"), person("John Smith")),
        (person("Yamada Taro"), person("Taro Yamada")),
        (person("x", family_name="Smith", given_name="J"), person("John Smith")),
        (person("John A. Smith"), person("John Smith")),
        (person("jane@example.com"), person("Jane Doe")),  # no real name on one side
        (person("+1 555 0100"), person("Jane Doe")),
        (person("(no name)"), person("Jane Doe")),
        (person("山田太郎"), person("山田太郎")),
    ],
)
def test_compatible_names(a: Contact, b: Contact) -> None:
    assert names_compatible(a, b)
    assert names_compatible(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (person("John Smith"), person("Jane Smith")),
        (person("John Smith"), person("John Smyth")),
        (person("John A. Smith"), person("John B. Smith")),
        (person("K. Smith"), person("John Smith")),
        (person("Bob Jones"), person("Robert Jones")),  # nicknames are not guessed
        (person("John Smith"), person("John Smith Jr.")),  # father and son, when in doubt
        (person("John Smith Sr."), person("John Smith Jr.")),
        (
            person("x", given_name="John", family_name="Smith", name_suffix="III"),
            person("John Smith"),
        ),
        (person("Anna"), person("John Smith")),
        (person("山田太郎"), person("Yamada Taro")),  # different scripts: not guessed either
        (person("x", family_name="Müller", given_name="Anna"), person("Anna Schmidt")),
    ],
)
def test_incompatible_names(a: Contact, b: Contact) -> None:
    assert not names_compatible(a, b)
    assert not names_compatible(b, a)


def test_match_keys() -> None:
    c = person("A", emails=["A@X.org", "not-an-email"], phones=["+1 555 0100", "112"], uid=" u1 ")
    keys = match_keys(c)
    assert keys.uid == "u1"
    assert keys.emails == {"a@x.org"}
    assert keys.phones == {"+15550100"}  # "112" is too short to identify anyone


def test_two_people_sharing_a_name_are_never_merged() -> None:
    a = person("John Smith", emails=["john@acme.com"], phones=["+1 555 0100"])
    b = person("John Smith", emails=["jsmith@other.org"], phones=["+44 20 7946 0000"])
    assert names_compatible(a, b)  # the names alone say nothing against it...
    assert not likely_same_contact(a, b)  # ...but a name alone never matches


def test_a_shared_phone_does_not_merge_different_people() -> None:
    # A family landline: same number, same family name, different people.
    a = person("John Smith", phones=["+1 555 0100"])
    b = person("Jane Smith", phones=["+1-555-0100"])
    assert not likely_same_contact(a, b)


def test_shared_email_and_compatible_name_match() -> None:
    a = person("J. Smith", emails=["John.Smith@Example.com"])
    b = person("John Smith", emails=["john.smith@example.com"], phones=["1"])
    assert likely_same_contact(a, b)
    assert likely_same_contact(person("", emails=["x@y.z"]), person("Jane", emails=["X@Y.Z"]))


def test_same_uid_matches_whatever_the_names() -> None:
    assert likely_same_contact(person("Old Name", uid="u-1"), person("New Name", uid="u-1"))
    assert not likely_same_contact(person("A B", uid="u-1"), person("C D", uid="u-2"))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://www.linkedin.com/in/Ada-Lovelace/", "linkedin:ada-lovelace"),
        ("linkedin.com/in/ada-lovelace?trk=x", "linkedin:ada-lovelace"),
        ("http://de.linkedin.com/in/ada-lovelace", "linkedin:ada-lovelace"),
        ("https://x.com/@adal", "x:adal"),
        ("https://twitter.com/AdaL", "x:adal"),
        ("github.com/ada", "github:ada"),
        ("@ada@hachyderm.io", "mastodon:ada@hachyderm.io"),
        ("https://www.linkedin.com/company/acme", ""),  # a company page is no person
        ("https://example.org/ada", ""),
        ("", ""),
    ],
)
def test_profile_key(raw: str, expected: str) -> None:
    assert profile_key(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("J.Doe+news@GoogleMail.com", "jdoe@gmail.com"),
        ("jdoe@gmail.com", "jdoe@gmail.com"),
        ("j.doe+crm@example.org", "j.doe@example.org"),  # dots matter outside Gmail
    ],
)
def test_loose_email(raw: str, expected: str) -> None:
    assert loose_email(raw) == expected


def test_role_mailboxes_are_not_keys() -> None:
    assert is_generic_mailbox("Info@Acme.com") and is_generic_mailbox("no-reply@x.org")
    assert not is_generic_mailbox("ada@acme.com")
    keys = match_keys(person("Ada", emails=["info@acme.com", "ada@acme.com"]))
    assert keys.emails == {"ada@acme.com"}


def test_crowded_keys_do_not_count() -> None:
    a = person("John Smith", phones=["+44 20 7946 0000"])
    b = person("J. Smith", phones=["+44 (20) 7946-0000"])
    assert likely_same_contact(a, b)
    assert not likely_same_contact(a, b, crowded={"+442079460000"})


def test_a_shared_profile_url_is_a_strong_key() -> None:
    a = Contact("Ada Lovelace", urls=[LabeledValue("https://linkedin.com/in/ada")])
    b = Contact("A. Lovelace", social_profiles=[LabeledValue("linkedin.com/in/ada/", "linkedin")])
    assert likely_same_contact(a, b)
