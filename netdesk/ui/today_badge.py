"""The Today entry's count in the sidebar: overdue + due today, red while anything is overdue.

It shows what the Today view last read, so a change costs one query, not two. The view reads
after the warm-up, after every change that may move what is due, whenever something falls
due (the scheduler says so), and at local midnight, when tomorrow's items become today's.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QTimer

from netdesk.domain.due import needs_attention
from netdesk.ui.main_window import MainWindow
from netdesk.ui.today import TodayView


class TodayBadge(QObject):
    def __init__(self, window: MainWindow, today: TodayView, tz: dt.tzinfo) -> None:
        super().__init__(window)
        self.setObjectName("todayBadge")
        self._window, self._today, self._tz = window, today, tz
        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(today.refresh)
        today.refreshed.connect(self.show_count)
        window.warmed_up.connect(today.refresh)

    def show_count(self) -> None:
        data = self._today.data
        if data is None:
            return
        # The same rule as the tray's count (domain.due.needs_attention). Only the overdue and
        # today groups can hold such items (grouped in the same zone): not the whole week,
        # which is thousands of birthdays at 100,000 contacts (issue 15).
        attention = needs_attention([*data.overdue, *data.today], data.now, self._tz)
        overdue = sum(1 for i in attention if i.overdue(data.now))
        due = len(attention) - overdue
        parts = [f"{n} {label}" for n, label in ((overdue, "overdue"), (due, "due today")) if n]
        self._window.set_view_badge(self._today, overdue + due, overdue > 0,
                                    " · ".join(parts) or "Nothing due today")
        local = data.now.astimezone(self._tz)
        next_day = dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(0, 0, 5),
                                       tzinfo=self._tz)
        self._midnight.start(max(1000, int((next_day - local).total_seconds() * 1000)))
