"""Birthdays and anniversaries re-read on a worker, not on the GUI thread.

Why: the due checks answer from an in-memory index of every contact's dates
(services/date_index.py). After a bulk change (an import, a tag change, a merge, a sync)
or a commit from another process the whole index is read again: 0.4-0.8 s at 100,000
contacts. ``DatesReader`` leaves the checks answering from the index as it was and reads
the fresh one in a ``BackgroundJob`` (services/dates.read_everyone), then tells Today and
the tray to look again. A bulk change starts it at once; a commit from elsewhere, which a
check notices, within a second.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from netdesk.actions import Runner
from netdesk.services.dates import DateReminderService
from netdesk.ui.background import BackgroundJob
from netdesk.ui.history import on_change

log = logging.getLogger(__name__)

CHECK_MS = 1000


class DatesReader(QObject):
    def __init__(self, dates: DateReminderService, runner: Runner, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("datesReader")
        self._dates = dates
        dates.read_in_background()
        self.job: BackgroundJob | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        on_change(runner, self, lambda _e: self._after_bulk(), lambda e: e.bulk)

    def _after_bulk(self) -> None:
        # Today and the tray wait for this (waits_for_dates) and refresh once, when told.
        if not self.check():
            QTimer.singleShot(0, self._dates.notify)

    def check(self) -> bool:
        """Start a re-read when one is wanted and none runs; True while one runs."""
        if self.job is not None and self.job.is_running():
            return True
        if not self._dates.reread_wanted():
            return False
        dates = self._dates  # the worker gets the service only, never a QObject
        self.job = BackgroundJob(lambda _progress, _cancelled: dates.read_everyone(), self,
                                 name="netdesk-dates")
        self.job.finished.connect(self._read)
        self.job.failed.connect(self._failed)
        self.job.start()
        return True

    def _read(self) -> None:
        self._dates.notify()
        if self._dates.reread_wanted():
            QTimer.singleShot(0, self.check)  # another bulk change came while it read

    def _failed(self) -> None:
        # The old index keeps answering (and Today shows it); the timer tries again.
        log.warning("re-reading the dates failed: %r", self.job.error if self.job else None)
        self._dates.notify()


def waits_for_dates(activity, event) -> bool:  # noqa: ANN001
    """Whether a view that shows what is due leaves this change to the DatesReader, which
    refreshes it once everyone's dates are read again (a bulk change, in the window)."""
    dates = getattr(activity, "dates", None)
    return bool(getattr(event, "bulk", False)) and dates is not None and \
        dates.reads_in_background()
