"""Commands for activity: log an interaction, add a follow-up, done, snooze, a cadence."""

from __future__ import annotations

import datetime as dt

from netdesk.actions.events import ChangeEvent
from netdesk.domain.activity import FollowUp, Interaction
from netdesk.services.activity import ActivityService, format_local


def _touch(contact_id: int) -> ChangeEvent:
    return ChangeEvent.of(activity=[contact_id])


class LogInteraction:
    def __init__(self, activity: ActivityService, contact_id: int, channel: str = "other",
                 note: str = "", at: dt.datetime | None = None, name: str = "",
                 label: str = "", with_ids: tuple[int, ...] = ()) -> None:
        self.activity = activity
        self.contact_id, self.channel, self.note, self.at = contact_id, channel, note, at
        self.with_ids = with_ids
        self.logged: Interaction | None = None
        self.label = label or (f"Log an interaction with {name}" if name
                               else "Log an interaction")

    def do(self) -> ChangeEvent:
        self.logged = self.activity.log_interaction(self.contact_id, self.channel, self.note,
                                                    self.at, self.with_ids)
        # Redo logs the same moment again, not "now".
        self.at = self.logged.at
        return ChangeEvent.of(activity=self.logged.people)

    def undo(self) -> ChangeEvent:
        assert self.logged is not None and self.logged.id is not None
        self.activity.delete_interaction(self.logged.id)
        return ChangeEvent.of(activity=self.logged.people)

    def redo(self) -> ChangeEvent:
        assert self.logged is not None
        self.activity.restore_interaction(self.logged)
        return ChangeEvent.of(activity=self.logged.people)


class DeleteInteraction:
    """Delete an interaction for everyone in it; undo puts back the same row (same id)."""

    def __init__(self, activity: ActivityService, interaction_id: int, name: str = "") -> None:
        self.activity = activity
        self.interaction_id = interaction_id
        self.gone: Interaction | None = None
        self.label = (f"Delete the interaction with {name}" if name
                      else "Delete an interaction")

    def do(self) -> ChangeEvent:
        self.gone = self.activity.delete_interaction(self.interaction_id)
        return ChangeEvent.of(activity=self.gone.people)

    def undo(self) -> ChangeEvent:
        assert self.gone is not None
        self.activity.restore_interaction(self.gone)
        return ChangeEvent.of(activity=self.gone.people)

    def redo(self) -> ChangeEvent:
        return self.do()


class AddFollowUp:
    def __init__(self, activity: ActivityService, contact_id: int, due: dt.datetime,
                 note: str = "", name: str = "") -> None:
        self.activity = activity
        self.contact_id, self.due, self.note = contact_id, due, note
        self.added: FollowUp | None = None
        self.label = f"Add a follow-up with {name}" if name else "Add a follow-up"

    def do(self) -> ChangeEvent:
        self.added = self.activity.add_followup(self.contact_id, self.due, self.note)
        return _touch(self.contact_id)

    def undo(self) -> ChangeEvent:
        assert self.added is not None and self.added.id is not None
        self.activity.delete_followup(self.added.id)
        return _touch(self.contact_id)

    def redo(self) -> ChangeEvent:
        return self.do()


class MarkDone:
    def __init__(self, activity: ActivityService, followup_id: int, name: str = "") -> None:
        self.activity = activity
        self.followup_id = followup_id
        self.contact_id = -1
        self.label = f"Done: {name}" if name else "Mark a follow-up done"

    def do(self) -> ChangeEvent:
        self.contact_id = self.activity.done(self.followup_id).contact_id
        return _touch(self.contact_id)

    def undo(self) -> ChangeEvent:
        self.activity.reopen(self.followup_id)
        return _touch(self.contact_id)

    def redo(self) -> ChangeEvent:
        return self.do()


class Snooze:
    """``until`` is "hour", "tomorrow", "next_week" or an aware datetime."""

    def __init__(self, activity: ActivityService, followup_id: int, until: str | dt.datetime,
                 name: str = "") -> None:
        self.activity = activity
        self.followup_id, self.until = followup_id, until
        self.before: dt.datetime | None = None
        self.after: FollowUp | None = None
        self.name = name
        self.label = f"Snooze {name}" if name else "Snooze a follow-up"

    def do(self) -> ChangeEvent:
        self.before = self.activity.get_followup(self.followup_id).snoozed_until
        self.after = self.activity.snooze(self.followup_id, self.until)
        # Redo snoozes to the same moment, not "tomorrow" counted from the redo.
        self.until = self.after.snoozed_until or self.until
        when = format_local(self.after.effective_due, self.activity.tz, with_year=False)
        self.label = f"Snoozed {self.name or 'a follow-up'} until {when}"
        return _touch(self.after.contact_id)

    def undo(self) -> ChangeEvent:
        assert self.after is not None
        self.activity.restore_snooze(self.followup_id, self.before)
        return _touch(self.after.contact_id)

    def redo(self) -> ChangeEvent:
        assert self.after is not None
        self.activity.restore_snooze(self.followup_id, self.after.snoozed_until)
        return _touch(self.after.contact_id)


