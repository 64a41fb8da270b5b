"""The birthday/anniversary reminder rule (domain.dates): pure, with dates passed in."""

from __future__ import annotations

import datetime as dt

import pytest

from netdesk.domain.contact import PartialDate
from netdesk.domain.dates import (
    DatesInput,
    date_reminders,
    next_occurrence,
    reminder_due_items,
    validate_remind_days,
)
from tests.helpers.zones import zone


def test_next_occurrence_this_year_next_year_and_29_february() -> None:
    today = dt.date(2026, 6, 10)
    assert next_occurrence(PartialDate(1980, 6, 10), today) == dt.date(2026, 6, 10)
    assert next_occurrence(PartialDate(None, 6, 9), today) == dt.date(2027, 6, 9)
    assert next_occurrence(PartialDate(2000, 2, 29), today) == dt.date(2027, 2, 28)
    assert next_occurrence(PartialDate(2000, 2, 29), dt.date(2027, 12, 1)) == dt.date(2028, 2, 29)


def test_own_setting_wins_over_the_default_and_none_means_no_reminder() -> None:
    today = dt.date(2026, 6, 1)
    people = [
        DatesInput(1, "Ada", PartialDate(1815, 6, 10), None, 3),
        DatesInput(2, "Bob", None, PartialDate(2010, 6, 5), None),
        DatesInput(3, "Cy", PartialDate(None, 6, 20), None, None),
    ]
    assert date_reminders(people, today, None) == date_reminders(people[:1], today, None)
    found = date_reminders(people, today, 1, horizon_days=7)
    assert [(r.name, r.kind, r.remind_on, r.occurs_on, r.years) for r in found] == [
        ("Bob", "anniversary", dt.date(2026, 6, 4), dt.date(2026, 6, 5), 16),
        ("Ada", "birthday", dt.date(2026, 6, 7), dt.date(2026, 6, 10), 211),
    ]
    assert found[0].note() == "Anniversary on 2026-06-05 (16th)"
    everything = date_reminders(people, today, 1)
    assert [r.name for r in everything] == ["Bob", "Ada", "Cy"]
    assert everything[-1].years is None and everything[-1].note() == "Birthday on 2026-06-20"


def test_a_reminder_day_past_shows_until_the_date_itself() -> None:
    ada = [DatesInput(1, "Ada", PartialDate(1815, 6, 10), None, 7)]
    (r,) = date_reminders(ada, dt.date(2026, 6, 9), None, horizon_days=0)
    assert r.remind_on == dt.date(2026, 6, 3)  # overdue, still before the birthday
    (later,) = date_reminders(ada, dt.date(2026, 6, 11), None)
    assert later.occurs_on == dt.date(2027, 6, 10)


def test_due_items_at_nine_local() -> None:
    ada = [DatesInput(1, "Ada", PartialDate(1815, 6, 10), None, 0)]
    (item,) = reminder_due_items(
        date_reminders(ada, dt.date(2026, 6, 1), None), zone("Europe/Berlin")
    )
    assert item.due == dt.datetime(2026, 6, 10, 7, 0, tzinfo=dt.UTC)
    assert (item.kind, item.contact_id, item.followup_id) == ("birthday", 1, None)


@pytest.mark.parametrize("bad", [-1, 61, 1.5, True, "3"])
def test_remind_days_are_validated(bad) -> None:
    with pytest.raises(ValueError):
        validate_remind_days(bad)
    assert validate_remind_days(None) is None and validate_remind_days(0) == 0


def test_a_date_reminder_notification_says_what_it_is() -> None:
    from netdesk.domain.reminders import summary_text

    ada = [DatesInput(1, "Ada", PartialDate(1815, 6, 10), None, 0)]
    (item,) = reminder_due_items(date_reminders(ada, dt.date(2026, 6, 1), None), zone("UTC"))
    assert summary_text([item]) == ("Ada: birthday coming up", "Birthday on 2026-06-10 (211th)")
