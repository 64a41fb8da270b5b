"""TrayController with a pretend tray (``tray_available=lambda: True``) and without one.

No real tray or D-Bus is needed: offscreen Qt still lets a QSystemTrayIcon be shown, it just
has nowhere to draw it. The end-to-end test under Xvfb + trayer covers a real one.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMainWindow, QSystemTrayIcon

from netdesk.domain.due import DueItem
from netdesk.ui.notifier import TrayNotifier, WindowNotifier
from netdesk.ui.scheduler import ReminderScheduler
from netdesk.ui.tray import HINT_KEY, MENU_ITEMS, TrayController
from tests.helpers.fakes import FakeNotifier, add_contact
from tests.helpers.zones import NOW

# Offscreen Qt cannot size windows; harmless (tests/ui/conftest.py ignores it for this folder,
# and its marker takes precedence over a module's, so this one is only a fallback).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def restore_quit_on_last_window(qapp):
    # The controller switches this off while the tray is in use; keep other tests unaffected.
    before = QApplication.quitOnLastWindowClosed()
    yield
    QApplication.setQuitOnLastWindowClosed(before)


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "netdesk.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot) -> QMainWindow:
    w = QMainWindow()
    w.setWindowTitle("netdesk")
    qtbot.addWidget(w)
    return w


@pytest.fixture
def make_tray(window, activity, clock, settings, qtlog):
    def make(available=True, notifier=None) -> TrayController:
        check = available if callable(available) else (lambda: available)
        # Offscreen Qt has no tray window to watch: showing an icon there warns once
        # ("No such signal ...systemTrayWindowChanged"). The Xvfb end-to-end test has a real one.
        with qtlog.disabled():
            return TrayController(
                window, activity, clock, notifier, tray_available=check, settings=settings
            )

    return make


def item(n: int) -> DueItem:
    return DueItem(n, f"Person {n}", NOW, "followup", f"note {n}", n)


def texts(tray: TrayController) -> list[str]:
    return [a.text() for a in tray.contextMenu().actions() if not a.isSeparator()]


def test_menu_lists_what_is_due(make_tray, activity, clock, contact_service):
    ada = add_contact(contact_service, "Ada Lovelace", NOW)
    bob = add_contact(contact_service, "Bob", NOW - dt.timedelta(days=40))
    activity.add_followup(ada, NOW - dt.timedelta(hours=1), "send slides")
    activity.add_followup(ada, NOW + dt.timedelta(days=1), "not yet")
    activity.set_cadence(bob, 30)
    tray = make_tray(notifier=FakeNotifier())
    assert tray.tray.objectName() == "trayIcon" and tray.tray.parent() is tray.window
    assert texts(tray) == ["Nothing due", "Open netdesk", "Quit netdesk"]
    scheduler = ReminderScheduler(activity, clock, FakeNotifier(), tray.window)
    scheduler.dueChanged.connect(tray.update_due)
    scheduler.start()
    assert texts(tray) == [
        "Bob — get in touch",
        "Ada Lovelace — send slides",
        "Open netdesk",
        "Quit netdesk",
    ]
    assert tray.tray.toolTip() == "netdesk — 2 due"
    scheduler.stop()


def test_clicking_a_menu_entry_opens_the_contact(qtbot, window, make_tray):
    tray = make_tray(notifier=FakeNotifier())
    tray.update_due([item(7)])
    entry = tray.contextMenu().actions()[0]
    with qtbot.waitSignal(tray.contactRequested) as blocker:
        entry.trigger()
    assert blocker.args == [7]
    assert window.isVisible()


def test_long_lists_are_cut(make_tray):
    tray = make_tray(notifier=FakeNotifier())
    tray.update_due([item(n) for n in range(1, 15)])
    shown = texts(tray)
    assert len(shown) == MENU_ITEMS + 3
    assert shown[MENU_ITEMS] == "…and 4 more"
    tray.update_due([])
    assert tray.tray.toolTip() == "netdesk — nothing due"


def test_badge_changes_the_icon(make_tray):
    tray = make_tray(notifier=FakeNotifier())
    plain = tray.tray.icon().pixmap(32, 32).toImage()
    tray.update_due([item(1), item(2)])
    assert tray.tray.icon().pixmap(32, 32).toImage() != plain
    assert not tray.tray.icon().isNull()


def test_close_hides_to_tray_and_says_so_once(qtbot, window, make_tray, settings):
    notifier = FakeNotifier()
    tray = make_tray(notifier=notifier)
    assert tray.in_use()
    assert not QApplication.quitOnLastWindowClosed()
    quit_calls = []
    QApplication.instance().aboutToQuit.connect(lambda: quit_calls.append(1))
    window.show()
    qtbot.waitExposed(window)
    assert window.close() is False  # the close was turned into a hide
    assert not window.isVisible()
    assert notifier.titles == ["netdesk is still running in the tray"]
    assert settings.value(HINT_KEY, type=bool) is True
    tray.show_window()
    assert window.isVisible()
    window.close()
    assert not window.isVisible()
    assert len(notifier.sent) == 1  # only the first time
    assert quit_calls == []


def test_hint_is_remembered_across_runs(window, make_tray, settings):
    settings.setValue(HINT_KEY, True)
    notifier = FakeNotifier()
    make_tray(notifier=notifier)
    window.show()
    window.close()
    assert not window.isVisible() and notifier.sent == []


def test_without_a_tray_close_quits_normally(qtbot, window, make_tray):
    tray = make_tray(available=False)
    assert not tray.enabled and not tray.tray.isVisible()
    assert QApplication.quitOnLastWindowClosed()
    # Reminders still reach the user, in the window.
    assert isinstance(tray.notifier, WindowNotifier)
    tray.notifier.notify("Follow up with Ada", "send slides", 1)
    assert window.statusBar().currentMessage() == "Follow up with Ada — send slides"
    window.show()
    qtbot.waitExposed(window)
    assert window.close() is True
    assert not window.isVisible()


def test_tray_gone_at_close_time_closes_normally(window, make_tray):
    state = {"available": True}
    tray = make_tray(lambda: state["available"], FakeNotifier())
    state["available"] = False  # e.g. the panel crashed
    assert not tray.in_use()
    window.show()
    assert window.close() is True
    assert QApplication.quitOnLastWindowClosed()  # so the app ends instead of lingering


def test_quit_really_quits(qtbot, window, make_tray, monkeypatch):
    quits = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(1)))
    tray = make_tray(notifier=FakeNotifier())
    window.show()
    qtbot.waitExposed(window)
    quit_action = next(a for a in tray.contextMenu().actions() if a.text() == "Quit netdesk")
    with qtbot.waitSignal(tray.quitRequested):
        quit_action.trigger()
    assert not window.isVisible()
    assert not tray.tray.isVisible()
    assert quits == [1]


def test_default_notifier_is_the_tray_and_a_click_opens_the_contact(qtbot, window, make_tray):
    tray = make_tray()
    assert isinstance(tray.notifier, TrayNotifier)
    with qtbot.waitSignal(tray.notifier.notified):
        tray.notifier.notify("Follow up with Ada", "send slides", 42)
    with qtbot.waitSignal(tray.contactRequested) as blocker:
        tray.tray.messageClicked.emit()
    assert blocker.args == [42]
    assert window.isVisible()


def test_left_click_toggles_the_window(qtbot, window, make_tray):
    tray = make_tray(notifier=FakeNotifier())
    tray.tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    assert window.isVisible()
    tray.tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    assert not window.isVisible()
    tray.tray.activated.emit(QSystemTrayIcon.ActivationReason.Context)
    assert not window.isVisible()


def test_menu_offers_met_someone_when_the_window_has_it(make_tray, window, qtbot):
    from PySide6.QtGui import QAction

    quick = QAction("Met someone…", window)
    quick.setObjectName("quickAddAction")
    window.addAction(quick)
    tray = make_tray()
    tray.update_due([item(1)])
    assert "Met someone…" in texts(tray)
    with qtbot.waitSignal(quick.triggered):
        next(a for a in tray.contextMenu().actions() if a.text() == "Met someone…").trigger()


def test_file_quit_ends_the_app_with_the_tray_and_close_still_hides(
        qtbot, activity, clock, settings, qtlog, monkeypatch):
    from netdesk.ui.main_window import MainWindow

    quits = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(1)))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    notifier = FakeNotifier()
    with qtlog.disabled():
        tray = TrayController(window, activity, clock, notifier, tray_available=lambda: True,
                              settings=settings)
    window.show()
    qtbot.waitExposed(window)
    window.close()  # the close button: hidden to the tray, explained once
    assert not window.isVisible() and tray.tray.isVisible() and quits == []
    assert len(notifier.sent) == 1
    window.show()
    with qtbot.waitSignal(tray.quitRequested):
        window.action("quitAction").trigger()  # File → Quit, Ctrl+Q
    assert quits == [1] and not tray.tray.isVisible() and not window.isVisible()
    assert len(notifier.sent) == 1  # quitting is not "still running in the tray"


@pytest.mark.parametrize("in_tray", [True, False])
def test_start_in_tray_leaves_the_window_hidden_with_the_tray_icon_shown(
        qtbot, data_dir, qtlog, monkeypatch, in_tray) -> None:
    """Settings → Start in the system tray: the real window paints once and goes to the
    tray (a pretend tray, as above); without the setting it stays shown, with the icon."""
    from netdesk.app import compose, start_window
    from netdesk.ui.settings import START_IN_TRAY_KEY, open_settings

    settings = open_settings(data_dir)
    settings.setValue(START_IN_TRAY_KEY, in_tray)
    settings.sync()
    parts = compose(data_dir)
    window = parts.window
    qtbot.addWidget(window)
    with qtlog.disabled():
        trays = start_window(parts, data_dir, tray_available=lambda: True)
        qtbot.waitUntil(lambda: bool(trays))
    tray = trays[0]
    qtbot.waitUntil(lambda: window.isVisible() != in_tray)
    qtbot.wait(50)  # nothing shows it again afterwards
    assert window.isVisible() is not in_tray
    assert tray.tray.isVisible() and tray.tray.objectName() == "trayIcon"
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: None))
    tray.quit()  # closes the window for good (a close would only hide it to the tray)