class SetCadence:
    """A contact's own keep-in-touch cadence (None turns it off)."""

    def __init__(self, activity: ActivityService, contact_id: int, days: int | None,
                 before: int | None, name: str = "") -> None:
        self.activity = activity
        self.contact_id, self.days, self.before = contact_id, days, before
        who = f" with {name}" if name else ""
        self.label = f"Keep in touch{who}: every {days} days" if days else f"No cadence{who}"

    def do(self) -> ChangeEvent:
        self.activity.set_cadence(self.contact_id, self.days)
        return ChangeEvent.of(changed=[self.contact_id], activity=[self.contact_id])

    def undo(self) -> ChangeEvent:
        self.activity.set_cadence(self.contact_id, self.before)
        return ChangeEvent.of(changed=[self.contact_id], activity=[self.contact_id])

    def redo(self) -> ChangeEvent:
        return self.do()


class EditInteraction:
    """New time, channel and note for a logged interaction (its people stay)."""

    def __init__(self, activity: ActivityService, interaction_id: int, channel: str,
                 note: str, at: dt.datetime, name: str = "") -> None:
        self.activity = activity
        self.after = Interaction(-1, at, channel, note, interaction_id)
        self.before: Interaction | None = None
        self.label = (f"Edit the interaction with {name}" if name
                      else "Edit an interaction")

    def do(self) -> ChangeEvent:
        self.before = self.activity.edit_interaction(self.after)
        return ChangeEvent.of(activity=self.before.people)

    def undo(self) -> ChangeEvent:
        assert self.before is not None
        self.activity.edit_interaction(self.before)
        return ChangeEvent.of(activity=self.before.people)

    def redo(self) -> ChangeEvent:
        return self.do()


class RemoveFromInteraction:
    """Take one person out of a group interaction; the others keep it."""

    def __init__(self, activity: ActivityService, interaction_id: int, contact_id: int,
                 name: str = "") -> None:
        self.activity = activity
        self.interaction_id, self.contact_id = interaction_id, contact_id
        self.before: Interaction | None = None
        self.label = (f"Remove {name} from an interaction" if name
                      else "Remove someone from an interaction")

    def do(self) -> ChangeEvent:
        self.before = self.activity.remove_person(self.interaction_id, self.contact_id)
        return ChangeEvent.of(activity=self.before.people)

    def undo(self) -> ChangeEvent:
        assert self.before is not None
        self.activity.set_people(self.before)
        return ChangeEvent.of(activity=self.before.people)

    def redo(self) -> ChangeEvent:
        return self.do()


class EditFollowUp:
    """A new due time and note for a follow-up; undo puts back due, note and snooze."""

    def __init__(self, activity: ActivityService, followup_id: int, due: dt.datetime,
                 note: str, name: str = "") -> None:
        self.activity = activity
        self.followup_id, self.due, self.note = followup_id, due, note
        self.before: FollowUp | None = None
        self.label = f"Edit the follow-up with {name}" if name else "Edit a follow-up"

    def do(self) -> ChangeEvent:
        self.before = self.activity.edit_followup(self.followup_id, self.due, self.note)
        return _touch(self.before.contact_id)

    def undo(self) -> ChangeEvent:
        assert self.before is not None
        self.activity.put_followup(self.before)
        return _touch(self.before.contact_id)

    def redo(self) -> ChangeEvent:
        return self.do()


class DeleteFollowUp:
    """Delete a follow-up; undo puts back the same row (same id, due, snooze, note)."""

    def __init__(self, activity: ActivityService, followup_id: int, name: str = "") -> None:
        self.activity = activity
        self.followup_id = followup_id
        self.gone: FollowUp | None = None
        self.label = f"Delete the follow-up with {name}" if name else "Delete a follow-up"

    def do(self) -> ChangeEvent:
        self.gone = self.activity.delete_followup(self.followup_id)
        return _touch(self.gone.contact_id)

    def undo(self) -> ChangeEvent:
        assert self.gone is not None
        self.activity.restore_followup(self.gone)
        return _touch(self.gone.contact_id)

    def redo(self) -> ChangeEvent:
        return self.do()
