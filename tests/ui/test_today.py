"""The Today view, its dialogs and the interaction timeline, on a real temporary store."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from netdesk.ui.activity_flows import ActivityFlows
from netdesk.ui.followup_dialog import FollowUpDialog
from netdesk.ui.log_dialog import LogInteractionDialog
from netdesk.ui.timeline import InteractionTimeline
from netdesk.ui.today import COLUMNS, ITEM_ROLE, WHEN, TodayView
from tests.helpers.fakes import add_contact
from tests.helpers.zones import BERLIN, NOW

# The offscreen platform warns whenever a top-level window (a dialog) is shown; not our bug.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

DAY = dt.timedelta(days=1)


@pytest.fixture
def people(contact_service, activity):
    """Ada overdue 3 days, Bob due today, Cid this week, Dee's cadence lapsed 40 days."""
    ids = {n: add_contact(contact_service, n, NOW - DAY) for n in ("Ada", "Bob", "Cid")}
    ids["Dee"] = add_contact(contact_service, "Dee", NOW - 70 * DAY)
    activity.add_followup(ids["Ada"], NOW - 3 * DAY, "send slides")
    activity.add_followup(ids["Bob"], NOW + dt.timedelta(hours=2), "coffee")
    activity.add_followup(ids["Cid"], NOW + 3 * DAY, "")
    activity.set_cadence(ids["Dee"], 30)
    return ids


@pytest.fixture
def runner():
    from netdesk.actions import Runner

    return Runner()


@pytest.fixture
def flows(activity, runner):
    """The activity flows over a runner; failures land in ``flows.reported``."""
    reported: list = []
    f = ActivityFlows(activity, runner, reported.append)
    f.reported = reported  # type: ignore[attr-defined]
    return f


@pytest.fixture
def view(qtbot, activity, contact_service, clock, people, flows):
    widget = TodayView(activity, contact_service, clock, BERLIN, flows)
    qtbot.addWidget(widget)
    widget.resize(1000, 640)
    return widget


def row_texts(view: TodayView) -> list[str]:
    model = view.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def select(view: TodayView, name: str) -> int:
    model = view.model
    for r in range(model.rowCount()):
        item = model.item(r)
        if item is not None and item.name == name:
            view.select_row(r)
            return r
    raise AssertionError(f"{name} not listed")


def test_model_passes_the_model_tester(view, qtmodeltester):
    qtmodeltester.check(view.model, force_py=True)


def test_rows_are_grouped_overdue_first(view):
    assert view.findChild(type(view.table), "followUpsTable") is view.table
    assert row_texts(view) == [
        "Overdue  ·  2",
        "Overdue 5 weeks",
        "Overdue 3 days",
        "Today  ·  1",
        "Today 16:00",
        "Next 7 days  ·  1",
        "Mon 30 Nov 14:00",
    ]
    model = view.model
    names = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert names == ["", "Dee", "Ada", "", "Bob", "", "Cid"]
    assert model.index(2, 2).data() == "send slides"
    assert model.index(1, 2).data() == "Every 30 days · nothing logged yet"
    assert model.index(6, 2).data() == "Follow up"  # no note: say what it is
    assert [model.index(r, 3).data() for r in (1, 2)] == ["Keep in touch", "Follow-up"]
    assert model.headerData(0, Qt.Orientation.Horizontal) == COLUMNS[0]


def test_overdue_rows_are_marked_and_headers_unselectable(view):
    model = view.model
    overdue, today = model.index(2, WHEN), model.index(4, WHEN)
    assert isinstance(overdue.data(Qt.ItemDataRole.FontRole), QFont)
    assert overdue.data(Qt.ItemDataRole.FontRole).bold()
    assert overdue.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert overdue.data(Qt.ItemDataRole.DecorationRole) is not None
    assert today.data(Qt.ItemDataRole.FontRole) is None
    assert today.data(Qt.ItemDataRole.ForegroundRole) is None
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert view.table.columnSpan(0, 0) == len(COLUMNS)
    view.select_row(0)
    assert view.selected_item() is None


def test_done_marks_the_followup_done_and_undo_reopens(view, activity, people):
    select(view, "Ada")
    assert view.done_button.isEnabled()
    view.done_button.click()
    assert activity.followups(people["Ada"]) == []
    assert "Ada" not in [i.name for i in view.data.items]
    assert view.banner.isVisibleTo(view) and view.undo_button.isVisibleTo(view)
    view.undo_button.click()
    assert len(activity.followups(people["Ada"])) == 1
    assert "Ada" in [i.name for i in view.data.items]


