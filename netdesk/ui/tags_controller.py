"""Tags in the window: the sidebar's tag menu (keep-in-touch cadence, rename, merge, delete)
and tagging the selection ("Add tag…" Ctrl+T, "Remove tag…" Ctrl+Shift+T), each one step of
the one undo history.

Renaming onto a tag that exists is a merge and asks first; a delete asks nothing (Ctrl+Z
takes it back) but says so in the status line. A change touching many contacts, its undo and its
redo say ``runs_long`` (actions/tags.py): the runner hands them to ``ui/long_steps.py``'s
worker, with progress and Cancel, so 100,000 selected rows do not freeze the window; each
stays one step of the history.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from netdesk.actions import Outcome, Runner
from netdesk.actions.contacts import SetTagCadence
from netdesk.actions.tags import (
    DeleteTag,
    MergeTags,
    RenameTag,
    TagCommand,
    TagContacts,
)
from netdesk.domain.text import fold
from netdesk.services.contacts import ContactService
from netdesk.services.errors import ServiceError
from netdesk.services.tags import TagService
from netdesk.ui.feedback import Feedback
from netdesk.ui.locale_format import format_count
from netdesk.ui.main_window import MainWindow


class TagsController(QObject):
    def __init__(self, window: MainWindow, contacts: ContactService, runner: Runner,
                 feedback: Feedback, tags: TagService | None = None) -> None:
        super().__init__(window)
        self.setObjectName("tagsController")
        self._window, self._contacts, self._runner = window, contacts, runner
        self._tags = tags or TagService(contacts.db)
        self._feedback = feedback
        self._current_tag = ""
        self.cadence_dialog: QInputDialog | None = None
        self.dialog: QInputDialog | QMessageBox | None = None
        window.sidebar.tagMenuRequested.connect(
            lambda tag, pos: self.tag_menu(tag).popup(pos))
        window.tagChosen.connect(self._on_tag_chosen)
        self.add_action = self._contact_action(self.tr("Add tag…"), "addTagAction", "Ctrl+T",
                                               self.ask_add_tag)
        self.remove_action = self._contact_action(self.tr("Remove tag…"), "removeTagAction",
                                                  "Ctrl+Shift+T", self.ask_remove_tag)

    def _contact_action(self, text: str, name: str, keys: str, slot) -> QAction:  # noqa: ANN001
        action = QAction(text, self._window)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        # In the Contact menu and the table's context menu, on the current view's selection.
        self._window.add_contact_action(action)
        return action

    def _on_tag_chosen(self, tag: str) -> None:
        self._current_tag = tag

    # -- the sidebar's tag menu ---------------------------------------------------------------
    def tag_menu(self, tag: str, pos: QPoint | None = None) -> QMenu:
        """The sidebar's right-click menu for a tag."""
        menu = QMenu(self._window)
        menu.setObjectName("tagMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        action = menu.addAction(f"Keep in touch with everyone tagged “{tag}”…")
        action.setObjectName("tagCadenceAction")
        action.triggered.connect(lambda: self.edit_tag_cadence(tag))
        menu.addSeparator()
        rename = menu.addAction(self.tr("Rename or merge…"))
        rename.setObjectName("renameTagAction")
        rename.triggered.connect(lambda: self.ask_rename(tag))
        delete = menu.addAction(self.tr("Delete tag"))
        delete.setObjectName("deleteTagAction")
        delete.setToolTip(self.tr("Take the tag from every contact (the contacts stay)"))
        delete.triggered.connect(lambda: self.delete_tag(tag))
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
        dialog.setWindowTitle(self.tr("Keep in touch"))
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

    # -- rename, merge, delete ----------------------------------------------------------------
    def ask_rename(self, tag: str) -> QInputDialog:
        dialog = self._input("renameTagDialog", self.tr("Rename tag"),
                             self.tr("New name for “%s” (the name of another tag merges the "
                                     "two):") % tag)
        dialog.setTextValue(tag)
        dialog.setOkButtonText(self.tr("&Rename"))
        dialog.textValueSelected.connect(lambda new: self.rename_tag(tag, new))
        dialog.open()
        return dialog

    def rename_tag(self, old: str, new: str) -> QMessageBox | None:
        """Rename ``old``; onto another tag's name, ask whether to merge (returns the box)."""
        try:
            target = self._tags.merge_target(old, new)
        except ServiceError as exc:
            self._feedback.error(str(exc))
            return None
        if target is None:
            shown = self._showing(old)
            self._run(RenameTag(self._tags, old, new), self._size(old),
                      lambda outcome: self._after(outcome, shown, " ".join(new.split())))
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Merge tags"),
                          self.tr("There is already a tag “%s”. Merge “%s” into it? Everyone "
                                  "tagged “%s” will be tagged “%s” instead (Ctrl+Z undoes "
                                  "it).") % (target.name, old, old, target.name),
                          QMessageBox.StandardButton.Cancel, self._window)
        box.setObjectName("mergeTagsBox")
        box.setTextFormat(Qt.TextFormat.PlainText)
        merge = box.addButton(self.tr("&Merge"), QMessageBox.ButtonRole.AcceptRole)
        merge.setObjectName("mergeTagsButton")
        box.setDefaultButton(merge)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: button is merge and self.merge_tags(
            old, target.name))
        self.dialog = box
        box.open()
        return box

    def merge_tags(self, source: str, target: str) -> None:
        shown = self._showing(source)
        self._run(MergeTags(self._tags, source, target), self._size(source),
                  lambda outcome: self._after(outcome, shown, target))

    def delete_tag(self, tag: str) -> None:
        """Take ``tag`` from everyone and delete it; undoable, so nothing is asked."""
        shown = self._showing(tag)
        command = DeleteTag(self._tags, tag)

        def done(outcome: Outcome) -> None:
            if not outcome.ok:
                self._feedback.error(outcome.message)
                return
            n = len(command.change.ids) if command.change else 0
            self._feedback.status(self.tr("Deleted tag “%s” from %s contact(s) — Ctrl+Z to "
                                          "undo.") % (tag, format_count(n)))
            if shown:
                self._window.select_tag(None)

        self._run(command, self._size(tag), done)

    def _size(self, tag: str) -> int:
        try:
            return self._tags.count(tag)
        except ServiceError:
            return 0  # the command itself will say what is wrong

    def _showing(self, tag: str) -> bool:
        """Whether the list is filtered by ``tag`` (asked before the change re-reads it)."""
        return bool(self._current_tag) and fold(self._current_tag) == fold(tag)

    def _after(self, outcome: Outcome, shown: bool, new: str) -> None:
        # The list showed the renamed tag: it follows the tag to its new name.
        if self._feedback.outcome(outcome) and shown:
            self._window.select_tag(new)

    # -- tagging the selection ----------------------------------------------------------------
    def _input(self, name: str, title: str, label: str) -> QInputDialog:
        dialog = QInputDialog(self._window)
        dialog.setObjectName(name)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        return dialog

    def _tag_names(self) -> list[str]:
        try:
            return self._contacts.tag_names()
        except ServiceError as exc:
            self._feedback.error(str(exc))
            return []

    def ask_add_tag(self) -> QInputDialog | None:
        ids = self._window.target_ids()
        if not ids:
            return None
        dialog = self._input("addTagDialog", self.tr("Add tag"),
                             self.tr("Tag the %s selected contact(s) with (a new name makes "
                                     "a new tag):") % format_count(len(ids)))
        dialog.setComboBoxEditable(True)
        dialog.setComboBoxItems(self._tag_names())
        dialog.setTextValue("")
        dialog.setOkButtonText(self.tr("&Add tag"))
        dialog.textValueSelected.connect(lambda name: self.add_tag(name, ids))
        dialog.open()
        return dialog

    def ask_remove_tag(self) -> QInputDialog | None:
        ids = self._window.target_ids()
        names = self._tag_names() if ids else []
        if not names:
            if ids:
                self._feedback.status(self.tr("There are no tags yet."))
            return None
        dialog = self._input("removeTagDialog", self.tr("Remove tag"),
                             self.tr("Remove this tag from the %s selected contact(s):")
                             % format_count(len(ids)))
        dialog.setComboBoxEditable(False)
        dialog.setComboBoxItems(names)
        if self._current_tag in names:
            dialog.setTextValue(self._current_tag)
        dialog.setOkButtonText(self.tr("&Remove tag"))
        dialog.textValueSelected.connect(lambda name: self.remove_tag(name, ids))
        dialog.open()
        return dialog

    def add_tag(self, name: str, ids: list[int]) -> None:
        self._run(TagContacts(self._tags, name, ids), len(ids), self._feedback.outcome)

    def remove_tag(self, name: str, ids: list[int]) -> None:
        self._run(TagContacts(self._tags, name, ids, add=False), len(ids),
                  self._feedback.outcome)

    # -- running: here, or for many contacts in the runner's worker --------------------------
    def _run(self, command: TagCommand, size: int, done: Callable[[Outcome], object]) -> None:
        """Run ``command``; ``done`` hears how it ended. On more than LONG_TAGS contacts the
        runner hands it to its worker (ui/long_steps.py: progress after 0.3 s, Cancel rolls
        it back) and ``done`` hears it when the worker has finished."""
        command.expected = size
        outcome = self._runner.run(command)
        pending = self._runner.pending()
        if outcome.pending and pending is not None and pending.command is command:
            pending.then = done
            return
        done(outcome)
