"""CardDAV accounts: add (with discovery), list, books, remove; run a sync; resolve conflicts."""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from netdesk.domain.clock import Clock, SystemClock
from netdesk.services.contacts import ContactService
from netdesk.services.errors import NotFoundError, ServiceError, ValidationError
from netdesk.services.passwords import NoKeyring, PasswordStore
from netdesk.services.sync import (
    CancelledHook,
    ProgressHook,
    SyncError,
    SyncReport,
    SyncRun,
)
from netdesk.services.sync_cards import parse_card
from netdesk.store import sync_state
from netdesk.store.db import Database
from netdesk.store.sync_state import Account, Conflict
from netdesk.sync import davxml
from netdesk.sync.client import Book, CardDavClient, DavError
from netdesk.sync.merge import SINGLE_FIELDS


@dataclass
class AddResult:
    account: Account
    password_stored: str  # "keyring", "file" or "" (not stored: asked every run)


class AccountService:
    def __init__(self, database: Database, data_dir: Path, clock: Clock | None = None) -> None:
        self.db = database
        self.passwords = PasswordStore(data_dir)
        self.clock = clock or SystemClock()

    def _con(self):
        return closing(self.db.connect_raw())

    def list(self) -> list[Account]:
        with self._con() as con:
            return sync_state.accounts(con)

    def get(self, name: str) -> Account:
        with self._con() as con:
            found = sync_state.account(con, name)
        if found is None:
            raise NotFoundError(f"no account named “{name}” (see: netdesk account list)")
        return found

    def client(self, account: Account, password: str) -> CardDavClient:
        try:
            return CardDavClient(
                account.server_url, account.username, password, insecure_http=account.insecure_http
            )
        except DavError as exc:
            raise SyncError(str(exc)) from None

    def stored_password(self, name: str) -> str | None:
        return self.passwords.get(name)

    # -- add ----------------------------------------------------------------------------------
    def add(
        self,
        name: str,
        url: str,
        username: str,
        password: str,
        book: str | None = None,
        create_book: bool = False,
        insecure_http: bool = False,
        password_in_file: bool = False,
    ) -> AddResult:
        name = name.strip()
        if not name:
            raise ValidationError("an account needs a name")
        with self._con() as con:
            if sync_state.account(con, name) is not None:
                raise ValidationError(f"an account named “{name}” already exists")
        account = Account(None, name, url, username, "", insecure_http)
        with self.client(account, password) as client:
            try:
                account.book_url = self._pick_book(client, url, book, create_book)
            except DavError as exc:
                raise SyncError(str(exc)) from None
        with self.db.engine.begin() as conn:
            account.id = sync_state.add_account(conn.connection.driver_connection, account)
        try:
            where = self.passwords.save(name, password, to_file=password_in_file)
        except NoKeyring:
            where = ""
        return AddResult(account, where)

    @staticmethod
    def _pick_book(client: CardDavClient, url: str, book: str | None, create: bool) -> str:
        books = client.discover()
        if book:
            wanted = davxml.href_path(davxml.absolute(url, book)).rstrip("/")
            for b in books:
                if davxml.href_path(b.url).rstrip("/") == wanted:
                    return b.url
            raise SyncError(f"no address book {book} here; found: {_listed(books)}")
        if len(books) == 1:
            return books[0].url
        if books:
            raise SyncError(f"several address books; pick one with --book: {_listed(books)}")
        if not create:
            raise SyncError("this account has no address book; --create-book makes one")
        home = getattr(client, "home_url", None)
        if not home:
            raise SyncError("the server did not say where to create an address book")
        return client.create_book(home, "netdesk", "netdesk").url

    # -- others -------------------------------------------------------------------------------
    def discover(
        self, url: str, username: str, password: str, insecure_http: bool = False
    ) -> list[Book]:
        """The address books at ``url`` for this user, before any account exists."""
        probe = Account(None, "", url, username, "", insecure_http)
        with self.client(probe, password) as client:
            try:
                return client.discover()
            except DavError as exc:
                raise SyncError(str(exc)) from None

    def books(self, name: str, password: str) -> list[Book]:
        account = self.get(name)
        with self.client(account, password) as client:
            try:
                return client.discover()
            except DavError as exc:
                raise SyncError(str(exc)) from None

    def remove(self, name: str) -> None:
        account = self.get(name)
        with self.db.engine.begin() as conn:
            sync_state.remove_account(conn.connection.driver_connection, account.id or 0)
        self.passwords.delete(name)

    def sync(
        self,
        name: str,
        password: str,
        confirmed: bool = False,
        progress: ProgressHook | None = None,
        cancelled: CancelledHook | None = None,
    ) -> SyncReport:
        account = self.get(name)
        with self.client(account, password) as client:
            return SyncRun(
                self.db, account, client, self.clock, confirmed, progress, cancelled
            ).run()

    # -- conflicts ----------------------------------------------------------------------------
    def conflicts(self, contact_id: int | None = None) -> list[Conflict]:
        with self._con() as con:
            return sync_state.conflicts(con, contact_id)

    def resolve(self, conflict_id: int, take: str) -> None:
        """Keep the local value (``take="local"``) or take the server's (``"server"``); the
        next sync sends the choice to the server."""
        if take not in ("local", "server"):
            raise ValidationError("choose local or server")
        found = [c for c in self.conflicts() if c.id == conflict_id]
        if not found:
            raise NotFoundError(f"no conflict {conflict_id}")
        conflict = found[0]
        if take == "server":
            server = parse_card(conflict.server_card)
            if server is None:
                raise ServiceError("the server's card of this conflict cannot be read")
            contacts = ContactService(self.db)
            try:
                local = contacts.get(conflict.contact_id)
                for group in SINGLE_FIELDS:
                    if group[0] == conflict.field:
                        for field in group:
                            setattr(local, field, getattr(server, field))
                contacts.update(local)
            finally:
                contacts.close()
        with self.db.engine.begin() as conn:
            sync_state.drop_conflict(conn.connection.driver_connection, conflict_id)


def _listed(books: list[Book]) -> str:
    return "; ".join(f"{davxml.href_path(b.url)} ({b.name or 'no name'})" for b in books) or "none"
