"""The undo crash: delete the newest contact, import a card, Ctrl+Z. Driven through the real
window by objectName, with the store checked through a second service as another program
would see it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QTableView

from netdesk.domain.contact import Contact, LabeledValue
from netdesk.services.contacts import ContactService
from netdesk.store.db import open_database

OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise)\(\)"
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

CARD = ("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:uuid:newcomer\r\nFN:Nia Newcomer\r\n"
        "N:Newcomer;Nia;;;\r\nEMAIL:nia@example.org\r\nEND:VCARD\r\n")


@pytest.fixture
def store(data_dir: Path):
    """The store as another program (the CLI) sees it."""
    database = open_database(data_dir)
    service = ContactService(database)
    yield service
    service.close()
    database.dispose()


@pytest.fixture
def window(qtbot, data_dir: Path, store: ContactService):
    from netdesk.app import create_window

    for name in ("Ada Lovelace", "Grace Hopper", "Zoë Quinn"):
        first = name.split()[0].lower()
        store.create(Contact(display_name=name, emails=[LabeledValue(f"{first}@example.org")]))
    w = create_window(data_dir)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def _action(window, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None, name
    return action


def _names(store: ContactService) -> list[str]:
    return sorted(s.name for s in store.summaries())


def _select(window, qtbot, name: str, store: ContactService) -> None:
    table = window.findChild(QTableView, "contactsTable")
    model = table.model()
    # After a delete the window re-selects the row that moved up; wait for the table to show
    # what the store holds before choosing, or that re-selection could win.
    qtbot.waitUntil(lambda: model.rowCount() == store.count())

    def row_of(wanted: str) -> int:
        rows = [r for r in range(model.rowCount())
                if model.index(r, 0).data(Qt.ItemDataRole.DisplayRole) == wanted]
        assert rows, f"{wanted} is not in the table"
        return rows[0]

    def selected() -> list[int]:
        return [i.row() for i in table.selectionModel().selectedRows()]

    table.setFocus()
    # As a click does (selectRow() toggles a row that is already current and selected).
    flags = QItemSelectionModel.SelectionFlag
    table.selectionModel().setCurrentIndex(
        model.index(row_of(name), 0), flags.ClearAndSelect | flags.Rows)
    assert selected() == [row_of(name)]


def _import(window, qtbot, path: Path, store: ContactService, expected: int) -> None:
    window.import_files([str(path)])
    qtbot.waitUntil(lambda: store.count() == expected, timeout=30000)
    # The report dialog stays open until closed, as a user would.
    qtbot.waitUntil(lambda: window.findChild(QPushButton, "importCloseButton") is not None
                    and window.findChild(QPushButton, "importCloseButton").isEnabled(),
                    timeout=30000)
    window.findChild(QPushButton, "importCloseButton").click()


def test_undo_of_a_delete_after_an_import_restores_the_contact_and_redo_works(
        window, qtbot, tmp_path: Path, store: ContactService) -> None:
    _select(window, qtbot, "Zoë Quinn", store)  # the newest contact: the highest id
    _action(window, "deleteAction").trigger()
    qtbot.waitUntil(lambda: "Zoë Quinn" not in _names(store))

    card = tmp_path / "newcomer.vcf"
    card.write_text(CARD, encoding="utf-8")
    _import(window, qtbot, card, store, expected=3)

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.findChild(QTableView, "contactsTable"), Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _names(store) == [
        "Ada Lovelace", "Grace Hopper", "Nia Newcomer", "Zoë Quinn"])
    assert store.resolve("zoë@example.org").display_name == "Zoë Quinn"

    _action(window, "redoAction").trigger()
    qtbot.waitUntil(lambda: _names(store) == ["Ada Lovelace", "Grace Hopper", "Nia Newcomer"])
    _action(window, "undoAction").trigger()
    qtbot.waitUntil(lambda: "Zoë Quinn" in _names(store))
    assert window.isVisible()


def test_a_failing_undo_reports_the_error_and_the_history_stays_usable(
        window, qtbot, store: ContactService) -> None:
    _select(window, qtbot, "Ada Lovelace", store)
    _action(window, "deleteAction").trigger()
    qtbot.waitUntil(lambda: "Ada Lovelace" not in _names(store))
    _select(window, qtbot, "Grace Hopper", store)
    _action(window, "deleteAction").trigger()
    qtbot.waitUntil(lambda: "Grace Hopper" not in _names(store))
    # Another program takes Grace's old id behind the window's back: undoing her deletion
    # can no longer insert her, so that undo step fails.
    store.create(Contact(display_name="Grace Hopper (re-added elsewhere)"))
    _make_grace_restore_collide(store)
    _action(window, "undoAction").trigger()
    box = _wait_for_message(qtbot)
    assert "nothing was changed" in box.text()
    box.close()
    assert "Grace Hopper" not in _names(store)
    # The failed step is gone, the older one still undoes: Ada comes back.
    assert _action(window, "undoAction").isEnabled()
    _action(window, "undoAction").trigger()
    qtbot.waitUntil(lambda: "Ada Lovelace" in _names(store))
    assert window.isVisible()


def _make_grace_restore_collide(store: ContactService) -> None:
    """Occupy the id Grace had (2, created second) with another contact, as a program that
    writes ids itself could, so her restore fails on the primary key."""
    import sqlite3

    con = sqlite3.connect(store.db.path)
    with con:
        con.execute("UPDATE contacts SET id = 2 WHERE display_name = ?",
                    ("Grace Hopper (re-added elsewhere)",))
    con.close()


def _wait_for_message(qtbot) -> QMessageBox:
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=10000)
    return found[0]
