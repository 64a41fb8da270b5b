"""File → Backup… and File → Export calendar…: the GUI's ``netdesk backup`` and
``netdesk calendar -o``, through the same services.

Each asks for a file (a dated default name), then writes it in a ``BackgroundJob`` (a plain
worker thread, no Qt off the GUI thread) with a busy indicator, and says how it went: the
file in the status bar, or a plain-language error (read-only folder, full disk) that loses
nothing — the copy is made next to the target and only then renamed over it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from netdesk.domain.clock import Clock
from netdesk.services.backup import BackupService, default_backup_name
from netdesk.ui.background import BackgroundJob
from netdesk.ui.feedback import Feedback
from netdesk.ui.i18n import translated
from netdesk.ui.locale_format import format_count
from netdesk.ui.main_window import MainWindow

# Shown only when the work takes longer than this: a quick backup flashes nothing.
PROGRESS_AFTER_MS = 400


class BackupController(QObject):
    def __init__(self, window: MainWindow, feedback: Feedback, backup: BackupService,
                 export_calendar: Callable[[Path], int], clock: Clock,
                 tz: dt.tzinfo, prepare: Callable[[], object] = lambda: None) -> None:
        """``export_calendar(path)`` writes the follow-ups as .ics and returns how many
        entries it wrote; it runs on a worker thread, after ``prepare()`` on this one."""
        super().__init__(window)
        self.setObjectName("backupController")
        self._window, self._feedback = window, feedback
        self._backup, self._export_calendar = backup, export_calendar
        self._clock, self._tz, self._prepare = clock, tz, prepare
        self.file_dialog: QFileDialog | None = None
        self.job: BackgroundJob | None = None
        self._progress: QProgressDialog | None = None
        backup_action = self._file_action(
            "backupAction", QT_TRANSLATE_NOOP("BackupController", "&Backup…"),
            self.tr("Save a copy of all your data (safe while netdesk runs)"), self.ask_backup)
        calendar = self._file_action(
            "exportCalendarAction", QT_TRANSLATE_NOOP("BackupController", "Export &calendar…"),
            self.tr("Save your follow-ups and keep-in-touch dates as an iCalendar (.ics) file"),
            self.ask_calendar)
        window.add_file_actions([backup_action, calendar])
        window.closing.connect(self._on_closing)

    def _file_action(self, name: str, text: str, tip: str, slot: Callable[[], object]
                     ) -> QAction:
        """A File-menu action whose ``text`` (marked with QT_TRANSLATE_NOOP in this class's
        context) follows the language live."""
        action = QAction(self._window, objectName=name)
        translated(action, "BackupController", text)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _today(self) -> dt.date:
        return self._clock.now().astimezone(self._tz).date()

    # -- asking for the file ------------------------------------------------------------------
    def _ask(self, name: str, title: str, file_name: str, filters: str,
             then: Callable[[Path], object]) -> None:
        if self.job is not None:
            self._feedback.status(self.tr("A backup or export is still being written."))
            return
        dialog = QFileDialog(self._window, title, str(Path.home() / file_name), filters)
        dialog.setObjectName(name)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: then(Path(path)))
        dialog.finished.connect(lambda _r: setattr(self, "file_dialog", None))
        self.file_dialog = dialog
        dialog.open()

    def ask_backup(self) -> None:
        self._ask("backupFileDialog", self.tr("Back up netdesk"),
                  default_backup_name(self._today()),
                  self.tr("netdesk backups (*.sqlite3);;All files (*)"), self.backup_to)

    def ask_calendar(self) -> None:
        self._ask("calendarFileDialog", self.tr("Export calendar"),
                  f"netdesk-follow-ups-{self._today().isoformat()}.ics",
                  self.tr("iCalendar files (*.ics);;All files (*)"), self.calendar_to)

    # -- writing ------------------------------------------------------------------------------
    def backup_to(self, path: Path) -> None:
        """Write a backup to ``path`` off the GUI thread."""
        backup = self._backup

        def done(written: Path) -> str:
            return self.tr("Backed up to %1.").replace("%1", str(written))

        self._start(lambda _p, _c: backup.backup(path), done, self.tr("Backing up…"))

    def calendar_to(self, path: Path) -> None:
        """Write the follow-ups calendar to ``path`` off the GUI thread."""
        export = self._export_calendar
        self._prepare()
        if path.suffix == "":
            path = path.with_suffix(".ics")

        def done(count: int) -> str:
            return self.tr("Wrote %1 calendar entries to %2.").replace(
                "%1", format_count(count)).replace("%2", str(path))

        self._start(lambda _p, _c: export(path), done, self.tr("Exporting the calendar…"))

    def _start(self, work, done: Callable, label: str) -> None:  # noqa: ANN001
        job = BackgroundJob(work, self, name="netdesk-backup")
        progress = QProgressDialog(label, "", 0, 0, self._window)
        progress.setObjectName("backupProgress")
        progress.setCancelButton(None)  # the copy is atomic: stopping it gains nothing
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(PROGRESS_AFTER_MS)
        self._progress = progress
        job.finished.connect(lambda: self._finish(job, done))
        job.failed.connect(lambda: self._finish(job, done))
        self.job = job
        job.start()

    def _finish(self, job: BackgroundJob, done: Callable) -> None:
        self.job = None
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        if job.error is None:
            self._feedback.status(done(job.result), 10_000)
            return
        from netdesk.services.errors import ServiceError

        if isinstance(job.error, ServiceError):
            self._feedback.error(str(job.error))
        else:  # a bug: the message box says so; the log has the details
            self._feedback.error(self.tr("Could not write the file: %1").replace(
                "%1", str(job.error)))

    def _on_closing(self) -> None:
        if self.job is not None:
            self.job.join(30_000)  # a copy still inside SQLite must not outlive the app
