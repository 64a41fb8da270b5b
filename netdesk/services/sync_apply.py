"""Writing what a sync learned into the local store: one transaction per batch of cards.

Every change to a contact and to its sync link happens in the same transaction, so a sync
killed between two batches leaves each contact either fully updated (with its new etag) or
untouched (and fetched again next time).
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import closing

from netdesk.domain.clock import Clock
from netdesk.domain.contact import Contact
from netdesk.domain.snapshot import contact_from_json
from netdesk.services import sync_cards
from netdesk.store import merges, reading, sync_state
from netdesk.store.db import Database
from netdesk.store.sync_state import Account, Conflict, SyncItem
from netdesk.sync.merge import LIST_FIELDS, merge_contacts


def _server_uid(text: str) -> str:
    for line in text.splitlines():
        head = line[:4].upper()
        if head in ("UID:", "UID;") and ":" in line:
            return line.split(":", 1)[1].strip() if head == "UID;" else line[4:].strip()
    return ""


class Applier:
    def __init__(self, database: Database, account: Account, report, clock: Clock) -> None:
        self.db = database
        self.account = account
        self.report = report
        self.clock = clock
        self.dirty = 0  # cards whose merge the server does not hold yet
        self.folded = 0  # cards of merged-away contacts folded into their survivor

    @property
    def _aid(self) -> int:
        return self.account.id or 0

    def render(self, contact: Contact) -> str:
        return sync_cards.render(contact, self.account.preferred_version or "3.0")

    def fingerprint(self, text: str) -> str:
        return sync_cards.fingerprint(text)

    def _begin(self):
        return self.db.engine.begin()

    # -- links --------------------------------------------------------------------------------
    def forget(self, hrefs: Iterable[str]) -> None:
        with self._begin() as conn:
            sync_state.drop_items(conn.connection.driver_connection, self._aid, list(hrefs))

    def touch(self, href: str, contact: Contact) -> None:
        with self._begin() as conn:
            raw = conn.connection.driver_connection
            stamp = sync_state.updated_at(raw, [contact.id or 0]).get(contact.id or 0, "")
            sync_state.set_local_updated(raw, self._aid, href, stamp)

    def record(
        self, href: str, etag: str, server_text: str, contact: Contact, reload: bool = False
    ) -> None:
        """Remember that ``href`` now holds ``server_text`` and matches local ``contact``."""
        with self._begin() as conn:
            raw = conn.connection.driver_connection
            if reload and contact.id is not None:
                found = reading.load_contacts(raw, [contact.id])
                contact = found[0] if found else contact
            self._link(raw, href, etag, server_text, contact)

    def _link(
        self, raw, href: str, etag: str, server_text: str, contact: Contact, stamp: str = ""
    ) -> None:
        if not stamp:
            stamp = sync_state.updated_at(raw, [contact.id or 0]).get(contact.id or 0, "")
        sync_state.put_item(
            raw,
            self._aid,
            SyncItem(
                href=href,
                etag=etag,
                server_uid=_server_uid(server_text),
                contact_id=contact.id or 0,
                contact_uid=contact.uid,
                synced_text=server_text,
                local_updated=stamp,
                local_hash=self.fingerprint(self.render(contact)),
            ),
        )

    # -- merging ------------------------------------------------------------------------------
    def _merge(
        self, conn, base: Contact | None, local: Contact, server: Contact, server_text: str
    ) -> tuple[Contact, bool, bool]:
        """Merge and write the result locally; returns it, whether the server needs it and
        whether the local contact changed."""
        from netdesk.store.contacts import ContactRepository

        result = merge_contacts(base, local, server)
        merged = result.contact
        changed = self.fingerprint(self.render(merged)) != self.fingerprint(
            self.render(local)
        ) or _local_only_differs(merged, local)
        if changed:
            ContactRepository(conn).update(merged)
        raw = conn.connection.driver_connection
        for c in result.conflicts:
            sync_state.add_conflict(
                raw,
                Conflict(
                    0,
                    self._aid,
                    local.id or 0,
                    c.field,
                    c.local_value,
                    c.server_value,
                    server_text,
                    self.clock.now().isoformat(timespec="seconds"),
                ),
            )
            self.report.conflicts.append(
                {
                    "contact_id": local.id,
                    "name": local.display_name,
                    "field": c.field,
                    "local": c.local_value,
                    "server": c.server_value,
                }
            )
        ours = self.fingerprint(self.render(merged))
        theirs = self.fingerprint(self.render(sync_cards.adopt(server, local)))
        return merged, ours != theirs, changed

    def merge_into_local(
        self, href: str, local: Contact, base_text: str | None, server_text: str
    ) -> Contact | None:
        """After a 412: merge the server's card into ``local``. Returns what to write back,
        or None when the server already holds it."""
        server = sync_cards.parse_card(server_text)
        if server is None:
            return local  # unreadable on the server: ours replaces it
        with self._begin() as conn:
            merged, server_needs_it, _changed = self._merge(
                conn, _parsed(base_text), local, server, server_text
            )
        return merged if server_needs_it else None

    # -- pulling ------------------------------------------------------------------------------
    def apply_server_cards(self, batch: dict[str, tuple[str, str]]) -> None:
        """Apply one multiget batch in one transaction; new cards are inserted together."""
        from netdesk.store.contacts import ContactRepository

        with self._begin() as conn:
            raw = conn.connection.driver_connection
            known = sync_state.items_for(raw, self._aid, batch)
            new: list[tuple[str, str, str, Contact]] = []
            for href, (etag, text) in batch.items():
                server = sync_cards.parse_card(text)
                if server is None:
                    self.report.errors.append(f"{href}: the server's card cannot be read")
                    continue
                item = known.get(href)
                local = self._linked_contact(raw, item) if item else None
                if local is None and item is None:
                    local = self._unlinked_same_uid(raw, server)
                if local is None and self._fold_merged_away(conn, href, etag, text, item, server):
                    continue
                if local is None:
                    server.id = None
                    new.append((href, etag, text, server))
                    continue
                base = _parsed(item.synced_text if item else None)
                _merged, dirty, _changed = self._merge(conn, base, local, server, text)
                self.report.updated_local += 1
                stored = reading.load_contacts(raw, [local.id or 0])[0]
                self._link(raw, href, etag, text, stored)
                if dirty:
                    sync_state.mark_dirty(raw, self._aid, href)
                    self.dirty += 1
            ids = ContactRepository(conn).add_many(card for *_rest, card in new)
            stamps = sync_state.updated_at(raw, ids)
            for (href, etag, text, _card), stored in zip(
                new, reading.load_contacts(raw, ids), strict=True
            ):
                self._link(raw, href, etag, text, stored, stamps.get(stored.id or 0, ""))
            self.report.downloaded += len(new)

    def _fold_merged_away(
        self, conn, href: str, etag: str, text: str, item: SyncItem | None, server: Contact
    ) -> bool:
        """The card of a contact merged away here (its UID is now an alias of the survivor):
        what the server changed on it since goes into the survivor, and the card is linked to
        no contact, so the sync deletes it on the server (``SyncRun._push_deletes``). Deleted,
        not rewritten as the survivor: a phone would then show the person twice, under two
        UIDs. False when the card is no merged-away contact's."""
        raw = conn.connection.driver_connection
        uid = server.uid or (item.contact_uid if item else "")
        found = merges.ids_by_alias(raw, {uid, item.contact_uid if item else ""} - {""})
        survivors = reading.load_contacts(raw, sorted(set(found.values())))
        if not survivors:
            return False
        survivor = survivors[0]
        # The base: the card as last synced, else the contact as it was when merged away.
        base = _parsed(item.synced_text if item else None)
        if base is None:
            snapshot = merges.merged_away_json(raw, uid)
            base = contact_from_json(snapshot) if snapshot else None
        if base is not None:
            # Lists only grow: an item missing from the old card may be the survivor's own.
            for name in LIST_FIELDS:
                setattr(base, name, [])
        if self._merge(conn, base, survivor, server, text)[2]:
            self.report.updated_local += 1
            self.dirty += 1
        sync_state.put_item(
            raw,
            self._aid,
            SyncItem(href, etag, _server_uid(text), 0, uid, text, "", ""),
        )
        self.folded += 1
        return True

    def merged_away(self, items: list[SyncItem]) -> set[str]:
        """Hrefs of ``items`` that are cards of merged-away contacts (deleting them on the
        server loses nothing: the survivor holds what they held)."""
        with closing(self.db.connect_raw()) as con:
            aliases = merges.ids_by_alias(con, [i.contact_uid for i in items])
        return {i.href for i in items if i.contact_uid in aliases}

    def _linked_contact(self, raw, item: SyncItem) -> Contact | None:
        found = reading.load_contacts(raw, [item.contact_id])
        return found[0] if found and found[0].uid == item.contact_uid else None

    def _unlinked_same_uid(self, raw, server: Contact) -> Contact | None:
        """A local contact with the card's UID not yet linked to any card (the same vCard
        imported on both sides before the first sync): link instead of duplicating."""
        cid = reading.ids_by_uid(raw, [server.uid]).get(server.uid) if server.uid else None
        if cid is None or sync_state.item_for_contact(raw, self._aid, cid) is not None:
            return None
        found = reading.load_contacts(raw, [cid])
        return found[0] if found else None

    def apply_removals(self, hrefs: list[str]) -> None:
        from netdesk.store.contacts import ContactRepository

        if not hrefs:
            return
        with self._begin() as conn:
            raw = conn.connection.driver_connection
            for href, item in sync_state.items_for(raw, self._aid, hrefs).items():
                local = self._linked_contact(raw, item)
                if local is not None:
                    if self.fingerprint(self.render(local)) != item.local_hash:
                        # Edited here while deleted there: keep it; it is sent again as new.
                        self.report.errors.append(
                            f"{local.display_name}: deleted on the server but edited here; kept"
                        )
                    else:
                        ContactRepository(conn).delete([local.id or 0])
                        self.report.deleted_local += 1
                sync_state.drop_items(raw, self._aid, [href])

    def finish(self, token: str, capabilities: str) -> None:
        stamp = self.clock.now().isoformat(timespec="seconds")
        with self._begin() as conn:
            sync_state.save_progress(
                conn.connection.driver_connection, self._aid, token, capabilities, stamp
            )
        self.account.sync_token = token
        self.account.capabilities = capabilities


def _parsed(card_text: str | None) -> Contact | None:
    return sync_cards.parse_card(card_text) if card_text else None


def _local_only_differs(merged: Contact, local: Contact) -> bool:
    # Fields no vCard carries (yet) must still be written when the merge changed them.
    fields = ("met_event", "met_event_kind", "met_note", "keep_in_touch_days", "tags")
    return any(getattr(merged, f) != getattr(local, f) for f in fields)


def conflicts_for(database: Database, contact_id: int | None = None) -> list[Conflict]:
    with closing(database.connect_raw()) as con:
        return sync_state.conflicts(con, contact_id)
