"""Composition root: data dir -> database -> services -> main window, and the GUI's main().

Start-up time is a budget (the window should show within ~2.5x a bare Qt window), so this
module imports only what the first paint needs: the listing path is plain sqlite3, and
SQLAlchemy, Alembic and vobject are imported later, when something uses them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import netdesk.ui  # noqa: F401  (first: sets PySide6's options before PySide6 loads)

# Set NETDESK_SCREENSHOT=path to save a picture of the window after its first paint (used by
# the end-to-end test and for README screenshots).
ENV_SCREENSHOT = "NETDESK_SCREENSHOT"


def create_window(data_dir: Path):
    """The fully wired main window over ``data_dir``, not shown, no event loop started.

    A QApplication must exist. Raises StoreError when the store can't be opened.
    """
    from netdesk.services.contacts import ContactService
    from netdesk.store.db import open_database
    from netdesk.ui.main_window import MainWindow
    from netdesk.ui.settings import open_settings

    data_dir = Path(data_dir)
    database = open_database(data_dir)
    contacts = ContactService(database)

    def make_transfer():
        from netdesk.services.transfer import TransferService

        # Create the engine here, on the GUI thread, before a worker thread can race to it.
        _ = database.engine
        return TransferService(database)

    # Rows for the loader thread come through a service of their own, so over their own
    # sqlite3 connection (made on first use) rather than the GUI's.
    loader = ContactService(database)
    window = MainWindow(
        contacts,
        make_transfer,
        open_settings(data_dir),
        lambda: (loader.summaries(), loader.tags()),
    )
    window.load_initial()
    _add_follow_ups(window, database, contacts)
    window.destroyed.connect(lambda *_: contacts.close())
    return window


def _add_follow_ups(window, database, contacts) -> None:  # noqa: ANN001
    """The Today view, the activity timeline and the follow-up actions on contacts."""
    from netdesk.domain.clock import SystemClock
    from netdesk.domain.timeparse import local_tz
    from netdesk.services.activity import ActivityService
    from netdesk.ui.followup_dialog import contact_activity_actions
    from netdesk.ui.icons import line_icon
    from netdesk.ui.timeline import InteractionTimeline
    from netdesk.ui.today import TodayView

    clock, tz = SystemClock(), local_tz()
    activity = ActivityService(database, clock, tz)
    today = TodayView(activity, contacts, clock, tz, load_now=False)
    today.contactActivated.connect(window.show_contact)
    window.add_view("Today", today, line_icon("today"), first=True)
    _add_today_badge(window, activity, today)
    window.add_sample_hook(lambda created: _add_sample_activity(activity, created))

    timeline = InteractionTimeline(activity)
    window.add_detail_section(timeline)
    window.contact_selected.connect(
        lambda cid, name: timeline.set_contact(cid if cid >= 0 else None, name)
    )
    for action in contact_activity_actions(
        window,
        activity,
        window.selected_contact_ids,
        lambda cid: contacts.get(cid).display_name,
    ):
        window.add_contact_action(action)
    # The table's last-contact and follow-up columns follow every logged change, one row at a
    # time (a full reload is 0.5 s at 100k contacts); the Today view and the timeline listen
    # for themselves.
    activity.add_contact_listener(window.refresh_contact)
    # Deleting or editing a contact can change what is due (the badge shows it too).
    window.contacts_changed.connect(today.refresh)
    window.activity, window.today, window.timeline = activity, today, timeline
    # The first due query compiles SQLAlchemy's statements (~100 ms at 100k contacts): do it
    # on the warm-up thread, so the badge and reminder checks that follow stay quick.
    window.add_warm_up(activity.today)


def _add_sample_activity(activity, created) -> None:  # noqa: ANN001
    from netdesk.ui.sample_activity import add_sample_activity

    add_sample_activity(activity, created)


def _add_today_badge(window, activity, today) -> None:  # noqa: ANN001
    """The Today entry's count: overdue + due today, red while anything is overdue.

    It shows what the Today view last read, so a change costs one query, not two. The view
    first reads after the warm-up (the query goes through SQLAlchemy, which start-up leaves
    for later), then after every activity change (it listens itself), whenever something
    falls due (the scheduler says so), and at local midnight, when tomorrow's items become
    today's.
    """
    import datetime as dt

    from PySide6.QtCore import QTimer

    midnight = QTimer(window)
    midnight.setSingleShot(True)

    def show_count() -> None:
        data = today.data
        if data is None:
            return
        overdue, due = len(data.overdue), len(data.today)
        parts = [f"{n} {label}" for n, label in ((overdue, "overdue"), (due, "due today")) if n]
        window.set_view_badge(
            today, overdue + due, overdue > 0, " · ".join(parts) or "Nothing due today"
        )
        local = data.now.astimezone(activity.tz)
        next_day = dt.datetime.combine(
            local.date() + dt.timedelta(days=1), dt.time(0, 0, 5), tzinfo=activity.tz
        )
        midnight.start(max(1000, int((next_day - local).total_seconds() * 1000)))

    today.refreshed.connect(show_count)
    midnight.timeout.connect(today.refresh)
    window.warmed_up.connect(today.refresh)
    window.update_today_badge = today.refresh


def _add_tray(window, data_dir: Path):  # noqa: ANN001, ANN202
    """System tray icon and the reminder scheduler that feeds it and the notifications."""
    from netdesk.ui.scheduler import ReminderScheduler
    from netdesk.ui.settings import open_settings
    from netdesk.ui.tray import TrayController

    activity = window.activity
    tray = TrayController(window, activity, activity.clock, settings=open_settings(data_dir))
    tray.contactRequested.connect(window.show_contact)
    scheduler = ReminderScheduler(activity, activity.clock, tray.notifier, window)
    scheduler.dueChanged.connect(tray.update_due)
    # Something fell due (or stopped being due): the Today badge follows.
    scheduler.dueChanged.connect(lambda _items: window.update_today_badge())
    window.contacts_changed.connect(scheduler.refresh)
    window.tray, window.scheduler = tray, scheduler
    return tray, scheduler


def _set_up_application(argv: list[str]):
    from PySide6.QtWidgets import QApplication

    from netdesk import APP_ID, APP_NAME, ORG_NAME
    from netdesk.ui.icons import app_icon

    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationDisplayName(APP_NAME)
    # Lets Wayland and the desktop match windows to io.github.netdesk.Netdesk.desktop.
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app


def _save_screenshot_after_first_paint(window, path: str) -> None:
    from PySide6.QtCore import QTimer

    def grab() -> None:
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(target))

    # A moment after the first paint, so the layout has settled.
    window.first_painted.connect(lambda: QTimer.singleShot(150, grab))


def run_gui(data_dir: str | None, files: list[str]) -> int:
    """``netdesk`` without a subcommand: open the window (importing ``files``) and run.

    A second ``netdesk`` on the same data dir hands its files to the running one and exits.
    """
    from PySide6.QtWidgets import QMessageBox

    from netdesk.logsetup import install_excepthook, setup_logging
    from netdesk.paths import resolve_paths
    from netdesk.store.db import StoreError
    from netdesk.ui.single_instance import SingleInstance, instance_key

    app = _set_up_application(sys.argv[:1])
    paths = resolve_paths(data_dir)
    files = [str(Path(f).resolve()) for f in files]
    guard = SingleInstance(instance_key(paths.data_dir))
    if guard.try_handover(files):
        return 0
    # Before listen(): it logs taking over a crashed instance's stale socket name.
    log_path = setup_logging(paths.log_dir)
    if not guard.listen() and guard.try_handover(files):
        return 0  # lost a start-up race to another netdesk
    install_excepthook(_crash_dialog, log_path)
    try:
        window = create_window(paths.data_dir)
    except StoreError as exc:
        QMessageBox.critical(None, "netdesk cannot start", str(exc))
        return 1
    guard.activateRequested.connect(window.bring_to_front)
    guard.messageReceived.connect(lambda handed: handed and window.import_files(handed))
    screenshot = os.environ.get(ENV_SCREENSHOT)
    if screenshot:
        _save_screenshot_after_first_paint(window, screenshot)
    tray_holder: list = []

    def add_tray() -> None:
        # After the first paint: the tray icon can come a moment later than the window.
        tray, scheduler = _add_tray(window, paths.data_dir)
        tray_holder.append(tray)
        # The first due check queries the store through SQLAlchemy: after the warm-up.
        window.warmed_up.connect(scheduler.start)

    window.first_painted.connect(add_tray)
    # With a tray, closing the window only hides it; SIGTERM means quit.
    _quit_on_sigterm(window, lambda: tray_holder[0].quit() if tray_holder else window.close())
    window.show()
    if files:
        window.import_files(files)
    return app.exec()


def _crash_dialog(summary: str, log_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(
        None,
        "netdesk ran into a problem",
        f"Something went wrong: {summary}\n\nYour contacts are safe: every change is saved "
        f"as you make it. The details are in the log file:\n{log_path}",
    )


def _quit_on_sigterm(window, quit_app: Callable[[], object]) -> None:  # noqa: ANN001
    """Quit (saving window settings) when the session or a test sends SIGTERM."""
    import signal

    from PySide6.QtCore import QTimer

    signal.signal(signal.SIGTERM, lambda *_: quit_app())
    # Python runs signal handlers only between bytecodes; Qt's event loop is C++, so wake
    # the interpreter now and then.
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)
    timer.start(250)
