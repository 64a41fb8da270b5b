"""New follow-up (due time + note) and custom snooze (a time only): one small dialog.

Defaults to tomorrow 09:00 local time, the moment people most often mean by "follow up".
The caller writes the result through ActivityService; tests call ``accept()`` directly.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netdesk.domain.snooze import DEFAULT_MORNING, snooze_until
from netdesk.domain.timeparse import local_to_utc
from netdesk.ui.log_dialog import LocalDateTimeEdit, error_label


class FollowUpDialog(QDialog):
    """``mode="new"`` asks for due time and note; ``mode="snooze"`` for a time only;
    ``mode="edit"`` changes an existing follow-up's ``due`` time and ``note``."""

    def __init__(
        self,
        tz: dt.tzinfo,
        now: dt.datetime,
        parent: QWidget | None = None,
        *,
        contact_name: str = "",
        mode: str = "new",
        note: str = "",
        due: dt.datetime | None = None,
    ) -> None:
        super().__init__(parent)
        if mode not in ("new", "snooze", "edit"):
            raise ValueError(f"unknown mode {mode!r}")
        self.mode = mode
        self._now = now
        self._tz = tz
        self.setObjectName("followUpDialog")
        who = f" with {contact_name}" if contact_name else ""
        titles = {"snooze": self.tr("Snooze follow-up"), "edit": self.tr("Edit follow-up"),
                  "new": self.tr("Follow up")}
        self.setWindowTitle(titles[mode] + who)

        self.due_edit = LocalDateTimeEdit(tz, self)
        self.due_edit.setObjectName("dueEdit")
        self.due_edit.set_utc(due if due is not None else snooze_until("tomorrow", now, tz))
        self.note_edit = QPlainTextEdit(note, self)
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setPlaceholderText(
            self.tr("What to follow up about (send the slides, intro to…)"))
        self.note_edit.setTabChangesFocus(True)
        self.error = error_label(self)

        # Quick picks: most follow-ups are "in a few days" or "next week", typing a date is slow.
        quick = QHBoxLayout()
        for label, delta in (("In 3 days", 3), ("In a week", 7), ("In 2 weeks", 14)):
            button = QPushButton(label, self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, d=delta: self._in_days(d))
            quick.addWidget(button)
        quick.addStretch(1)

        form = QFormLayout()
        form.addRow("&Until:" if mode == "snooze" else "&Due:", self.due_edit)
        form.addRow("", quick)
        if mode != "snooze":
            form.addRow(self.tr("&Note:"), self.note_edit)
        else:
            self.note_edit.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText({"snooze": self.tr("&Snooze"), "edit": self.tr("&Save")}.get(
            mode, self.tr("&Add follow-up")))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(440, 140 if mode == "snooze" else 260)
        (self.due_edit if mode == "snooze" else self.note_edit).setFocus()

    def _in_days(self, days: int) -> None:
        # 09:00 on a local calendar day, so a DST switch in between does not shift the hour.
        day = self._now.astimezone(self._tz).date() + dt.timedelta(days=days)
        self.due_edit.set_utc(local_to_utc(dt.datetime.combine(day, DEFAULT_MORNING), self._tz))

    def due_utc(self) -> dt.datetime:
        return self.due_edit.utc()

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def accept(self) -> None:
        if self.mode == "snooze" and self.due_utc() <= self._now:
            self.error.setText(self.tr("Pick a time in the future to snooze until."))
            self.error.setVisible(True)
            return
        super().accept()
