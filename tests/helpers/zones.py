"""Time zones and fixed moments the time-related tests share."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest

UTC = dt.UTC


def zone(key: str) -> ZoneInfo:
    try:
        return ZoneInfo(key)
    except ZoneInfoNotFoundError:  # pragma: no cover - only on a machine without tz data
        pytest.skip(f"no time zone data for {key} (install tzdata)", allow_module_level=True)


BERLIN = zone("Europe/Berlin")
NEW_YORK = zone("America/New_York")
# Friday 27 November 2026, 14:00 in Berlin: the "now" of the GUI follow-up tests.
NOW = dt.datetime(2026, 11, 27, 13, 0, tzinfo=UTC)


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)
