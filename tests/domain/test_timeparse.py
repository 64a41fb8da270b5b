"""Parsing what the user types, including the hours DST removes or repeats."""

from __future__ import annotations

import datetime as dt

import pytest

from netdesk.domain.timeparse import (
    local_time_kind,
    local_to_utc,
    local_tz,
    parse_user_datetime,
)
from tests.helpers.zones import BERLIN, NEW_YORK, UTC, utc


@pytest.mark.parametrize(
    ("text", "tz", "expected"),
    [
        ("2026-12-01", BERLIN, utc(2026, 12, 1, 8)),  # date alone: 09:00 CET
        ("2026-07-01", BERLIN, utc(2026, 7, 1, 7)),  # 09:00 CEST
        ("2026-12-01T14:30", BERLIN, utc(2026, 12, 1, 13, 30)),
        ("2026-12-01 14:30", BERLIN, utc(2026, 12, 1, 13, 30)),
        ("  2026-12-01 14:30:15 ", BERLIN, utc(2026, 12, 1, 13, 30, 15)),
        ("2026-07-01 09:00", NEW_YORK, utc(2026, 7, 1, 13)),
        ("2026-12-01T14:30Z", BERLIN, utc(2026, 12, 1, 14, 30)),
        ("2026-12-01t14:30z", BERLIN, utc(2026, 12, 1, 14, 30)),
        ("2026-12-01T14:30+05:30", BERLIN, utc(2026, 12, 1, 9)),
        ("2026-12-01T14:30-05:00", BERLIN, utc(2026, 12, 1, 19, 30)),
    ],
)
def test_iso_dates_and_times_become_utc(text, tz, expected):
    result = parse_user_datetime(text, tz)
    assert result == expected
    assert result.tzinfo == UTC


def test_spring_forward_gap_shifts_forward_by_the_gap():
    # 02:30 does not exist on these days; it becomes 03:30 summer time.
    berlin = parse_user_datetime("2026-03-29 02:30", BERLIN)
    assert berlin == utc(2026, 3, 29, 1, 30)
    assert berlin.astimezone(BERLIN).time() == dt.time(3, 30)
    new_york = parse_user_datetime("2026-03-08T02:30", NEW_YORK)
    assert new_york == utc(2026, 3, 8, 7, 30)
    assert new_york.astimezone(NEW_YORK).time() == dt.time(3, 30)
    assert local_time_kind(dt.datetime(2026, 3, 29, 2, 30), BERLIN) == "gap"


def test_fall_back_ambiguity_takes_the_first_occurrence():
    # 02:30 happens twice in Berlin on 25 October; the first is still summer time (+02:00).
    assert parse_user_datetime("2026-10-25 02:30", BERLIN) == utc(2026, 10, 25, 0, 30)
    # 01:30 happens twice in New York on 1 November; the first is EDT (-04:00).
    assert parse_user_datetime("2026-11-01 01:30", NEW_YORK) == utc(2026, 11, 1, 5, 30)
    assert local_time_kind(dt.datetime(2026, 11, 1, 1, 30), NEW_YORK) == "ambiguous"


def test_ordinary_times_are_normal():
    assert local_time_kind(dt.datetime(2026, 10, 25, 4, 0), BERLIN) == "normal"
    assert local_time_kind(dt.datetime(2026, 3, 29, 3, 0), BERLIN) == "normal"


def test_local_to_utc_wants_a_naive_time():
    with pytest.raises(ValueError, match="naive"):
        local_to_utc(utc(2026, 1, 1), BERLIN)


@pytest.mark.parametrize(
    "text", ["tomorow", "2026-13-01", "2026-02-30", "12/01/2026", "2026-12-01 25:00", "next"]
)
def test_bad_input_gets_a_message_a_person_can_act_on(text):
    expected = f"not a date or time: {text!r} (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)"
    with pytest.raises(ValueError, match="not a date or time") as err:
        parse_user_datetime(text, BERLIN)
    assert str(err.value) == expected


def test_empty_input_says_no_date_was_given():
    with pytest.raises(ValueError, match="no date given"):
        parse_user_datetime("   ", BERLIN)


def test_local_tz_honours_the_tz_variable():
    assert local_tz({"TZ": "Europe/Berlin"}) == BERLIN
    assert local_tz({"TZ": ":America/New_York"}) == NEW_YORK


def test_local_tz_falls_back_when_tz_is_not_a_zone_name():
    zone_ = local_tz({"TZ": "Not/AZone"})
    assert zone_.utcoffset(dt.datetime.now()) is not None


def test_local_tz_reads_the_etc_localtime_symlink(tmp_path):
    target = tmp_path / "usr" / "share" / "zoneinfo" / "America" / "New_York"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"")  # only the path matters when the name is known
    link = tmp_path / "localtime"
    link.symlink_to(target)
    assert local_tz({}, localtime=link) == NEW_YORK


def test_local_tz_without_any_hint_still_returns_a_usable_zone(tmp_path):
    zone_ = local_tz({}, localtime=tmp_path / "missing")
    assert zone_.utcoffset(dt.datetime.now()) is not None
