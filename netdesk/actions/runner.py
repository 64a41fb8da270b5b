"""The runner: every user change goes through ``Runner.run``; one undo history for the app.

A command does its change in ``do`` and can take it back in ``undo`` (and make it again in
``redo``); each returns the ChangeEvent of what it touched. The runner turns any failure into
one ``Outcome`` the UI shows the same way, and publishes the event after each commit.

A failing undo or redo never empties the history: the command that failed is dropped (its
change cannot be taken back as recorded) and reported; everything below it stays undoable.

Long steps (deleting thousands of contacts, undoing that or an import) would freeze the
window: a command says so with ``runs_long(kind)``, and when a ``background`` starter is set
(the window sets one) the runner hands such a step over as a ``PendingStep`` instead of
running it. The starter runs ``pending.work(progress, cancelled)`` on a worker thread and
calls ``finish`` with its event or error on the GUI thread; until then the runner refuses
other steps, so the history keeps one order. A cancelled step changes nothing and stays
where it was in the history.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from netdesk.actions.events import ChangeEvent
from netdesk.services.errors import Cancelled, ServiceError

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
    # Handed to the background starter: the step's own outcome is reported when it ends.
    pending: bool = False

    def __bool__(self) -> bool:
        return self.ok


Listener = Callable[[ChangeEvent], None]
BUSY = "Another change is still being applied; try again."


def runs_long(command: Command | None, kind: str) -> bool:
    """Whether ``command``'s step ``kind`` ("do", "undo", "redo") had better run in a worker."""
    check = getattr(command, "runs_long", None)
    return bool(check is not None and check(kind))


@dataclass
class PendingStep:
    """A long step handed to the background starter. ``work`` runs on a worker thread (pure
    Python, no Qt): the command's step with progress and a cancel check."""

    command: Any
    kind: str  # "do", "undo" or "redo"
    # Who hears the final outcome when the step ends (the caller of ``run`` that handed it
    # over), instead of the background starter's default report.
    then: Callable[[Outcome], object] | None = None

    @property
    def label(self) -> str:
        return self.command.label

    def work(self, progress: Callable[[int, int], None],
             cancelled: Callable[[], bool]) -> ChangeEvent:
        return getattr(self.command, self.kind)(progress=progress, cancelled=cancelled)


Background = Callable[[PendingStep], None]


class Runner:
    def __init__(self, limit: int = HISTORY_LIMIT) -> None:
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._limit = limit
        self._listeners: list[Listener] = []
        self._history_listeners: list[Callable[[], None]] = []
        self._busy = False
        self._background: Background | None = None
        self._pending: PendingStep | None = None

    def set_background(self, start: Background | None) -> None:
        """Run long steps through ``start(pending)`` (see the module doc); None: run them here."""
        self._background = start

    def pending(self) -> PendingStep | None:
        """The long step running in the background, if any."""
        return self._pending

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
        if self._background is not None and runs_long(command, "do") and not self._busy:
            return self._hand_over(command, "do")
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
        if self._busy:  # before the pop: a refused undo must not lose its command
            return Outcome(False, BUSY)
        if self._background is not None and runs_long(self._done[-1], "undo"):
            return self._hand_over(self._done.pop(), "undo")
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
        if self._busy:
            return Outcome(False, BUSY)
        if self._background is not None and runs_long(self._undone[-1], "redo"):
            return self._hand_over(self._undone.pop(), "redo")
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
            return Outcome(False, BUSY)
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

    # -- long steps ----------------------------------------------------------------------------
    def _hand_over(self, command: Command, kind: str) -> Outcome:
        pending = PendingStep(command, kind)
        self._busy, self._pending = True, pending
        self._history_changed()
        try:
            self._background(pending)  # type: ignore[misc]
        except Exception as exc:  # the starter failed: nothing ran, the history is as it was
            log.exception("could not start %s", command.label)
            return self.finish(pending, error=Cancelled(f"could not start: {exc}"))
        words = {"do": "", "undo": "Undoing ", "redo": "Redoing "}
        return Outcome(True, f"{words[kind]}{command.label}…", None, command, pending=True)

    def finish(self, pending: PendingStep, event: ChangeEvent | None = None,
               error: BaseException | None = None) -> Outcome:
        """End a long step (on the GUI thread): record it and announce ``event``, or report
        ``error``. A cancelled step stays where it was in the history; a failed undo or
        redo is dropped, as in ``undo``/``redo``."""
        if pending is not self._pending:
            raise RuntimeError("finish() for a step that is not the pending one")
        self._busy, self._pending = False, None
        command, kind = pending.command, pending.kind
        if error is None and event is not None:
            self.publish(event)
            if kind == "undo":
                self._undone.append(command)
            else:
                self._done.append(command)
                del self._done[: -self._limit]
                if kind == "do":
                    self._undone.clear()
            prefix = {"do": "", "undo": "Undone: ", "redo": "Redone: "}[kind]
            outcome = Outcome(True, f"{prefix}{command.label}", event, command)
        else:
            if isinstance(error, Cancelled):
                # Nothing changed: the step can be tried again from where it was.
                if kind != "do":
                    (self._done if kind == "undo" else self._undone).append(command)
            elif not isinstance(error, ServiceError):
                log.error("%s failed", command.label, exc_info=error)
            failure = {"do": "", "undo": "Could not undo", "redo": "Could not redo"}[kind]
            known = error if isinstance(error, ServiceError) else None
            reason = str(error) if known is not None else f"unexpected error: {error}"
            outcome = Outcome(False, _failed(failure, command.label, reason), None, command, known)
        self._history_changed()
        return outcome

    def _history_changed(self) -> None:
        for callback in list(self._history_listeners):
            callback()


def _failed(prefix: str, label: str, reason: str) -> str:
    if not prefix:
        return reason
    return f"{prefix} “{label}”: {reason}"
