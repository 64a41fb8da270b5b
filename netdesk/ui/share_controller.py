"""Contact → Share as QR code, Set as my card, and Show my card (the user's own contact as a
QR code to show at a meetup). "My card" is kept in the data dir's settings.json."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from netdesk.services.contacts import ContactService
from netdesk.services.errors import ServiceError
from netdesk.ui.feedback import Feedback
from netdesk.ui.main_window import MainWindow


class ShareController(QObject):
    def __init__(self, window: MainWindow, contacts: ContactService, feedback: Feedback,
                 data_dir: Path) -> None:
        super().__init__(window)
        self.setObjectName("shareController")
        self._window, self._contacts, self._feedback = window, contacts, feedback
        self._data_dir = Path(data_dir)
        self.qr_dialog = None
        share = QAction(self.tr("Share as QR code…"), window)
        share.setObjectName("shareQrAction")
        share.triggered.connect(self.share_target)
        mine = QAction(self.tr("Set as my card"), window)
        mine.setObjectName("setMyCardAction")
        mine.triggered.connect(self.set_my_card)
        window.add_contact_action(share)
        window.add_contact_action(mine)
        # Not a contact action: it needs no selection (the tray menu offers it too).
        show = QAction(self.tr("Show my card…"), window)
        show.setObjectName("showMyCardAction")
        show.triggered.connect(self.show_my_card)
        window.addAction(show)
        window.contact_menu.addAction(show)

    def _my_card(self):  # noqa: ANN202
        from netdesk.services.share import MyCard

        return MyCard(self._data_dir)

    def _target(self):  # noqa: ANN202
        ids = self._window.target_ids()
        if not ids:
            return None
        try:
            return self._contacts.get(ids[0])
        except ServiceError as exc:
            self._feedback.error(str(exc))
            return None

    def share_target(self) -> None:
        contact = self._target()
        if contact is not None:
            self._show(contact, "")

    def set_my_card(self) -> None:
        contact = self._target()
        if contact is None:
            return
        try:
            self._my_card().set(contact)
        except ServiceError as exc:
            self._feedback.error(str(exc))
            return
        self._feedback.status(f"{contact.display_name} is now your card (Contact → Show my "
                              "card).")

    def show_my_card(self) -> None:
        try:
            contact = self._my_card().get(self._contacts)
        except ServiceError as exc:
            self._feedback.error(f"{exc}".replace("netdesk me CONTACT",
                                                  "Contact → Set as my card"))
            return
        self._window.bring_to_front()
        self._show(contact, self.tr("My card: %1").replace("%1", contact.display_name))

    def _show(self, contact, title: str) -> None:  # noqa: ANN001
        from netdesk.ui.qr_dialog import QrDialog

        if self.qr_dialog is not None:
            self.qr_dialog.close()
        dialog = QrDialog(contact, self._window, title)
        dialog.finished.connect(lambda _r: self._closed(dialog))
        self.qr_dialog = dialog
        dialog.open()

    def _closed(self, dialog) -> None:  # noqa: ANN001
        dialog.deleteLater()
        if self.qr_dialog is dialog:
            self.qr_dialog = None
