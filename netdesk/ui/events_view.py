"""The Events view: upcoming and past events, the people met at each, and who has not been
followed up since ("met 6, followed up with 2")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netdesk.actions import ChangeEvent, Outcome, Runner
from netdesk.actions.networking import AddEvent, DeleteEvent, EditEvent, MetAtEvent
from netdesk.domain.contact import Contact
from netdesk.domain.events import KIND_LABELS, Event, EventSummary
from netdesk.services.errors import ServiceError
from netdesk.services.events import EventService
from netdesk.ui.event_dialog import EventDialog
from netdesk.ui.locale_format import format_date

_ID = Qt.ItemDataRole.UserRole


def _when(event: Event) -> str:
    if event.start is None:
        return ""
    if event.end and event.end != event.start:
        end = format_date(event.end, weekday=False, with_year=False)
        return f"{format_date(event.start)} – {end}"
    return format_date(event.start)


class EventsView(QWidget):
    contactActivated = Signal(int)
    quickAddRequested = Signal()

    def __init__(self, events: EventService, runner: Runner,
                 report=None, parent: QWidget | None = None,  # noqa: ANN001
                 resolve: Callable[[str], Contact] | None = None) -> None:
        """``report(outcome)`` tells the user how a change went; ``resolve(text)`` finds a
        contact from a typed name, e-mail or id (ContactService.resolve)."""
        super().__init__(parent)
        self.setObjectName("eventsView")
        self._events, self._runner, self._resolve = events, runner, resolve
        self._report = report or (lambda outcome: outcome.ok)
        self.summaries: dict[int, EventSummary] = {}
        self.dialog: EventDialog | None = None
        self.people_dialog: QInputDialog | None = None
        # Read on first show, not at start-up: the window's first paint needs no events
        # (and reading them would pull SQLAlchemy into the start-up path).
        self._stale = True
        self._build()
        runner.subscribe(self._on_change)

    def _build(self) -> None:
        self.tree = QTreeWidget(self, objectName="eventsTree")
        self.tree.setHeaderLabels(["Event", "When", "Kind", "People"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.currentItemChanged.connect(lambda *_: self._show_current())
        self.title = QLabel(self, objectName="eventTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.info = QLabel(self, objectName="eventInfo")
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setWordWrap(True)
        self.people = QListWidget(self, objectName="eventPeopleList")
        self.people.itemActivated.connect(lambda item: self.contactActivated.emit(item.data(_ID)))
        buttons = QHBoxLayout()
        for name, text, slot in (("newEventButton", self.tr("New event…"), self.new_event),
                                 ("editEventButton", self.tr("Edit…"), self.edit_event),
                                 ("deleteEventButton", self.tr("Delete"), self.delete_event),
                                 ("addPeopleButton", self.tr("Add people met…"), self.add_people),
                                 ("metSomeoneButton", self.tr("Met someone…"),
                                  self.quickAddRequested.emit)):
            button = QPushButton(text, self, objectName=name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        detail = QWidget(self)
        column = QVBoxLayout(detail)
        column.addWidget(self.title)
        column.addWidget(self.info)
        column.addWidget(self.people, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)

    # -- reading -----------------------------------------------------------------------------
    def _on_change(self, event: ChangeEvent) -> None:
        if event.events_changed or event.touches_contacts or event.activity_changed:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        keep = self.current_id()
        try:
            summaries = self._events.summaries()
            today = self._events.today()
        except ServiceError as exc:
            self.info.setText(self.tr("Could not read the events: %1").replace("%1", str(exc)))
            return
        self._stale = False
        self.summaries = {s.event.id: s for s in summaries}
        self.tree.clear()
        groups = {"Upcoming": [], "Past": [], "No date": []}
        for s in summaries:
            e = s.event
            # An event still on today is where the user is going (or is): upcoming.
            key = "No date" if e.start is None else "Upcoming" if e.last_day >= today else "Past"
            groups[key].append(s)
        groups["Upcoming"].reverse()  # the next one first
        for title, members in groups.items():
            if not members:
                continue
            head = QTreeWidgetItem([f"{title} ({len(members)})"])
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            self.tree.addTopLevelItem(head)
            for s in members:
                e = s.event
                item = QTreeWidgetItem([e.name, _when(e), KIND_LABELS[e.kind], s.wording()])
                item.setData(0, _ID, e.id)
                self.tree.addTopLevelItem(item)
        for col in range(3):
            self.tree.resizeColumnToContents(col)
        self.select(keep if keep in self.summaries else None)

    def current_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, _ID) if item is not None else None

    def select(self, event_id: int | None) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            found = item.data(0, _ID)
            if found is not None and event_id in (None, found):
                self.tree.setCurrentItem(item)
                return
        self._show_current()

    def _show_current(self) -> None:
        s = self.summaries.get(self.current_id())
        self.people.clear()
        if s is None:
            self.title.setText("No events yet" if not self.summaries else "")
            self.info.setText("Add the meetups, association evenings and conferences you go to;"
                              " then Met someone (Ctrl+M) adds the people you meet there.")
            return
        e = s.event
        self.title.setText(e.name)
        lines = [", ".join(x for x in (KIND_LABELS[e.kind], _when(e) or "no date", e.place) if x),
                 s.wording().capitalize()]
        if e.notes:
            lines.append(e.notes)
        self.info.setText("\n".join(lines))
        for cid, name in s.met:
            done = "followed up" if cid in s.followed_up else "not followed up yet"
            item = QListWidgetItem(f"{name} — {done}")
            item.setData(_ID, cid)
            self.people.addItem(item)

    # -- changing ----------------------------------------------------------------------------
    def _open_dialog(self, event: Event | None) -> EventDialog:
        def submit(value: Event) -> str:
            command = EditEvent(self._events, value) if value.id else AddEvent(self._events, value)
            outcome = self._runner.run(command)
            if outcome.ok:
                self._report(outcome)
                self.select(value.id or command.added.id)
                return ""
            return outcome.message

        self.dialog = EventDialog(event, self, submit)
        self.dialog.open()
        return self.dialog

    def new_event(self) -> EventDialog:
        return self._open_dialog(None)

    def edit_event(self) -> EventDialog | None:
        s = self.summaries.get(self.current_id())
        return self._open_dialog(s.event) if s is not None else None

    def delete_event(self) -> None:
        s = self.summaries.get(self.current_id())
        if s is not None:
            self._report(self._runner.run(DeleteEvent(self._events, s.event.id, s.event.name)))

    def add_people(self) -> QInputDialog | None:
        """Ask for people met at the current event (names, e-mails or ids, comma separated)."""
        s = self.summaries.get(self.current_id())
        if s is None or self._resolve is None:
            return None
        dialog = QInputDialog(self)
        dialog.setObjectName("addPeopleDialog")
        dialog.setWindowTitle(self.tr("People met at %1").replace("%1", s.event.name))
        dialog.setLabelText(self.tr("Names, e-mail addresses or ids, separated by commas:"))
        dialog.textValueSelected.connect(lambda text: self.link_people(s.event, text))
        self.people_dialog = dialog
        dialog.open()
        return dialog

    def link_people(self, event: Event, typed: str) -> bool:
        """Find everyone typed (all of them, before anything is written), then link them."""
        assert self._resolve is not None
        refs = [r.strip() for r in typed.split(",") if r.strip()]
        try:
            people = [self._resolve(ref) for ref in refs]
        except ServiceError as exc:
            return self._report(Outcome(False, str(exc)))
        if not people:
            return False
        return self._report(self._runner.run(
            MetAtEvent(self._events, event.id, [c.id for c in people], event.name)))
