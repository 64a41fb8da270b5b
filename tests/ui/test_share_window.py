"""Contact → Share as QR code, Set as my card and Show my card, through the real window."""

from __future__ import annotations

import zxingcpp
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from netdesk.actions.contacts import CreateContact
from netdesk.domain.contact import Contact, LabeledValue
from netdesk.services.share import MyCard
from netdesk.ui.tray import TrayController
from tests.ui.driver import run


def decode(image: QImage) -> str:
    (barcode,) = zxingcpp.read_barcodes(image.convertToFormat(QImage.Format.Format_Grayscale8))
    return barcode.text


def _add(parts, name: str, email: str):  # noqa: ANN001, ANN202
    contact = Contact(display_name=name, emails=[LabeledValue(email)],
                      phones=[LabeledValue("+49 30 1234567", "work")], org="Okafor & Co")
    return run(parts, CreateContact(parts.contacts, contact)).created


def test_share_as_qr_follows_the_current_contact(window, ui, parts, qtbot) -> None:
    share = ui.action("shareQrAction")
    assert share in window.findChild(type(ui.view_menu), "contactMenu").actions()
    assert not share.isEnabled()  # nobody selected yet
    amara = _add(parts, "Amara Okafor", "amara@okafor.example")
    qtbot.waitUntil(lambda: ui.model.rowCount() == 1)
    ui.select_name("Amara Okafor")
    assert share.isEnabled()
    share.trigger()
    dialog = ui.controller("shareController").qr_dialog
    assert dialog is not None and dialog.isVisible()
    text = decode(dialog.image_label.pixmap().toImage())
    assert "FN:Amara Okafor" in text and "EMAIL:amara@okafor.example" in text
    assert dialog.contact.id == amara.id
    dialog.close()


def test_set_and_show_my_card_also_from_the_tray(window, ui, parts, qtbot, data_dir,
                                                 qtlog) -> None:
    _add(parts, "Amara Okafor", "amara@okafor.example")
    me = _add(parts, "Ben Meyer", "ben@meyer.example")
    qtbot.waitUntil(lambda: ui.model.rowCount() == 2)
    ui.action("showMyCardAction").trigger()  # none chosen yet: says how to choose one
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and "Set as my card" in box.text()
    box.close()
    ui.select_name("Ben Meyer")
    ui.action("setMyCardAction").trigger()
    assert MyCard(data_dir).get(parts.contacts).id == me.id
    ui.select_name("Amara Okafor")  # the shown card does not follow the selection
    quit_on_close = QApplication.quitOnLastWindowClosed()  # the tray switches it off
    with qtlog.disabled():  # offscreen has no tray window (see test_tray.py)
        tray = TrayController(window, parts.activity, parts.activity.clock,
                              tray_available=lambda: True)
    QApplication.setQuitOnLastWindowClosed(quit_on_close)
    show = next(a for a in tray.contextMenu().actions() if a.objectName() == "showMyCardAction")
    show.trigger()
    dialog = ui.controller("shareController").qr_dialog
    assert dialog.windowTitle() == "My card: Ben Meyer"
    assert "EMAIL:ben@meyer.example" in decode(dialog.image_label.pixmap().toImage())
    dialog.close()
