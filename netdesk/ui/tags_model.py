"""The sidebar: extra views (e.g. Today), "All contacts", then every tag with its count.

One flat list model; each entry has a kind so the window knows whether choosing it switches
to another view, shows every contact or filters by a tag. A delegate draws the counts
right-aligned in the palette's placeholder colour, and a view's count (what is due) as a
badge: the palette's highlight colour, or red when something is overdue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from netdesk.services.contacts import TagInfo
from netdesk.ui.icons import badge_fill
from netdesk.ui.locale_format import format_count

DISPLAY = int(Qt.ItemDataRole.DisplayRole)
DECORATION = int(Qt.ItemDataRole.DecorationRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
KIND = int(Qt.ItemDataRole.UserRole) + 1
COUNT = int(Qt.ItemDataRole.UserRole) + 2
KEY = int(Qt.ItemDataRole.UserRole) + 3
# A view's badge is urgent (drawn red): something in it is overdue.
URGENT = int(Qt.ItemDataRole.UserRole) + 4

VIEW, ALL, HEADER, TAG = "view", "all", "header", "tag"


@dataclass
class SidebarEntry:
    kind: str
    title: str
    # View entries: the key the window gave; tags: the tag name.
    key: str = ""
    count: int | None = None
    icon: QIcon | None = None
    tooltip: str = ""
    urgent: bool = False


class SidebarModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._views: list[SidebarEntry] = []
        self._views_below: list[SidebarEntry] = []
        self._all = SidebarEntry(ALL, QCoreApplication.translate("Sidebar", "All contacts"),
                                 count=0)
        self._tags: list[SidebarEntry] = []
        self._entries: list[SidebarEntry] = [self._all]
        self.tag_icon: QIcon | None = None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        e = self._entries[index.row()]
        if role == DISPLAY:
            return e.title
        if role == DECORATION:
            return e.icon
        if role == TOOLTIP:
            return e.tooltip or None
        if role == KIND:
            return e.kind
        if role == COUNT:
            return e.count
        if role == KEY:
            return e.key
        if role == URGENT:
            return e.urgent
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._entries[index.row()].kind == HEADER:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- what the window uses -----------------------------------------------------------------
    def add_view(self, key: str, title: str, icon: QIcon | None, first: bool,
                 below_all: bool = False) -> None:
        entry = SidebarEntry(VIEW, title, key=key, icon=icon)
        self.beginResetModel()
        if below_all:  # a view used now and then (Trash): under All contacts
            self._views_below.append(entry)
        elif first:
            self._views.insert(0, entry)
        else:
            self._views.append(entry)
        self._rebuild()
        self.endResetModel()

    def set_view_badge(self, key: str, count: int, urgent: bool = False,
                       tooltip: str = "") -> None:
        """Show ``count`` (none when 0) on the view entry ``key``; ``urgent`` draws it red.

        A dataChanged, not a reset: the sidebar keeps its selection and current row."""
        for row, e in enumerate(self._entries):
            if e.kind == VIEW and e.key == key:
                e.count = count or None
                e.urgent = bool(count) and urgent
                e.tooltip = tooltip
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)
                return

    def retitle(self, titles: dict[str, str]) -> None:
        """New titles for views (by key) and for All contacts and Tags in the language now in
        use; a dataChanged, so the selection stays."""
        self._all.title = QCoreApplication.translate("Sidebar", "All contacts")
        for e in [*self._views, *self._views_below]:
            e.title = titles.get(e.key, e.title)
        self._rebuild()
        if self._entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._entries) - 1, 0))

    def set_all_icon(self, icon: QIcon) -> None:
        self._all.icon = icon

    def set_counts(self, total: int, tags: list[TagInfo]) -> None:
        self.beginResetModel()
        self._all.count = total
        self._tags = [
            SidebarEntry(
                TAG,
                t.name,
                key=t.name,
                count=t.count,
                icon=self.tag_icon,
                tooltip=(
                    QCoreApplication.translate("Sidebar", "Keep in touch every %1 days")
                    .replace("%1", str(t.keep_in_touch_days))
                    if t.keep_in_touch_days
                    else ""
                ),
            )
            for t in tags
        ]
        self._rebuild()
        self.endResetModel()

    def row_of(self, kind: str, key: str = "") -> int:
        for i, e in enumerate(self._entries):
            if e.kind == kind and (kind == ALL or e.key == key):
                return i
        return -1

    def _rebuild(self) -> None:
        header = ([SidebarEntry(HEADER, QCoreApplication.translate("Sidebar", "Tags"))]
                  if self._tags else [])
        self._entries = [*self._views, self._all, *self._views_below, *header, *self._tags]


class SidebarDelegate(QStyledItemDelegate):
    """Draws the count at the right edge and section headers in small capitals."""

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        kind = index.data(KIND)
        if kind == HEADER:
            painter.save()
            font = option.font
            font.setPointSizeF(font.pointSizeF() * 0.85)
            font.setBold(True)
            font.setCapitalization(font.Capitalization.AllUppercase)
            painter.setFont(font)
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
            rect = option.rect.adjusted(8, 0, -8, 0)
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                             index.data(DISPLAY))
            painter.restore()
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        # The style draws background, selection and icon; text and count are ours so the
        # count can sit at the right edge and a long tag name elides before it.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        count = index.data(COUNT)
        count_text = "" if count is None else format_count(count)
        metrics = opt.fontMetrics
        count_width = metrics.horizontalAdvance(count_text) + 10 if count_text else 0
        badge = kind == VIEW and bool(count_text)
        if badge:
            count_width = self._badge_rect(option, count_text).width() + 8
        left = option.rect.left() + 8
        if not opt.icon.isNull():
            left += opt.decorationSize.width() + 8
        text_rect = QRect(left, option.rect.top(), option.rect.right() - 8 - count_width - left,
                          option.rect.height())
        painter.save()
        painter.setPen(option.palette.color(text_role))
        painter.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(title, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        if badge:
            self._paint_badge(painter, option, count_text, bool(index.data(URGENT)), selected)
        elif count_text:
            muted = text_role if selected else QPalette.ColorRole.PlaceholderText
            painter.setPen(option.palette.color(muted))
            painter.drawText(
                QRect(option.rect.left(), option.rect.top(), option.rect.width() - 8,
                      option.rect.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                count_text,
            )
        painter.restore()

    @staticmethod
    def _badge_font(option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.9)
        return font

    def _badge_rect(self, option: QStyleOptionViewItem, text: str) -> QRect:
        metrics = QFontMetrics(self._badge_font(option))
        height = metrics.height() + 4
        width = max(height, metrics.horizontalAdvance(text) + 14)
        r = option.rect
        return QRect(r.right() - 8 - width + 1, r.top() + (r.height() - height) // 2,
                     width, height)

    def _paint_badge(self, painter, option: QStyleOptionViewItem, text: str, urgent: bool,
                     selected: bool) -> None:
        palette = option.palette
        if urgent:
            # Red with white text whatever the theme or selection: it must stand out.
            fill, ink = badge_fill(palette), QColor(255, 255, 255)
        elif selected:
            fill = palette.color(QPalette.ColorRole.HighlightedText)
            ink = palette.color(QPalette.ColorRole.Highlight)
        else:
            fill = palette.color(QPalette.ColorRole.Highlight)
            ink = palette.color(QPalette.ColorRole.HighlightedText)
        rect = self._badge_rect(option, text)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        radius = rect.height() / 2
        painter.drawRoundedRect(QRectF(rect), radius, radius)
        painter.setFont(self._badge_font(option))
        painter.setPen(ink)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def full_width(self, option: QStyleOptionViewItem, index: QModelIndex) -> int:
        """The row width that shows the title and its count without cutting either (as
        ``paint`` lays them out)."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = 8 + opt.fontMetrics.horizontalAdvance(opt.text) + 8
        if not opt.icon.isNull():
            width += opt.decorationSize.width() + 8
        count = index.data(COUNT)
        if count is not None:
            text = format_count(count)
            if index.data(KIND) == VIEW:
                width += self._badge_rect(opt, text).width() + 8
            else:
                width += opt.fontMetrics.horizontalAdvance(text) + 10
        return width

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex):
        size = super().sizeHint(option, index)
        # Rows are as wide as the view: a long tag name is cut at the end (see paint), it
        # does not scroll the sidebar sideways and push the counts out of sight.
        size.setWidth(1)
        size.setHeight(max(size.height(), option.fontMetrics.height() + 12))
        if index.data(KIND) == HEADER:
            size.setHeight(option.fontMetrics.height() + 16)
        return size
