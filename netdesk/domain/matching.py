"""Duplicate-match rules: which existing contact an incoming one may be.

Pure and conservative. The import service matches by UID first; otherwise a shared e-mail
address or phone number is a candidate, and it is only taken when ``names_compatible`` also
holds. A name alone never matches: two different people can share one.

Name rules: after case folding, accent stripping and dropping titles (Dr., Mr., Jr., III...),
family names must be equal and given names equal or one an initial of the other
("J. Smith" ~ "John Smith", "John Smith" !~ "Jane Smith"). A missing part is no
contradiction ("Smith" ~ "John Smith"); a contact with no real name at all (only an e-mail
or a phone) is compatible with anyone, as the shared address is then all we have.
Nicknames ("Bob" / "Robert") and names in different scripts are not matched: when in doubt,
two contacts stay two, because merging the wrong people loses data and undoing it is work.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from netdesk.domain.contact import Contact

# Titles, honorifics and generational suffixes: never what tells two people apart.
_TITLES = frozenset(
    "mr mrs ms miss mx dr prof sir dame rev fr herr frau sr jr snr jnr ii iii iv phd md esq"  # noqa: SIM905
    " dipl ing mag".split()
)
_GENERATIONS = {
    "jnr": "jr",
    "snr": "sr",
    "ii": "ii",
    "iii": "iii",
    "iv": "iv",
    "jr": "jr",
    "sr": "sr",
}
_GENERATION_WORD = re.compile(r"\b(jr|jnr|sr|snr|ii|iii|iv)\b\.?")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
MIN_PHONE_DIGITS = 5


# An import normalises each address about ten times (look-ups, in-file twins, match keys,
# stable UIDs); a small cache makes the repeats free. Both functions are pure.
@functools.lru_cache(maxsize=8192)
def normalise_email(s: str) -> str:
    """Lower-cased address without ``mailto:`` and surrounding space or angle brackets."""
    s = s.strip().strip("<>").strip()
    if s[:7].lower() == "mailto:":
        s = s[7:]
    if s.isascii():  # the import hot path: called for every address of every card
        return s.lower()
    return unicodedata.normalize("NFKC", s).casefold()


_NOT_DIGIT = re.compile(r"\D+")
_PHONE_STOPS = re.compile(r"[;,#]|x|ext", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def normalise_phone(s: str) -> str:
    """Digits only, keeping a leading +. ``tel:`` URIs, formatting, and what follows ``;``
    (URI parameters) or an extension marker are dropped: "+49 (0)30 123-45" -> "+4903012345".
    Digits of other scripts count as digits ("٠١٢" -> "012").
    """
    s = s.strip()
    if s[:4].lower() == "tel:":
        s = s[4:]
    m = _PHONE_STOPS.search(s, 1)
    if m:
        s = s[: m.start()]
    digits = _NOT_DIGIT.sub("", s)
    if not digits.isascii():
        digits = "".join(str(unicodedata.decimal(ch)) for ch in digits)
    return ("+" + digits) if s.lstrip().startswith("+") and digits else digits


# More contacts than this on one e-mail or phone and it is a switchboard, a shared mailbox
# or a family landline: it says nothing about who is who, so it is no longer a strong key.
MAX_CONTACTS_PER_STRONG_KEY = 4

# Role mailboxes: a message to them reaches whoever answers, so they identify no person.
GENERIC_MAILBOXES = frozenset(
    "info office contact contacts hello hi mail email team admin administrator sales support"  # noqa: SIM905
    " help service kontakt buero bureau reception enquiries inquiries hr jobs careers"
    " billing accounts noreply no-reply donotreply webmaster postmaster press media"
    " marketing general mailbox welcome".split()
)


def is_generic_mailbox(email: str) -> bool:
    """``info@acme.com``-style role addresses (case, dots and ``+tags`` ignored)."""
    return _is_role(normalise_email(email))


def _is_role(normalised: str) -> bool:
    local = normalised.partition("@")[0].partition("+")[0]
    return local in GENERIC_MAILBOXES or local.replace(".", "") in GENERIC_MAILBOXES


_GMAIL = frozenset({"gmail.com", "googlemail.com"})


def loose_email(email: str) -> str:
    """The weaker e-mail key: ``+tags`` dropped everywhere, and for Gmail the dots too
    (``J.Doe+news@googlemail.com`` -> ``jdoe@gmail.com``). Gmail delivers all of those to
    one inbox; other providers *may*, so a match on this key alone is only "likely"."""
    local, _, domain = normalise_email(email).rpartition("@")
    local = local.partition("+")[0]
    if domain in _GMAIL:
        return f"{local.replace('.', '')}@gmail.com"
    return f"{local}@{domain}"


# Profile sites whose first path segment names one person: host -> key prefix.
_PROFILE_HOSTS = {
    "linkedin.com": "linkedin",
    "twitter.com": "x",
    "x.com": "x",
    "github.com": "github",
    "gitlab.com": "gitlab",
    "facebook.com": "facebook",
    "instagram.com": "instagram",
    "xing.com": "xing",
    "bsky.app": "bsky",
}
_PROFILE_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\.|m\.|[a-z]{2}\.)?([^/?#]+)(/[^?#]*)?")
_NOT_PROFILE = frozenset({"in", "pub", "profile", "people", "company", "school", "share", "intent"})


def profile_key(value: str) -> str:
    """``linkedin:ada-lovelace`` for any spelling of a profile URL (scheme, www, trailing
    slash, case); ``mastodon:user@host`` for ``@user@host``; "" when it names no person."""
    v = value.strip().casefold()
    if v.startswith("@") and v.count("@") == 2:
        return f"mastodon:{v[1:]}"
    m = _PROFILE_URL.match(v)
    if not m:
        return ""
    host = m.group(1).removeprefix("www.")
    site = _PROFILE_HOSTS.get(host) or _PROFILE_HOSTS.get(host.partition(".")[2])
    if site is None:
        return ""
    segments = [s for s in (m.group(2) or "").split("/") if s]
    while segments and segments[0] in _NOT_PROFILE:
        if segments[0] in {"company", "school"}:
            return ""  # an organisation's page, not a person's
        segments = segments[1:]
    return f"{site}:{segments[0].lstrip('@')}" if segments else ""


@dataclass(frozen=True, slots=True)
class MatchKeys:
    """What one contact can be found again by: its UID and its strong keys."""

    uid: str
    emails: frozenset[str]
    phones: frozenset[str]
    profiles: frozenset[str] = frozenset()

    def strong(self) -> frozenset[str]:
        return self.emails | self.phones | self.profiles

    def shared_with(self, other: MatchKeys, crowded: Collection[str] = ()) -> frozenset[str]:
        """Strong keys both have, less those shared by too many contacts (``crowded``)."""
        both = (self.emails & other.emails) | (self.phones & other.phones)
        both |= self.profiles & other.profiles
        return frozenset(k for k in both if k not in crowded) if crowded else both

    def shares_with(self, other: MatchKeys, crowded: Collection[str] = ()) -> bool:
        return bool(self.shared_with(other, crowded))


def match_keys(c: Contact, phone_key: Callable[[str], str] = normalise_phone) -> MatchKeys:
    """UID, personal e-mails (role mailboxes such as info@ left out), phones long enough to
    mean something (a stored "1", "112" or a 4-digit extension would match half the
    address book), and profile URLs. ``phone_key`` lets the duplicate finder compare
    numbers in E.164 instead of plain digits; the rule stays the same."""
    return keys_from_values(
        c.uid,
        [v.value for v in c.emails],
        [v.value for v in c.phones],
        [v.value for v in (*c.social_profiles, *c.urls)],
        phone_key,
    )


def keys_from_values(
    uid: str,
    emails: Iterable[str],
    phones: Iterable[str],
    links: Iterable[str],
    phone_key: Callable[[str], str] = normalise_phone,
) -> MatchKeys:
    """``match_keys`` from plain values (the finder reads 100k contacts as rows)."""
    email_keys = frozenset(
        e for e in map(normalise_email, emails) if "@" in e and not _is_role(e)
    )
    phone_keys = frozenset(
        p for p in map(phone_key, phones) if len(p.lstrip("+")) >= MIN_PHONE_DIGITS
    )
    profiles = frozenset(k for k in map(profile_key, links) if k) if links else frozenset()
    return MatchKeys(uid.strip(), email_keys, phone_keys, profiles)


def likely_same_contact(
    a: Contact,
    b: Contact,
    crowded: Collection[str] = (),
    keys: tuple[MatchKeys, MatchKeys] | None = None,
) -> bool:
    """THE "same person" rule, used by the importer, the duplicate finder and the editor's
    warning: the same UID, or a shared strong key (e-mail, phone, profile URL; not a role
    mailbox, not a key in ``crowded`` = shared by more than MAX_CONTACTS_PER_STRONG_KEY
    contacts) together with compatible names. ``keys`` passes precomputed match keys."""
    ka, kb = keys if keys is not None else (match_keys(a), match_keys(b))
    if ka.uid and ka.uid == kb.uid:
        return True
    return ka.shares_with(kb, crowded) and names_compatible(a, b)


def _fold(text: str) -> str:
    if text.isascii():  # most names: no decomposition needed
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(_fold(text)) if w.replace(".", "") not in _TITLES]


@dataclass(frozen=True, slots=True)
class _Name:
    given: tuple[str, ...]  # given name followed by middle names
    family: tuple[str, ...]
    whole: tuple[str, ...]  # every word, for order-free comparison


def _name_of(c: Contact) -> _Name | None:
    """The person's name as words, or None when the contact has no real name."""
    return _name_from(c.family_name, c.given_name, c.additional_names, c.display_name)


