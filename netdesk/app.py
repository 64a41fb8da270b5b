"""Composition root: data dir -> database -> services -> runner -> window shell and feature
controllers, and the GUI's main().

Start-up time is a budget (the window should show within ~2.5x a bare Qt window), so this
module imports only what the first paint needs: the listing path is plain sqlite3, and
SQLAlchemy, Alembic and vobject are imported later, when something uses them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import netdesk.ui  # noqa: F401  (first: sets PySide6's options before PySide6 loads)

# Set NETDESK_SCREENSHOT=path to save a picture of the window after its first paint (used by
# the end-to-end test and for README screenshots).
ENV_SCREENSHOT = "NETDESK_SCREENSHOT"


@dataclass
class Parts:
    """What ``compose`` wired: the shell, the runner, the services and the controllers that
    others (the tray, the single-instance guard) talk to."""

    window: Any
    runner: Any
    contacts: Any
    activity: Any
    contacts_list: Any
    transfer: Any
    today: Any


def create_window(data_dir: Path):  # noqa: ANN201
    """The fully wired main window over ``data_dir``, not shown, no event loop started.

    A QApplication must exist. Raises StoreError when the store can't be opened.
    """
    return compose(data_dir).window


def compose(data_dir: Path) -> Parts:
    """Data dir -> database -> services -> runner -> shell and feature controllers."""
    from netdesk.actions import Runner
    from netdesk.services.contacts import ContactService
    from netdesk.store.db import open_database
    from netdesk.ui.contacts_list import ContactsList
    from netdesk.ui.detail_controller import DetailController
    from netdesk.ui.editor_controller import EditorController
    from netdesk.ui.feedback import Feedback
    from netdesk.ui.gui_gc import install_gui_thread_collector
    from netdesk.ui.history import HistoryActions
    from netdesk.ui.long_steps import LongSteps
    from netdesk.ui.main_window import MainWindow
    from netdesk.ui.settings import open_settings
    from netdesk.ui.shortcuts_help import install_shortcuts_help
    from netdesk.ui.tags_controller import TagsController

    # Before any worker thread starts: garbage cycles holding Qt objects must die on the GUI
    # thread (see ui/gui_gc.py).
    install_gui_thread_collector()
    data_dir = Path(data_dir)
    database = open_database(data_dir)
    database.checkpoint_in_background()  # no commit on the GUI thread waits for a checkpoint
    contacts = ContactService(database)
    settings = open_settings(data_dir)
    _use_chosen_language(settings)
    runner = Runner()
    window = MainWindow(settings)
    feedback = Feedback(window)
    feedback.follow(runner)
    history = HistoryActions(runner, feedback.outcome, window)
    LongSteps(runner, window, feedback)  # big deletes and their undo run in a worker
    window.add_history(history.undo_action, history.redo_action)
    detail = DetailController(contacts, runner, settings, parent=window)
    # Rows for the loader thread come through a service of their own, so over their own
    # sqlite3 connection (made on first use) rather than the GUI's.
    loader = ContactService(database)
    contacts_list = ContactsList(window, contacts, runner, feedback, settings, detail.area,
                                 lambda: (loader.summaries(), loader.tags()))
    # The shown contact's row by its id (an indexed read, ~0.2 ms, over a connection of its
    # own, not the table's), not looked up among the table's rows: that scan cost ~45 ms per
    # selection at 100,000 contacts (issue 15).
    shown = ContactService(database)
    detail.set_summary_source(lambda cid: next(iter(shown.summaries(ids=[cid])), None))
    window.destroyed.connect(lambda *_: shown.close())
    contacts_list.selectionChanged.connect(detail.show_ids)
    detail.pane.edit_requested.connect(window.action("editAction").trigger)
    window.closing.connect(detail.save)
    trash = _add_trash(window, database, runner, feedback)
    editors = EditorController(window, contacts, runner, feedback, contacts_list.show_contact,
                               trash)
    TagsController(window, contacts, runner, feedback)
    duplicates = _add_share_and_duplicates(window, database, contacts, runner, feedback,
                                           data_dir, editors)
    activity, today = _add_activity(window, database, contacts, runner, feedback, detail,
                                    contacts_list)

    make_transfer, make_samples = _transfer_factories(database, contacts, activity)
    transfer = _add_transfer(window, contacts, runner, feedback, contacts_list, make_transfer,
                             make_samples, _csv_factories(database, data_dir))
    from netdesk.ui.networking import NetworkingController

    NetworkingController(window, contacts, activity, runner, feedback, settings,
                         contacts_list.show_contact, today)
    install_shortcuts_help(window)
    contacts_list.load_initial()
    window.add_warm_up(_warm_up_imports)
    # The first due query compiles SQLAlchemy's statements (slow, docs/PERFORMANCE.md): do it
    # on the warm-up thread, so the badge and reminder checks that follow stay quick.
    window.add_warm_up(activity.today)
    sync = _add_sync(window, database, data_dir, runner, feedback, settings, activity, detail)
    _add_settings_and_backup(window, database, data_dir, settings, feedback, activity,
                             duplicates, sync)
    window.destroyed.connect(lambda *_: contacts.close())
    return Parts(window, runner, contacts, activity, contacts_list, transfer, today)


def _transfer_factories(database, contacts, activity):  # noqa: ANN001, ANN202
    """Made on first use: the transfer service and the sample contacts' writer."""

    def make_transfer():  # noqa: ANN202
        from netdesk.services.transfer import TransferService

        # Create the engine here, on the GUI thread, before a worker thread can race to it.
        _ = database.engine
        return TransferService(database)

    def make_samples():  # noqa: ANN202
        from netdesk.ui.sample_activity import add_sample_activity
        from netdesk.ui.sample_data import add_sample_contacts

        created = add_sample_contacts(contacts.create)
        add_sample_activity(activity, created)
        return created

    return make_transfer, make_samples


