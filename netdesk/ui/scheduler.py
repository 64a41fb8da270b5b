"""Wakes up when the next follow-up falls due and announces each due item exactly once.

One single-shot QTimer, re-armed after every check with ``next_wakeup`` (never more than an
hour: after suspend/resume or a clock change the timer's idea of time is wrong, and the hourly
check bounds how late a reminder can be). Checks also run on start, when the app becomes
active (often right after resume) and after every change the runner reports that may move
what is due.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from netdesk.actions import Runner
from netdesk.domain.clock import Clock
from netdesk.domain.due import DueItem, needs_attention
from netdesk.domain.reminders import MAX_TIMER_DELAY, ReminderTracker, next_wakeup, summary_text
from netdesk.services.activity import ActivityService
from netdesk.services.errors import ServiceError
from netdesk.ui.dates_reader import waits_for_dates
from netdesk.ui.history import on_change
from netdesk.ui.locale_format import due_note
from netdesk.ui.notifier import Notifier
from netdesk.ui.reminder_memory import ReminderMemory

log = logging.getLogger(__name__)

DEFAULT_MAX_DELAY = dt.timedelta(hours=1)
# How far a check looks ahead: past what is due today (local calendar, the tray's count) and
# the timer's longest wait. Items due later cannot be announced, counted or waited for yet,
# and reading every future birthday of 100,000 contacts on each check stalled (issue 15).
LOOK_AHEAD = dt.timedelta(days=2)


def _timer_ms(delay: dt.timedelta) -> int:
    capped = min(delay, MAX_TIMER_DELAY)
    return max(0, int(capped / dt.timedelta(milliseconds=1)))


class ReminderScheduler(QObject):
    """Drives ``ReminderTracker`` from a QTimer; tells the notifier and the tray."""

    # What is due (overdue and due today: domain.due.needs_attention, the rule the Today
    # badge uses too), overdue first; emitted when that list changes.
    dueChanged = Signal(list)

    def __init__(
        self,
        activity: ActivityService,
        clock: Clock,
        notifier: Notifier,
        parent: QObject | None = None,
        max_delay: dt.timedelta = DEFAULT_MAX_DELAY,
        runner: Runner | None = None,
        memory: ReminderMemory | None = None,
    ) -> None:
        """With a ``runner``, every change that may move what is due re-checks. With a
        ``memory``, what was announced is remembered across restarts."""
        super().__init__(parent)
        self._activity = activity
        self._clock = clock
        self.notifier = notifier
        self._max_delay = max_delay
        self._memory = memory
        self._tracker = ReminderTracker(memory.load() if memory is not None else ())
        self._due_now: list[DueItem] | None = None
        # Nothing is checked before start(): the app starts the scheduler after the first
        # paint, and becoming active while the window first shows must not jump ahead.
        self._started = False
        self._timer = QTimer(self)
        self._timer.setObjectName("reminderTimer")
        self._timer.setSingleShot(True)
        # Coarse timers may fire up to 5 % late: three minutes on an hour's wait.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.check)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)
        if runner is not None:
            on_change(runner, self, lambda _e: self.refresh(),
                      lambda e: e.touches_due and not waits_for_dates(activity, e))

    # -- public -------------------------------------------------------------------------------
    def start(self) -> None:
        """First check: items that fell due while netdesk was not running are announced now."""
        self._started = True
        self.check()

    def stop(self) -> None:
        self._timer.stop()

    def refresh(self) -> None:
        """Data changed: re-read what is due and re-arm the timer."""
        if self._started:
            self.check()

    @property
    def due_now(self) -> list[DueItem]:
        return list(self._due_now or [])

    @property
    def interval_ms(self) -> int:
        """The timer's current wait (for tests and diagnostics); -1 when not armed."""
        return self._timer.interval() if self._timer.isActive() else -1

    def check(self) -> list[DueItem]:
        """Announce what became due since the last check; return those items."""
        now = self._clock.now()
        try:
            items = self._activity.due(now, LOOK_AHEAD + min(self._max_delay, MAX_TIMER_DELAY))
        except ServiceError as exc:
            # A locked or vanished database must not kill the reminders: try again later.
            log.warning("could not read what is due: %s", exc)
            self._arm(self._max_delay)
            return []
        before = self._tracker.announced()
        fresh = self._tracker.newly_due(items, now)
        if fresh:
            self._announce(fresh)
        if self._memory is not None and self._tracker.announced() != before:
            self._memory.save(self._tracker.announced())
        due_now = needs_attention(items, now, self._activity.tz)
        if due_now != self._due_now:
            self._due_now = due_now
            self.dueChanged.emit(list(due_now))
        self._arm(next_wakeup(items, now, self._max_delay))
        return fresh

    # -- internals ----------------------------------------------------------------------------
    def _arm(self, delay: dt.timedelta) -> None:
        self._timer.start(_timer_ms(delay))

    def _announce(self, fresh: list[DueItem]) -> None:
        # Birthdays name their day in the user's locale (ui/locale_format.py).
        title, body = summary_text([dataclasses.replace(i, note=due_note(i)) for i in fresh])
        people = {i.contact_id for i in fresh}
        contact_id = next(iter(people)) if len(people) == 1 else None
        try:
            self.notifier.notify(title, body, contact_id)
        except Exception:  # a broken notifier must not stop the timer from being re-armed
            log.exception("could not show a reminder")

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if self._started and state == Qt.ApplicationState.ApplicationActive:
            self.check()
