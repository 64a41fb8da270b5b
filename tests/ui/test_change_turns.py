"""A change to many contacts is applied to the table over a few event-loop turns (ui/turns.py),
so the window repaints and answers in between (issue 15: deleting 1,000 of 100,000 contacts
and its undo held the window for 120-170 ms in one turn). The end state must be exactly what
applying it at once gave, and changes that come meanwhile wait their turn."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject

from netdesk.actions.contacts import EditContact
from netdesk.actions.trash import TrashContacts
from netdesk.ui import contacts_list
from netdesk.ui.contacts_model import ContactsTableModel
from netdesk.ui.turns import TurnQueue
from tests.ui.driver import run


# -- the queue ---------------------------------------------------------------------------------
@pytest.fixture
def queue(qtbot):
    owner = QObject()
    yield TurnQueue(owner)
    owner.deleteLater()


def test_a_plain_job_runs_at_once(queue) -> None:
    done = []
    queue.run(lambda: done.append("job"))
    assert done == ["job"]
    assert not queue.busy()


def test_a_stepped_job_starts_now_and_goes_on_in_later_turns(queue, qtbot) -> None:
    log: list[str] = []

    def stepped():  # noqa: ANN202
        log.append("read")
        yield
        log.append("change")
        yield
        log.append("select")

    queue.run(stepped)
    assert log == ["read"]  # the first step in the caller's turn, the rest later
    assert queue.busy()
    queue.run(lambda: log.append("next change"))
    assert log == ["read"]  # waits for the one still going
    qtbot.waitUntil(lambda: not queue.busy())
    assert log == ["read", "change", "select", "next change"]


def test_a_failing_step_does_not_stop_the_jobs_after_it(queue, qtbot) -> None:
    log: list[str] = []

    def failing():  # noqa: ANN202
        log.append("first")
        yield
        raise RuntimeError("broken step")

    queue.run(failing)
    queue.run(lambda: log.append("after"))
    with qtbot.captureExceptions() as raised:
        qtbot.waitUntil(lambda: not queue.busy())
    assert [str(e[1]) for e in raised] == ["broken step"]
    assert log == ["first", "after"]


def test_a_failing_job_waiting_its_turn_does_not_stop_the_ones_after_it(queue, qtbot) -> None:
    log: list[str] = []

    def stepped():  # noqa: ANN202
        log.append("first")
        yield

    def broken() -> None:
        raise RuntimeError("broken job")

    queue.run(stepped)
    queue.run(broken)
    queue.run(lambda: log.append("after"))
    with qtbot.captureExceptions() as raised:
        qtbot.waitUntil(lambda: not queue.busy())
    assert [str(e[1]) for e in raised] == ["broken job"]
    assert log == ["first", "after"]


# -- the window ---------------------------------------------------------------------------------
@pytest.fixture
def few_for_turns(monkeypatch):
    """Big changes start at 5 contacts here, so the 40 sample contacts can make one."""
    monkeypatch.setattr(contacts_list, "APPLY_IN_TURNS_FROM", 5)


def _trash(parts, ids):  # noqa: ANN001, ANN202
    from netdesk.domain.clock import SystemClock
    from netdesk.services.trash import TrashService

    return run(parts, TrashContacts(TrashService(parts.contacts.db, SystemClock()), ids))


def _select_rows(ui, first: int, last: int) -> list[int]:  # noqa: ANN001
    model = ui.model
    selection = QItemSelection(model.index(first, 0), model.index(last, model.columnCount() - 1))
    ui.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    return ui.selected_contact_ids()


def _ids_in_a_fresh_sort(parts) -> list[int]:  # noqa: ANN001
    fresh = ContactsTableModel()
    fresh.set_contacts(parts.contacts.summaries())
    return [fresh.summary(r).id for r in range(fresh.rowCount())]


def _shown_ids(ui) -> list[int]:  # noqa: ANN001
    return [ui.model.summary(r).id for r in range(ui.model.rowCount())]


def _applied(ui) -> bool:  # noqa: ANN001
    return not ui.contacts_list.is_applying()


def test_a_big_delete_and_its_undo_end_as_if_applied_at_once(
        few_for_turns, sample_ui, parts, qtbot) -> None:
    ui = sample_ui
    before = _shown_ids(ui)
    doomed = _select_rows(ui, 10, 17)
    next_in_line = before[18]
    _trash(parts, doomed)
    # The window answers before the table has changed: the rows are applied in later turns.
    assert ui.contacts_list.is_applying()
    qtbot.waitUntil(lambda: _applied(ui))
    assert _shown_ids(ui) == _ids_in_a_fresh_sort(parts) == [
        i for i in before if i not in doomed]
    # The keyboard flow goes on: the row that took the deleted ones' place is selected, and
    # the detail pane shows that contact.
    assert ui.selected_contact_ids() == [next_in_line]
    qtbot.waitUntil(lambda: parts.contacts.get(next_in_line).display_name in ui.detail_texts())
    assert ui.sidebar_tags() == _tag_counts(parts)
    assert "32" in ui.count_label.text()

    ui.undo()
    qtbot.waitUntil(lambda: _applied(ui))
    assert _shown_ids(ui) == before
    assert sorted(ui.selected_contact_ids()) == sorted(doomed)  # what came back is selected
    assert ui.sidebar_tags() == _tag_counts(parts)


def test_a_change_made_while_a_big_one_is_applied_comes_after_it(
        few_for_turns, sample_ui, parts, qtbot) -> None:
    ui = sample_ui
    doomed = _select_rows(ui, 0, 9)
    survivor = ui.model.summary(20).id
    _trash(parts, doomed)
    assert ui.contacts_list.is_applying()
    renamed = dataclasses.replace(parts.contacts.get(survivor), display_name="Aaron Aardvark")
    run(parts, EditContact(parts.contacts, renamed))
    qtbot.waitUntil(lambda: _applied(ui))
    assert _shown_ids(ui) == _ids_in_a_fresh_sort(parts)
    assert ui.names()[0] == "Aaron Aardvark"
    assert ui.selected_contact_ids() == [survivor]  # the edit's selection, the last change's


def _tag_counts(parts) -> dict[str, int]:  # noqa: ANN001
    return {t.name: t.count for t in parts.contacts.tags()}
