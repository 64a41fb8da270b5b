"""Editors for lists of labelled values (phones, e-mails, URLs, profiles) and of addresses.

Each row has an editable label combo (mobile/work/home/other or the user's own word), the
value, and a remove button; "Add" appends an empty row. The preferred flag of loaded values is
kept by row, since the dialog has no control for it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from netdesk.domain.contact import Address, LabeledValue
from netdesk.ui.feedback import grow_to_fit

DEFAULT_LABELS = ("mobile", "work", "home", "other")


def _label_combo(labels: tuple[str, ...], current: str) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(list(labels))
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setMinimumContentsLength(7)
    combo.setCurrentText(current)
    combo.setToolTip("Choose a label or type your own")
    return combo


def _remove_button(what: str) -> QToolButton:
    button = QToolButton()
    button.setText("✕")
    button.setAutoRaise(True)
    button.setToolTip(f"Remove this {what}")
    return button


class ErrorLabel(QLabel):
    """A validation message shown next to the field it is about; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setObjectName("fieldError")
        # Bold rather than a fixed red: readable on any palette.
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(f"⚠ {text}" if text else "")
        self.setVisible(bool(text))
        if text:
            grow_to_fit(self)  # a long message (a file path) is not cut off


# The Add buttons' texts (translation sources), by what the editor holds.
ADD_TEXTS = {
    "phone": QT_TRANSLATE_NOOP("LabeledValuesEditor", "Add phone"),
    "e-mail": QT_TRANSLATE_NOOP("LabeledValuesEditor", "Add e-mail"),
    "website": QT_TRANSLATE_NOOP("LabeledValuesEditor", "Add website"),
    "profile": QT_TRANSLATE_NOOP("LabeledValuesEditor", "Add profile"),
}


class LabeledValuesEditor(QWidget):
    """Any number of (label, value) rows."""

    changed = Signal()

    def __init__(
        self,
        what: str,
        placeholder: str = "",
        labels: tuple[str, ...] = DEFAULT_LABELS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._what = what
        self._placeholder = placeholder
        self._labels = labels
        self._rows: list[tuple[QComboBox, QLineEdit, QWidget, bool]] = []
        self._list = QVBoxLayout()
        self._list.setContentsMargins(0, 0, 0, 0)
        self._list.setSpacing(4)
        self.add_button = QPushButton(QCoreApplication.translate(
            "LabeledValuesEditor", ADD_TEXTS.get(what, f"Add {what}")))
        self.add_button.setObjectName(f"add_{what.replace(' ', '_').replace('-', '')}")
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        self.error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._list)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def add_row(self, value: str = "", label: str = "", preferred: bool = False,
                focus: bool = False) -> QLineEdit:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        combo = _label_combo(self._labels, label or self._labels[0])
        edit = QLineEdit(value)
        edit.setPlaceholderText(self._placeholder)
        edit.textChanged.connect(self.changed)
        remove = _remove_button(self._what)
        line.addWidget(combo)
        line.addWidget(edit, 1)
        line.addWidget(remove)
        entry = (combo, edit, row, preferred)
        self._rows.append(entry)
        remove.clicked.connect(lambda: self._remove(row))
        self._list.addWidget(row)
        if focus:
            edit.setFocus()
        return edit

    def _remove(self, row: QWidget) -> None:
        self._rows = [r for r in self._rows if r[2] is not row]
        row.hide()
        row.deleteLater()
        self.error.show_message("")
        self.changed.emit()

    def set_values(self, values: list[LabeledValue]) -> None:
        for _, _, row, _ in self._rows:
            row.deleteLater()
        self._rows = []
        for v in values:
            self.add_row(v.value, v.label, v.preferred)

    def values(self) -> list[LabeledValue]:
        """Non-empty rows, in order (the service drops blank ones too)."""
        return [
            LabeledValue(edit.text().strip(), combo.currentText().strip(), preferred)
            for combo, edit, _, preferred in self._rows
            if edit.text().strip()
        ]

    def value_edit(self, index: int) -> QLineEdit | None:
        """The line edit of the index-th *non-empty* row (indexes match ``values()``)."""
        filled = [edit for _, edit, _, _ in self._rows if edit.text().strip()]
        return filled[index] if 0 <= index < len(filled) else None


class AddressesEditor(QWidget):
    """Any number of postal addresses: street, postcode and city, region, country."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[QWidget, QComboBox, dict[str, QLineEdit], Address]] = []
        self._list = QVBoxLayout()
        self._list.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self.tr("Add address"))
        self.add_button.setObjectName("add_address")
        self.add_button.clicked.connect(lambda: self.add_row(Address(), focus=True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def add_row(self, address: Address, focus: bool = False) -> None:
        row = QWidget()
        grid = QGridLayout(row)
        grid.setContentsMargins(0, 0, 0, 6)
        combo = _label_combo(("home", "work", "other"), address.label or "home")
        fields = {
            "street": QLineEdit(address.street),
            "postal_code": QLineEdit(address.postal_code),
            "locality": QLineEdit(address.locality),
            "region": QLineEdit(address.region),
            "country": QLineEdit(address.country),
        }
        for name, placeholder in (("street", self.tr("Street")),
                                  ("postal_code", self.tr("Postcode")),
                                  ("locality", self.tr("City")),
                                  ("region", self.tr("Region")),
                                  ("country", self.tr("Country"))):
            fields[name].setPlaceholderText(placeholder)
        remove = _remove_button("address")
        grid.addWidget(combo, 0, 0)
        grid.addWidget(fields["street"], 0, 1, 1, 3)
        grid.addWidget(remove, 0, 4)
        grid.addWidget(fields["postal_code"], 1, 1)
        grid.addWidget(fields["locality"], 1, 2, 1, 2)
        grid.addWidget(fields["region"], 2, 1)
        grid.addWidget(fields["country"], 2, 2, 1, 2)
        grid.setColumnStretch(2, 1)
        self._rows.append((row, combo, fields, address))
        remove.clicked.connect(lambda: self._remove(row))
        self._list.addWidget(row)
        if focus:
            fields["street"].setFocus()

    def _remove(self, row: QWidget) -> None:
        self._rows = [r for r in self._rows if r[0] is not row]
        row.hide()
        row.deleteLater()

    def set_addresses(self, addresses: list[Address]) -> None:
        for row, *_ in self._rows:
            row.deleteLater()
        self._rows = []
        for a in addresses:
            self.add_row(a)

    def addresses(self) -> list[Address]:
        out = []
        for _, combo, fields, original in self._rows:
            # Parts the dialog doesn't show (PO box, extended) are kept from the original.
            a = Address(
                po_box=original.po_box,
                extended=original.extended,
                street=fields["street"].text().strip(),
                locality=fields["locality"].text().strip(),
                region=fields["region"].text().strip(),
                postal_code=fields["postal_code"].text().strip(),
                country=fields["country"].text().strip(),
                label=combo.currentText().strip(),
                preferred=original.preferred,
            )
            if not a.is_empty():
                out.append(a)
        return out
