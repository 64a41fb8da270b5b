"""The per-field merge dialog: the contacts side by side, one choice per single value.

Only fields whose values differ get a row of radio buttons (the newest contact's value is
preselected); phones, e-mails, addresses, tags and notes are always joined and are listed
for information. ``picks()`` is what ``MergeService.merge`` takes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from netdesk.domain.contact import Contact
from netdesk.domain.merging import SINGLE_GROUPS, default_picks

FIELD_TITLES = {
    "display_name": "Name shown",
    "name": "Full name",
    "nickname": "Nickname",
    "org": "Organisation",
    "title": "Title",
    "role": "Role",
    "birthday": "Birthday",
    "anniversary": "Anniversary",
    "photo": "Photo",
    "met_event": "Met at",
    "met_note": "How we met",
    "keep_in_touch_days": "Keep in touch",
    "source": "Source",
    "rev": "Revision",
}


def describe(contact: Contact, group: str) -> str:
    """A short text for one contact's value of a group, as plain text."""
    if group == "photo":
        return "photo" if contact.photo or contact.photo_uri else "(none)"
    if group == "keep_in_touch_days":
        days = contact.keep_in_touch_days
        return f"every {days} days" if days else "(none)"
    parts = []
    for field in SINGLE_GROUPS[group]:
        value = getattr(contact, field)
        if isinstance(value, list):
            parts += [str(v) for v in value if v]
        elif value:
            parts.append(str(value))
    return " ".join(parts) or "(none)"


class MergeDialog(QDialog):
    def __init__(self, contacts: Sequence[Contact], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge contacts"))
        self._contacts = list(contacts)
        self._groups: dict[str, QButtonGroup] = {}
        self._picks = default_picks(self._contacts, newer=True)
        grid = QGridLayout()
        for col, c in enumerate(self._contacts, start=1):
            header = QLabel(f"<b>{_escape(c.display_name)}</b> (id {c.id})")
            grid.addWidget(header, 0, col)
        row = 1
        for group in SINGLE_GROUPS:
            texts = [describe(c, group) for c in self._contacts]
            if len(set(texts)) < 2:
                continue  # nothing to choose
            grid.addWidget(QLabel(FIELD_TITLES[group]), row, 0)
            buttons = QButtonGroup(self)
            for col, text in enumerate(texts):
                radio = QRadioButton(text)
                radio.setObjectName(f"pick_{group}_{col}")
                radio.setChecked(col == self._picks[group])
                buttons.addButton(radio, col)
                grid.addWidget(radio, row, col + 1)
            self._groups[group] = buttons
            row += 1
        joined = QLabel(
            "Phones, e-mails, addresses, web links, tags, notes and activity of all "
            "of them are kept."
        )
        joined.setWordWrap(True)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(joined)
        layout.addWidget(box)

    def picks(self) -> dict[str, int]:
        """Index into the contacts for every single-valued group."""
        chosen = dict(self._picks)
        for group, buttons in self._groups.items():
            chosen[group] = buttons.checkedId()
        return chosen


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