def _add_trash(window, database, runner, feedback):  # noqa: ANN001, ANN202
    """The Trash view in the sidebar; entries older than 30 days go on start (off the GUI
    thread, with the warm-up)."""
    from netdesk.domain.clock import SystemClock
    from netdesk.services.trash import TrashService
    from netdesk.ui.icons import line_icon
    from netdesk.ui.trash_view import TrashView

    trash = TrashService(database, SystemClock())
    window.add_view("Trash", TrashView(trash, runner, feedback), line_icon("delete"),
                    below_all=True)
    window.add_warm_up(trash.purge_expired)
    return trash


def _warm_up_imports() -> None:
    # The editing stack (SQLAlchemy, slow to import): off the GUI thread, before the first
    # click.
    import netdesk.services.csv_transfer  # noqa: F401  (the export dialog's first use)
    import netdesk.services.transfer  # noqa: F401
    import netdesk.store.activity  # noqa: F401
    import netdesk.store.contacts  # noqa: F401
    import netdesk.store.trash  # noqa: F401  (the first delete)
    from netdesk.services.duplicates import load_finder

    load_finder()  # the duplicate search and the editor's warning


def _add_share_and_duplicates(window, database, contacts, runner, feedback,  # noqa: ANN001
                              data_dir: Path, editors):  # noqa: ANN001, ANN202
    """Share as QR code and my card; the Duplicates view with its badge; the editor's
    warning when someone else has the same e-mail or phone."""
    from netdesk.ui.duplicates_controller import DuplicatesController
    from netdesk.ui.share_controller import ShareController

    ShareController(window, contacts, feedback, data_dir)
    duplicates = DuplicatesController(window, database, contacts, runner, feedback)
    editors.set_key_owners(duplicates.duplicates.key_owners)
    return duplicates


def _use_chosen_language(settings) -> None:  # noqa: ANN001
    """The language chosen in Settings (or the system's), before the first widget."""
    from netdesk.ui import i18n
    from netdesk.ui.settings import read_language

    i18n.use_language(read_language(settings))


def _add_settings_and_backup(window, database, data_dir: Path, settings,  # noqa: ANN001
                             feedback, activity, duplicates, sync) -> None:  # noqa: ANN001
    """Settings… (General, Reminders, Phone numbers, Sync) and File → Backup… and
    Export calendar…; the duplicate finder reads the phone region chosen there."""
    from netdesk.services.autostart import AutostartService, default_command
    from netdesk.services.backup import BackupService
    from netdesk.services.settings import AppSettings
    from netdesk.ui.backup_controller import BackupController
    from netdesk.ui.settings_controller import SettingsController

    app_settings = AppSettings(database)
    finder = duplicates.duplicates
    region = app_settings.phone_region()
    if region:  # else the finder's own default: $NETDESK_PHONE_REGION or the locale's
        finder.set_region(region)
    SettingsController(window, settings, app_settings, activity.dates,
                       AutostartService(default_command(data_dir)), sync, finder.set_region)

    def export_calendar(path: Path) -> int:
        return activity.export_ics(path).count("BEGIN:VTODO")

    BackupController(window, feedback, BackupService(database.path), export_calendar,
                     activity.clock, activity.tz,
                     # SQLAlchemy's engine made on the GUI thread, before the worker's use
                     prepare=lambda: database.engine)


