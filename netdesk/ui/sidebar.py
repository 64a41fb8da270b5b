"""The sidebar: views (Today), All contacts and the tags, with counts and badges."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyleOptionViewItem

from netdesk.services.contacts import TagInfo
from netdesk.ui.icons import line_icon
from netdesk.ui.tags_model import (
    ALL,
    COUNT,
    KEY,
    KIND,
    TAG,
    URGENT,
    VIEW,
    SidebarDelegate,
    SidebarModel,
)

# The sidebar is at least this wide, and wide enough for every view's and All contacts' full
# title and count ("All contacts 100,000"); long tag names are cut at the end instead.
MIN_WIDTH = 140


class Sidebar(QListView):
    # (kind, key): VIEW and a view key, ALL and "", TAG and the tag.
    chosen = Signal(str, str)
    # A tag was right-clicked: (tag, global position).
    tagMenuRequested = Signal(str, QPoint)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("tagList")
        self.entries = SidebarModel(self)
        self.entries.set_all_icon(line_icon("people"))
        self.setModel(self.entries)
        self.setItemDelegate(SidebarDelegate(self))
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMinimumWidth(MIN_WIDTH)
        self.setIconSize(QSize(18, 18))
        # Level with the search field beside it.
        self.setViewportMargins(0, 8, 0, 0)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        self.setPalette(palette)
        self.selectionModel().currentChanged.connect(self._on_current_changed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_menu)
        self.verticalScrollBar().rangeChanged.connect(lambda *_: self._fit_width())

    def select(self, kind: str, key: str = "") -> None:
        """Choose an entry (All contacts when there is no such entry)."""
        row = self.entries.row_of(kind, key) if kind != ALL else -1
        if row < 0:
            row = self.entries.row_of(ALL)
        self.selectionModel().setCurrentIndex(
            self.entries.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def current(self) -> tuple[str, str]:
        index = self.currentIndex()
        if not index.isValid():
            return ALL, ""
        return index.data(KIND), index.data(KEY) or ""

    def add_view(self, key: str, title: str, icon: QIcon | None, first: bool,
                 below_all: bool = False) -> None:
        kind, current = self.current()
        self.entries.add_view(key, title, icon, first, below_all)
        self.select(kind, current)
        self._fit_width()

    def retitle(self, titles: dict[str, str]) -> None:
        """Views' titles (by key) in the language now in use; All contacts and Tags too."""
        self.entries.retitle(titles)
        self._fit_width()

    def set_counts(self, total: int, tags: list[TagInfo]) -> None:
        kind, current = self.current()
        self.entries.set_counts(total, tags)
        self.select(kind, current)
        self._fit_width()

    def set_view_badge(self, key: str, count: int, urgent: bool, tooltip: str) -> None:
        self.entries.set_view_badge(key, count, urgent, tooltip)
        self._fit_width()

    def view_badge(self, key: str) -> tuple[int, bool]:
        index = self.entries.index(self.entries.row_of(VIEW, key), 0)
        return index.data(COUNT) or 0, bool(index.data(URGENT))

    def navigable(self) -> list[tuple[str, str, str, object]]:
        """(kind, key, title, icon) of the views and All contacts, in sidebar order."""
        out = []
        for row in range(self.entries.rowCount()):
            index = self.entries.index(row, 0)
            if index.data(KIND) in (VIEW, ALL):
                out.append((index.data(KIND), index.data(KEY) or "", index.data(),
                            index.data(Qt.ItemDataRole.DecorationRole)))
        return out

    def full_width(self) -> int:
        """The width that shows every view's and All contacts' title and count uncut."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        delegate = self.itemDelegate()
        rows = (self.entries.index(r, 0) for r in range(self.entries.rowCount()))
        needed = max((delegate.full_width(option, i) for i in rows
                      if i.data(KIND) in (VIEW, ALL)), default=0)
        scroll_bar = self.verticalScrollBar()
        if scroll_bar.maximum() > 0:
            needed += scroll_bar.sizeHint().width()
        return needed + 2 * self.frameWidth() + 2

    def _fit_width(self) -> None:
        self.setMinimumWidth(max(MIN_WIDTH, self.full_width()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a larger font needs a wider sidebar
            self._fit_width()

    def _on_current_changed(self, current, _previous) -> None:  # noqa: ANN001
        if current.isValid() and current.data(KIND) in (VIEW, ALL, TAG):
            self.chosen.emit(current.data(KIND), current.data(KEY) or "")

    def _on_menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        if index.isValid() and index.data(KIND) == TAG:
            self.tagMenuRequested.emit(index.data(KEY), self.viewport().mapToGlobal(pos))
