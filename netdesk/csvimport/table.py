"""Text -> header row and data rows: the header may sit below a preamble, the delimiter varies.

LinkedIn puts a "Notes:" line and a quoted disclaimer above its header; Excel in Europe saves
with ";"; Outlook's "Unicode" export uses tabs. Quoted cells may hold newlines and delimiters.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from netdesk.csvimport.profiles import is_known_header

DELIMITERS = (",", ";", "\t", "|")
# The header is looked for in the first lines only: a preamble is a few lines long.
_HEADER_SEARCH_LINES = 30
# csv's default field limit (128 KiB) is too small for a long Notes cell.
csv.field_size_limit(16 * 1024 * 1024)


@dataclass
class CsvTable:
    text: str
    delimiter: str
    # 1-based physical line of the header row, and its cells.
    header_line: int
    headers: list[str]
    # Offset of the first data row in ``text``.
    body_start: int

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(1-based physical line where the row starts, cells) for every data row."""
        reader = csv.reader(io.StringIO(self.text[self.body_start :], newline=""), self._dialect())
        first = self.header_line + 1
        start = 0
        for cells in reader:
            yield first + start, cells
            start = reader.line_num

    def _dialect(self) -> type[csv.Dialect]:
        class Dialect(csv.excel):
            delimiter = self.delimiter

        return Dialect


def _split(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            count += 1
    return count


def sniff_delimiter(line: str) -> str:
    """The candidate that occurs most often outside quotes; "," on a tie or none."""
    counts = {d: _count_outside_quotes(line, d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _lines_with_offsets(text: str, limit: int) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    while pos < len(text) and len(out) < limit:
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end + 1
        out.append((pos, text[pos:end].rstrip("\r\n")))
        pos = end
    return out


def find_table(text: str, delimiter: str | None = None) -> CsvTable:
    """The header row (the first line with two or more known column names, else the first
    line with two or more cells) and where the data starts. Raises ValueError if no line has
    two cells."""
    lines = _lines_with_offsets(text, _HEADER_SEARCH_LINES)
    fallback: tuple[int, int, str, list[str]] | None = None
    for number, (offset, line) in enumerate(lines, start=1):
        if not line.strip():
            continue
        delim = delimiter or sniff_delimiter(line)
        cells = _split(line, delim)
        if len([c for c in cells if c.strip()]) < 2:
            continue
        known = sum(1 for c in cells if c.strip() and is_known_header(c))
        if known >= 2:
            return _table(text, lines, number, offset, delim, cells)
        if fallback is None:
            fallback = (number, offset, delim, cells)
    if fallback is None:
        raise ValueError("no header row found (no line with two or more columns)")
    number, offset, delim, cells = fallback
    return _table(text, lines, number, offset, delim, cells)


def _table(text, lines, number, offset, delimiter, cells) -> CsvTable:
    end = offset + len(lines[number - 1][1])
    # Skip the header's own line ending.
    if text.startswith("\r\n", end):
        end += 2
    elif end < len(text) and text[end] in "\r\n":
        end += 1
    headers = [c.strip().lstrip("\ufeff") for c in cells]
    return CsvTable(text, delimiter, number, headers, end)