def _csv_factories(database, data_dir: Path):  # noqa: ANN001, ANN202
    """Makers of the CSV import (with the remembered mappings) and export services, called
    when first used (they load the import machinery)."""

    def make_csv():  # noqa: ANN202
        from netdesk.services.csv_transfer import CsvImportService
        from netdesk.services.settings import CsvMappings

        _ = database.engine  # on the GUI thread, before the dialog's counting worker
        return CsvImportService(database), CsvMappings(data_dir)

    def make_csv_export():  # noqa: ANN202
        from netdesk.services.csv_transfer import CsvExportService

        _ = database.engine
        return CsvExportService(database)

    return make_csv, make_csv_export


def _add_transfer(window, contacts, runner, feedback, contacts_list,  # noqa: ANN001, ANN202
                  make_transfer, make_samples, csv_factories):  # noqa: ANN001
    from netdesk.ui.transfer_controller import TransferController

    def export_scope() -> tuple[int, list[int], str]:
        kind, key = window.sidebar.current()
        return (contacts_list.model.total_count(), contacts_list.selected_ids(),
                key if kind == "tag" else "")

    return TransferController(window, contacts, runner, feedback, make_transfer, export_scope,
                              make_samples, *csv_factories)


def _add_sync(window, database, data_dir, runner, feedback, settings,  # noqa: ANN001, ANN202
              activity, detail):  # noqa: ANN001
    """Settings → Accounts…, Sync (F5), automatic sync, its status in the status bar, and
    the shown contact's sync conflicts in the detail area."""
    from netdesk.ui.conflicts_panel import ConflictsController
    from netdesk.ui.sync_controller import SyncController

    def make_accounts():  # noqa: ANN202
        from netdesk.services.accounts import AccountService

        return AccountService(database, data_dir, activity.clock)

    # The CardDAV client (httpx) loads on the warm-up thread, not on the first account check.
    window.add_warm_up(lambda: __import__("netdesk.services.accounts"))
    sync = SyncController(window, runner, feedback, settings, activity.clock, activity.tz,
                          make_accounts)
    conflicts = ConflictsController(detail.area, runner, feedback, sync.loaded_accounts,
                                    window)
    detail.contactSelected.connect(conflicts.show_contact)
    return sync


def _add_activity(window, database, contacts, runner, feedback,  # noqa: ANN001, ANN202
                  detail, contacts_list):  # noqa: ANN001
    """The Today view, the activity timeline and the follow-up actions on contacts."""
    from netdesk.domain.clock import SystemClock
    from netdesk.domain.timeparse import local_tz
    from netdesk.services.activity import ActivityService
    from netdesk.services.dates import DateReminderService
    from netdesk.ui.activity_flows import ActivityFlows, contact_activity_actions
    from netdesk.ui.dates_reader import DatesReader
    from netdesk.ui.followup_menu import FollowUpMenu
    from netdesk.ui.icons import line_icon
    from netdesk.ui.timeline import InteractionTimeline
    from netdesk.ui.today import TodayView
    from netdesk.ui.today_badge import TodayBadge
    from netdesk.ui.today_keys import TodayKeys

    clock, tz = SystemClock(), local_tz()
    # Birthdays and anniversaries remind through the same due list as follow-ups, so the
    # Today view, its badge and the tray agree (issue 11).
    dates = DateReminderService(database, clock, tz)
    # Every published change names the contacts whose dates to re-read, before the views
    # below (subscribed later, so told later) ask what is due. (The first full read of the
    # dates is the warm-up's activity.today, before the reminder scheduler starts.)
    runner.subscribe(lambda e: dates.contacts_changed(e.contacts_changed | e.contacts_removed,
                                                      everyone=e.bulk))
    window.destroyed.connect(lambda *_: dates.close())
    DatesReader(dates, runner, window)  # a bulk change re-reads everyone's dates on a worker
    activity = ActivityService(database, clock, tz, dates=dates)
    flows = ActivityFlows(activity, runner, feedback.outcome)
    today = TodayView(activity, contacts, clock, tz, flows, load_now=False)
    dates.add_listener(today.refresh)  # "remind me N days before" changed
    today.contactActivated.connect(contacts_list.show_contact)
    window.add_view("Today", today, line_icon("today"), first=True, target=today.target_ids)
    today.table.selectionModel().selectionChanged.connect(lambda *_: window.update_targets())
    TodayBadge(window, today, tz)
    TodayKeys(today)
    FollowUpMenu(today, flows)
    timeline = InteractionTimeline(activity, flows)
    detail.add_section(timeline)
    detail.contactSelected.connect(
        lambda cid, name: timeline.set_contact(cid if cid >= 0 else None, name))

    def name_of(cid: int) -> str:
        return contacts.get(cid).display_name

    for action in contact_activity_actions(window, flows, window.target_ids, name_of):
        window.add_contact_action(action)
    return activity, today