def _generation(c: Contact) -> frozenset[str]:
    """Generational suffixes (Jr., Sr., III) anywhere in the name: "John Smith" and "John
    Smith Jr." are, when in doubt, father and son."""
    words = _GENERATION_WORD.findall(f"{c.display_name} {c.name_suffix} {c.family_name}".lower())
    return frozenset(_GENERATIONS.get(w, w) for w in words)


# The duplicate finder asks for each contact's name once per candidate pair.
@functools.lru_cache(maxsize=1 << 17)
def _name_from(family_name: str, given_name: str, additional: str, display: str) -> _Name | None:
    family = _words(family_name)
    given = _words(given_name) + _words(additional)
    if family or given:
        return _Name(tuple(given), tuple(family), tuple(given + family))
    display = display.strip()
    if not display or "@" in display or display == "(no name)" or not _words(display):
        return None
    if re.fullmatch(r"[\d\s+()./-]+", display):
        return None  # a phone number standing in for a name
    if "," in display:  # "Smith, John" (but not "John Public, III")
        fam, _, rest = display.partition(",")
        f, g = _words(fam), _words(rest)
        if f and g:
            return _Name(tuple(g), tuple(f), tuple(g + f))
    words = _words(display)
    if len(words) == 1:
        return _Name((), tuple(words), tuple(words))
    return _Name(tuple(words[:-1]), (words[-1],), tuple(words))


