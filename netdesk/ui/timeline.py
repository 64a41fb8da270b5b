"""A contact's activity for the detail pane: open follow-ups, then interactions newest first.

Notes are shown as plain text (they are the user's words, never markup). Logging, adding a
follow-up, marking one done and deleting an interaction (with undo) happen right here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QPoint, QSize, Qt, Signal
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

from netdesk.domain.activity import FollowUp, Interaction
from netdesk.domain.clock import Clock
from netdesk.services.activity import ActivityService, format_local, relative_when
from netdesk.services.errors import ServiceError
from netdesk.ui.followup_dialog import FollowUpDialog
from netdesk.ui.log_dialog import CHANNEL_LABELS, LogInteractionDialog, badge_icon, channel_icon
from netdesk.ui.scheduler import on_activity_change

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class InteractionTimeline(QWidget):
    """Call ``set_contact(id)`` (or ``set_contact(None)`` to clear) from the detail pane."""

    # Something changed through this widget (the lead may refresh the contacts table on it).
    changed = Signal()

    def __init__(
        self,
        activity: ActivityService,
        parent: QWidget | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("interactionTimeline")
        self._activity = activity
        self._clock = clock or activity.clock
        self._contact_id: int | None = None
        self._contact_name = ""
        self._last_deleted: Interaction | None = None
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
        self.undo_button = QPushButton("Undo")
        self.undo_button.setObjectName("timelineUndoButton")
        self.undo_button.clicked.connect(self.undo_delete)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.undo_button)
        self.status.setVisible(False)
        self.undo_button.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addLayout(status_row)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        on_activity_change(activity, self, self.refresh)
        self.set_contact(None)

    # -- showing ------------------------------------------------------------------------------
    def set_contact(self, contact_id: int | None, name: str = "") -> None:
        """Show ``contact_id``'s activity; ``name`` titles the dialogs (optional)."""
        if contact_id != self._contact_id:
            self._last_deleted = None
            self.status.setVisible(False)
            self.undo_button.setVisible(False)
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
            self._say(str(exc))
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
        cid = self._contact_id
        dialog = LogInteractionDialog(
            self._activity.tz, self._clock.now(), self, contact_name=self._contact_name
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def log() -> None:
            channel, at, note = dialog.values()
            self._run(lambda: self._activity.log_interaction(cid, channel, note, at))

        dialog.accepted.connect(log)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_followup_dialog(self) -> FollowUpDialog | None:
        if self._contact_id is None:
            return None
        cid = self._contact_id
        dialog = FollowUpDialog(
            self._activity.tz, self._clock.now(), self, contact_name=self._contact_name
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def add() -> None:
            due, note = dialog.due_utc(), dialog.note()
            self._run(lambda: self._activity.add_followup(cid, due, note))

        dialog.accepted.connect(add)
        self.dialog = dialog
        dialog.open()
        return dialog

    def delete_interaction(self, interaction_id: int) -> None:
        try:
            self._last_deleted = self._activity.delete_interaction(interaction_id)
        except ServiceError as exc:
            self._say(str(exc))
            return
        self._say("Interaction deleted.", can_undo=True)
        self.refresh()
        self.changed.emit()

    def undo_delete(self) -> None:
        gone, self._last_deleted = self._last_deleted, None
        self.status.setVisible(False)
        self.undo_button.setVisible(False)
        if gone is not None:
            self._run(lambda: self._activity.restore_interaction(gone))

    def _run(self, action: Callable[[], object]) -> None:
        try:
            action()
        except ServiceError as exc:
            self._say(str(exc))
            return
        self.refresh()
        self.changed.emit()

    def _say(self, text: str, can_undo: bool = False) -> None:
        self.status.setText(text)
        self.status.setVisible(True)
        self.undo_button.setVisible(can_undo)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        entry = item.data(ENTRY_ROLE) if item else None
        menu = QMenu(self)
        if isinstance(entry, Interaction) and entry.id is not None:
            iid = entry.id
            menu.addAction("Delete interaction", lambda: self.delete_interaction(iid))
        elif isinstance(entry, FollowUp) and entry.id is not None:
            fid = entry.id
            menu.addAction("Mark done", lambda: self._run(lambda: self._activity.done(fid)))
            menu.addAction(
                "Snooze until tomorrow",
                lambda: self._run(lambda: self._activity.snooze(fid, "tomorrow")),
            )
        else:
            return
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.list.viewport().mapToGlobal(pos))
