"""``Contact`` objects -> Google's or Outlook's CSV import format (UTF-8 with a BOM for Excel).

Cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a CR) get a
leading apostrophe (OWASP's advice); our reader takes it off again, so a round trip keeps
"+49 …" phone numbers as they were.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from netdesk.csvimport.fields import FORMULA_STARTS
from netdesk.csvimport.outlook_headers import OUTLOOK_EN
from netdesk.domain.contact import Address, Contact, LabeledValue, PartialDate

CSV_EXPORT_PROFILES = ("google", "outlook")
BOM = "\ufeff"

GOOGLE_FIXED = [
    "First Name",
    "Middle Name",
    "Last Name",
    "Phonetic First Name",
    "Phonetic Middle Name",
    "Phonetic Last Name",
    "Name Prefix",
    "Name Suffix",
    "Nickname",
    "File As",
    "Organization Name",
    "Organization Title",
    "Organization Department",
    "Birthday",
    "Notes",
    "Photo",
    "Labels",
]
OUTLOOK_HEADER = [
    "First Name",
    "Middle Name",
    "Last Name",
    "Title",
    "Suffix",
    "Initials",
    "Web Page",
    "Gender",
    "Birthday",
    "Anniversary",
    "Location",
    "Language",
    "Internet Free Busy",
    "Notes",
    "E-mail Address",
    "E-mail 2 Address",
    "E-mail 3 Address",
    "Primary Phone",
    "Home Phone",
    "Home Phone 2",
    "Mobile Phone",
    "Pager",
    "Home Fax",
    "Home Address",
    "Home Street",
    "Home Street 2",
    "Home Street 3",
    "Home Address PO Box",
    "Home City",
    "Home State",
    "Home Postal Code",
    "Home Country",
    "Spouse",
    "Children",
    "Manager's Name",
    "Assistant's Name",
    "Referred By",
    "Company Main Phone",
    "Business Phone",
    "Business Phone 2",
    "Business Fax",
    "Assistant's Phone",
    "Company",
    "Job Title",
    "Department",
    "Office Location",
    "Organizational ID Number",
    "Profession",
    "Account",
    "Business Address",
    "Business Street",
    "Business Street 2",
    "Business Street 3",
    "Business Address PO Box",
    "Business City",
    "Business State",
    "Business Postal Code",
    "Business Country",
    "Other Phone",
    "Other Fax",
    "Other Address",
    "Other Street",
    "Other Street 2",
    "Other Street 3",
    "Other Address PO Box",
    "Other City",
    "Other State",
    "Other Postal Code",
    "Other Country",
    "Callback",
    "Car Phone",
    "ISDN",
    "Radio Phone",
    "TTY/TDD Phone",
    "Telex",
    "User 1",
    "User 2",
    "User 3",
    "User 4",
    "Keywords",
    "Mileage",
    "Hobby",
    "Billing Information",
    "Directory Server",
    "Sensitivity",
    "Priority",
    "Private",
    "Categories",
]
_ADDRESS_COLUMNS = {
    "street": "Street",
    "extended": "Street 2",
    "po_box": "Address PO Box",
    "locality": "City",
    "region": "State",
    "postal_code": "Postal Code",
    "country": "Country",
}


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will show as text, never evaluate."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n")
    out.writerow(header)
    for row in rows:
        out.writerow([neutralise(c) for c in row])
    return BOM + buf.getvalue()


_SERVICE_SPELLING = {"linkedin": "LinkedIn", "github": "GitHub", "youtube": "YouTube"}


def _label(v: LabeledValue) -> str:
    words = v.label.split()
    label = " ".join(_SERVICE_SPELLING.get(w, w.capitalize()) if w.islower() else w for w in words)
    return f"* {label or 'Other'}" if v.preferred else label


def _google_groups(counts: dict[str, int]) -> list[str]:
    header = []
    for n in range(1, counts["email"] + 1):
        header += [f"E-mail {n} - Label", f"E-mail {n} - Value"]
    for n in range(1, counts["phone"] + 1):
        header += [f"Phone {n} - Label", f"Phone {n} - Value"]
    for n in range(1, counts["address"] + 1):
        header += [
            f"Address {n} - {part}"
            for part in (
                "Label",
                "Formatted",
                "Street",
                "City",
                "PO Box",
                "Region",
                "Postal Code",
                "Country",
                "Extended Address",
            )
        ]
    for n in range(1, counts["url"] + 1):
        header += [f"Website {n} - Label", f"Website {n} - Value"]
    return header


def _google_row(c: Contact, counts: dict[str, int]) -> list[str]:
    row = [
        c.given_name,
        c.additional_names,
        c.family_name,
        "",
        "",
        "",
        c.name_prefix,
        c.name_suffix,
        c.nickname,
        "",
        c.org,
        c.title,
        " ".join(c.org_units),
        c.birthday.iso() if c.birthday else "",
        c.notes,
        "",
        " ::: ".join(["* myContacts", *c.tags]),
    ]
    for values, kind in ((c.emails, "email"), (c.phones, "phone")):
        for n in range(counts[kind]):
            row += [_label(values[n]), values[n].value] if n < len(values) else ["", ""]
    for n in range(counts["address"]):
        a = c.addresses[n] if n < len(c.addresses) else None
        row += _google_address(a)
    urls = [*c.urls, *c.social_profiles]
    for n in range(counts["url"]):
        row += [_label(urls[n]), urls[n].value] if n < len(urls) else ["", ""]
    return row


def _google_address(a: Address | None) -> list[str]:
    if a is None:
        return [""] * 9
    return [
        _label(LabeledValue("", a.label, a.preferred)),
        a.one_line(),
        a.street,
        a.locality,
        a.po_box,
        a.region,
        a.postal_code,
        a.country,
        a.extended,
    ]


def write_google_csv(contacts: Sequence[Contact]) -> str:
    counts = {
        "email": max((len(c.emails) for c in contacts), default=0),
        "phone": max((len(c.phones) for c in contacts), default=0),
        "address": max((len(c.addresses) for c in contacts), default=0),
        "url": max((len(c.urls) + len(c.social_profiles) for c in contacts), default=0),
    }
    header = [*GOOGLE_FIXED, *_google_groups(counts)]
    return _csv_text(header, (_google_row(c, counts) for c in contacts))


# Outlook has one column per kind of phone: the first phone with a label goes there.
_OUTLOOK_PHONE_COLUMNS = {}
for _header, _target in OUTLOOK_EN.items():
    if _target.field == "phone" and _header.title() in (h.title() for h in OUTLOOK_HEADER):
        _OUTLOOK_PHONE_COLUMNS.setdefault(_target.label, []).append(_header)


def _us_date(day: PartialDate) -> str:
    return f"{day.month}/{day.day}/{day.year}" if day.year else ""


def _outlook_row(c: Contact, index: dict[str, int]) -> list[str]:
    row = [""] * len(OUTLOOK_HEADER)

    def put(header: str, value: str) -> None:
        row[index[header.casefold()]] = value

    put("First Name", c.given_name)
    put("Middle Name", c.additional_names)
    put("Last Name", c.family_name)
    put("Title", c.name_prefix)
    put("Suffix", c.name_suffix)
    put("Company", c.org)
    put("Department", " ".join(c.org_units))
    put("Job Title", c.title)
    put("Notes", c.notes)
    put("Categories", ";".join(c.tags))
    if c.birthday:
        put("Birthday", _us_date(c.birthday))
    urls = [*c.urls, *c.social_profiles]
    if urls:
        put("Web Page", urls[0].value)
    for n, e in enumerate(c.emails[:3]):
        put(("E-mail Address", "E-mail 2 Address", "E-mail 3 Address")[n], e.value)
    free = {label: list(cols) for label, cols in _OUTLOOK_PHONE_COLUMNS.items()}
    for p in c.phones:
        columns = free.get(p.label) or free.get("other") or []
        if columns:
            put(columns.pop(0), p.value)
    used: set[str] = set()
    for a in c.addresses:
        where = {"work": "Business", "home": "Home"}.get(a.label, "Other")
        if where in used:
            continue
        used.add(where)
        for attr, suffix in _ADDRESS_COLUMNS.items():
            put(f"{where} {suffix}", getattr(a, attr))
    return row


def write_outlook_csv(contacts: Iterable[Contact]) -> str:
    index = {h.casefold(): i for i, h in enumerate(OUTLOOK_HEADER)}
    return _csv_text(OUTLOOK_HEADER, (_outlook_row(c, index) for c in contacts))


def write_csv(contacts: Iterable[Contact], profile: str = "google") -> str:
    """The whole file as text (starting with a BOM); ``profile`` is "google" or "outlook"."""
    if profile == "google":
        return write_google_csv(list(contacts))
    if profile == "outlook":
        return write_outlook_csv(contacts)
    raise ValueError(f"cannot write CSV profile {profile!r}; use google or outlook")
