"""Birthday and anniversary reminders: settings and what is due, for the CLI, Today and tray.

The rule itself is ``domain.dates.date_reminders``; this service reads the store, applies the
global default and turns reminders into ``DueItem``s (09:00 local time on the reminder day, or
the hour chosen in Settings), the same items follow-ups and cadences are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from netdesk.domain.clock import Clock, SystemClock
from netdesk.domain.dates import (
    DateReminder,
    date_reminders,
    reminder_due_items,
    validate_remind_days,
)
from netdesk.domain.due import DueItem
from netdesk.domain.timeparse import local_tz
from netdesk.services.errors import NotFoundError, ValidationError, storage_errors
from netdesk.store import dates as store
from netdesk.store.db import Database

DEFAULT_REMINDER_HOUR = 9


class DateReminderService:
    def __init__(
        self, database: Database, clock: Clock | None = None, tz: dt.tzinfo | None = None
    ) -> None:
        self.db = database
        self.clock = clock or SystemClock()
        self.tz = tz or local_tz()
        self._listeners: list[Callable[[], None]] = []

    def add_listener(self, callback: Callable[[], None]) -> None:
        """``callback()`` after every settings change (Today and the tray re-read)."""
        self._listeners.append(callback)

    @contextmanager
    def _connection(self, write: bool = False) -> Iterator:
        con = self.db.connect_raw()
        try:
            with storage_errors():
                yield con
                if write:
                    con.commit()
        finally:
            con.close()

    # -- settings -----------------------------------------------------------------------------
    def default_days_before(self) -> int | None:
        """The global "remind me N days before" (None: only contacts with their own)."""
        with self._connection() as con:
            value = store.get_setting(con, store.DEFAULT_DAYS_KEY)
        return int(value) if value is not None else None

    def set_default_days_before(self, days: int | None) -> None:
        days = _checked(days)
        with self._connection(write=True) as con:
            store.set_setting(con, store.DEFAULT_DAYS_KEY, None if days is None else str(days))
        self._changed()

    def reminder_hour(self) -> int:
        """The hour of the day (local time) birthday and anniversary reminders fall due."""
        with self._connection() as con:
            value = store.get_setting(con, store.REMINDER_HOUR_KEY)
        return _hour(value)

    def set_reminder_hour(self, hour: int) -> None:
        if not 0 <= hour <= 23:
            raise ValidationError(f"the reminder hour must be 0 to 23, not {hour}")
        with self._connection(write=True) as con:
            store.set_setting(con, store.REMINDER_HOUR_KEY, str(hour))
        self._changed()

    def set_contact_days_before(self, contact_id: int, days: int | None) -> None:
        """A contact's own setting; None goes back to the global default."""
        days = _checked(days)
        with self._connection(write=True) as con:
            if not store.contact_exists(con, contact_id):
                raise NotFoundError(f"no contact with id {contact_id}")
            store.set_contact_days(con, contact_id, days)
        self._changed()

    def _changed(self) -> None:
        for callback in list(self._listeners):
            callback()

    # -- what is due ----------------------------------------------------------------------------
    def reminders(self, now: dt.datetime | None = None) -> list[DateReminder]:
        """The next reminder of every remindable birthday and anniversary."""
        now = now or self.clock.now()
        with self._connection() as con:
            inputs = store.dates_inputs(con)
            value = store.get_setting(con, store.DEFAULT_DAYS_KEY)
        default = int(value) if value is not None else None
        return date_reminders(inputs, now.astimezone(self.tz).date(), default)

    def due(
        self, now: dt.datetime | None = None, horizon: dt.timedelta | None = None
    ) -> list[DueItem]:
        """Date reminders due by ``now + horizon`` (None: every next one), as due items."""
        now = now or self.clock.now()
        items = reminder_due_items(self.reminders(now), self.tz, self.reminder_hour())
        if horizon is not None:
            items = [i for i in items if i.due <= now + horizon]
        return items


def _hour(value: str | None) -> int:
    try:
        hour = int(value) if value is not None else DEFAULT_REMINDER_HOUR
    except ValueError:
        return DEFAULT_REMINDER_HOUR
    return hour if 0 <= hour <= 23 else DEFAULT_REMINDER_HOUR


def _checked(days: int | None) -> int | None:
    try:
        return validate_remind_days(days)
    except ValueError as exc:
        raise ValidationError(str(exc)) from exc
