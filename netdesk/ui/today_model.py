"""The Today table's model: due items under group header rows (Overdue, Today, Next 7 days)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import (
    QWidget,
)

from netdesk.domain.clock import system_now
from netdesk.domain.due import CadenceInput, DueItem
from netdesk.services.activity import TodayData
from netdesk.ui.locale_format import (
    due_note,
    format_count,
    format_day,
    format_local,
    relative_when,
)
from netdesk.ui.log_dialog import badge_icon
from netdesk.ui.plain_text import plain_tooltip

# Roles arrive as ints; enum attribute lookups inside data() are slow (DESIGN.md).
DISPLAY = Qt.ItemDataRole.DisplayRole
FONT = Qt.ItemDataRole.FontRole
DECORATION = Qt.ItemDataRole.DecorationRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1

_ROOT = QModelIndex()

WHEN, WHO, WHAT, KIND = range(4)
# Texts are translation sources (context "TodayView"), translated where they are shown.
COLUMNS = (QT_TRANSLATE_NOOP("TodayView", "When"), QT_TRANSLATE_NOOP("TodayView", "Who"),
           QT_TRANSLATE_NOOP("TodayView", "What"), QT_TRANSLATE_NOOP("TodayView", "Kind"))
KIND_TEXT = {"followup": QT_TRANSLATE_NOOP("TodayView", "Follow-up"),
             "cadence": QT_TRANSLATE_NOOP("TodayView", "Keep in touch"),
             "birthday": QT_TRANSLATE_NOOP("TodayView", "Birthday"),
             "anniversary": QT_TRANSLATE_NOOP("TodayView", "Anniversary")}
GROUPS = (("overdue", QT_TRANSLATE_NOOP("TodayView", "Overdue")),
          ("today", QT_TRANSLATE_NOOP("TodayView", "Today")),
          ("this_week", QT_TRANSLATE_NOOP("TodayView", "Next 7 days")))


def _tr(text: str) -> str:
    return QCoreApplication.translate("TodayView", text)


@dataclass(frozen=True, slots=True)
class GroupHeader:
    """A non-selectable row naming the group below it."""

    group: str
    title: str
    count: int


def overdue_color(palette: QPalette) -> QColor:
    """A red with enough contrast on the palette's base colour (light or dark theme)."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return QColor(255, 120, 120) if dark else QColor(190, 30, 30)


def occurs_text(day: dt.date, today: dt.date, tz: dt.tzinfo) -> str:
    """When a birthday or anniversary is: "Today", "Tomorrow", "Sat 5 Dec (in 2 days)"."""
    days = (day - today).days
    if days <= 0:
        return "Today"
    if days == 1:
        return "Tomorrow"
    noon = dt.datetime.combine(day, dt.time(12), tzinfo=tz)
    return f"{format_day(noon, tz)} (in {days} days)"


def item_key(item: DueItem) -> tuple[str, int]:
    """What identifies a row across refreshes (the due time may change with a snooze)."""
    return (item.kind, item.followup_id if item.kind == "followup" else item.contact_id)