def test_done_on_a_cadence_row_logs_an_interaction(view, activity, people):
    select(view, "Dee")
    assert not view.snooze_button.isEnabled()  # cadences move by logging, not snoozing
    view.done_button.click()
    [logged] = activity.interactions(people["Dee"])
    assert logged.at == NOW
    assert "Dee" not in [i.name for i in view.data.items]
    assert view.data.losing_touch == []


def test_snooze_menu_snoozes_the_selected_followup(view, activity, people):
    select(view, "Ada")
    labels = [a.text() for a in view.snooze_menu.actions() if not a.isSeparator()]
    assert labels == ["In 1 hour", "Tomorrow morning", "Next week", "Pick a time…"]
    tomorrow = next(a for a in view.snooze_menu.actions() if a.data() == "tomorrow")
    tomorrow.trigger()
    [f] = activity.followups(people["Ada"])
    assert f.snoozed_until == dt.datetime(2026, 11, 28, 8, 0, tzinfo=dt.UTC)  # 09:00 Berlin
    # It moved out of Overdue but stays selected.
    assert view.selected_item().name == "Ada"
    assert view.model.index(view.model.row_of(("followup", f.id)), WHEN).data() == (
        "Tomorrow 09:00"
    )
    view.undo()
    assert activity.followups(people["Ada"])[0].snoozed_until is None


def test_custom_snooze_dialog(view, activity, people):
    select(view, "Bob")
    dialog = view.open_custom_snooze()
    assert isinstance(dialog, FollowUpDialog) and dialog.isVisible()
    assert dialog.due_utc() == dt.datetime(2026, 11, 28, 8, 0, tzinfo=dt.UTC)
    dialog.due_edit.set_utc(NOW - DAY)
    dialog.accept()  # into the past: refused inline, dialog stays open
    assert dialog.error.isVisibleTo(dialog) and dialog.result() == 0
    target = dt.datetime(2026, 12, 2, 16, 30, tzinfo=dt.UTC)
    dialog.due_edit.set_utc(target)
    dialog.accept()
    assert activity.followups(people["Bob"])[0].snoozed_until == target


def test_log_interaction_dialog(view, activity, people):
    select(view, "Cid")
    dialog = view.open_log_dialog()
    assert isinstance(dialog, LogInteractionDialog)
    assert dialog.values()[1] == NOW
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("call"))
    dialog.note_edit.setPlainText("  talked about the job  ")
    dialog.accept()
    [logged] = activity.interactions(people["Cid"])
    assert (logged.channel, logged.note, logged.at) == ("call", "talked about the job", NOW)


def test_log_dialog_refuses_the_future(qtbot):
    dialog = LogInteractionDialog(BERLIN, NOW)
    qtbot.addWidget(dialog)
    dialog.at_edit.set_utc(NOW + 2 * DAY)
    dialog.accept()
    assert dialog.result() == 0 and dialog.error.isVisibleTo(dialog)


def test_local_time_is_read_in_the_given_zone(qtbot):
    # 02:30 on the spring-forward night does not exist in Berlin: it moves to 03:30 CEST.
    dialog = FollowUpDialog(BERLIN, NOW)
    qtbot.addWidget(dialog)
    dialog.due_edit.set_utc(dt.datetime(2026, 3, 29, 0, 30, tzinfo=dt.UTC))  # 01:30 CET
    assert dialog.due_edit.dateTime().time().hour() == 1
    dialog._in_days(7)
    assert dialog.due_utc() == dt.datetime(2026, 12, 4, 8, 0, tzinfo=dt.UTC)


def test_losing_touch_list(view, people):
    lst = view.losing_list
    assert lst.objectName() == "losingTouchList"
    assert lst.count() == 1
    assert lst.item(0).text().splitlines() == ["Dee", "5 weeks overdue · every 30 days"]
    assert lst.item(0).data(ITEM_ROLE) == people["Dee"]


def test_double_click_emits_contact_activated(qtbot, view, people):
    view.show()
    qtbot.waitExposed(view)
    row = select(view, "Bob")
    rect = view.table.visualRect(view.model.index(row, 1))
    # A click first: a double-click alone does not reach the view (DESIGN.md).
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.contactActivated) as blocker:
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [people["Bob"]]