def _add_tray(parts: Parts, data_dir: Path,  # noqa: ANN202
              tray_available: Callable[[], bool] | None = None):
    """System tray icon and the reminder scheduler that feeds it and the notifications."""
    from netdesk.ui.reminder_memory import ReminderMemory
    from netdesk.ui.scheduler import ReminderScheduler
    from netdesk.ui.settings import open_settings
    from netdesk.ui.tray import TrayController

    window, activity = parts.window, parts.activity
    tray = TrayController(window, activity, activity.clock, settings=open_settings(data_dir),
                          **({"tray_available": tray_available} if tray_available else {}))
    tray.contactRequested.connect(parts.contacts_list.show_contact)
    scheduler = ReminderScheduler(activity, activity.clock, tray.notifier, window,
                                  runner=parts.runner,
                                  memory=ReminderMemory(open_settings(data_dir)))
    scheduler.dueChanged.connect(tray.update_due)
    if activity.dates is not None:  # "remind me N days before" changed: the tray follows
        activity.dates.add_listener(scheduler.refresh)
    # Something fell due (or stopped being due): the Today view and its badge follow.
    scheduler.dueChanged.connect(lambda _items: parts.today.refresh())
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
    from netdesk.paths import PathsError, resolve_paths
    from netdesk.store.db import StoreError
    from netdesk.ui.single_instance import SingleInstance, instance_key

    app = _set_up_application(sys.argv[:1])
    try:
        paths = resolve_paths(data_dir)
    except PathsError as exc:
        QMessageBox.critical(None, "netdesk cannot start", str(exc))
        print(f"netdesk: {exc}", file=sys.stderr)
        return 1
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
        parts = compose(paths.data_dir)
    except StoreError as exc:
        QMessageBox.critical(None, "netdesk cannot start", str(exc))
        return 1
    window = parts.window
    guard.activateRequested.connect(window.bring_to_front)
    guard.messageReceived.connect(lambda handed: handed and parts.transfer.import_files(handed))
    screenshot = os.environ.get(ENV_SCREENSHOT)
    if screenshot:
        _save_screenshot_after_first_paint(window, screenshot)
    tray_holder = start_window(parts, paths.data_dir, files)
    # With a tray, closing the window only hides it; SIGTERM means quit.
    _quit_on_sigterm(window, lambda: tray_holder[0].quit() if tray_holder else window.close())
    if files:
        parts.transfer.import_files(files)
    return app.exec()


def start_window(parts: Parts, data_dir: Path, files: Sequence[str] = (),
                 tray_available: Callable[[], bool] | None = None) -> list:
    """Show the window, or with Settings → Start in the system tray (and a tray, and no
    files to import) only paint it once and leave it in the tray; the tray icon and the
    reminder scheduler come after the first paint. The list returned gets the
    TrayController then."""
    from PySide6.QtWidgets import QSystemTrayIcon

    available = tray_available or QSystemTrayIcon.isSystemTrayAvailable
    window = parts.window
    tray_holder: list = []

    def add_tray() -> None:
        # After the first paint: the tray icon can come a moment later than the window.
        tray, scheduler = _add_tray(parts, data_dir, available)
        tray_holder.append(tray)
        # The first due check queries the store through SQLAlchemy: after the warm-up.
        window.warmed_up.connect(scheduler.start)

    window.first_painted.connect(add_tray)
    if _starts_in_tray(data_dir, available) and not files:
        # The window paints once (the warm-up and the tray hang on its first paint) and goes
        # to the tray at once.
        window.first_painted.connect(lambda: tray_holder and window.hide())
    window.show()
    return tray_holder


def _starts_in_tray(data_dir: Path, tray_available: Callable[[], bool]) -> bool:
    from netdesk.ui.settings import START_IN_TRAY_KEY, open_settings, read_bool

    return (read_bool(open_settings(data_dir), START_IN_TRAY_KEY)
            and tray_available())


def _crash_dialog(summary: str, log_path: Path | None) -> None:
    from PySide6.QtWidgets import QMessageBox

    where = f"in the log file:\n{log_path}" if log_path else "on the standard error output"
    QMessageBox.critical(
        None,
        "netdesk ran into a problem",
        f"Something went wrong: {summary}\n\nYour contacts are safe: every change is saved "
        f"as you make it. The details are {where}",
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
