"""What a CSV column can mean: the field vocabulary shared by profiles, ``--map`` and the dialog.

A column maps to a ``Target``: a field name, a group (columns with the same field kind and
group make ONE value, e.g. Google's ``E-mail 2 - Label`` and ``E-mail 2 - Value``) and a fixed
label for files that say the label in the header instead (Outlook's ``Mobile Phone``).
"""

from __future__ import annotations

from dataclasses import dataclass

# Fields that hold one value per contact.
SINGLE_FIELDS = (
    "display_name",
    "given_name",
    "additional_names",
    "family_name",
    "name_prefix",
    "name_suffix",
    "nickname",
    "org",
    "department",
    "title",
    "birthday",
    "notes",
    "tags",
    "linkedin",
    "connected_on",
)
# Fields that add one value to a list; "<kind>_label" columns give that value's label.
MULTI_FIELDS = (
    "email",
    "email_label",
    "phone",
    "phone_label",
    "url",
    "url_label",
    "street",
    "extended",
    "po_box",
    "city",
    "region",
    "postal_code",
    "country",
    "address_label",
    # A whole address in one cell (Google's "Formatted", Outlook's "Home Address"); used
    # only when the file gives no street, city... of that address.
    "address_formatted",
)
IGNORE = "ignore"
# What a spreadsheet reads as the start of a formula; the CSV writer puts "'" before these.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FIELD_NAMES = (*SINGLE_FIELDS, *MULTI_FIELDS, IGNORE)
ADDRESS_PARTS = ("street", "extended", "po_box", "city", "region", "postal_code", "country")

# Friendlier spellings accepted by ``--map`` ("Column=first_name").
FIELD_ALIASES = {
    "first_name": "given_name",
    "first": "given_name",
    "middle_name": "additional_names",
    "last_name": "family_name",
    "last": "family_name",
    "surname": "family_name",
    "name": "display_name",
    "full_name": "display_name",
    "prefix": "name_prefix",
    "suffix": "name_suffix",
    "company": "org",
    "organisation": "org",
    "organization": "org",
    "position": "title",
    "job_title": "title",
    "note": "notes",
    "labels": "tags",
    "categories": "tags",
    "website": "url",
    "web": "url",
    "e-mail": "email",
    "mobile": "phone:mobile",
    "zip": "postal_code",
    "state": "region",
    "skip": IGNORE,
    "none": IGNORE,
}


@dataclass(frozen=True, slots=True)
class Target:
    field: str
    group: str = ""
    label: str = ""

    def kind(self) -> str:
        """'email', 'phone', 'url', 'address' for list fields; the field itself otherwise."""
        if self.field in ADDRESS_PARTS or self.field.startswith("address_"):
            return "address"
        return self.field.removesuffix("_label")

    def spec(self) -> str:
        """The ``--map`` spelling: ``phone:mobile`` for a fixed label, else the field."""
        return f"{self.field}:{self.label}" if self.label else self.field


def parse_target(text: str, group: str) -> Target:
    """``field`` or ``field:label`` (from ``--map`` or the dialog); raises ValueError."""
    name, _, label = text.strip().partition(":")
    name = name.strip().lower().replace(" ", "_")
    name = FIELD_ALIASES.get(name, name)
    if ":" in name:  # an alias that carries its own label ("mobile")
        name, _, implied = name.partition(":")
        label = label or implied
    if name not in FIELD_NAMES:
        raise ValueError(f"unknown field {text.strip()!r}; known fields: {', '.join(FIELD_NAMES)}")
    return Target(name, group if name in MULTI_FIELDS else "", label.strip().lower())
