"""The QR dialog: the shown code decodes, field choice changes it, save and copy work."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtGui import QGuiApplication, QImage

from netdesk.domain.contact import Contact, LabeledValue
from netdesk.services.errors import ServiceError
from netdesk.ui.qr_dialog import QrDialog


def decode(image: QImage) -> str:
    (barcode,) = zxingcpp.read_barcodes(image.convertToFormat(QImage.Format.Format_Grayscale8))
    return barcode.text


@pytest.fixture
def dialog(qtbot):
    contact = Contact(
        display_name="Zoë Ångström",
        given_name="Zoë",
        family_name="Ångström",
        org="Nordlicht",
        phones=[LabeledValue("+46 70 123 45 67", "mobile")],
        emails=[LabeledValue("zoe@nordlicht.example")],
    )
    d = QrDialog(contact)
    qtbot.addWidget(d)
    return d


def test_shown_code_decodes_and_follows_the_field_choice(dialog) -> None:
    shown = dialog.image_label.pixmap().toImage()
    text = decode(shown)
    assert "FN:Zoë Ångström" in text and "TEL:+46 70 123 45 67" in text
    assert not dialog.checks["name"].isEnabled()
    dialog.checks["phone"].setChecked(False)
    text = decode(dialog.image_label.pixmap().toImage())
    assert "TEL" not in text and "EMAIL:zoe@nordlicht.example" in text
    assert "bytes, QR version" in dialog.size_label.text()


def test_save_png_svg_and_refuse_other_kinds(dialog, tmp_path: Path) -> None:
    dialog.save_to(tmp_path / "zoe.png")
    assert "ORG:Nordlicht" in decode(QImage(str(tmp_path / "zoe.png")))
    dialog.save_to(tmp_path / "zoe.svg")
    assert "<svg" in (tmp_path / "zoe.svg").read_text()
    with pytest.raises(ServiceError, match=r"\.png or \.svg"):
        dialog.save_to(tmp_path / "zoe.gif")


def test_copy_puts_the_picture_on_the_clipboard(dialog) -> None:
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().image()
    assert not copied.isNull()
    assert "FN:Zoë Ångström" in decode(copied)
