"""Reminder bookkeeping, driven by a fake clock the way the Qt scheduler will drive it."""

from __future__ import annotations

import datetime as dt

import pytest

from netdesk.domain.activity import FollowUp
from netdesk.domain.due import CadenceInput, DueItem, due_items
from netdesk.domain.reminders import (
    MAX_TIMER_DELAY,
    ReminderTracker,
    next_wakeup,
    summary_text,
)

UTC = dt.UTC
START = dt.datetime(2026, 6, 10, 9, 0, tzinfo=UTC)


class FakeClock:
    """A Clock whose time only moves when the test says so."""

    def __init__(self, start: dt.datetime) -> None:
        self._now = start

    def now(self) -> dt.datetime:
        return self._now

    def advance(self, delta: dt.timedelta) -> None:
        self._now += delta


class World:
    """Follow-ups and cadences as the store would hand them out, plus the app's tracker."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.followups: list[tuple[FollowUp, str]] = []
        self.cadences: list[CadenceInput] = []
        self.tracker = ReminderTracker()
        self.notified: list[tuple[dt.datetime, DueItem]] = []

    def items(self) -> list[DueItem]:
        return due_items(self.followups, self.cadences, self.clock.now(), None)

    def tick(self) -> list[DueItem]:
        fresh = self.tracker.newly_due(self.items(), self.clock.now())
        self.notified += [(self.clock.now(), item) for item in fresh]
        return fresh

    def run(self, until: dt.datetime, step: dt.timedelta = dt.timedelta(minutes=5)) -> None:
        """The polling loop: check, then step the clock, until ``until``."""
        while self.clock.now() <= until:
            self.tick()
            self.clock.advance(step)


def test_a_followup_falling_due_while_running_notifies_exactly_once():
    world = World(FakeClock(START))
    world.followups.append((FollowUp(1, START + dt.timedelta(minutes=62), "coffee", id=7), "Ada"))
    world.run(until=START + dt.timedelta(hours=5))
    assert len(world.notified) == 1
    when, item = world.notified[0]
    assert item.followup_id == 7
    # Due at 10:02: the first check at or after that is the 10:05 tick.
    assert when == START + dt.timedelta(minutes=65)


def test_snoozing_rearms_the_followup_for_its_new_time():
    world = World(FakeClock(START))
    followup = FollowUp(1, START + dt.timedelta(minutes=30), id=7)
    world.followups.append((followup, "Ada"))
    world.run(until=START + dt.timedelta(hours=1))
    assert len(world.notified) == 1

    followup.snoozed_until = world.clock.now() + dt.timedelta(hours=1)  # "in 1 hour"
    world.run(until=START + dt.timedelta(hours=4))
    assert [item.due for _, item in world.notified] == [
        START + dt.timedelta(minutes=30),
        followup.snoozed_until,
    ]
    assert world.notified[1][0] == followup.snoozed_until


def test_done_followups_stay_quiet_and_reopened_ones_notify_again():
    world = World(FakeClock(START))
    followup = FollowUp(1, START, id=7)
    world.followups.append((followup, "Ada"))
    assert len(world.tick()) == 1

    followup.done_at = world.clock.now()
    world.run(until=START + dt.timedelta(hours=1))
    assert len(world.notified) == 1

    followup.done_at = None  # the user reopens it: it is due, so say so once more
    assert [item.followup_id for item in world.tick()] == [7]
    assert world.tick() == []


def test_a_renewed_cadence_notifies_again_at_its_next_due_date():
    clock = FakeClock(START)
    world = World(clock)
    since = START - dt.timedelta(days=30)
    world.cadences.append(CadenceInput(3, "Grace Hopper", 7, START - dt.timedelta(days=7), since))
    assert [item.kind for item in world.tick()] == ["cadence"]
    assert world.tick() == []

    # The user logs a call: the cadence restarts and is quiet for a week.
    world.cadences[0] = CadenceInput(3, "Grace Hopper", 7, clock.now(), since)
    world.run(until=START + dt.timedelta(days=10), step=dt.timedelta(hours=1))
    assert len(world.notified) == 2
    assert world.notified[1][0] == START + dt.timedelta(days=7)


def test_items_due_before_start_are_reported_once_on_the_first_check():
    world = World(FakeClock(START))
    for i, name in enumerate(["Ada", "Alan", "Grace"], start=1):
        world.followups.append((FollowUp(i, START - dt.timedelta(days=i), id=i), name))
    world.followups.append((FollowUp(9, START + dt.timedelta(days=1), id=9), "Future"))
    first = world.tick()
    assert [item.name for item in first] == ["Grace", "Alan", "Ada"]  # oldest first
    assert world.tick() == []
    assert summary_text(first) == ("3 follow-ups due", "Grace, Alan, Ada")


def test_a_scheduler_sleeping_next_wakeup_wakes_right_when_an_item_falls_due():
    clock = FakeClock(START)
    world = World(clock)
    due = START + dt.timedelta(hours=2, minutes=17, seconds=3, microseconds=1)
    world.followups.append((FollowUp(1, due, id=1), "Ada"))
    wakes = 0
    while not world.notified and wakes < 10:
        clock.advance(next_wakeup(world.items(), clock.now()))
        world.tick()
        wakes += 1
    assert wakes == 3  # two capped one-hour sleeps, then straight to the due time
    assert due <= world.notified[0][0] < due + dt.timedelta(milliseconds=1)


def item(due: dt.datetime, *, fid: int = 1, name: str = "Ada", kind="followup", note="") -> DueItem:
    return DueItem(1, name, due, kind, note, fid if kind == "followup" else None)


def test_next_wakeup_is_the_time_until_the_next_item():
    items = [item(START + dt.timedelta(minutes=10)), item(START + dt.timedelta(minutes=40))]
    assert next_wakeup(items, START) == dt.timedelta(minutes=10)


def test_next_wakeup_caps_at_max_delay_and_ignores_items_already_due():
    far = [item(START - dt.timedelta(days=3)), item(START + dt.timedelta(days=40))]
    assert next_wakeup(far, START) == dt.timedelta(hours=1)
    assert next_wakeup([], START) == dt.timedelta(hours=1)
    assert next_wakeup(far, START, max_delay=dt.timedelta(minutes=5)) == dt.timedelta(minutes=5)


def test_next_wakeup_never_exceeds_what_a_timer_can_wait():
    forty_days = [item(START + dt.timedelta(days=40))]
    delay = next_wakeup(forty_days, START, max_delay=dt.timedelta(days=60))
    assert delay <= MAX_TIMER_DELAY < dt.timedelta(days=40)
    assert delay > dt.timedelta(days=24)


def test_next_wakeup_is_never_negative_and_rounds_up_to_milliseconds():
    assert next_wakeup([item(START)], START) == dt.timedelta(hours=1)
    tiny = [item(START + dt.timedelta(microseconds=1))]
    assert next_wakeup(tiny, START) == dt.timedelta(milliseconds=1)
    with pytest.raises(ValueError, match="max_delay"):
        next_wakeup([], START, max_delay=dt.timedelta(0))


def test_summary_for_one_followup_one_cadence_and_many():
    assert summary_text([item(START, name="Ada Lovelace", note="send the slides")]) == (
        "Follow up with Ada Lovelace",
        "send the slides",
    )
    cadence = item(START, name="Grace Hopper", kind="cadence", note="Keep in touch every 7 days")
    assert summary_text([cadence]) == ("Get in touch with Grace Hopper", cadence.note)
    many = [item(START, fid=i, name=n) for i, n in enumerate(["A", "B", "A", "C", "D", "E"])]
    assert summary_text(many) == ("6 follow-ups due", "A, B, C and 2 more")
    with pytest.raises(ValueError, match="nothing"):
        summary_text([])


def test_a_followup_without_an_id_cannot_be_tracked():
    with pytest.raises(ValueError, match="needs an id"):
        ReminderTracker().newly_due([item(START, fid=None)], START)  # type: ignore[arg-type]


def test_reminder_keys_round_trip_through_text_and_bad_text_is_dropped() -> None:
    import datetime as _dt

    from netdesk.domain.reminders import key_text, parse_key

    key = ("followup", 12, _dt.datetime(2026, 11, 27, 13, 0, tzinfo=_dt.UTC))
    assert parse_key(key_text(key)) == key
    assert parse_key("garbage") is None and parse_key("followup:x:2026") is None
