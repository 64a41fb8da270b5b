"""Anniversary, other dates, related people and "remind me N days before": the detail pane's
read-only section and the editor's section. Self-contained widgets; the pane and the editor
hook them in with a line or two each.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netdesk.domain.contact import Contact, ContactDate, PartialDate, RelatedPerson
from netdesk.domain.dates import DATE_LABELS, MAX_REMIND_DAYS, RELATIONS
from netdesk.services.errors import ValidationError
from netdesk.ui.locale_format import day_month_text

DATE_HINT = "YYYY-MM-DD, or --MM-DD without a year"


def date_text(date: PartialDate) -> str:
    return day_month_text(date.day, date.month, date.year)


def has_dates(contact: Contact) -> bool:
    return bool(
        contact.anniversary
        or contact.other_dates
        or contact.related
        or contact.remind_days_before is not None
    )


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names come from vCards: never rich text
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DatesSection(QWidget):
    """Detail pane: "Dates and people" rows for one contact."""

    def __init__(self, contact: Contact, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailDates")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 14, 0, 0)
        title = QLabel(self.tr("DATES AND PEOPLE"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(14)
        self.grid.setColumnStretch(1, 1)
        layout.addLayout(self.grid)
        if contact.anniversary:
            self._row("anniversary", date_text(contact.anniversary))
        for d in contact.other_dates:
            self._row(d.label or "date", date_text(d.date))
        for r in contact.related:
            self._row(r.relation or "related", r.name)
        if contact.remind_days_before is not None:
            days = contact.remind_days_before
            when = "on the day" if days == 0 else f"{days} day{'s' if days != 1 else ''} before"
            self._row("reminder", when)

    def _row(self, key: str, value: str) -> None:
        row = self.grid.rowCount()
        key_label = _plain(key)
        key_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        key_label.setMinimumWidth(76)
        self.grid.addWidget(key_label, row, 0, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(_plain(value), row, 1)

    def rows(self) -> list[tuple[str, str]]:
        """(key, value) of every row, for tests and accessibility checks."""
        out = []
        for row in range(self.grid.rowCount()):
            key, value = self.grid.itemAtPosition(row, 0), self.grid.itemAtPosition(row, 1)
            if key is not None and value is not None:
                out.append((key.widget().text(), value.widget().text()))
        return out


class _PairTable(QTableWidget):
    """Two editable text columns with add/remove buttons (dates + labels, names + relations)."""

    def __init__(self, name: str, headers: tuple[str, str]) -> None:
        super().__init__(0, 2)
        self.setObjectName(name)
        self.setHorizontalHeaderLabels(list(headers))
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setMinimumHeight(90)

    def set_pairs(self, pairs: list[tuple[str, str]]) -> None:
        self.setRowCount(0)
        for a, b in pairs:
            self.add_pair(a, b)

    def add_pair(self, a: str = "", b: str = "") -> None:
        row = self.rowCount()
        self.insertRow(row)
        self.setItem(row, 0, QTableWidgetItem(a))
        self.setItem(row, 1, QTableWidgetItem(b))

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.selectedIndexes()}, reverse=True):
            self.removeRow(row)

    def pairs(self) -> list[tuple[str, str]]:
        out = []
        for row in range(self.rowCount()):
            cells = [self.item(row, col) for col in (0, 1)]
            a, b = (c.text().strip() if c is not None else "" for c in cells)
            if a or b:
                out.append((a, b))
        return out


class DatesEditor(QWidget):
    """Editor: anniversary, other dates, related people and the reminder setting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("datesEditor")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.anniversary_edit = QLineEdit(objectName="anniversaryEdit")
        self.anniversary_edit.setPlaceholderText(self.tr("Anniversary: %1").replace("%1",
                                                                                  DATE_HINT))
        layout.addWidget(self.anniversary_edit)
        self.dates_table = _PairTable("otherDatesTable", ("Date", "Label"))
        self.dates_table.setToolTip(f"{DATE_HINT}; labels such as {', '.join(DATE_LABELS)}")
        layout.addLayout(self._with_buttons(self.dates_table, "date"))
        self.related_table = _PairTable("relatedTable", ("Name", "Relation"))
        self.related_table.setToolTip("Relations such as " + ", ".join(RELATIONS[:6]) + "…")
        layout.addLayout(self._with_buttons(self.related_table, "person"))
        remind_row = QHBoxLayout()
        self.remind_check = QCheckBox(self.tr("Remind me"), objectName="remindCheck")
        self.remind_days = QSpinBox(objectName="remindDays")
        self.remind_days.setRange(0, MAX_REMIND_DAYS)
        self.remind_days.setSuffix(self.tr(" days before"))
        self.remind_days.setEnabled(False)
        self.remind_check.toggled.connect(self.remind_days.setEnabled)
        remind_row.addWidget(self.remind_check)
        remind_row.addWidget(self.remind_days)
        remind_row.addWidget(QLabel(self.tr("birthday and anniversary (else the default)")))
        remind_row.addStretch(1)
        layout.addLayout(remind_row)
        self.error = QLabel(objectName="datesError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #c62828")
        self.error.hide()
        layout.addWidget(self.error)

    def _with_buttons(self, table: _PairTable, what: str) -> QVBoxLayout:
        add = QPushButton(self.tr("Add date") if what == "date" else self.tr("Add person"))
        add.setObjectName(f"add{what.capitalize()}Button")
        add.clicked.connect(lambda _checked=False: table.add_pair())  # not add_pair(checked)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(table.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        box = QVBoxLayout()
        box.addWidget(table)
        box.addLayout(buttons)
        return box

    def load(self, c: Contact) -> None:
        self.anniversary_edit.setText(c.anniversary.iso() if c.anniversary else "")
        self.dates_table.set_pairs([(d.date.iso(), d.label) for d in c.other_dates])
        self.related_table.set_pairs([(r.name, r.relation) for r in c.related])
        self.remind_check.setChecked(c.remind_days_before is not None)
        self.remind_days.setValue(c.remind_days_before or 0)

    def apply_to(self, c: Contact) -> None:
        """Put the section's values on ``c``; ValidationError (shown here too) when a date
        cannot be read, so nothing typed is dropped silently."""
        self.error.hide()
        try:
            text = self.anniversary_edit.text().strip()
            c.anniversary = _parse(text, "The anniversary") if text else None
            c.other_dates = [
                ContactDate(_parse(date, f"The date {date!r}"), label)
                for date, label in self.dates_table.pairs()
            ]
        except ValidationError as exc:
            self.error.setText(str(exc))
            self.error.show()
            raise
        c.related = [RelatedPerson(name, rel) for name, rel in self.related_table.pairs() if name]
        c.remind_days_before = self.remind_days.value() if self.remind_check.isChecked() else None


def _parse(text: str, what: str) -> PartialDate:
    try:
        return PartialDate.parse(text)
    except ValueError:
        raise ValidationError(f"{what} is not a date ({DATE_HINT})", "dates") from None
