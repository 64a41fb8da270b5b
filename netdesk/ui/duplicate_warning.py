"""The editor's warning "Amara Okafor already has this e-mail — open that contact instead?".

While a contact is typed in (or edited), its e-mails and phones are looked up among the
others (``DuplicateService.key_owners``: an indexed lookup by match key, quick enough for
the GUI thread, done a moment after typing stops). The warning offers to open that contact
instead; it never blocks saving, since two people can share an address or a number.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from netdesk.domain.contact import Contact
from netdesk.services.errors import ServiceError

# Looks up who else has the contact's e-mails/phones: DuplicateService.key_owners.
KeyOwners = Callable[[Contact], list]
CHECK_DELAY_MS = 400


def _what(shared: tuple[str, ...]) -> str:
    """"this e-mail", "these phone numbers" or "some of these details"."""
    kinds = {"e-mail" if "@" in k else "phone number" if k.lstrip("+").isdigit() else "profile"
             for k in shared}
    if len(kinds) != 1:
        return "some of these details"
    kind = kinds.pop()
    return f"this {kind}" if len(shared) == 1 else f"these {kind}s"


def warning_text(owners: list) -> str:
    """The sentence for the first owner (the likeliest same person comes first)."""
    first = owners[0]
    text = f"{first.name} already has {_what(first.shared)} — open that contact instead?"
    if len(owners) > 1:
        others = len(owners) - 1
        text += f" ({others} other contact{'s' if others != 1 else ''} too.)"
    return text


class DuplicateWarning(QFrame):
    """Shown above the editor's fields while someone else shares a strong key."""

    openRequested = Signal(int)  # the id of the contact to open instead

    def __init__(self, key_owners: KeyOwners, current: Callable[[], Contact],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateWarning")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._key_owners, self._current = key_owners, current
        self.owners: list = []
        self.label = QLabel(objectName="duplicateWarningLabel")
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # names are never markup
        self.label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open instead"), objectName="openDuplicateButton")
        self.open_button.clicked.connect(
            lambda: self.owners and self.openRequested.emit(self.owners[0].id))
        row = QHBoxLayout(self)
        row.addWidget(self.label, 1)
        row.addWidget(self.open_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check)
        self.hide()

    def schedule(self) -> None:
        """Check again a moment after the last keystroke."""
        self._timer.start()

    def check(self) -> None:
        self._timer.stop()
        try:
            self.owners = list(self._key_owners(self._current()))
        except ServiceError:
            self.owners = []  # a warning is a help, not a gate: say nothing
        if not self.owners:
            self.hide()
            return
        self.label.setText(warning_text(self.owners))
        self.open_button.setText(self.tr("Open %1").replace("%1", self.owners[0].name))
        self.show()
