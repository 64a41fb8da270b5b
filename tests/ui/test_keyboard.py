"""Keyboard first: Today's D / S / L keys and the next row after Done, the shortcuts cheat
sheet (F1), and dialogs whose Enter does the work."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QTableWidget

from netdesk.actions.contacts import CreateContact
from netdesk.domain.contact import Contact
from tests.ui.conftest import OFFSCREEN_NOISE
from tests.ui.driver import find, run


def _today_with_three_overdue(ui, parts, qtbot):  # noqa: ANN001, ANN202
    now = parts.activity.clock.now()
    for hours, name in ((3, "Cleo"), (2, "Bram"), (1, "Alba")):
        person = run(parts, CreateContact(parts.contacts, Contact(display_name=name))).created
        parts.activity.add_followup(person.id, now - dt.timedelta(hours=hours), f"call {name}")
    today = ui.today
    ui.window.show_view(today)
    qtbot.waitUntil(lambda: today.data is not None and len(today.data.overdue) == 3)
    today.table.setFocus()
    return today


def _select(today, name: str) -> None:  # noqa: ANN001
    for row in range(today.model.rowCount()):
        item = today.model.item(row)
        if item is not None and item.name == name:
            today.select_row(row)
            return
    raise AssertionError(name)


def test_d_marks_done_and_the_selection_moves_to_the_next_row(ui, parts, qtbot) -> None:
    today = _today_with_three_overdue(ui, parts, qtbot)
    assert [i.name for i in today.data.overdue] == ["Cleo", "Bram", "Alba"]
    _select(today, "Bram")
    qtbot.keyClick(today.table, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: [i.name for i in today.data.overdue] == ["Cleo", "Alba"])
    assert today.selected_item().name == "Alba"  # the next row, not the first
    qtbot.keyClick(today.table, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: [i.name for i in today.data.overdue] == ["Cleo"])
    assert today.selected_item().name == "Cleo"  # the last one went: the one before it


# A popup menu grabs the keyboard, which the offscreen platform cannot (and says so).
@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "does not support grabbing the keyboard")
def test_s_opens_the_snooze_menu_and_l_the_log_dialog(ui, parts, qtbot) -> None:
    today = _today_with_three_overdue(ui, parts, qtbot)
    qtbot.keyClick(today.table, Qt.Key.Key_S)
    qtbot.waitUntil(today.snooze_menu.isVisible)
    today.snooze_menu.close()
    qtbot.keyClick(today.table, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: today.dialog is not None and today.dialog.isVisible())
    assert today.dialog.focusWidget() is not None
    today.dialog.reject()


def test_f1_shows_every_shortcut_of_the_window(ui, qtbot) -> None:
    ui.action("shortcutsAction").trigger()
    qtbot.waitUntil(lambda: ui.window.findChild(QDialog, "shortcutsDialog") is not None)
    dialog = ui.window.findChild(QDialog, "shortcutsDialog")
    table = find(dialog, QTableWidget, "shortcutsTable")
    rows = {table.item(r, 1).text(): table.item(r, 0).text() for r in range(table.rowCount())}
    assert rows["New contact"] and rows["Undo"] and rows["Keyboard shortcuts"] == "F1"
    assert rows["Done (Today view)"] == "D"
    dialog.reject()


def test_the_cheat_sheet_lists_every_key_the_window_binds(ui, qtbot) -> None:
    """Every QAction and QShortcut of the window with a key is on the F1 sheet with what it
    does, so the sheet cannot drift from the keys again."""
    ui.action("shortcutsAction").trigger()
    qtbot.waitUntil(lambda: ui.window.findChild(QDialog, "shortcutsDialog") is not None)
    dialog = ui.window.findChild(QDialog, "shortcutsDialog")
    table = find(dialog, QTableWidget, "shortcutsTable")
    listed = {(table.item(r, 0).text(), table.item(r, 1).text())
              for r in range(table.rowCount())}
    keys = {key for key, _text in listed}
    native = QKeySequence.SequenceFormat.NativeText
    actions = [a for a in ui.window.findChildren(QAction) if a.associatedObjects()]
    bound = [(seq.toString(native), a.objectName()) for a in actions for seq in a.shortcuts()]
    # One action per key (a second would be ambiguous; stale View menu entries were listed).
    action_keys = [key for key, _name in bound]
    assert len(action_keys) == len(set(action_keys)), sorted(action_keys)
    sheet_keys = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert [k for k in action_keys if sheet_keys.count(k) != 1] == []
    bound += [(s.key().toString(native), s.parent().objectName())
              for s in ui.window.findChildren(QShortcut) if not s.key().isEmpty()]
    assert len(bound) >= 25
    missing = [(key, owner) for key, owner in bound if key not in keys]
    assert missing == []
    assert all(text for _key, text in listed)
    for key, text in (("M", "Merge the pair (Duplicates view)"),
                      ("N", "Not the same person (Duplicates view)"),
                      ("S", "Skip to the next pair (Duplicates view)"),
                      ("S", "Snooze menu (Today view)"),
                      ("Ctrl+T", "Add tag"), ("Ctrl+Shift+T", "Remove tag")):
        assert (QKeySequence(key).toString(native), text) in listed
    dialog.reject()


def test_export_dialog_opens_with_export_as_the_enter_button(sample_ui, qtbot) -> None:
    ui = sample_ui
    ui.export_contacts()
    qtbot.waitUntil(lambda: ui.export_dialog is not None and ui.export_dialog.isVisible())
    dialog = ui.export_dialog
    assert dialog.export_button.isDefault()
    focused = dialog.focusWidget()
    assert focused is not None and focused.objectName() != "" and "Cancel" not in (
        getattr(focused, "text", lambda: "")())
    dialog.reject()


@pytest.fixture
def window_over_contacts(qtbot, data_dir):  # noqa: ANN001, ANN201
    """The real window started over a store that already has contacts."""
    from netdesk.app import compose
    from netdesk.services.contacts import ContactService
    from netdesk.store.db import open_database

    database = open_database(data_dir)
    service = ContactService(database)
    for name in ("Ada Lovelace", "Alan Turing"):
        service.create(Contact(display_name=name))
    service.close()
    database.dispose()
    window = compose(data_dir).window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def test_the_window_starts_with_the_focus_in_the_search_field(window_over_contacts,
                                                               qtbot) -> None:
    """Typing right after the start searches (Down walks into the table, Enter opens): not
    the sidebar, where letters do nothing, nor the table, where Delete deletes."""
    window = window_over_contacts
    qtbot.waitUntil(window.is_warm)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget().objectName() == "searchEdit"
    qtbot.keyClicks(QApplication.focusWidget(), "ada")
    assert find(window, QLineEdit, "searchEdit").text() == "ada"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert QApplication.focusWidget().objectName() == "contactsTable"
