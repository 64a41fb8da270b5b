"""A follow-up typed as one phrase: "send the intro tomorrow" -> ("send the intro", due).

The time words understood: today, tonight, tomorrow, next week, in N days/weeks, a weekday
("on Monday"), or an ISO date ("2026-12-10", "2026-12-10 14:00", through the one time parser
in ``timeparse``). Without any, the follow-up is due tomorrow morning: a follow-up is worth
little once the person has forgotten you.
"""

from __future__ import annotations

import datetime as dt
import re

from netdesk.domain.timeparse import DEFAULT_TIME, local_to_utc, parse_user_datetime

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ISO = r"\d{4}-\d{2}-\d{2}(?:[ tT]\d{1,2}:\d{2})?"
_WHEN = re.compile(
    r"\b(?:(?:on|by|until)\s+)?(?P<when>today|tonight|tomorrow|next\s+week"
    r"|in\s+(?P<n>\d{1,3})\s+(?P<unit>days?|weeks?)"
    rf"|(?P<weekday>{'|'.join(_WEEKDAYS)})|(?P<iso>{_ISO}))\b",
    re.IGNORECASE,
)


def _morning(day: dt.date, tz: dt.tzinfo, at: dt.time = DEFAULT_TIME) -> dt.datetime:
    return local_to_utc(dt.datetime.combine(day, at), tz)


def _due(match: re.Match[str], today: dt.date, tz: dt.tzinfo) -> dt.datetime:
    word = " ".join(match["when"].lower().split())
    if match["iso"]:
        return parse_user_datetime(match["iso"], tz)
    if match["n"]:
        count = int(match["n"])
        days = count * 7 if match["unit"].lower().startswith("week") else count
        return _morning(today + dt.timedelta(days=days), tz)
    if match["weekday"]:
        ahead = (_WEEKDAYS.index(word) - today.weekday() - 1) % 7 + 1  # never today
        return _morning(today + dt.timedelta(days=ahead), tz)
    offsets = {"today": 0, "tonight": 0, "tomorrow": 1, "next week": 7}
    when = dt.time(19, 0) if word == "tonight" else DEFAULT_TIME
    return _morning(today + dt.timedelta(days=offsets[word]), tz, when)


def split_followup(text: str, now: dt.datetime, tz: dt.tzinfo) -> tuple[str, dt.datetime]:
    """The note without its time words, and the aware UTC moment it is due.

    Raises ValueError (a message fit for the user) for an empty text or an impossible date.
    """
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValueError("the follow-up says nothing")
    today = now.astimezone(tz).date()
    match = _WHEN.search(cleaned)
    if match is None:
        return cleaned, _morning(today + dt.timedelta(days=1), tz)
    due = _due(match, today, tz)
    note = (cleaned[: match.start()] + cleaned[match.end():]).strip(" ,.;:-")
    return " ".join(note.split()) or cleaned, due
