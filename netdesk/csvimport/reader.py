"""``read_csv``: bytes -> decoded table -> profile + mapping -> contacts and per-row problems."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from netdesk.csvimport.dates import noon_utc
from netdesk.csvimport.decoding import EncodingError, decode_csv_bytes
from netdesk.csvimport.fields import Target, parse_target
from netdesk.csvimport.profiles import (
    FAMILIES,
    Profile,
    detect_profile,
    mapping_for,
    normalise_header,
)
from netdesk.csvimport.rows import RowError, RowReader
from netdesk.csvimport.table import CsvTable, find_table
from netdesk.domain.contact import Contact

FIRST_MEETING_NOTE = "Connected on LinkedIn"


class CsvError(ValueError):
    """The file cannot be read as a contacts CSV at all (nothing is imported)."""


@dataclass(frozen=True, slots=True)
class RowProblem:
    """Something wrong with one row; the same fields as the vCard reader's ``CardProblem``
    (``card`` is the row number among the data rows, ``line`` the physical line)."""

    file: str
    card: int
    line: int
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        prefix = f"{self.file}: " if self.file else ""
        return f"{prefix}row {self.card}, line {self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class FirstMeeting:
    """When the user and the contact (by the contact's UID) first connected."""

    uid: str
    at: dt.datetime
    note: str = FIRST_MEETING_NOTE


@dataclass
class CsvLayout:
    """What was detected: the dialog shows it and lets the user change it."""

    encoding: str
    delimiter: str
    header_line: int
    headers: list[str]
    profile: Profile
    targets: list[Target | None]

    def mapping_specs(self) -> dict[str, str]:
        return {
            h: (t.spec() if t else "ignore")
            for h, t in zip(self.headers, self.targets, strict=False)
        }


@dataclass
class CsvRead:
    layout: CsvLayout
    items: list[Contact | RowProblem] = field(default_factory=list)
    first_meetings: list[FirstMeeting] = field(default_factory=list)

    @property
    def contacts(self) -> list[Contact]:
        return [i for i in self.items if isinstance(i, Contact)]

    @property
    def problems(self) -> list[RowProblem]:
        return [i for i in self.items if isinstance(i, RowProblem)]


def _apply_overrides(
    headers: Sequence[str], targets: list[Target | None], overrides: Mapping[str, str]
) -> list[Target | None]:
    out = list(targets)
    by_name = {normalise_header(h): i for i, h in reversed(list(enumerate(headers)))}
    for column, spec in overrides.items():
        index = by_name.get(normalise_header(column))
        if index is None:
            raise CsvError(f"no column {column!r} in this file (columns: {', '.join(headers)})")
        try:
            out[index] = parse_target(spec, f"col{index}")
        except ValueError as exc:
            raise CsvError(str(exc)) from exc
    return out


def open_csv(
    data: bytes,
    profile: str | None = None,
    overrides: Mapping[str, str] | None = None,
    encoding: str | None = None,
    require_known: bool = True,
) -> tuple[CsvTable, CsvLayout]:
    """Decode, find the header, pick the profile and the mapping; raises CsvError.

    ``require_known=False`` gives a layout even when no column is mapped (the dialog then
    lets the user map them)."""
    if profile is not None and profile not in FAMILIES:
        raise CsvError(f"unknown profile {profile!r}; use one of {', '.join(FAMILIES)}")
    try:
        text, used = decode_csv_bytes(data, encoding)
    except EncodingError as exc:
        raise CsvError(str(exc)) from exc
    if "\x00" in text:
        raise CsvError("this is not a text file (it holds NUL characters); is it a CSV?")
    try:
        table = find_table(text)
    except ValueError as exc:
        raise CsvError(str(exc)) from exc
    chosen = detect_profile(table.headers, profile)
    targets = mapping_for(chosen, table.headers)
    if overrides:
        targets = _apply_overrides(table.headers, targets, overrides)
    if require_known and not any(t is not None and t.field != "ignore" for t in targets):
        raise CsvError(
            f"none of the columns ({', '.join(table.headers[:8])}…) is one netdesk knows; "
            'map them with --map "Column=field"'
        )
    layout = CsvLayout(used, table.delimiter, table.header_line, table.headers, chosen, targets)
    return table, layout


def iter_rows(
    table: CsvTable, layout: CsvLayout, filename: str = "", limit: int | None = None
) -> Iterator[Contact | RowProblem | FirstMeeting]:
    """Contacts, their first meetings and problems in file order; never raises per row."""
    reader = RowReader(layout.profile, layout.targets)
    number, line = 0, table.header_line
    try:
        for line, cells in table.rows():
            if limit is not None and number >= limit:
                return
            items = _row_items(reader, cells, filename, number + 1, line)
            if items:  # blank rows (Excel's trailing ",,,,") are not rows
                number += 1
                yield from items
    except csv.Error as exc:  # e.g. a cell beyond the size limit: keep what was read
        yield RowProblem(filename, number + 1, line + 1, f"reading stopped here: {exc}")


def _row_items(
    reader: RowReader, cells: list[str], filename: str, number: int, line: int
) -> list[Contact | RowProblem | FirstMeeting]:
    """What one row gives; an empty list for a blank row."""
    try:
        result = reader.read(cells)
    except RowError as exc:
        return [RowProblem(filename, number, line, str(exc))]
    except ValueError as exc:  # a bad cell we did not foresee: skip the row, say why
        return [RowProblem(filename, number, line, f"row skipped: {exc}")]
    if result is None:
        return []
    items: list[Contact | RowProblem | FirstMeeting] = [
        RowProblem(filename, number, line, message, skipped=False) for message in result.warnings
    ]
    items.append(result.contact)
    if result.connected_on is not None:
        items.append(FirstMeeting(result.contact.uid, noon_utc(result.connected_on)))
    return items


def read_csv(
    data: bytes,
    filename: str = "",
    profile: str | None = None,
    overrides: Mapping[str, str] | None = None,
    encoding: str | None = None,
) -> CsvRead:
    """Everything in one go (tests, small files); raises CsvError for an unreadable file."""
    table, layout = open_csv(data, profile, overrides, encoding)
    out = CsvRead(layout)
    for item in iter_rows(table, layout, filename):
        if isinstance(item, FirstMeeting):
            out.first_meetings.append(item)
        else:
            out.items.append(item)
    return out
