"""The in-memory dates index gives exactly what the rule (domain.dates.date_reminders) gives,
for random address books, every kind of day (29 February, year unknown, leap years), every
default and horizon, and after contacts change one by one; the service built on it answers
at once after its own settings change and after any other connection's commit."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from netdesk.domain.contact import Contact, PartialDate
from netdesk.domain.dates import DatesInput, date_reminders
from netdesk.services.date_index import DateIndex

TODAYS = [
    dt.date(2027, 1, 1),
    dt.date(2027, 2, 27),
    dt.date(2027, 3, 1),
    dt.date(2028, 2, 28),
    dt.date(2028, 2, 29),
    dt.date(2028, 12, 30),
    dt.date(2026, 12, 31),
]


def _random_input(rnd: random.Random, cid: int) -> DatesInput:
    def date() -> PartialDate | None:
        roll = rnd.random()
        if roll < 0.3:
            return None
        if roll < 0.4:
            return PartialDate(rnd.choice([None, 1988, 2000]), 2, 29)
        month = rnd.randrange(1, 13)
        day = rnd.randrange(1, 31 if month != 2 else 29)
        return PartialDate(rnd.choice([None, rnd.randrange(1930, 2027)]), month, day)

    own = rnd.choice([None, None, None, 0, 1, 7, 60])
    return DatesInput(cid, rnd.choice(["Ann", "bob", "Åsa", "Zoë", "ann"]), date(), date(), own)


@pytest.mark.parametrize("seed", range(4))
def test_index_matches_the_rule(seed: int) -> None:
    rnd = random.Random(seed)
    inputs = [_random_input(rnd, cid) for cid in range(1, 400)]
    index = DateIndex(inputs)
    for today in TODAYS:
        for default in (None, 0, 3, 60):
            for horizon in (None, 0, 1, 8, 61, 400):
                want = date_reminders(inputs, today, default, horizon)
                assert index.reminders(today, default, horizon) == want
                assert index.reminders(today, default, horizon) == want  # the kept answer
            for c in inputs[:30]:
                assert index.reminders_for(c.contact_id, today, default) == [
                    r for r in date_reminders([c], today, default)
                ]


def test_index_follows_changes_one_contact_at_a_time() -> None:
    rnd = random.Random(99)
    current = {cid: _random_input(rnd, cid) for cid in range(1, 200)}
    index = DateIndex(current.values())
    today = dt.date(2027, 6, 15)
    index.reminders(today, 3, 8)  # an answer kept, to be dropped by the changes
    for step in range(300):
        cid = rnd.randrange(1, 260)
        if rnd.random() < 0.25:
            current.pop(cid, None)
            index.put(cid, None)  # deleted, or its dates removed
        else:
            current[cid] = _random_input(rnd, cid)
            index.put(cid, current[cid])
        if step % 15 == 0:
            today += dt.timedelta(days=rnd.randrange(0, 40))
        for default, horizon in ((3, 8), (None, None), (0, 0), (60, 30)):
            assert index.reminders(today, default, horizon) == date_reminders(
                current.values(), today, default, horizon
            )


def test_a_name_change_shows_in_the_kept_reminders() -> None:
    c = DatesInput(1, "Ann", PartialDate(1990, 6, 16), None, None)
    index = DateIndex([c])
    today = dt.date(2027, 6, 15)
    assert [r.name for r in index.reminders(today, 3, 8)] == ["Ann"]
    index.put(1, dataclasses.replace(c, name="Anna"))
    assert [r.name for r in index.reminders(today, 3, 8)] == ["Anna"]
    assert index.reminders_for(1, today, 3)[0].name == "Anna"


# -- the service over a real store ----------------------------------------------------------

NOW = dt.datetime(2027, 6, 15, 12, 0, tzinfo=dt.UTC)


class _Clock:
    def now(self) -> dt.datetime:
        return NOW


def test_service_answers_after_its_own_settings_and_other_commits(
    database, contact_service
) -> None:
    from netdesk.services.dates import DateReminderService

    dates = DateReminderService(database, _Clock(), dt.UTC)
    week = dt.timedelta(days=8)
    ann = contact_service.create(Contact("Ann", birthday=PartialDate(1990, 6, 20)))
    assert dates.due(NOW, week) == [] and dates.full_reads == 1  # no default: no reminder
    dates.set_contact_days_before(ann.id, 10)  # this service's own write
    assert [(i.name, i.due.date()) for i in dates.due(NOW, week)] == [("Ann", dt.date(2027, 6, 10))]
    assert dates.reminders_for(ann.id)[0].years == 37
    dates.set_contact_days_before(ann.id, None)
    assert dates.due(NOW, week) == []
    dates.set_default_days_before(2)
    assert [i.name for i in dates.due(NOW, week)] == ["Ann"]
    dates.set_reminder_hour(18)
    assert dates.due(NOW, week)[0].due == dt.datetime(2027, 6, 18, 18, tzinfo=dt.UTC)
    assert dates.full_reads == 1  # settings never re-read the contacts
    # A commit by another connection, nobody telling the service: seen at the next check.
    contact_service.update(
        dataclasses.replace(contact_service.get(ann.id), birthday=PartialDate(None, 6, 16))
    )
    assert [(i.name, i.note) for i in dates.due(NOW, week)] == [("Ann", "Birthday on 2027-06-16")]
    assert dates.full_reads == 2
    # Announced through contacts_changed: only that contact is read again.
    contact_service.update(dataclasses.replace(contact_service.get(ann.id), birthday=None))
    dates.contacts_changed([ann.id])
    assert dates.due(NOW, week) == [] and dates.full_reads == 2
    dates.close()
    assert dates.due(NOW, week) == []  # a closed service opens its connection again
