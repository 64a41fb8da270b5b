"""The detail pane beside the contacts list, and the sections under it (the timeline)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QSplitter, QVBoxLayout, QWidget

from netdesk.actions import ChangeEvent, Runner
from netdesk.domain.summary import ContactSummary
from netdesk.services.contacts import ContactService
from netdesk.services.errors import ServiceError
from netdesk.ui import settings as ui_settings
from netdesk.ui.detail_pane import DetailPane
from netdesk.ui.history import on_change
from netdesk.ui.i18n import follow_language
from netdesk.ui.locale_format import format_count

SPLITTER_KEY = "window/detailSplitter"


class DetailController(QObject):
    # The one selected contact (id, name), or (-1, "") when none or several are selected.
    contactSelected = Signal(int, str)

    def __init__(self, contacts: ContactService, runner: Runner, settings: QSettings,
                 summary_of: Callable[[int], ContactSummary | None] = lambda _i: None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailController")
        self._contacts, self._settings, self._summary_of = contacts, settings, summary_of
        self._ids: list[int] = []
        self._sections: list[QWidget] = []
        self.pane = DetailPane()
        self.area = QSplitter(Qt.Orientation.Vertical)
        self.area.setObjectName("detailSplitter")
        self.area.setChildrenCollapsible(False)
        self.area.setHandleWidth(1)
        self.area.addWidget(self.pane)
        # The pane follows in an event-loop turn of its own (see show_ids).
        self._wanted: list[int] = []
        self._again = False
        self._show_soon = QTimer(self)
        self._show_soon.setSingleShot(True)
        self._show_soon.setInterval(0)
        self._show_soon.timeout.connect(self._show_wanted)
        on_change(runner, self, self._on_change)
        # Another language: the pane's words again (the contact itself is read again too).
        follow_language(self.pane, lambda: self._show(self._ids))

    def set_summary_source(self, summary_of: Callable[[int], ContactSummary | None]) -> None:
        self._summary_of = summary_of

    def show_ids(self, ids: list[int]) -> None:
        """Show the one selected contact, or a placeholder for none or several, in the next
        event-loop turn: reading and laying out a contact (10-20 ms) then does not lengthen
        the turn that changed the selection and repaints the table (issue 15), and a key
        held down in the table shows only the contact the selection stops at."""
        self._wanted = list(ids)
        self._show_soon.start()

    def is_pending(self) -> bool:
        """A selection or change is still to be shown (in the next turn)."""
        return self._show_soon.isActive()

    def _show_wanted(self) -> None:
        again, self._again = self._again, False
        if self._wanted == self._ids and self._ids and not again:
            return  # re-selected after a reload; changes to it arrive as change events
        self._show(self._wanted)

    def _show(self, ids: list[int]) -> None:
        self._ids = list(ids)
        # The activity belongs to one contact: without one, the placeholder has the pane.
        for section in self._sections:
            section.setVisible(len(ids) == 1)
        if len(ids) != 1:
            self.pane.show_placeholder(
                self.tr("%1 contacts selected.").replace("%1", format_count(len(ids))) if ids else
                self.tr("Select a contact to see everything you know about them."))
            self.contactSelected.emit(-1, "")
            return
        try:
            contact = self._contacts.get(ids[0])
        except ServiceError as exc:
            self.pane.show_placeholder(str(exc))
            self.contactSelected.emit(-1, "")
            return
        self.pane.show_contact(contact, self._summary_of(ids[0]))
        self.contactSelected.emit(contact.id, contact.display_name)

    def _on_change(self, event: ChangeEvent) -> None:
        if len(self._ids) == 1 and event.touches(self._ids[0]) and \
                self._ids[0] not in event.contacts_removed:
            if not self._show_soon.isActive():
                self._wanted = list(self._ids)
            self._again = True
            self._show_soon.start()

    def add_section(self, widget: QWidget) -> None:
        """Put ``widget`` under the detail pane, in the vertical splitter (the timeline).

        By default the contact gets 60 % of the height and the section 40 %: enough for the
        section's header and a handful of entries. The user's split is remembered."""
        section = QWidget()
        section.setObjectName("detailSection")
        layout = QVBoxLayout(section)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Plain)
        line.setForegroundRole(QPalette.ColorRole.Mid)
        layout.addWidget(line)
        inner = QVBoxLayout()
        # The detail pane's own margins, so both line up.
        inner.setContentsMargins(20, 12, 20, 12)
        inner.addWidget(widget)
        layout.addLayout(inner, 1)
        section.setMinimumHeight(140)
        section.setVisible(len(self._ids) == 1)
        self._sections.append(section)
        self.area.addWidget(section)
        for i in range(self.area.count()):
            self.area.setStretchFactor(i, 3 if i == 0 else 2)
        height = max(self.area.height(), 600)
        self.area.setSizes([height * 3 // 5] + [height * 2 // 5] * (self.area.count() - 1))
        state = ui_settings.read_bytes(self._settings, SPLITTER_KEY)
        if state is not None:
            self.area.restoreState(state)

    def save(self) -> None:
        if self._sections:
            self._settings.setValue(SPLITTER_KEY, self.area.saveState())
