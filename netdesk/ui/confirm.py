"""Questions before something big happens: a window-modal message box opened without a nested
event loop (``open()``), calling back with the answer. Each box has an objectName so tests
(and people reading a screenshot) can tell which question it is."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from netdesk import APP_NAME


def confirm(parent: QWidget, name: str, text: str, do_text: str,
            on_yes: Callable[[], object], informative: str = "") -> QMessageBox:
    """Ask ``text``; the button that does the work reads ``do_text`` and is the default
    (Enter); Cancel (Esc) does nothing."""
    box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if informative:
        box.setInformativeText(informative)
    do_button = box.addButton(do_text, QMessageBox.ButtonRole.AcceptRole)
    do_button.setObjectName("confirmButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("cancelButton")
    box.setDefaultButton(do_button)
    box.setEscapeButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered() -> None:
        if box.clickedButton() is do_button:
            on_yes()

    box.finished.connect(lambda _r: answered())
    box.open()
    return box
