"""Dates as CSV exports write them: ``06 Feb 2026`` (LinkedIn), ``6-Feb-26`` (Excel),
``1985-04-12`` and ``--04-12`` (Google), ``4/12/1985`` or ``12.04.1985`` (Outlook)."""

from __future__ import annotations

import datetime as dt
import re

from netdesk.domain.contact import PartialDate

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january", "janv", "janvier", "januar", "ene", "enero"),
            ("feb", "february", "févr", "février", "februar", "febrero"),
            ("mar", "march", "mars", "märz", "mrz", "marzo"),
            ("apr", "april", "avr", "avril", "abr", "abril"),
            ("may", "mai", "mayo"),
            ("jun", "june", "juin", "juni", "junio"),
            ("jul", "july", "juil", "juillet", "juli", "julio"),
            ("aug", "august", "août", "ago", "agosto"),
            ("sep", "sept", "september", "septembre", "septiembre"),
            ("oct", "october", "octobre", "okt", "oktober", "octubre"),
            ("nov", "november", "novembre", "noviembre"),
            ("dec", "december", "déc", "décembre", "dez", "dezember", "dic", "diciembre"),
        ),
        start=1,
    )
    for m in names
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[ -]([^\W\d_]+)\.?[ ,\-]*(\d{2}|\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([^\W\d_]+)\.? (\d{1,2}),? (\d{4})$")
_NUMERIC = re.compile(r"^(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})$")


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        # Excel's two-digit years: 00-69 are 2000s, 70-99 are 1900s (Excel's own rule is 29).
        year += 2000 if year < 70 else 1900
    return year


def parse_date(text: str, day_first: bool = False) -> PartialDate | None:
    """The date in ``text``, or None when it is empty or Outlook's ``0/0/00``.

    Raises ValueError for text that is not a date netdesk can read.
    """
    t = text.strip()
    if not t or t in ("0/0/00", "0.0.00", "00.00.0000", "0000-00-00"):
        return None
    t = t.split("T", 1)[0].split(" 00:00", 1)[0]
    if len(t) == 10 and t[4] == "-" and t[7] == "-" and t[:4].isdigit():
        return PartialDate(int(t[:4]), int(t[5:7]), int(t[8:]))  # ISO, Google's own form
    m = _DAY_MONTH_YEAR.match(t)
    if m and m.group(2).casefold() in _MONTHS:
        return PartialDate(_year(m.group(3)), _MONTHS[m.group(2).casefold()], int(m.group(1)))
    m = _MONTH_DAY_YEAR.match(t)
    if m and m.group(1).casefold() in _MONTHS:
        return PartialDate(int(m.group(3)), _MONTHS[m.group(1).casefold()], int(m.group(2)))
    m = _NUMERIC.match(t)
    if m:
        a, sep, b, c = m.group(1), m.group(2), m.group(3), m.group(4)
        if len(a) == 4:
            return PartialDate(int(a), int(b), int(c))
        first, second = int(a), int(b)
        if sep == "." or first > 12 or (day_first and second <= 12):
            return PartialDate(_year(c), second, first)
        return PartialDate(_year(c), first, second)
    return PartialDate.parse(t)


def noon_utc(day: PartialDate) -> dt.datetime:
    """A day as a moment: noon UTC stays the same calendar day in every time zone but ±12."""
    return dt.datetime(day.year or 2000, day.month, day.day, 12, tzinfo=dt.UTC)
