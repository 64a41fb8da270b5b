"""ActivityService on a real (temporary) database, with a fake clock and a non-UTC zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from netdesk.services.activity import ActivityService, format_local, relative_when
from netdesk.services.errors import NotFoundError, ServiceError, ValidationError
from tests.helpers.fakes import FakeClock, add_contact

BERLIN = ZoneInfo("Europe/Berlin")
# Friday 27 November 2026, 14:00 in Berlin (13:00 UTC).
START = dt.datetime(2026, 11, 27, 13, 0, tzinfo=dt.UTC)


def make_contact(contacts, name: str, created: dt.datetime = START, **fields) -> int:
    return add_contact(contacts, name, created, **fields)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def activity(database, clock) -> ActivityService:
    return ActivityService(database, clock, BERLIN)


def test_log_interaction_defaults_to_now_and_lists_newest_first(activity, contact_service, clock):
    ada = make_contact(contact_service, "Ada Lovelace")
    first = activity.log_interaction(ada, "call", "  talked about engines ")
    clock.advance(hours=2)
    second = activity.log_interaction(ada, "email")
    assert first.at == START and first.note == "talked about engines"
    assert [i.id for i in activity.interactions(ada)] == [second.id, first.id]


def test_log_interaction_validates(activity, contact_service):
    ada = make_contact(contact_service, "Ada")
    with pytest.raises(ValidationError, match="unknown channel"):
        activity.log_interaction(ada, "fax")
    with pytest.raises(ValidationError, match="time zone"):
        activity.log_interaction(ada, "call", at=dt.datetime(2026, 11, 27, 9, 0))
    with pytest.raises(NotFoundError):
        activity.log_interaction(9999, "call")
    assert activity.interactions(ada) == []


def test_delete_and_restore_interaction(activity, contact_service):
    ada = make_contact(contact_service, "Ada")
    kept = activity.log_interaction(ada, "meeting", "coffee")
    gone = activity.delete_interaction(kept.id)
    assert activity.interactions(ada) == []
    activity.restore_interaction(gone)
    assert activity.interactions(ada) == [kept]
    with pytest.raises(NotFoundError):
        activity.delete_interaction(12345)


def test_interaction_restarts_the_cadence(activity, contact_service, clock):
    ada = make_contact(contact_service, "Ada", created=START - dt.timedelta(days=40))
    activity.set_cadence(ada, 30)
    [item] = activity.due()
    assert item.kind == "cadence" and item.due == START - dt.timedelta(days=10)
    assert item.overdue(clock.now())
    activity.log_interaction(ada, "call")
    [item] = activity.due()
    assert item.due == START + dt.timedelta(days=30)
    assert activity.due(horizon=dt.timedelta(days=7)) == []


def test_tag_cadence_applies_unless_the_contact_has_its_own(activity, contact_service):
    ada = make_contact(contact_service, "Ada", tags=["friends"])
    bob = make_contact(contact_service, "Bob", tags=["friends"])
    contact_service.set_tag_cadence("friends", 14)
    activity.set_cadence(bob, 60)
    days = {i.contact_id: i.due - START for i in activity.due()}
    assert days == {ada: dt.timedelta(days=14), bob: dt.timedelta(days=60)}
    activity.set_cadence(bob, None)
    assert {i.contact_id: i.due - START for i in activity.due()}[bob] == dt.timedelta(days=14)


@pytest.mark.parametrize("days", [0, -3])
def test_bad_cadence_is_refused_and_changes_nothing(activity, contact_service, days):
    ada = make_contact(contact_service, "Ada")
    activity.set_cadence(ada, 7)
    with pytest.raises(ValidationError):
        activity.set_cadence(ada, days)
    assert contact_service.get(ada).keep_in_touch_days == 7
    with pytest.raises(NotFoundError):
        activity.set_cadence(4242, 7)


def test_followup_done_reopen(activity, contact_service, clock):
    ada = make_contact(contact_service, "Ada")
    f = activity.add_followup(ada, START + dt.timedelta(hours=1), "send slides")
    assert activity.followups(ada) == [f]
    done = activity.done(f.id)
    assert done.done_at == clock.now()
    assert activity.followups(ada) == [] and activity.due() == []
    assert len(activity.followups(ada, include_done=True)) == 1
    activity.reopen(f.id)
    assert [i.followup_id for i in activity.due()] == [f.id]
    with pytest.raises(NotFoundError):
        activity.done(777)


def test_followup_needs_an_aware_due_time(activity, contact_service):
    ada = make_contact(contact_service, "Ada")
    with pytest.raises(ValidationError):
        activity.add_followup(ada, dt.datetime(2026, 12, 1, 9, 0))
    with pytest.raises(NotFoundError):
        activity.add_followup(999, START)
    assert activity.followups(ada) == []


def test_snooze_choices_use_the_local_calendar(activity, contact_service, clock):
    ada = make_contact(contact_service, "Ada")
    f = activity.add_followup(ada, START - dt.timedelta(hours=3))
    assert activity.snooze(f.id, "hour").snoozed_until == START + dt.timedelta(hours=1)
    # Tomorrow morning is 09:00 Berlin time = 08:00 UTC in winter.
    tomorrow = activity.snooze(f.id, "tomorrow").snoozed_until
    assert tomorrow == dt.datetime(2026, 11, 28, 8, 0, tzinfo=dt.UTC)
    # Friday -> next Monday 09:00 Berlin.
    monday = activity.snooze(f.id, "next_week").snoozed_until
    assert monday.astimezone(BERLIN).replace(tzinfo=None) == dt.datetime(2026, 11, 30, 9, 0)
    [item] = activity.due()
    assert item.due == monday and not item.overdue(clock.now())


def test_custom_snooze_must_be_in_the_future(activity, contact_service):
    ada = make_contact(contact_service, "Ada")
    f = activity.add_followup(ada, START)
    with pytest.raises(ValidationError, match="future"):
        activity.snooze(f.id, START - dt.timedelta(minutes=1))
    with pytest.raises(ValidationError):
        activity.snooze(f.id, "someday")
    later = START + dt.timedelta(days=3)
    assert activity.snooze(f.id, later).snoozed_until == later
    activity.done(f.id)
    with pytest.raises(ValidationError, match="already done"):
        activity.snooze(f.id, "hour")


def test_due_orders_overdue_first(activity, contact_service):
    ada = make_contact(contact_service, "Ada")
    bob = make_contact(contact_service, "Bob", created=START - dt.timedelta(days=20))
    cid = make_contact(contact_service, "Cid")
    activity.add_followup(ada, START + dt.timedelta(days=2), "later")
    activity.add_followup(cid, START - dt.timedelta(hours=1), "slightly overdue")
    activity.set_cadence(bob, 7)  # overdue by 13 days
    items = activity.due()
    assert [i.name for i in items] == ["Bob", "Cid", "Ada"]
    assert [i.overdue(START) for i in items] == [True, True, False]
    assert activity.due(horizon=dt.timedelta(0)) == items[:2]


def test_today_groups_by_local_day(activity, contact_service):
    names = ["Ada", "Bob", "Cid", "Dee", "Eve"]
    ids = {n: make_contact(contact_service, n) for n in names}
    # 23:30 Berlin today is 22:30 UTC: still "today" locally.
    activity.add_followup(ids["Ada"], dt.datetime(2026, 11, 27, 22, 30, tzinfo=dt.UTC))
    # 00:30 Berlin tomorrow is 23:30 UTC today: a UTC-based grouping would say "today".
    activity.add_followup(ids["Bob"], dt.datetime(2026, 11, 27, 23, 30, tzinfo=dt.UTC))
    activity.add_followup(ids["Cid"], START - dt.timedelta(days=2))
    activity.add_followup(ids["Dee"], START + dt.timedelta(days=20))
    lapsed = make_contact(contact_service, "Fay", created=START - dt.timedelta(days=100))
    activity.set_cadence(lapsed, 30)
    data = activity.today()
    assert [i.name for i in data.overdue] == ["Fay", "Cid"]
    assert [i.name for i in data.today] == ["Ada"]
    assert [i.name for i in data.this_week] == ["Bob"]
    assert [(c.name, gap.days) for c, gap in data.losing_touch] == [("Fay", 70)]
    assert not data.is_empty()


def test_today_losing_touch_is_capped(activity, contact_service):
    for n in range(12):
        cid = make_contact(contact_service, f"P{n:02d}", created=START - dt.timedelta(days=50 + n))
        activity.set_cadence(cid, 10)
    lapsed = activity.today().losing_touch
    assert len(lapsed) == 10
    assert lapsed[0][0].name == "P11"  # longest lapsed first


def test_export_ics_writes_a_file(activity, contact_service, tmp_path):
    ada = make_contact(contact_service, "Ada")
    f = activity.add_followup(ada, START + dt.timedelta(days=1), "slides")
    activity.set_cadence(ada, 30)
    target = tmp_path / "out.ics"
    text = activity.export_ics(target)
    assert target.read_bytes() == text.encode("utf-8")  # CRLF kept, as RFC 5545 wants
    assert f"followup-{f.id}@netdesk" in text and f"cadence-{ada}@netdesk" in text


def test_export_to_unwritable_place_is_a_service_error(activity, tmp_path):
    with pytest.raises(ServiceError):
        activity.export_ics(tmp_path / "missing" / "dir" / "out.ics")


def test_wording():
    assert format_local(START, BERLIN) == "Fri 27 Nov 2026 14:00"
    assert relative_when(START - dt.timedelta(days=3), START, BERLIN) == "Overdue 3 days"
    assert relative_when(START - dt.timedelta(hours=1), START, BERLIN) == "Overdue since 13:00"
    assert relative_when(START + dt.timedelta(hours=1), START, BERLIN) == "Today 15:00"
    assert relative_when(START + dt.timedelta(days=1), START, BERLIN) == "Tomorrow 14:00"
    assert relative_when(START + dt.timedelta(days=4), START, BERLIN) == "Tue 1 Dec 14:00"
