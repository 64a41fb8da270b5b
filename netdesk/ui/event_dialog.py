"""New or edit an event: name, kind, dates, place or URL, notes. Checked by EventService."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from netdesk.domain.events import KIND_LABELS, Event
from netdesk.services.errors import ValidationError
from netdesk.services.events import parse_day
from netdesk.ui.log_dialog import error_label


class EventDialog(QDialog):
    def __init__(self, event: Event | None = None, parent: QWidget | None = None,
                 submit: Callable[[Event], str] | None = None) -> None:
        """``submit(event)`` saves it and returns "" or the message that keeps it open."""
        super().__init__(parent)
        self._submit = submit
        self.setObjectName("eventDialog")
        self.setWindowTitle("Edit event" if event and event.id else "New event")
        self._id = event.id if event else None
        self.name_edit = QLineEdit(self, objectName="eventNameEdit")
        self.name_edit.setPlaceholderText(self.tr("e.g. PyData Berlin, December"))
        self.kind_combo = QComboBox(self, objectName="eventKindCombo")
        for kind, label in KIND_LABELS.items():
            self.kind_combo.addItem(label, kind)
        self.start_edit = QLineEdit(self, objectName="eventStartEdit")
        self.start_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.end_edit = QLineEdit(self, objectName="eventEndEdit")
        self.end_edit.setPlaceholderText(self.tr("YYYY-MM-DD (empty: one day)"))
        self.place_edit = QLineEdit(self, objectName="eventPlaceEdit")
        self.place_edit.setPlaceholderText(self.tr("Address, or the URL of an online community"))
        self.notes_edit = QPlainTextEdit(self, objectName="eventNotesEdit")
        self.notes_edit.setTabChangesFocus(True)
        form = QFormLayout()
        for label, widget in (("&Name", self.name_edit), ("&Kind", self.kind_combo),
                              ("&Starts", self.start_edit), ("&Ends", self.end_edit),
                              ("&Place or URL", self.place_edit), ("N&otes", self.notes_edit)):
            form.addRow(label, widget)
        self.error = error_label(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # messages quote what was typed
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if event is not None:
            self.name_edit.setText(event.name)
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(event.kind)))
            self.start_edit.setText(event.start.isoformat() if event.start else "")
            self.end_edit.setText(event.end.isoformat() if event.end else "")
            self.place_edit.setText(event.place)
            self.notes_edit.setPlainText(event.notes)

    def event_value(self) -> Event:
        """What the user typed; ValidationError for a date that is not one."""
        return Event(
            self.name_edit.text(), self.kind_combo.currentData(),
            parse_day(self.start_edit.text(), "start"), parse_day(self.end_edit.text(), "end"),
            self.place_edit.text(), self.notes_edit.toPlainText(), self._id,
        )

    def accept(self) -> None:
        try:
            event = self.event_value()
        except ValidationError as exc:
            self.show_error(str(exc))
            return
        problem = self._submit(event) if self._submit is not None else ""
        if problem:
            self.show_error(problem)
            return
        super().accept()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
