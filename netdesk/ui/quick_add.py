""""Met someone": a small dialog to add the people met at an event, one after another.

Name, company, one contact detail, a note, the event (preselected: the one happening today,
else the one last used), tags (remembered from the last entry) and an optional follow-up in
plain words ("send the intro tomorrow"). Enter saves and clears for the next person; Esc
closes. Every entry is one QuickAdd command, so Ctrl+Z in the window takes it back.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netdesk.actions import Runner
from netdesk.actions.networking import QuickAdd
from netdesk.domain.events import KIND_LABELS
from netdesk.services.errors import ServiceError
from netdesk.services.events import EventService
from netdesk.services.quick_add import QuickAddService, QuickEntry, parse_tags
from netdesk.ui.locale_format import format_count, format_local
from netdesk.ui.log_dialog import error_label

TAGS_KEY = "quickAdd/tags"
EVENT_KEY = "quickAdd/lastEvent"


class QuickAddDialog(QDialog):
    # The contact id of each person added (the window can select the last one).
    personAdded = Signal(int)

    def __init__(self, quick: QuickAddService, events: EventService, runner: Runner,
                 settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickAddDialog")
        self.setWindowTitle(self.tr("Met someone"))
        self._quick, self._events, self._runner, self._settings = quick, events, runner, settings
        self.added: list[int] = []
        self._build()
        self.reload_events()
        self.tags_edit.setText(str(self._setting(TAGS_KEY, "")))
        self.name_edit.setFocus()

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self, objectName=name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _build(self) -> None:
        self.name_edit = self._line("quickNameEdit", self.tr("Who did you meet?"))
        self.company_edit = self._line("quickCompanyEdit", self.tr("Company or organisation"))
        self.detail_edit = self._line("quickDetailEdit", self.tr("E-mail address or phone number"))
        self.note_edit = self._line("quickNoteEdit", self.tr("What you talked about"))
        self.event_combo = QComboBox(self, objectName="quickEventCombo")
        self.tags_edit = self._line("quickTagsEdit", self.tr("Tags, separated by commas"))
        self.followup_edit = self._line("quickFollowUpEdit",
                                        self.tr("e.g. send the intro tomorrow"))
        self.followup_hint = QLabel(self, objectName="quickFollowUpHint")
        self.followup_hint.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what was typed
        self.followup_edit.textChanged.connect(self._preview_followup)
        form = QFormLayout()
        for label, widget in (("&Name", self.name_edit), ("&Company", self.company_edit),
                              ("E-mail or &phone", self.detail_edit), ("N&ote", self.note_edit),
                              ("&Event", self.event_combo), ("&Tags", self.tags_edit),
                              ("&Follow up", self.followup_edit), ("", self.followup_hint)):
            form.addRow(label, widget)
        self.error = error_label(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.status = QLabel(
            self.tr("Enter saves and clears for the next person; Esc closes."), self,
            objectName="quickStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("&Save and next"), self,
                                       objectName="quickSaveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def _setting(self, key: str, default: object) -> object:
        return default if self._settings is None else self._settings.value(key, default)

    def reload_events(self) -> None:
        """Fill the event list and preselect today's event, else the one last used."""
        self.event_combo.clear()
        self.event_combo.addItem(self.tr("(no event)"), None)
        try:
            events = self._events.all()
            last = self._setting(EVENT_KEY, None)
            current = self._events.current(int(last) if str(last or "").isdigit() else None)
        except ServiceError as exc:
            self._show_error(str(exc))
            return
        for event in events:
            when = f", {event.start.isoformat()}" if event.start else ""
            self.event_combo.addItem(f"{event.name} ({KIND_LABELS[event.kind]}{when})", event.id)
        if current is not None:
            self.event_combo.setCurrentIndex(self.event_combo.findData(current.id))

    def _preview_followup(self, text: str) -> None:
        if not text.strip():
            self.followup_hint.clear()
            return
        try:
            note, due = self._quick.due_of(text)
        except ServiceError as exc:
            self.followup_hint.setText(str(exc))
            return
        self.followup_hint.setText(f"“{note}”, due {format_local(due, self._quick.activity.tz)}")

    def entry(self) -> QuickEntry:
        return QuickEntry(
            name=self.name_edit.text(), company=self.company_edit.text(),
            detail=self.detail_edit.text(), note=self.note_edit.text(),
            event_id=self.event_combo.currentData(), tags=parse_tags(self.tags_edit.text()),
            followup=self.followup_edit.text(),
        )

    def save(self) -> bool:
        entry = self.entry()
        outcome = self._runner.run(QuickAdd(self._quick, entry))
        if not outcome.ok:
            self._show_error(outcome.message, outcome.error.field if outcome.error else "")
            return False
        command = outcome.command
        self.added.append(command.added.contact.id)
        if self._settings is not None:
            self._settings.setValue(TAGS_KEY, self.tags_edit.text().strip())
            self._settings.setValue(EVENT_KEY, entry.event_id if entry.event_id else "")
        self.error.setVisible(False)
        text = (self.tr("Added %1 with a follow-up (%2 so far). Next person?")
                if entry.followup.strip() else
                self.tr("Added %1 (%2 so far). Next person?"))
        self.status.setText(text.replace("%2", format_count(len(self.added))).replace(
            "%1", command.added.contact.display_name))
        for edit in (self.name_edit, self.company_edit, self.detail_edit, self.note_edit,
                     self.followup_edit):
            edit.clear()
        self.name_edit.setFocus()
        self.personAdded.emit(command.added.contact.id)
        return True

    def _show_error(self, message: str, field: str = "") -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        edit = {"name": self.name_edit, "detail": self.detail_edit,
                "followup": self.followup_edit}.get(field)
        if edit is not None:
            edit.setFocus()
            edit.selectAll()

    def accept(self) -> None:
        # Enter anywhere means "save this person and go on", never "close the dialog".
        self.save()
