"""Snooze targets, checked on both sides of the 2026 DST switches in Berlin and New York."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netdesk.domain.snooze import SNOOZE_CHOICES, custom_snooze, snooze_until
from tests.helpers.zones import BERLIN, NEW_YORK, UTC, utc, zone


def at(tz, *args: int) -> dt.datetime:
    """A local wall-clock time in ``tz`` as a UTC instant (what the app stores)."""
    return dt.datetime(*args, tzinfo=tz).astimezone(UTC)


def test_an_hour_is_sixty_minutes_of_elapsed_time_even_across_spring_forward():
    now = at(BERLIN, 2026, 3, 29, 1, 30)  # 01:30 CET, half an hour before the switch
    later = snooze_until("hour", now, BERLIN)
    assert later - now == dt.timedelta(hours=1)
    assert later.astimezone(BERLIN).time() == dt.time(3, 30)  # wall clock skipped 02:xx
    assert later.tzinfo == UTC


@pytest.mark.parametrize(
    ("tz", "now", "expected_utc"),
    [
        # Saturday evening before spring forward: 09:00 CEST is 07:00 UTC (not 08:00).
        (BERLIN, at(BERLIN, 2026, 3, 28, 20, 0), utc(2026, 3, 29, 7)),
        # Saturday evening before fall back: 09:00 CET is 08:00 UTC (not 07:00).
        (BERLIN, at(BERLIN, 2026, 10, 24, 20, 0), utc(2026, 10, 25, 8)),
        # New York evening: it is already the 8th in UTC, "tomorrow" still means the 8th.
        (NEW_YORK, at(NEW_YORK, 2026, 3, 7, 20, 0), utc(2026, 3, 8, 13)),
        (NEW_YORK, at(NEW_YORK, 2026, 10, 31, 20, 0), utc(2026, 11, 1, 14)),
        # Just after midnight, "tomorrow" is the next calendar day.
        (BERLIN, at(BERLIN, 2026, 6, 10, 0, 10), utc(2026, 6, 11, 7)),
    ],
)
def test_tomorrow_is_nine_oclock_local_wall_time_on_the_next_local_day(tz, now, expected_utc):
    result = snooze_until("tomorrow", now, tz)
    assert result == expected_utc
    assert result.tzinfo == UTC
    local = result.astimezone(tz)
    assert local.time() == dt.time(9, 0)
    assert local.date() == now.astimezone(tz).date() + dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("tz", "now", "expected_utc"),
    [
        # Wednesday before spring forward -> Monday 30 March, 09:00 CEST.
        (BERLIN, at(BERLIN, 2026, 3, 25, 15, 0), utc(2026, 3, 30, 7)),
        # Sunday of the switch itself, before 02:00 -> the next day.
        (BERLIN, at(BERLIN, 2026, 3, 29, 0, 30), utc(2026, 3, 30, 7)),
        # Wednesday before fall back in New York -> Monday 2 November, 09:00 EST.
        (NEW_YORK, at(NEW_YORK, 2026, 10, 28, 15, 0), utc(2026, 11, 2, 14)),
        # Saturday before spring forward in New York -> Monday 9 March, 09:00 EDT.
        (NEW_YORK, at(NEW_YORK, 2026, 3, 7, 23, 0), utc(2026, 3, 9, 13)),
    ],
)
def test_next_week_is_next_monday_morning_local(tz, now, expected_utc):
    result = snooze_until("next_week", now, tz)
    assert result == expected_utc
    assert result.astimezone(tz).weekday() == 0


def test_next_week_on_a_monday_means_the_monday_after():
    monday = at(BERLIN, 2026, 6, 8, 8, 0)  # before 09:00, still not "today at 9"
    assert snooze_until("next_week", monday, BERLIN) == at(BERLIN, 2026, 6, 15, 9, 0)


def test_a_different_morning_time_is_honoured():
    now = at(BERLIN, 2026, 6, 10, 12, 0)
    result = snooze_until("tomorrow", now, BERLIN, morning=dt.time(7, 45))
    assert result == at(BERLIN, 2026, 6, 11, 7, 45)


def test_unknown_choice_and_naive_now_are_refused():
    with pytest.raises(ValueError, match="unknown snooze choice"):
        snooze_until("fortnight", utc(2026, 1, 1), BERLIN)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="timezone-aware"):
        snooze_until("tomorrow", dt.datetime(2026, 1, 1), BERLIN)


def test_menu_offers_every_choice():
    now = utc(2026, 1, 1)
    for choice, label in SNOOZE_CHOICES:
        assert label
        assert snooze_until(choice, now, BERLIN) > now


def test_custom_snooze_must_be_in_the_future():
    now = utc(2026, 6, 10, 12)
    target = at(BERLIN, 2026, 6, 12, 18, 0)
    assert custom_snooze(target, now) == utc(2026, 6, 12, 16)
    assert custom_snooze(target, now).tzinfo == UTC
    with pytest.raises(ValueError, match="in the future"):
        custom_snooze(now, now)
    with pytest.raises(ValueError, match="in the future"):
        custom_snooze(now - dt.timedelta(minutes=1), now)
    with pytest.raises(ValueError, match="timezone-aware"):
        custom_snooze(dt.datetime(2027, 1, 1), now)


@given(
    now=st.datetimes(
        min_value=dt.datetime(2020, 1, 1),
        max_value=dt.datetime(2035, 12, 31),
        timezones=st.just(UTC),
    ),
    tz=st.sampled_from([BERLIN, NEW_YORK, zone("Australia/Sydney"), zone("Asia/Kolkata")]),
)
def test_morning_snoozes_always_land_at_nine_local_in_the_future(now, tz):
    tomorrow = snooze_until("tomorrow", now, tz)
    next_week = snooze_until("next_week", now, tz)
    today = now.astimezone(tz).date()
    assert tomorrow > now
    assert next_week > now
    assert tomorrow.astimezone(tz).replace(tzinfo=None) == dt.datetime.combine(
        today + dt.timedelta(days=1), dt.time(9, 0)
    )
    local_next_week = next_week.astimezone(tz)
    assert local_next_week.time() == dt.time(9, 0)
    assert local_next_week.weekday() == 0
    assert 1 <= (local_next_week.date() - today).days <= 7