def name_parts(c: Contact) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(given and middle names, family name) as folded words without titles, as the rule
    reads them; None when the contact has no real name (only an e-mail or a phone)."""
    return name_parts_of(c.family_name, c.given_name, c.additional_names, c.display_name)


def name_parts_of(
    family_name: str, given_name: str, additional_names: str, display_name: str
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """``name_parts`` from the name fields themselves."""
    name = _name_from(family_name, given_name, additional_names, display_name)
    return None if name is None else (name.given, name.family)


def _word_compatible(x: str, y: str) -> bool:
    if x == y:
        return True
    # "j" / "j." is an initial of "john"
    return (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return True
    if not _word_compatible(a[0], b[0]):
        return False
    # Middle names: compare as far as both have them ("John A. Smith" !~ "John B. Smith").
    return all(_word_compatible(x, y) for x, y in zip(a[1:], b[1:], strict=False))


def names_compatible(a: Contact, b: Contact) -> bool:
    """Could these two contacts be the same person, judging by their names only?

    Conservative: True only when nothing in the names contradicts it. This alone is never
    enough to merge (see ``likely_same_contact``).
    """
    na, nb = _name_of(a), _name_of(b)
    if na is None or nb is None:
        return True
    if _generation(a) != _generation(b):
        return False
    if sorted(na.whole) == sorted(nb.whole):
        return True  # same words, any order ("Taro Yamada" / "Yamada Taro")
    for one, other in ((na, nb), (nb, na)):
        if len(one.whole) == 1:
            # A one-word name ("Smith", "Anna", "山田太郎") may be either part: it must be
            # one of the other's words.
            return one.whole[0] in other.whole
    if na.family and nb.family and na.family != nb.family:
        return False
    return _given_compatible(na.given, nb.given)
