"""The dashboard's numbers on a generated store, counted here independently, and a click on
a bar listing the people behind it."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from PySide6.QtCore import Qt

from netdesk.domain.activity import CHANNELS
from netdesk.services.stats import StatsService
from netdesk.ui.dashboard import Dashboard
from tests.helpers.network_data import generate
from tests.helpers.zones import BERLIN, NOW


@pytest.fixture(scope="module")
def network(tmp_path_factory):
    from netdesk.store.db import open_database

    database = open_database(tmp_path_factory.mktemp("dash"))
    net = generate(database, NOW)
    yield database, net
    database.dispose()


@pytest.fixture
def numbers(network, clock):
    database, _net = network
    return StatsService(database, clock, BERLIN).compute()


def _local(at: dt.datetime) -> dt.date:
    return at.astimezone(BERLIN).date()


def test_new_people_per_month(network, numbers) -> None:
    _db, net = network
    counted = Counter((_local(at).year, _local(at).month) for at in net.created.values())
    today = _local(NOW)
    months = []
    year, month = today.year, today.month
    for _ in range(12):
        months.append(counted[(year, month)])
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    assert [b.value for b in numbers.new_people_per_month] == months[::-1]
    assert numbers.new_people_per_month[-1].label == "Nov 2026"
    assert sum(months) < len(net.created)  # some people are older than 12 months


def test_interactions_per_week_by_channel(network, numbers) -> None:
    _db, net = network
    monday = _local(NOW) - dt.timedelta(days=_local(NOW).weekday())
    weeks = [monday - dt.timedelta(weeks=n) for n in range(11, -1, -1)]
    for week, bar in zip(weeks, numbers.interactions_per_week, strict=True):
        inside = [(c, p) for at, c, p in net.interactions
                  if week <= _local(at) < week + dt.timedelta(days=7)]
        assert bar.value == len(inside)  # a group interaction counts once
        assert {c: bar.parts[c].value for c in CHANNELS} == {
            c: sum(1 for ch, _ in inside if ch == c) for c in CHANNELS}
        assert bar.contact_ids == {cid for _, people in inside for cid in people}


def test_followups_on_time_late_and_overdue(network, numbers) -> None:
    _db, net = network
    on_time = sum(1 for _, due, done in net.followups if done is not None and done <= due)
    late = sum(1 for _, due, done in net.followups if done is not None and done > due)
    overdue = sum(1 for _, due, done in net.followups if done is None and due < NOW)
    assert [(b.label, b.value) for b in numbers.followups] == [
        ("on time", on_time), ("late", late), ("open, overdue", overdue)]
    assert on_time and late and overdue


def _last_touch(net) -> dict[int, dt.datetime]:
    last: dict[int, dt.datetime] = {}
    for at, _c, people in net.interactions:
        for cid in people:
            last[cid] = max(last.get(cid, at), at)
    return last


def test_lapsed_keep_in_touch_dates(network, numbers) -> None:
    _db, net = network
    last = _last_touch(net)
    lapsed = {cid: NOW - (last.get(cid, net.created[cid]) + dt.timedelta(days=days))
              for cid, days in net.cadences.items()}
    lapsed = {cid: ago for cid, ago in lapsed.items() if ago > dt.timedelta(0)}
    longest = sorted(lapsed.values(), reverse=True)[:15]
    assert [b.value for b in numbers.lapsed] == [ago.days for ago in longest]
    assert all(len(b.contact_ids) == 1 for b in numbers.lapsed)


def test_events_with_the_most_lasting_contacts(network, numbers) -> None:
    _db, net = network
    touches: dict[int, list[dt.datetime]] = {}
    for at, _c, people in net.interactions:
        for cid in people:
            touches.setdefault(cid, []).append(at)
    for cid, _due, done in net.followups:
        if done is not None:
            touches.setdefault(cid, []).append(done)
    expected = {}
    for name, day, met in net.events.values():
        lasting = {cid for cid in met
                   if any((_local(at) - day).days >= 90 for at in touches.get(cid, ()))}
        if lasting:
            expected[name] = lasting
    got = {b.label: b.contact_ids for b in numbers.lasting_by_event}
    top = sorted(expected.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:10]
    assert got == dict(top) and got


def test_clicking_a_bar_lists_the_people_behind_it(network, qtbot, clock) -> None:
    database, _net = network
    from netdesk.services.contacts import ContactService

    contacts = ContactService(database)
    view = Dashboard(StatsService(database, clock, BERLIN), contacts)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.numbers is not None)  # counted on first show, off the GUI
    chart = view.charts["followUpsChart"]
    late = view.numbers.followups[1]
    chart.grab()  # paint now: where the bars are is known once they are drawn
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_centre(1).toPoint())
    assert view.people_title.text() == f"late: {len(late.contact_ids)} people"
    names = {view.people.item(i).text() for i in range(view.people.count())}
    assert names == {r.name for r in contacts.summaries(ids=sorted(late.contact_ids))}
    with qtbot.waitSignal(view.contactActivated) as opened:
        view.people.itemActivated.emit(view.people.item(0))
    assert opened.args[0] in late.contact_ids
    contacts.close()


def test_a_change_while_shown_is_counted_again(qtbot, database, contact_service) -> None:
    from netdesk.actions import Runner
    from netdesk.actions.contacts import CreateContact
    from netdesk.domain.contact import Contact

    runner = Runner()
    # The system clock: the store stamps new contacts with the real time.
    view = Dashboard(StatsService(database, tz=BERLIN), contact_service, runner)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.numbers is not None)
    assert view.numbers.new_people_per_month[-1].value == 0
    assert runner.run(CreateContact(contact_service, Contact(display_name="Ada")))
    assert runner.run(CreateContact(contact_service, Contact(display_name="Bob")))
    qtbot.waitUntil(lambda: view.numbers.new_people_per_month[-1].value == 2)
