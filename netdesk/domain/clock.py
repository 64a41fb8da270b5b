"""Where "now" comes from: rules take time as an argument, the app passes a Clock.

Injecting the clock (rather than calling ``datetime.now()`` inside rules) lets tests walk time
forward step by step, and keeps every rule a pure function of its inputs.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

UTC = dt.UTC


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current moment, timezone-aware, in UTC."""
        ...


class SystemClock:
    """The real wall clock."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(UTC)


def system_now() -> dt.datetime:
    """The wall clock's moment in UTC, for code with no Clock of its own to ask (row stamps
    in the store, a backup's file name). Rules take a Clock instead."""
    return dt.datetime.now(UTC)


def local_now() -> dt.datetime:
    """The wall clock's moment in the system's local zone (its tzinfo is the local zone)."""
    return dt.datetime.now().astimezone()


def ensure_utc(value: dt.datetime, what: str = "datetime") -> dt.datetime:
    """Return ``value`` converted to UTC; a naive datetime is a bug, so it raises ValueError.

    Naive datetimes would compare as local time on one machine and UTC on another, so the
    domain refuses them at the door instead of guessing.
    """
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got naive {value.isoformat()}")
    return value.astimezone(UTC)
