"""Every command over the real services: do, undo and redo change the store, and each step
publishes what it touched."""

from __future__ import annotations

import dataclasses
import datetime as dt

from netdesk.actions.activity import (
    AddFollowUp,
    DeleteInteraction,
    LogInteraction,
    MarkDone,
    SetCadence,
    Snooze,
)
from netdesk.actions.contacts import (
    ChangeTags,
    CreateContact,
    DeleteContacts,
    EditContact,
    SetTagCadence,
)
from netdesk.actions.transfer import RecordImport
from netdesk.domain.contact import Contact, LabeledValue
from netdesk.services.transfer import TransferService
from tests.helpers.zones import NOW

CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:uuid:new-1\r\nFN:Nora New\r\nN:New;Nora;;;\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:uuid:ada\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n"
    "TITLE:Analyst\r\nEND:VCARD\r\n"
)


def names(contact_service) -> list[str]:
    return sorted(s.name for s in contact_service.summaries())


def test_create_undo_redo(runner, contact_service) -> None:
    command = CreateContact(contact_service, Contact(display_name="Ada Lovelace"))
    assert runner.run(command).ok
    cid = command.created.id
    assert runner.events[-1].contacts_changed == {cid}
    assert runner.undo().ok and names(contact_service) == []
    assert runner.events[-1].contacts_removed == {cid}
    assert runner.redo().ok and names(contact_service) == ["Ada Lovelace"]


def test_a_create_the_service_refuses_is_not_in_the_history(runner, contact_service) -> None:
    bad = Contact(display_name="X", emails=[LabeledValue("not an address")])
    outcome = runner.run(CreateContact(contact_service, bad))
    assert not outcome.ok and "not an e-mail address" in outcome.message
    assert not runner.can_undo()


def test_edit_undo_redo(runner, contact_service) -> None:
    ada = contact_service.create(Contact(display_name="Ada", org="Analytical"))
    edited = dataclasses.replace(ada, org="Babbage & Co")
    runner.run(EditContact(contact_service, edited))
    assert contact_service.get(ada.id).org == "Babbage & Co"
    runner.undo()
    assert contact_service.get(ada.id).org == "Analytical"
    runner.redo()
    assert contact_service.get(ada.id).org == "Babbage & Co"


def test_delete_undo_brings_back_the_contact_and_its_activity(runner, contact_service,
                                                              activity) -> None:
    ada = contact_service.create(Contact(display_name="Ada"))
    activity.log_interaction(ada.id, "call", "hello")
    command = DeleteContacts(contact_service, [ada.id])
    assert runner.run(command).ok and command.label == "Delete Ada"
    assert runner.events[-1].contacts_removed == {ada.id}
    runner.undo()
    assert [i.note for i in activity.interactions(ada.id)] == ["hello"]
    runner.redo()
    assert names(contact_service) == []


def test_undo_of_a_delete_whose_id_was_taken_meanwhile_restores_under_a_new_id(
    runner, contact_service, activity
) -> None:
    """Another program (the CLI, an older netdesk) reused the id: the contact still comes
    back, with its activity, and a redo deletes the restored one, not the newcomer."""
    old = contact_service.create(Contact(display_name="Clara Old"))
    activity.log_interaction(old.id, "call", "met at the meetup")
    runner.run(DeleteContacts(contact_service, [old.id]))
    TransferService(contact_service.db).import_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nora New\r\nEND:VCARD\r\n")
    assert runner.undo().ok
    assert names(contact_service) == ["Clara Old", "Nora New"]
    back = contact_service.resolve("Clara Old")
    assert [i.note for i in activity.interactions(back.id)] == ["met at the meetup"]
    runner.redo()
    assert names(contact_service) == ["Nora New"]


