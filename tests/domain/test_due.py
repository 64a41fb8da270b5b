"""What is due when: cadences, the ordered due list, Today buckets and losing touch."""

from __future__ import annotations

import datetime as dt

import pytest

from netdesk.domain.activity import FollowUp
from netdesk.domain.due import (
    CadenceInput,
    DueItem,
    bucket,
    cadence_due,
    due_items,
    effective_cadence,
    losing_touch,
    validate_cadence,
)
from tests.helpers.zones import BERLIN, NEW_YORK, UTC, utc

# --- cadence -------------------------------------------------------------------------------


@pytest.mark.parametrize("days", [0, -1, -30])
def test_cadence_of_zero_or_less_is_invalid(days):
    with pytest.raises(ValueError, match="at least 1 day"):
        validate_cadence(days)


@pytest.mark.parametrize("days", [True, 1.5, "7"])
def test_cadence_must_be_whole_days(days):
    with pytest.raises(ValueError, match="whole number"):
        validate_cadence(days)


def test_cadence_counts_from_creation_until_first_interaction():
    created = utc(2026, 1, 1, 12)
    assert cadence_due(None, created, 30) == utc(2026, 1, 31, 12)


def test_logging_an_interaction_restarts_the_cadence_clock():
    created = utc(2026, 1, 1)
    person = CadenceInput(1, "Ada Lovelace", 14, None, created)
    now = utc(2026, 2, 1)
    assert losing_touch([person], now) == [(person, dt.timedelta(days=17))]

    # The user logs a coffee today: the next due date is 14 days from now, nothing lapsed.
    after_coffee = CadenceInput(1, "Ada Lovelace", 14, now, created)
    assert after_coffee.due == utc(2026, 2, 15)
    assert losing_touch([after_coffee], now) == []
    assert due_items([], [after_coffee], now, dt.timedelta(days=7)) == []


def test_an_old_interaction_counts_even_if_the_cadence_was_set_later():
    # Last met a year ago, cadence set today: that person is overdue, and should show up.
    last = utc(2025, 3, 1)
    assert cadence_due(last, utc(2026, 3, 1), 30) == utc(2025, 3, 31)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        cadence_due(None, dt.datetime(2026, 1, 1), 7)


def test_own_cadence_wins_over_tag_defaults():
    assert effective_cadence(90, [7, 30]) == 90
    assert effective_cadence(3, [7, 30]) == 3


def test_tag_default_is_the_tightest_tag_cadence():
    assert effective_cadence(None, [30, None, 14, 90]) == 14


def test_no_cadence_anywhere_means_none():
    assert effective_cadence(None, []) is None
    assert effective_cadence(None, [None, None]) is None


def test_invalid_cadence_is_reported_not_ignored():
    with pytest.raises(ValueError, match="at least 1 day"):
        effective_cadence(0, [7])
    with pytest.raises(ValueError, match="at least 1 day"):
        effective_cadence(None, [7, -1])


# --- due items -----------------------------------------------------------------------------

NOW = utc(2026, 6, 10, 12)


def test_done_followups_are_left_out_and_snoozed_ones_use_the_snooze_time():
    done = FollowUp(1, utc(2026, 6, 1), "done one", done_at=utc(2026, 6, 2), id=1)
    snoozed = FollowUp(2, utc(2026, 6, 9), "snoozed", snoozed_until=utc(2026, 6, 11), id=2)
    items = due_items([(done, "Done Person"), (snoozed, "Bob")], [], NOW, None)
    assert items == [DueItem(2, "Bob", utc(2026, 6, 11), "followup", "snoozed", 2)]
    assert not items[0].overdue(NOW)


def test_overdue_first_most_overdue_first_then_upcoming_by_due_time():
    fus = [
        (FollowUp(1, NOW + dt.timedelta(days=2), id=11), "Later Lou"),
        (FollowUp(2, NOW - dt.timedelta(hours=1), id=12), "Recent Rita"),
        (FollowUp(3, NOW + dt.timedelta(hours=1), id=13), "Soon Sam"),
        (FollowUp(4, NOW - dt.timedelta(days=5), id=14), "Ancient Al"),
    ]
    cadence = CadenceInput(5, "Cadence Cat", 7, NOW - dt.timedelta(days=10), utc(2026, 1, 1))
    items = due_items(fus, [cadence], NOW, None)
    assert [i.name for i in items] == [
        "Ancient Al",  # 5 days overdue
        "Cadence Cat",  # 3 days overdue
        "Recent Rita",  # 1 hour overdue
        "Soon Sam",
        "Later Lou",
    ]
    assert [i.overdue(NOW) for i in items] == [True, True, True, False, False]
    assert items[1].kind == "cadence"
    assert items[1].followup_id is None


