"""The "Log interaction" dialog: channel, when (default now) and a note.

The dialog only collects values; the caller writes them through ActivityService. Tests fill
the fields and call ``accept()`` instead of ``exec()``, so nothing blocks.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QRectF, Qt, QTime, QTimeZone
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from netdesk.domain.activity import CHANNELS, Interaction
from netdesk.domain.timeparse import local_to_utc

CHANNEL_LABELS = {
    "meeting": "Meeting",
    "call": "Call",
    "email": "E-mail",
    "message": "Message",
    "event": "At an event",
    "other": "Other",
}
# Freedesktop icon names where a theme has them; a lettered badge otherwise (no theme on
# Windows, macOS or a bare X session), so a channel is always recognisable.
_THEME_ICONS = {
    "meeting": "system-users",
    "call": "call-start",
    "email": "mail-message",
    "message": "mail-send",
    "event": "x-office-calendar",
    "other": "user-available",
}
_BADGE_HUES = {"meeting": 260, "call": 130, "email": 210, "message": 180, "event": 30, "other": 0}
_icons: dict[str, QIcon] = {}


def badge_icon(letter: str, hue: int, saturation: int = 150) -> QIcon:
    """A round badge with a letter: mid-tone colours read on light and dark panels alike."""
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor.fromHsv(hue, saturation, 190))
    painter.drawEllipse(QRectF(2, 2, 60, 60))
    font = QFont(QApplication.font())
    font.setBold(True)
    font.setPixelSize(34)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, 64, 64), Qt.AlignmentFlag.AlignCenter, letter)
    painter.end()
    return QIcon(pixmap)


def channel_icon(channel: str) -> QIcon:
    if channel not in _icons:
        letter = CHANNEL_LABELS.get(channel, "?")[0]
        grey = channel not in _BADGE_HUES or channel == "other"
        fallback = badge_icon(letter, _BADGE_HUES.get(channel, 0), 0 if grey else 150)
        _icons[channel] = QIcon.fromTheme(_THEME_ICONS.get(channel, ""), fallback)
    return _icons[channel]


class LocalDateTimeEdit(QDateTimeEdit):
    """A date-time field whose wall-clock value is read as local time in ``tz``.

    The edit itself runs in UTC so Qt applies no DST rules of the *system* zone (which may
    differ from the injected one in tests); we convert with the domain's rules instead.
    """

    def __init__(self, tz: dt.tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self.setTimeZone(QTimeZone.utc())
        self.setCalendarPopup(True)
        self.setDisplayFormat("ddd d MMM yyyy  HH:mm")

    def set_utc(self, when: dt.datetime) -> None:
        """Show ``when`` as wall-clock time in the edit's zone."""
        local = when.astimezone(self._tz)
        self.setDateTime(
            QDateTime(
                QDate(local.year, local.month, local.day),
                QTime(local.hour, local.minute),
                QTimeZone.utc(),
            )
        )

    def utc(self) -> dt.datetime:
        value = self.dateTime()
        naive = dt.datetime.combine(value.date().toPython(), value.time().toPython())
        return local_to_utc(naive.replace(second=0, microsecond=0), self._tz)


def error_label(parent: QWidget) -> QLabel:
    """An inline message for bad input (instead of a modal box on top of a dialog)."""
    label = QLabel(parent)
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.setVisible(False)
    # The palette's link-visited/bright text would be guesses; a mid red reads on both themes.
    pal = label.palette()
    pal.setColor(QPalette.ColorRole.WindowText, QColor(214, 60, 60))
    label.setPalette(pal)
    return label


class LogInteractionDialog(QDialog):
    """Collects channel, time and note; ``values()`` gives (channel, at in UTC, note)."""

    def __init__(
        self,
        tz: dt.tzinfo,
        now: dt.datetime,
        parent: QWidget | None = None,
        *,
        contact_name: str = "",
        channel: str = "other",
        interaction: Interaction | None = None,
    ) -> None:
        """With ``interaction``, the dialog edits it: its values filled in, "Save"."""
        super().__init__(parent)
        self.setObjectName("logInteractionDialog")
        who = f" with {contact_name}" if contact_name else ""
        self.setWindowTitle(self.tr("Edit interaction") + who if interaction
                            else self.tr("Log interaction") + who)
        if interaction is not None:
            channel = interaction.channel
        self._now = now
        self.channel_combo = QComboBox(self)
        self.channel_combo.setObjectName("channelCombo")
        for name in CHANNELS:
            self.channel_combo.addItem(channel_icon(name), CHANNEL_LABELS[name], name)
        self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(channel)))
        self.at_edit = LocalDateTimeEdit(tz, self)
        self.at_edit.setObjectName("atEdit")
        self.at_edit.set_utc(interaction.at if interaction else now)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setPlaceholderText(self.tr("What did you talk about? What did you promise?"))
        self.note_edit.setTabChangesFocus(True)
        if interaction is not None:
            self.note_edit.setPlainText(interaction.note)
            self.note_edit.moveCursor(QTextCursor.MoveOperation.End)
        self.error = error_label(self)

        form = QFormLayout()
        form.addRow(self.tr("&Channel:"), self.channel_combo)
        form.addRow(self.tr("&When:"), self.at_edit)
        form.addRow(self.tr("&Note:"), self.note_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("&Save") if interaction else "&Log")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(420, 300)
        self.note_edit.setFocus()

    def values(self) -> tuple[str, dt.datetime, str]:
        return (
            self.channel_combo.currentData(),
            self.at_edit.utc(),
            self.note_edit.toPlainText().strip(),
        )

    def accept(self) -> None:
        # An interaction is something that happened: a time far in the future is a typo.
        if self.at_edit.utc() > self._now + dt.timedelta(hours=1):
            self.error.setText(self.tr("That time is in the future; log what already happened."))
            self.error.setVisible(True)
            return
        super().accept()


def initials_icon(name: str) -> QIcon:
    """A round badge with a person's initials, in a hue of their own."""
    words = [w for w in name.split() if w[:1].isalnum()]
    letters = "".join(w[0] for w in words[:2]).upper() or "?"
    # A stable hue per person, so the same face-colour comes back every day.
    hue = sum(ord(ch) * (i + 1) for i, ch in enumerate(name)) % 360
    return badge_icon(letters, hue, 110)
