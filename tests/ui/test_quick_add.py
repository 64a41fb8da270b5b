"""The "Met someone" dialog, driven by the keyboard alone: six people at a meetup, two
follow-ups, then the store is checked."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt

from netdesk.actions import Runner
from netdesk.domain.events import Event
from netdesk.services.events import EventService
from netdesk.services.quick_add import QuickAddService
from netdesk.ui.quick_add import QuickAddDialog
from tests.helpers.zones import BERLIN

PEOPLE = [
    # name, company, detail, note, follow-up
    ("Hannah Arendt", "Acme", "hannah@example.org", "Rust in prod", "send the intro tomorrow"),
    ("Ivo Andric", "", "+49 170 1234567", "", ""),
    ("Jana Novak", "Blue GmbH", "", "hiring a PM", ""),
    ("Karl Popper", "LSE", "karl@example.org", "", "share the paper on Monday"),
    ("Lea Roth", "", "", "", ""),
    ("Mo Salah", "Red", "mo@example.org", "football", ""),
]


@pytest.fixture
def setup(qtbot, database, contact_service, activity, clock, tmp_path):
    events = EventService(database, clock, BERLIN)
    quick = QuickAddService(contact_service, activity, events)
    older = events.add(Event("Last month's meetup", "meetup", dt.date(2026, 10, 20)))
    today = events.add(Event("PyData Berlin", "meetup", dt.date(2026, 11, 27)))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("quickAdd/tags", "berlin, python")
    runner = Runner()
    dialog = QuickAddDialog(quick, events, runner, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, events, runner, today, older, settings


def _type(qtbot, dialog, text: str) -> None:
    if text:
        qtbot.keyClicks(dialog.focusWidget(), text)


def _tab(qtbot, dialog, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)


def test_six_people_at_a_meetup_and_two_followups_by_keyboard(qtbot, setup, contact_service,
                                                             activity) -> None:
    dialog, events, runner, today, _older, _settings = setup
    assert dialog.event_combo.currentData() == today.id  # the event happening today
    assert dialog.tags_edit.text() == "berlin, python"  # remembered from the last entry
    for name, company, detail, note, followup in PEOPLE:
        assert dialog.focusWidget() is dialog.name_edit
        _type(qtbot, dialog, name)
        _tab(qtbot, dialog)
        _type(qtbot, dialog, company)
        _tab(qtbot, dialog)
        _type(qtbot, dialog, detail)
        _tab(qtbot, dialog)
        _type(qtbot, dialog, note)
        if followup:
            _tab(qtbot, dialog, 3)  # past the event and the tags
            assert dialog.focusWidget() is dialog.followup_edit
            _type(qtbot, dialog, followup)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
        assert not dialog.error.isVisible(), dialog.error.text()
        assert dialog.name_edit.text() == ""  # cleared for the next person
    assert dialog.isVisible()  # Enter never closes it
    assert "6 so far" in dialog.status.text()

    met = events.people(today.id)
    assert sorted(n for _, n in met) == sorted(p[0] for p in PEOPLE)
    people = {c.display_name: c for c in contact_service.get_many([cid for cid, _ in met])}
    assert people["Hannah Arendt"].emails[0].value == "hannah@example.org"
    assert people["Ivo Andric"].phones[0].value == "+49 170 1234567"
    assert (people["Jana Novak"].org, people["Jana Novak"].met_note) == ("Blue GmbH", "hiring a PM")
    assert all(c.tags == ["berlin", "python"] for c in people.values())
    # The meetup is one interaction with all six, in each one's timeline.
    (meeting,) = activity.interactions(people["Lea Roth"].id)
    assert set(meeting.people) == {c.id for c in people.values()}
    todos = {name: activity.followups(c.id) for name, c in people.items()}
    assert [(f.note, f.due) for f in todos["Hannah Arendt"]] == [
        ("send the intro", dt.datetime(2026, 11, 28, 8, 0, tzinfo=dt.UTC))]
    assert [(f.note, f.due) for f in todos["Karl Popper"]] == [
        ("share the paper", dt.datetime(2026, 11, 30, 8, 0, tzinfo=dt.UTC))]
    assert sum(len(t) for t in todos.values()) == 2
    # Each person is one step in the one undo history.
    assert runner.undo_label() == "Add Mo Salah"


def test_bad_detail_keeps_what_was_typed_and_adds_nobody(qtbot, setup, contact_service) -> None:
    dialog, *_ = setup
    _type(qtbot, dialog, "Nina")
    _tab(qtbot, dialog, 2)
    _type(qtbot, dialog, "no contact detail")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.error.isVisible() and "neither an e-mail" in dialog.error.text()
    assert dialog.name_edit.text() == "Nina" and dialog.focusWidget() is dialog.detail_edit
    assert contact_service.count() == 0


def test_last_used_event_is_preselected_when_none_happens_today(qtbot, setup, database,
                                                                contact_service, activity,
                                                                clock) -> None:
    dialog, events, runner, _today, older, settings = setup
    dialog.event_combo.setCurrentIndex(dialog.event_combo.findData(older.id))
    _type(qtbot, dialog, "Otto")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    clock.advance(days=3)  # PyData is over: nothing happens today
    again = QuickAddDialog(QuickAddService(contact_service, activity, events), events, runner,
                           settings)
    qtbot.addWidget(again)
    assert again.event_combo.currentData() == older.id


def test_followup_preview_says_when_it_is_due(qtbot, setup) -> None:
    dialog, *_ = setup
    dialog.followup_edit.setText("send the intro tomorrow")
    assert dialog.followup_hint.text() == "“send the intro”, due Sat 28 Nov 2026 09:00"


def test_ctrl_m_in_the_window_opens_it_and_ctrl_z_takes_an_entry_back(parts, qtbot) -> None:
    window = parts.window
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(QuickAddDialog, "quickAddDialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.name_edit, "Pia Lang")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: parts.contacts.count() == 1)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert parts.contacts.count() == 0


def test_a_group_meeting_shows_in_each_timeline_with_the_others(parts, qtbot) -> None:
    from PySide6.QtWidgets import QListWidget, QWidget

    from netdesk.actions.activity import LogInteraction
    from netdesk.actions.contacts import CreateContact
    from netdesk.domain.contact import Contact
    from tests.ui.driver import Ui, run

    ids = [run(parts, CreateContact(parts.contacts, Contact(display_name=n))).created.id
           for n in ("Ada", "Bob", "Cleo")]
    run(parts, LogInteraction(parts.activity, ids[0], "meeting", "lunch", with_ids=tuple(ids[1:])))
    ui = Ui(parts.window)
    timeline = parts.window.findChild(QWidget, "interactionTimeline")
    for cid in ids:
        ui.show_contact(cid)
        entries = timeline.findChild(QListWidget, "interactionsList")
        qtbot.waitUntil(lambda e=entries: e.count() == 1)
        assert "Meeting · with 2 others\nlunch" in entries.item(0).text()


def test_typed_markup_is_shown_as_text(qtbot, setup) -> None:
    dialog, *_ = setup
    dialog.followup_edit.setText("<b>send</b> tomorrow")
    assert dialog.followup_hint.textFormat() == Qt.TextFormat.PlainText
    assert "<b>send</b>" in dialog.followup_hint.text()
    dialog.name_edit.setText("Eve")
    dialog.detail_edit.setText("<i>nope</i>")
    dialog.save()
    assert dialog.error.textFormat() == Qt.TextFormat.PlainText


def test_the_today_view_opens_it_too(parts, qtbot) -> None:
    from PySide6.QtWidgets import QPushButton

    button = parts.window.findChild(QPushButton, "todayQuickAddButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = parts.window.findChild(QuickAddDialog, "quickAddDialog")
    assert dialog is not None and dialog.isVisible()


def test_log_interaction_on_several_selected_contacts_logs_one_meeting(parts, qtbot) -> None:
    from PySide6.QtWidgets import QDialog

    from netdesk.actions.contacts import CreateContact
    from netdesk.domain.contact import Contact
    from tests.ui.driver import Ui, run

    ids = {run(parts, CreateContact(parts.contacts, Contact(display_name=n))).created.id
           for n in ("Ada", "Bob", "Cleo")}
    ui = Ui(parts.window)
    qtbot.waitUntil(lambda: ui.model.rowCount() == 3)
    ui.table.selectAll()
    assert set(ui.selected_contact_ids()) == ids
    ui.action("logInteractionAction").trigger()
    dialog = parts.window.findChild(QDialog, "logInteractionDialog")
    assert dialog.windowTitle().endswith("and 2 others")
    dialog.note_edit.setPlainText("lunch with all three")
    dialog.accept()
    (first, *_) = ids
    (meeting,) = parts.activity.interactions(first)
    assert set(meeting.people) == ids and meeting.note == "lunch with all three"
    assert all(parts.activity.interactions(cid) == [meeting] for cid in ids)
