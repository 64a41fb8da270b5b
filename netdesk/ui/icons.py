"""Icons: the application icon from resources/, and small line icons for the toolbar.

Toolbar icons are drawn at run time in the palette's text colour, so they match light and dark
themes and look the same on every desktop (icon themes are missing on Windows, macOS and
headless test machines).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication

_PACKAGE = Path(__file__).resolve().parents[1]
# Installed packages carry the icon in netdesk/resources; a source checkout has it at the top.
_ICON_DIRS = (_PACKAGE / "resources", _PACKAGE.parent / "resources")


def app_icon() -> QIcon:
    """The netdesk icon, or the desktop theme's address-book icon when the file is missing."""
    for folder in _ICON_DIRS:
        path = folder / "netdesk.svg"
        if path.is_file():
            icon = QIcon(str(path))
            if not icon.isNull():
                return icon
    return QIcon.fromTheme("x-office-address-book")


def _stroke(painter: QPainter, path: QPainterPath) -> None:
    painter.drawPath(path)


def _plus(p: QPainterPath) -> None:
    p.moveTo(12, 5)
    p.lineTo(12, 19)
    p.moveTo(5, 12)
    p.lineTo(19, 12)


def _tray_arrow(p: QPainterPath, down: bool) -> None:
    # A tray with an arrow going into it (import) or out of it (export).
    p.moveTo(4, 14)
    p.lineTo(4, 20)
    p.lineTo(20, 20)
    p.lineTo(20, 14)
    p.moveTo(12, 3)
    p.lineTo(12, 15)
    if down:
        p.moveTo(7, 10)
        p.lineTo(12, 15)
        p.lineTo(17, 10)
    else:
        p.moveTo(7, 8)
        p.lineTo(12, 3)
        p.lineTo(17, 8)


def _trash(p: QPainterPath) -> None:
    p.moveTo(4, 6)
    p.lineTo(20, 6)
    p.moveTo(9, 6)
    p.lineTo(9, 3.5)
    p.lineTo(15, 3.5)
    p.lineTo(15, 6)
    p.moveTo(6, 6)
    p.lineTo(7, 20.5)
    p.lineTo(17, 20.5)
    p.lineTo(18, 6)
    p.moveTo(10, 10)
    p.lineTo(10, 17)
    p.moveTo(14, 10)
    p.lineTo(14, 17)


def _pencil(p: QPainterPath) -> None:
    p.moveTo(4, 20)
    p.lineTo(5, 15)
    p.lineTo(15.5, 4.5)
    p.lineTo(19.5, 8.5)
    p.lineTo(9, 19)
    p.closeSubpath()
    p.moveTo(13, 7)
    p.lineTo(17, 11)


def _search(p: QPainterPath) -> None:
    p.addEllipse(QRectF(4, 4, 11, 11))
    p.moveTo(13.5, 13.5)
    p.lineTo(20, 20)


def _people(p: QPainterPath) -> None:
    p.addEllipse(QRectF(8, 3.5, 8, 8))
    p.moveTo(4, 20.5)
    p.cubicTo(QPointF(4, 13), QPointF(20, 13), QPointF(20, 20.5))


def _calendar(p: QPainterPath) -> None:
    # A calendar page with two binder rings and a mark on one day: "Today".
    p.addRoundedRect(QRectF(3.5, 5, 17, 15.5), 2.5, 2.5)
    p.moveTo(3.5, 9.5)
    p.lineTo(20.5, 9.5)
    p.moveTo(8, 3)
    p.lineTo(8, 6.5)
    p.moveTo(16, 3)
    p.lineTo(16, 6.5)
    p.addRoundedRect(QRectF(12.5, 13, 4, 4), 0.8, 0.8)


def _tag(p: QPainterPath) -> None:
    p.moveTo(3.5, 4)
    p.lineTo(11, 4)
    p.lineTo(20.5, 13.5)
    p.lineTo(13.5, 20.5)
    p.lineTo(4, 11)
    p.closeSubpath()
    p.addEllipse(QRectF(7, 7, 2.5, 2.5))


def _two_people(p: QPainterPath) -> None:
    # Two people, one behind the other: the same person twice (Duplicates).
    p.addEllipse(QRectF(4, 5, 7, 7))
    p.moveTo(1.5, 20.5)
    p.cubicTo(QPointF(1.5, 14.5), QPointF(12, 13.5), QPointF(13, 17))
    p.addEllipse(QRectF(13, 5, 7, 7))
    p.moveTo(9.5, 20.5)
    p.cubicTo(QPointF(9.5, 14), QPointF(23, 14), QPointF(23, 20.5))


def _bars(p: QPainterPath) -> None:
    # A bar chart on a base line (Dashboard).
    p.moveTo(3.5, 20.5)
    p.lineTo(20.5, 20.5)
    p.addRoundedRect(QRectF(5, 12, 3.5, 6), 0.8, 0.8)
    p.addRoundedRect(QRectF(10.25, 5, 3.5, 13), 0.8, 0.8)
    p.addRoundedRect(QRectF(15.5, 9, 3.5, 9), 0.8, 0.8)


def _pin(p: QPainterPath) -> None:
    # A map pin: where you met people (Events).
    p.moveTo(12, 21)
    p.cubicTo(QPointF(6, 14.5), QPointF(5, 12), QPointF(5, 9.5))
    p.cubicTo(QPointF(5, 5.5), QPointF(8.2, 2.5), QPointF(12, 2.5))
    p.cubicTo(QPointF(15.8, 2.5), QPointF(19, 5.5), QPointF(19, 9.5))
    p.cubicTo(QPointF(19, 12), QPointF(18, 14.5), QPointF(12, 21))
    p.addEllipse(QRectF(9.5, 7, 5, 5))


_SHAPES: dict[str, Callable[[QPainterPath], None]] = {
    "new": _plus,
    "import": lambda p: _tray_arrow(p, down=True),
    "export": lambda p: _tray_arrow(p, down=False),
    "delete": _trash,
    "edit": _pencil,
    "search": _search,
    "people": _people,
    "tag": _tag,
    "today": _calendar,
    "duplicates": _two_people,
    "dashboard": _bars,
    "event": _pin,
}


def alert_color(palette: QPalette) -> QColor:
    """A red that reads on the palette's base colour, light theme or dark.

    Qt's palette has no "danger" role, so the hue is fixed and the lightness follows the
    theme: dark red on light backgrounds, light red on dark ones.
    """
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return QColor(255, 125, 115) if dark else QColor(185, 28, 28)


def badge_fill(palette: QPalette) -> QColor:
    """The fill of an urgent count badge: a mid-tone red that white text reads on in both
    themes (like the avatars' mid-tone fills)."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return QColor(205, 55, 50) if dark else QColor(200, 40, 35)


def line_icon(name: str, color: QColor | None = None) -> QIcon:
    """A 24-unit line drawing, rendered at 1x and 2x, in ``color`` (palette text by default)."""
    draw = _SHAPES[name]
    if color is None:
        color = QApplication.palette().color(QPalette.ColorRole.WindowText)
    icon = QIcon()
    for size in (16, 24, 32, 48):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(size / 24, size / 24)
        pen = QPen(color, 1.8)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        path = QPainterPath()
        draw(path)
        _stroke(painter, path)
        painter.end()
        icon.addPixmap(pixmap)
    return icon
