"""The duplicate finder: blocking on normalised keys, then the domain's rule and a score.

Comparing every pair of 100,000 contacts takes 15-32 minutes; blocking compares only
contacts that share a key (an e-mail, an E.164 phone, a profile URL, a loose e-mail; or a
name block together with a second signal), so the cost grows about linearly.

Tiers, per pair:
- ``same``: the domain's same-person rule (same UID, or a shared strong key and compatible
  names) — what the importer would have merged.
- ``likely``: a shared strong key with similar but not compatible names ("Bob"/"Robert"),
  or a shared loose e-mail (Gmail dots, ``+tags``) with compatible names.
- ``maybe``: compatible, near-identical names plus a second signal (same organisation, same
  company mail domain, a shared switchboard or role mailbox). A name alone is never enough.
"""

from __future__ import annotations

import contextlib
import gc
import heapq
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz.fuzz import token_sort_ratio

from netdesk.dedupe import pacing
from netdesk.dedupe.names import NameParts, comparable_name, name_blocks
from netdesk.dedupe.phones import PhoneKey
from netdesk.domain.contact import Contact, LabeledValue
from netdesk.domain.matching import (
    MAX_CONTACTS_PER_STRONG_KEY,
    MatchKeys,
    keys_from_values,
    likely_same_contact,
    loose_email,
    name_parts,
    name_parts_of,
    names_compatible,
    normalise_email,
)
from netdesk.domain.text import fold

TIERS = ("same", "likely", "maybe")
# A name-and-signal block bigger than this (50 "J. Smith" at one company) says too little.
MAX_NAME_BLOCK = 50
LIKELY_NAME_SIMILARITY = 50
MAYBE_NAME_SIMILARITY = 90
_FREE_MAIL = frozenset(
    "gmail.com googlemail.com yahoo.com yahoo.co.uk hotmail.com outlook.com live.com msn.com"  # noqa: SIM905
    " icloud.com me.com mac.com aol.com gmx.de gmx.net web.de t-online.de proton.me"
    " protonmail.com mail.ru yandex.ru qq.com 163.com fastmail.com hey.com orange.fr free.fr"
    " example.com example.org".split()
)


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    first_id: int
    second_id: int
    tier: str
    score: float  # 0..1, higher is surer; ranks pairs within a tier
    shared: tuple[str, ...]  # the keys or signals both have


def _pair_order(p: DuplicatePair) -> tuple:
    """Best first: tier, then score, then ids (a stable order for equal scores)."""
    return TIERS.index(p.tier), -p.score, p.first_id, p.second_id


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    ids: tuple[int, ...]
    tier: str
    score: float  # the weakest link of the group
    shared: tuple[str, ...]


class Person:
    """One contact as the finder reads it: names, organisation and raw key values. Much
    cheaper to make 100,000 of than ``Contact``; ``contact()`` builds one for the rule."""

    __slots__ = (
        "display",
        "emails",
        "family",
        "given",
        "id",
        "links",
        "more",
        "org",
        "phones",
        "suffix",
        "uid",
    )

    def __init__(self, row: Sequence) -> None:
        self.id, self.uid, self.display, self.family, self.given, self.more = row[:6]
        self.suffix, self.org = row[6], row[7]
        self.emails: list[str] = []
        self.phones: list[str] = []
        self.links: list[str] = []  # URLs and social profiles

    def contact(self) -> Contact:
        return Contact(
            display_name=self.display,
            id=self.id,
            uid=self.uid,
            family_name=self.family,
            given_name=self.given,
            additional_names=self.more,
            name_suffix=self.suffix,
            org=self.org,
            emails=[LabeledValue(e) for e in self.emails],
            phones=[LabeledValue(p) for p in self.phones],
            urls=[LabeledValue(u) for u in self.links],
        )


