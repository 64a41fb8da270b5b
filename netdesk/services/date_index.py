"""Birthdays and anniversaries grouped by month, day and "remind me N days before", so a due
check costs the number of distinct (month, day, days) groups (a few hundred), not the number
of contacts (issue 15: 100,000 contacts, a due check on every change and every Today refresh).

``DateIndex.reminders`` gives exactly what ``domain.dates.date_reminders`` gives for the same
inputs (tests/services/test_date_index.py compares them): a group's members share their next
occurrence and reminder day, so the groups are ordered once per day and default, and only the
members of the groups up to the asked horizon become ``DateReminder`` objects (memoised until
the day, the default or the contact changes). Pure Python, no I/O; not thread-safe (the
service holds a lock).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable

from netdesk.domain.contact import PartialDate
from netdesk.domain.dates import DateReminder, DatesInput, next_occurrence

# (month, day, the contact's own days before or None for the default)
Group = tuple[int, int, "int | None"]
Member = tuple[int, str]  # (contact id, "birthday" | "anniversary")
KINDS = ("birthday", "anniversary")


class DateIndex:
    def __init__(self, inputs: Iterable[DatesInput] = ()) -> None:
        self._inputs: dict[int, DatesInput] = {}
        self._groups: dict[Group, set[Member]] = {}
        # Valid for one (today, default): the groups by reminder day, and built reminders.
        self._view: tuple[dt.date, int | None] | None = None
        self._order: list[tuple[int, Group]] = []
        self._days: list[int] = []  # the reminder days of _order, for bisect
        self._occurs: dict[tuple[int, int], int] = {}  # (month, day) -> next occurrence
        self._built: dict[Member, DateReminder] = {}
        # The last answer, while nothing changed (a due check repeats the same question).
        self._last: tuple[tuple, list[DateReminder]] | None = None
        # Goes up with every change of a contact: callers may keep answers for one version.
        self.version = 0
        for c in inputs:
            self._add(c)

    def __len__(self) -> int:
        return len(self._inputs)

    # -- changes ------------------------------------------------------------------------------
    def put(self, contact_id: int, found: DatesInput | None) -> None:
        """Replace what is known of one contact (None: it has no dates or is gone)."""
        self.version += 1
        self._last = None
        self._remove(contact_id)
        if found is not None:
            self._add(found)

    def _add(self, c: DatesInput) -> None:
        if c.birthday is None and c.anniversary is None:
            return
        self._inputs[c.contact_id] = c
        for kind, date in zip(KINDS, (c.birthday, c.anniversary), strict=True):
            if date is not None:
                group = (date.month, date.day, c.remind_days_before)
                members = self._groups.get(group)
                if members is None:
                    self._groups[group] = members = set()
                    self._place(group)
                members.add((c.contact_id, kind))

    def _remove(self, contact_id: int) -> None:
        old = self._inputs.pop(contact_id, None)
        if old is None:
            return
        for kind, date in zip(KINDS, (old.birthday, old.anniversary), strict=True):
            if date is not None:
                group = (date.month, date.day, old.remind_days_before)
                self._groups[group].discard((contact_id, kind))
                self._built.pop((contact_id, kind), None)

    # -- reading ------------------------------------------------------------------------------
    def reminders(
        self, today: dt.date, default_days_before: int | None, horizon_days: int | None = None
    ) -> list[DateReminder]:
        """``domain.dates.date_reminders(inputs, today, default_days_before, horizon_days)``."""
        self._look_from(today, default_days_before)
        asked = (today, default_days_before, horizon_days)
        if self._last is not None and self._last[0] == asked:
            return list(self._last[1])
        end = (
            len(self._order)
            if horizon_days is None
            else bisect.bisect_right(self._days, today.toordinal() + horizon_days)
        )
        out = [
            self._reminder(member, today)
            for _day, group in self._order[:end]
            for member in self._groups[group]
        ]
        out.sort(key=_order)
        self._last = (asked, out)
        return list(out)

    def reminders_for(
        self, contact_id: int, today: dt.date, default_days_before: int | None
    ) -> list[DateReminder]:
        """The next reminders of one contact, in the order of ``reminders``."""
        c = self._inputs.get(contact_id)
        if c is None or (c.remind_days_before is None and default_days_before is None):
            return []
        self._look_from(today, default_days_before)
        out = [
            self._reminder((contact_id, kind), today)
            for kind, date in zip(KINDS, (c.birthday, c.anniversary), strict=True)
            if date is not None
        ]
        out.sort(key=_order)
        return out

    def _look_from(self, today: dt.date, default: int | None) -> None:
        if self._view == (today, default):
            return
        self._view = (today, default)
        self._built.clear()
        self._last = None
        self._occurs = {}
        order = []
        for group in self._groups:
            day = self._reminder_day(group)
            if day is not None:
                order.append((day, group))
        order.sort(key=lambda entry: entry[0])
        self._order = order
        self._days = [day for day, _group in order]

    def _reminder_day(self, group: Group) -> int | None:
        """The ordinal of the group's reminder day in the current view (None: no reminder)."""
        assert self._view is not None
        today, default = self._view
        month, day, own = group
        days = own if own is not None else default
        if days is None:
            return None
        when = self._occurs.get((month, day))
        if when is None:
            when = next_occurrence(PartialDate(None, month, day), today).toordinal()
            self._occurs[(month, day)] = when
        return when - days

    def _place(self, group: Group) -> None:
        """A new group joins the current view's order (the built reminders stay valid)."""
        if self._view is None:
            return
        day = self._reminder_day(group)
        if day is not None:
            at = bisect.bisect_right(self._days, day)
            self._order.insert(at, (day, group))
            self._days.insert(at, day)

    def _reminder(self, member: Member, today: dt.date) -> DateReminder:
        found = self._built.get(member)
        if found is None:
            found = self._built[member] = _build(
                self._inputs[member[0]], member[1], today, self._view[1] if self._view else None
            )
        return found


def _order(r: DateReminder) -> tuple:
    return (r.remind_on, r.name.casefold(), r.contact_id, r.kind)


def _build(c: DatesInput, kind: str, today: dt.date, default: int | None) -> DateReminder:
    # The arithmetic of domain.dates.date_reminders, for one date.
    date = c.birthday if kind == "birthday" else c.anniversary
    assert date is not None
    days = c.remind_days_before if c.remind_days_before is not None else default
    assert days is not None
    occurs = next_occurrence(date, today)
    years = occurs.year - date.year if date.year is not None else None
    return DateReminder(
        c.contact_id, c.name, kind, occurs, occurs - dt.timedelta(days=days), years or None
    )
