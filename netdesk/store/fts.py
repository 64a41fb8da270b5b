"""The FTS5 search index (``contacts_fts``): what goes in, and how user text becomes a query.

The virtual table is created by the initial migration with ``unicode61 remove_diacritics 2``,
so case and accents are folded by SQLite itself ("zoe" matches "Zoë", "muller" "MÜLLER").
unicode61 does not fold letters that are letters of their own (ł, ø, đ, ß, æ...), so a
body with non-ASCII text is stored as its ``fold()`` (``searchable``), and queries are folded
the same way: "lukasiewicz" and "Łukasiewicz" both find "Łukasiewicz". Its rowid is the
contact id.

One folded copy is enough: every query is folded before it reaches the index, so the as
written text could only ever match a word the folded text matches too (revisions 0007 to
0008 kept both, which doubled each non-ASCII document and every rewrite of it; migration
0009 (0009_fts_single.py) dropped the as-written half).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from netdesk.domain.contact import Contact
from netdesk.domain.text import fold

if TYPE_CHECKING:
    from sqlalchemy import Connection

INSERT_SQL = "INSERT INTO contacts_fts(rowid, body) VALUES (?, ?)"
_NON_DIGITS = re.compile(r"\D+")
# Tokens as unicode61 sees them: runs of letters, digits and combining marks.
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def document(cid: int, c: Contact) -> tuple[int, str]:
    """The searchable text of one contact, as an (rowid, body) row of the index."""
    parts = [
        c.display_name,
        c.nickname,
        c.given_name,
        c.family_name,
        c.additional_names,
        c.org,
        *c.org_units,
        c.title,
        c.role,
        c.notes,
        c.met_note,
        c.met_event,
        *c.tags,
    ]
    parts += [e.value for e in c.emails]
    for p in c.phones:
        parts.append(p.value)
        parts += phone_forms(p.value)
    return cid, searchable("\n".join(p for p in parts if p))


def searchable(body: str) -> str:
    """What the index holds for ``body``: its ``fold()`` (ASCII text as it is: unicode61
    lowercases it, and that is all fold would do)."""
    return body if body.isascii() else fold(body)


# ITU-T E.164 country calling codes form a prefix code: these 1- and 2-digit codes, every
# other code has 3 digits. Knowing the split lets "2079460018" or "02079460018" find
# "+44 20 7946 0018" without indexing every possible split.
_CC1 = {"1", "7"}
_CC2 = {
    "20",
    "27",
    "30",
    "31",
    "32",
    "33",
    "34",
    "36",
    "39",
    "40",
    "41",
    "43",
    "44",
    "45",
    "46",
    "47",
    "48",
    "49",
    "51",
    "52",
    "53",
    "54",
    "55",
    "56",
    "57",
    "58",
    "60",
    "61",
    "62",
    "63",
    "64",
    "65",
    "66",
    "81",
    "82",
    "84",
    "86",
    "90",
    "91",
    "92",
    "93",
    "94",
    "95",
    "98",
}


def phone_forms(value: str) -> list[str]:
    """Digit strings a user might type for a number: all digits, and for international
    numbers the national number with and without its leading 0."""
    digits = _NON_DIGITS.sub("", value)
    if not digits:
        return []
    forms = [digits]
    international = _international(value, digits)
    if international is not None:
        national = _national(international)
        if len(national) >= 4:
            forms += [national, "0" + national]
    return forms


def _international(value: str, digits: str) -> str | None:
    """The digits after the country-code marker ("+" or "00"), or None for a national
    number."""
    if value.lstrip().startswith("+"):
        return digits
    return digits[2:] if digits.startswith("00") else None


def _national(international: str) -> str:
    cc = 1 if international[:1] in _CC1 else 2 if international[:2] in _CC2 else 3
    return international[cc:]


# What a typed phone number looks like: digits with the usual separators, at least three
# digits, and either a separator inside or a leading "+"/"00" (plain digits need nothing).
_PHONE_TEXT = re.compile(r"\s*\+?[\d\s().\-/]*\d[\d\s().\-/]*")


def _phone_query(user_text: str) -> str | None:
    """An FTS5 expression finding a typed number however it was stored: "+49 30 1234567",
    "0049 30 1234567" and "030 1234567" find each other (the index holds each stored
    number's digits, and for international ones the national form with its 0)."""
    if not _PHONE_TEXT.fullmatch(user_text):
        return None
    digits = _NON_DIGITS.sub("", user_text)
    stripped = user_text.strip()
    if len(digits) < 3 or not (stripped.startswith(("+", "00")) or not stripped.isdigit()):
        return None
    forms = [digits]
    international = _international(stripped, digits)
    if international:
        forms = [international, "00" + international]
        national = _national(international)
        if len(national) >= 2:
            forms.append("0" + national)
    return " OR ".join(f'"{f}"*' for f in dict.fromkeys(forms))


def delete_rows(conn: Connection, ids: Sequence[int]) -> None:
    if ids:
        cur = conn.connection.driver_connection.cursor()
        cur.executemany("DELETE FROM contacts_fts WHERE rowid = ?", [(i,) for i in ids])
        cur.close()


def match_query(user_text: str) -> str | None:
    """Turn what the user typed into an FTS5 MATCH expression, or None for "everything".

    Every word must match as a prefix, in any column: "ada lov" finds "Ada Lovelace".
    Text that looks like a phone number is searched as one number in any format.
    Words are quoted, so FTS5 operators typed by the user (AND, NEAR, quotes) are plain text.
    """
    phone = _phone_query(user_text)
    if phone is not None:
        return phone
    tokens = _TOKEN.findall(fold(user_text))
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens)
