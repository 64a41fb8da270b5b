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
from dataclasses import dataclass

from netdesk.domain.contact import Contact

# Titles, honorifics and generational suffixes: never what tells two people apart.
_TITLES = frozenset(
    "mr mrs ms miss mx dr prof sir dame rev fr herr frau sr jr snr jnr ii iii iv phd md esq"  # noqa: SIM905
    " dipl ing mag".split()
)
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_MIN_PHONE_DIGITS = 5


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


@dataclass(frozen=True, slots=True)
class MatchKeys:
    """What an importer can look candidates up by."""

    uid: str
    emails: frozenset[str]
    phones: frozenset[str]

    def shares_with(self, other: MatchKeys) -> bool:
        return bool(self.emails & other.emails or self.phones & other.phones)


def match_keys(c: Contact) -> MatchKeys:
    """UID, normalised e-mails, and normalised phones long enough to mean something
    (a stored "1" or "112" would match half the address book)."""
    emails = frozenset(e for e in (normalise_email(v.value) for v in c.emails) if "@" in e)
    phones = frozenset(
        p
        for p in (normalise_phone(v.value) for v in c.phones)
        if len(p.lstrip("+")) >= _MIN_PHONE_DIGITS
    )
    return MatchKeys(c.uid.strip(), emails, phones)


def likely_same_contact(a: Contact, b: Contact) -> bool:
    """The rule the import service applies: same UID, or a shared e-mail/phone and
    compatible names."""
    ka, kb = match_keys(a), match_keys(b)
    if ka.uid and ka.uid == kb.uid:
        return True
    return ka.shares_with(kb) and names_compatible(a, b)


def _fold(text: str) -> str:
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
    family = _words(c.family_name)
    given = _words(c.given_name) + _words(c.additional_names)
    if family or given:
        return _Name(tuple(given), tuple(family), tuple(given + family))
    display = c.display_name.strip()
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
