"""Tags in the real window: rename, merge (asked first), delete from the sidebar's tag menu,
and "Add tag…" / "Remove tag…" (Ctrl+T / Ctrl+Shift+T) on the selection, each one undo step."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QPushButton

from netdesk.actions import ChangeEvent
from netdesk.actions import tags as tag_actions
from netdesk.domain.contact import Contact
from netdesk.ui.contacts_model import TAGS
from tests.ui.driver import find


@pytest.fixture
def tagged(parts, ui, qtbot) -> dict[str, int]:
    people = {"Ada": ["work", "friends"], "Bob": ["Work"], "Cy": ["family"], "Dee": []}
    ids = {n: parts.contacts.create(Contact(display_name=n, tags=t)).id
           for n, t in people.items()}
    parts.runner.publish(ChangeEvent(bulk=True))
    qtbot.waitUntil(lambda: len(ui.names()) == 4)
    return ids


def _tags_column(ui) -> dict[str, str]:
    m = ui.model
    return {m.summary(r).name: m.data(m.index(r, TAGS)) or "" for r in range(m.rowCount())}


def _trigger(menu, name: str) -> None:
    next(a for a in menu.actions() if a.objectName() == name).trigger()
    menu.close()


def test_rename_from_the_sidebar_and_undo(parts, ui, qtbot, tagged) -> None:
    ui.select_tag("work")
    qtbot.waitUntil(lambda: ui.names() == ["Ada", "Bob"])
    _trigger(ui.tag_menu("work"), "renameTagAction")
    dialog = ui.dialog("renameTagDialog")
    assert dialog.textValue() == "work"
    dialog.setTextValue("Kollegen")
    dialog.accept()
    assert ui.sidebar_tags() == {"family": 1, "friends": 1, "Kollegen": 2}
    assert _tags_column(ui)["Ada"] == "friends, Kollegen"
    assert ui.names() == ["Ada", "Bob"]  # the list follows its tag to the new name
    ui.search_edit.setText("kollegen")
    qtbot.waitUntil(lambda: ui.names() == ["Ada", "Bob"])
    ui.search_edit.clear()
    ui.undo()
    assert ui.sidebar_tags() == {"family": 1, "friends": 1, "work": 2}
    assert ui.status_text() == "Undone: Rename tag “work” to “Kollegen”."


def test_rename_onto_another_tag_asks_then_merges(parts, ui, qtbot, tagged) -> None:
    _trigger(ui.tag_menu("family"), "renameTagAction")
    dialog = ui.dialog("renameTagDialog")
    dialog.setTextValue("FRIENDS")
    dialog.accept()
    box = ui.dialog("mergeTagsBox")
    assert "There is already a tag “friends”" in box.text()
    assert ui.sidebar_tags()["family"] == 1  # nothing changed before the answer
    box.findChild(QAbstractButton, "mergeTagsButton").click()
    assert ui.sidebar_tags() == {"friends": 2, "work": 2}
    assert _tags_column(ui)["Cy"] == "friends"
    ui.undo()
    assert ui.sidebar_tags() == {"family": 1, "friends": 1, "work": 2}
    assert _tags_column(ui)["Cy"] == "family"


def test_delete_tag_is_undoable_and_says_so(parts, ui, qtbot, tagged) -> None:
    _trigger(ui.tag_menu("work"), "deleteTagAction")
    assert "work" not in ui.sidebar_tags()
    assert ui.status_text() == "Deleted tag “work” from 2 contact(s) — Ctrl+Z to undo."
    assert len(ui.names()) == 4 and _tags_column(ui)["Bob"] == ""
    ui.undo()
    assert ui.sidebar_tags()["work"] == 2
    assert _tags_column(ui)["Bob"] == "work"


def test_ctrl_t_tags_the_selection_in_one_step(parts, ui, qtbot, tagged) -> None:
    ui.table.setFocus()
    ui.table.selectAll()
    qtbot.waitUntil(lambda: len(ui.selected_contact_ids()) == 4)
    qtbot.keyClick(ui.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = ui.dialog("addTagDialog")
    assert "4 selected contact(s)" in dialog.labelText()
    dialog.setTextValue("conference 2026")
    dialog.accept()
    assert ui.sidebar_tags()["conference 2026"] == 4
    assert ui.status_text() == "Add tag “conference 2026” to 4 contacts."
    ui.undo()
    assert "conference 2026" not in ui.sidebar_tags()

    qtbot.keyClick(ui.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    dialog = ui.dialog("removeTagDialog")
    dialog.setTextValue("work")
    dialog.accept()
    assert "work" in ui.sidebar_tags() and ui.sidebar_tags()["work"] == 0
    ui.undo()
    assert ui.sidebar_tags()["work"] == 2
    assert ui.action("addTagAction").shortcut().toString() == "Ctrl+T"


def _many(monkeypatch) -> None:  # noqa: ANN001
    """Make 4 contacts "many": the change, its undo and its redo all run in workers."""
    monkeypatch.setattr(tag_actions, "LONG_TAGS", 1)


def test_many_contacts_are_tagged_off_the_gui_thread(parts, ui, qtbot, tagged,
                                                    monkeypatch) -> None:
    _many(monkeypatch)
    controller = ui.controller("tagsController")
    steps = ui.controller("longSteps")
    controller.add_tag("bulk", list(tagged.values()))
    # The first run goes to the long-step worker too: progress and Cancel, the window free.
    assert parts.runner.pending() is not None and "bulk" not in ui.sidebar_tags()
    assert steps.wait(10_000)
    qtbot.waitUntil(lambda: ui.sidebar_tags().get("bulk") == 4)
    assert ui.status_text() == "Add tag “bulk” to 4 contacts."
    assert parts.runner.undo_label() == "Add tag “bulk” to 4 contacts"
    ui.undo()
    # Handed to the worker: the window goes on; the runner refuses other changes meanwhile.
    assert parts.runner.pending() is not None and ui.sidebar_tags()["bulk"] == 4
    assert steps.wait(10_000)
    qtbot.waitUntil(lambda: "bulk" not in ui.sidebar_tags())
    assert ui.status_text() == "Undone: Add tag “bulk” to 4 contacts."
    assert _tags_column(ui)["Dee"] == "" and _tags_column(ui)["Ada"] == "friends, work"
    ui.redo()
    assert parts.runner.pending() is not None
    assert steps.wait(10_000)
    qtbot.waitUntil(lambda: ui.sidebar_tags().get("bulk") == 4)
    assert _tags_column(ui)["Dee"] == "bulk"
    assert parts.runner.undo_label() == "Add tag “bulk” to 4 contacts"


def test_a_long_tag_undo_shows_progress_and_cancel_changes_nothing(parts, ui, qtbot, tagged,
                                                                  monkeypatch) -> None:
    from netdesk.store import tags as tag_store

    _many(monkeypatch)
    controller = ui.controller("tagsController")
    steps = ui.controller("longSteps")
    controller.rename_tag("work", "job")
    assert steps.wait(10_000)
    qtbot.waitUntil(lambda: ui.sidebar_tags().get("job") == 2)
    # Hold the undo's worker after its first contact until Cancel is pressed.
    monkeypatch.setattr(tag_store, "CHUNK", 1)
    release = threading.Event()
    real_chunk = tag_store.TagRepository._refresh_chunk

    def held(self, *args):  # noqa: ANN001, ANN202
        real_chunk(self, *args)
        release.wait(timeout=30)

    monkeypatch.setattr(tag_store.TagRepository, "_refresh_chunk", held)
    ui.undo()
    qtbot.waitUntil(lambda: steps.dialog is not None and steps.dialog.isVisible(), timeout=5000)
    assert steps.dialog.status.text() == "Undoing: Rename tag “work” to “job”…"
    qtbot.mouseClick(find(steps.dialog, QPushButton, "longStepCancelButton"),
                     Qt.MouseButton.LeftButton)
    release.set()
    assert steps.wait(30_000)
    qtbot.waitUntil(lambda: parts.runner.pending() is None)
    assert "Cancelled" in ui.status_text()
    assert ui.sidebar_tags()["job"] == 2 and "work" not in ui.sidebar_tags()
    assert parts.runner.undo_label() == "Rename tag “work” to “job”"  # still undoable
    monkeypatch.undo()


def test_a_big_delete_and_rename_run_off_the_gui_thread_too(parts, ui, qtbot, tagged,
                                                            monkeypatch) -> None:
    _many(monkeypatch)
    controller = ui.controller("tagsController")
    ui.select_tag("work")
    qtbot.waitUntil(lambda: ui.names() == ["Ada", "Bob"])
    steps = ui.controller("longSteps")
    controller.rename_tag("work", "job")
    assert parts.runner.pending() is not None and steps.wait(10_000)
    qtbot.waitUntil(lambda: ui.sidebar_tags().get("job") == 2)
    assert ui.names() == ["Ada", "Bob"]  # the list followed the tag to its new name
    controller.delete_tag("job")
    assert parts.runner.pending() is not None and steps.wait(10_000)
    qtbot.waitUntil(lambda: "job" not in ui.sidebar_tags())
    assert ui.status_text() == "Deleted tag “job” from 2 contact(s) — Ctrl+Z to undo."
    assert len(ui.names()) == 4  # the list left the deleted tag for everyone
    ui.undo()
    assert steps.wait(10_000)
    qtbot.waitUntil(lambda: ui.sidebar_tags().get("job") == 2)
    ui.undo()
    assert steps.wait(10_000)
    qtbot.waitUntil(lambda: ui.sidebar_tags().get("work") == 2)


def test_remove_tag_without_any_tags_says_so(parts, ui, qtbot) -> None:
    parts.contacts.create(Contact(display_name="Solo"))
    parts.runner.publish(ChangeEvent(bulk=True))
    qtbot.waitUntil(lambda: ui.names() == ["Solo"])
    ui.select_name("Solo")
    ui.action("removeTagAction").trigger()
    assert ui.status_text() == "There are no tags yet."


def test_sidebar_counts_follow_changes_and_ask_the_store_only_when_a_tag_comes_or_goes(
        parts, ui, qtbot, tagged) -> None:
    from collections import Counter

    from netdesk.actions.contacts import EditContact
    from tests.ui.driver import count_calls, run

    def store_counts() -> dict[str, int]:  # read past the counting wrapper
        return {t.name: t.count for t in type(parts.contacts).tags(parts.contacts)}

    def delete(name: str) -> None:
        ui.select_name(name)
        ui.action("deleteAction").trigger()
        qtbot.waitUntil(lambda: name not in ui.names())

    asked: Counter[str] = Counter()
    count_calls(asked, parts.contacts, "tags")
    delete("Bob")  # work 2 -> 1: counted from the rows, the store not asked
    assert ui.sidebar_tags() == {"family": 1, "friends": 1, "work": 1}
    ui.undo()
    assert ui.sidebar_tags() == {"family": 1, "friends": 1, "work": 2}
    assert asked["tags"] == 0
    ada = parts.contacts.get(tagged["Ada"])
    ada.tags = ["work", "friends", "speakers"]  # a new tag: the store says how it is listed
    run(parts, EditContact(parts.contacts, ada))
    assert asked["tags"] == 1
    assert ui.sidebar_tags() == store_counts() == {"family": 1, "friends": 1, "speakers": 1,
                                                   "work": 2}
    delete("Cy")  # family's last contact: asked again
    assert asked["tags"] == 2
    assert ui.sidebar_tags() == store_counts()
