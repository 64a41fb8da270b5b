"""One interaction with several people: one entry, in everyone's timeline, every cadence
restarts; undo and a contact's delete/restore keep the group together."""

from __future__ import annotations

import datetime as dt

import pytest

from netdesk.actions import Runner
from netdesk.actions.activity import LogInteraction
from netdesk.domain.contact import Contact
from netdesk.services.activity import ActivityService
from netdesk.services.errors import NotFoundError
from tests.helpers.fakes import FakeClock
from tests.helpers.zones import BERLIN, NOW


@pytest.fixture
def people(contact_service) -> list[int]:
    return [contact_service.create(Contact(display_name=n)).id for n in ("Ada", "Bob", "Cleo")]


@pytest.fixture
def activity(database) -> ActivityService:
    return ActivityService(database, FakeClock(NOW), BERLIN)


def test_one_meeting_with_three_people_is_one_entry_in_each_timeline(activity, people) -> None:
    ada, bob, cleo = people
    logged = activity.log_interaction(ada, "meeting", "lunch", with_ids=[bob, cleo, ada])
    assert logged.with_ids == (bob, cleo)
    for person in people:
        (entry,) = activity.interactions(person)
        assert entry.id == logged.id and entry.note == "lunch"
        assert set(entry.people) == set(people)


def test_every_cadence_restarts(activity, people, contact_service) -> None:
    ada, bob, cleo = people
    for person in people:
        activity.set_cadence(person, 30)
    activity.clock.set(NOW + dt.timedelta(days=20))
    activity.log_interaction(bob, "meeting", with_ids=[cleo])
    due = {c.contact_id: c.due for c in activity.cadences()}
    assert due[bob] == due[cleo] == NOW + dt.timedelta(days=50)
    # Ada was not there: her clock still runs from when she was added.
    assert due[ada] != due[bob] and ada not in {i.contact_id for i in activity.interactions(bob)}
    # The contacts table's "last contact" column (the fast sqlite3 path) agrees.
    rows = {r.id: r for r in contact_service.summaries()}
    assert rows[cleo].last_contact == NOW + dt.timedelta(days=20)
    assert rows[ada].last_contact is None


def test_an_unknown_person_in_the_group_writes_nothing(activity, people) -> None:
    with pytest.raises(NotFoundError):
        activity.log_interaction(people[0], "meeting", with_ids=[people[1], 999])
    assert all(activity.interactions(p) == [] for p in people)


def test_undo_and_redo_of_a_group_log_announce_everyone(activity, people) -> None:
    runner = Runner()
    heard = []
    runner.subscribe(heard.append)
    ada, bob, cleo = people
    assert runner.run(LogInteraction(activity, ada, "meeting", with_ids=(bob, cleo)))
    assert heard[-1].activity_changed == set(people)
    assert runner.undo()
    assert all(activity.interactions(p) == [] for p in people)
    assert runner.redo()
    assert all(len(activity.interactions(p)) == 1 for p in people)


def test_deleting_the_first_person_and_undoing_keeps_the_group(activity, people,
                                                                contact_service) -> None:
    ada, bob, cleo = people
    activity.log_interaction(ada, "meeting", "coffee", with_ids=[bob, cleo])
    gone = contact_service.delete([ada])
    contact_service.restore(gone)
    (entry,) = activity.interactions(bob)
    assert entry.note == "coffee" and set(entry.people) == set(people)


def test_deleting_someone_else_in_the_group_and_undoing_puts_them_back(activity, people,
                                                                       contact_service) -> None:
    ada, bob, cleo = people
    activity.log_interaction(ada, "meeting", "coffee", with_ids=[bob, cleo])
    gone = contact_service.delete([cleo])
    (entry,) = activity.interactions(ada)
    assert set(entry.people) == {ada, bob}
    contact_service.restore(gone)
    (entry,) = activity.interactions(cleo)
    assert entry.note == "coffee" and set(entry.people) == set(people)
