"""The runner itself: one history, one outcome per step, one event per commit."""

from __future__ import annotations

from netdesk.actions import ChangeEvent, Runner
from netdesk.services.errors import Cancelled, ServiceError


class Counter:
    """A command over a plain list, so the runner's rules are tested without a store."""

    def __init__(self, log: list[str], name: str, fail_on: str = "") -> None:
        self.log, self.name, self.fail_on = log, name, fail_on
        self.label = f"Step {name}"

    def _step(self, what: str) -> ChangeEvent:
        if what == self.fail_on:
            raise ServiceError(f"{self.name} cannot {what}")
        self.log.append(f"{what} {self.name}")
        return ChangeEvent.of(changed=[len(self.log)])

    def do(self) -> ChangeEvent:
        return self._step("do")

    def undo(self) -> ChangeEvent:
        return self._step("undo")

    def redo(self) -> ChangeEvent:
        return self._step("redo")


def test_undo_and_redo_walk_one_history_and_publish_one_event_each(runner) -> None:
    log: list[str] = []
    assert runner.run(Counter(log, "a")) and runner.run(Counter(log, "b"))
    assert runner.undo_label() == "Step b" and not runner.can_redo()
    undone = runner.undo()
    assert undone.ok and undone.message == "Undone: Step b."
    assert runner.redo().message == "Redone: Step b."
    assert log == ["do a", "do b", "undo b", "redo b"]
    assert len(runner.events) == 4


def test_a_new_change_drops_what_could_be_redone(runner) -> None:
    log: list[str] = []
    runner.run(Counter(log, "a"))
    runner.undo()
    runner.run(Counter(log, "b"))
    assert not runner.can_redo() and runner.undo_label() == "Step b"


def test_a_failing_change_is_not_recorded_and_says_why(runner) -> None:
    log: list[str] = []
    outcome = runner.run(Counter(log, "a", fail_on="do"))
    assert not outcome.ok and outcome.message == "a cannot do"
    assert not runner.can_undo() and runner.events == []


def test_a_failing_undo_reports_and_leaves_the_rest_of_the_history_usable(runner) -> None:
    log: list[str] = []
    runner.run(Counter(log, "a"))
    runner.run(Counter(log, "b", fail_on="undo"))
    failed = runner.undo()
    assert not failed.ok and failed.message == "Could not undo “Step b”: b cannot undo"
    # The step below is still there, and undo/redo keep working.
    assert runner.undo_label() == "Step a"
    assert runner.undo().ok and runner.redo().ok
    assert log == ["do a", "do b", "undo a", "redo a"]


def test_a_failing_redo_reports_and_keeps_the_history(runner) -> None:
    log: list[str] = []
    runner.run(Counter(log, "a"))
    runner.run(Counter(log, "b", fail_on="redo"))
    runner.undo()
    runner.undo()
    assert runner.redo().ok  # a
    failed = runner.redo()  # b fails
    assert not failed.ok and "Could not redo" in failed.message
    assert runner.undo_label() == "Step a" and runner.undo().ok


def test_an_unexpected_error_becomes_an_outcome_not_a_crash() -> None:
    class Broken:
        label = "Broken"

        def do(self) -> ChangeEvent:
            raise RuntimeError("boom")

    outcome = Runner().run(Broken())  # type: ignore[arg-type]
    assert not outcome.ok and "boom" in outcome.message


def test_history_listeners_hear_every_change_of_the_history() -> None:
    runner, heard = Runner(), []
    runner.on_history_changed(lambda: heard.append(runner.undo_label()))
    runner.run(Counter([], "a"))
    runner.undo()
    assert heard == ["Step a", ""]


def test_the_history_is_bounded() -> None:
    runner = Runner(limit=3)
    for name in "abcde":
        runner.run(Counter([], name))
    undone = [runner.undo().ok for _ in range(5)]
    assert undone == [True, True, True, False, False]


def test_a_broken_listener_does_not_stop_the_others() -> None:
    runner, heard = Runner(), []

    def broken(_event: ChangeEvent) -> None:
        raise RuntimeError("listener bug")

    runner.subscribe(broken)
    runner.subscribe(heard.append)
    assert runner.run(Counter([], "a")).ok and len(heard) == 1


class LongCounter(Counter):
    """A Counter whose every step says it runs long, taking progress and a cancel check."""

    def runs_long(self, _kind: str) -> bool:
        return True

    def do(self, progress=None, cancelled=None) -> ChangeEvent:  # noqa: ANN001
        return self._long("do", progress, cancelled)

    def undo(self, progress=None, cancelled=None) -> ChangeEvent:  # noqa: ANN001
        return self._long("undo", progress, cancelled)

    def redo(self, progress=None, cancelled=None) -> ChangeEvent:  # noqa: ANN001
        return self._long("redo", progress, cancelled)

    def _long(self, what: str, progress, cancelled) -> ChangeEvent:  # noqa: ANN001
        if progress is not None:
            progress(1, 2)
        if cancelled is not None and cancelled():
            raise Cancelled()
        return self._step(what)


def test_a_long_step_is_handed_over_and_recorded_once_it_has_finished(runner) -> None:
    handed = []
    runner.set_background(handed.append)
    log: list[str] = []
    assert runner.run(Counter(log, "short")).ok  # short steps still run at once
    outcome = runner.run(LongCounter(log, "big"))
    assert outcome.ok and outcome.pending and len(handed) == 1
    assert log == ["do short"] and runner.undo_label() == "Step short"
    # While it runs, nothing else may change the history.
    assert not runner.run(Counter(log, "other")).ok
    assert not runner.undo().ok and runner.undo_label() == "Step short"
    pending = handed[0]
    progress: list[tuple[int, int]] = []
    event = pending.work(lambda d, t: progress.append((d, t)), lambda: False)
    events_before = len(runner.events)
    done = runner.finish(pending, event=event)
    assert done.ok and done.message == "Step big"
    assert progress == [(1, 2)] and log == ["do short", "do big"]
    assert runner.undo_label() == "Step big" and len(runner.events) == events_before + 1
    # Its undo is handed over too; once finished it can be redone.
    assert runner.undo().pending
    pending = handed[1]
    runner.finish(pending, event=pending.work(lambda d, t: None, lambda: False))
    assert runner.redo_label() == "Step big" and runner.undo_label() == "Step short"


def test_a_cancelled_long_step_changes_nothing_and_stays_in_the_history(runner) -> None:
    handed = []
    runner.set_background(handed.append)
    log: list[str] = []
    runner.run(LongCounter(log, "big"))
    runner.finish(handed[0], event=handed[0].work(lambda d, t: None, lambda: False))
    assert runner.undo().pending
    pending = handed[1]
    try:
        pending.work(lambda d, t: None, lambda: True)
    except Exception as exc:  # noqa: BLE001 - the worker hands its error over like this
        outcome = runner.finish(pending, error=exc)
    assert not outcome.ok and "Cancelled" in outcome.message
    assert log == ["do big"]
    assert runner.undo_label() == "Step big" and not runner.can_redo()
    # A cancelled first run records nothing.
    runner.run(LongCounter(log, "second"))
    outcome = runner.finish(handed[2], error=Cancelled())
    assert not outcome.ok and runner.undo_label() == "Step big"
