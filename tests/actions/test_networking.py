"""Events, people met there and quick add are commands: undoable, announced once."""

from __future__ import annotations

import datetime as dt

import pytest

from netdesk.actions.networking import AddEvent, DeleteEvent, EditEvent, MetAtEvent, QuickAdd
from netdesk.domain.contact import Contact
from netdesk.domain.events import Event
from netdesk.services.events import EventService
from netdesk.services.quick_add import QuickAddService, QuickEntry
from tests.helpers.zones import BERLIN


@pytest.fixture
def events(database, clock) -> EventService:
    return EventService(database, clock, BERLIN)


@pytest.fixture
def quick(contact_service, activity, events) -> QuickAddService:
    return QuickAddService(contact_service, activity, events)


def test_add_edit_delete_an_event_and_undo_each(runner, events, contact_service) -> None:
    assert runner.run(AddEvent(events, Event("PyData", "meetup", dt.date(2026, 11, 5))))
    (added,) = events.all()
    assert runner.events[-1].events_changed == {added.id}
    ada = contact_service.create(Contact(display_name="Ada")).id
    assert runner.run(MetAtEvent(events, added.id, [ada], "PyData"))
    assert runner.run(EditEvent(events, Event("PyData Berlin", "meetup", dt.date(2026, 11, 5),
                                              id=added.id)))
    assert runner.run(DeleteEvent(events, added.id, "PyData Berlin"))
    assert events.all() == []
    assert runner.undo()  # the delete: the event and who was met there come back
    assert [e.name for e in events.all()] == ["PyData Berlin"]
    assert [n for _, n in events.people(events.all()[0].id)] == ["Ada"]
    assert runner.undo() and events.all()[0].name == "PyData"
    assert runner.undo() and events.people(events.all()[0].id) == []
    assert runner.undo() and events.all() == []
    assert runner.redo() and [e.name for e in events.all()] == ["PyData"]


def test_a_bad_event_is_refused_and_changes_nothing(runner, events) -> None:
    outcome = runner.run(AddEvent(events, Event("X", "meetup", dt.date(2026, 11, 5),
                                                dt.date(2026, 11, 1))))
    assert not outcome and "ends before it starts" in outcome.message
    assert events.all() == [] and not runner.can_undo()


def test_quick_add_creates_the_person_at_the_event_with_a_followup(runner, quick, events,
                                                                   contact_service, activity,
                                                                   clock) -> None:
    meetup = events.add(Event("PyData", "meetup", clock.now().astimezone(BERLIN).date()))
    entry = QuickEntry("Hannah Arendt", "Acme", "hannah@example.org", "likes Rust",
                       meetup.id, ("python", "berlin"), "send the intro tomorrow")
    assert runner.run(QuickAdd(quick, entry))
    (person,) = [c for c in (contact_service.get(r.id) for r in contact_service.summaries())]
    assert (person.org, person.emails[0].value, person.met_note) == (
        "Acme", "hannah@example.org", "likes Rust")
    assert person.tags == ["berlin", "python"] and person.met_event == "PyData"
    assert events.people(meetup.id) == [(person.id, "Hannah Arendt")]
    (todo,) = activity.followups(person.id)
    assert todo.note == "send the intro" and todo.due == dt.datetime(2026, 11, 28, 8, 0,
                                                                     tzinfo=dt.UTC)
    assert runner.undo() and contact_service.count() == 0
    assert runner.redo() and [f.note for f in activity.followups(person.id)] == ["send the intro"]


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        (QuickEntry(" "), "name"),
        (QuickEntry("Ada", detail="not a detail"), "detail"),
        (QuickEntry("Ada", followup="demo on 2026-13-40"), "followup"),
    ],
)
def test_quick_add_with_bad_input_adds_nobody(runner, quick, contact_service, entry,
                                              field) -> None:
    outcome = runner.run(QuickAdd(quick, entry))
    assert not outcome and outcome.error is not None and outcome.error.field == field
    assert contact_service.count() == 0


def test_followed_up_counts_touches_after_the_event(events, contact_service, activity,
                                                    clock) -> None:
    day = dt.date(2026, 11, 5)
    meetup = events.add(Event("PyData", "meetup", day))
    ids = [contact_service.create(Contact(display_name=n)).id for n in ("A", "B", "C")]
    events.link(meetup.id, ids)
    at_the_event = dt.datetime(2026, 11, 5, 19, 0, tzinfo=dt.UTC)
    activity.log_interaction(ids[0], "event", at=at_the_event, with_ids=ids[1:])
    activity.log_interaction(ids[1], "email", at=at_the_event + dt.timedelta(days=1))
    (summary,) = events.summaries()
    assert summary.wording() == "met 3, followed up with 1"
    assert [n for _, n in summary.not_followed_up] == ["A", "C"]


def test_everyone_quick_added_at_a_meetup_shares_one_meeting(runner, quick, events, activity,
                                                            clock) -> None:
    meetup = events.add(Event("PyData", "meetup", clock.now().astimezone(BERLIN).date()))
    for name in ("A", "B", "C"):
        assert runner.run(QuickAdd(quick, QuickEntry(name, event_id=meetup.id)))
    ids = [cid for cid, _ in events.people(meetup.id)]
    (meeting,) = activity.interactions(ids[0])
    assert meeting.note == "Met at PyData" and set(meeting.people) == set(ids)
    assert all(activity.interactions(cid) == [meeting] for cid in ids)
    assert runner.undo() and runner.redo()  # C leaves the meeting and comes back to it
    assert set(activity.interactions(ids[0])[0].people) == set(ids)


def test_undoing_an_event_delete_gives_back_where_people_met(runner, events, contact_service,
                                                              clock) -> None:
    ada = contact_service.create(Contact(display_name="Ada", met_event="PyData")).id
    (event,) = events.all()
    assert runner.run(DeleteEvent(events, event.id, "PyData"))
    assert contact_service.get(ada).met_event == ""
    assert runner.undo()
    assert contact_service.get(ada).met_event == "PyData"
    assert events.people(events.all()[0].id) == [(ada, "Ada")]
