"""Tags as a whole: rename, merge, delete, and one tag added to or taken from many contacts.

Built for 100,000 contacts at once: every step is one statement over a JSON array of ids
(``json_each``), or one ``executemany`` of precomputed rows, never a statement per contact
through the contact writer. A contact's tags live in three places, kept in step here:
``contact_tags`` (the links), ``contacts.list_tags`` (the table's column) and the search
index (``contacts_fts``, whose body holds each tag, folded, on a line of its own: tags are
searched, so a tag change has to rewrite the document); ``updated_at`` is bumped so a sync
sends the changed cards.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence

from sqlalchemy import Connection

from netdesk.domain.clock import system_now
from netdesk.domain.tags import Tag
from netdesk.domain.text import fold
from netdesk.store.contacts import LIST_SEP, db_time
from netdesk.store.fts import searchable

_IDS = "(SELECT value FROM json_each(?))"
# Contacts rewritten per statement batch; between batches the ``tick`` hook reports progress
# (and may raise to cancel: the caller's transaction then rolls back).
CHUNK = 5000
Tick = Callable[[int, int], None]


def _ids(ids: Sequence[int]) -> str:
    return json.dumps([int(i) for i in ids])


def _is_tag_line(line: str, key: str) -> bool:
    """Whether ``line`` folds to ``key``; an ASCII line of another length never does, and
    is not lowered at all (most lines of most documents)."""
    if line.isascii():
        return len(line) == len(key) and line.lower() == key
    return line == key or fold(line) == key


def body_with(body: str, add: Sequence[str] = (), drop: Sequence[str] = ()) -> str:
    """A search document with the tags ``drop`` taken out and ``add`` put in.

    Only the words count (queries match words, not phrases), so lines are taken out and
    appended wherever they are. Every line is ASCII or folded (fts.searchable), and so is
    each tag's line. One line per tag is removed (matched folded, as tags are): a note's
    line that reads the same holds the same words, so the words left are those of a
    rebuilt document."""
    lines = body.split("\n")
    for name in drop:
        key = fold(name)
        for i, line in enumerate(lines):
            if _is_tag_line(line, key):
                del lines[i]
                break
    lines += [searchable(name) for name in add]
    return "\n".join(line for line in lines if line)


class TagRepository:
    def __init__(self, conn: Connection, tick: Tick | None = None) -> None:
        self.conn = conn
        self.raw: sqlite3.Connection = conn.connection.driver_connection  # type: ignore[assignment]
        self.tick = tick

    # -- tags ---------------------------------------------------------------------------------
    def find(self, name: str) -> Tag | None:
        """The tag called ``name``, matched case- and accent-insensitively."""
        key = fold(name)
        for tid, tag_name, days in self.raw.execute(
                "SELECT id, name, keep_in_touch_days FROM tags ORDER BY id"):
            if fold(tag_name) == key:
                return Tag(tid, tag_name, days)
        return None

    def create(self, name: str, tag_id: int | None = None, days: int | None = None) -> Tag:
        """A new tag; under ``tag_id`` when given and free (an undo puts a tag back)."""
        if tag_id is not None and self.raw.execute(
                "SELECT 1 FROM tags WHERE id = ?", (tag_id,)).fetchone() is None:
            self.raw.execute("INSERT INTO tags (id, name, keep_in_touch_days) VALUES (?, ?, ?)",
                             (tag_id, name, days))
            return Tag(tag_id, name, days)
        cur = self.raw.execute("INSERT INTO tags (name, keep_in_touch_days) VALUES (?, ?)",
                               (name, days))
        return Tag(int(cur.lastrowid or 0), name, days)

    def members(self, tag_id: int, among: Sequence[int] | None = None) -> list[int]:
        """Who has the tag (of ``among`` when given), by id."""
        if among is None:
            rows = self.raw.execute(
                "SELECT contact_id FROM contact_tags WHERE tag_id = ? ORDER BY contact_id",
                (tag_id,))
        else:
            rows = self.raw.execute(
                f"SELECT contact_id FROM contact_tags WHERE tag_id = ? AND contact_id IN {_IDS}"
                " ORDER BY contact_id", (tag_id, _ids(among)))
        return [cid for (cid,) in rows]

    def count(self, tag_id: int) -> int:
        return self.raw.execute("SELECT COUNT(*) FROM contact_tags WHERE tag_id = ?",
                                (tag_id,)).fetchone()[0]

    def rename(self, tag: Tag, new_name: str) -> list[int]:
        """Give ``tag`` another name (not one another tag has); returns who has it."""
        members = self.members(tag.id)
        self.raw.execute("UPDATE tags SET name = ? WHERE id = ?", (new_name, tag.id))
        self._refresh(members, add=[new_name], drop=[tag.name])
        return members

    def delete(self, tag: Tag) -> list[int]:
        """Delete the tag, taking it from everyone; returns who had it."""
        members = self.unlink(tag, self.members(tag.id))
        self.raw.execute("DELETE FROM tags WHERE id = ?", (tag.id,))
        return members

    # -- links --------------------------------------------------------------------------------
    def link(self, tag: Tag, ids: Sequence[int]) -> list[int]:
        """Give ``tag`` to the contacts ``ids`` (those that exist); returns who got it now
        (not those who had it already)."""
        if not ids:
            return []
        had = set(self.members(tag.id, ids))
        alive = [cid for (cid,) in self.raw.execute(
            f"SELECT id FROM contacts WHERE id IN {_IDS} ORDER BY id", (_ids(ids),))]
        new = [cid for cid in alive if cid not in had]
        if new:
            self.raw.execute(
                f"INSERT INTO contact_tags (contact_id, tag_id) SELECT value, ? FROM {_IDS}",
                (tag.id, _ids(new)))
            self._refresh(new, add=[tag.name])
        return new

    def unlink(self, tag: Tag, ids: Sequence[int]) -> list[int]:
        """Take ``tag`` from the contacts ``ids``; returns who had it."""
        if not ids:
            return []
        had = self.members(tag.id, ids)
        if had:
            self.raw.execute(
                f"DELETE FROM contact_tags WHERE tag_id = ? AND contact_id IN {_IDS}",
                (tag.id, _ids(had)))
            self._refresh(had, drop=[tag.name])
        return had

    # -- the two copies of a contact's tags ---------------------------------------------------
    def _refresh(self, ids: Sequence[int], add: Sequence[str] = (),
                 drop: Sequence[str] = ()) -> None:
        """Rewrite ``list_tags`` from the links, and the search document's tag lines, a
        batch of ``CHUNK`` contacts at a time (``tick`` after each)."""
        for start in range(0, len(ids), CHUNK):
            self._refresh_chunk(ids[start:start + CHUNK], add, drop)
            if self.tick is not None:
                self.tick(min(start + CHUNK, len(ids)), len(ids))

    def _refresh_chunk(self, ids: Sequence[int], add: Sequence[str],
                       drop: Sequence[str]) -> None:
        packed = _ids(ids)
        names: dict[int, list[str]] = {int(cid): [] for cid in ids}
        for cid, name in self.raw.execute(
                f"SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t "
                f"ON t.id = ct.tag_id WHERE ct.contact_id IN {_IDS}", (packed,)):
            names[cid].append(name)
        now = db_time(system_now())
        self.raw.executemany(
            "UPDATE contacts SET list_tags = ?, updated_at = ? WHERE id = ?",
            [(LIST_SEP.join(sorted(tags, key=str.casefold)), now, cid)
             for cid, tags in names.items()])
        bodies = self.raw.execute(
            f"SELECT rowid, body FROM contacts_fts WHERE rowid IN {_IDS}", (packed,)).fetchall()
        self.raw.executemany(
            "UPDATE contacts_fts SET body = ? WHERE rowid = ?",
            [(body_with(body, add, drop), rowid) for rowid, body in bodies])
