"""The Events view: upcoming and past events, who was met, who was followed up since."""

from __future__ import annotations

import datetime as dt

import pytest

from netdesk.actions import Runner
from netdesk.domain.contact import Contact
from netdesk.domain.events import Event
from netdesk.services.events import EventService
from netdesk.ui.events_view import EventsView
from tests.helpers.zones import BERLIN


@pytest.fixture
def setup(qtbot, database, contact_service, activity, clock):
    events = EventService(database, clock, BERLIN)
    past = events.add(Event("PyData Berlin", "meetup", dt.date(2026, 11, 5), place="Berlin"))
    events.add(Event("FOSDEM", "conference", dt.date(2027, 2, 6), dt.date(2027, 2, 7)))
    events.add(Event("Python Discord", "online", place="https://discord.gg/python"))
    ids = [contact_service.create(Contact(display_name=n)).id for n in ("Ada", "Bob", "Cleo")]
    events.link(past.id, ids)
    activity.log_interaction(ids[1], "email", at=dt.datetime(2026, 11, 9, 10, tzinfo=dt.UTC))
    runner = Runner()
    view = EventsView(events, runner, resolve=contact_service.resolve)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view, events, runner, past, ids


def _rows(view: EventsView) -> list[list[str]]:
    tree = view.tree
    return [[tree.topLevelItem(i).text(c) for c in range(4)]
            for i in range(tree.topLevelItemCount())]


def test_upcoming_past_and_undated_events_with_met_and_followed_up(setup) -> None:
    view, *_ = setup
    assert _rows(view) == [
        ["Upcoming (1)", "", "", ""],
        ["FOSDEM", "Sat 6 Feb 2027 – 7 Feb", "conference", "nobody met yet"],
        ["Past (1)", "", "", ""],
        ["PyData Berlin", "Thu 5 Nov 2026", "meetup", "met 3, followed up with 1"],
        ["No date (1)", "", "", ""],
        ["Python Discord", "", "online community", "nobody met yet"],
    ]


def test_selecting_an_event_lists_who_still_needs_a_follow_up(setup) -> None:
    view, _events, _runner, past, _ids = setup
    view.select(past.id)
    assert view.title.text() == "PyData Berlin"
    assert "Met 3, followed up with 1" in view.info.text()
    people = [view.people.item(i).text() for i in range(view.people.count())]
    assert people == ["Ada — not followed up yet", "Bob — followed up",
                      "Cleo — not followed up yet"]


def test_activating_a_person_opens_the_contact(setup, qtbot) -> None:
    view, _events, _runner, past, ids = setup
    view.select(past.id)
    with qtbot.waitSignal(view.contactActivated) as opened:
        view.people.itemActivated.emit(view.people.item(2))
    assert opened.args == [ids[2]]


def test_new_event_through_the_dialog_and_a_bad_date_keeps_it_open(setup, qtbot) -> None:
    view, events, runner, *_ = setup
    dialog = view.new_event()
    dialog.name_edit.setText("Women in Tech")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("association"))
    dialog.start_edit.setText("3 March")
    dialog.accept()
    assert dialog.isVisible() and "not a date" in dialog.error.text()
    dialog.start_edit.setText("2027-03-03")
    dialog.accept()
    assert not dialog.isVisible()
    added = events.find("women in tech")
    assert (added.kind, added.start) == ("association", dt.date(2027, 3, 3))
    assert view.title.text() == "Women in Tech"  # the view followed the change event
    assert runner.undo() and "Women in Tech" not in [r[0] for r in _rows(view)]


def test_a_duplicate_name_is_refused_in_the_dialog(setup) -> None:
    view, events, *_ = setup
    dialog = view.new_event()
    dialog.name_edit.setText("fosdem")
    dialog.accept()
    assert dialog.isVisible() and "already an event called “FOSDEM”" in dialog.error.text()
    assert len(events.all()) == 3


def test_delete_and_undo(setup) -> None:
    view, events, runner, past, _ids = setup
    view.select(past.id)
    view.delete_event()
    assert [e.name for e in events.all()] == ["FOSDEM", "Python Discord"]
    assert runner.undo()
    assert "met 3, followed up with 1" in [r[3] for r in _rows(view)]


def test_add_people_met_by_name_and_undo(setup, contact_service) -> None:
    view, events, runner, *_ = setup
    contact_service.create(Contact(display_name="Dan Brown"))
    fosdem = events.find("FOSDEM")
    view.select(fosdem.id)
    dialog = view.add_people()
    dialog.setTextValue("Ada, dan brown")
    dialog.accept()
    assert [n for _, n in events.people(fosdem.id)] == ["Ada", "Dan Brown"]
    assert "met 2, followed up with" in view.summaries[fosdem.id].wording()
    assert runner.undo() and events.people(fosdem.id) == []


def test_add_people_with_an_unknown_name_links_nobody(setup) -> None:
    view, events, *_ = setup
    fosdem = events.find("FOSDEM")
    view.select(fosdem.id)
    assert not view.link_people(fosdem, "Ada, Nobody Here")
    assert events.people(fosdem.id) == []