def test_empty_state(qtbot, activity, contact_service, clock, flows):
    view = TodayView(activity, contact_service, clock, BERLIN, flows)
    qtbot.addWidget(view)
    assert view.stack.currentWidget() is view.empty
    assert "Ctrl+Shift+F" in view.empty.text.text()
    assert not view.done_button.isEnabled()


def test_refreshes_after_writes_elsewhere(qtbot, view, activity, people, flows):
    # Done from another view (the timeline, the Contact menu): the runner tells Today.
    flows.done(activity.followups(people["Bob"])[0].id)
    qtbot.waitUntil(lambda: "Bob" not in [i.name for i in view.data.items])


def test_fake_clock_moves_items_into_overdue(view, clock):
    clock.advance(hours=3)
    view.refresh()
    assert [i.name for i in view.data.overdue] == ["Dee", "Ada", "Bob"]


# -- timeline -------------------------------------------------------------------------------
@pytest.fixture
def timeline(qtbot, activity, flows):
    widget = InteractionTimeline(activity, flows)
    qtbot.addWidget(widget)
    return widget


def test_timeline_lists_followups_then_interactions_newest_first(timeline, activity, people, clock):
    ada = people["Ada"]
    first = activity.log_interaction(ada, "meeting", "<b>met</b> at PyCon", at=NOW - 10 * DAY)
    second = activity.log_interaction(ada, "email", "sent CV", at=NOW - 2 * DAY)
    timeline.set_contact(ada, "Ada")
    entries = timeline.entries()
    assert [type(e).__name__ for e in entries] == ["FollowUp", "Interaction", "Interaction"]
    assert [e.id for e in entries[1:]] == [second.id, first.id]
    texts = [timeline.list.item(r).text() for r in range(timeline.list.count())]
    assert texts[0] == "Follow up · Overdue 3 days\nsend slides"
    assert texts[2] == "Tue 17 Nov 2026 14:00 · Meeting\n<b>met</b> at PyCon"  # plain text


def test_timeline_log_add_delete_undo(timeline, activity, people, runner):
    cid = people["Cid"]
    timeline.set_contact(cid, "Cid")
    dialog = timeline.open_log_dialog()
    dialog.note_edit.setPlainText("lunch")
    dialog.accept()
    assert [i.note for i in activity.interactions(cid)] == ["lunch"]
    dialog = timeline.open_followup_dialog()
    dialog.note_edit.setPlainText("send intro")
    dialog.accept()
    assert sorted(f.note for f in activity.followups(cid)) == ["", "send intro"]
    logged = activity.interactions(cid)[0]
    timeline.delete_interaction(logged.id)
    assert activity.interactions(cid) == []
    assert timeline.entries()[-1:] != [logged]  # the timeline followed the change
    # The one history takes it back (Ctrl+Z), and the timeline follows again.
    assert runner.undo().ok
    assert activity.interactions(cid) == [logged]
    assert logged.id in [e.id for e in timeline.entries()]


def test_timeline_without_contact_and_empty(timeline, contact_service):
    assert not timeline.log_button.isEnabled()
    assert timeline.open_log_dialog() is None
    lonely = add_contact(contact_service, "Lonely", NOW)
    timeline.set_contact(lonely)
    assert timeline.entries() == []
    assert timeline.empty.isVisibleTo(timeline)


def test_contact_menu_actions(qtbot, activity, people, flows):
    from PySide6.QtWidgets import QApplication, QWidget

    from netdesk.ui.activity_flows import contact_activity_actions

    host = QWidget()
    qtbot.addWidget(host)
    follow, log = contact_activity_actions(host, flows, lambda: [people["Cid"]], str)
    assert follow.shortcut().toString() == "Ctrl+Shift+F"
    follow.trigger()
    dialog = QApplication.activeModalWidget() or host.findChild(FollowUpDialog)
    assert isinstance(dialog, FollowUpDialog)
    dialog.note_edit.setPlainText("ask about the meetup")
    dialog.accept()
    assert "ask about the meetup" in [f.note for f in activity.followups(people["Cid"])]
    log.trigger()
    dialog = host.findChild(LogInteractionDialog)
    dialog.accept()
    assert len(activity.interactions(people["Cid"])) == 1
