"""Two-way CardDAV sync of the local store with one address book.

Order (DAVx5's): push local deletes and edits (If-Match; new cards If-None-Match: *), then
pull the server's changes (sync-collection, or a full etag listing when the token is
rejected), fetch changed cards with multiget in batches and apply each batch in one
transaction. The new sync token is stored only after everything was applied, so a sync
killed at any point loses nothing: the next one re-reads the same changes, skips those whose
etag it already has, and re-sends local changes under the same card names (412, then merge).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field

from netdesk.domain.clock import Clock, SystemClock
from netdesk.domain.contact import Contact
from netdesk.services.errors import ServiceError
from netdesk.services.sync_apply import Applier
from netdesk.store import reading, sync_state
from netdesk.store.db import Database
from netdesk.store.sync_state import Account, SyncItem
from netdesk.sync import davxml
from netdesk.sync.client import (
    AuthError,
    CardDavClient,
    DavError,
    NetworkError,
    PreconditionFailed,
    TokenRejected,
)

MULTIGET_BATCH = 200
PUT_CONNECTIONS = 4
# Ask before more deletions than this in one sync, or than this share of the book.
MAX_SILENT_DELETIONS = 50
MAX_SILENT_SHARE = 0.20
# ...but the share rule leaves a handful alone: deleting 1 of a 2-card book needs no question.
SHARE_RULE_FROM = 5
# "One side suddenly empty" is judged from this many synced cards: the phone deleting the one
# card of a one-card book is just a delete.
EMPTY_RULE_FROM = 3


class SyncError(ServiceError):
    """The sync could not run (network, authentication, refused); the message says why."""


class ConfirmationNeeded(SyncError):
    """Too many deletions, or one side suddenly empty: the user must confirm (``--yes``)."""


class SyncOffline(SyncError):
    """The server could not be reached (no network, server down, timeout)."""


class SyncAuthFailed(SyncError):
    """The server refused the user name or password."""


class SyncCancelled(SyncError):
    """The user stopped the sync; what was applied so far is kept, the next sync goes on."""


ProgressHook = Callable[[int, int], None]
CancelledHook = Callable[[], bool]


@dataclass
class SyncReport:
    uploaded: int = 0
    downloaded: int = 0
    updated_local: int = 0
    updated_remote: int = 0
    deleted_local: int = 0
    deleted_remote: int = 0
    conflicts: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "uploaded": self.uploaded,
            "downloaded": self.downloaded,
            "updated_local": self.updated_local,
            "updated_remote": self.updated_remote,
            "deleted_local": self.deleted_local,
            "deleted_remote": self.deleted_remote,
            "conflicts": self.conflicts,
            "errors": self.errors,
        }


def check_deletions(count: int, book_size: int, where: str, confirmed: bool) -> None:
    if confirmed or count == 0:
        return
    too_big_a_share = count >= SHARE_RULE_FROM and count > MAX_SILENT_SHARE * book_size
    if count > MAX_SILENT_DELETIONS or too_big_a_share:
        raise ConfirmationNeeded(
            f"this sync would delete {count} of {book_size} contacts {where}; "
            "nothing was deleted — run it again with --yes if that is what you want"
        )


class SyncRun:
    """One sync of one account. ``run()`` returns the report or raises SyncError."""

    def __init__(
        self,
        database: Database,
        account: Account,
        client: CardDavClient,
        clock: Clock | None = None,
        confirmed: bool = False,
        progress: ProgressHook | None = None,
        cancelled: CancelledHook | None = None,
    ) -> None:
        self.db = database
        self.account = account
        self.client = client
        self.clock = clock or SystemClock()
        self.confirmed = confirmed
        # (done, total) cards of the current step, for a progress bar; ``cancelled()`` is
        # asked between batches: stopping there is safe, each batch is its own transaction
        # and the sync token is stored only at the very end.
        self.progress = progress or (lambda _done, _total: None)
        self.cancelled = cancelled or (lambda: False)
        self.report = SyncReport()
        self.applier = Applier(database, account, self.report, self.clock)

    def run(self) -> SyncReport:
        try:
            self._check_local_not_emptied()
            if self._first_sync():
                # Both sides may hold the same people (one vCard imported on each): pulling
                # first links them by UID instead of uploading duplicates.
                self._pull()
            self._push_deletes()
            self._push_changes()
            self._pull()
            if self.applier.folded:
                # Cards of merged-away contacts met in the pull: their changes are in the
                # survivor now; delete them on the server in this sync, not the next.
                self._push_deletes()
            if self.applier.dirty:
                # Cards merged during the pull (edited here meanwhile): send the merge now
                # rather than at the next sync.
                self._push_changes()
        except NetworkError as exc:
            raise SyncOffline(str(exc)) from None
        except AuthError as exc:
            raise SyncAuthFailed(str(exc)) from None
        except DavError as exc:
            raise SyncError(str(exc)) from None
        return self.report

    def _check_cancelled(self) -> None:
        if self.cancelled():
            raise SyncCancelled("sync cancelled; what was synced so far is kept")

    def _first_sync(self) -> bool:
        with closing(self.db.connect_raw()) as con:
            return not self.account.sync_token and not sync_state.count_items(con, self.account.id)

    def _url(self, href: str) -> str:
        return davxml.absolute(self.account.book_url, href)

    # -- push ---------------------------------------------------------------------------------
    def _check_local_not_emptied(self) -> None:
        with closing(self.db.connect_raw()) as con:
            linked = sync_state.count_items(con, self.account.id)
            local = sync_state.count_contacts(con)
        if linked >= EMPTY_RULE_FROM and not local and not self.confirmed:
            raise ConfirmationNeeded(
                f"the local store is empty but {linked} contacts were synced with "
                f"“{self.account.name}”; refusing to empty the server — run with --yes to do so"
            )

    def _push_deletes(self) -> None:
        con = self.db.connect_raw()
        try:
            gone = sync_state.items_without_contact(con, self.account.id)
            linked = sync_state.count_items(con, self.account.id)
        finally:
            con.close()
        # Cards of merged-away contacts are no loss (their survivor holds what they held):
        # merging 60 pairs must not be asked about as a mass deletion.
        merged_away = self.applier.merged_away(gone) if gone else set()
        check_deletions(len(gone) - len(merged_away), linked, "on the server", self.confirmed)
        for item in gone:
            try:
                self.client.delete(self._url(item.href), item.etag)
            except PreconditionFailed:
                if item.href in merged_away:
                    # Changed on the server since the merge: the pull folds that change into
                    # the survivor, and the card is deleted after it.
                    continue
                # Changed on the server since: the edit wins over the delete; forgetting the
                # link makes the pull bring the card back as new.
                self.report.errors.append(
                    f"{item.href}: not deleted on the server, it was changed there; kept"
                )
            else:
                self.report.deleted_remote += 1
            self.applier.forget([item.href])

    def _push_changes(self) -> None:
        """PUT every contact changed here, a few at a time over parallel connections (a
        server that checks UIDs per new card is the bottleneck; 4 connections nearly halve
        a first upload), and record each answer here, in order, on this thread."""
        con = self.db.connect_raw()
        try:
            ids = sync_state.contacts_changed_since_sync(con, self.account.id)
            with ThreadPoolExecutor(PUT_CONNECTIONS) as pool:
                for start in range(0, len(ids), MULTIGET_BATCH):
                    self._check_cancelled()
                    self.progress(start, len(ids))
                    jobs = []
                    for contact in reading.load_contacts(con, ids[start : start + MULTIGET_BATCH]):
                        item = sync_state.item_for_contact(con, self.account.id, contact.id or 0)
                        if item is not None and item.contact_uid != contact.uid:
                            item = None
                        text = self.applier.render(contact)
                        if item is not None and self.applier.fingerprint(text) == item.local_hash:
                            self.applier.touch(item.href, contact)  # saved again, unchanged
                            continue
                        href = item.href if item else self._new_href(contact)
                        etag = item.etag if item else None
                        job = pool.submit(self.client.put, self._url(href), text, etag)
                        jobs.append((contact, item, href, text, job))
                    for contact, item, href, text, job in jobs:
                        self._after_put(contact, item, href, text, job)
        finally:
            con.close()

    def _after_put(
        self, contact: Contact, item: SyncItem | None, href: str, text: str, job: Future
    ) -> None:
        try:
            url, etag = job.result()
        except PreconditionFailed:
            self._reconcile(contact, href, item)
            return
        except (NetworkError, AuthError):
            raise
        except DavError as exc:  # this card refused (e.g. 403, 415): report, go on
            self.report.errors.append(f"{contact.display_name}: {exc}")
            return
        if item is None:
            self.report.uploaded += 1
        else:
            self.report.updated_remote += 1
        server_text = text
        if not etag or url != self._url(href):
            # The server renamed the card or did not say its etag: read back what it holds.
            fetched = self.client.fetch(self.account.book_url, url)
            if fetched is not None:
                etag, server_text = fetched
            if item is not None and url != self._url(href):
                self.applier.forget([item.href])
        self.applier.record(davxml.href_path(url), etag, server_text, contact)

    def _new_href(self, contact: Contact) -> str:
        from netdesk.services.sync_cards import card_name

        return davxml.href_path(self.account.book_url).rstrip("/") + "/" + card_name(contact.uid)

    def _reconcile(self, contact: Contact, href: str, item: SyncItem | None) -> None:
        """A write met a newer server card (412): fetch it, merge, and write the merge back."""
        for _attempt in range(3):
            fetched = self.client.fetch(self.account.book_url, self._url(href))
            if fetched is None:  # deleted meanwhile: our edit brings it back
                etag = None
                merged = contact
            else:
                etag, server_text = fetched
                base = item.synced_text if item else None
                merged = self.applier.merge_into_local(href, contact, base, server_text)
                if merged is None:  # server already holds exactly our merge
                    self.applier.record(href, etag, server_text, contact, reload=True)
                    return
            try:
                url, _new_etag = self.client.put(self._url(href), self.applier.render(merged), etag)
            except PreconditionFailed:
                continue
            fetched = self.client.fetch(self.account.book_url, url)
            if fetched is not None:
                self.applier.record(
                    davxml.href_path(url), fetched[0], fetched[1], merged, reload=True
                )
            self.report.updated_remote += 1
            return
        self.report.errors.append(f"{contact.display_name}: the server kept changing; retried")

    # -- pull ---------------------------------------------------------------------------------
    def _changes(self, stored: dict[str, str]) -> tuple[dict[str, str], set[str], str, str]:
        """(changed href -> etag, removed hrefs, new token, capabilities)."""
        token = self.account.sync_token
        if self.account.capabilities != "propfind":
            try:
                found = self.client.sync_collection(self.account.book_url, token)
                removed = set(found.removed) if token else set(stored) - set(found.changed)
                return found.changed, removed, found.token, "sync-collection"
            except TokenRejected:
                if token:  # expired or unknown token: start again from a full listing
                    try:
                        found = self.client.sync_collection(self.account.book_url, "")
                        removed = set(stored) - set(found.changed)
                        return found.changed, removed, found.token, "sync-collection"
                    except TokenRejected:
                        pass
        listed = self.client.list_etags(self.account.book_url)
        return listed, set(stored) - set(listed), "", "propfind"

    def _pull(self) -> None:
        with closing(self.db.connect_raw()) as con:
            stored = sync_state.etags(con, self.account.id)
        changed, removed, token, capabilities = self._changes(stored)
        fetch = sorted(h for h, etag in changed.items() if stored.get(h) != etag or not etag)
        removed &= set(stored)
        left_on_server = len(set(stored) - removed) + len(set(changed) - set(stored))
        if len(stored) >= EMPTY_RULE_FROM and not left_on_server and not self.confirmed:
            raise ConfirmationNeeded(
                f"the address book on the server is empty but {len(stored)} contacts were "
                "synced with it; nothing was deleted here — run with --yes to empty this store"
            )
        check_deletions(len(removed), len(stored), "on this computer", self.confirmed)
        applied = 0
        for batch in self.client.iter_multiget(self.account.book_url, fetch, MULTIGET_BATCH):
            self._check_cancelled()
            self.applier.apply_server_cards(batch)
            applied += len(batch)
            self.progress(applied, len(fetch))
        self._check_cancelled()
        self.applier.apply_removals(sorted(removed))
        self.applier.finish(token, capabilities)
