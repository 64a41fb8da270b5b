"""A deleted row's id is never handed to a new row, so undo restores exactly what was deleted.

The crash this guards against: delete the newest contact, import a card (it used to get the
deleted contact's id, since SQLite hands out max(id)+1), undo the delete -> the restore
collided with the newcomer.
"""

from __future__ import annotations

import datetime as dt

from netdesk.domain.contact import Contact, LabeledValue
from netdesk.services.transfer import TransferService


def _person(name: str) -> Contact:
    first = name.split(maxsplit=1)[0].lower()
    return Contact(display_name=name, emails=[LabeledValue(f"{first}@ex.org")])


CARD = (b"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:uuid:imported-1\r\nFN:Person 00000\r\n"
        b"N:00000;Person;;;\r\nEMAIL:person0@example.org\r\nEND:VCARD\r\n")


def test_an_import_after_deleting_the_newest_contact_gets_a_new_id(
        database, contact_service) -> None:
    contact_service.create(_person("Ada Lovelace"))
    newest = contact_service.create(_person("Grace Hopper"))
    deletion = contact_service.delete([newest.id])

    report = TransferService(database).import_bytes(CARD, "one.vcf")
    assert report.created == 1
    (imported,) = [s for s in contact_service.summaries() if s.name == "Person 00000"]
    assert imported.id > newest.id

    contact_service.restore(deletion)
    restored = contact_service.get(newest.id)
    assert restored.display_name == "Grace Hopper"
    assert [e.value for e in restored.emails] == ["grace@ex.org"]
    assert contact_service.count() == 3


def test_a_new_contact_after_a_delete_and_a_restart_gets_a_new_id(data_dir) -> None:
    from netdesk.services.contacts import ContactService
    from netdesk.store.db import open_database

    database = open_database(data_dir)
    service = ContactService(database)
    gone = service.create(_person("Grace Hopper"))
    service.delete([gone.id])
    service.close()
    database.dispose()

    database = open_database(data_dir)
    service = ContactService(database)
    try:
        assert service.create(_person("Ada Lovelace")).id > gone.id
    finally:
        service.close()
        database.dispose()


def test_interactions_and_follow_ups_never_reuse_ids(database, contact_service) -> None:
    from netdesk.services.activity import ActivityService
    from tests.helpers.fakes import FakeClock
    from tests.helpers.zones import BERLIN, NOW

    clock = FakeClock(NOW)
    activity = ActivityService(database, clock, BERLIN)
    person = contact_service.create(_person("Ada Lovelace"))
    at = clock.now() - dt.timedelta(days=1)
    first = activity.log_interaction(person.id, "call", "first", at=at)
    newest = activity.log_interaction(person.id, "call", "second", at=at)
    activity.delete_interaction(newest.id)
    assert activity.log_interaction(person.id, "call", "third", at=at).id > newest.id
    assert first.id < newest.id

    due = clock.now() + dt.timedelta(days=2)
    follow_up = activity.add_followup(person.id, due, "send the intro")
    activity.delete_followup(follow_up.id)
    assert activity.add_followup(person.id, due, "again").id > follow_up.id
