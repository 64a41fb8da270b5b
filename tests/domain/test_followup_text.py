"""Follow-ups typed as one phrase in the quick add dialog."""

from __future__ import annotations

import datetime as dt

import pytest

from netdesk.domain.followup_text import split_followup
from tests.helpers.zones import BERLIN, NOW, utc

# NOW is Friday 27 November 2026, 14:00 in Berlin (13:00 UTC).


@pytest.mark.parametrize(
    ("typed", "note", "due"),
    [
        ("send the intro tomorrow", "send the intro", utc(2026, 11, 28, 8, 0)),
        ("Tomorrow: send slides", "send slides", utc(2026, 11, 28, 8, 0)),
        ("call about the job on Monday", "call about the job", utc(2026, 11, 30, 8, 0)),
        ("coffee next week", "coffee", utc(2026, 12, 4, 8, 0)),
        ("check in in 3 days", "check in", utc(2026, 11, 30, 8, 0)),
        ("ask for feedback in 2 weeks", "ask for feedback", utc(2026, 12, 11, 8, 0)),
        ("write tonight", "write", utc(2026, 11, 27, 18, 0)),
        ("demo on 2026-12-10 14:30", "demo", utc(2026, 12, 10, 13, 30)),
        ("send the deck", "send the deck", utc(2026, 11, 28, 8, 0)),  # default: tomorrow
        ("friday", "friday", utc(2026, 12, 4, 8, 0)),  # a weekday is the next one, never today
    ],
)
def test_split_followup(typed: str, note: str, due: dt.datetime) -> None:
    assert split_followup(typed, NOW, BERLIN) == (note, due)


def test_empty_and_impossible_dates_are_refused() -> None:
    with pytest.raises(ValueError, match="says nothing"):
        split_followup("   ", NOW, BERLIN)
    with pytest.raises(ValueError, match="not a date"):
        split_followup("demo on 2026-13-45", NOW, BERLIN)
