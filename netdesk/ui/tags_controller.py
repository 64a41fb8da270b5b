"""The sidebar's tag menu: a tag's keep-in-touch cadence, set through the runner."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QInputDialog, QMenu

from netdesk.actions import Runner
from netdesk.actions.contacts import SetTagCadence
from netdesk.services.contacts import ContactService
from netdesk.services.errors import ServiceError
from netdesk.ui.feedback import Feedback
from netdesk.ui.main_window import MainWindow


class TagsController(QObject):
    def __init__(self, window: MainWindow, contacts: ContactService, runner: Runner,
                 feedback: Feedback) -> None:
        super().__init__(window)
        self.setObjectName("tagsController")
        self._window, self._contacts, self._runner = window, contacts, runner
        self._feedback = feedback
        self.cadence_dialog: QInputDialog | None = None
        window.sidebar.tagMenuRequested.connect(
            lambda tag, pos: self.tag_menu(tag).popup(pos))

    def tag_menu(self, tag: str, pos: QPoint | None = None) -> QMenu:
        """The sidebar's right-click menu for a tag."""
        menu = QMenu(self._window)
        menu.setObjectName("tagMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        action = menu.addAction(f"Keep in touch with everyone tagged “{tag}”…")
        action.triggered.connect(lambda: self.edit_tag_cadence(tag))
        return menu

    def edit_tag_cadence(self, tag: str) -> QInputDialog | None:
        """Ask for the tag's default keep-in-touch cadence (0 turns it off); non-blocking."""
        try:
            current = next((t.keep_in_touch_days for t in self._contacts.tags()
                            if t.name == tag), None)
        except ServiceError as exc:
            self._feedback.error(str(exc))
            return None
        dialog = QInputDialog(self._window)
        dialog.setObjectName("tagCadenceDialog")
        dialog.setWindowTitle("Keep in touch")
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(0, 3650)
        dialog.setIntValue(current or 30)
        dialog.setLabelText(
            f"Keep in touch with everyone tagged “{tag}” every … days\n"
            "(0 turns it off; a contact's own cadence still wins):"
        )
        dialog.intValueSelected.connect(lambda days: self.set_tag_cadence(tag, days or None))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.cadence_dialog = dialog
        dialog.open()
        return dialog

    def set_tag_cadence(self, tag: str, days: int | None) -> None:
        self._feedback.outcome(self._runner.run(SetTagCadence(self._contacts, tag, days)))
