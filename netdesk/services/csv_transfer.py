"""CSV import (LinkedIn, Google, Outlook, generic) through the vCard import's own machinery.

Rows become ``Contact`` objects in ``netdesk.csvimport`` and go through
``TransferService.import_contacts``: the same matching rule, the same report, one
transaction per file. LinkedIn's "Connected On" becomes a first interaction, added once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from netdesk.csvimport import (
    CSV_EXPORT_PROFILES,
    CsvError,
    CsvLayout,
    FirstMeeting,
    iter_rows,
    open_csv,
    write_csv,
)
from netdesk.domain.activity import Interaction
from netdesk.domain.contact import Contact
from netdesk.domain.matching import names_compatible, normalise_email
from netdesk.services.errors import ServiceError
from netdesk.services.import_source import MAX_FILE_BYTES
from netdesk.services.transfer import ExportCancelled, ImportReport, Progress, TransferService
from netdesk.store.db import Database
from netdesk.store.safe_files import atomic_text_writer

CSV_SUFFIXES = (".csv", ".tsv")
VCARD_SUFFIXES = (".vcf", ".vcard")
FIRST_MEETING_CHANNEL = "other"


@dataclass
class CsvOptions:
    """What the user chose: a profile family, column overrides, an encoding (None: detect)."""

    profile: str | None = None
    overrides: Mapping[str, str] = field(default_factory=dict)
    encoding: str | None = None


@dataclass
class CsvPreview:
    layout: CsvLayout
    # The first rows as the file has them (for the mapping table).
    rows: list[list[str]]
    # What an import would do now, counted by running it and rolling it back.
    report: ImportReport


class _DryRun(Exception):
    pass


def is_csv_path(path: Path | str) -> bool:
    """.csv/.tsv; .vcf/.vcard never; anything else (Outlook's tab-separated export is a .txt)
    when its start has no BEGIN:VCARD (UTF-16 files are looked at decoded)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return True
    if suffix in VCARD_SUFFIXES:
        return False
    try:
        with path.open("rb") as f:
            head = f.read(65536)
    except OSError:
        return False  # the vCard importer reports why it cannot be read
    text = head.decode("utf-16", "ignore") if head[:2] in (b"\xff\xfe", b"\xfe\xff") else ""
    return b"begin:vcard" not in head.lower() and "begin:vcard" not in text.lower()


def read_file_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ServiceError(f"{path.name} is larger than 512 MB; is it an address book?")
        return path.read_bytes()
    except OSError as exc:
        raise ServiceError(f"cannot read {path}: {exc.strerror or exc}") from exc


class CsvImportService:
    def __init__(self, database: Database) -> None:
        self.transfer = TransferService(database)

    def _open(self, data: bytes, options: CsvOptions, require_known: bool = True):
        try:
            return open_csv(
                data, options.profile, options.overrides, options.encoding, require_known
            )
        except CsvError as exc:
            raise ServiceError(str(exc)) from exc

    def layout(self, data: bytes, options: CsvOptions) -> CsvLayout:
        """The detected layout, even when no column is known yet (the user maps them)."""
        return self._open(data, options, require_known=False)[1]

    def sample(
        self, data: bytes, options: CsvOptions, rows: int = 20
    ) -> tuple[CsvLayout, list[list[str]]]:
        """The detected layout and the first ``rows`` data rows as the file has them."""
        table, layout = self._open(data, options, require_known=False)
        sample: list[list[str]] = []
        for _line, cells in table.rows():
            if len(sample) >= rows:
                break
            sample.append(cells)
        return layout, sample

    def preview(self, data: bytes, name: str, options: CsvOptions, rows: int = 20) -> CsvPreview:
        """Detected layout, the first rows, and the counts an import would give (no writes)."""
        layout, sample = self.sample(data, options, rows)
        captured: list[ImportReport] = []

        def roll_back(conn, report: ImportReport) -> None:
            captured.append(report)
            raise _DryRun

        with contextlib.suppress(_DryRun):
            self._run(data, name, options, None, None, roll_back)
        return CsvPreview(layout, sample, captured[0])

    def import_bytes(
        self,
        data: bytes,
        name: str,
        options: CsvOptions | None = None,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportReport:
        return self._run(data, name, options or CsvOptions(), progress, cancelled, None)

    def import_file(
        self,
        path: Path | str,
        options: CsvOptions | None = None,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportReport:
        path = Path(path)
        return self.import_bytes(read_file_bytes(path), path.name, options, progress, cancelled)

    def _run(self, data, name, options, progress, cancelled, after) -> ImportReport:
        table, layout = self._open(data, options)
        meetings: list[FirstMeeting] = []
        # Rows with e-mail may be merged into someone stored under another UID; keep them
        # (only when the file has connection dates) to find where their meeting belongs.
        by_uid: dict[str, Contact] = {}
        keep = any(t is not None and t.field == "connected_on" for t in layout.targets)

        def contacts_and_problems():
            for item in iter_rows(table, layout, name):
                if isinstance(item, FirstMeeting):
                    meetings.append(item)
                    continue
                if keep and isinstance(item, Contact) and item.uid and item.emails:
                    by_uid[item.uid] = item
                yield item

        def finish(conn, report: ImportReport) -> None:
            _add_first_meetings(conn, meetings, by_uid)
            if after is not None:
                after(conn, report)

        total = max(table.text.count("\n") - table.header_line, 0) if progress else 0
        return self.transfer.import_contacts(
            contacts_and_problems(),
            f"csv:{name}",
            progress,
            cancelled,
            0,
            total,
            finish,
        )


def _add_first_meetings(conn, meetings: list[FirstMeeting], rows: dict[str, Contact]) -> None:
    """Each meeting on the contact its row became: by UID, or (merged into someone already
    stored) by the row's e-mail and a compatible name, as the importer matched it."""
    if not meetings:
        return
    from netdesk.store.contacts import ContactRepository
    from netdesk.store.imported_interactions import add_missing_interactions

    repo = ContactRepository(conn)
    ids = repo.ids_by_uid(m.uid for m in meetings)
    interactions = []
    for m in meetings:
        contact_id = ids.get(m.uid)
        if contact_id is None and m.uid in rows:
            contact_id = _matched_id(repo, rows[m.uid])
        if contact_id is not None:
            interactions.append(Interaction(contact_id, m.at, FIRST_MEETING_CHANNEL, m.note))
    add_missing_interactions(conn, interactions)


def _matched_id(repo, row: Contact) -> int | None:
    keys = [normalise_email(e.value) for e in row.emails]
    hits = repo.ids_by_match_key("email", keys)
    for ids in hits.values():
        for stored in repo.get_many(ids):
            if names_compatible(stored, row):
                return stored.id
    return None


class CsvExportService:
    """Contacts as a Google or Outlook CSV file (UTF-8 with a BOM, formulas neutralised)."""

    def __init__(self, database: Database) -> None:
        self.transfer = TransferService(database)

    def export_text(
        self, profile: str = "google", ids: Sequence[int] | None = None, tag: str | None = None
    ) -> tuple[str, int]:
        if profile not in CSV_EXPORT_PROFILES:
            raise ServiceError(f"CSV profile {profile!r} is not supported (use google or outlook)")
        chosen = self.transfer._ids(ids, tag)
        contacts = list(self.transfer._contacts(chosen))
        return write_csv(contacts, profile), len(contacts)

    def export(
        self,
        path: Path | str,
        profile: str = "google",
        ids: Sequence[int] | None = None,
        tag: str | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """Write the file atomically: a failed write leaves any old file as it was, and so
        does a ``cancelled()`` that is true before the file would be renamed into place."""
        text, count = self.export_text(profile, ids, tag)
        path = Path(path)
        try:  # private, atomic, no devices or FIFOs: the same writer as every export
            with atomic_text_writer(path) as out:
                out.write(text)
                if cancelled and cancelled():
                    raise ExportCancelled()  # the writer removes its temporary
        except OSError as exc:
            raise ServiceError(f"could not write {path}: {exc.strerror or exc}") from exc
        return count
