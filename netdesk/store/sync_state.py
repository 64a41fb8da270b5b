"""SQL for CardDAV sync: accounts, the per-card link between a book and the local store, and
conflicts. Every function takes a DB-API sqlite3 connection (the one under a SQLAlchemy
``Connection`` too, so it runs inside the caller's transaction)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_ACCOUNT_COLUMNS = (
    "id, name, server_url, username, book_url, insecure_http, sync_token, capabilities, "
    "preferred_version, last_sync"
)


@dataclass
class Account:
    id: int | None
    name: str
    server_url: str
    username: str
    book_url: str
    insecure_http: bool = False
    sync_token: str = ""
    capabilities: str = ""
    preferred_version: str = "3.0"
    last_sync: str = ""


@dataclass
class SyncItem:
    href: str
    etag: str
    server_uid: str
    contact_id: int
    contact_uid: str
    synced_text: str
    local_updated: str
    local_hash: str


@dataclass
class Conflict:
    id: int
    account_id: int
    contact_id: int
    field: str
    local_value: str
    server_value: str
    server_card: str
    created_at: str


def accounts(con: sqlite3.Connection) -> list[Account]:
    rows = con.execute(f"SELECT {_ACCOUNT_COLUMNS} FROM sync_accounts ORDER BY name")
    return [Account(*r[:5], bool(r[5]), *r[6:]) for r in rows]


def account(con: sqlite3.Connection, name: str) -> Account | None:
    for a in accounts(con):
        if a.name == name:
            return a
    return None


def add_account(con: sqlite3.Connection, a: Account) -> int:
    cur = con.execute(
        "INSERT INTO sync_accounts (name, server_url, username, book_url, insecure_http, "
        "sync_token, capabilities, preferred_version, last_sync) VALUES (?,?,?,?,?,?,?,?,?)",
        (
            a.name,
            a.server_url,
            a.username,
            a.book_url,
            a.insecure_http,
            a.sync_token,
            a.capabilities,
            a.preferred_version,
            a.last_sync,
        ),
    )
    return int(cur.lastrowid or 0)


def remove_account(con: sqlite3.Connection, account_id: int) -> None:
    # Children by hand as well: the FK cascade needs foreign_keys=ON, which every netdesk
    # connection sets, but a user's sqlite3 shell would not.
    for table in ("sync_items", "sync_conflicts"):
        con.execute(f"DELETE FROM {table} WHERE account_id=?", (account_id,))
    con.execute("DELETE FROM sync_accounts WHERE id=?", (account_id,))


def save_progress(
    con: sqlite3.Connection, account_id: int, token: str, capabilities: str, last_sync: str
) -> None:
    con.execute(
        "UPDATE sync_accounts SET sync_token=?, capabilities=?, last_sync=? WHERE id=?",
        (token, capabilities, last_sync, account_id),
    )


def forget_token(con: sqlite3.Connection, account_id: int) -> None:
    con.execute("UPDATE sync_accounts SET sync_token='' WHERE id=?", (account_id,))


# -- items ------------------------------------------------------------------------------------
_ITEM_COLUMNS = (
    "href, etag, server_uid, contact_id, contact_uid, synced_text, local_updated, local_hash"
)


def items(con: sqlite3.Connection, account_id: int) -> dict[str, SyncItem]:
    rows = con.execute(f"SELECT {_ITEM_COLUMNS} FROM sync_items WHERE account_id=?", (account_id,))
    return {r[0]: SyncItem(*r) for r in rows}


def etags(con: sqlite3.Connection, account_id: int) -> dict[str, str]:
    rows = con.execute("SELECT href, etag FROM sync_items WHERE account_id=?", (account_id,))
    return dict(rows.fetchall())


def count_items(con: sqlite3.Connection, account_id: int) -> int:
    sql = "SELECT COUNT(*) FROM sync_items WHERE account_id=?"
    return con.execute(sql, (account_id,)).fetchone()[0]


def items_for(
    con: sqlite3.Connection, account_id: int, hrefs: Iterable[str]
) -> dict[str, SyncItem]:
    out: dict[str, SyncItem] = {}
    wanted = list(hrefs)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = con.execute(
            f"SELECT {_ITEM_COLUMNS} FROM sync_items WHERE account_id=? "
            f"AND href IN ({','.join('?' * len(chunk))})",
            (account_id, *chunk),
        )
        out.update({r[0]: SyncItem(*r) for r in rows})
    return out


def put_item(con: sqlite3.Connection, account_id: int, item: SyncItem) -> None:
    con.execute(
        f"INSERT OR REPLACE INTO sync_items (account_id, {_ITEM_COLUMNS}) "
        "VALUES (?,?,?,?,?,?,?,?,?)",
        (
            account_id,
            item.href,
            item.etag,
            item.server_uid,
            item.contact_id,
            item.contact_uid,
            item.synced_text,
            item.local_updated,
            item.local_hash,
        ),
    )


def drop_items(con: sqlite3.Connection, account_id: int, hrefs: Iterable[str]) -> None:
    con.executemany(
        "DELETE FROM sync_items WHERE account_id=? AND href=?",
        [(account_id, h) for h in hrefs],
    )


def mark_dirty(con: sqlite3.Connection, account_id: int, href: str) -> None:
    """Make the next sync push this card again (its local hash no longer matches)."""
    con.execute(
        "UPDATE sync_items SET local_updated='', local_hash='' WHERE account_id=? AND href=?",
        (account_id, href),
    )


def set_local_updated(con: sqlite3.Connection, account_id: int, href: str, stamp: str) -> None:
    """The local contact behind ``href`` is as synced as of its ``updated_at`` ``stamp``."""
    con.execute(
        "UPDATE sync_items SET local_updated=? WHERE account_id=? AND href=?",
        (stamp, account_id, href),
    )


def contacts_changed_since_sync(con: sqlite3.Connection, account_id: int) -> list[int]:
    """Local contacts never synced with this account, or whose updated_at moved since."""
    rows = con.execute(
        "SELECT c.id FROM contacts c LEFT JOIN sync_items s "
        "ON s.account_id=? AND s.contact_id=c.id AND s.contact_uid=c.uid "
        "WHERE s.id IS NULL OR s.local_updated != c.updated_at",
        (account_id,),
    )
    return [r[0] for r in rows]


def items_without_contact(con: sqlite3.Connection, account_id: int) -> list[SyncItem]:
    """Links whose local contact is gone (deleted here since the last sync)."""
    rows = con.execute(
        f"SELECT {', '.join('s.' + c.strip() for c in _ITEM_COLUMNS.split(','))} "
        "FROM sync_items s LEFT JOIN contacts c ON c.id=s.contact_id AND c.uid=s.contact_uid "
        "WHERE s.account_id=? AND c.id IS NULL",
        (account_id,),
    )
    return [SyncItem(*r) for r in rows]


def item_for_contact(con: sqlite3.Connection, account_id: int, contact_id: int) -> SyncItem | None:
    row = con.execute(
        f"SELECT {_ITEM_COLUMNS} FROM sync_items WHERE account_id=? AND contact_id=?",
        (account_id, contact_id),
    ).fetchone()
    return SyncItem(*row) if row else None


def updated_at(con: sqlite3.Connection, ids: Sequence[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        rows = con.execute(
            f"SELECT id, updated_at FROM contacts WHERE id IN ({','.join('?' * len(chunk))})",
            chunk,
        )
        out.update(dict(rows.fetchall()))
    return out


def count_contacts(con: sqlite3.Connection) -> int:
    return con.execute("SELECT COUNT(*) FROM contacts").fetchone()[0]


# -- conflicts --------------------------------------------------------------------------------
def add_conflict(con: sqlite3.Connection, c: Conflict) -> None:
    # A newer disagreement about the same field replaces the older record.
    con.execute(
        "DELETE FROM sync_conflicts WHERE account_id=? AND contact_id=? AND field=?",
        (c.account_id, c.contact_id, c.field),
    )
    con.execute(
        "INSERT INTO sync_conflicts (account_id, contact_id, field, local_value, server_value, "
        "server_card, created_at) VALUES (?,?,?,?,?,?,?)",
        (
            c.account_id,
            c.contact_id,
            c.field,
            c.local_value,
            c.server_value,
            c.server_card,
            c.created_at,
        ),
    )


def conflicts(con: sqlite3.Connection, contact_id: int | None = None) -> list[Conflict]:
    sql = (
        "SELECT id, account_id, contact_id, field, local_value, server_value, server_card, "
        "created_at FROM sync_conflicts"
    )
    if contact_id is None:
        rows = con.execute(sql + " ORDER BY id")
    else:
        rows = con.execute(sql + " WHERE contact_id=? ORDER BY id", (contact_id,))
    return [Conflict(*r) for r in rows]


def drop_conflict(con: sqlite3.Connection, conflict_id: int) -> None:
    con.execute("DELETE FROM sync_conflicts WHERE id=?", (conflict_id,))
