"""The Trash view: contacts deleted in the last 30 days, restorable with their activity.

Self-contained: it takes the trash service, the runner and the feedback in its constructor,
listens to the runner's change events and runs its restores and emptying as commands (so
Ctrl+Z takes them back like any other change).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netdesk.actions import Runner
from netdesk.actions.events import ChangeEvent
from netdesk.actions.trash import EmptyTrash, RestoreFromTrash
from netdesk.services.errors import ServiceError
from netdesk.services.trash import KEEP_DAYS, TrashService
from netdesk.ui.confirm import confirm
from netdesk.ui.feedback import Feedback
from netdesk.ui.locale_format import format_count, format_local

ENTRY_ID = Qt.ItemDataRole.UserRole + 1


class TrashView(QWidget):
    def __init__(self, trash: TrashService, runner: Runner, feedback: Feedback,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trashView")
        self._trash, self._runner, self._feedback = trash, runner, feedback
        self._stale = True
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("trashTable")
        self.table.setHorizontalHeaderLabels(["Name", "Deleted"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The date fits on one line (it wrapped to two in a fixed-width column).
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _item: self.restore_selected())
        self.note = QLabel(self.tr("Deleted contacts stay here for %1 days with their "
                                   "interactions and follow-ups, then they are removed for "
                                   "good.").replace("%1", str(KEEP_DAYS)))
        self.note.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setObjectName("trashRestoreButton")
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button = QPushButton(self.tr("Empty trash…"))
        self.empty_button.setObjectName("trashEmptyButton")
        self.empty_button.clicked.connect(self.ask_to_empty)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        runner.subscribe(self._on_change)
        self.destroyed.connect(lambda *_: runner.unsubscribe(self._on_change))
        self._update_buttons()

    def _on_change(self, event: ChangeEvent) -> None:
        if event.trash or event.bulk:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event) -> None:  # noqa: ANN001
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        try:
            entries = self._trash.entries()
        except ServiceError as exc:
            self._feedback.error(str(exc))
            return
        self._stale = False
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            name = QTableWidgetItem(entry.name)
            name.setData(ENTRY_ID, entry.id)
            deleted = QTableWidgetItem(format_local(entry.deleted_at, None))
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, deleted)
        self._update_buttons()

    def entry_count(self) -> int:
        return self.table.rowCount()

    def selected_entry_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.table.item(r, 0).data(ENTRY_ID) for r in rows]

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.selected_entry_ids()))
        self.empty_button.setEnabled(self.table.rowCount() > 0)

    def restore_selected(self) -> None:
        ids = self.selected_entry_ids()
        if ids:
            self._feedback.outcome(self._runner.run(RestoreFromTrash(self._trash, ids)))

    def ask_to_empty(self) -> None:
        count = self.table.rowCount()
        if not count:
            return
        confirm(self, "confirmEmptyTrashBox", self.tr(
                "Remove the %1 contacts in the Trash for good?").replace("%1", format_count(count)),
                self.tr("Empty trash"),
                lambda: self._feedback.outcome(self._runner.run(EmptyTrash(self._trash))))
