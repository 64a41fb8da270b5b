"""Cards of logical lines -> ``Contact`` objects, with a ``CardProblem`` for anything odd.

Every property netdesk does not map is kept verbatim in ``Contact.raw_properties`` so the
writer can put it back. Nothing here raises out of ``iter_cards``: a card that fails is
reported and skipped, and the next card is read as if nothing happened.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Callable, Iterator

from netdesk.domain.contact import (
    Address,
    Contact,
    ContactDate,
    LabeledValue,
    RelatedPerson,
    fallback_display_name,
)
from netdesk.vcard.dated import (
    ANNIVERSARY_NAMES,
    RELATION_OF,
    add_related,
    android_custom,
    canonical_rev,
    parse_date,
    relation_from,
)
from netdesk.vcard.labels import label_from_apple, label_from_types
from netdesk.vcard.lines import RawCard, iter_raw_cards
from netdesk.vcard.netdesk_props import NAMES as NETDESK_NAMES
from netdesk.vcard.netdesk_props import read_netdesk
from netdesk.vcard.photos import mime_from_type, parse_data_uri
from netdesk.vcard.problems import CardProblem
from netdesk.vcard.properties import (
    Property,
    charset_of,
    decode_base64,
    decode_text,
    encoding,
    is_pref,
    param,
    parse_line,
    redecode_line,
)
from netdesk.vcard.social import LEGACY_IM, scheme_of, service_for_scheme
from netdesk.vcard.text import split_components, split_unescaped, unescape

_LABELED = frozenset(
    {"TEL", "EMAIL", "ADR", "URL", "IMPP", "X-SOCIALPROFILE", "X-ABDATE", "X-ABRELATEDNAMES"}
    | {"RELATED"}
    | set(LEGACY_IM)
)
_DROPPED = frozenset({"VERSION", "PRODID", "BEGIN", "END"})
_CARET_ESCAPE = re.compile(r"\^[n'^]")


def iter_cards(data: bytes, filename: str = "") -> Iterator[Contact | CardProblem]:
    """Contacts and problems in file order, one card at a time. Never raises."""
    try:
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogatepass")
        # Any buffer that slices to bytes works (bytes, mmap): an importer can map a huge
        # file instead of reading it into memory.
        for item in iter_raw_cards(data, filename):
            if isinstance(item, CardProblem):
                yield item
                continue
            try:
                contact, problems = _CardReader(item, filename).read()
            except Exception as exc:
                yield CardProblem(
                    filename,
                    item.number,
                    item.start_line,
                    f"card skipped, it could not be read ({type(exc).__name__}: {exc})",
                )
                continue
            yield from problems
            if contact is not None:
                yield contact
    except Exception as exc:
        yield CardProblem(filename, 0, 1, f"reading stopped: {type(exc).__name__}: {exc}")


def read_vcards(data: bytes, filename: str = "") -> tuple[list[Contact], list[CardProblem]]:
    contacts: list[Contact] = []
    problems: list[CardProblem] = []
    for item in iter_cards(data, filename):
        (problems if isinstance(item, CardProblem) else contacts).append(item)  # type: ignore[arg-type]
    return contacts, problems


def _preview(line: str) -> str:
    return repr(line if len(line) <= 60 else line[:57] + "...")


class _CardReader:
    """Maps the properties of one card onto a fresh Contact."""

    __slots__ = ("ab_labels", "c", "filename", "fn", "labeled_groups", "problems", "raw", "seen")

    def __init__(self, raw: RawCard, filename: str) -> None:
        self.raw = raw
        self.filename = filename
        self.c = Contact()
        self.problems: list[CardProblem] = list(raw.problems)
        self.fn: str | None = None
        self.seen: set[str] = set()
        self.ab_labels: dict[str, str] = {}
        self.labeled_groups: set[str] = set()

    def warn(self, lineno: int, message: str) -> None:
        self.problems.append(
            CardProblem(self.filename, self.raw.number, lineno, message, skipped=False)
        )

    def read(self) -> tuple[Contact | None, list[CardProblem]]:
        props: list[Property] = []
        grouped = False
        undecoded = self.raw.undecoded
        refused: list[str] = []
        for lineno, text in self.raw.lines:
            line = redecode_line(text, refused) if undecoded else text
            if refused:
                self._refused(lineno, refused)
            prop = parse_line(line, lineno)
            if prop is None:
                self.warn(lineno, f"unreadable line skipped: {_preview(line)}")
                continue
            grouped = grouped or bool(prop.group)
            props.append(prop)
        if not any(p.name not in _DROPPED for p in props):
            what = "no readable properties" if len(props) < len(self.raw.lines) else "nothing in it"
            problem = CardProblem(
                self.filename, self.raw.number, self.raw.start_line, f"card skipped: {what}"
            )
            return None, [*self.problems, problem]
        if grouped:
            self._collect_apple_labels(props)
        handlers = _HANDLERS
        raw_properties = self.c.raw_properties
        for prop in props:
            handler = handlers.get(prop.name)
            if handler is None:
                raw_properties.append(prop.line)
            else:
                handler(self, prop)
        c = self.c
        if self.fn is not None and self.fn.strip():
            c.display_name = self.fn
        else:
            c.display_name = fallback_display_name(c)
            self.warn(
                self.raw.start_line,
                f"no FN; display name {c.display_name!r} taken from other fields",
            )
        return c, self.problems

    def _collect_apple_labels(self, props: list[Property]) -> None:
        for p in props:
            if not p.group:
                continue
            if p.name == "X-ABLABEL":
                self.ab_labels[p.group.lower()] = label_from_apple(unescape(self.text(p)))
            elif p.name in _LABELED:
                self.labeled_groups.add(p.group.lower())

    # -- helpers -------------------------------------------------------------------------

    def text(self, p: Property) -> str:
        """Decoded value, escapes still in place. Warns about a CHARSET Python does not know."""
        params = p.params
        if "ENCODING" not in params and "CHARSET" not in params:
            return p.value  # the common case, kept cheap
        charset, declared = charset_of(params)
        if declared and charset is None:
            self.warn(p.lineno, f"unknown CHARSET {declared!r} on {p.name}; read as UTF-8")
        refused: list[str] = []
        text = decode_text(p, charset, refused)
        if refused:
            self._refused(p.lineno, refused)
        return text

    def _refused(self, lineno: int, refused: list[str]) -> None:
        self.warn(lineno, f"text is not valid {refused[0]}; read as UTF-8 or Windows-1252")
        refused.clear()

    def keep(self, p: Property) -> None:
        self.c.raw_properties.append(p.line)

    def first(self, p: Property, key: str) -> bool:
        """True the first time; later copies (ALTID variants, second ORG...) are kept raw."""
        if key in self.seen:
            self.keep(p)
            return False
        self.seen.add(key)
        return True

    def label(self, p: Property) -> tuple[str, bool]:
        label, preferred = label_from_types(p.params.get("TYPE", ())) if p.params else ("", False)
        if p.params and not preferred:
            preferred = is_pref(p.params)
        if p.group:
            apple = self.ab_labels.get(p.group.lower())
            if apple is not None:
                label = apple
        return label, preferred

    # -- names and organisation ------------------------------------------------------------

    def fn_(self, p: Property) -> None:
        if self.first(p, "FN"):
            self.fn = unescape(self.text(p))

    def n(self, p: Property) -> None:
        if not self.first(p, "N"):
            return
        parts = split_components(self.text(p), 5)
        parts += [""] * (5 - len(parts))
        c = self.c
        c.family_name, c.given_name, c.additional_names, c.name_prefix = parts[:4]
        c.name_suffix = parts[4] if len(parts) == 5 else ";".join(parts[4:])

    def nickname(self, p: Property) -> None:
        names = [v.strip() for v in split_unescaped(self.text(p), ",")]
        joined = ", ".join(v for v in names if v)
        if joined:
            self.c.nickname = f"{self.c.nickname}, {joined}" if self.c.nickname else joined

    def org(self, p: Property) -> None:
        if not self.first(p, "ORG"):
            return
        parts = split_unescaped(self.text(p), ";")
        while len(parts) > 1 and not parts[-1]:
            parts.pop()
        self.c.org = parts[0]
        self.c.org_units = parts[1:]

    def title(self, p: Property) -> None:
        if self.first(p, "TITLE"):
            self.c.title = unescape(self.text(p))

    def role(self, p: Property) -> None:
        if self.first(p, "ROLE"):
            self.c.role = unescape(self.text(p))

    def note(self, p: Property) -> None:
        note = unescape(self.text(p))
        self.c.notes = f"{self.c.notes}\n\n{note}" if self.c.notes else note

    def categories(self, p: Property) -> None:
        tags = self.c.tags
        for part in split_unescaped(self.text(p), ","):
            tag = part.strip()
            # "Work" and "work" are one tag (the store folds case): keep the first spelling.
            if tag and all(tag.casefold() != t.casefold() for t in tags):
                tags.append(tag)

    def birthday(self, p: Property) -> None:
        self._date(p, "birthday")

    def anniversary(self, p: Property) -> None:
        date = self._parsed_date(p)
        if date is not None:
            self._add_anniversary(date)

    def _add_anniversary(self, date) -> None:
        # Exports carry the anniversary twice (standard + Apple X-ABDATE): one copy counts.
        c = self.c
        if c.anniversary is None:
            c.anniversary = date
        elif date != c.anniversary:
            self._add_date(ContactDate(date, "anniversary"))

    def _add_date(self, d: ContactDate) -> None:
        if d not in self.c.other_dates:
            self.c.other_dates.append(d)

    def _date(self, p: Property, attr: str) -> None:
        if getattr(self.c, attr) is not None:
            self.keep(p)
            return
        date = self._parsed_date(p)
        if date is not None:
            setattr(self.c, attr, date)

    def _parsed_date(self, p: Property):
        """The date of a date property; None (and the line kept raw) when it is not one."""
        value = unescape(self.text(p)).strip()
        date = parse_date(value, p.params)
        if date is None:
            self.keep(p)
            if param(p.params, "VALUE").lower() != "text":
                self.warn(p.lineno, f"{p.name} {value!r} is not a date; kept as it is")
        return date

    def abdate(self, p: Property) -> None:
        date = self._parsed_date(p)
        if date is None:
            return
        label = self.ab_labels.get(p.group.lower(), "") if p.group else ""
        if label == "anniversary":
            self._add_anniversary(date)
        else:
            self._add_date(ContactDate(date, label))

    def related_(self, p: Property) -> None:
        name = unescape(self.text(p)).strip()
        apple = self.ab_labels.get(p.group.lower()) if p.group else None
        add_related(self.c.related, RelatedPerson(name, relation_from(p, apple)))

    def related_vendor(self, p: Property) -> None:
        name = unescape(self.text(p)).strip()
        add_related(self.c.related, RelatedPerson(name, RELATION_OF[p.name]))

    def android_custom(self, p: Property) -> None:
        found = android_custom(self.text(p))
        c = self.c
        if found is None:
            self.keep(p)
        elif isinstance(found, RelatedPerson):
            add_related(c.related, found)
        elif found.label == "anniversary":
            self._add_anniversary(found.date)
        elif found.label == "birthday" and c.birthday in (None, found.date):
            c.birthday = found.date
        else:
            self._add_date(found)

    # -- labelled values ---------------------------------------------------------------------

    def tel(self, p: Property) -> None:
        value = unescape(self.text(p)).strip()
        if value[:4].lower() == "tel:":
            value = value[4:]
        if value:
            self.c.phones.append(LabeledValue(value, *self.label(p)))

    def email(self, p: Property) -> None:
        value = unescape(self.text(p)).strip()
        if value[:7].lower() == "mailto:":
            value = value[7:]
        if value:
            self.c.emails.append(LabeledValue(value, *self.label(p)))

    def url(self, p: Property) -> None:
        value = unescape(self.text(p)).strip()
        if value:
            self.c.urls.append(LabeledValue(value, *self.label(p)))

    def adr(self, p: Property) -> None:
        text = self.text(p)
        # RFC 6868 escapes (^n) both in the parameters and in the value: a parameter value
        # with an unquoted ':' ran into the value (ez-vcard issue 114).
        if _CARET_ESCAPE.search(text) and "^" in p.line[: len(p.line) - len(p.value)]:
            text = self._repair_leaked_param(p, text)
        parts = split_components(text, 7)
        if len(parts) > 7:
            parts = [*parts[:6], ";".join(parts[6:])]
        parts += [""] * (7 - len(parts))
        address = Address(*parts)
        if address.is_empty():
            if "LABEL" in p.params:
                self.keep(p)  # a 4.0 address label with no parts (a 3.0 LABEL written as 4.0)
            return
        address.label, address.preferred = self.label(p)
        self.c.addresses.append(address)

    def _repair_leaked_param(self, p: Property, text: str) -> str:
        """An unquoted parameter value held ':' so the value starts too early (RFC 6868
        escapes like ^n only belong in parameters). Take the value after the last ':' that
        still leaves all seven address parts."""
        for i in range(len(text) - 1, -1, -1):
            if text[i] == ":" and len(split_unescaped(text[i + 1 :], ";")) >= 7:
                self.warn(
                    p.lineno,
                    f"{p.name} has ':' inside an unquoted parameter value; "
                    "the value was taken from after the last such ':'",
                )
                return text[i + 1 :]
        self.warn(p.lineno, f"{p.name} has ':' inside an unquoted parameter value")
        return text

    def impp(self, p: Property) -> None:
        value = unescape(self.text(p)).strip()
        if not value:
            return
        label, preferred = self.label(p)
        if not (p.group and p.group.lower() in self.ab_labels):
            service = param(p.params, "X-SERVICE-TYPE").strip().lower()
            label = service or service_for_scheme(scheme_of(value))
        self.c.social_profiles.append(LabeledValue(value, label, preferred))

    def socialprofile(self, p: Property) -> None:
        value = unescape(self.text(p)).strip()
        if not value:
            return
        label, preferred = self.label(p)
        if not (p.group and p.group.lower() in self.ab_labels):
            label = label or param(p.params, "X-SERVICE-TYPE").strip().lower()
        self.c.social_profiles.append(LabeledValue(value, label, preferred))

    def legacy_im(self, p: Property) -> None:
        value = unescape(self.text(p)).strip()
        if value:
            _, preferred = self.label(p)
            self.c.social_profiles.append(LabeledValue(value, LEGACY_IM[p.name], preferred))

    def ablabel(self, p: Property) -> None:
        # Consumed when it labels a value netdesk maps; otherwise it belongs to a property
        # kept raw (X-ABRELATEDNAMES, X-ABDATE, ORG...) and goes back out with it.
        if not (p.group and p.group.lower() in self.labeled_groups):
            self.keep(p)

    # -- photo, identity -------------------------------------------------------------------

    def photo(self, p: Property) -> None:
        # One embedded photo and one photo URI; further PHOTOs (FullContact sends three)
        # are kept raw rather than dropped.
        c = self.c
        if encoding(p.params) in ("B", "BASE64"):
            if c.photo is not None:
                self.keep(p)
                return
            try:
                data = decode_base64(p.value)
            except (binascii.Error, ValueError):
                self.keep(p)
                self.warn(p.lineno, "PHOTO is not valid base64; kept as it is")
                return
            c.photo = data
            c.photo_mime = mime_from_type(param(p.params, "TYPE"), data)
            return
        value = unescape(p.value).strip()
        if value[:5].lower() == "data:":
            parsed = parse_data_uri(value) if c.photo is None else None
            if parsed is None:
                self.keep(p)
                if c.photo is None:
                    self.warn(p.lineno, "PHOTO data: URI could not be decoded; kept as it is")
                return
            mime, data = parsed
            c.photo = data
            c.photo_mime = mime or mime_from_type("", data)
        elif value and not c.photo_uri:
            c.photo_uri = value  # never fetched: a remote image would tell the sender we looked
        elif value:
            self.keep(p)

    def uid(self, p: Property) -> None:
        if self.first(p, "UID"):
            self.c.uid = unescape(self.text(p)).strip()

    def rev(self, p: Property) -> None:
        if self.first(p, "REV"):
            self.c.rev = canonical_rev(unescape(p.value).strip())

    def netdesk(self, p: Property) -> None:
        if not read_netdesk(self.c, p, self.text(p)):
            self.keep(p)

    def drop(self, p: Property) -> None:
        pass


_HANDLERS: dict[str, Callable[[_CardReader, Property], None]] = {
    "FN": _CardReader.fn_,
    "N": _CardReader.n,
    "NICKNAME": _CardReader.nickname,
    "ORG": _CardReader.org,
    "TITLE": _CardReader.title,
    "ROLE": _CardReader.role,
    "NOTE": _CardReader.note,
    "CATEGORIES": _CardReader.categories,
    "BDAY": _CardReader.birthday,
    "X-ABDATE": _CardReader.abdate,
    "RELATED": _CardReader.related_,
    "X-ABRELATEDNAMES": _CardReader.related_,
    "X-ANDROID-CUSTOM": _CardReader.android_custom,
    "TEL": _CardReader.tel,
    "EMAIL": _CardReader.email,
    "URL": _CardReader.url,
    "ADR": _CardReader.adr,
    "IMPP": _CardReader.impp,
    "X-SOCIALPROFILE": _CardReader.socialprofile,
    "X-ABLABEL": _CardReader.ablabel,
    "PHOTO": _CardReader.photo,
    "UID": _CardReader.uid,
    "REV": _CardReader.rev,
}
_HANDLERS.update(dict.fromkeys(LEGACY_IM, _CardReader.legacy_im))
_HANDLERS.update(dict.fromkeys(ANNIVERSARY_NAMES, _CardReader.anniversary))
_HANDLERS.update(dict.fromkeys(RELATION_OF, _CardReader.related_vendor))
_HANDLERS.update(dict.fromkeys(_DROPPED, _CardReader.drop))
_HANDLERS.update(dict.fromkeys(NETDESK_NAMES, _CardReader.netdesk))
