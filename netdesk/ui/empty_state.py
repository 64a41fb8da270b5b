"""A friendly page shown instead of an empty table: a title, a sentence and action buttons.

Used for the first run ("Import vCards…" / "Try with sample contacts") and for a search that
finds nothing ("No contacts match “x”" / "Clear search").
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


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
        self.text.setFixedWidth(440)
        self._buttons = QHBoxLayout()
        self._buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.icon_label)
        layout.addSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(16)
        layout.addLayout(self._buttons)
        layout.addStretch(3)
        self._added = 0

    def set_icon(self, icon: QIcon, size: int = 72) -> None:
        self.icon_label.setPixmap(icon.pixmap(size, size))

    def set_text(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.text.setText(text)
        # Layouts size a word-wrapped label from a guessed width; give it the height it
        # really needs at its fixed width so no line is cut off.
        self.text.setMinimumHeight(self.text.heightForWidth(self.text.width()) if text else 0)

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
