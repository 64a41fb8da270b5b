"""The editor through the real window: focus in the first field after Ctrl+N, Esc on unsaved
changes asks Save / Discard / Cancel, an empty contact is refused, "foo@bar" is a warning."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from netdesk.domain.contact import LabeledValue
from netdesk.domain.contact_rules import NEEDS_SOMETHING


def _open_new(ui, qtbot):  # noqa: ANN001, ANN202
    ui.window.activateWindow()
    ui.action("newAction").trigger()
    qtbot.waitUntil(lambda: ui.editor is not None and ui.editor.isVisible())
    return ui.editor


def _answer(editor, button: QMessageBox.StandardButton, qtbot) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: editor.findChild(QMessageBox, "unsavedChangesBox") is not None)
    box = editor.findChild(QMessageBox, "unsavedChangesBox")
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Save)
    box.button(button).click()


def test_typing_after_ctrl_n_lands_in_the_first_name(ui, qtbot) -> None:
    editor = _open_new(ui, qtbot)
    assert editor.focusWidget() is editor.given_edit
    qtbot.keyClicks(editor.focusWidget(), "Ada")
    assert editor.given_edit.text() == "Ada"


def test_escape_on_changes_asks_and_cancel_keeps_editing(ui, parts, qtbot) -> None:
    editor = _open_new(ui, qtbot)
    editor.given_edit.setText("Grace")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    _answer(editor, QMessageBox.StandardButton.Cancel, qtbot)
    assert editor.isVisible() and editor.given_edit.text() == "Grace"

    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    _answer(editor, QMessageBox.StandardButton.Save, qtbot)
    qtbot.waitUntil(lambda: ui.editor is None)
    assert [s.name for s in parts.contacts.summaries()] == ["Grace"]


def test_escape_then_discard_loses_only_the_edit(ui, parts, qtbot) -> None:
    editor = _open_new(ui, qtbot)
    editor.given_edit.setText("Grace")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    _answer(editor, QMessageBox.StandardButton.Discard, qtbot)
    qtbot.waitUntil(lambda: ui.editor is None)
    assert parts.contacts.count() == 0


def test_escape_without_changes_just_closes(ui, qtbot) -> None:
    editor = _open_new(ui, qtbot)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: ui.editor is None)
    assert QApplication.activeModalWidget() is None or not isinstance(
        QApplication.activeModalWidget(), QMessageBox)


def test_an_empty_contact_is_refused_with_a_clear_message(ui, parts, qtbot) -> None:
    editor = _open_new(ui, qtbot)
    assert not editor.try_save()
    assert editor.isVisible() and parts.contacts.count() == 0
    assert NEEDS_SOMETHING in editor.general_error.text()
    editor.org_edit.setText("Analytical Engines Ltd")
    assert editor.try_save()
    assert [s.name for s in parts.contacts.summaries()] == ["Analytical Engines Ltd"]


def test_an_email_without_a_dot_warns_once_then_saves(ui, parts, qtbot) -> None:
    editor = _open_new(ui, qtbot)
    editor.given_edit.setText("Intra")
    editor.emails.set_values([LabeledValue("printer@intranet")])
    assert not editor.try_save()
    assert "no dot" in editor.emails.error.text() and parts.contacts.count() == 0
    assert editor.try_save()  # the user keeps it
    (saved,) = parts.contacts.get_many(parts.contacts.search_ids("intra"))
    assert [e.value for e in saved.emails] == ["printer@intranet"]
