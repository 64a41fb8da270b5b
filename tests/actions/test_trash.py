"""The trash through the runner: a delete survives a restart in the trash, restores with its
activity, empties by the user or by age; undo covers each step."""

from __future__ import annotations

import datetime as dt

from netdesk.actions.trash import EmptyTrash, RestoreFromTrash, TrashContacts
from netdesk.domain.contact import Contact, LabeledValue, PartialDate
from netdesk.services.trash import TrashService


def _people(contact_service, *names: str) -> list[int]:
    return [contact_service.create(Contact(display_name=n, emails=[LabeledValue(
        f"{n.split()[0].lower()}@example.org", "work")])).id for n in names]


def test_deleted_contacts_wait_in_the_trash_after_a_restart(database, data_dir, clock,
                                                            contact_service, activity,
                                                            runner) -> None:
    ada, bob = _people(contact_service, "Ada Lovelace", "Bob Marley")
    photo = bytes(range(256))
    contact_service.update(Contact(**{**_as_dict(contact_service.get(ada)), "photo": photo,
                                      "photo_mime": "image/png",
                                      "birthday": PartialDate(None, 12, 10)}))
    activity.log_interaction(ada, "call", "about engines")
    activity.add_followup(ada, clock.now() + dt.timedelta(days=3), "send notes")
    trash = TrashService(database, clock)
    assert runner.run(TrashContacts(trash, [ada, bob]))
    assert contact_service.count() == 0
    assert runner.events[-1].trash and runner.events[-1].contacts_removed == {ada, bob}

    # A new process over the same file: the undo history is gone, the trash is not.
    from netdesk.store.db import open_database

    reopened = open_database(data_dir)
    later = TrashService(reopened, clock)
    entries = later.entries()
    assert sorted(e.name for e in entries) == ["Ada Lovelace", "Bob Marley"]
    (ada_entry,) = [e for e in entries if e.name == "Ada Lovelace"]
    assert runner.run(RestoreFromTrash(later, [ada_entry.id]))
    back = contact_service.get(ada)
    assert back.photo == photo and back.birthday == PartialDate(None, 12, 10)
    assert [e.value for e in back.emails] == ["ada@example.org"]
    assert [i.note for i in activity.interactions(ada)] == ["about engines"]
    assert [f.note for f in activity.followups(ada)] == ["send notes"]
    assert [e.name for e in later.entries()] == ["Bob Marley"]

    assert runner.undo()  # the restore: Ada goes back to the trash
    assert contact_service.count() == 0 and len(later.entries()) == 2
    reopened.dispose()


def test_undo_of_a_delete_empties_its_trash_entries(database, clock, contact_service,
                                                    runner) -> None:
    (ada,) = _people(contact_service, "Ada Lovelace")
    trash = TrashService(database, clock)
    runner.run(TrashContacts(trash, [ada]))
    assert runner.undo()
    assert contact_service.get(ada).display_name == "Ada Lovelace"
    assert trash.entries() == []
    assert runner.redo() and contact_service.count() == 0 and len(trash.entries()) == 1


def test_emptying_is_undoable_and_old_entries_expire(database, clock, contact_service,
                                                     runner) -> None:
    old, new = _people(contact_service, "Old Timer", "New Comer")
    trash = TrashService(database, clock)
    runner.run(TrashContacts(trash, [old]))
    clock.advance(days=20)
    runner.run(TrashContacts(trash, [new]))
    assert runner.run(EmptyTrash(trash))
    assert trash.entries() == []
    assert runner.undo() and len(trash.entries()) == 2

    clock.advance(days=11)  # "Old Timer" was deleted 31 days ago, "New Comer" 11
    assert trash.purge_expired() == 1
    assert [e.name for e in trash.entries()] == ["New Comer"]


def test_restoring_under_a_taken_id_gives_a_new_one(database, clock, contact_service,
                                                    runner) -> None:
    (ada,) = _people(contact_service, "Ada Lovelace")
    trash = TrashService(database, clock)
    runner.run(TrashContacts(trash, [ada]))
    # Something else holds Ada's old id by now.
    from netdesk.services.contacts import Deletion

    contact_service.restore(Deletion([Contact(display_name="Impostor", id=ada)], [], []))
    (entry,) = trash.entries()
    command = RestoreFromTrash(trash, [entry.id])
    assert runner.run(command)
    (new_id,) = command.restored.contact_ids
    assert new_id != ada and contact_service.get(new_id).display_name == "Ada Lovelace"
    assert contact_service.get(ada).display_name == "Impostor"


def _as_dict(contact: Contact) -> dict:
    import dataclasses

    return {f.name: getattr(contact, f.name) for f in dataclasses.fields(contact)}


def test_restore_of_nothing_is_reported(database, clock, runner) -> None:
    outcome = runner.run(RestoreFromTrash(TrashService(database, clock), [12345]))
    assert not outcome.ok and "no longer in the trash" in outcome.message