def test_tag_changes_undo_redo(runner, contact_service) -> None:
    ada = contact_service.create(Contact(display_name="Ada", tags=["old"]))
    runner.run(ChangeTags(contact_service, [ada.id], add=["founder"], remove=["old"]))
    assert contact_service.get(ada.id).tags == ["founder"]
    runner.undo()
    assert contact_service.get(ada.id).tags == ["old"]
    runner.redo()
    assert contact_service.get(ada.id).tags == ["founder"]


def test_tag_cadence_is_a_bulk_change(runner, contact_service) -> None:
    contact_service.create(Contact(display_name="Ada", tags=["founder"]))
    runner.run(SetTagCadence(contact_service, "founder", 30))
    assert runner.events[-1].bulk
    assert [t.keep_in_touch_days for t in contact_service.tags()] == [30]
    runner.undo()
    assert [t.keep_in_touch_days for t in contact_service.tags()] == [None]


def test_log_interaction_undo_redo_keeps_the_moment(runner, contact_service, activity,
                                                    clock) -> None:
    ada = contact_service.create(Contact(display_name="Ada"))
    runner.run(LogInteraction(activity, ada.id, "call", "hi", name="Ada"))
    assert runner.events[-1].activity_changed == {ada.id}
    runner.undo()
    assert activity.interactions(ada.id) == []
    clock.advance(hours=3)
    runner.redo()
    assert [i.at for i in activity.interactions(ada.id)] == [NOW]


def test_delete_interaction_undo(runner, contact_service, activity) -> None:
    ada = contact_service.create(Contact(display_name="Ada"))
    logged = activity.log_interaction(ada.id, "call")
    runner.run(DeleteInteraction(activity, logged.id))
    assert activity.interactions(ada.id) == []
    runner.undo()
    assert [i.id for i in activity.interactions(ada.id)] == [logged.id]


def test_follow_up_done_and_snooze_undo_redo(runner, contact_service, activity) -> None:
    ada = contact_service.create(Contact(display_name="Ada"))
    add = AddFollowUp(activity, ada.id, NOW + dt.timedelta(days=1), "send slides", name="Ada")
    runner.run(add)
    fid = add.added.id
    runner.run(Snooze(activity, fid, "next_week", name="Ada"))
    snoozed = activity.get_followup(fid).snoozed_until
    assert snoozed is not None and runner.undo_label().startswith("Snoozed Ada until")
    runner.run(MarkDone(activity, fid, name="Ada"))
    assert activity.get_followup(fid).is_done
    runner.undo()
    assert not activity.get_followup(fid).is_done
    runner.undo()
    assert activity.get_followup(fid).snoozed_until is None
    runner.redo()
    assert activity.get_followup(fid).snoozed_until == snoozed
    runner.undo()
    runner.undo()
    assert activity.followups(ada.id) == []


def test_cadence_undo(runner, contact_service, activity) -> None:
    ada = contact_service.create(Contact(display_name="Ada", keep_in_touch_days=14))
    runner.run(SetCadence(activity, ada.id, 30, before=14, name="Ada"))
    assert contact_service.get(ada.id).keep_in_touch_days == 30
    runner.undo()
    assert contact_service.get(ada.id).keep_in_touch_days == 14


def test_import_undo_removes_what_it_created_and_restores_what_it_updated(
    runner, contact_service
) -> None:
    ada = contact_service.create(
        Contact(display_name="Ada Lovelace", uid="urn:uuid:ada", title="Countess"))
    report = TransferService(contact_service.db).import_bytes(CARD.encode())
    assert (report.created, report.updated) == (1, 1)
    assert runner.run(RecordImport(contact_service, report)).ok
    assert runner.events[-1].bulk
    assert contact_service.get(ada.id).title == "Analyst"
    runner.undo()
    assert names(contact_service) == ["Ada Lovelace"]
    assert contact_service.get(ada.id).title == "Countess"
    runner.redo()
    assert names(contact_service) == ["Ada Lovelace", "Nora New"]
    assert contact_service.get(ada.id).title == "Analyst"
