"""The activity flows, written once: log an interaction, add a follow-up, snooze to a picked
time (each a dialog, then a command through the runner), and the one-click commands (done,
snooze, delete an interaction). Today, the timeline and the Contact menu all use these."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from netdesk.actions import Command, Outcome, Runner
from netdesk.actions.activity import (
    AddFollowUp,
    DeleteFollowUp,
    DeleteInteraction,
    EditFollowUp,
    EditInteraction,
    LogInteraction,
    MarkDone,
    RemoveFromInteraction,
    Snooze,
)
from netdesk.domain.activity import FollowUp, Interaction
from netdesk.services.activity import ActivityService
from netdesk.ui.followup_dialog import FollowUpDialog
from netdesk.ui.i18n import translated
from netdesk.ui.log_dialog import LogInteractionDialog

Report = Callable[[Outcome], object]


class ActivityFlows:
    def __init__(self, activity: ActivityService, runner: Runner, report: Report) -> None:
        """``report`` shows an outcome when the caller gives no report of its own."""
        self.activity, self.runner, self._report = activity, runner, report

    @property
    def tz(self) -> dt.tzinfo:
        return self.activity.tz

    def now(self) -> dt.datetime:
        return self.activity.clock.now()

    def run(self, command: Command, report: Report | None = None) -> Outcome:
        outcome = self.runner.run(command)
        (report or self._report)(outcome)
        return outcome

    def log_interaction(self, parent: QWidget, contact_id: int, name: str = "",
                        report: Report | None = None,
                        with_ids: tuple[int, ...] = ()) -> LogInteractionDialog:
        """``with_ids``: everyone else who was there (one meeting, one entry for all)."""
        if with_ids:
            name = f"{name} and {len(with_ids)} other{'s' if len(with_ids) > 1 else ''}"
        dialog = LogInteractionDialog(self.tz, self.now(), parent, contact_name=name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def write() -> None:
            channel, at, note = dialog.values()
            self.run(LogInteraction(self.activity, contact_id, channel, note, at, name=name,
                                    with_ids=with_ids), report)

        dialog.accepted.connect(write)
        dialog.open()
        return dialog

    def add_followup(self, parent: QWidget, contact_id: int, name: str = "",
                     report: Report | None = None) -> FollowUpDialog:
        dialog = FollowUpDialog(self.tz, self.now(), parent, contact_name=name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def write() -> None:
            due, note = dialog.due_utc(), dialog.note()
            self.run(AddFollowUp(self.activity, contact_id, due, note, name=name), report)

        dialog.accepted.connect(write)
        dialog.open()
        return dialog

    def pick_snooze(self, parent: QWidget, followup_id: int, name: str = "",
                    report: Report | None = None) -> FollowUpDialog:
        dialog = FollowUpDialog(self.tz, self.now(), parent, contact_name=name, mode="snooze")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.snooze(followup_id, dialog.due_utc(), name, report))
        dialog.open()
        return dialog

    def snooze(self, followup_id: int, until: str | dt.datetime, name: str = "",
               report: Report | None = None) -> Outcome:
        return self.run(Snooze(self.activity, followup_id, until, name=name), report)

    def done(self, followup_id: int, name: str = "", report: Report | None = None) -> Outcome:
        return self.run(MarkDone(self.activity, followup_id, name=name), report)

    def log_now(self, contact_id: int, name: str, report: Report | None = None) -> Outcome:
        """Done on a keep-in-touch row: you were in touch, now."""
        return self.run(LogInteraction(
            self.activity, contact_id, "other", name=name,
            label=f"Logged that you were in touch with {name}"), report)

    def delete_interaction(self, interaction_id: int, name: str = "",
                           report: Report | None = None) -> Outcome:
        return self.run(DeleteInteraction(self.activity, interaction_id, name), report)

    def remove_from_interaction(self, interaction_id: int, contact_id: int, name: str = "",
                                report: Report | None = None) -> Outcome:
        return self.run(RemoveFromInteraction(self.activity, interaction_id, contact_id, name),
                        report)

    def delete_followup(self, followup_id: int, name: str = "",
                        report: Report | None = None) -> Outcome:
        return self.run(DeleteFollowUp(self.activity, followup_id, name), report)

    def edit_interaction(self, parent: QWidget, interaction: Interaction, name: str = "",
                         report: Report | None = None) -> LogInteractionDialog:
        dialog = LogInteractionDialog(self.tz, self.now(), parent, contact_name=name,
                                      interaction=interaction)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def write() -> None:
            channel, at, note = dialog.values()
            assert interaction.id is not None
            self.run(EditInteraction(self.activity, interaction.id, channel, note, at, name),
                     report)

        dialog.accepted.connect(write)
        dialog.open()
        return dialog

    def edit_followup(self, parent: QWidget, followup: FollowUp, name: str = "",
                      report: Report | None = None) -> FollowUpDialog:
        dialog = FollowUpDialog(self.tz, self.now(), parent, contact_name=name, mode="edit",
                                note=followup.note, due=followup.effective_due)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def write() -> None:
            assert followup.id is not None
            self.run(EditFollowUp(self.activity, followup.id, dialog.due_utc(), dialog.note(),
                                  name), report)

        dialog.accepted.connect(write)
        dialog.open()
        return dialog

    def tell_error(self, message: str) -> None:
        self._report(Outcome(False, message))

    def tell(self, outcome: Outcome, done: str) -> None:
        """Report ``outcome`` the window's way, saying ``done`` when it worked (the status
        bar's "Deleted interaction — Ctrl+Z to undo")."""
        self._report(dataclasses.replace(outcome, message=done) if outcome.ok else outcome)


def contact_activity_actions(
    parent: QWidget,
    flows: ActivityFlows,
    target_ids: Callable[[], list[int]],
    name_of: Callable[[int], str] = lambda _cid: "",
) -> list[QAction]:
    """Contact-menu actions on the current view's first target contact.

    "Add follow-up…" (Ctrl+Shift+F, as the Today view's empty state promises) and
    "Log interaction…" (Ctrl+Shift+L).
    """

    def first() -> int | None:
        ids = target_ids()
        return ids[0] if ids else None

    def add_followup() -> None:
        cid = first()
        if cid is not None:
            flows.add_followup(parent, cid, name_of(cid))

    def log() -> None:
        # Several people selected: one interaction with all of them (a meeting with three).
        ids = target_ids()
        if ids:
            flows.log_interaction(parent, ids[0], name_of(ids[0]), with_ids=tuple(ids[1:]))

    follow = translated(QAction(parent), "ActivityFlows",
                        QT_TRANSLATE_NOOP("ActivityFlows", "Add follow-up…"))
    follow.setObjectName("addFollowUpAction")
    follow.setShortcut(QKeySequence("Ctrl+Shift+F"))
    follow.triggered.connect(add_followup)
    log_action = translated(QAction(parent), "ActivityFlows",
                            QT_TRANSLATE_NOOP("ActivityFlows", "Log interaction…"))
    log_action.setObjectName("logInteractionAction")
    log_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
    log_action.triggered.connect(log)
    return [follow, log_action]
