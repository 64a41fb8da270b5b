"""Duplicate use cases: find pairs and groups, remember "not the same person", and the
editor's check "Amara Okafor already has this e-mail — open her instead?".

The finder reads the whole store through plain sqlite3 (store/duplicates.py) and runs
without Qt, so the GUI can run it in a BackgroundJob worker thread.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

# The finder (with phonenumbers and rapidfuzz) is imported on first use: a sixth of the
# window's start-up went to importing it (python -X importtime), and the warm-up thread
# imports it before the first search (app._warm_up_imports).
from netdesk.dedupe.pacing import pacing
from netdesk.domain.contact import Contact
from netdesk.domain.matching import (
    MAX_CONTACTS_PER_STRONG_KEY,
    likely_same_contact,
    match_keys,
)
from netdesk.services.errors import (
    NotFoundError,
    ServiceError,
    ValidationError,
    storage_errors,
)
from netdesk.store import duplicates as dup_store
from netdesk.store import reading
from netdesk.store.db import Database

if TYPE_CHECKING:
    from netdesk.dedupe.finder import DuplicateFinder, DuplicateGroup, DuplicatePair

__all__ = ["DuplicateService", "KeyOwner", "Suggestions", "pacing"]


@dataclass(frozen=True, slots=True)
class KeyOwner:
    """Someone else who has one of a contact's e-mails or phones."""

    id: int
    name: str
    shared: tuple[str, ...]
    same_person: bool  # by the one rule: would an import have merged them?


@dataclass(frozen=True, slots=True)
class Suggestions:
    pairs: list[DuplicatePair]
    names: dict[int, str]  # display name of every contact in ``pairs``
    found: int  # how many pairs there are; ``pairs`` may hold only the best of them


def load_finder() -> None:
    """Import the finder now (the warm-up thread does, before the first search)."""
    import netdesk.dedupe.finder  # noqa: F401


