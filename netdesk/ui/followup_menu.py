"""The Today view's follow-up rows: edit (F2 or the context menu) and delete (context menu).

A controller over the view's public parts (its table and selected item), so the view itself
stays as it is. Both are undoable steps of the one history; the status line says so.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu

from netdesk.domain.due import DueItem
from netdesk.services.errors import ServiceError
from netdesk.ui.activity_flows import ActivityFlows
from netdesk.ui.today import TodayView


class FollowUpMenu(QObject):
    def __init__(self, view: TodayView, flows: ActivityFlows) -> None:
        super().__init__(view)
        self.setObjectName("followUpMenu")
        self._view, self._flows = view, flows
        self.dialog: QDialog | None = None
        table = view.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._popup)
        table.installEventFilter(self)

    def _followup(self) -> DueItem | None:
        item = self._view.selected_item()
        return item if item is not None and item.followup_id is not None else None

    def menu(self) -> QMenu | None:
        """The context menu for the selected row (None unless it is a follow-up)."""
        item = self._followup()
        if item is None:
            return None
        menu = QMenu(self._view)
        menu.setObjectName("followUpContextMenu")
        edit = menu.addAction(self.tr("Edit follow-up…"), self.edit)
        edit.setObjectName("editFollowUpAction")
        edit.setShortcut(QKeySequence("F2"))
        edit.setShortcutVisibleInContextMenu(True)
        menu.addSeparator()
        delete = menu.addAction(self.tr("Delete follow-up"), self.delete)
        delete.setObjectName("deleteFollowUpAction")
        return menu

    def edit(self) -> QDialog | None:
        item = self._followup()
        if item is None or item.followup_id is None:
            return None
        try:
            followup = self._flows.activity.get_followup(item.followup_id)
        except ServiceError as exc:
            self._flows.tell_error(str(exc))
            return None
        self.dialog = self._flows.edit_followup(
            self._view, followup, item.name,
            lambda o: self._flows.tell(o, self.tr("Follow-up saved — Ctrl+Z to undo")))
        return self.dialog

    def delete(self) -> None:
        item = self._followup()
        if item is None or item.followup_id is None:
            return
        self._flows.delete_followup(
            item.followup_id, item.name,
            lambda o: self._flows.tell(o, self.tr("Deleted follow-up — Ctrl+Z to undo")))

    def _popup(self, pos: QPoint) -> None:
        index = self._view.table.indexAt(pos)
        if index.isValid():
            self._view.select_row(index.row())
        menu = self.menu()
        if menu is not None:
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(self._view.table.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_F2 and \
                not event.modifiers() and self._followup() is not None:
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.edit()
                return True
        return super().eventFilter(watched, event)
