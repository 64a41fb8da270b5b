"""Limits on what a user may type, checked where input enters (CLI, dialogs, services).

Each check raises ValueError with a sentence fit to show the user. The limits keep every value
inside what Python's datetime and SQLite's 64-bit integers can hold, with room for the
arithmetic done on them later (a due date plus a cadence of up to ten years).
"""

from __future__ import annotations

import datetime as dt

from netdesk.domain.clock import UTC

# SQLite stores integers as signed 64-bit: a larger id can't exist and makes sqlite3 raise.
MAX_ID = 2**63 - 1
# Moments a CRM can mean. datetime itself ends at 9999-12-31, and a due date gets up to a
# 3,650-day cadence added to it, so stay well inside.
EARLIEST = dt.datetime(1000, 1, 1, tzinfo=UTC)
LATEST = dt.datetime(9000, 12, 31, 23, 59, 59, tzinfo=UTC)
# "What falls due in N days": a hundred years ahead is already "everything".
MAX_HORIZON_DAYS = 36_500


def parse_id(text: str) -> int | None:
    """The id in ``text`` when it is written as ASCII digits, else None (then it is a name).

    ``"²".isdigit()`` is true but ``int("²")`` fails, so only ASCII digits count. An id
    outside 1 .. 2**63-1 can't exist: ValueError.
    """
    cleaned = text.strip()
    if not (cleaned.isascii() and cleaned.isdigit()):
        return None
    value = int(cleaned)
    if not 1 <= value <= MAX_ID:
        raise ValueError(f"no contact has id {_short(cleaned)} (ids run from 1 to {MAX_ID})")
    return value


def check_moment(when: dt.datetime, what: str = "the date") -> dt.datetime:
    """``when`` (aware) if it lies between the years 1000 and 9000, else ValueError."""
    try:
        in_utc = when.astimezone(UTC)
    except OverflowError:
        in_utc = None
    if in_utc is None or not EARLIEST <= in_utc <= LATEST:
        raise ValueError(f"{what} must lie between the years 1000 and 9000, not {when:%Y-%m-%d}")
    return in_utc


def check_horizon_days(days: int) -> int:
    """A look-ahead in days: 0 .. MAX_HORIZON_DAYS, else ValueError."""
    if not 0 <= days <= MAX_HORIZON_DAYS:
        raise ValueError(f"the number of days must be between 0 and {MAX_HORIZON_DAYS:,}")
    return days


def _short(digits: str) -> str:
    return digits if len(digits) <= 30 else digits[:27] + "..."
