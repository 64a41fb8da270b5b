"""The input limits of issue 17 and the terminal-safe text, as pure functions."""

from __future__ import annotations

import datetime as dt

import pytest

from netdesk.domain.due import MAX_CADENCE_DAYS, cadence_due, stored_cadence, validate_cadence
from netdesk.domain.text import escape_controls
from netdesk.domain.timeparse import parse_user_datetime
from netdesk.domain.validation import MAX_ID, check_horizon_days, check_moment, parse_id

UTC = dt.UTC


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1", 1), (" 42 ", 42), (str(MAX_ID), MAX_ID), ("Ann", None), ("²", None), ("١٢", None),
     ("-3", None), ("", None)],
)
def test_parse_id(text: str, expected: int | None) -> None:
    assert parse_id(text) == expected


@pytest.mark.parametrize("text", ["0", "000", str(MAX_ID + 1), "9" * 400])
def test_parse_id_refuses_ids_that_cannot_exist(text: str) -> None:
    with pytest.raises(ValueError, match="no contact has id"):
        parse_id(text)


def test_check_moment_bounds() -> None:
    inside = dt.datetime(2026, 12, 1, tzinfo=UTC)
    assert check_moment(inside) == inside
    for outside in (dt.datetime(999, 12, 31, tzinfo=UTC), dt.datetime(9001, 1, 1, tzinfo=UTC),
                    dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=5)))):
        with pytest.raises(ValueError, match="between the years 1000 and 9000"):
            check_moment(outside)


@pytest.mark.parametrize("text", ["0001-01-01T00:00+05:00", "9999-12-31T23:59-05:00",
                                  "0001-01-01", "9999-12-31"])
def test_parse_user_datetime_never_overflows(text: str) -> None:
    tz = dt.timezone(dt.timedelta(hours=-10))
    with pytest.raises(ValueError, match="between the years 1000 and 9000"):
        parse_user_datetime(text, tz)


def test_horizon_days() -> None:
    assert check_horizon_days(0) == 0 and check_horizon_days(36_500) == 36_500
    for bad in (-1, 36_501, 3_000_000):
        with pytest.raises(ValueError):
            check_horizon_days(bad)


def test_cadence_limit_and_stored_values() -> None:
    assert validate_cadence(MAX_CADENCE_DAYS) == MAX_CADENCE_DAYS
    with pytest.raises(ValueError, match="at most 3650"):
        validate_cadence(MAX_CADENCE_DAYS + 1)
    # Read back from an older store: clamped, not a crash.
    assert stored_cadence(99_999_999_999) == MAX_CADENCE_DAYS
    with pytest.raises(ValueError):
        stored_cadence(0)
    start = dt.datetime(2026, 1, 1, tzinfo=UTC)
    assert cadence_due(None, start, 9_999_999) == start + dt.timedelta(days=MAX_CADENCE_DAYS)
    late = dt.datetime(9998, 1, 1, tzinfo=UTC)
    assert cadence_due(late, start, 3650).year == 9999  # past datetime's end: "never"


def test_escape_controls() -> None:
    assert escape_controls("Zoë Ångström, 名前 😀") == "Zoë Ångström, 名前 😀"
    assert escape_controls("a\x1b[2Kb\x07\tc\x7f\x9b\u202ed") == (
        "a\\x1b[2Kb\\x07\\x09c\\x7f\\x9b\\u202ed"
    )
