"""Settings → Accounts: add a CardDAV account (discovery and a book picker), test, remove.

Self-contained: it takes an ``AccountService`` and touches nothing else. Every network call
runs in a ``BackgroundJob`` (plain Python thread, no Qt off the GUI thread), so the window
never freezes on a slow server. The password field is never logged or shown in messages.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netdesk.services.accounts import AccountService
from netdesk.services.errors import ServiceError
from netdesk.ui.background import BackgroundJob
from netdesk.ui.locale_format import format_count


class AccountsDialog(QDialog):
    def __init__(self, accounts: AccountService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accounts"))
        self.accounts = accounts
        self._job: BackgroundJob | None = None
        self._build()
        self.refresh()

    # -- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.accountsList = QListWidget(objectName="accountsList")
        layout.addWidget(self.accountsList)
        row = QHBoxLayout()
        self.testButton = QPushButton(self.tr("Test connection"), objectName="testButton")
        self.removeButton = QPushButton(self.tr("Remove"), objectName="removeButton")
        row.addWidget(self.testButton)
        row.addWidget(self.removeButton)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self._add_box())
        self.statusLabel = QLabel(objectName="statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextFormat(Qt.TextFormat.PlainText)  # server text, not markup
        layout.addWidget(self.statusLabel)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.testButton.clicked.connect(self.test_selected)
        self.removeButton.clicked.connect(self.remove_selected)
        self.accountsList.currentRowChanged.connect(lambda _row: self._update_buttons())

    def _add_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Add an account"))
        form = QFormLayout(box)
        self.nameEdit = QLineEdit(objectName="nameEdit", placeholderText=self.tr("e.g. Phone"))
        self.urlEdit = QLineEdit(objectName="urlEdit", placeholderText="https://server/")
        self.userEdit = QLineEdit(objectName="userEdit")
        self.passwordEdit = QLineEdit(objectName="passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.insecureCheck = QCheckBox(self.tr("Allow plain http to another machine (unsafe)"),
                                       objectName="insecureCheck")  # fmt: skip
        self.fileCheck = QCheckBox(self.tr("Keep the password in a private file (no keyring)"),
                                   objectName="fileCheck")  # fmt: skip
        self.findButton = QPushButton(self.tr("Find address books"), objectName="findButton")
        self.bookCombo = QComboBox(objectName="bookCombo")
        self.addButton = QPushButton(self.tr("Add"), objectName="addButton")
        for label, widget in (
            (self.tr("Name"), self.nameEdit), (self.tr("Server or book URL"), self.urlEdit),
            (self.tr("User"), self.userEdit), (self.tr("Password"), self.passwordEdit),
            ("", self.insecureCheck), ("", self.fileCheck), ("", self.findButton),
            (self.tr("Address book"), self.bookCombo),
            ("", self.addButton),
        ):  # fmt: skip
            form.addRow(label, widget)
        self.findButton.clicked.connect(self.find_books)
        self.addButton.clicked.connect(self.add_account)
        return box

    # -- state --------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.accountsList.clear()
        for a in self.accounts.list():
            when = a.last_sync or self.tr("never synced")
            item = QListWidgetItem(f"{a.name} — {a.username} — {a.book_url} ({when})")
            item.setData(Qt.ItemDataRole.UserRole, a.name)
            self.accountsList.addItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self._job is not None
        selected = self.accountsList.currentItem() is not None
        self.testButton.setEnabled(selected and not busy)
        self.removeButton.setEnabled(selected and not busy)
        self.findButton.setEnabled(not busy)
        self.addButton.setEnabled(not busy and self.bookCombo.count() > 0)

    def _selected_name(self) -> str | None:
        item = self.accountsList.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _run(self, fn, done, what: str) -> None:
        """Run ``fn()`` off the GUI thread; ``done(result)`` runs here when it succeeds."""
        self.statusLabel.setText(what)
        job = BackgroundJob(lambda _progress, _cancelled: fn(), self, name="netdesk-accounts")
        self._job = job

        def finished() -> None:
            self._job = None
            done(job.result)
            self._update_buttons()

        def failed() -> None:
            self._job = None
            error = job.error
            message = str(error) if isinstance(error, ServiceError) else type(error).__name__
            self.statusLabel.setText(self.tr("Failed: %1").replace("%1", message))
            self._update_buttons()

        job.finished.connect(finished)
        job.failed.connect(failed)
        self._update_buttons()
        job.start()

    # -- actions ------------------------------------------------------------------------------
    def find_books(self) -> None:
        url, user, password = self.urlEdit.text().strip(), self.userEdit.text(), self._pw()
        insecure = self.insecureCheck.isChecked()
        self.bookCombo.clear()

        def show(books) -> None:
            for b in books:
                self.bookCombo.addItem(f"{b.name or b.url} ({b.url})", b.url)
            self.statusLabel.setText(
                self.tr("Found %1 address book(s).").replace("%1", format_count(len(books)))
                if books else self.tr("No address book here.")
            )

        self._run(lambda: self.accounts.discover(url, user, password, insecure), show,
                  self.tr("Looking for address books…"))  # fmt: skip

    def add_account(self) -> None:
        name, url, user = (
            self.nameEdit.text().strip(),
            self.urlEdit.text().strip(),
            self.userEdit.text(),
        )
        password, book = self._pw(), self.bookCombo.currentData()
        insecure, to_file = self.insecureCheck.isChecked(), self.fileCheck.isChecked()

        def added(result) -> None:
            self.passwordEdit.clear()
            where = {"keyring": self.tr("Added “%1”. Password stored in the system keyring."),
                     "file": self.tr("Added “%1”. Password stored in a private file.")}
            text = where.get(result.password_stored, self.tr(
                "Added “%1”. Password stored nowhere: no keyring; asked at sync."))
            self.statusLabel.setText(text.replace("%1", name))
            self.refresh()

        self._run(
            lambda: self.accounts.add(name, url, user, password, book=book,
                                      insecure_http=insecure, password_in_file=to_file),
            added, self.tr("Adding the account…"),
        )  # fmt: skip

    def test_selected(self) -> None:
        name = self._selected_name()
        if name is None:
            return
        password = self.accounts.stored_password(name) or self._pw()
        self._run(lambda: self.accounts.books(name, password),
                  lambda books: self.statusLabel.setText(
                      self.tr("“%1” works: %2 address book(s).").replace("%1", name).replace(
                          "%2", format_count(len(books)))),
                  self.tr("Testing “%1”…").replace("%1", name))  # fmt: skip

    def remove_selected(self) -> None:
        name = self._selected_name()
        if name is None:
            return
        try:
            self.accounts.remove(name)
        except ServiceError as exc:
            self.statusLabel.setText(self.tr("Failed: %1").replace("%1", str(exc)))
            return
        self.statusLabel.setText(
            self.tr("Removed “%1”; its contacts stay here.").replace("%1", name))
        self.refresh()

    def _pw(self) -> str:
        return self.passwordEdit.text()

    def done(self, result: int) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job.join(5000)
        super().done(result)
