"""ReminderScheduler: when it wakes up and that each due item is announced exactly once."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from netdesk.actions.activity import AddFollowUp, MarkDone
from netdesk.domain.clock import SystemClock
from netdesk.services.activity import ActivityService
from netdesk.services.errors import ServiceError
from netdesk.ui.scheduler import ReminderScheduler
from tests.helpers.fakes import FakeNotifier, add_contact
from tests.helpers.zones import BERLIN, NOW

MINUTE = dt.timedelta(minutes=1)
HOUR_MS = 3_600_000


@pytest.fixture
def notifier() -> FakeNotifier:
    return FakeNotifier()


@pytest.fixture
def runner():
    from netdesk.actions import Runner

    return Runner()


@pytest.fixture
def scheduler(qtbot, activity, clock, notifier, runner):
    s = ReminderScheduler(activity, clock, notifier, runner=runner)
    yield s
    s.stop()
    s.deleteLater()


@pytest.fixture
def ada(contact_service) -> int:
    return add_contact(contact_service, "Ada Lovelace", NOW)


def test_followup_falling_due_while_running_notifies_exactly_once(
    scheduler, activity, clock, notifier, ada
):
    activity.add_followup(ada, NOW + 10 * MINUTE, "send slides")
    scheduler.start()
    assert notifier.sent == []
    assert scheduler.interval_ms == 10 * 60_000  # sleeps until it falls due
    clock.advance(10 * MINUTE)
    scheduler.check()  # what the timer's timeout does
    assert notifier.sent == [("Follow up with Ada Lovelace", "send slides", ada)]
    scheduler.check()
    scheduler.refresh()
    clock.advance(MINUTE)
    scheduler.check()
    assert len(notifier.sent) == 1
    assert scheduler.interval_ms == HOUR_MS  # nothing ahead: the hourly safety check


def test_wakeup_is_capped_at_an_hour(scheduler, activity, ada):
    activity.add_followup(ada, NOW + dt.timedelta(days=40))  # beyond QTimer's 24.8 days
    scheduler.start()
    assert scheduler.interval_ms == HOUR_MS


def test_items_overdue_at_start_come_in_one_summary(scheduler, activity, contact_service, notifier):
    bob = add_contact(contact_service, "Bob", NOW)
    cid = add_contact(contact_service, "Cid", NOW - dt.timedelta(days=10))
    activity.add_followup(bob, NOW - dt.timedelta(days=2), "call back")
    activity.set_cadence(cid, 7)
    scheduler.start()
    assert notifier.sent == [("2 follow-ups due", "Cid, Bob", None)]


def test_snoozed_followup_is_announced_again_when_the_snooze_ends(
    scheduler, activity, clock, notifier, ada
):
    f = activity.add_followup(ada, NOW - MINUTE, "ping")
    scheduler.start()
    assert len(notifier.sent) == 1
    activity.snooze(f.id, "hour")
    scheduler.refresh()
    assert len(notifier.sent) == 1
    assert scheduler.interval_ms == HOUR_MS
    clock.advance(dt.timedelta(hours=1))
    scheduler.check()
    assert len(notifier.sent) == 2


def test_due_changed_follows_the_data(qtbot, scheduler, activity, clock, ada, runner):
    emitted: list[list] = []
    scheduler.dueChanged.connect(emitted.append)
    # Due the day after tomorrow: not due yet (due means overdue or due today).
    f = activity.add_followup(ada, NOW + 2 * dt.timedelta(days=1))
    scheduler.start()
    assert emitted == [[]]
    clock.advance(dt.timedelta(days=1, hours=12))  # that day has come
    scheduler.check()
    assert [i.followup_id for i in emitted[-1]] == [f.id]
    runner.run(MarkDone(activity, f.id))  # a change anywhere: the scheduler re-checks
    qtbot.waitUntil(lambda: emitted[-1] == [])


def test_a_change_through_the_runner_triggers_a_check(qtbot, scheduler, activity, notifier,
                                                      ada, runner):
    scheduler.start()
    runner.run(AddFollowUp(activity, ada, NOW - MINUTE, "overdue when added"))
    qtbot.waitUntil(lambda: len(notifier.sent) == 1)


def test_becoming_active_triggers_a_check(qapp, scheduler, activity, clock, ada):
    activity.add_followup(ada, NOW + MINUTE)
    scheduler.start()
    clock.advance(2 * MINUTE)  # e.g. the laptop slept through the timer
    qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert len(scheduler.notifier.sent) == 1


def test_storage_failure_is_survived(qtbot, clock, notifier):
    class Broken:
        def add_listener(self, _cb):
            pass

        def remove_listener(self, _cb):
            pass

        def due(self, _now, _horizon=None):
            raise ServiceError("The netdesk database is locked")

    s = ReminderScheduler(Broken(), clock, notifier)  # type: ignore[arg-type]
    assert s.check() == []
    assert s.interval_ms == HOUR_MS and notifier.sent == []
    s.stop()


def test_broken_notifier_does_not_stop_the_timer(qtbot, activity, clock, ada):
    class Exploding:
        def notify(self, *_args):
            raise RuntimeError("no D-Bus")

    activity.add_followup(ada, NOW - MINUTE)
    s = ReminderScheduler(activity, clock, Exploding())
    assert len(s.check()) == 1
    assert s.interval_ms == HOUR_MS
    s.stop()


def test_real_timer_fires(qtbot, database, ada, notifier):
    # The only test on the wall clock: the QTimer really wakes the scheduler up.
    real = ActivityService(database, SystemClock(), BERLIN)
    real.add_followup(ada, dt.datetime.now(dt.UTC) + dt.timedelta(milliseconds=300), "now")
    s = ReminderScheduler(real, SystemClock(), notifier)
    s.start()
    assert notifier.sent == []
    qtbot.waitUntil(lambda: len(notifier.sent) == 1, timeout=5000)
    s.stop()
