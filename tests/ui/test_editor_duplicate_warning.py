"""The editor warns when someone else already has the e-mail or phone being typed in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton

from netdesk.actions.contacts import CreateContact
from netdesk.domain.contact import Contact, LabeledValue
from tests.ui.driver import find, run


def _add(parts, name: str, email: str = "", phone: str = ""):  # noqa: ANN001, ANN202
    contact = Contact(display_name=name, emails=[LabeledValue(email)] if email else [],
                      phones=[LabeledValue(phone)] if phone else [])
    return run(parts, CreateContact(parts.contacts, contact)).created


def _new_editor(ui, qtbot):  # noqa: ANN001, ANN202
    qtbot.keyClick(ui.window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = ui.editor
    assert editor is not None and editor.original.id is None
    return editor


def test_new_contact_with_a_known_email_offers_to_open_that_contact(ui, parts, qtbot) -> None:
    amara = _add(parts, "Amara Okafor", "amara@okafor.example")
    _add(parts, "Ben Stone", "ben@stone.example")
    editor = _new_editor(ui, qtbot)
    warning = find(editor, QFrame, "duplicateWarning")
    assert not warning.isVisibleTo(editor)
    editor.given_edit.setText("Amara")
    email = editor.emails.value_edit(0) or editor.emails.add_row()
    qtbot.keyClicks(email, "Amara@Okafor.example")  # typed: checked once typing stops
    qtbot.waitUntil(lambda: warning.isVisibleTo(editor), timeout=5000)
    text = find(editor, QLabel, "duplicateWarningLabel").text()
    assert text == "Amara Okafor already has this e-mail — open that contact instead?"
    button = find(editor, QPushButton, "openDuplicateButton")
    assert button.text() == "Open Amara Okafor"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert parts.contacts.count() == 2  # nothing saved
    assert ui.editor is not None and ui.editor is not editor
    assert ui.editor.original.id == amara.id
    assert ui.selected_contact_ids() == [amara.id]
    ui.editor.reject()


def test_saving_anyway_stays_possible_and_edits_are_checked_too(ui, parts, qtbot) -> None:
    _add(parts, "Jonas Weber", phone="+49 30 1234567")
    editor = _new_editor(ui, qtbot)
    editor.given_edit.setText("Front desk")
    phone = editor.phones.value_edit(0) or editor.phones.add_row()
    phone.setText("+49 (30) 123-4567")
    warning = find(editor, QFrame, "duplicateWarning")
    qtbot.waitUntil(lambda: warning.isVisibleTo(editor), timeout=5000)
    assert "Jonas Weber already has this phone number" in warning.label.text()
    assert editor.try_save()
    assert parts.contacts.count() == 2
    qtbot.waitUntil(lambda: ui.model.rowCount() == 2)
    ui.select_name("Front desk")
    ui.action("editAction").trigger()  # an edited contact that already shares: told at once
    editor = ui.editor
    warning = find(editor, QFrame, "duplicateWarning")
    assert warning.isVisibleTo(editor) and "Jonas Weber" in warning.label.text()
    editor.phones.value_edit(0).setText("+49 30 7654321")
    qtbot.waitUntil(lambda: not warning.isVisibleTo(editor), timeout=5000)
    editor.reject()


@pytest.fixture
def phones_in_germany(monkeypatch):  # noqa: ANN001, ANN201
    """National numbers are German ones, as the finder reads them (before the window opens)."""
    from netdesk.dedupe.phones import REGION_ENV

    monkeypatch.setenv(REGION_ENV, "DE")


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("030 1234567", "+49 30 1234567"),  # national vs international
        ("+49 (0)30 1234567", "0049 30 1234567"),
        ("+44 7700 900110", "0044 7700 900110"),  # abroad, written with 00
    ],
)
def test_phones_are_compared_as_the_finder_compares_them(phones_in_germany, ui, parts, qtbot,
                                                         stored: str, typed: str) -> None:
    _add(parts, "Jonas Weber", phone=stored)
    editor = _new_editor(ui, qtbot)
    editor.given_edit.setText("Jonas")
    phone = editor.phones.value_edit(0) or editor.phones.add_row()
    phone.setText(typed)
    warning = find(editor, QFrame, "duplicateWarning")
    qtbot.waitUntil(lambda: warning.isVisibleTo(editor), timeout=5000)
    assert warning.label.text() == (
        "Jonas Weber already has this phone number — open that contact instead?")
    phone.setText("+49 30 7654321")  # another number: the warning goes
    qtbot.waitUntil(lambda: not warning.isVisibleTo(editor), timeout=5000)
    editor.reject()
