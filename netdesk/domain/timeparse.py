"""Turn what the user typed (and local wall-clock times) into UTC instants.

Local times that do not exist or exist twice are resolved the PEP 495 way with ``fold=0``:

* a time in the spring-forward gap (Berlin 2026-03-29 02:30) is shifted forward by the length
  of the gap (to 03:30 summer time): the user asked for "around then", and the next valid
  moment is closer to that than the hour before;
* a time that happens twice at fall-back (Berlin 2026-10-25 02:30) means the first occurrence
  (still summer time): a reminder should rather come early than an hour late.

``local_time_kind`` tells the UI when either happened, so it can say so.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from netdesk.domain.clock import UTC, local_now
from netdesk.domain.validation import check_moment

# A date without a time means this local time: early enough to act on the same day.
DEFAULT_TIME = dt.time(9, 0)

_HINT = "use YYYY-MM-DD or YYYY-MM-DDTHH:MM"


def local_to_utc(local: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """Read a naive wall-clock time as local time in ``tz`` and return the UTC instant.

    Gap times shift forward, ambiguous times take the first occurrence (see module doc).
    """
    if local.tzinfo is not None:
        raise ValueError("local_to_utc expects a naive wall-clock time")
    return local.replace(tzinfo=tz, fold=0).astimezone(UTC)


def local_time_kind(local: dt.datetime, tz: dt.tzinfo) -> Literal["normal", "gap", "ambiguous"]:
    """Whether a naive wall-clock time exists once, never ("gap") or twice in ``tz``."""
    first = local.replace(tzinfo=tz, fold=0)
    second = local.replace(tzinfo=tz, fold=1)
    if first.utcoffset() == second.utcoffset():
        return "normal"
    # Round-tripping a gap time through UTC lands on a different wall-clock time.
    back = first.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    return "gap" if back != local else "ambiguous"


def parse_user_datetime(text: str, tz: dt.tzinfo) -> dt.datetime:
    """Parse an ISO 8601 date or date-time typed by the user; return an aware UTC datetime.

    Accepts ``2026-12-01`` (09:00 local), ``2026-12-01T14:30``, ``2026-12-01 14:30``, with
    optional seconds and an optional ``Z`` or ``+01:00`` offset. Without an offset the time is
    local time in ``tz``. Raises ValueError with a message fit to show the user.
    """
    try:
        return check_moment(_parse(text, tz))
    except OverflowError:  # a local time next to year 1 or 9999 has no UTC instant
        raise ValueError("the date must lie between the years 1000 and 9000") from None


def _parse(text: str, tz: dt.tzinfo) -> dt.datetime:
    cleaned = text.strip()
    if not cleaned:
        raise ValueError(f"no date given ({_HINT})")
    # fromisoformat only knows upper-case separators; people type "2026-12-01t14:30z" too.
    cleaned = cleaned.replace("t", "T").replace("z", "Z")
    try:
        day = dt.date.fromisoformat(cleaned)
    except ValueError:
        pass
    else:
        return local_to_utc(dt.datetime.combine(day, DEFAULT_TIME), tz)
    try:
        parsed = dt.datetime.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(f"not a date or time: {text!r} ({_HINT})") from None
    if parsed.tzinfo is None:
        return local_to_utc(parsed, tz)
    return parsed.astimezone(UTC)


def local_tz(
    environ: Mapping[str, str] | None = None, localtime: Path = Path("/etc/localtime")
) -> dt.tzinfo:
    """The user's time zone, as a real zone with DST rules where the system lets us find one.

    Order: the ``TZ`` environment variable (an IANA name such as ``Europe/Berlin``, with or
    without the POSIX leading colon); then ``/etc/localtime``; then the fixed offset Python
    reports for this moment. A fixed offset is the last resort because it gets "next week
    09:00" wrong across a DST switch.
    """
    env = os.environ if environ is None else environ
    name = env.get("TZ", "").lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass  # e.g. a POSIX rule string like "CET-1CEST": libc understands it, we do not.
    elif "TZ" not in env:
        zone = _zone_from_localtime(localtime)
        if zone is not None:
            return zone
    return local_now().tzinfo or UTC


def _zone_from_localtime(localtime: Path) -> dt.tzinfo | None:
    try:
        target = localtime.resolve(strict=True)
    except OSError:
        return None
    # /etc/localtime is usually a symlink into .../zoneinfo/<Area>/<City>: use the name, so
    # the zone prints nicely; otherwise read the TZif file itself.
    parts = target.parts
    if "zoneinfo" in parts:
        key = "/".join(parts[len(parts) - parts[::-1].index("zoneinfo") :])
        try:
            return ZoneInfo(key)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    try:
        with open(target, "rb") as fh:
            return ZoneInfo.from_file(fh, key="localtime")
    except (OSError, ValueError):
        return None
