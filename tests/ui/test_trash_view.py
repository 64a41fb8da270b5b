"""Nothing is lost without a question: deleting several contacts asks first, deleted contacts
wait in the Trash view (also after a restart) and come back from there, undoably."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QPushButton, QTableWidget, QWidget

from tests.ui.driver import find


def _select_names(ui, names: list[str]) -> list[int]:  # noqa: ANN001
    ids = []
    selection = ui.table.selectionModel()
    selection.clearSelection()
    for name in names:
        row = ui.names().index(name)
        selection.select(ui.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
        ids.append(ui.model.summary(row).id)
    return ids


def _answer(window, name: str, button: str, qtbot) -> QMessageBox:  # noqa: ANN001
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, name) is not None)
    box = window.findChild(QMessageBox, name)
    find(box, QPushButton, button).click()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, name) is None)
    return box


def test_deleting_several_asks_naming_the_count(sample_ui, parts, qtbot) -> None:
    ui = sample_ui
    names = ui.names()[:3]
    _select_names(ui, names)
    ui.action("deleteAction").trigger()
    box = ui.window.findChild(QMessageBox, "confirmDeleteBox")
    assert box is not None and "Delete 3 contacts?" in box.text()
    assert box.defaultButton().objectName() == "confirmButton"
    _answer(ui.window, "confirmDeleteBox", "cancelButton", qtbot)
    assert parts.contacts.count() == 40

    ui.action("deleteAction").trigger()
    _answer(ui.window, "confirmDeleteBox", "confirmButton", qtbot)
    assert parts.contacts.count() == 37
    assert not set(names) & set(ui.names())


def test_trash_view_restores_and_survives_a_restart(sample_ui, parts, qtbot, data_dir) -> None:
    ui = sample_ui
    ui.select_name("Mei Chen")
    ui.action("deleteAction").trigger()  # one contact: no question
    assert parts.contacts.count() == 39
    trash_view = find(ui.window, QWidget, "trashView")
    ui.window.show_view(trash_view)
    table = find(trash_view, QTableWidget, "trashTable")
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    assert table.item(0, 0).text() == "Mei Chen"

    # A second window over the same store (as after a restart) sees the same trash.
    from netdesk.app import compose

    again = compose(data_dir)
    qtbot.addWidget(again.window)
    again.window.show()
    other_view = find(again.window, QWidget, "trashView")
    again.window.show_view(other_view)
    other_table = find(other_view, QTableWidget, "trashTable")
    qtbot.waitUntil(lambda: other_table.rowCount() == 1)
    other_table.selectRow(0)
    find(other_view, QPushButton, "trashRestoreButton").click()
    assert parts.contacts.count() == 40
    assert other_table.rowCount() == 0
    find(again.window, QAction, "undoAction").trigger()  # that window's history
    assert parts.contacts.count() == 39 and other_table.rowCount() == 1
    again.window.close()


def test_empty_trash_asks_and_can_be_undone(sample_ui, parts, qtbot) -> None:
    ui = sample_ui
    ui.select_name("Mei Chen")
    ui.action("deleteAction").trigger()
    trash_view = find(ui.window, QWidget, "trashView")
    ui.window.show_view(trash_view)
    table = find(trash_view, QTableWidget, "trashTable")
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    find(trash_view, QPushButton, "trashEmptyButton").click()
    _answer(trash_view, "confirmEmptyTrashBox", "confirmButton", qtbot)
    assert table.rowCount() == 0
    ui.undo()
    assert table.rowCount() == 1


def test_sample_contacts_ask_first_when_the_store_has_contacts(sample_ui, parts, qtbot) -> None:
    ui = sample_ui  # 40 sample contacts already, added without a question (empty store)
    ui.add_sample_contacts()
    box = ui.window.findChild(QMessageBox, "confirmSamplesBox")
    assert box is not None and "40 contacts" in box.text()
    _answer(ui.window, "confirmSamplesBox", "cancelButton", qtbot)
    assert parts.contacts.count() == 40
    ui.add_sample_contacts()
    _answer(ui.window, "confirmSamplesBox", "confirmButton", qtbot)
    assert parts.contacts.count() == 80
    ui.undo()
    assert parts.contacts.count() == 40


def test_undo_of_a_big_delete_selects_every_contact_it_brings_back(sample_ui, parts,
                                                                   qtbot) -> None:
    ui = sample_ui
    names = [ui.names()[i] for i in (0, 1, 2, 5, 6, 30)]  # three runs of rows
    ids = _select_names(ui, names)
    ui.action("deleteAction").trigger()
    _answer(ui.window, "confirmDeleteBox", "confirmButton", qtbot)
    assert ui.model.total_count() == 34
    seen: list[list[int]] = []
    ui.contacts_list.selectionChanged.connect(seen.append)
    ui.undo()
    assert ui.model.total_count() == 40
    assert sorted(ui.selected_contact_ids()) == sorted(ids)
    # One announcement per run of rows at most, not one per contact.
    assert len(seen) <= 4
