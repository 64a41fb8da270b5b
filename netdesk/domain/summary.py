"""One row of the contacts table (and of ``netdesk list``): what the list shows of a contact,
read in one pass over the store (see store/listing.py)."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class ContactSummary(NamedTuple):
    """One row of the contacts table (and of ``netdesk list``)."""

    id: int
    name: str
    sort_key: str
    org: str
    title: str
    email: str
    phone: str
    tags: tuple[str, ...]
    last_contact: dt.datetime | None
    next_due: dt.datetime | None
    emails: tuple[str, ...]
    phones: tuple[str, ...]
