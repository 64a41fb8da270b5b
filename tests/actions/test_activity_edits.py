"""Editing and deleting logged interactions and follow-ups: each one undo step that puts
back exactly what was there (same ids, same people, same snooze)."""

from __future__ import annotations

import datetime as dt

from netdesk.actions.activity import (
    DeleteFollowUp,
    DeleteInteraction,
    EditFollowUp,
    EditInteraction,
    RemoveFromInteraction,
)
from netdesk.domain.contact import Contact
from tests.helpers.zones import NOW


def _people(contact_service, *names: str) -> list[int]:
    return [contact_service.create(Contact(display_name=n)).id for n in names]


def test_edit_interaction_undo_redo(runner, contact_service, activity) -> None:
    (ada,) = _people(contact_service, "Ada")
    logged = activity.log_interaction(ada, "call", "first note", NOW - dt.timedelta(days=2))
    earlier = NOW - dt.timedelta(days=3)
    assert runner.run(EditInteraction(activity, logged.id, "meeting", " lunch ", earlier,
                                      name="Ada"))
    (now,) = activity.interactions(ada)
    assert (now.id, now.channel, now.note, now.at) == (logged.id, "meeting", "lunch", earlier)
    assert runner.events[-1].activity_changed == {ada}
    assert runner.undo_label() == "Edit the interaction with Ada"
    runner.undo()
    (back,) = activity.interactions(ada)
    assert (back.id, back.channel, back.note, back.at) == (logged.id, "call", "first note",
                                                           logged.at)
    runner.redo()
    assert activity.interactions(ada)[0].channel == "meeting"


def test_edit_interaction_refuses_a_bad_channel_and_changes_nothing(runner, contact_service,
                                                                    activity) -> None:
    (ada,) = _people(contact_service, "Ada")
    logged = activity.log_interaction(ada, "call", "note")
    outcome = runner.run(EditInteraction(activity, logged.id, "pigeon", "x", NOW))
    assert not outcome and "unknown channel" in outcome.message
    assert activity.interactions(ada)[0].channel == "call"
    assert not runner.can_undo()


def test_delete_group_interaction_for_all_and_undo_keeps_id_and_people(
        runner, contact_service, activity) -> None:
    ada, bob, cy = _people(contact_service, "Ada", "Bob", "Cy")
    meeting = activity.log_interaction(ada, "meeting", "kick-off", with_ids=(bob, cy))
    runner.run(DeleteInteraction(activity, meeting.id, name="Ada"))
    assert runner.events[-1].activity_changed == {ada, bob, cy}
    assert all(activity.interactions(c) == [] for c in (ada, bob, cy))
    runner.undo()
    for c in (ada, bob, cy):
        (back,) = activity.interactions(c)
        assert back.id == meeting.id and back.people == (ada, bob, cy)


def test_remove_one_person_from_a_group_interaction(runner, contact_service, activity) -> None:
    ada, bob, cy = _people(contact_service, "Ada", "Bob", "Cy")
    meeting = activity.log_interaction(ada, "meeting", "kick-off", with_ids=(bob, cy))
    # Ada started it: the next person becomes its first, the others keep it.
    runner.run(RemoveFromInteraction(activity, meeting.id, ada, name="Ada"))
    assert activity.interactions(ada) == []
    assert [i.people for i in activity.interactions(bob)] == [(bob, cy)]
    assert [i.id for i in activity.interactions(cy)] == [meeting.id]
    assert runner.events[-1].activity_changed == {ada, bob, cy}
    runner.undo()
    assert [i.people for i in activity.interactions(ada)] == [(ada, bob, cy)]
    runner.redo()
    runner.run(RemoveFromInteraction(activity, meeting.id, cy, name="Cy"))
    assert [i.people for i in activity.interactions(bob)] == [(bob,)]
    # The last one left cannot be "removed": that is a delete.
    outcome = runner.run(RemoveFromInteraction(activity, meeting.id, bob))
    assert not outcome and "delete it instead" in outcome.message


def test_edit_follow_up_note_keeps_the_snooze_new_time_ends_it(runner, contact_service,
                                                               activity) -> None:
    (ada,) = _people(contact_service, "Ada")
    f = activity.add_followup(ada, NOW + dt.timedelta(days=1), "slides")
    snoozed = activity.snooze(f.id, "next_week")
    runner.run(EditFollowUp(activity, f.id, snoozed.effective_due, "send the slides", "Ada"))
    kept = activity.get_followup(f.id)
    assert (kept.note, kept.due, kept.snoozed_until) == ("send the slides", f.due,
                                                         snoozed.snoozed_until)
    later = NOW + dt.timedelta(days=20)
    runner.run(EditFollowUp(activity, f.id, later, "send the slides", "Ada"))
    moved = activity.get_followup(f.id)
    assert (moved.due, moved.snoozed_until, moved.effective_due) == (later, None, later)
    runner.undo()
    runner.undo()
    back = activity.get_followup(f.id)
    assert (back.note, back.due, back.snoozed_until) == ("slides", f.due,
                                                         snoozed.snoozed_until)


def test_delete_follow_up_undo_restores_the_same_row(runner, contact_service, activity) -> None:
    (ada,) = _people(contact_service, "Ada")
    f = activity.add_followup(ada, NOW + dt.timedelta(days=1), "slides")
    activity.snooze(f.id, "tomorrow")
    before = activity.get_followup(f.id)
    runner.run(DeleteFollowUp(activity, f.id, name="Ada"))
    assert activity.followups(ada) == []
    assert runner.events[-1].activity_changed == {ada}
    assert activity.due(horizon=dt.timedelta(days=30)) == []
    runner.undo()
    assert activity.get_followup(f.id) == before
    assert [d.followup_id for d in activity.due(horizon=dt.timedelta(days=30))] == [f.id]
    runner.redo()
    assert activity.followups(ada) == []