class DueItemsModel(QAbstractTableModel):
    """Today's items with group header rows, in the order ``TodayData`` gives them."""

    def __init__(self, tz: dt.tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._rows: list[GroupHeader | DueItem] = []
        self._cadences: dict[int, CadenceInput] = {}
        self._now = system_now()
        self._bold = QFont(QGuiApplication.font())
        self._bold.setBold(True)
        self._icons: dict[str, QIcon] = {}
        self._red = QColor()
        self._header_bg = QColor()

    def set_today(self, data: TodayData) -> None:
        rows: list[GroupHeader | DueItem] = []
        for group, title in GROUPS:
            items = getattr(data, group)
            if items:
                rows.append(GroupHeader(group, _tr(title), len(items)))
                rows += items
        palette = QGuiApplication.palette()
        self.beginResetModel()
        self._rows = rows
        self._cadences = data.cadences
        self._now = data.now
        self._red = overdue_color(palette)
        self._header_bg = palette.color(QPalette.ColorRole.AlternateBase)
        self._icons = {
            "overdue": badge_icon("!", 0, 200),
            "today": badge_icon("", 210, 160),
            "this_week": badge_icon("", 0, 0),
        }
        self.endResetModel()

    # -- lookups ------------------------------------------------------------------------------
    def item(self, row: int) -> DueItem | None:
        if 0 <= row < len(self._rows):
            entry = self._rows[row]
            return entry if isinstance(entry, DueItem) else None
        return None

    def bold_font(self) -> QFont:
        return self._bold

    def column_texts(self, col: int) -> list[str]:
        """The shown text of every item (not the group headers) in a column."""
        items = [e for e in self._rows if isinstance(e, DueItem)]
        if col != WHEN:
            return [self._text(e, col) for e in items]
        # Birthdays share a handful of days: each day's text once (a locale call each).
        days: dict[dt.date, str] = {}
        out = []
        for e in items:
            if e.occurs_on is None:
                out.append(self._text(e, col))
            else:
                if e.occurs_on not in days:
                    days[e.occurs_on] = self._text(e, col)
                out.append(days[e.occurs_on])
        return out

    def header_rows(self) -> list[int]:
        return [r for r, entry in enumerate(self._rows) if isinstance(entry, GroupHeader)]

    def row_of(self, key: tuple[str, int]) -> int:
        for row, entry in enumerate(self._rows):
            if isinstance(entry, DueItem) and item_key(entry) == key:
                return row
        return -1

    # -- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._rows[index.row()], GroupHeader):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == DISPLAY and horizontal and 0 <= section < len(COLUMNS):
            return _tr(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        col = index.column()
        if isinstance(entry, GroupHeader):
            return self._header_data(entry, col, role)
        overdue = entry.due < self._now and not entry.is_date_reminder()
        if role == DISPLAY:
            return self._text(entry, col)
        if role == ITEM_ROLE:
            return entry
        if role == TOOLTIP:
            note = f"\n{entry.note}" if entry.note else ""
            return plain_tooltip(f"{entry.name}: due {format_local(entry.due, self._tz)}{note}")
        if role == FONT and overdue and col in (WHEN, WHO):
            return self._bold
        if role == FOREGROUND and overdue and col == WHEN:
            return self._red
        if role == DECORATION and col == WHEN:
            if overdue:
                return self._icons["overdue"]
            local_day = entry.due.astimezone(self._tz).date()
            today = local_day == self._now.astimezone(self._tz).date() or (
                entry.is_date_reminder() and entry.due < self._now)
            return self._icons["today" if today else "this_week"]
        return None

    def _header_data(self, header: GroupHeader, col: int, role: int) -> Any:
        if role == DISPLAY:
            return f"{header.title}  ·  {header.count}" if col == WHEN else ""
        if role == FONT:
            return self._bold
        if role == BACKGROUND:
            return self._header_bg
        if role == FOREGROUND and header.group == "overdue":
            return self._red
        return None

    def _text(self, item: DueItem, col: int) -> str:
        if col == WHEN:
            if item.occurs_on is not None:
                return occurs_text(item.occurs_on, self._now.astimezone(self._tz).date(), self._tz)
            return relative_when(item.due, self._now, self._tz)
        if col == WHO:
            return item.name
        if col == WHAT:
            if item.kind == "cadence" and item.contact_id in self._cadences:
                return self._cadence_text(self._cadences[item.contact_id])
            return due_note(item) or QCoreApplication.translate("TodayView", "Follow up")
        return _tr(KIND_TEXT[item.kind]) if item.kind in KIND_TEXT else item.kind


    def _cadence_text(self, cadence: CadenceInput) -> str:
        translate = QCoreApplication.translate
        last = cadence.last_interaction
        seen = (
            translate("TodayView", "last in touch %1").replace(
                "%1", format_day(last, self._tz, weekday=False))
            if last
            else translate("TodayView", "nothing logged yet")
        )
        return translate("TodayView", "Every %1 days · %2").replace(
            "%1", format_count(cadence.days)).replace("%2", seen)


