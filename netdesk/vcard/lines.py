"""From file bytes to cards of logical (unfolded) content lines.

This is the hot path of an import, so it is plain string work rather than vobject's
component building (which runs at ~1,700 cards/s). The file is decoded and split in chunks
of about a megabyte, cut just before a ``BEGIN:VCARD`` line, so memory stays flat however
large the file is.

Handled here: UTF-8 BOM, UTF-16 and UTF-32 (LE/BE, with or without a BOM), bytes that are
not UTF-8 (kept as surrogate escapes and re-decoded per line later, honouring CHARSET),
LF / CRLF / CR CR LF / lone CR line endings and mixtures of them, RFC folding (CRLF + one
space or tab), vCard 2.1 quoted-printable soft line breaks, 2.1 base64 blocks whose
continuation lines are not indented, and 2.1 AGENT properties that embed a whole vCard.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from netdesk.vcard.problems import CardProblem

_CHUNK_BYTES = 1 << 20
# One card bigger than this is no contact (a phone's photo is well under 1 MB): it is skipped
# with a problem instead of holding millions of lines in memory.
MAX_CARD_CHARS = 20 * 1024 * 1024
MAX_CARD_LINES = 100_000
# A chunk ends right after a newline that is followed by BEGIN:VCARD, so no card is cut.
_NEXT_BEGIN = re.compile(rb"\n(?=[ \t]*(?:\xef\xbb\xbf)?BEGIN:VCARD)", re.IGNORECASE)
_UTF8_BOM = b"\xef\xbb\xbf"
# A line that ends or starts a card (what the line loop compares with strip().upper()).
_BOUNDARY = re.compile(r"^\s*(?:END|BEGIN):VCARD\s*$", re.IGNORECASE | re.MULTILINE)


@dataclass(slots=True)
class RawCard:
    """One BEGIN:VCARD ... END:VCARD block as logical lines, each with its first line number."""

    number: int
    start_line: int
    lines: list[tuple[int, str]] = field(default_factory=list)
    # Set when the chunk held bytes that are not UTF-8: lines may carry surrogate escapes.
    undecoded: bool = False
    problems: list[CardProblem] = field(default_factory=list)
    # Characters seen so far; past MAX_CARD_* the lines are dropped and the card is skipped.
    size: int = 0
    oversized: bool = False


def _chunks(data: bytes) -> Iterator[tuple[str, bool]]:
    """Decoded, newline-normalised text pieces and whether each had non-UTF-8 bytes."""
    wide = wide_encoding(data[:4])
    if wide is not None:
        # UTF-16/32 (Outlook, Apple, Windows tools): rare and small, decode in one go. An mmap
        # has no decode(): slice it to bytes first.
        yield _normalise(bytes(data[:]).decode(wide, errors="replace")), False
        return
    pos = 3 if data[:3] == _UTF8_BOM else 0
    size = len(data)
    while pos < size:
        end = pos + _CHUNK_BYTES
        if end >= size:
            end = size
        else:
            # Cut before the next card, or, inside one huge card, after any line: a chunk
            # must stay about a megabyte whatever the file holds.
            window_end = end + _CHUNK_BYTES
            # The regex costs ~60 ms per MB without a match (a lookahead at every newline);
            # a plain search first skips it inside one huge card.
            has_begin = b"begin:vcard" in data[end:window_end].lower()
            m = _NEXT_BEGIN.search(data, end, window_end) if has_begin else None
            if m:
                end = m.start() + 1
            else:
                newline = data.find(b"\n", end)
                end = newline + 1 if newline >= 0 else size
        piece = data[pos:end]
        try:
            text, undecoded = piece.decode("utf-8"), False
        except UnicodeDecodeError:
            text, undecoded = piece.decode("utf-8", errors="surrogateescape"), True
        yield _normalise(text), undecoded
        pos = end


_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),  # before UTF-16 LE, whose BOM it starts with
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)


def wide_encoding(head: bytes) -> str | None:
    """UTF-16/32 (LE or BE) from a byte-order mark or, without one, from where the zero
    bytes of the first (ASCII) characters fall; None for UTF-8 and 8-bit files."""
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec
    if len(head) < 4:
        return None
    zeros = tuple(b == 0 for b in head)
    return {
        (False, True, True, True): "utf-32-le",
        (True, True, True, False): "utf-32-be",
        (False, True, False, True): "utf-16-le",
        (True, False, True, False): "utf-16-be",
    }.get(zeros)


def _normalise(text: str) -> str:
    if "\r" in text:
        # Order matters: CR CR LF (some iPhone / Thunderbird exports) before CRLF before CR.
        text = text.replace("\r\r\n", "\n").replace("\r\n", "\n").replace("\r", "\n")
    if "\ufeff" in text:
        # Concatenated exports can carry a BOM in front of every BEGIN:VCARD. Only a BOM at
        # a line start goes: inside a value U+FEFF is (odd but) content.
        text = text.replace("\n\ufeff", "\n")
        if text.startswith("\ufeff"):
            text = text[1:]
    return text


def _head(line: str) -> str:
    """The part before the value, upper-cased (good enough to look for parameters)."""
    return line.split(":", 1)[0].upper()


def _is_qp(line: str) -> bool:
    return "QUOTED-PRINTABLE" in _head(line)


def _is_base64(line: str) -> bool:
    head = _head(line)
    return "BASE64" in head or "ENCODING=B" in head


def iter_raw_cards(data: bytes, filename: str = "") -> Iterator[RawCard | CardProblem]:
    """Yield each card's logical lines, and problems found outside cards, in file order."""
    card: RawCard | None = None
    parts: list[str] = []  # physical pieces of the logical line being assembled
    part_line = 0
    nested: list[str] | None = None  # lines of a vCard embedded in a 2.1 AGENT property
    depth = 0
    count = 0
    junk_start = 0
    junk_lines = 0
    base = 1

    for chunk, undecoded in _chunks(data):
        text = chunk
        if card is not None and card.oversized:
            skipped, text = _skip_to_boundary(chunk)
            base += skipped
        lines = text.split("\n") if text else []
        if len(lines) > 1 and not lines[-1]:
            lines.pop()  # the chunk ended with a newline: no empty line there
        lineno = base - 1
        for line in lines:
            lineno += 1
            if card is None:
                stripped = line.strip()
                if not stripped:
                    continue
                if stripped.upper() == "BEGIN:VCARD":
                    if junk_lines:
                        yield _junk_problem(filename, junk_start, junk_lines)
                        junk_lines = 0
                    count += 1
                    card = RawCard(count, lineno, undecoded=undecoded)
                    continue
                if not junk_lines:
                    junk_start = lineno
                junk_lines += 1
                continue
            if undecoded:
                card.undecoded = True
            card.size += len(line) + 1
            if card.oversized or (
                card.size > MAX_CARD_CHARS or lineno - card.start_line > MAX_CARD_LINES
            ):
                if not card.oversized:
                    card.oversized = True
                    card.lines.clear()
                    parts, nested = [], None
                if line and (line[0] in "EeBb" or line[0].isspace()) and _is_boundary(line):
                    yield _oversized(filename, card)
                    card = None
                    if line.strip().upper() == "BEGIN:VCARD":
                        count += 1
                        card = RawCard(count, lineno, undecoded=undecoded)
                continue

            if nested is not None:
                stripped = line.strip().upper()
                if stripped == "BEGIN:VCARD" and not nested[-1].upper().rstrip().endswith("AGENT:"):
                    # The embedded AGENT card never ended and this is the next card of the
                    # file: close the AGENT here, and the card below, rather than swallow
                    # every card that follows.
                    _attach_agent(card, nested)
                    nested = None
                else:
                    nested.append(line)
                    if stripped == "BEGIN:VCARD":
                        depth += 1
                    elif stripped == "END:VCARD":
                        depth -= 1
                        if depth == 0:
                            _attach_agent(card, nested)
                            nested = None
                    continue

            if parts:
                last = parts[-1]
                # A 2.1 quoted-printable soft line break: "=" at the end joins the next line
                # as it is (a leading space there is content, not folding).
                if last.endswith("=") and _is_qp(parts[0]) and not _is_boundary(line):
                    parts[-1] = last[:-1]
                    parts.append(line)
                    continue
                if line[:1] in (" ", "\t"):
                    parts.append(line[1:])
                    continue
                if line and ":" not in line and _is_base64(parts[0]):
                    # 2.1 writers may end base64 with a blank line and not indent the rest.
                    parts.append(line.strip())
                    continue
                card.lines.append((part_line, parts[0] if len(parts) == 1 else "".join(parts)))
                parts = []
            if not line or line.isspace():
                continue  # a blank line ends a 2.1 base64 block or a soft-broken QP value
            first = line[0]
            if (first in "Ee" and line[3:4] == ":") or (first in "Bb" and line[5:6] == ":"):
                stripped = line.strip().upper()
                if stripped == "END:VCARD":
                    yield card
                    card = None
                    continue
                if stripped == "BEGIN:VCARD":
                    if card.lines and card.lines[-1][1].upper().rstrip().endswith("AGENT:"):
                        nested = [line]
                        depth = 1
                        continue
                    card.problems.append(
                        _unterminated(filename, card, f"a new BEGIN:VCARD at line {lineno}")
                    )
                    yield card
                    count += 1
                    card = RawCard(count, lineno, undecoded=undecoded)
                    continue
            parts.append(line)
            part_line = lineno
        base = lineno + 1

    if card is not None:
        yield _last_card(filename, card, parts, part_line, nested)
    if not count:
        if junk_lines:
            yield CardProblem(filename, 0, junk_start, "not a vCard file: no BEGIN:VCARD line")
        else:
            yield CardProblem(filename, 0, 1, "empty file: no vCard in it")
    elif junk_lines:
        yield _junk_problem(filename, junk_start, junk_lines)


