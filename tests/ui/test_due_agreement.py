"""One answer to "what is due": the tray's count and the Today badge agree (overdue and due
today), and an announced item is not announced again after a restart."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from netdesk.actions import Runner
from netdesk.ui.activity_flows import ActivityFlows
from netdesk.ui.reminder_memory import ReminderMemory
from netdesk.ui.scheduler import ReminderScheduler
from netdesk.ui.tray import TrayController
from tests.helpers.fakes import FakeNotifier, add_contact
from tests.helpers.zones import BERLIN, NOW

HOUR = dt.timedelta(hours=1)


@pytest.fixture(autouse=True)
def restore_quit_on_last_window(qapp):
    before = QApplication.quitOnLastWindowClosed()
    yield
    QApplication.setQuitOnLastWindowClosed(before)


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "netdesk-ui.ini"), QSettings.Format.IniFormat)


def _due_mix(contact_service, activity) -> None:  # noqa: ANN001
    """NOW is Friday 14:00 in Berlin: two overdue, two later today, one next week."""
    ada = add_contact(contact_service, "Ada", NOW - 2 * HOUR)
    for when in (NOW - HOUR, NOW - 72 * HOUR, NOW + 2 * HOUR, NOW + 5 * HOUR, NOW + 50 * HOUR):
        activity.add_followup(ada, when, f"at {when:%d %H}")


def test_tray_and_today_badge_count_the_same_items(qtbot, contact_service, activity, clock,
                                                  settings, qtlog) -> None:
    from netdesk.ui.main_window import MainWindow
    from netdesk.ui.today import TodayView
    from netdesk.ui.today_badge import TodayBadge

    _due_mix(contact_service, activity)
    runner = Runner()
    window = MainWindow(settings)
    qtbot.addWidget(window)
    today = TodayView(activity, contact_service, clock, BERLIN,
                      ActivityFlows(activity, runner, lambda _o: None))
    window.add_view("Today", today, first=True)
    TodayBadge(window, today, BERLIN)
    with qtlog.disabled():
        tray = TrayController(window, activity, clock, FakeNotifier(),
                              tray_available=lambda: True, settings=settings)
    scheduler = ReminderScheduler(activity, clock, tray.notifier, window, runner=runner)
    scheduler.dueChanged.connect(tray.update_due)
    scheduler.start()
    today.refresh()
    assert window.view_badge(today) == (4, True)
    assert len(scheduler.due_now) == 4
    assert tray.tray.toolTip() == "netdesk — 4 due"


def test_announced_items_are_not_announced_again_after_a_restart(
        qtbot, contact_service, activity, clock, settings) -> None:
    _due_mix(contact_service, activity)
    first_run = FakeNotifier()
    scheduler = ReminderScheduler(activity, clock, first_run, memory=ReminderMemory(settings))
    scheduler.start()
    assert len(first_run.sent) == 1  # the two overdue ones, in one summary
    scheduler.stop()

    # The next start reads the same settings file.
    second_run = FakeNotifier()
    restarted = ReminderScheduler(activity, clock, second_run, memory=ReminderMemory(
        QSettings(settings.fileName(), QSettings.Format.IniFormat)))
    restarted.start()
    assert second_run.sent == []
    clock.advance(2 * HOUR + dt.timedelta(seconds=1))  # the 16:00 one falls due
    restarted.check()
    assert [body for _t, body, _c in second_run.sent] == [f"at {NOW + 2 * HOUR:%d %H}"]
    restarted.stop()
