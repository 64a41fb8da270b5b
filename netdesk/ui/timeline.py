"""A contact's activity for the detail pane: open follow-ups, then interactions newest first.

Notes are shown as plain text (they are the user's words, never markup). Logging, adding a
follow-up, marking one done, editing (Enter/F2) and deleting (Delete) an interaction or a
follow-up happen right here, each a step of the one undo history (Ctrl+Z), so a delete asks
nothing, except which way to delete an interaction shared with other people.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
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
from netdesk.ui.locale_format import format_count, format_local, relative_when
from netdesk.ui.log_dialog import CHANNEL_LABELS, LogInteractionDialog, badge_icon, channel_icon

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
_ENTRY_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2, Qt.Key.Key_Delete)


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

        title = QLabel(self.tr("Activity"))
        title.setObjectName("timelineTitle")
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        self.log_button = QPushButton(self.tr("Log interaction…"))
        self.log_button.setObjectName("timelineLogButton")
        self.log_button.clicked.connect(self.open_log_dialog)
        self.followup_button = QPushButton(self.tr("Follow up…"))
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
        self.list.installEventFilter(self)
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
        text = self.tr("Follow up · %1").replace("%1", when) + (f"\n{f.note}" if f.note else "")
        overdue = f.effective_due < now
        item = QListWidgetItem(badge_icon("!" if overdue else "", 0 if overdue else 210), text)
        item.setData(ENTRY_ROLE, f)
        item.setToolTip(self.tr("Due %1").replace("%1", format_local(f.effective_due, tz)))
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
            head += (self.tr(" · with 1 other") if others == 1 else
                     self.tr(" · with %1 others").replace("%1", format_count(others)))
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

    # -- editing and deleting an entry (context menu, Enter/F2, Delete) ----------------------
    def current_entry(self) -> FollowUp | Interaction | None:
        item = self.list.currentItem()
        return item.data(ENTRY_ROLE) if item is not None else None

    def edit_entry(self, entry: FollowUp | Interaction | None = None) -> QDialog | None:
        """Open the edit dialog of ``entry`` (default: the current one)."""
        entry = entry if entry is not None else self.current_entry()
        name = self._contact_name
        if isinstance(entry, Interaction):
            self.dialog = self._flows.edit_interaction(
                self, entry, name, self._told(self.tr("Interaction saved — Ctrl+Z to undo")))
        elif isinstance(entry, FollowUp):
            self.dialog = self._flows.edit_followup(
                self, entry, name, self._told(self.tr("Follow-up saved — Ctrl+Z to undo")))
        else:
            return None
        return self.dialog

    def delete_entry(self, entry: FollowUp | Interaction | None = None) -> QMessageBox | None:
        """Delete ``entry`` (default: the current one) at once: it is undoable. A group
        interaction first asks whether to remove only this person or delete it for all."""
        entry = entry if entry is not None else self.current_entry()
        if isinstance(entry, FollowUp) and entry.id is not None:
            self._flows.delete_followup(entry.id, self._contact_name,
                                        self._told(self.tr("Deleted follow-up — Ctrl+Z to undo")))
        elif isinstance(entry, Interaction) and entry.id is not None:
            if len(entry.people) > 1 and self._contact_id in entry.people:
                return self._ask_group_delete(entry)
            self.delete_interaction(entry.id)
        return None

    def delete_interaction(self, interaction_id: int) -> None:
        """Delete an interaction for everyone in it."""
        self._flows.delete_interaction(
            interaction_id, self._contact_name,
            self._told(self.tr("Deleted interaction — Ctrl+Z to undo")))

    def remove_from_interaction(self, interaction_id: int) -> None:
        """Take the shown contact out of a group interaction; the others keep it."""
        if self._contact_id is None:
            return
        self._flows.remove_from_interaction(
            interaction_id, self._contact_id, self._contact_name,
            self._told(self.tr("Removed %s from the interaction — Ctrl+Z to undo")
                       % (self._contact_name or self.tr("this person"))))

    def _ask_group_delete(self, entry: Interaction) -> QMessageBox:
        others = len(entry.people) - 1
        who = self._contact_name or self.tr("this person")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete interaction"),
                          (self.tr("%s and one other person were part of this interaction. "
                                   "Remove only %s from it (the other keeps it), or delete "
                                   "it for both?") % (who, who) if others == 1 else
                           self.tr("%s and %d others were part of this interaction. Remove "
                                   "only %s from it (the others keep it), or delete it for "
                                   "everyone?") % (who, others, who)),
                          QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("groupDeleteBox")
        box.setTextFormat(Qt.TextFormat.PlainText)  # the name is the user's text
        remove = box.addButton(self.tr("Remove only %s") % who,
                               QMessageBox.ButtonRole.AcceptRole)
        remove.setObjectName("removeFromGroupButton")
        everyone = box.addButton(self.tr("Delete for all %d") % (others + 1),
                                 QMessageBox.ButtonRole.DestructiveRole)
        everyone.setObjectName("deleteForAllButton")
        box.setDefaultButton(remove)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        iid = entry.id
        assert iid is not None

        def chosen(button: QAbstractButton) -> None:
            if button is remove:
                self.remove_from_interaction(iid)
            elif button is everyone:
                self.delete_interaction(iid)

        box.buttonClicked.connect(chosen)
        box.open()
        return box

    def _told(self, done: str):  # noqa: ANN202
        """Success in the status bar (with its undo hint), a failure here in the timeline."""

        def report(outcome: Outcome) -> None:
            if outcome.ok:
                self._flows.tell(outcome, done)
            self._show_outcome(outcome)

        return report

    def _show_outcome(self, outcome: Outcome) -> None:
        # Successes speak for themselves (the list changes; Ctrl+Z takes them back).
        self.status.setText("" if outcome.ok else outcome.message)
        self.status.setVisible(not outcome.ok)

    def entry_menu(self, entry: FollowUp | Interaction) -> QMenu:
        """The context menu of one entry (also what Enter/F2 and Delete do)."""
        menu = QMenu(self)
        menu.setObjectName("timelineEntryMenu")

        def add(text: str, name: str, slot, shortcut: str = "") -> None:  # noqa: ANN001
            action = menu.addAction(text, slot)
            action.setObjectName(name)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutVisibleInContextMenu(True)

        add(self.tr("Edit…"), "editEntryAction", lambda: self.edit_entry(entry), "F2")
        if isinstance(entry, FollowUp) and entry.id is not None:
            fid = entry.id
            add(self.tr("Mark done"), "markDoneEntryAction",
                lambda: self._flows.done(fid, self._contact_name, self._show_outcome))
            add(self.tr("Snooze until tomorrow"), "snoozeEntryAction", lambda: self._flows.snooze(
                fid, "tomorrow", self._contact_name, self._show_outcome))
            menu.addSeparator()
            add(self.tr("Delete follow-up"), "deleteEntryAction",
                lambda: self.delete_entry(entry), "Del")
        elif isinstance(entry, Interaction) and entry.id is not None:
            iid = entry.id
            menu.addSeparator()
            if len(entry.people) > 1 and self._contact_id in entry.people:
                add(self.tr("Remove %s from it") % (self._contact_name or self.tr("this person")),
                    "removeFromEntryAction", lambda: self.remove_from_interaction(iid))
                add(self.tr("Delete for all %d") % len(entry.people), "deleteEntryAction",
                    lambda: self.delete_interaction(iid))
            else:
                add(self.tr("Delete interaction"), "deleteEntryAction",
                    lambda: self.delete_interaction(iid), "Del")
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        entry = item.data(ENTRY_ROLE) if item else None
        if not isinstance(entry, FollowUp | Interaction):
            return
        menu = self.entry_menu(entry)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.list.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter/F2 edit and Delete deletes the current entry while the list has focus; they
        # are taken before the window's shortcuts (whose Delete would delete the contact).
        if watched is self.list and isinstance(event, QKeyEvent) and \
                self.current_entry() is not None and event.key() in _ENTRY_KEYS and \
                not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                if event.key() == Qt.Key.Key_Delete:
                    self.delete_entry()
                else:
                    self.edit_entry()
                return True
        return super().eventFilter(watched, event)
