"""The runner: every user change goes through ``Runner.run``; one undo history for the app.

A command does its change in ``do`` and can take it back in ``undo`` (and make it again in
``redo``); each returns the ChangeEvent of what it touched. The runner turns any failure into
one ``Outcome`` the UI shows the same way, and publishes the event after each commit.

A failing undo or redo never empties the history: the command that failed is dropped (its
change cannot be taken back as recorded) and reported; everything below it stays undoable.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from netdesk.actions.events import ChangeEvent
from netdesk.services.errors import ServiceError

log = logging.getLogger(__name__)

# How many steps the history keeps; older ones fall off the bottom.
HISTORY_LIMIT = 200


class Command(Protocol):
    """One user change. ``label`` is what the user reads ("Delete Clara Schmidt")."""

    label: str

    def do(self) -> ChangeEvent: ...

    def undo(self) -> ChangeEvent: ...

    def redo(self) -> ChangeEvent: ...


@dataclass(frozen=True)
class Outcome:
    """What happened, for the user: ``message`` is the one sentence to show."""

    ok: bool
    message: str
    event: ChangeEvent | None = None
    command: Any = None
    # The ServiceError behind a failure (an editor marks the field a ValidationError names).
    error: ServiceError | None = None

    def __bool__(self) -> bool:
        return self.ok


Listener = Callable[[ChangeEvent], None]


class Runner:
    def __init__(self, limit: int = HISTORY_LIMIT) -> None:
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._limit = limit
        self._listeners: list[Listener] = []
        self._history_listeners: list[Callable[[], None]] = []
        self._busy = False

    # -- listening -------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(event)`` after every committed change, undo and redo."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def on_history_changed(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` whenever what undo/redo would do changes (menus, banner)."""
        self._history_listeners.append(callback)

    def remove_history_listener(self, callback: Callable[[], None]) -> None:
        if callback in self._history_listeners:
            self._history_listeners.remove(callback)

    def publish(self, event: ChangeEvent) -> None:
        """Announce a change made outside a command (e.g. sample data being added)."""
        if event.is_empty():
            return
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # one broken view must not stop the others hearing
                log.exception("change listener failed")

    # -- history ---------------------------------------------------------------------------
    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo_label(self) -> str:
        return self._done[-1].label if self._done else ""

    def redo_label(self) -> str:
        return self._undone[-1].label if self._undone else ""

    def top(self) -> Command | None:
        """The command Ctrl+Z would take back."""
        return self._done[-1] if self._done else None

    # -- running ---------------------------------------------------------------------------
    def run(self, command: Command) -> Outcome:
        outcome = self._step(command, command.do, failure="")
        if outcome.ok:
            self._done.append(command)
            del self._done[: -self._limit]
            self._undone.clear()
            self._history_changed()
        return outcome

    def undo(self) -> Outcome:
        if not self._done:
            return Outcome(False, "Nothing to undo.")
        command = self._done.pop()
        outcome = self._step(command, command.undo, failure="Could not undo")
        if outcome.ok:
            self._undone.append(command)
            outcome = Outcome(True, f"Undone: {command.label}.", outcome.event, command)
        self._history_changed()
        return outcome

    def redo(self) -> Outcome:
        if not self._undone:
            return Outcome(False, "Nothing to redo.")
        command = self._undone.pop()
        outcome = self._step(command, command.redo, failure="Could not redo")
        if outcome.ok:
            self._done.append(command)
            outcome = Outcome(True, f"Redone: {command.label}.", outcome.event, command)
        self._history_changed()
        return outcome

    def _step(self, command: Command, step: Callable[[], ChangeEvent], failure: str) -> Outcome:
        if self._busy:
            # A listener ran a change while another was being announced: refuse rather than
            # reorder the history under the caller's feet.
            return Outcome(False, "Another change is still being applied; try again.")
        self._busy = True
        try:
            event = step()
        except ServiceError as exc:
            return Outcome(False, _failed(failure, command.label, str(exc)), None, command, exc)
        except Exception as exc:  # a bug: say it, log it, keep the app and history alive
            log.exception("%s failed", command.label)
            return Outcome(False, _failed(failure, command.label, f"unexpected error: {exc}"),
                           None, command)
        finally:
            self._busy = False
        self.publish(event)
        return Outcome(True, command.label, event, command)

    def _history_changed(self) -> None:
        for callback in list(self._history_listeners):
            callback()


def _failed(prefix: str, label: str, reason: str) -> str:
    if not prefix:
        return reason
    return f"{prefix} “{label}”: {reason}"
