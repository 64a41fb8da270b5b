"""A bar chart drawn with QPainter: plain or stacked bars, a click on a bar says which.

No chart library: five small charts do not justify PySide6-Addons (QtCharts, ~100 MB), and
QPainter draws 12 bars in well under a millisecond.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

# One colour per series, readable on light and dark themes (Okabe-Ito, colour-blind safe).
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999999")


@dataclass
class ChartBar:
    label: str
    # (series name, value) from the bottom up; a plain bar has one segment.
    segments: list[tuple[str, int]]
    contact_ids: set[int] = field(default_factory=set)

    @property
    def total(self) -> int:
        return sum(v for _, v in self.segments)


class BarChart(QWidget):
    # The bar's label and the contacts behind it.
    barClicked = Signal(str, object)

    def __init__(self, title: str, parent: QWidget | None = None, *,
                 horizontal: bool = False, series: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.title = title
        self.horizontal = horizontal
        self.series = series
        self.bars: list[ChartBar] = []
        self._hit: list[tuple[QRectF, ChartBar]] = []
        # Where the last paint put the title (wrapped to the width: at 800 px a one-line
        # title was cut) and the legend's right edge.
        self.title_rect = QRectF()
        self.legend_right = 0.0
        self.setMouseTracking(True)
        self.setMinimumSize(100, 80)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(420, 240)

    def set_bars(self, bars: list[ChartBar]) -> None:
        self.bars = bars
        self.update()

    def _colour(self, series: str) -> QColor:
        index = self.series.index(series) if series in self.series else 0
        return QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)])

    # -- drawing -----------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        painter.setPen(text)
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        wrap = int(Qt.TextFlag.TextWordWrap)
        title_h = QFontMetrics(bold).boundingRect(QRect(0, 0, max(1, self.width() - 16), 10_000),
                                                  wrap, self.title).height()
        self.title_rect = QRectF(8, 4, self.width() - 16, title_h)
        painter.drawText(self.title_rect, wrap, self.title)
        painter.setFont(self.font())
        top = 4 + title_h + line * 0.5
        legend = self._draw_legend(painter, metrics, top) if len(self.series) > 1 else 0
        area = QRectF(8, top + legend, self.width() - 16, self.height() - top - legend - 4)
        self._hit = []
        if not self.bars or all(b.total == 0 for b in self.bars):
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("Nothing yet"))
            return
        if self.horizontal:
            self._draw_rows(painter, metrics, area, text)
        else:
            self._draw_columns(painter, metrics, area, text)

    def _draw_legend(self, painter: QPainter, metrics: QFontMetrics, top: float) -> float:
        """The series' colours and names, on as many lines as the width needs; its height."""
        x, y, self.legend_right = 8.0, top, 0.0
        for name in self.series:
            wide = 14 + metrics.horizontalAdvance(name)
            if x > 8 and x + wide > self.width() - 8:
                x, y = 8.0, y + metrics.height() * 1.2
            painter.fillRect(QRectF(x, y + 3, 10, 10), self._colour(name))
            painter.drawText(QPointF(x + 14, y + metrics.ascent()), name)
            self.legend_right = max(self.legend_right, x + wide)
            x += wide + 10
        return y - top + metrics.height() * 1.4

    def _draw_columns(self, painter: QPainter, metrics: QFontMetrics, area: QRectF,
                      text: QColor) -> None:
        peak = max(b.total for b in self.bars)
        label_h = metrics.height() + 2
        plot_h = area.height() - label_h - metrics.height()
        step = area.width() / len(self.bars)
        width = max(2.0, step * 0.7)
        widest = max(metrics.horizontalAdvance(b.label) for b in self.bars) + 12
        # Labels far enough apart not to overlap; a few bars label each one (cut to fit).
        every = 1 if len(self.bars) <= 6 else max(1, -int(-widest // step))
        widest = min(widest, step * every)
        last = len(self.bars) - 1  # labelled from the newest bar back
        taken = area.left()  # where the last drawn label ended
        for i, bar in enumerate(self.bars):
            x = area.left() + i * step + (step - width) / 2
            bottom = area.top() + metrics.height() + plot_h
            y = bottom
            for series, value in bar.segments:
                h = plot_h * value / peak
                painter.fillRect(QRectF(x, y - h, width, h), self._colour(series))
                y -= h
            self._hit.append((QRectF(area.left() + i * step, area.top(), step, area.height()),
                              bar))
            painter.setPen(text)
            if bar.total:
                painter.drawText(QRectF(x - 10, y - metrics.height(), width + 20, metrics.height()),
                                 Qt.AlignmentFlag.AlignCenter, str(bar.total))
            left = max(area.left(), min(area.left() + (i + 0.5) * step - widest / 2,
                                        area.right() - widest))  # under its bar, inside
            if (last - i) % every == 0 and left >= taken - 0.5:
                taken = left + widest
                label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(widest) - 4)
                painter.drawText(QRectF(left, bottom + 2, widest, label_h),
                                 Qt.AlignmentFlag.AlignHCenter, label)

    def _draw_rows(self, painter: QPainter, metrics: QFontMetrics, area: QRectF,
                   text: QColor) -> None:
        peak = max(b.total for b in self.bars)
        shown = self.bars[: max(1, int(area.height() // (metrics.height() + 6)))]
        row_h = min(area.height() / len(shown), metrics.height() * 1.8)
        label_w = min(area.width() * 0.45,
                      max(metrics.horizontalAdvance(b.label) for b in shown) + 8)
        plot_w = area.width() - label_w - metrics.horizontalAdvance("0000") - 8
        for i, bar in enumerate(shown):
            y = area.top() + i * row_h
            painter.setPen(text)
            name = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_w - 8))
            painter.drawText(QRectF(area.left(), y, label_w - 8, row_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, name)
            x = area.left() + label_w
            for series, value in bar.segments:
                w = plot_w * value / peak
                painter.fillRect(QRectF(x, y + row_h * 0.15, w, row_h * 0.7), self._colour(series))
                x += w
            painter.drawText(QRectF(x + 4, y, 60, row_h), Qt.AlignmentFlag.AlignVCenter,
                             str(bar.total))
            self._hit.append((QRectF(area.left(), y, area.width(), row_h), bar))

    # -- clicking ----------------------------------------------------------------------------
    def bar_at(self, x: float, y: float) -> ChartBar | None:
        for rect, bar in self._hit:
            if rect.contains(QPointF(x, y)):
                return bar
        return None

    def bar_centre(self, index: int) -> QPointF:
        """Where bar ``index`` was drawn (for tests and keyboard-free clicking)."""
        return self._hit[index][0].center()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        bar = self.bar_at(event.position().x(), event.position().y())
        if bar is not None and event.button() == Qt.MouseButton.LeftButton:
            self.barClicked.emit(bar.label, set(bar.contact_ids))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        bar = self.bar_at(event.position().x(), event.position().y())
        if bar is None:
            QToolTip.hideText()
            return
        parts = ", ".join(f"{s} {v}" for s, v in bar.segments if v and len(bar.segments) > 1)
        tip = f"{bar.label}: {bar.total}" + (f" ({parts})" if parts else "")
        # Escaped: a contact's name in a label is never read as markup.
        QToolTip.showText(event.globalPosition().toPoint(), f"<p>{html.escape(tip)}</p>", self)
