"""The Duplicates view in the sidebar, with its count badge. A merge from the view (and its
merge dialog) runs as ``MergeContacts`` through the runner, so it is one step of the one
undo history; "Not the same" is stored by the view. The finder runs in the view's worker
thread: after the warm-up, after an import or other bulk change, and after any other change
at once while the view is shown, else when it is next shown (so editing one contact
elsewhere never pays for a 100,000-contact search)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QObject

from netdesk.actions import ChangeEvent, Runner
from netdesk.actions.merge import MergeContacts
from netdesk.services.contacts import ContactService
from netdesk.services.errors import ServiceError
from netdesk.services.merge import MergeResult, MergeService
from netdesk.ui.feedback import Feedback
from netdesk.ui.history import on_change
from netdesk.ui.main_window import MainWindow


class RecordedMerger:
    """What the view calls to merge: the same call as MergeService's, made as a command."""

    def __init__(self, merger: MergeService, runner: Runner, contacts: ContactService) -> None:
        self._merger, self._runner, self._contacts = merger, runner, contacts

    def merge(self, keep_id: int, other_ids: Sequence[int],
              picks: Mapping[str, int] | None = None) -> MergeResult:
        name = self._contacts.get(keep_id).display_name
        command = MergeContacts(self._merger, keep_id, other_ids, picks, name)
        outcome = self._runner.run(command)
        if not outcome.ok or command.result is None:
            raise outcome.error or ServiceError(outcome.message)
        return command.result


class DuplicatesController(QObject):
    def __init__(self, window: MainWindow, database, contacts: ContactService,  # noqa: ANN001
                 runner: Runner, feedback: Feedback) -> None:
        from netdesk.services.duplicates import DuplicateService
        from netdesk.ui.duplicates_view import DuplicatesView
        from netdesk.ui.icons import line_icon

        super().__init__(window)
        self.setObjectName("duplicatesController")
        self._window, self._feedback = window, feedback
        self._stale = False
        self.duplicates = DuplicateService(database)
        merger = RecordedMerger(MergeService(database), runner, contacts)
        self.view = DuplicatesView(self.duplicates, merger, contacts)
        window.add_view("Duplicates", self.view, line_icon("duplicates"))
        self.view.countChanged.connect(self._show_count)
        self.view.merged.connect(self._on_merged)
        window.view_stack.currentChanged.connect(lambda _i: self._on_shown())
        window.warmed_up.connect(self.refresh)
        on_change(runner, self, self._on_change)

    def refresh(self) -> None:
        if self.view.is_busy():
            self._stale = True  # what it finds may miss this change: find again after
            return
        self._stale = False
        self.view.refresh()

    def _is_shown(self) -> bool:
        return self._window.view_stack.currentWidget() is self.view

    def _on_change(self, event: ChangeEvent) -> None:
        # An import (bulk) is where duplicates come from: the badge follows it at once.
        if event.bulk or self._is_shown() or self.view.is_busy():
            self.refresh()
        else:
            self._stale = True

    def _on_shown(self) -> None:
        if self._is_shown() and self._stale:
            self.refresh()

    def _show_count(self, count: int) -> None:
        tip = f"{count} possible duplicate{'s' if count != 1 else ''}" if count else ""
        self._window.set_view_badge(self.view, count, False, tip or "No duplicates found")
        if self._stale and self._is_shown():
            self.refresh()

    def _on_merged(self, result: MergeResult) -> None:
        self._feedback.status(self.tr("Merged into %1 (Ctrl+Z puts both back).").replace(
            "%1", result.survivor.display_name))
