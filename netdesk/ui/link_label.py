"""One-word values of the detail pane: an e-mail address or URL cut in the middle when the
pane is narrow, and the same made openable (mailto:, tel:, http/https) on the user's click.

No HTML is involved: the text is set as plain text and the link is a URL built by
``domain/links.py`` for the value's kind, so a hostile value can neither inject markup nor
choose its scheme. Nothing opens by itself: only a click, Enter/Space while the link has
keyboard focus, or the context menu's "Open" call ``QDesktopServices.openUrl``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from netdesk.domain.links import EMAIL, PHONE, SCHEMES
from netdesk.ui.plain_text import plain_tooltip

_ACTIVATE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


class ElidingLabel(QLabel):
    """A one-word value (an e-mail address, a URL) that is cut in the middle when the pane
    is too narrow for it, instead of at the edge; the tooltip and "Copy" give all of it."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = text
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.copy_action = QAction(self.tr("Copy"), self)
        self.copy_action.setObjectName("copyValueAction")
        self.copy_action.triggered.connect(
            lambda: QGuiApplication.clipboard().setText(self._full))
        self.addAction(self.copy_action)
        self.setText(text)

    def full_text(self) -> str:
        return self._full

    def _tooltip(self, elided: bool) -> str:
        return plain_tooltip(self._full) if elided else ""

    def resizeEvent(self, event) -> None:  # noqa: ANN001
        super().resizeEvent(event)
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle,
                                              max(0, self.contentsRect().width()))
        if shown != self.text():
            self.setText(shown)
        self.setToolTip(self._tooltip(shown != self._full))


class LinkLabel(ElidingLabel):
    """An address that opens ``url`` (already checked by domain/links.py) when activated."""

    def __init__(self, text: str, url: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName("detailLink")
        self._url = QUrl(url, QUrl.ParsingMode.TolerantMode)
        # Checked once more here: only these schemes ever reach openUrl.
        if not self._url.isValid() or self._url.scheme().lower() not in SCHEMES:
            self._url = QUrl()
        self._verb = {EMAIL: self.tr("Write an e-mail"), PHONE: self.tr("Call")}.get(
            kind, self.tr("Open in the browser"))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setContentsMargins(3, 1, 3, 1)  # room for the focus frame around the text
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(text)
        self.setAccessibleDescription(self._verb)
        font = self.font()
        font.setUnderline(True)
        self.setFont(font)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.Link))
        self.setPalette(palette)
        self.open_action = QAction(self._verb, self)
        self.open_action.setObjectName("openLinkAction")
        self.open_action.triggered.connect(self.open)
        self.insertAction(self.copy_action, self.open_action)
        self.setToolTip(self._tooltip(False))

    def sizeHint(self) -> QSize:
        # The whole address (not the elided text shown now), so a wider pane grows it back.
        hint = super().sizeHint()
        m = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._full) + m.left() + m.right() + 2
        return QSize(width, hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def url(self) -> QUrl:
        return QUrl(self._url)

    def open(self) -> bool:
        """Hand the URL to the desktop (mail program, dialler, browser)."""
        if self._url.isEmpty():
            return False
        return QDesktopServices.openUrl(self._url)

    def _tooltip(self, elided: bool) -> str:
        return plain_tooltip(f"{self._verb}: {self._full}\n(Enter or click; right-click to copy)")

    # -- mouse and keyboard -------------------------------------------------------------------
    def mouseReleaseEvent(self, event) -> None:  # noqa: ANN001
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.open()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def event(self, event: QEvent) -> bool:
        # Enter is also a window shortcut (edit the contact): while the link has focus it
        # opens the link instead.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() in _ACTIVATE_KEYS and not event.modifiers():
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ACTIVATE_KEYS and not event.modifiers():
            self.open()
            event.accept()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event) -> None:  # noqa: ANN001
        super().paintEvent(event)
        if self.hasFocus():
            # Drawn here, not by the style: Fusion draws a focus rect only right after a
            # Tab, and a link with focus must always show it (Enter opens it).
            width = min(self.fontMetrics().horizontalAdvance(self.text()) + 6, self.width())
            painter = QPainter(self)
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight))
            pen.setWidth(1)
            painter.setPen(pen)
            painter.drawRoundedRect(QRect(0, 0, width - 1, self.height() - 1), 2, 2)
            painter.end()
