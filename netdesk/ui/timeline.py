"""A contact's activity for the detail pane: open follow-ups, then interactions newest first.

Notes are shown as plain text (they are the user's words, never markup). Logging, adding a
follow-up, marking one done and deleting an interaction happen right here, each a step of
the one undo history (Ctrl+Z).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netdesk.actions import Outcome
from netdesk.domain.activity import FollowUp, Interaction
from netdesk.domain.clock import Clock
from netdesk.services.activity import ActivityService
from netdesk.services.errors import ServiceError
from netdesk.ui.activity_flows import ActivityFlows
from netdesk.ui.followup_dialog import FollowUpDialog
from netdesk.ui.history import on_change
from netdesk.ui.locale_format import format_local, relative_when
from netdesk.ui.log_dialog import CHANNEL_LABELS, LogInteractionDialog, badge_icon, channel_icon

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class InteractionTimeline(QWidget):
    """Call ``set_contact(id)`` (or ``set_contact(None)`` to clear) from the detail pane."""

    def __init__(
        self,
        activity: ActivityService,
        flows: ActivityFlows,
        parent: QWidget | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("interactionTimeline")
        self._activity = activity
        self._flows = flows
        self._clock = clock or activity.clock
        self._contact_id: int | None = None
        self._contact_name = ""
        self.dialog: LogInteractionDialog | FollowUpDialog | None = None

        title = QLabel("Activity")
        title.setObjectName("timelineTitle")
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        self.log_button = QPushButton("Log interaction…")
        self.log_button.setObjectName("timelineLogButton")
        self.log_button.clicked.connect(self.open_log_dialog)
        self.followup_button = QPushButton("Follow up…")
        self.followup_button.setObjectName("timelineFollowUpButton")
        self.followup_button.clicked.connect(self.open_followup_dialog)
        head = QHBoxLayout()
        head.setSpacing(6)
        head.addWidget(title, 1)
        head.addWidget(self.followup_button)
        head.addWidget(self.log_button)

        self.list = QListWidget()
        self.list.setObjectName("interactionsList")
        self.list.setIconSize(QSize(20, 20))
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.empty = QLabel(
            "Nothing logged yet. After you meet or talk, log it here (Ctrl+Shift+L); "
            "add a follow-up (Ctrl+Shift+F) and netdesk reminds you when it is time."
        )
        self.empty.setObjectName("timelineEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty.setContentsMargins(0, 6, 0, 0)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.status = QLabel()
        self.status.setObjectName("timelineStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self.refresh()  # no contact yet: the buttons start disabled
        on_change(flows.runner, self, lambda _e: self.refresh(),
                  lambda e: self._contact_id is not None and e.touches(self._contact_id))

    # -- showing ------------------------------------------------------------------------------
    def set_contact(self, contact_id: int | None, name: str = "") -> None:
        """Show ``contact_id``'s activity; ``name`` titles the dialogs (optional)."""
        if contact_id == self._contact_id and name == self._contact_name:
            return  # the same contact re-selected (after a reload): its change events refresh
        if contact_id != self._contact_id:
            self.status.setVisible(False)
        self._contact_id = contact_id
        self._contact_name = name
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        has_contact = self._contact_id is not None
        self.log_button.setEnabled(has_contact)
        self.followup_button.setEnabled(has_contact)
        if not has_contact:
            self.empty.setVisible(False)
            self.list.setVisible(False)
            return
        try:
            followups = self._activity.followups(self._contact_id)
            interactions = self._activity.interactions(self._contact_id)
        except ServiceError as exc:
            self.status.setText(str(exc))
            self.status.setVisible(True)
            return
        now = self._clock.now()
        for f in followups:
            self.list.addItem(self._followup_item(f, now))
        for i in interactions:
            self.list.addItem(self._interaction_item(i))
        empty = not followups and not interactions
        self.list.setVisible(not empty)
        self.empty.setVisible(empty)

    def _followup_item(self, f: FollowUp, now: dt.datetime) -> QListWidgetItem:
        tz = self._activity.tz
        when = relative_when(f.effective_due, now, tz)
        text = f"Follow up · {when}" + (f"\n{f.note}" if f.note else "")
        overdue = f.effective_due < now
        item = QListWidgetItem(badge_icon("!" if overdue else "", 0 if overdue else 210), text)
        item.setData(ENTRY_ROLE, f)
        item.setToolTip(f"Due {format_local(f.effective_due, tz)}")
        if overdue:
            font = QFont(self.list.font())
            font.setBold(True)
            item.setFont(font)
        return item

    def _interaction_item(self, i: Interaction) -> QListWidgetItem:
        channel = CHANNEL_LABELS.get(i.channel, i.channel)
        head = f"{format_local(i.at, self._activity.tz)} · {channel}"
        others = len(i.people) - 1  # one meeting with several people is one entry
        if others:
            head += f" · with {others} other{'s' if others > 1 else ''}"
        item = QListWidgetItem(channel_icon(i.channel), head + (f"\n{i.note}" if i.note else ""))
        item.setData(ENTRY_ROLE, i)
        return item

    def entries(self) -> list[FollowUp | Interaction]:
        """What is listed, top to bottom (for tests and accessibility tools)."""
        return [self.list.item(r).data(ENTRY_ROLE) for r in range(self.list.count())]

    # -- actions ------------------------------------------------------------------------------
    def open_log_dialog(self) -> LogInteractionDialog | None:
        if self._contact_id is None:
            return None
        self.dialog = self._flows.log_interaction(self, self._contact_id, self._contact_name,
                                                  self._show_outcome)
        return self.dialog

    def open_followup_dialog(self) -> FollowUpDialog | None:
        if self._contact_id is None:
            return None
        self.dialog = self._flows.add_followup(self, self._contact_id, self._contact_name,
                                               self._show_outcome)
        return self.dialog

    def delete_interaction(self, interaction_id: int) -> None:
        self._flows.delete_interaction(interaction_id, self._show_outcome)

    def _show_outcome(self, outcome: Outcome) -> None:
        # Successes speak for themselves (the list changes; Ctrl+Z takes them back).
        self.status.setText("" if outcome.ok else outcome.message)
        self.status.setVisible(not outcome.ok)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        entry = item.data(ENTRY_ROLE) if item else None
        menu = QMenu(self)
        if isinstance(entry, Interaction) and entry.id is not None:
            iid = entry.id
            menu.addAction("Delete interaction", lambda: self.delete_interaction(iid))
        elif isinstance(entry, FollowUp) and entry.id is not None:
            fid = entry.id
            menu.addAction("Mark done", lambda: self._flows.done(fid, self._contact_name,
                                                                  self._show_outcome))
            menu.addAction("Snooze until tomorrow", lambda: self._flows.snooze(
                fid, "tomorrow", self._contact_name, self._show_outcome))
        else:
            return
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.list.viewport().mapToGlobal(pos))

