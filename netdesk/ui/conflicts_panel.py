"""Sync conflicts of the shown contact, side by side: for each field both sides changed, the
value here and the server's, and a button under each to keep it (issue 12, GUI).

The panel sits in the detail area, under the contact, and only while that contact has
conflicts. A choice goes through ``AccountService.resolve`` (the same call as ``netdesk
conflicts --resolve``); the next sync sends it to the server. It is not an undo step: the
conflict record is gone once resolved, and the value is an ordinary edit afterwards.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from netdesk.actions import ChangeEvent, Runner
from netdesk.services.errors import ServiceError
from netdesk.ui.feedback import Feedback
from netdesk.ui.history import on_change
from netdesk.ui.locale_format import format_count

FIELD_NAMES = {"display_name": "Name", "family_name": "Full name", "org": "Organisation",
               "met_event": "Where we met", "met_note": "How we met"}


def field_title(field: str) -> str:
    return FIELD_NAMES.get(field, field.replace("_", " ").capitalize())


def _value_label(text: str) -> QLabel:
    label = QLabel(text or "(empty)")
    label.setTextFormat(Qt.TextFormat.PlainText)  # contact data, never markup
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ConflictsPanel(QWidget):
    """Shows a list of ``Conflict``s; ``choose(conflict_id, "local"|"server")`` is called
    when the user picks a side."""

    def __init__(self, choose: Callable[[int, str], object]) -> None:
        super().__init__()
        self.setObjectName("conflictsPanel")
        self._choose = choose
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 8, 20, 8)
        self.title = QLabel(objectName="conflictsTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self._grid_host = QWidget()
        layout.addWidget(self._grid_host)
        layout.addStretch(1)
        self.conflict_ids: list[int] = []
        self.setVisible(False)

    def set_conflicts(self, conflicts: list) -> None:  # list[Conflict]
        self.conflict_ids = [c.id for c in conflicts]
        # Off the panel now (so nothing finds the old buttons), deleted later: this may run
        # from one of its own buttons' clicks.
        old, self._grid_host = self._grid_host, QWidget()
        old.hide()
        old.setParent(None)
        old.deleteLater()
        self.layout().insertWidget(1, self._grid_host)
        self.setVisible(bool(conflicts))
        if not conflicts:
            return
        self.title.setText(self.tr(
            "Sync conflict: this contact was changed here and on the server (%1 field(s)). "
            "Choose which value to keep.").replace("%1", format_count(len(conflicts))))
        grid = QGridLayout(self._grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        for col, text in enumerate(("", self.tr("On this computer"), self.tr("On the server"))):
            head = QLabel(f"<b>{text}</b>" if text else "")
            grid.addWidget(head, 0, col)
        for row, c in enumerate(conflicts, start=1):
            grid.addWidget(QLabel(field_title(c.field)), row * 2 - 1, 0)
            grid.addWidget(_value_label(c.local_value), row * 2 - 1, 1)
            grid.addWidget(_value_label(c.server_value), row * 2 - 1, 2)
            keep = QPushButton(self.tr("Keep this"), objectName=f"keepLocal{c.id}")
            take = QPushButton(self.tr("Take this"), objectName=f"takeServer{c.id}")
            keep.clicked.connect(lambda _=False, i=c.id: self._choose(i, "local"))
            take.clicked.connect(lambda _=False, i=c.id: self._choose(i, "server"))
            grid.addWidget(keep, row * 2, 1)
            grid.addWidget(take, row * 2, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self._grid_host.show()


class ConflictsController(QObject):
    """Keeps the panel on the shown contact's conflicts; resolves through the service."""

    def __init__(self, area: QSplitter, runner: Runner, feedback: Feedback,
                 accounts: Callable[[], object | None], parent: QObject) -> None:
        """``accounts()`` gives the AccountService, or None while it is not loaded yet
        (no conflict can exist before the first sync)."""
        super().__init__(parent)
        self.setObjectName("conflictsController")
        self._runner, self._feedback, self._accounts = runner, feedback, accounts
        self._contact = -1
        self.panel = ConflictsPanel(self.resolve)
        area.insertWidget(1, self.panel)
        on_change(runner, self, lambda _e: self.refresh())

    def show_contact(self, contact_id: int, _name: str = "") -> None:
        self._contact = contact_id
        self.refresh()

    def refresh(self) -> None:
        service = self._accounts()
        found = []
        if service is not None and self._contact >= 0:
            try:
                found = service.conflicts(self._contact)
            except ServiceError:
                found = []
        self.panel.set_conflicts(found)

    def resolve(self, conflict_id: int, take: str) -> None:
        service = self._accounts()
        if service is None:
            return
        try:
            service.resolve(conflict_id, take)
        except ServiceError as exc:
            self._feedback.error(
                self.tr("Could not resolve the conflict: %1").replace("%1", str(exc)))
            return
        self._feedback.status(self.tr("Conflict resolved; the next sync sends the choice."))
        # The contact may have changed (server's value taken): every view of it re-reads,
        # and the sync controller hears a local change (a sync soon sends the choice).
        self._runner.publish(ChangeEvent.of(changed=[self._contact]))
        self.refresh()