def people_from_rows(
    names: Iterable[Sequence], values: Iterable[tuple[int, str, str]]
) -> dict[int, Person]:
    """People from the store's finder rows (store/duplicates.py)."""
    people = {row[0]: Person(row) for row in names}
    lists = {"email": "emails", "phone": "phones", "url": "links", "social": "links"}
    for cid, kind, value in values:
        person = people.get(cid)
        if person is not None:
            getattr(person, lists[kind]).append(value)
    return people


def people_from_contacts(contacts: Iterable[Contact]) -> dict[int, Person]:
    """People from domain contacts (which must have ids)."""
    names = [
        (
            c.id,
            c.uid,
            c.display_name,
            c.family_name,
            c.given_name,
            c.additional_names,
            c.name_suffix,
            c.org,
        )
        for c in contacts
    ]
    values = [
        (c.id, kind, v.value)
        for c in contacts
        for kind, items in (
            ("email", c.emails),
            ("phone", c.phones),
            ("url", c.urls),
            ("social", c.social_profiles),
        )
        for v in items
    ]
    return people_from_rows(names, values)


class _Signals:
    """Per-contact keys, names and the weaker signals, built once for all contacts."""

    def __init__(self, people: dict[int, Person], phone_key: PhoneKey) -> None:
        self.keys: dict[int, MatchKeys] = {}
        self.strong: dict[int, frozenset[str]] = {}
        self.loose: dict[int, frozenset[str]] = {}
        self.weak: dict[int, set[str]] = {}  # org, company domain, role mailboxes
        self.parts: dict[int, NameParts] = {}
        pace = pacing.current()
        for i, (cid, p) in enumerate(people.items()):
            if not i % pacing.EVERY:
                pace()
            emails = [normalise_email(e) for e in p.emails]  # once: 130k addresses, no cache
            keys = keys_from_values(p.uid, emails, p.phones, p.links, phone_key)
            self.keys[cid] = keys
            self.strong[cid] = keys.strong()
            self.loose[cid] = frozenset(loose_email(e) for e in keys.emails)
            self.parts[cid] = name_parts_of(p.family, p.given, p.more, p.display)
            weak = {f"org:{fold(p.org)}"} if p.org else set()
            for email in emails:
                domain = email.rpartition("@")[2]
                if domain and domain not in _FREE_MAIL:
                    weak.add(f"domain:{domain}")
                if email not in keys.emails and domain:
                    weak.add(email)  # a role mailbox (info@): the match keys left it out
            self.weak[cid] = weak


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector off for the block. The finder makes ~1M small objects
    (keys, sets, blocks) and none of them form cycles, yet each allocation burst triggers
    full collections over everything alive: measured on 100k contacts, 6.0-6.7 s CPU with
    the collector, 3.3-3.9 s without. Reference counting still frees everything; the
    collector (process-wide, so the GUI's too) is back within seconds."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


RELEASE_STEP = 2000


def release(*containers: dict | set | list) -> None:
    """Empty big containers a slice at a time. Dropping a dict of 100,000 entries (each a set
    or a list) frees millions of objects in ONE C call that holds the GIL throughout: 0.3-0.4 s
    measured at the end of a 100k run, during which the GUI thread could not run one line of
    Python. Popping in a Python loop lets the interpreter hand the GIL over between steps."""
    pace = pacing.current()
    for box in containers:
        if isinstance(box, dict):
            pop = box.popitem
            while box:
                pace()
                for _ in range(min(RELEASE_STEP, len(box))):
                    pop()
        elif isinstance(box, set):
            pop = box.pop
            while box:
                pace()
                for _ in range(min(RELEASE_STEP, len(box))):
                    pop()
        else:
            while box:
                pace()
                del box[-RELEASE_STEP:]


def _blocks(items: Iterable[tuple[int, Iterable[str]]]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    get = out.get
    pace = pacing.current()
    for i, (cid, keys) in enumerate(items):
        if not i % pacing.EVERY:
            pace()
        for k in keys:
            block = get(k)
            if block is None:
                out[k] = [cid]
            else:
                block.append(cid)
    return out


def _pairs_of(block: list[int]) -> Iterable[tuple[int, int]]:
    for i, a in enumerate(block):
        for b in block[i + 1 :]:
            yield (a, b) if a < b else (b, a)


class DuplicateFinder:
    """Finds duplicate pairs among contacts; pure apart from the libraries (no store)."""

    def __init__(self, region: str | None = None) -> None:
        self.phone_key = PhoneKey(region)
        self.candidate_pairs = 0

    def find(
        self, people: dict[int, Person], not_same: set[tuple[int, int]] = frozenset()
    ) -> list[DuplicatePair]:
        """Every pair in some tier, best first (tier, then score), minus ``not_same``."""
        with paused_gc():
            found = self._find(people, not_same)
        found.sort(key=_pair_order)
        return found

    def find_best(
        self, people: dict[int, Person], best: int,
        not_same: set[tuple[int, int]] = frozenset(),
    ) -> tuple[list[DuplicatePair], int]:
        """The ``best`` first pairs of ``find()``, and how many pairs there are. Picked with
        ``heapq.nsmallest`` (Python, so other threads get the GIL between steps): sorting a
        million pairs is one C call, and it held the GIL for 6 s at the end of a 100,000-
        contact search while the window waited (py-spy, tests/bench/bench_stalls.py)."""
        with paused_gc():
            found = self._find(people, not_same)
        total = len(found)
        top = heapq.nsmallest(best, found, key=_pair_order)
        release(found)
        return top, total

    def _find(
        self, people: dict[int, Person], not_same: set[tuple[int, int]]
    ) -> list[DuplicatePair]:
        """Every pair in some tier, in no particular order."""
        sig = _Signals(people, self.phone_key)
        contacts = _LazyContacts(people)
        strong = _blocks(sig.strong.items())
        crowded = {k for k, ids in strong.items() if len(ids) > MAX_CONTACTS_PER_STRONG_KEY}
        uids = _blocks((cid, (k.uid,)) for cid, k in sig.keys.items() if k.uid)
        loose = _blocks(sig.loose.items())
        candidates: set[tuple[int, int]] = set()
        for blocks, limit in (
            (strong, MAX_CONTACTS_PER_STRONG_KEY),
            (loose, MAX_CONTACTS_PER_STRONG_KEY),
            (uids, MAX_NAME_BLOCK),
        ):
            for block in blocks.values():
                if 1 < len(block) <= limit:
                    candidates.update(_pairs_of(block))
        names = {cid: comparable_name(parts) for cid, parts in sig.parts.items()}
        found = []
        pace = pacing.current()
        for i, (a, b) in enumerate(candidates - set(not_same)):
            if not i % pacing.EVERY:
                pace()
            pair = self._judge(contacts[a], contacts[b], sig, crowded, names)
            if pair is not None:
                found.append(pair)
        name_pairs = self._name_pairs(sig, crowded) - candidates
        # How many pairs blocking let through (for the benchmark: the cost of the finder).
        self.candidate_pairs = len(candidates) + len(name_pairs)
        for i, (a, b) in enumerate(name_pairs - set(not_same)):
            if not i % pacing.EVERY:
                pace()
            # Most pairs of a name block are "Jana" and "John Smith": a C-speed similarity
            # check first keeps the rule's Python out of them.
            if token_sort_ratio(names[a], names[b], score_cutoff=MAYBE_NAME_SIMILARITY):
                pair = self._judge(contacts[a], contacts[b], sig, crowded, names)
                if pair is not None:
                    found.append(pair)
        release(sig.keys, sig.strong, sig.loose, sig.weak, sig.parts, contacts, strong, loose,
                uids, candidates, names, name_pairs)
        return found

    @staticmethod
    def _name_pairs(sig: _Signals, crowded: set[str]) -> set[tuple[int, int]]:
        """Pairs in one name block that also share a second signal (organisation, company
        mail domain, switchboard, role mailbox): the only way a name counts at all."""
        domains = _blocks(
            (cid, [w for w in weak if w.startswith("domain:")]) for cid, weak in sig.weak.items()
        )
        # A domain on this many contacts is a mail provider, whatever our list says.
        public = {d for d, ids in domains.items() if len(ids) > max(200, len(sig.keys) // 200)}
        for cid, strong in sig.strong.items():
            sig.weak[cid] -= public
            if crowded:
                sig.weak[cid].update(k for k in strong if k in crowded)
        named = _blocks(
            (cid, [f"{n}#{w}" for n in name_blocks(sig.parts[cid]) for w in sig.weak[cid]])
            for cid in sig.parts
            if sig.weak[cid]
        )
        pairs: set[tuple[int, int]] = set()
        for block in named.values():
            if 1 < len(block) <= MAX_NAME_BLOCK:
                pairs.update(_pairs_of(block))
        release(domains, named)
        return pairs

    @staticmethod
    def _judge(a: Contact, b: Contact, sig: _Signals, crowded, names) -> DuplicatePair | None:
        ka, kb = sig.keys[a.id], sig.keys[b.id]
        shared = ka.shared_with(kb, crowded)
        na, nb = names[a.id], names[b.id]
        similarity = token_sort_ratio(na, nb) if na and nb else 100.0
        if likely_same_contact(a, b, crowded, (ka, kb)):
            tier, score = "same", 0.9 + similarity / 1000
            if ka.uid and ka.uid == kb.uid:
                shared |= {f"uid:{ka.uid}"}
        elif shared and (similarity >= LIKELY_NAME_SIMILARITY or _same_family(a, b)):
            tier, score = "likely", 0.6 + similarity / 400
        else:
            compatible = names_compatible(a, b)
            loose_shared = sig.loose[a.id] & sig.loose[b.id]
            if loose_shared and compatible:
                tier, score, shared = "likely", 0.55 + similarity / 400, loose_shared
            elif compatible and similarity >= MAYBE_NAME_SIMILARITY and na and nb:
                signals = sig.weak[a.id] & sig.weak[b.id]
                if not signals:
                    return None
                tier, score, shared = "maybe", 0.2 + similarity / 400, frozenset(signals)
            else:
                return None
        return DuplicatePair(a.id, b.id, tier, round(score, 3), tuple(sorted(shared)))


class _LazyContacts(dict):
    """id -> Contact, made on first use: the rule reads few contacts, the finder 100,000."""

    def __init__(self, people: dict[int, Person]) -> None:
        super().__init__()
        self.people = people

    def __missing__(self, cid: int) -> Contact:
        contact = self[cid] = self.people[cid].contact()
        return contact


def _same_family(a: Contact, b: Contact) -> bool:
    """Same family name: with a shared personal key, "Bob" and "Robert Jones" deserve a look."""
    pa, pb = name_parts(a), name_parts(b)
    return bool(pa and pb and pa[1] and pa[1] == pb[1])


def _root(parent: dict[int, int], x: int) -> int:
    while parent.setdefault(x, x) != x:
        parent[x] = parent[parent[x]]  # path halving keeps the chains short
        x = parent[x]
    return x


def group_pairs(pairs: Iterable[DuplicatePair]) -> list[DuplicateGroup]:
    """Connected groups of contacts per tier ("A~B, B~C" is one group of three)."""
    groups: list[DuplicateGroup] = []
    by_tier: dict[str, list[DuplicatePair]] = defaultdict(list)
    for p in pairs:
        by_tier[p.tier].append(p)
    for tier in TIERS:
        parent: dict[int, int] = {}
        for p in by_tier[tier]:
            parent[_root(parent, p.first_id)] = _root(parent, p.second_id)
        members: dict[int, list[DuplicatePair]] = defaultdict(list)
        for p in by_tier[tier]:
            members[_root(parent, p.first_id)].append(p)
        for links in members.values():
            ids = sorted({i for p in links for i in (p.first_id, p.second_id)})
            shared = sorted({k for p in links for k in p.shared})
            score = min(p.score for p in links)
            groups.append(DuplicateGroup(tuple(ids), tier, score, tuple(shared)))
    groups.sort(key=lambda g: (TIERS.index(g.tier), -g.score, g.ids))
    return groups
