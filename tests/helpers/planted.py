"""A generated address book with planted duplicates and the traps that fool finders.

Used by tests/dedupe (a few thousand contacts) and tests/bench/bench_duplicates.py
(100,000). Deterministic for a seed. The truth is the set of planted (original, copy)
pairs. The mix of planted copies (chosen here, stated so figures can be read honestly):
- 92% share a strong key (same e-mail in other case, same phone in another format, same
  LinkedIn URL spelled differently); their names are as written, initialled, reversed
  ("Smith, John"), without accents, upper-cased, or missing (95%), or a nickname/typo (5%);
- 4% share only a Gmail variant of the address (dots, +tag);
- 4% share no key, only the name and the company.
Traps: company switchboards on many contacts, role mailboxes (info@), different people
with the same name, family landlines, and father/son "John Smith"/"John Smith Jr."
sharing a landline (a real false positive for any name-based rule).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from netdesk.domain.contact import Contact, LabeledValue


def _words(text: str) -> list[str]:
    return text.split()


GIVEN = _words(
    "Ada Alan Amara Anna Ben Björn Carla Chen Chloé Daniel David Elena Emma Eva"
    " Fatima Felix Grace Hana Hannah Ian Ines Ivan Jakob James Jana Jane John Jonas"
    " José Julia Karl Kenji Lara Lea Leon Lena Liam Lina Lucas Luis Maja Marco Maria"
    " Marie Mark Martin Maya Mia Michael Mohammed Nadia Nina Noah Nora Olga Omar Oscar"
    " Paul Paula Pedro Peter Priya Rafael Ravi Rosa Sam Sara Sofia Søren Stefan Sven"
    " Tara Thomas Tim Tom Uma Victor Wei Yara Yusuf Zoë Łukasz Ángel Aisha Chidi Emeka"
    " Ngozi Kofi Ama Diego Lucía Mateo Valentina Hiro Yuki"
)
FAMILY = [
    f"{stem}{tail}"
    for stem in _words(
        "Smith Müller Okafor García Chen Kowalski Nguyen Rossi Schmidt Dubois Jensen"
        " Novak Silva Yamada Tanaka Kim Park Ivanov Petrov Hansen Larsen Meyer Weber"
        " Fischer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf Neumann Schwarz"
        " Zimmermann Braun Krüger Hartmann Lange Werner Krause Lehmann Köhler Walter Mayer"
        " Huber Kaiser Fuchs Peters Lang Scholz"
    )
    for tail in ("", "son", "er", "ová", "ski", "sen", "i", "ez", "o", "a")
]
NICKNAMES = {"Michael": "Mike", "Thomas": "Tom", "Daniel": "Dan", "James": "Jim", "Peter": "Pete"}
AREAS = ("30", "40", "89", "221", "69", "711", "351", "511")


@dataclass
class PlantedBook:
    contacts: list[Contact]
    # Index pairs (original, copy) into ``contacts``.
    truth: set[tuple[int, int]] = field(default_factory=set)


def _phone(rng: random.Random, number: str) -> str:
    """One German number ("+49 30 1234567") written as people do."""
    cc, area, rest = number.split()
    style = rng.randrange(4)
    if style == 0:
        return f"{cc} {area} {rest}"
    if style == 1:
        return f"0{area} {rest}"
    if style == 2:
        return f"00{cc[1:]}{area}{rest}"
    return f"{cc} ({area}) {rest[:3]}-{rest[3:]}"


class _Maker:
    def __init__(self, rng: random.Random, companies: int) -> None:
        self.rng = rng
        self.serial = 0
        self.companies = [
            (
                f"{rng.choice(FAMILY)} {rng.choice(('GmbH', 'AG', 'Ltd', 'Labs', 'Partners'))} {i}",
                f"co{i}.example.net",
                f"+49 {rng.choice(AREAS)} {rng.randrange(1000000, 9999999)}",
            )
            for i in range(companies)
        ]

    def person(self) -> Contact:
        rng = self.rng
        self.serial += 1
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        c = Contact(f"{given} {family}", given_name=given, family_name=family)
        slug = f"{given}.{family}{self.serial}".lower()
        if rng.random() < 0.6:
            c.emails.append(
                LabeledValue(f"{slug}@{rng.choice(('gmail.com', 'web.de', 'mail.example'))}")
            )
        mobile = f"+49 1{rng.randrange(50, 80)} {rng.randrange(1000000, 9999999)}"
        if rng.random() < 0.8:
            c.phones.append(LabeledValue(_phone(rng, mobile), "cell"))
        if rng.random() < 0.7:
            org, domain, switchboard = rng.choice(self.companies)
            c.org = org
            c.emails.append(LabeledValue(f"{slug}@{domain}", "work"))
            if rng.random() < 0.3:
                c.phones.append(LabeledValue(_phone(rng, switchboard), "work"))
            if rng.random() < 0.05:
                c.emails.append(LabeledValue(f"info@{domain}", "work"))
        if rng.random() < 0.3:
            c.social_profiles.append(
                LabeledValue(f"https://www.linkedin.com/in/{slug.replace('.', '-')}", "linkedin")
            )
        return c


def _renamed(rng: random.Random, orig: Contact, copy: Contact, odd: bool) -> None:
    g, f = orig.given_name, orig.family_name
    if odd:
        nick = NICKNAMES.get(g)
        name = f"{nick} {f}" if nick else f"{g}{rng.choice('aeiou')} {f}"
    else:
        name = rng.choice(
            (f"{g} {f}", f"{g[0]}. {f}", f"{f}, {g}", f"{g} {f}".upper(), "", f"{g} {f}")
        )
        if rng.random() < 0.3:
            import unicodedata

            name = "".join(
                ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
            )
    copy.display_name = name or (copy.emails[0].value if copy.emails else "+49")


def _copy_of(rng: random.Random, orig: Contact) -> Contact | None:
    copy = Contact("", org=orig.org if rng.random() < 0.5 else "")
    roll = rng.random()
    if roll < 0.92:
        choices = []
        if orig.emails:
            choices.append("email")
        if any(len(p.value) > 8 for p in orig.phones):
            choices.append("phone")
        if orig.social_profiles:
            choices.append("profile")
        if not choices:
            return None
        kind = rng.choice(choices)
        if kind == "email":
            e = rng.choice(orig.emails).value
            copy.emails.append(LabeledValue(e.upper() if rng.random() < 0.5 else e.capitalize()))
        elif kind == "phone":
            p = next(p.value for p in orig.phones if len(p.value) > 8)
            digits = "".join(ch for ch in p if ch.isdigit())
            national = (
                digits[4:]
                if digits.startswith("0049")
                else digits[1:]
                if digits.startswith("0")
                else digits[2:]
            )
            written = f"0{national}" if p.startswith("+") else f"+49{national}"
            copy.phones.append(LabeledValue(written))
        else:
            url = orig.social_profiles[0].value.replace("https://www.", "http://") + "/"
            copy.urls.append(LabeledValue(url))
        _renamed(rng, orig, copy, odd=rng.random() < 0.05)
    elif roll < 0.96:
        gmail = [e.value for e in orig.emails if e.value.endswith("@gmail.com")]
        if not gmail:
            return None
        local = gmail[0].split("@")[0]
        copy.emails.append(LabeledValue(f"{local.replace('.', '')}+crm@googlemail.com"))
        _renamed(rng, orig, copy, odd=False)
        copy.display_name = copy.display_name if "@" not in copy.display_name else orig.display_name
    else:
        if not orig.org:
            return None
        copy.org = orig.org
        copy.display_name = f"{orig.given_name} {orig.family_name}"
    if not copy.display_name.strip():
        copy.display_name = orig.display_name
    return copy


def planted_book(size: int, duplicate_share: float = 0.03, seed: int = 13) -> PlantedBook:
    """``size`` contacts, of which ``duplicate_share`` are planted copies of others."""
    rng = random.Random(seed)
    maker = _Maker(rng, companies=max(10, size // 50))
    originals = int(size * (1 - duplicate_share))
    contacts = [maker.person() for _ in range(originals)]
    for i in range(0, originals - 1, 1000):  # family landlines and father/son pairs
        a, b = contacts[i], contacts[i + 1]
        b.family_name = a.family_name
        landline = LabeledValue(f"+49 30 {rng.randrange(1000000, 9999999)}", "home")
        a.phones.append(landline)
        b.phones.append(landline)
        if i % 3000 == 0:
            b.given_name = a.given_name
            b.name_suffix = "Jr."
        b.display_name = f"{b.given_name} {b.family_name}" + (" Jr." if b.name_suffix else "")
    book = PlantedBook(contacts)
    copies: dict[int, list[int]] = {}
    while len(contacts) < size:
        index = rng.randrange(originals)
        copy = _copy_of(rng, contacts[index])
        if copy is not None:
            copies.setdefault(index, []).append(len(contacts))
            contacts.append(copy)
    for index, made in copies.items():  # two copies of one person are duplicates too
        members = [index, *made]
        book.truth.update((a, b) for i, a in enumerate(members) for b in members[i + 1 :])
    return book
