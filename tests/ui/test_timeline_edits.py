"""Editing and deleting logged interactions and follow-ups in the real window: keys (Enter/F2,
Delete), the context menu, the group question, the status line, undo and the Today badge."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication

from netdesk.actions import ChangeEvent
from netdesk.domain.activity import FollowUp, Interaction
from netdesk.domain.contact import Contact


def _people(parts, ui, qtbot, *names: str) -> list[int]:
    ids = [parts.contacts.create(Contact(display_name=n)).id for n in names]
    parts.runner.publish(ChangeEvent(bulk=True))
    qtbot.waitUntil(lambda: set(names) <= set(ui.names()))
    return ids


def _open(ui, qtbot, name: str) -> None:
    ui.select_name(name)
    qtbot.waitUntil(lambda: ui.detail.contact is not None
                    and ui.detail.contact.display_name == name)


def test_f2_edits_an_interaction_and_undo_puts_it_back(parts, ui, qtbot) -> None:
    (ada,) = _people(parts, ui, qtbot, "Ada")
    now = parts.activity.clock.now()
    logged = parts.activity.log_interaction(ada, "call", "first", now - dt.timedelta(hours=5))
    _open(ui, qtbot, "Ada")
    ui.set_current_entry(logged.id, Interaction)
    qtbot.keyClick(ui.timeline_list, Qt.Key.Key_F2)
    dialog = ui.dialog("logInteractionDialog")
    assert dialog.values() == ("call", logged.at.replace(second=0, microsecond=0), "first")
    dialog.note_edit.setPlainText("first, and lunch")
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("meeting"))
    dialog.accept()
    (saved,) = parts.activity.interactions(ada)
    assert (saved.id, saved.channel, saved.note) == (logged.id, "meeting", "first, and lunch")
    assert ui.status_text() == "Interaction saved — Ctrl+Z to undo."
    assert "meeting" in ui.timeline_list.item(0).text().lower()
    ui.undo()
    (back,) = parts.activity.interactions(ada)
    assert (back.id, back.channel, back.note) == (logged.id, "call", "first")
    assert "Call" in ui.timeline_list.item(0).text()


def test_enter_edits_a_follow_up_and_delete_deletes_it_with_undo(parts, ui, qtbot) -> None:
    (ada,) = _people(parts, ui, qtbot, "Ada")
    now = parts.activity.clock.now()
    overdue = parts.activity.add_followup(ada, now - dt.timedelta(hours=2), "send slides")
    parts.runner.publish(ChangeEvent.of(activity=[ada]))
    qtbot.waitUntil(lambda: ui.today_badge() == 1)
    _open(ui, qtbot, "Ada")

    ui.set_current_entry(overdue.id, FollowUp)
    qtbot.keyClick(ui.timeline_list, Qt.Key.Key_Return)
    dialog = ui.dialog("followUpDialog")
    assert dialog.note() == "send slides"
    dialog.note_edit.setPlainText("send the slides")
    dialog.accept()
    assert parts.activity.get_followup(overdue.id).note == "send the slides"

    ui.set_current_entry(overdue.id, FollowUp)
    qtbot.keyClick(ui.timeline_list, Qt.Key.Key_Delete)
    # Undoable, so no question: gone at once, the status line says how to get it back.
    assert parts.activity.followups(ada) == []
    assert ui.status_text() == "Deleted follow-up — Ctrl+Z to undo."
    assert ui.selected_contact_ids() == [ada]  # Delete did not delete the contact
    assert not any(isinstance(e, FollowUp) for e in ui.timeline_entries())
    qtbot.waitUntil(lambda: ui.today_badge() == 0)
    ui.undo()
    back = parts.activity.get_followup(overdue.id)
    assert (back.id, back.note, back.due) == (overdue.id, "send the slides", overdue.due)
    qtbot.waitUntil(lambda: ui.today_badge() == 1)


def _button(box, name: str) -> QAbstractButton:
    return box.findChild(QAbstractButton, name)


def test_deleting_a_group_interaction_asks_this_person_or_everyone(parts, ui, qtbot) -> None:
    ada, bob, cy = _people(parts, ui, qtbot, "Ada", "Bob", "Cy")
    meeting = parts.activity.log_interaction(ada, "meeting", "kick-off", with_ids=(bob, cy))
    _open(ui, qtbot, "Bob")
    ui.set_current_entry(meeting.id, Interaction)
    qtbot.keyClick(ui.timeline_list, Qt.Key.Key_Delete)
    box = ui.dialog("groupDeleteBox")
    assert "Bob and 2 others were part" in box.text()
    assert box.defaultButton() is _button(box, "removeFromGroupButton")
    _button(box, "removeFromGroupButton").click()
    assert parts.activity.interactions(bob) == []
    assert [i.people for i in parts.activity.interactions(ada)] == [(ada, cy)]
    assert ui.status_text() == "Removed Bob from the interaction — Ctrl+Z to undo."
    ui.undo()
    assert [i.people for i in parts.activity.interactions(bob)] == [(ada, bob, cy)]

    ui.set_current_entry(meeting.id, Interaction)
    menu = ui.timeline.entry_menu(ui.timeline_entries()[0])
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names == ["editEntryAction", "removeFromEntryAction", "deleteEntryAction"]
    menu.deleteLater()
    qtbot.keyClick(ui.timeline_list, Qt.Key.Key_Delete)
    _button(ui.dialog("groupDeleteBox"), "deleteForAllButton").click()
    assert all(parts.activity.interactions(c) == [] for c in (ada, bob, cy))
    assert ui.status_text() == "Deleted interaction — Ctrl+Z to undo."
    ui.undo()
    assert [i.id for i in parts.activity.interactions(cy)] == [meeting.id]
    QApplication.processEvents()


def test_context_menu_of_a_follow_up(parts, ui, qtbot) -> None:
    (ada,) = _people(parts, ui, qtbot, "Ada")
    now = parts.activity.clock.now()
    f = parts.activity.add_followup(ada, now + dt.timedelta(days=2), "call back")
    _open(ui, qtbot, "Ada")
    qtbot.waitUntil(lambda: bool(ui.timeline_entries()))
    menu = ui.timeline.entry_menu(ui.timeline_entries()[0])
    actions = {a.objectName(): a for a in menu.actions() if a.objectName()}
    assert list(actions) == ["editEntryAction", "markDoneEntryAction", "snoozeEntryAction",
                             "deleteEntryAction"]
    assert actions["editEntryAction"].shortcut().toString() == "F2"
    actions["deleteEntryAction"].trigger()
    assert parts.activity.followups(ada) == []
    ui.undo()
    assert parts.activity.get_followup(f.id).note == "call back"
    menu.deleteLater()


def test_today_view_edits_and_deletes_a_follow_up(parts, ui, qtbot) -> None:
    (ada,) = _people(parts, ui, qtbot, "Ada")
    now = parts.activity.clock.now()
    f = parts.activity.add_followup(ada, now - dt.timedelta(hours=1), "send slides")
    parts.runner.publish(ChangeEvent.of(activity=[ada]))
    ui.window.show_view(ui.today)
    today = ui.today
    qtbot.waitUntil(lambda: today.data is not None and len(today.data.items) == 1)
    assert ui.today_badge() == 1
    row = next(r for r in range(today.model.rowCount()) if today.model.item(r) is not None)
    today.select_row(row)
    ui.today_table.setFocus()

    qtbot.keyClick(ui.today_table, Qt.Key.Key_F2)
    dialog = ui.dialog("followUpDialog")
    dialog.due_edit.set_utc(now + dt.timedelta(days=3))
    dialog.accept()
    moved = parts.activity.get_followup(f.id)
    assert moved.due == (now + dt.timedelta(days=3)).replace(second=0, microsecond=0)
    qtbot.waitUntil(lambda: ui.today_badge() == 0)  # no longer overdue, not due today
    ui.undo()
    assert parts.activity.get_followup(f.id).due == f.due
    qtbot.waitUntil(lambda: ui.today_badge() == 1)

    today.select_row(next(r for r in range(today.model.rowCount())
                          if today.model.item(r) is not None))
    menu = ui.controller("followUpMenu").menu()
    delete = next(a for a in menu.actions() if a.objectName() == "deleteFollowUpAction")
    delete.trigger()
    menu.deleteLater()
    assert parts.activity.followups(ada) == []
    assert parts.contacts.get(ada).display_name == "Ada"  # the follow-up, not the person
    assert ui.status_text() == "Deleted follow-up — Ctrl+Z to undo."
    qtbot.waitUntil(lambda: ui.today_badge() == 0)
    ui.undo()
    assert parts.activity.get_followup(f.id).note == "send slides"
    qtbot.waitUntil(lambda: ui.today_badge() == 1)
