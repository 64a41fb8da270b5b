"""Import and export of vCard files.

Import: one transaction per file, so a failure or a cancel leaves the store as it was for
that file. Cards are matched to existing contacts by UID, then by normalised e-mail or phone
*together with* a compatible name, so two different people who share a phone (a switchboard)
or a name are never merged. Re-importing the same file changes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import mmap
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from netdesk.domain.contact import Contact
from netdesk.domain.import_rules import card_overrides, content_uid, merge_into, same_contact
from netdesk.domain.matching import (
    MAX_CONTACTS_PER_STRONG_KEY,
    MatchKeys,
    likely_same_contact,
    match_keys,
)
from netdesk.services.errors import NotFoundError, ServiceError, storage_errors
from netdesk.services.import_report import ImportCancelled, ImportReport
from netdesk.services.import_source import count_cards, mapped_file, printable_name, printable_path
from netdesk.store import merges, reading
from netdesk.store.db import Database
from netdesk.store.last_contact import last_contact_times, record_last_contacts
from netdesk.store.safe_files import atomic_text_writer
from netdesk.vcard import CardProblem, iter_cards, write_vcards

Progress = Callable[[int, int], None]
BATCH = 2000
# An export reports progress (and looks at Cancel) every this many cards.
EXPORT_STEP = 500


class ExportCancelled(ServiceError):
    """Cancel during an export: the temporary file is gone and any old file is as it was."""

    def __init__(self) -> None:
        super().__init__("Export cancelled; no file was written.")
_CROWD = MAX_CONTACTS_PER_STRONG_KEY


# -- import -----------------------------------------------------------------------------------
class _FileImport:
    """Imports the cards of one file on one connection (one transaction), batch by batch.

    Each batch's new contacts are written at the end of the batch, so memory stays flat
    however big the file: a later card for someone created earlier in the same file is found
    in the store (same transaction) like any other, and counted as merged.
    """

    def __init__(self, conn, source: str) -> None:
        from netdesk.store.contacts import ContactRepository

        self.repo = ContactRepository(conn)
        self.source = source
        self.report = ImportReport()
        # Ids at or above this one were created by this file (ids are handed out in order).
        self.first_new_id = self.repo.next_id()
        # Into an empty store nothing can match before the first batch is written, so that
        # batch skips the look-ups: a big first import is the common case.
        self.nothing_stored = self.repo.count() == 0
        self.new_by_uid: dict[str, Contact] = {}
        self.new_by_key: dict[str, list[Contact]] = {}
        self.new_keys: dict[int, MatchKeys] = {}  # id(contact) -> its keys, this batch
        self.pending: list[Contact] = []
        self.last_contacts: list[tuple[int, dt.datetime]] = []

    def _remember(self, c: Contact, keys: MatchKeys) -> None:
        if c.uid:
            self.new_by_uid[c.uid] = c
        self.new_keys[id(c)] = keys
        for key in keys.strong():
            found = self.new_by_key.setdefault(key, [])
            if all(other is not c for other in found):  # a twin is remembered again
                found.append(c)

    def _match_pending(self, card: Contact, keys: MatchKeys) -> Contact | None:
        if card.uid and card.uid in self.new_by_uid:
            return self.new_by_uid[card.uid]
        mine = keys.emails | keys.phones
        crowded = {k for k in mine if len(self.new_by_key.get(k, ())) >= _CROWD}
        for key in mine:
            for cand in self.new_by_key.get(key, ()):
                if likely_same_contact(cand, card, crowded, (self.new_keys[id(cand)], keys)):
                    return cand
        return None

    def _look_up(self, cards: Sequence[Contact]) -> tuple:
        """Who in the store each card may be: by UID, by alias (a merged-away UID), and the
        contacts sharing an e-mail or phone key, loaded once for the whole batch."""
        repo = self.repo
        uid_hits: dict[str, int] = {}
        alias_hits: dict[str, int] = {}
        email_hits: dict[str, list[int]] = {}
        phone_hits: dict[str, list[int]] = {}
        card_keys: dict[int, MatchKeys] = {}
        if not self.nothing_stored:
            uid_hits = repo.ids_by_uid(c.uid for c in cards)
            # Cards of contacts merged into another update the survivor.
            alias_hits = merges.ids_by_alias(
                repo.conn.connection.driver_connection,
                (c.uid for c in cards if c.uid not in uid_hits),
            )
            # Keys only for cards no UID found: a re-import finds nearly all by UID.
            card_keys = {
                id(c): match_keys(c)
                for c in cards
                if c.uid not in uid_hits and c.uid not in alias_hits
            }
            wanted = card_keys.values()
            email_hits = repo.ids_by_match_key("email", (k for ks in wanted for k in ks.emails))
            phone_hits = repo.ids_by_match_key("phone", (k for ks in wanted for k in ks.phones))
        candidate_ids = {*uid_hits.values(), *alias_hits.values()}
        candidate_ids.update(i for h in (email_hits, phone_hits) for ids in h.values() for i in ids)
        existing = {c.id: c for c in repo.get_many(sorted(candidate_ids))} if candidate_ids else {}
        return uid_hits, alias_hits, email_hits, phone_hits, card_keys, existing

    def run_batch(self, cards: Sequence[Contact]) -> None:
        repo = self.repo
        for card in cards:
            card.source = card.source or self.source
            if not card.uid:
                # Same card, same UID: re-importing a file of UID-less cards (old phones
                # write none) then finds them again instead of duplicating them.
                card.uid = content_uid(card)
        uid_hits, alias_hits, email_hits, phone_hits, card_keys, existing = self._look_up(cards)
        updates: dict[int, Contact] = {}
        matched: list[tuple[int, Contact]] = []
        for card in cards:
            keys: MatchKeys | None = None
            target_id = uid_hits.get(card.uid)
            same_uid = target_id is not None
            if target_id is None:
                target_id = alias_hits.get(card.uid)
            if target_id is None:
                keys = card_keys.get(id(card)) or match_keys(card)
                target_id = self._match_existing(
                    card, keys, email_hits, phone_hits, existing, updates
                )
            if target_id is not None:
                matched.append((target_id, card))
                base = updates.get(target_id) or existing[target_id]
                from_this_file = target_id >= self.first_new_id
                overrides = base.uid == card.uid if from_this_file else None
                if overrides is None:
                    overrides = card_overrides(base, card, same_uid)
                merged = merge_into(base, card, overrides)
                if from_this_file:
                    # The same person twice in this file, the first one in an earlier batch.
                    self.report.note_merge(card, base)
                    updates[target_id] = merged
                elif target_id in updates or not same_contact(merged, existing[target_id]):
                    updates[target_id] = merged
                else:
                    self.report.unchanged += 1
                continue
            keys = keys or match_keys(card)
            twin = self._match_pending(card, keys)
            if twin is not None:
                # A later card in the same batch for the same person (or record) adds to it.
                self.report.note_merge(card, twin)  # named as they were before the merge
                merged = merge_into(twin, card, overrides=twin.uid == card.uid)
                for f in dataclasses.fields(Contact):
                    setattr(twin, f.name, getattr(merged, f.name))
                self._remember(twin, match_keys(twin))
                continue
            self._remember(card, keys)
            self.pending.append(card)
        for target_id, merged in updates.items():
            repo.update(merged)
            if target_id < self.first_new_id:
                self.report.updated += 1
                self.report.updated_before.setdefault(target_id, existing[target_id])
        for target_id, card in matched:
            if card.last_contact is not None:
                self.last_contacts.append((target_id, card.last_contact))
        self._write_new()

    def _write_new(self) -> None:
        if self.pending:
            ids = self.repo.add_many(self.pending)
            self.report.created_ids += ids
            self.report.created += len(self.pending)
            self.nothing_stored = False
            self.last_contacts += [
                (cid, c.last_contact)
                for cid, c in zip(ids, self.pending, strict=True)
                if c.last_contact is not None
            ]
        if self.last_contacts:
            # X-NETDESK-LAST-CONTACT: the cadence restarts from it on this machine too.
            record_last_contacts(self.repo.conn.connection.driver_connection, self.last_contacts)
            self.last_contacts = []
        self.pending = []
        self.new_by_uid.clear()
        self.new_by_key.clear()
        self.new_keys.clear()

    def _match_existing(self, card, keys, email_hits, phone_hits, existing, updates) -> int | None:
        """The stored contact this card is, by the one "same person" rule, or None."""
        hits = {k: email_hits.get(k, ()) for k in keys.emails}
        hits.update({k: phone_hits.get(k, ()) for k in keys.phones})
        # A key already on _CROWD contacts is a switchboard or a shared mailbox.
        crowded = {k for k, ids in hits.items() if len(ids) >= _CROWD}
        for ids in hits.values():
            for cid in ids:
                stored = updates.get(cid) or existing[cid]
                if likely_same_contact(stored, card, crowded, (match_keys(stored), keys)):
                    return cid
        return None


class TransferService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def import_files(
        self,
        paths: Iterable[Path | str],
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportReport:
        """Import every file; files that can't be read are listed in ``files_failed``.

        Files are memory-mapped, not read into Python: with the batch-wise writes, an import's
        memory stays flat as the file grows.
        """
        report = ImportReport()
        readable: list[tuple[Path, int]] = []
        for p in map(Path, paths):
            try:
                with mapped_file(p) as data:
                    readable.append((p, count_cards(data)))
            except ServiceError as exc:
                report.files_failed.append((printable_path(p), str(exc)))
            except OSError as exc:
                report.files_failed.append((printable_path(p), exc.strerror or str(exc)))
        total = sum(n for _, n in readable)
        done = 0
        if progress:
            progress(0, total)
        for path, cards in readable:
            try:
                with mapped_file(path) as data:
                    report.add(self._import_one(path, data, progress, cancelled, done, total))
            except OSError as exc:  # gone or changed between counting and importing
                report.files_failed.append((printable_path(path), exc.strerror or str(exc)))
            done += cards
        return report

    def import_bytes(self, data: bytes, name: str = "") -> ImportReport:
        return self._import_one(Path(name or "input.vcf"), data, None, None, 0, 0)

    def _import_one(
        self,
        path: Path,
        data: bytes | mmap.mmap,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
        done_before: int,
        total: int,
    ) -> ImportReport:
        name = printable_name(path)
        cards = iter_cards(data, name)
        source = f"vcard:{name}"
        return self.import_contacts(cards, source, progress, cancelled, done_before, total)

    def import_contacts(
        self,
        items: Iterable[Contact | CardProblem],
        source: str,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        done_before: int = 0,
        total: int = 0,
        finish: Callable[[object, ImportReport], None] | None = None,
    ) -> ImportReport:
        """Import contacts another reader made (CSV rows...) exactly as vCard cards are:
        same matching, same report, one transaction. ``finish(conn, report)`` runs in that
        transaction after the last batch (the CSV importer adds first interactions there).
        Items that are not Contacts are problems with ``skipped`` (the vCard shape)."""
        cards_seen = 0
        with storage_errors(), self.db.engine.begin() as conn:
            job = _FileImport(conn, source=source)
            batch: list[Contact] = []
            for item in items:
                if not isinstance(item, Contact):
                    job.report.problems.append(item)
                    if item.skipped:
                        job.report.skipped += 1
                        cards_seen += 1
                    continue
                batch.append(item)
                cards_seen += 1
                if len(batch) >= BATCH:
                    job.run_batch(batch)
                    batch = []
                    if cancelled and cancelled():
                        raise ImportCancelled()
                    if progress:
                        progress(done_before + cards_seen, total)
            if batch:
                job.run_batch(batch)
            if cancelled and cancelled():
                raise ImportCancelled()
            if finish is not None:
                finish(conn, job.report)
        if progress:
            progress(done_before + cards_seen, total)
        return job.report

    # -- export -------------------------------------------------------------------------------
    # Exports read through plain sqlite3 (store.reading): no SQLAlchemy import, no per-row
    # result processing; a whole 10k-card export process takes a quarter of vobject's time.
    def _ids(self, ids: Sequence[int] | None, tag: str | None) -> list[int]:
        if ids is not None:
            return list(ids)
        con = self.db.connect_raw()
        try:
            with storage_errors():
                if tag is not None and not reading.tag_exists(con, tag):
                    raise NotFoundError(f"no tag “{tag}”")
                return reading.all_ids(con, tag)
        finally:
            con.close()

    def _contacts(self, ids: list[int], plain: bool = False) -> Iterator[Contact]:
        con = self.db.connect_raw()
        try:
            for start in range(0, len(ids), BATCH):
                with storage_errors():
                    chunk = reading.load_contacts(con, ids[start : start + BATCH])
                    last = {} if plain else last_contact_times(con, [c.id for c in chunk])
                for c in chunk:
                    c.last_contact = last.get(c.id)  # type: ignore[arg-type]
                yield from chunk
        finally:
            con.close()

    def export_text(
        self,
        ids: Sequence[int] | None = None,
        tag: str | None = None,
        version: str = "3.0",
        notes: list[str] | None = None,
        plain: bool = False,
    ) -> str:
        """The vCard text; ``notes`` (when given) receives what the export had to leave out
        or change (kept lines with no valid form in ``version``), one line each. ``plain``
        leaves out netdesk's own X-NETDESK-* properties."""
        contacts = self._contacts(self._ids(ids, tag), plain)
        return "".join(write_vcards(contacts, version, notes, plain))

    def export(
        self,
        path: Path | str,
        ids: Sequence[int] | None = None,
        tag: str | None = None,
        version: str = "3.0",
        notes: list[str] | None = None,
        plain: bool = False,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """Write a .vcf file (atomically: a failed write or a cancel leaves any old file as
        it was, and no partial file). ``notes`` and ``plain`` as for ``export_text``;
        ``progress(done, total)`` and ``cancelled()`` are called every ``EXPORT_STEP`` cards
        (a worker thread runs a big export: pure Python, no Qt)."""
        if version not in ("3.0", "4.0"):
            raise ServiceError(f"vCard version {version} is not supported (use 3.0 or 4.0)")
        chosen = self._ids(ids, tag)
        total = len(chosen)
        path = Path(path)
        if progress:
            progress(0, total)
        try:
            with atomic_text_writer(path) as out:
                cards = write_vcards(self._contacts(chosen, plain), version, notes, plain)
                for done, text in enumerate(cards, 1):
                    out.write(text)
                    if done % EXPORT_STEP == 0:
                        if cancelled and cancelled():
                            raise ExportCancelled()  # the writer removes its temporary
                        if progress:
                            progress(done, total)
                if cancelled and cancelled():
                    raise ExportCancelled()
        except OSError as exc:
            raise ServiceError(f"could not write {path}: {exc.strerror or exc}") from exc
        if progress:
            progress(total, total)
        return total
