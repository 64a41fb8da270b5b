"""Long steps through the real window: deleting many contacts and undoing it run in a worker
with progress and Cancel, stay one step of the history, and the table shows the right rows."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from netdesk.actions.contacts import AddContacts
from netdesk.actions.trash import LONG_DELETE
from netdesk.domain.contact import Contact
from tests.ui.driver import find, run

MANY = LONG_DELETE + 30


def _add_many(parts, qtbot, ui, count: int = MANY) -> None:  # noqa: ANN001
    def make() -> list[Contact]:
        return [parts.contacts.create(Contact(display_name=f"Person {i:03d}",
                                              org=f"Org {i % 7}"))
                for i in range(count)]

    run(parts, AddContacts(parts.contacts, make, f"Add {count}"))
    qtbot.waitUntil(lambda: ui.model.total_count() == count)


def _delete_selected_with_question(ui, qtbot) -> None:  # noqa: ANN001
    ui.table.setFocus()
    ui.table.selectAll()
    ui.action("deleteAction").trigger()
    qtbot.waitUntil(lambda: ui.window.findChild(QMessageBox, "confirmDeleteBox") is not None)
    box = ui.window.findChild(QMessageBox, "confirmDeleteBox")
    find(box, QPushButton, "confirmButton").click()


def test_deleting_many_runs_in_a_worker_and_stays_one_undoable_step(parts, ui, qtbot) -> None:
    _add_many(parts, qtbot, ui)
    steps = ui.controller("longSteps")
    _delete_selected_with_question(ui, qtbot)
    assert steps.is_running() or parts.contacts.count() == 0
    assert steps.wait(30_000)
    qtbot.waitUntil(lambda: ui.model.total_count() == 0)
    assert parts.contacts.count() == 0
    assert ui.action("undoAction").text() == f"Undo Delete {MANY} contacts"
    assert f"Delete {MANY} contacts" in ui.window.statusBar().currentMessage()
    ui.undo()
    assert steps.wait(30_000)
    qtbot.waitUntil(lambda: ui.model.total_count() == MANY)
    assert parts.contacts.count() == MANY
    assert ui.names() == sorted(ui.names())
    assert ui.action("undoAction").text() == f"Undo Add {MANY}"
    assert ui.action("redoAction").text() == f"Redo Delete {MANY} contacts"
    ui.redo()
    assert steps.wait(30_000)
    qtbot.waitUntil(lambda: ui.model.total_count() == 0)


def test_cancel_during_a_big_delete_changes_nothing(parts, ui, qtbot, monkeypatch) -> None:
    from netdesk.services import trash
    from netdesk.store.contacts import ContactRepository

    _add_many(parts, qtbot, ui)
    # Hold the worker after its first chunk until Cancel is pressed (the delete stays real).
    monkeypatch.setattr(trash, "CHUNK", 40)
    release = threading.Event()
    real_delete = ContactRepository.delete

    def delete(self, ids):  # noqa: ANN001, ANN202
        gone = real_delete(self, ids)
        release.wait(timeout=30)
        return gone

    monkeypatch.setattr(ContactRepository, "delete", delete)
    steps = ui.controller("longSteps")
    _delete_selected_with_question(ui, qtbot)
    qtbot.waitUntil(lambda: steps.dialog is not None and steps.dialog.isVisible(), timeout=5000)
    dialog = steps.dialog
    assert dialog.objectName() == "longStepDialog"
    qtbot.mouseClick(find(dialog, QPushButton, "longStepCancelButton"), Qt.MouseButton.LeftButton)
    release.set()
    assert steps.wait(30_000)
    assert parts.contacts.count() == MANY and ui.model.total_count() == MANY
    assert ui.action("undoAction").text() == f"Undo Add {MANY}"  # nothing recorded
    assert "Cancelled" in ui.window.statusBar().currentMessage()
    assert parts.runner.run(AddContacts(parts.contacts, list, "nothing")).ok  # runner free
