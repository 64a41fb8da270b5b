"""Birthday and anniversary reminders: settings and what is due, for the CLI, Today and tray.

The rule itself is ``domain.dates.date_reminders``; this service reads the store, applies the
global default and turns reminders into ``DueItem``s (09:00 local time on the reminder day, or
the hour chosen in Settings), the same items follow-ups and cadences are.

What is due is read on every change and every Today refresh, so the dates are kept in memory
(``services.date_index``) and a check costs what it returns, not the number of contacts
(issue 15). The memory is never stale: ``contacts_changed`` (the window calls it for every
change the runner publishes, before any view re-reads) names the contacts to re-read, and any
other commit to the database, by this process or another, is seen through SQLite's
``PRAGMA data_version`` and makes the next check re-read everything.
"""

from __future__ import annotations

import bisect
import datetime as dt
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from netdesk.domain.clock import Clock, SystemClock
from netdesk.domain.dates import (
    DateReminder,
    reminder_due_items,
    validate_remind_days,
)
from netdesk.domain.due import DueItem
from netdesk.domain.timeparse import local_tz
from netdesk.services.date_index import DateIndex
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
        # One reader connection, kept open: its data_version tells of other commits.
        self._lock = threading.RLock()
        self._con = None
        self._index: DateIndex | None = None
        self._version: int | None = None  # data_version the index is known to be current at
        self._stale: set[int] = set()  # contacts to re-read before the next answer
        self._due_memo: dict[tuple[int, int], tuple[DateReminder, DueItem]] = {}
        self._items: tuple[tuple, list[DueItem]] | None = None  # the last answer of due()
        self._full_reads = 0
        # With a background reader (the window): a bulk change or a commit nobody announced
        # leaves the index as it is and sets this; ``read_everyone()`` on a worker then
        # replaces it. Without one (the CLI) the next check reads everyone itself.
        self._background_reads = False
        self._reread_wanted = 0  # bumped per wish, so a read that started earlier is not enough
        self._read_since: set[int] | None = None  # contacts re-read while read_everyone reads

    def add_listener(self, callback: Callable[[], None]) -> None:
        """``callback()`` after every settings change (Today and the tray re-read)."""
        self._listeners.append(callback)

    @contextmanager
    def _connection(self, write: bool = False) -> Iterator:
        with self._lock, storage_errors():
            if self._con is None:
                self._con = self.db.connect_raw()
            try:
                yield self._con
                if write:
                    self._con.commit()
            except BaseException:
                self._con.rollback()
                raise

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None
            self._index = None

    @property
    def full_reads(self) -> int:
        """How often every contact's dates were read (for tests and diagnostics): at the
        first check, then only after a bulk change or a commit nobody named to
        ``contacts_changed`` (another process, a write outside the runner)."""
        return self._full_reads

    def contacts_changed(self, ids: Iterable[int] = (), everyone: bool = False) -> None:
        """A change was committed to the contacts ``ids`` (or to many: ``everyone``), e.g.
        the runner's ``ChangeEvent``; call it for every published change, even one naming no
        contact, before anything reads what is due. Costs nothing until the next check,
        which re-reads just those contacts."""
        with self._connection() as con:
            if everyone and self._background_reads and self._index is not None:
                self._reread_wanted += 1
            elif everyone:
                self._index = None
            else:
                self._stale.update(ids)
            # The commits so far are accounted for: named here, or not about dates.
            self._version = store.data_version(con)

    def read_in_background(self) -> None:
        """From now on a full re-read is left to ``read_everyone()`` on a worker thread (at
        100,000 contacts it takes 0.4-0.8 s: after an import, a tag change or a sync, checks
        answer from the index as it was until the fresh one is in)."""
        self._background_reads = True

    def reads_in_background(self) -> bool:
        return self._background_reads

    def reread_wanted(self) -> bool:
        """Whether a full re-read is waiting for ``read_everyone()``."""
        return bool(self._reread_wanted)

    def read_everyone(self) -> bool:
        """Read every contact's dates into a fresh index, over a connection of its own, so
        checks on other threads go on meanwhile; safe off the GUI thread. False when another
        re-read was wished for while this one read (call it again)."""
        with self._lock:
            wanted = self._reread_wanted
            self._read_since = set()
        try:
            con = self.db.connect_raw()
            try:
                with storage_errors():
                    index = DateIndex(store.dates_inputs(con))
            finally:
                con.close()
        except BaseException:
            with self._lock:
                self._read_since = None
            raise
        with self._lock:
            since, self._read_since = self._read_since or set(), None
            self._index = index
            self._full_reads += 1
            self._due_memo.clear()
            self._items = None
            # Contacts changed since the read began (its snapshot may predate them) are read
            # again at the next check, as are those named and not yet read.
            self._stale |= since
            self._reread_wanted -= wanted
            return not self._reread_wanted

    def notify(self) -> None:
        """Tell the listeners (Today, the tray) that what is due may have changed."""
        self._changed()

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
            self._stale.add(contact_id)  # this connection's own commit: data_version stays
        self._changed()

    def _changed(self) -> None:
        for callback in list(self._listeners):
            callback()

    # -- what is due ----------------------------------------------------------------------------
    def _current(self, con) -> DateIndex:  # noqa: ANN001
        """The index, brought up to date with what was committed (call under the lock)."""
        version = store.data_version(con)
        if self._index is not None and version != self._version and self._background_reads:
            self._reread_wanted += 1  # another process wrote: a worker re-reads everyone
            self._version = version
        if self._index is None or version != self._version:
            self._index = DateIndex(store.dates_inputs(con))
            self._full_reads += 1
            self._stale.clear()
            self._due_memo.clear()
        elif self._stale:
            for contact_id, found in store.dates_inputs_of(con, self._stale).items():
                self._index.put(contact_id, found)
            if self._read_since is not None:
                self._read_since |= self._stale
            self._stale.clear()
        self._version = version
        return self._index

    def _settings(self, con) -> tuple[int | None, int]:  # noqa: ANN001
        value = store.get_setting(con, store.DEFAULT_DAYS_KEY)
        return (int(value) if value is not None else None,
                _hour(store.get_setting(con, store.REMINDER_HOUR_KEY)))

    def reminders(
        self, now: dt.datetime | None = None, horizon_days: int | None = None
    ) -> list[DateReminder]:
        """The next reminder of every remindable birthday and anniversary (whose reminder day
        is at most ``horizon_days`` after today, when given)."""
        now = now or self.clock.now()
        with self._connection() as con:
            default, _hour_of_day = self._settings(con)
            return self._current(con).reminders(
                now.astimezone(self.tz).date(), default, horizon_days)

    def reminders_for(self, contact_id: int, now: dt.datetime | None = None) -> list[DateReminder]:
        """The next birthday and anniversary reminders of one contact (none without a date
        or a "days before" setting)."""
        now = now or self.clock.now()
        with self._connection() as con:
            default, _hour_of_day = self._settings(con)
            return self._current(con).reminders_for(
                contact_id, now.astimezone(self.tz).date(), default)

    def due(
        self, now: dt.datetime | None = None, horizon: dt.timedelta | None = None
    ) -> list[DueItem]:
        """Date reminders due by ``now + horizon`` (None: every next one), as due items."""
        now = now or self.clock.now()
        today = now.astimezone(self.tz).date()
        days = None if horizon is None else ((now + horizon).astimezone(self.tz).date()
                                             - today).days
        with self._connection() as con:
            default, hour = self._settings(con)
            index = self._current(con)
            asked = (index, index.version, today, default, hour, days)
            if self._items is None or self._items[0] != asked:
                self._items = (asked, [self._due_item(r, hour)
                                       for r in index.reminders(today, default, days)])
            items = self._items[1]
        if horizon is None:
            return list(items)
        # In reminder-day order, so in due order: the ones due by now + horizon lead.
        return items[:bisect.bisect_right(items, now + horizon, key=lambda i: i.due)]

    def _due_item(self, reminder: DateReminder, hour: int) -> DueItem:
        # By identity: the index keeps a reminder object while it stays valid.
        key = (id(reminder), hour)
        found = self._due_memo.get(key)
        if found is None or found[0] is not reminder:
            if len(self._due_memo) > 200_000:  # days and settings went by: start afresh
                self._due_memo.clear()
            found = self._due_memo[key] = (
                reminder, reminder_due_items([reminder], self.tz, hour)[0])
        return found[1]


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
