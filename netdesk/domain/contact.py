"""The contact as the rest of netdesk sees it: plain dataclasses, standard library only.

Store rows (``ContactRow``) and vCard components are converted to and from these at the
edges, so rules and tests can work on ordinary Python objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

# Where/how we met: the kinds of events and groups netdesk knows about.
EVENT_KINDS = ("meetup", "association", "conference", "online", "other")


@dataclass(slots=True)
class LabeledValue:
    """One phone number, e-mail address, URL or social profile, with its label."""

    value: str
    label: str = ""
    preferred: bool = False


@dataclass(slots=True)
class Address:
    """A postal address with the seven ADR parts of RFC 6350."""

    po_box: str = ""
    extended: str = ""
    street: str = ""
    locality: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    label: str = ""
    preferred: bool = False

    def parts(self) -> tuple[str, str, str, str, str, str, str]:
        return (
            self.po_box,
            self.extended,
            self.street,
            self.locality,
            self.region,
            self.postal_code,
            self.country,
        )

    def is_empty(self) -> bool:
        return not any(self.parts())

    def one_line(self) -> str:
        """The address on one line, for tables and search."""
        bits = [self.street, self.extended, self.po_box, self.postal_code, self.locality]
        bits += [self.region, self.country]
        return ", ".join(b for b in bits if b)


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date whose year may be unknown (vCard ``--0509``, Apple ``X-APPLE-OMIT-YEAR``)."""

    year: int | None
    month: int
    day: int

    def __post_init__(self) -> None:
        # Validate with a leap year when the year is unknown so 29 February is allowed.
        dt.date(self.year or 2000, self.month, self.day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY-MM-DD``, ``YYYYMMDD``, ``--MMDD`` or ``--MM-DD``; raise ValueError."""
        t = text.strip()
        if "T" in t:
            t = t.split("T", 1)[0]
        if t.startswith("--"):
            digits = t[2:].replace("-", "")
            if len(digits) != 4 or not digits.isdigit():
                raise ValueError(f"not a date: {text!r}")
            return cls(None, int(digits[:2]), int(digits[2:]))
        digits = t.replace("-", "")
        if len(digits) != 8 or not digits.isdigit():
            raise ValueError(f"not a date: {text!r}")
        return cls(int(digits[:4]), int(digits[4:6]), int(digits[6:]))

    def iso(self) -> str:
        """``YYYY-MM-DD`` or ``--MM-DD`` when the year is unknown."""
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True, slots=True)
class ContactDate:
    """A labelled date other than the birthday and the anniversary."""

    date: PartialDate
    label: str = ""


@dataclass(frozen=True, slots=True)
class RelatedPerson:
    """Someone related to the contact: a name (or a URI such as urn:uuid:...) and how."""

    name: str
    relation: str = ""


@dataclass(slots=True)
class Contact:
    """A person (or organisation) the user knows."""

    display_name: str = ""
    id: int | None = None
    uid: str = ""
    # Structured name (vCard N): family; given; additional; prefixes; suffixes.
    family_name: str = ""
    given_name: str = ""
    additional_names: str = ""
    name_prefix: str = ""
    name_suffix: str = ""
    nickname: str = ""
    org: str = ""
    # Organisational units after the organisation name (ORG:Acme;Sales;EMEA).
    org_units: list[str] = field(default_factory=list)
    title: str = ""
    role: str = ""
    birthday: PartialDate | None = None
    anniversary: PartialDate | None = None
    # Other labelled dates and related people (X-ABDATE, RELATED, X-ABRELATEDNAMES...).
    other_dates: list[ContactDate] = field(default_factory=list)
    related: list[RelatedPerson] = field(default_factory=list)
    # "Remind me N days before" the birthday and anniversary; None: the global setting.
    remind_days_before: int | None = None
    notes: str = ""
    phones: list[LabeledValue] = field(default_factory=list)
    emails: list[LabeledValue] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    urls: list[LabeledValue] = field(default_factory=list)
    # IMPP, X-SOCIALPROFILE and friends: value is the URI or handle, label the service.
    social_profiles: list[LabeledValue] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    photo: bytes | None = None
    photo_mime: str = ""
    # A photo given only as a URI is kept as text and never fetched (privacy).
    photo_uri: str = ""
    # How and where we met: an event or group by name and kind, and a free note.
    met_event: str = ""
    met_event_kind: str = ""
    met_note: str = ""
    # Keep in touch every N days; None means no cadence of its own.
    keep_in_touch_days: int | None = None
    # The last logged interaction, carried by vCards (X-NETDESK-LAST-CONTACT) only: the store
    # derives it from the interactions, an import logs it as one.
    last_contact: dt.datetime | None = None
    source: str = ""
    # Content lines netdesk does not map, kept verbatim and written back on export.
    raw_properties: list[str] = field(default_factory=list)
    rev: str = ""
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


# The multi-valued fields (each a list of LabeledValue), read off the dataclass itself, so
# a new one added to Contact reaches validation, import merging and storage without a
# second list to keep in step.
LABELED_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(Contact) if f.type == "list[LabeledValue]"
)


def fallback_display_name(contact: Contact) -> str:
    """The name to show when a card has no FN: N parts, then ORG, then e-mail or phone.

    Never returns an empty string: a contact with nothing at all is "(no name)".
    """
    parts = [
        contact.name_prefix,
        contact.given_name,
        contact.additional_names,
        contact.family_name,
        contact.name_suffix,
    ]
    name = " ".join(p.strip() for p in parts if p and p.strip())
    if name:
        return name
    if contact.nickname.strip():
        return contact.nickname.strip()
    if contact.org.strip():
        return contact.org.strip()
    for values in (contact.emails, contact.phones):
        for v in values:
            if v.value.strip():
                return v.value.strip()
    return "(no name)"
