"""E.164 phone keys with a default region."""

from __future__ import annotations

import pytest

from netdesk.dedupe.phones import REGION_ENV, PhoneKey, default_region, e164


@pytest.mark.parametrize(
    ("raw", "region", "expected"),
    [
        ("+49 30 1234567", "DE", "+49301234567"),
        ("030 1234567", "DE", "+49301234567"),
        ("0049 30 1234567", "DE", "+49301234567"),
        ("+49 (0)30 1234567", "DE", "+49301234567"),
        ("0044 7700 900110", "DE", "+447700900110"),
        ("07700 900110", "GB", "+447700900110"),
        ("06 1234567", "IT", "+39061234567"),  # Italy keeps its leading 0
        ("(555) 123-4567", "US", "+15551234567"),
        ("tel:+1-555-123-4567;ext=2", "", "+15551234567"),
        ("030 1234567", "", "0301234567"),  # no region: plain digits, never a guess
        ("1234", "DE", "1234"),  # an extension is never padded into a number
        ("not a number", "DE", ""),
    ],
)
def test_e164(raw: str, region: str, expected: str) -> None:
    assert e164(raw, region) == expected


def test_region_comes_from_the_setting_then_the_locale(monkeypatch) -> None:
    monkeypatch.setenv(REGION_ENV, "at")
    assert default_region() == "AT"
    assert PhoneKey()("01 234567") == "+431234567"
    monkeypatch.delenv(REGION_ENV)
    monkeypatch.setattr("locale.getlocale", lambda: ("de_CH", "UTF-8"))
    assert default_region() == "CH"


def test_stored_forms_find_every_way_a_number_was_saved() -> None:
    from netdesk.dedupe.phones import stored_forms
    from netdesk.domain.matching import normalise_phone

    for saved in ("030 1234567", "+49 30 1234567", "0049 30 1234567", "+49 (0)30 1234567"):
        assert normalise_phone(saved) in stored_forms("+49301234567", "DE")
    assert normalise_phone("+44 (0)7700 900110") in stored_forms("+447700900110", "DE")
    assert "07700900110" not in stored_forms("+447700900110", "DE")  # national only in GB
    assert normalise_phone("(555) 123-4567") in stored_forms("+15551234567", "US")
    assert stored_forms("0301234567", "") == {"0301234567"}  # no region: digits as they are
