"""A visible focus frame for the focus stops whose style draws none.

Fusion (and most desktop styles) frame a focused line edit or button, but not a focused list,
table or scroll area: tabbing into the sidebar, the contacts table or the detail pane showed
nothing. One ring per window follows the keyboard focus and draws a 2 px frame in the
palette's highlight colour just inside such a widget (inside, so a splitter or a window edge
never clips it), above its contents and transparent for the mouse.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

RING_WIDTH = 2


def needs_ring(widget: QWidget) -> bool:
    """Lists, tables, trees, text areas and scroll areas: their frames do not show focus."""
    return isinstance(widget, QAbstractScrollArea)


class FocusRing(QWidget):
    """Follows the focus inside ``window`` (dialogs have their own focus handling)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focusRing")
        self._window = window
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        self._target: QWidget | None = None
        # A bound method of a QObject: Qt drops the connection when the ring is destroyed.
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    def target(self) -> QWidget | None:
        """The widget the ring is drawn around now (None: hidden)."""
        return self._target if self.isVisible() else None

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self):
            return
        if new is not None and needs_ring(new) and new.window() is self._window:
            self._attach(new)
        else:
            self._detach()

    def _attach(self, widget: QWidget) -> None:
        if self._target is not widget:
            self._detach()
            self._target = widget
            widget.installEventFilter(self)
            # Qt deletes a widget's children after "destroyed": leave before that.
            widget.destroyed.connect(self._on_target_destroyed)
            self.setParent(widget)
        self.setGeometry(widget.rect())
        self.show()
        self.raise_()

    def _detach(self) -> None:
        target, self._target = self._target, None
        if target is not None and shiboken6.isValid(target):
            target.removeEventFilter(self)
            target.destroyed.disconnect(self._on_target_destroyed)
        if shiboken6.isValid(self._window):
            # Back under the window, so the ring never dies with a widget it framed.
            self.setParent(self._window)
        self.hide()

    def _on_target_destroyed(self, *_args: object) -> None:
        self._target = None
        if shiboken6.isValid(self) and shiboken6.isValid(self._window):
            self.hide()
            self.setParent(self._window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._target and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._target.rect())
        elif watched is self._target and event.type() == QEvent.Type.ChildAdded:
            self.raise_()  # stay above a viewport or scroll bar added later
        return super().eventFilter(watched, event)

    def paintEvent(self, _event) -> None:  # noqa: ANN001
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), RING_WIDTH)
        painter.setPen(pen)
        half = RING_WIDTH / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 2, 2)
        painter.end()

