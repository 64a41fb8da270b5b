"""A friendly page shown instead of an empty table: a title, a sentence and action buttons.

Used for the first run ("Import vCards…" / "Try with sample contacts") and for a search that
finds nothing ("No contacts match “x”" / "Clear search").
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

TEXT_WIDTH = 440
TEXT_MIN_WIDTH = 200


class EmptyState(QWidget):
    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.icon_label = QLabel()
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel()
        self.title.setObjectName(f"{object_name}Title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        # At most a comfortable line's width, and narrower with the window (800 px wide
        # windows with a sidebar and a detail pane leave ~300 px here).
        self.text.setMaximumWidth(TEXT_WIDTH)
        self.text.setMinimumWidth(TEXT_MIN_WIDTH)
        self._buttons = QHBoxLayout()
        self._buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.icon_label)
        layout.addSpacing(8)
        layout.addWidget(self.title)
        # Centred between stretches rather than aligned: an aligned word-wrapped label gets
        # its size hint's width (~200 px), narrower than the width its height is fitted to
        # (_fit_text), and its last lines were cut off.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.text, 100)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addSpacing(16)
        layout.addLayout(self._buttons)
        layout.addStretch(3)
        self._added = 0

    def set_icon(self, icon: QIcon, size: int = 72) -> None:
        self.icon_label.setPixmap(icon.pixmap(size, size))

    def set_text(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.text.setText(text)
        self._fit_text()

    def _fit_text(self) -> None:
        # Layouts size a word-wrapped label from a guessed width; give it the height it
        # really needs at the width it will have so no line is cut off.
        text = self.text
        width = max(TEXT_MIN_WIDTH, min(TEXT_WIDTH, self.contentsRect().width() - 24))
        text.setMinimumHeight(text.heightForWidth(width) if text.text() else 0)

    def resizeEvent(self, event) -> None:  # noqa: ANN001
        super().resizeEvent(event)
        self._fit_text()

    def add_button(self, text: str, object_name: str, default: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(object_name)
        button.setDefault(default)
        button.setMinimumHeight(34)
        if self._added:
            self._buttons.takeAt(self._buttons.count() - 1)
        self._buttons.addWidget(button)
        self._buttons.addStretch(1)
        self._added += 1
        return button
