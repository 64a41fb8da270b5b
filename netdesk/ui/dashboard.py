"""The dashboard: how the network is doing, in five charts drawn with QPainter.

The numbers come from StatsService, the same as ``netdesk stats``. A click on a bar lists the
contacts behind it; activating one opens them. The numbers are read again after a change only
when the dashboard is shown (a change while it is hidden just marks it stale), and off the GUI
thread: at 100k interactions they take about a second to count, the drawing ~30 ms.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from netdesk.actions import ChangeEvent, Runner
from netdesk.domain.activity import CHANNELS
from netdesk.domain.stats import Bar, NetworkStats
from netdesk.services.contacts import ContactService
from netdesk.services.errors import ServiceError
from netdesk.services.stats import StatsService
from netdesk.ui.background import BackgroundJob
from netdesk.ui.bar_chart import BarChart, ChartBar
from netdesk.ui.i18n import follow_language

CHARTS = (  # titles: translation sources, shown in the language in use
    ("newPeopleChart", QT_TRANSLATE_NOOP("Dashboard", "New people per month")),
    ("interactionsChart", QT_TRANSLATE_NOOP("Dashboard", "Interactions per week, by channel")),
    ("followUpsChart", QT_TRANSLATE_NOOP("Dashboard", "Follow-ups: on time vs late")),
    ("lapsedChart", QT_TRANSLATE_NOOP("Dashboard", "Keep-in-touch dates lapsed (days)")),
    ("lastingChart", QT_TRANSLATE_NOOP("Dashboard", "Events that brought lasting contacts")),
)


def _plain(bars: list[Bar]) -> list[ChartBar]:
    return [ChartBar(b.label, [("", b.value)], set(b.contact_ids)) for b in bars]


class Dashboard(QWidget):
    contactActivated = Signal(int)

    def __init__(self, stats: StatsService, contacts: ContactService, runner: Runner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardView")
        self._stats, self._contacts = stats, contacts
        self._stale = True
        self._job: BackgroundJob | None = None
        self._again = False
        self.numbers: NetworkStats | None = None
        self.compute_ms = 0.0
        self.charts: dict[str, BarChart] = {}
        grid = QGridLayout()
        for i, (name, title) in enumerate(CHARTS):
            chart = BarChart(self.tr(title), self,
                             horizontal=name in ("lapsedChart", "lastingChart"),
                             series=CHANNELS if name == "interactionsChart" else ())
            chart.setObjectName(name)
            chart.barClicked.connect(self.show_people)
            self.charts[name] = chart
            grid.addWidget(chart, i // 2, i % 2)
        charts = QWidget(self)
        charts.setLayout(grid)
        side = QWidget(self)
        self.people_title = QLabel(self.tr("Click a bar to see the people behind it."), side,
                                   objectName="dashboardPeopleTitle")
        self.people_title.setTextFormat(Qt.TextFormat.PlainText)
        self.people_title.setWordWrap(True)
        self.people = QListWidget(side, objectName="dashboardPeople")
        self.people.itemActivated.connect(
            lambda item: self.contactActivated.emit(item.data(Qt.ItemDataRole.UserRole)))
        side.setMinimumWidth(200)
        column = QVBoxLayout(side)
        column.addWidget(self.people_title)
        column.addWidget(self.people)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(charts)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        if runner is not None:
            runner.subscribe(self._on_change)
        follow_language(self, self._retranslate)

    def _retranslate(self) -> None:
        for name, title in CHARTS:
            self.charts[name].title = self.tr(title)
            self.charts[name].update()
        if not self.people.count():
            self.people_title.setText(self.tr("Click a bar to see the people behind it."))

    def _on_change(self, _event: ChangeEvent) -> None:
        # Any change can move a number (a new person, a log, a done follow-up, an event).
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> BackgroundJob:
        """Count again on a worker thread; the charts follow when it is done. A change while
        counting asks for one more count afterwards (never two at once)."""
        if self._job is not None and self._job.is_running():
            self._again = True
            return self._job
        self._again = False
        compute = self._stats.compute  # a plain service method: no Qt on the worker

        def count(_progress, _cancelled) -> tuple[NetworkStats, float]:  # noqa: ANN001
            started = time.perf_counter()
            return compute(), (time.perf_counter() - started) * 1000

        job = BackgroundJob(count, self, name="netdesk-dashboard")
        job.finished.connect(lambda: self._counted(job))
        job.failed.connect(lambda: self._failed(job))
        self._job = job
        job.start()
        return job

    def _counted(self, job: BackgroundJob) -> None:
        numbers, self.compute_ms = job.result  # type: ignore[misc]
        job.deleteLater()
        self.set_numbers(numbers)
        if self._again:
            self.refresh()

    def _failed(self, job: BackgroundJob) -> None:
        error = job.error
        job.deleteLater()
        message = str(error) if isinstance(error, ServiceError) else f"unexpected error: {error}"
        self.people_title.setText(self.tr("Could not read the numbers: %1").replace(
            "%1", message))

    def set_numbers(self, numbers: NetworkStats) -> None:
        self.numbers = numbers
        self._stale = False
        self.charts["newPeopleChart"].set_bars(_plain(numbers.new_people_per_month))
        self.charts["interactionsChart"].set_bars([
            ChartBar(week.label, [(c, p.value) for c, p in week.parts.items()], week.contact_ids)
            for week in numbers.interactions_per_week
        ])
        self.charts["followUpsChart"].set_bars(_plain(numbers.followups))
        self.charts["lapsedChart"].set_bars(_plain(numbers.lapsed))
        self.charts["lastingChart"].set_bars(_plain(numbers.lasting_by_event))

    def show_people(self, label: str, contact_ids: set[int]) -> None:
        """List the contacts behind a bar, by name."""
        self.people.clear()
        try:
            rows = self._contacts.summaries(ids=sorted(contact_ids)) if contact_ids else []
        except ServiceError as exc:
            self.people_title.setText(self.tr("Could not read the contacts: %1").replace(
                "%1", str(exc)))
            return
        count = len(rows)
        people = self.tr("1 person") if count == 1 else self.tr("%1 people").replace(
            "%1", str(count))
        self.people_title.setText(f"{label}: {people}")
        for row in rows:
            item = QListWidgetItem(row.name)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.people.addItem(item)
