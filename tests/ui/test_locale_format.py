"""Dates and times in the user's locale (QLocale), the same helper for every view."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale

from netdesk.ui.locale_format import (
    due_note,
    format_date,
    format_day,
    format_local,
    format_time,
    lapsed_text,
    relative_when,
)
from tests.helpers.zones import BERLIN

AT = dt.datetime(2026, 11, 27, 13, 0, tzinfo=dt.UTC)  # Friday 14:00 in Berlin


@pytest.fixture
def locale_named():
    before = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(before)


def test_german_dates_and_times(locale_named) -> None:
    locale_named("de_DE")
    assert format_local(AT, BERLIN) == "Fr. 27. Nov. 2026 14:00"
    assert format_day(AT, BERLIN) == "Fr. 27. Nov."
    assert format_day(AT, BERLIN, weekday=False) == "27. Nov."
    assert format_time(AT, BERLIN) == "14:00"


def test_us_english_dates_and_a_12_hour_clock(locale_named) -> None:
    locale_named("en_US")
    assert format_local(AT, BERLIN) == "Fri Nov 27, 2026 2:00\u202fPM" or \
        format_local(AT, BERLIN) == "Fri Nov 27, 2026 2:00 PM"
    assert format_day(AT, BERLIN) == "Fri Nov 27"
    assert format_time(dt.time(9, 5)).replace("\u202f", " ") == "9:05 AM"


def test_british_english_keeps_the_day_first_and_24_hours(locale_named) -> None:
    locale_named("en_GB")
    assert format_local(AT, BERLIN) == "Fri 27 Nov 2026 14:00"
    assert format_date(dt.date(2026, 12, 1), weekday=False) == "1 Dec 2026"


def test_year_first_locales_use_their_own_short_form(locale_named) -> None:
    locale_named("ja_JP")
    assert format_date(dt.date(2026, 12, 1), weekday=False) == "2026/12/01"


def test_relative_times_follow_the_locale_clock(locale_named) -> None:
    locale_named("en_US")
    now = AT - dt.timedelta(hours=3)
    assert relative_when(AT, now, BERLIN).replace("\u202f", " ") == "Today 2:00 PM"
    assert relative_when(AT + dt.timedelta(days=1), now, BERLIN).replace(
        "\u202f", " ") == "Tomorrow 2:00 PM"
    assert relative_when(AT, AT + dt.timedelta(days=21), BERLIN) == "Overdue 3 weeks"
    assert lapsed_text(dt.timedelta(days=1)) == "1 day"


def test_birthday_notes_name_the_day_in_the_locale(locale_named) -> None:
    from netdesk.domain.due import DueItem

    item = DueItem(1, "Ada", AT, "birthday", "Birthday on 2026-12-05 (36th)", None,
                   dt.date(2026, 12, 5))
    locale_named("de_DE")
    assert due_note(item) == "Birthday on Sa. 5. Dez. 2026 (36th)"
    locale_named("en_US")
    assert due_note(item) == "Birthday on Sat Dec 5, 2026 (36th)"
    followup = DueItem(1, "Ada", AT, "followup", "send slides", 3)
    assert due_note(followup) == "send slides"


@pytest.mark.parametrize(("pattern", "expected"), [
    ("HH:mm:ss", "HH:mm"),  # Qt 6.8's C / en_GB short time format
    ("h:mm:ss AP", "h:mm AP"),
    ("H.mm.ss", "H.mm"),
    ("HH:mm:ss t", "HH:mm t"),
    ("HH:mm", "HH:mm"),
    ("h:mm AP", "h:mm AP"),
])
def test_times_never_show_seconds_whatever_qt_s_short_format(pattern, expected) -> None:
    from netdesk.ui.locale_format import without_seconds

    assert without_seconds(pattern) == expected
