"""The one place for what netdesk says about counts, dates and reports (CLI, GUI, actions).

English names whatever the C locale says: the same words in the terminal and the window.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def count_of(n: int, noun: str, plural: str = "") -> str:
    """``1 contact``, ``1,234 contacts``."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


class ImportCounts(Protocol):
    created: int
    updated: int
    unchanged: int
    merged: int
    skipped: int


def import_summary(report: ImportCounts) -> str:
    """``3 created, 1 updated, 2 unchanged, 1 merged with another card, 0 skipped``."""
    parts = [f"{report.created:,} created", f"{report.updated:,} updated"]
    if report.unchanged:
        parts.append(f"{report.unchanged:,} unchanged")
    if report.merged:
        parts.append(f"{report.merged:,} merged with another card")
    parts.append(f"{report.skipped:,} skipped")
    return ", ".join(parts)


def merge_note(card: str, into: str) -> str:
    """One line of an import report: ``“A. Okafor” merged into “Amara Okafor”``."""
    return f"“{card}” merged into “{into}” (the same person twice in the import)"


def contacts_shown(shown: int, total: int) -> str:
    """The status bar's count: ``40 contacts`` or ``3 of 40 contacts``."""
    if shown == total:
        return count_of(total, "contact")
    return f"{shown:,} of {total:,} contacts"


def format_local(when: dt.datetime, tz: dt.tzinfo, with_year: bool = True) -> str:
    """``Fri 27 Nov 2026 14:00`` in local time; English names whatever the C locale says."""
    local = when.astimezone(tz)
    year = f" {local.year}" if with_year else ""
    return f"{_DAYS[local.weekday()]} {local.day} {_MONTHS[local.month - 1]}{year} {local:%H:%M}"


def format_day(when: dt.datetime, tz: dt.tzinfo, weekday: bool = True) -> str:
    """``Tue 1 Dec`` (or ``1 Dec``) in local time."""
    local = when.astimezone(tz)
    day = f"{local.day} {_MONTHS[local.month - 1]}"
    return f"{_DAYS[local.weekday()]} {day}" if weekday else day


def relative_when(when: dt.datetime, now: dt.datetime, tz: dt.tzinfo) -> str:
    """How a due time reads in a list: "Overdue 3 days", "Today 14:00", "Tue 1 Dec 09:00"."""
    local, today = when.astimezone(tz), now.astimezone(tz).date()
    days = (local.date() - today).days
    if when < now:
        if days >= 0:
            return f"Overdue since {local:%H:%M}"
        if days == -1:
            return "Overdue since yesterday"
        return f"Overdue {_span(-days)}"
    if days == 0:
        return f"Today {local:%H:%M}"
    if days == 1:
        return f"Tomorrow {local:%H:%M}"
    if days <= 7:
        return f"{format_day(when, tz)} {local:%H:%M}"
    return format_local(when, tz)


def _span(days: int) -> str:
    # Exact days while they matter; beyond two weeks "5 weeks" reads faster than "37 days".
    if days >= 60:
        return f"{days // 30} months"
    if days >= 14:
        return f"{days // 7} weeks"
    return "1 day" if days == 1 else f"{days} days"


def lapsed_text(lapsed: dt.timedelta) -> str:
    """How long a cadence has lapsed, for the Losing touch list: "3 weeks", "2 days"."""
    return _span(lapsed.days) if lapsed.days >= 1 else "today"
