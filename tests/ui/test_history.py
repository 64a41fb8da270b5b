"""One undo history for the whole window, driven through the real window like a user would:
failing undo/redo never crash and never empty the history; imports are one history step and
one refresh of every view; the contact actions act on the view the user is looking at."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from netdesk.services.transfer import TransferService
from tests.ui.driver import Ui, count_calls


def _card(path: Path, name: str) -> Path:
    given, family = name.split()
    path.write_text(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nN:{family};{given};;;\r\n"
                    "END:VCARD\r\n", encoding="utf-8")
    return path


def _import(ui: Ui, qtbot, path: Path) -> None:  # noqa: ANN001
    ui.import_files([str(path)])
    dialog = ui.import_dialog
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60000)
    dialog.wait()
    dialog.accept()


def _newest(ui: Ui) -> tuple[int, str]:
    summary = max((ui.model.summary(r) for r in range(ui.model.rowCount())), key=lambda s: s.id)
    return summary.id, summary.name


def _press(qtbot, ui: Ui, key: Qt.Key, mods=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    """A key in the contacts table. Shortcuts need the window active (a closed dialog or an
    earlier test's window may leave none); in the search field Ctrl+Z would be the field's
    own text undo, as in any Qt line edit."""
    _activate(qtbot, ui)
    ui.table.setFocus()
    qtbot.keyClick(ui.table, key, mods)


def _activate(qtbot, ui: Ui) -> None:  # noqa: ANN001
    if not ui.window.isActiveWindow():
        ui.window.activateWindow()
        qtbot.waitUntil(ui.window.isActiveWindow)


def _ctrl(qtbot, ui: Ui, key: Qt.Key, shift: bool = False) -> None:  # noqa: ANN001
    mods = Qt.KeyboardModifier.ControlModifier
    if shift:
        mods |= Qt.KeyboardModifier.ShiftModifier
    _press(qtbot, ui, key, mods)


def test_delete_newest_import_then_ctrl_z_restores_and_redo_works(sample_ui, parts, qtbot,
                                                                  tmp_path) -> None:
    """Issue 9's crash: delete the newest contact, import a card (on a store that hands out
    max(id)+1 it gets the deleted one's id), Ctrl+Z. The one history takes back the import
    first, then the delete: the deleted contact is back by name and the app keeps going."""
    ui = sample_ui
    _activate(qtbot, ui)
    _newest_id, newest = _newest(ui)
    ui.select_name(newest)
    _press(qtbot, ui, Qt.Key.Key_Delete)
    assert newest not in ui.names()
    _import(ui, qtbot, _card(tmp_path / "nora.vcf", "Nora Newcomer"))
    assert "Nora Newcomer" in ui.names()

    _ctrl(qtbot, ui, Qt.Key.Key_Z)  # takes back the import
    assert "Nora Newcomer" not in ui.names()
    assert ui.window.statusBar().currentMessage().startswith("Undone: Import")
    _ctrl(qtbot, ui, Qt.Key.Key_Z)  # takes back the delete
    assert newest in ui.names()
    assert parts.contacts.count() == 40
    assert ui.window.statusBar().currentMessage() == f"Undone: Delete {newest}."

    _ctrl(qtbot, ui, Qt.Key.Key_Z, shift=True)  # redo the delete
    assert newest not in ui.names()
    _ctrl(qtbot, ui, Qt.Key.Key_Z, shift=True)  # redo the import
    assert "Nora Newcomer" in ui.names()
    assert parts.contacts.count() == 40
    # And the history is still whole: both can be taken back again.
    ui.undo()
    ui.undo()
    assert newest in ui.names() and "Nora Newcomer" not in ui.names()


def test_undo_of_a_delete_whose_id_was_taken_outside_the_window(sample_ui, parts, qtbot,
                                                                tmp_path) -> None:
    """The same, with the import made outside the window's history (the CLI, another
    process): the restore cannot have its old id; it still comes back and the app runs on."""
    ui = sample_ui
    _activate(qtbot, ui)
    _newest_id, newest = _newest(ui)
    ui.select_name(newest)
    _press(qtbot, ui, Qt.Key.Key_Delete)
    assert parts.runner.undo_label() == f"Delete {newest}"
    TransferService(parts.contacts.db).import_files([_card(tmp_path / "n.vcf", "Nora Newcomer")])
    _ctrl(qtbot, ui, Qt.Key.Key_Z)
    assert newest in ui.names()
    assert parts.contacts.resolve(newest).display_name == newest
    assert ui.window.statusBar().currentMessage() == f"Undone: Delete {newest}."
    _ctrl(qtbot, ui, Qt.Key.Key_Z, shift=True)
    assert newest not in ui.names()
    assert "Nora Newcomer" in [s.name for s in parts.contacts.summaries()]


def test_a_failing_undo_is_reported_and_the_history_stays_usable(sample_ui, parts, qtbot) -> None:
    import dataclasses

    from netdesk.actions.contacts import EditContact

    ui = sample_ui
    _activate(qtbot, ui)
    mei = ui.select_name("Mei Chen")
    _press(qtbot, ui, Qt.Key.Key_Delete)
    kenji = parts.contacts.get(ui.select_name("Kenji Watanabe"))
    assert parts.runner.run(EditContact(parts.contacts, dataclasses.replace(kenji, org="X"))).ok
    # Another program deletes Kenji: his edit can no longer be taken back as recorded.
    parts.contacts.delete([kenji.id])
    _ctrl(qtbot, ui, Qt.Key.Key_Z)
    message = ui.window.statusBar().currentMessage()
    assert message.startswith("Could not undo “Edit Kenji Watanabe”")
    box = ui.window.findChild(QMessageBox, "errorBox")
    assert box is not None and box.text() == message
    box.close()
    # The failed step is dropped; the one below it still undoes, and redoes.
    assert ui.action("undoAction").text() == "Undo Delete Mei Chen"
    _ctrl(qtbot, ui, Qt.Key.Key_Z)
    assert parts.contacts.get(mei).display_name == "Mei Chen" and "Mei Chen" in ui.names()
    _ctrl(qtbot, ui, Qt.Key.Key_Z, shift=True)
    assert "Mei Chen" not in ui.names()


def test_an_import_refreshes_every_view_exactly_once(sample_ui, parts, qtbot, tmp_path,
                                                    data_dir) -> None:
    from netdesk.app import _add_tray

    ui = sample_ui
    _tray, scheduler = _add_tray(parts, data_dir)
    scheduler.start()
    qtbot.waitUntil(ui.window.is_warm)  # its one Today refresh is not the import's
    ui.show_contact(parts.contacts.search_ids("amara okafor")[0])
    calls = {"summaries": 0, "today": 0, "due": 0, "interactions": 0}

    count_calls(calls, parts.contacts, "summaries")
    for name in ("today", "due", "interactions"):
        count_calls(calls, parts.activity, name)
    resets = []
    ui.model.modelReset.connect(lambda: resets.append(1))
    _import(ui, qtbot, _card(tmp_path / "nora.vcf", "Nora Newcomer"))
    assert "Nora Newcomer" in ui.names()
    # The table re-read its rows once, Today its items once (the badge shows what Today read),
    # the tray's scheduler checked once, and the open timeline re-read once. Today, hidden,
    # re-reads in an event-loop turn of its own (so its query is not part of the change's).
    qtbot.waitUntil(lambda: calls["today"] >= 1)
    qtbot.wait(50)
    assert calls == {"summaries": 1, "today": 1, "due": 1, "interactions": 1}
    assert resets == [1]


def test_delete_and_edit_in_the_today_view_act_on_the_today_row(sample_ui, parts, qtbot) -> None:
    ui = sample_ui
    clara = ui.select_name("Clara Novak")  # selected in the (now hidden) contacts table
    ui.window.show_view(ui.today)
    today = ui.today
    row = next(r for r in range(today.model.rowCount())
               if today.model.item(r) is not None and today.model.item(r).name == "Hannah Schmidt")
    today.select_row(row)
    hannah = today.model.item(row).contact_id
    assert ui.window.target_ids() == [hannah]
    assert ui.action("editAction").isEnabled() and ui.action("deleteAction").isEnabled()

    ui.action("editAction").trigger()
    assert ui.editor is not None and ui.editor.original.id == hannah
    ui.editor.reject()
    qtbot.waitUntil(lambda: ui.editor is None)

    ui.action("deleteAction").trigger()
    assert parts.contacts.get(clara).display_name == "Clara Novak"
    assert "Hannah Schmidt" not in [s.name for s in parts.contacts.summaries()]
    assert "Hannah Schmidt" not in [i.name for i in today.data.items]
    # Ctrl+Z works in the Today view too, on the same history.
    _ctrl(qtbot, ui, Qt.Key.Key_Z)
    assert "Hannah Schmidt" in [i.name for i in today.data.items]


def test_contact_actions_are_disabled_when_the_current_view_has_no_target(sample_ui) -> None:
    ui = sample_ui
    ui.window.show_view(ui.today)
    ui.today.table.clearSelection()
    assert ui.window.target_ids() == []
    assert not ui.action("deleteAction").isEnabled()
    assert not ui.action("editAction").isEnabled()
    assert not ui.action("logInteractionAction").isEnabled()


def test_the_today_banner_shows_the_top_of_the_one_history(sample_ui, parts, qtbot) -> None:
    ui = sample_ui
    ui.window.show_view(ui.today)
    today = ui.today
    today.select_row(next(r for r in range(today.model.rowCount())
                          if today.model.item(r) is not None
                          and today.model.item(r).kind == "followup"))
    item = today.selected_item()
    today.mark_done()
    assert today.banner.isVisible() and today.banner_label.text() == f"Done: {item.name}"
    assert ui.action("undoAction").text() == f"Undo Done: {item.name}"
    # Ctrl+Z (not the banner's button) takes it back: the banner has nothing left to offer.
    _ctrl(qtbot, ui, Qt.Key.Key_Z)
    assert not today.banner.isVisible()
    assert not parts.activity.get_followup(item.followup_id).is_done
    # Redo, then the banner's Undo: the same step, once.
    ui.redo()
    assert parts.activity.get_followup(item.followup_id).is_done