def test_equal_due_times_are_ordered_by_name():
    due = NOW + dt.timedelta(hours=3)
    fus = [(FollowUp(i, due, id=i), name) for i, name in enumerate(["carol", "Bob", "alice"])]
    assert [i.name for i in due_items(fus, [], NOW, None)] == ["alice", "Bob", "carol"]


def test_horizon_limits_upcoming_items_but_never_hides_overdue_ones():
    fus = [
        (FollowUp(1, NOW - dt.timedelta(days=30), id=1), "Overdue"),
        (FollowUp(2, NOW + dt.timedelta(days=6), id=2), "In six days"),
        (FollowUp(3, NOW + dt.timedelta(days=8), id=3), "In eight days"),
    ]
    week = [i.name for i in due_items(fus, [], NOW, dt.timedelta(days=7))]
    assert week == ["Overdue", "In six days"]
    assert len(due_items(fus, [], NOW, None)) == 3


# --- buckets -------------------------------------------------------------------------------


def item_at(due: dt.datetime) -> DueItem:
    return DueItem(1, "Ada", due.astimezone(UTC), "followup", "", 1)


def local(tz, *args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=tz)


def test_buckets_follow_the_local_day_not_the_utc_day_late_evening_in_berlin():
    now = local(BERLIN, 2026, 6, 10, 23, 30)  # 21:30 UTC
    # 00:15 local is tomorrow in Berlin although it is still 10 June in UTC.
    just_after_midnight = local(BERLIN, 2026, 6, 11, 0, 15)
    assert just_after_midnight.astimezone(UTC).date() == dt.date(2026, 6, 10)
    assert bucket(item_at(just_after_midnight), now, BERLIN) == "this_week"
    assert bucket(item_at(local(BERLIN, 2026, 6, 10, 23, 50)), now, BERLIN) == "today"


def test_buckets_follow_the_local_day_in_the_evening_in_new_york():
    now = local(NEW_YORK, 2026, 6, 10, 20, 0)  # already 11 June in UTC
    late_tonight = local(NEW_YORK, 2026, 6, 10, 23, 0)
    assert late_tonight.astimezone(UTC).date() == dt.date(2026, 6, 11)
    assert bucket(item_at(late_tonight), now, NEW_YORK) == "today"
    assert bucket(item_at(local(NEW_YORK, 2026, 6, 11, 9, 0)), now, NEW_YORK) == "this_week"


def test_overdue_this_week_and_later_boundaries():
    now = local(BERLIN, 2026, 6, 10, 12, 0)
    assert bucket(item_at(local(BERLIN, 2026, 6, 10, 11, 0)), now, BERLIN) == "overdue"
    assert bucket(item_at(local(BERLIN, 2026, 6, 9, 23, 0)), now, BERLIN) == "overdue"
    assert bucket(item_at(local(BERLIN, 2026, 6, 17, 23, 59)), now, BERLIN) == "this_week"
    assert bucket(item_at(local(BERLIN, 2026, 6, 18, 0, 0)), now, BERLIN) == "later"


# --- losing touch --------------------------------------------------------------------------


def test_losing_touch_lists_only_lapsed_cadences_longest_lapse_first():
    since = utc(2026, 1, 1)
    fresh = CadenceInput(1, "Fresh", 30, NOW - dt.timedelta(days=3), since)
    bit = CadenceInput(2, "A bit", 7, NOW - dt.timedelta(days=9), since)
    long = CadenceInput(3, "Long gone", 30, NOW - dt.timedelta(days=200), since)
    never = CadenceInput(4, "Never met", 90, None, since)  # due 1 April 00:00
    result = losing_touch([fresh, bit, long, never], NOW)
    assert [(c.name, lapse) for c, lapse in result] == [
        ("Long gone", dt.timedelta(days=170)),
        ("Never met", dt.timedelta(days=70, hours=12)),
        ("A bit", dt.timedelta(days=2)),
    ]
    assert [c.name for c, _ in losing_touch([fresh, bit, long, never], NOW, limit=2)] == [
        "Long gone",
        "Never met",
    ]
