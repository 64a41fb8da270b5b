"""The Accounts dialog (self-contained; wired into the window later) against Radicale."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from netdesk.services.accounts import AccountService
from netdesk.store.db import open_database
from netdesk.ui.accounts_dialog import AccountsDialog


@pytest.fixture
def dialog(qtbot, tmp_path):
    db = open_database(tmp_path / "d")
    d = AccountsDialog(AccountService(db, tmp_path / "d"))
    qtbot.addWidget(d)
    yield d
    db.dispose()


def test_find_books_pick_add_test_remove(dialog, qtbot, radicale, book) -> None:
    dialog.nameEdit.setText("phone")
    dialog.urlEdit.setText(radicale.url)
    dialog.userEdit.setText("alice")
    dialog.passwordEdit.setText("secret")
    assert not dialog.addButton.isEnabled()  # no book picked yet
    qtbot.mouseClick(dialog.findButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.bookCombo.count() > 0, timeout=10000)
    index = dialog.bookCombo.findData(book)
    assert index >= 0
    dialog.bookCombo.setCurrentIndex(index)
    qtbot.mouseClick(dialog.addButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.accountsList.count() == 1, timeout=10000)
    assert "phone" in dialog.accountsList.item(0).text()
    assert dialog.passwordEdit.text() == ""
    assert [a.book_url for a in dialog.accounts.list()] == [book]

    dialog.accountsList.setCurrentRow(0)
    dialog.passwordEdit.setText("secret")  # no keyring here: the field gives it
    qtbot.mouseClick(dialog.testButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "works" in dialog.statusLabel.text(), timeout=10000)

    qtbot.mouseClick(dialog.removeButton, Qt.MouseButton.LeftButton)
    assert dialog.accountsList.count() == 0 and dialog.accounts.list() == []


def test_wrong_password_is_reported_without_echoing_it(dialog, qtbot, radicale) -> None:
    dialog.urlEdit.setText(radicale.url)
    dialog.userEdit.setText("alice")
    dialog.passwordEdit.setText("guess-123")
    qtbot.mouseClick(dialog.findButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.statusLabel.text().startswith("Failed"), timeout=10000)
    assert "401" in dialog.statusLabel.text() and "guess-123" not in dialog.statusLabel.text()
    assert dialog.bookCombo.count() == 0 and not dialog.addButton.isEnabled()
