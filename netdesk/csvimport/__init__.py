"""Contacts from CSV exports (LinkedIn, Google, Outlook, anything with a header row).

Pure: bytes in, domain ``Contact`` objects, first interactions and per-row problems out.
No I/O, no Qt, no SQLAlchemy; the import service writes what this package reads.
"""

from netdesk.csvimport.decoding import decode_csv_bytes
from netdesk.csvimport.fields import FIELD_NAMES, Target
from netdesk.csvimport.profiles import PROFILES
from netdesk.csvimport.reader import (
    CsvError,
    CsvLayout,
    CsvRead,
    FirstMeeting,
    RowProblem,
    iter_rows,
    open_csv,
    read_csv,
)
from netdesk.csvimport.writer import CSV_EXPORT_PROFILES, write_csv

__all__ = [
    "CSV_EXPORT_PROFILES",
    "FIELD_NAMES",
    "PROFILES",
    "CsvError",
    "CsvLayout",
    "CsvRead",
    "FirstMeeting",
    "RowProblem",
    "Target",
    "decode_csv_bytes",
    "iter_rows",
    "open_csv",
    "read_csv",
    "write_csv",
]