def _skip_to_boundary(text: str) -> tuple[int, str]:
    """Inside an oversized card: how many lines of ``text`` to skip, and the rest of it from
    the next END/BEGIN:VCARD on, without a Python step per line. (lower() and ``in`` are ~5x
    faster than the regex on a chunk with no card boundary.)"""
    m = _BOUNDARY.search(text) if "vcard" in text.lower() else None
    if m is None:
        return text.count("\n"), ""
    return text.count("\n", 0, m.start()), text[m.start() :]


def _last_card(
    filename: str, card: RawCard, parts: list[str], part_line: int, nested: list[str] | None
) -> RawCard | CardProblem:
    """The card the file ended in, without its END:VCARD."""
    if card.oversized:
        return _oversized(filename, card)
    if parts:
        card.lines.append((part_line, "".join(parts)))
    if nested is not None:
        _attach_agent(card, nested)
    card.problems.append(_unterminated(filename, card, "the end of the file"))
    return card


def _is_boundary(line: str) -> bool:
    stripped = line.strip().upper()
    return stripped in ("END:VCARD", "BEGIN:VCARD")


def _attach_agent(card: RawCard, nested: list[str]) -> None:
    """Turn a 2.1 embedded AGENT card into the 3.0 form: one escaped text value."""
    lineno, agent = card.lines[-1]
    body = "\\n".join(
        s.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;") for s in nested
    )
    card.lines[-1] = (lineno, agent + body)


def _unterminated(filename: str, card: RawCard, where: str) -> CardProblem:
    return CardProblem(
        filename,
        card.number,
        card.start_line,
        f"END:VCARD missing before {where}; imported what the card holds",
        skipped=False,
    )


def _oversized(filename: str, card: RawCard) -> CardProblem:
    return CardProblem(
        filename,
        card.number,
        card.start_line,
        f"card skipped: larger than {MAX_CARD_CHARS // (1024 * 1024)} MB or"
        f" {MAX_CARD_LINES:,} lines; no contact card is that big",
    )


def _junk_problem(filename: str, start: int, count: int) -> CardProblem:
    what = "1 line" if count == 1 else f"{count} lines"
    return CardProblem(filename, 0, start, f"{what} outside BEGIN:VCARD ... END:VCARD ignored")