class DuplicateService:
    def __init__(self, database: Database, region: str | None = None) -> None:
        self.db = database
        self._region = region
        self._finder: DuplicateFinder | None = None

    @property
    def finder(self) -> DuplicateFinder:
        finder = self._finder
        if finder is None:  # two threads may both make one: the same, and harmless
            from netdesk.dedupe.finder import DuplicateFinder

            finder = self._finder = DuplicateFinder(self._region)
        return finder

    def set_region(self, region: str | None) -> None:
        """The region of national phone numbers from now on (None: $NETDESK_PHONE_REGION or
        the locale's); a search already running keeps the one it started with."""
        self._region, self._finder = region, None

    def pairs(self, tier: str | None = None) -> list[DuplicatePair]:
        """Duplicate pairs, best first; only ``tier`` when given. Safe off the GUI thread."""
        return self.suggestions(tier).pairs

    def suggestions(self, tier: str | None = None, limit: int | None = None) -> Suggestions:
        """The pairs with the names to show, only the best ``limit`` when given (``total``
        then says how many were found); safe off the GUI thread (own connection)."""
        from netdesk.dedupe.finder import TIERS, paused_gc, people_from_rows, release

        finder = self.finder
        if tier is not None and tier not in TIERS:
            raise ValidationError(f"unknown tier {tier!r} (use {', '.join(TIERS)})")
        con = self.db.connect_raw()
        try:
            with storage_errors(), paused_gc():
                names, values = dup_store.name_rows(con), dup_store.value_rows(con)
                people = people_from_rows(names, values)
                release(names, values)
                not_same = dup_store.not_duplicate_pairs(con)
                if limit is not None and tier is None:
                    # The rest die on this thread, a slice at a time: a million pairs handed
                    # to the GUI thread cost it 4 s of garbage collection when the job
                    # ended (each walked by a young and a middle collection, ui/gui_gc.py).
                    chosen, total = finder.find_best(people, limit, not_same)
                else:
                    found = finder.find(people, not_same)
                    chosen = [p for p in found if tier is None or p.tier == tier]
                    total = len(chosen)
                    release(found)
                    if limit is not None:
                        rest = chosen[limit:]
                        del chosen[limit:]  # the pairs live on in rest: no freeing here
                        release(rest)
        finally:
            con.close()
        ids = {i for p in chosen for i in (p.first_id, p.second_id)}
        shown = {i: people[i].display for i in ids}
        release(people)  # a slice at a time: the GUI thread may want the GIL meanwhile
        return Suggestions(chosen, shown, total)

    @staticmethod
    def can_search_in_child() -> bool:
        """Whether ``suggestions_in_child`` can start a process (a frozen build has no
        ``-m``: it searches in its own process, as before)."""
        return not getattr(sys, "frozen", False)

    def suggestions_in_child(self, limit: int, cancelled: Callable[[], bool] = lambda: False
                             ) -> Suggestions:
        """``suggestions(limit=limit)`` worked out by a process of its own
        (services/duplicates_child.py), so the finder's Python never holds this process's
        GIL. Blocks (call it off the GUI thread); ``cancelled()`` stops the child."""
        command = [sys.executable, "-m", "netdesk.services.duplicates_child",
                   str(self.db.path), self._region or "", str(limit)]
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            child = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
            try:
                while child.poll() is None:
                    if cancelled():
                        raise ServiceError("the search for duplicates was cancelled")
                    time.sleep(0.05)
            finally:
                if child.poll() is None:
                    child.kill()
                    child.wait()
            if child.returncode != 0:
                err.seek(0)
                last = err.read().decode("utf-8", "replace").strip().splitlines()[-1:]
                raise ServiceError("looking for duplicates failed: "
                                   + (last[0] if last else f"exit code {child.returncode}"))
            out.seek(0)
            data = json.load(out)
        from netdesk.dedupe.finder import DuplicatePair

        pairs = [DuplicatePair(a, b, tier, score, tuple(shared))
                 for a, b, tier, score, shared in data["pairs"]]
        return Suggestions(pairs, {int(i): n for i, n in data["names"].items()}, data["found"])

    def groups(self, tier: str | None = None) -> list[DuplicateGroup]:
        from netdesk.dedupe.finder import group_pairs

        return group_pairs(self.pairs(tier))

    def mark_not_same(self, first_id: int, second_id: int) -> None:
        """Remember that two contacts are different people; they are not suggested again."""
        if first_id == second_id:
            raise ValidationError("a contact is always the same person as itself")
        con = self.db.connect_raw()
        try:
            with storage_errors(), con:
                found = {c.id for c in reading.load_contacts(con, [first_id, second_id])}
                for cid in (first_id, second_id):
                    if cid not in found:
                        raise NotFoundError(f"no contact with id {cid}")
                dup_store.add_not_duplicate(con, first_id, second_id)
        finally:
            con.close()

    def key_owners(self, contact: Contact) -> list[KeyOwner]:
        """Other contacts sharing an e-mail or phone with ``contact`` (new or edited), for
        the editor's warning; ``same_person`` says whether the one rule calls them the same.
        Phones compare in E.164 with the finder's region, as the Duplicates view does:
        "030 1234567" is "+49 30 1234567" in Germany.
        """
        phone_key = self.finder.phone_key
        keys = match_keys(contact, phone_key)
        # The store indexes phones as plain digits: look each number up under every form it
        # may have been saved in, then compare what is found in E.164.
        forms = {form: k for k in keys.phones for form in phone_key.stored_forms(k)}
        con = self.db.connect_raw()
        try:
            with storage_errors():
                hits = reading.ids_by_match_key(con, "email", keys.emails)
                for form, found in reading.ids_by_match_key(con, "phone", forms).items():
                    hits.setdefault(forms[form], []).extend(found)
                ids = sorted({i for found in hits.values() for i in found} - {contact.id})
                others = reading.load_contacts(con, ids)
        finally:
            con.close()
        crowded = {k for k, found in hits.items() if len(set(found)) > MAX_CONTACTS_PER_STRONG_KEY}
        owners = []
        for other in others:
            other_keys = match_keys(other, phone_key)
            shared = keys.shared_with(other_keys)
            if shared:
                same = likely_same_contact(other, contact, crowded, (other_keys, keys))
                owners.append(KeyOwner(other.id, other.display_name, tuple(sorted(shared)), same))
        owners.sort(key=lambda o: (not o.same_person, o.name.casefold(), o.id))
        return owners
