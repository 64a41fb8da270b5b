"""Dates and times as the user's locale writes them, for everything the window shows.

QLocale (the system locale, or the one a test sets with ``QLocale.setDefault``) gives the
names of days and months, the order of day, month and year, and a 12- or 24-hour clock:
``Fri 27 Nov 2026 14:00`` (C, en_GB), ``Fri Nov 27, 2026 2:00 PM`` (en_US),
``Fr. 27. Nov. 2026 14:00`` (de_DE). The words around them ("Today", "Overdue 3 days") go
through Qt's translations. The CLI keeps ``domain.wording``'s fixed English.

The same signatures as ``domain.wording``'s ``format_local``, ``format_day`` and
``relative_when``, so a view switches by changing its import.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

translate = QCoreApplication.translate  # lupdate reads translate("LocaleFormat", "…")

@functools.lru_cache(maxsize=8)
def _patterns_for(short: str) -> tuple[str, str, str]:
    """(day and month with weekday, without it, the year's place) as QLocale patterns, from
    the locale's short date format."""
    d, m, y = short.find("d"), short.find("M"), short.find("y")
    if 0 <= y < min(d, m):  # year first (ja, zh, ko, hu, …): the locale's own short form
        return "", "", "ymd"
    dot = "." if "." in short else ""
    if 0 <= m < d:  # month first (en_US): "Fri Nov 27, 2026"
        return "ddd MMM d", "MMM d", "md"
    return f"ddd d{dot} MMM", f"d{dot} MMM", "dm"


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def format_date(day: dt.date, weekday: bool = True, with_year: bool = True) -> str:
    """A calendar day: ``Fri 27 Nov 2026``, ``Fri Nov 27, 2026``, ``Fr. 27. Nov. 2026``."""
    locale = QLocale()
    short = locale.dateFormat(QLocale.FormatType.ShortFormat)
    with_weekday, plain, order = _patterns_for(short)
    q = _qdate(day)
    if order == "ymd":
        text = locale.toString(q, QLocale.FormatType.ShortFormat if with_year else "MMM d")
        if weekday:
            text += f" ({locale.dayName(q.dayOfWeek(), QLocale.FormatType.ShortFormat)})"
        return text
    text = locale.toString(q, with_weekday if weekday else plain)
    if with_year:
        text += f", {day.year}" if order == "md" else f" {day.year}"
    return text


def day_month_text(day: int, month: int, year: int | None = None) -> str:
    """A birthday or anniversary, with or without its year: ``27 Nov``, ``Nov 27, 1990``."""
    # 2000 is a leap year, so 29 Feb without a year has a day to stand on.
    return format_date(dt.date(year or 2000, month, day), weekday=False, with_year=bool(year))


def format_time(when: dt.datetime | dt.time, tz: dt.tzinfo | None = None) -> str:
    """A time of day with the locale's clock: ``14:00`` or ``2:00 PM``."""
    if isinstance(when, dt.datetime):
        when = when.astimezone(tz).time() if tz is not None else when.time()
    locale = QLocale()
    pattern = without_seconds(locale.timeFormat(QLocale.FormatType.ShortFormat))
    return locale.toString(QTime(when.hour, when.minute), pattern)


def without_seconds(pattern: str) -> str:
    """A QLocale time pattern minus its seconds: Qt 6.8's C and en_GB short formats are
    ``HH:mm:ss`` (6.9 and later drop the seconds themselves), and a follow-up at 09:00
    showed as ``09:00:00``."""
    return re.sub(r"[:.,]\s?s{1,2}(?![a-zA-Z])", "", pattern)


def format_local(when: dt.datetime, tz: dt.tzinfo, with_year: bool = True) -> str:
    """Day and time in local time: ``Fri 27 Nov 2026 14:00`` in the user's locale."""
    local = when.astimezone(tz)
    return f"{format_date(local.date(), with_year=with_year)} {format_time(local)}"


def format_day(when: dt.datetime, tz: dt.tzinfo, weekday: bool = True) -> str:
    """``Tue 1 Dec`` (or ``1 Dec``) in local time, in the user's locale."""
    return format_date(when.astimezone(tz).date(), weekday=weekday, with_year=False)


def span_text(days: int) -> str:
    """``1 day``, ``9 days``, ``3 weeks``, ``5 months``: exact days while they matter."""
    if days >= 60:
        return translate("LocaleFormat", "%n months").replace("%n", str(days // 30))
    if days >= 14:
        return translate("LocaleFormat", "%n weeks").replace("%n", str(days // 7))
    if days == 1:
        return translate("LocaleFormat", "1 day")
    return translate("LocaleFormat", "%n days").replace("%n", str(days))


def relative_when(when: dt.datetime, now: dt.datetime, tz: dt.tzinfo) -> str:
    """How a due time reads in a list: "Overdue 3 days", "Today 14:00", "Tue 1 Dec 09:00"."""
    local, today = when.astimezone(tz), now.astimezone(tz).date()
    days = (local.date() - today).days
    time = format_time(local)
    if when < now:
        if days >= 0:
            return translate("LocaleFormat", "Overdue since %1").replace("%1", time)
        if days == -1:
            return translate("LocaleFormat", "Overdue since yesterday")
        return translate("LocaleFormat", "Overdue %1").replace("%1", span_text(-days))
    if days == 0:
        return translate("LocaleFormat", "Today %1").replace("%1", time)
    if days == 1:
        return translate("LocaleFormat", "Tomorrow %1").replace("%1", time)
    if days <= 7:
        return f"{format_day(when, tz)} {time}"
    return format_local(when, tz)


def lapsed_text(lapsed: dt.timedelta) -> str:
    """How long a cadence has lapsed, for the Losing touch list: "3 weeks", "2 days"."""
    if lapsed.days >= 1:
        return span_text(lapsed.days)
    return translate("LocaleFormat", "today")


def due_note(item) -> str:  # noqa: ANN001  (a domain.due.DueItem)
    """A due item's note, with a birthday's or anniversary's day in the user's locale:
    "Birthday on Sat 5 Dec 2026 (36th)" rather than the stored "… on 2026-12-05 (36th)"."""
    if item.occurs_on is None or item.kind not in ("birthday", "anniversary"):
        return item.note
    day = format_date(item.occurs_on)
    if item.kind == "birthday":
        text = translate("LocaleFormat", "Birthday on %1").replace("%1", day)
    else:
        text = translate("LocaleFormat", "Anniversary on %1").replace("%1", day)
    count = item.note.rpartition(" (")[2] if item.note.endswith(")") else ""
    return f"{text} ({count}" if count else text


def format_count(n: int) -> str:
    """``100,000`` in the language in use, with its digit grouping (C omits it by default)."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)
    return locale.toString(n)


def stored_date(when: dt.datetime | None) -> str:
    """A stored UTC time as the user's local calendar date ("" for none)."""
    if when is None:
        return ""
    return format_date(when.astimezone().date(), weekday=False)


def short_date(when: dt.datetime | None, today: dt.date) -> str:
    """``Today``; ``27 Nov`` within half a year of ``today`` (the nearest 27 Nov is meant);
    else with the year: the table's date columns stay narrow for the dates that matter."""
    if when is None:
        return ""
    local = when.astimezone()
    days = (local.date() - today).days
    if days == 0:
        return translate("LocaleFormat", "Today")
    return format_date(local.date(), weekday=False, with_year=abs(days) >= 183)
