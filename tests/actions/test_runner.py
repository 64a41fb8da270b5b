"""The runner itself: one history, one outcome per step, one event per commit."""

from __future__ import annotations

from netdesk.actions import ChangeEvent, Runner
from netdesk.services.errors import ServiceError


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
