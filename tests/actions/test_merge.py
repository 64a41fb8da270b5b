"""MergeContacts: one history step; undo puts both contacts back with their ids and activity."""

from __future__ import annotations

from netdesk.actions.merge import MergeContacts
from netdesk.domain.contact import Contact, LabeledValue
from netdesk.services.merge import MergeService


def test_merge_undo_redo_through_the_runner(runner, contact_service, database, clock) -> None:
    amara = contact_service.create(Contact(display_name="Amara Okafor", org="Okafor & Co",
                                           emails=[LabeledValue("amara@okafor.example")]))
    twin = contact_service.create(Contact(display_name="Amara Okafor", title="Founder",
                                          emails=[LabeledValue("AMARA@okafor.example")],
                                          phones=[LabeledValue("+49 30 1234567")]))
    before = contact_service.get_many([amara.id, twin.id])
    command = MergeContacts(MergeService(database, clock), amara.id, [twin.id], {},
                            "Amara Okafor")
    outcome = runner.run(command)
    assert outcome.ok, outcome.message
    assert command.label == "Merge 1 contact into Amara Okafor"
    assert contact_service.count() == 1
    survivor = contact_service.get(amara.id)
    assert survivor.title == "Founder" and survivor.phones[0].value == "+49 30 1234567"
    assert runner.events[-1].bulk
    assert runner.undo().ok
    assert contact_service.get_many([amara.id, twin.id]) == before
    assert runner.redo().ok
    assert contact_service.count() == 1
    assert runner.undo().ok
    assert contact_service.get_many([amara.id, twin.id]) == before
    assert len(runner.events) == 4
