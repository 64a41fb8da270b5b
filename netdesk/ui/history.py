"""The Qt side of the one undo history: Undo/Redo actions that drive the Runner, and a
helper for widgets that follow its change events.

No QUndoStack: the history lives in actions.Runner, so it is the same for every view (Ctrl+Z
in the Today view undoes what Ctrl+Z in the contacts list would) and a failing step can never
mutate a Qt stack from inside one of its own commands.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from netdesk.actions import ChangeEvent, Outcome, Runner


class HistoryActions(QObject):
    """``undoAction``/``redoAction`` (Ctrl+Z, Ctrl+Shift+Z) over ``runner``; each step's
    outcome goes to ``report``."""

    def __init__(self, runner: Runner, report: Callable[[Outcome], object],
                 parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("history")
        self._runner = runner
        self._report = report
        self.undo_action = QAction(self.tr("Undo"), parent)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self.tr("Redo"), parent)
        self.redo_action.setObjectName("redoAction")
        # The platform's Redo keys, and Ctrl+Shift+Z everywhere (Windows' is Ctrl+Y only).
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Shift+Z") not in redo_keys:
            redo_keys.append(QKeySequence("Ctrl+Shift+Z"))
        self.redo_action.setShortcuts(redo_keys)
        self.redo_action.triggered.connect(self.redo)
        runner.on_history_changed(self._sync)
        self._sync()

    def undo(self) -> Outcome:
        outcome = self._runner.undo()
        self._report(outcome)
        return outcome

    def redo(self) -> Outcome:
        outcome = self._runner.redo()
        self._report(outcome)
        return outcome

    def _sync(self) -> None:
        if not shiboken6.isValid(self.undo_action):
            return
        for action, word, label, can in (
            (self.undo_action, "Undo", self._runner.undo_label(), self._runner.can_undo()),
            (self.redo_action, "Redo", self._runner.redo_label(), self._runner.can_redo()),
        ):
            action.setText(f"{word} {label}" if label else word)
            action.setEnabled(can)


def on_change(runner: Runner, owner: QObject, slot: Callable[[ChangeEvent], object],
              wants: Callable[[ChangeEvent], bool] = lambda _e: True) -> None:
    """Call ``slot(event)`` after every change ``wants``, right when the runner publishes
    it (one event per step, so one refresh per view). The listener goes with ``owner``, so
    a closed widget is never called back."""

    def listener(event: ChangeEvent) -> None:
        if shiboken6.isValid(owner) and wants(event):
            slot(event)

    runner.subscribe(listener)
    owner.destroyed.connect(lambda *_: runner.unsubscribe(listener))


def on_history_changed(runner: Runner, owner: QObject, slot: Callable[[], object]) -> None:
    """Call ``slot()`` when what Ctrl+Z would do changes, for as long as ``owner`` lives."""
    runner.on_history_changed(slot)
    owner.destroyed.connect(lambda *_: runner.remove_history_listener(slot))
