"""Contact → Share as QR code: the compact vCard as a QR code a phone camera reads.

Shows the code (drawn from segno's PNG, at least 5 pixels per module), check boxes for the
fields that go in, the size in bytes, and Save as PNG/SVG and Copy (the picture).
Self-contained: it takes the contact; the window wires it in.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

FIELD_LABELS = {
    "name": "Name",
    "org": "Company",
    "title": "Job title",
    "phone": "Phone",
    "email": "E-mail",
    "url": "Link",
}


class QrDialog(QDialog):
    def __init__(self, contact, parent: QWidget | None = None, title: str = "") -> None:
        super().__init__(parent)
        from netdesk.services import share

        self._share = share
        self.contact = contact
        self.setObjectName("qrDialog")
        self.setWindowTitle(title or self.tr("Share %1 as a QR code").replace(
            "%1", contact.display_name))
        self.image_label = QLabel(objectName="qrImage")
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.size_label = QLabel(objectName="qrSizeLabel")
        self.size_label.setTextFormat(Qt.TextFormat.PlainText)
        self.checks: dict[str, QCheckBox] = {}
        fields_row = QHBoxLayout()
        for name in share.QR_FIELDS:
            box = QCheckBox(FIELD_LABELS[name], objectName=f"qrField_{name}")
            box.setChecked(True)
            if name == "name":
                box.setEnabled(False)  # a card without a name is no card
            box.toggled.connect(self.refresh)
            self.checks[name] = box
            fields_row.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.save_button = QPushButton(self.tr("Save…"), objectName="qrSaveButton")
        self.copy_button = QPushButton(self.tr("Copy"), objectName="qrCopyButton")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self._ask_save)
        self.copy_button.clicked.connect(self.copy)
        layout = QVBoxLayout(self)
        layout.addWidget(self.image_label, 1)
        layout.addLayout(fields_row)
        layout.addWidget(self.size_label)
        layout.addWidget(buttons)
        self.refresh()

    def fields(self) -> tuple[str, ...]:
        return tuple(name for name, box in self.checks.items() if box.isChecked())

    def card_text(self) -> str:
        return self._share.compact_vcard(self.contact, self.fields())

    def image(self) -> QImage:
        return QImage.fromData(self._share.qr_image_bytes(self.card_text(), "png", scale=6))

    def refresh(self) -> None:
        text = self.card_text()
        self.image_label.setPixmap(QPixmap.fromImage(self.image()))
        qr = self._share.make_qr(text)
        self.size_label.setText(f"{len(text.encode('utf-8'))} bytes, QR version {qr.version}")

    def copy(self) -> None:
        # The picture only: a QMimeData made in Python and handed to the clipboard (to carry
        # the vCard text too) crashed the process at exit (PySide6 6.11, offscreen).
        QGuiApplication.clipboard().setImage(self.image())

    def save_to(self, path: Path | str) -> None:
        """Write PNG or SVG by the suffix; raises ServiceError for anything else."""
        self._share.save_qr(self.card_text(), Path(path))

    def _ask_save(self) -> None:
        from netdesk.services.errors import ServiceError

        name, _ = QFileDialog.getSaveFileName(
            self, "Save QR code", f"{self.contact.display_name}.png", "PNG (*.png);;SVG (*.svg)"
        )
        if not name:
            return
        try:
            self.save_to(name)
        except ServiceError as exc:
            QMessageBox.warning(self, "Could not save", str(exc))
