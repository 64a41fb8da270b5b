"""Issue 17: the import fuzz. Real cards from the corpus, mutated in their charsets and their
structure, go through the real importer into a real store: never an exception, never text the
store can't hold, never a damaged database.

Bounded to a few seconds in ``make test``; ``NETDESK_FUZZ_EXAMPLES=10000`` runs the long one.
"""

from __future__ import annotations

import dataclasses
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netdesk.domain.contact import Contact
from netdesk.services.transfer import TransferService
from netdesk.store.db import open_database
from netdesk.vcard import CardProblem, iter_cards

CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.vcf"))
EXAMPLES = int(os.environ.get("NETDESK_FUZZ_EXAMPLES", "25"))

CHARSETS = [
    "UTF-7", "utf-8", "UTF-16", "UTF-16LE", "UTF-32", "ISO-8859-1", "windows-1252",
    "Shift_JIS", "GB2312", "KOI8-R", "x-unknown", "", '"utf-8"',
]
PAYLOADS = [
    b"+2AA-", b"+2D3cAA-", b"+AGEAYgBj-", b"\xff\xfe", b"\xfe\xff\x00A", b"\xe9\xe8",
    b"\xc3(", b"=C3=A9", b"=E9=\r\n", b"=\r\n=FF", b"\x00", b"\x1b]0;x\x07", b"\\n\\,\\;",
    "名😀".encode(), b"+/v8-", b"=",
]
INSERTED = [
    b"BEGIN:VCARD", b"END:VCARD", b"AGENT:", b"AGENT:BEGIN:VCARD", b"VERSION:2.1",
    b"VERSION:4.0", b" folded continuation", b"\tfolded", b"PHOTO;ENCODING=BASE64:", b"",
    b"item1.X-ABLabel:_$!<Other>!$_", b"N;CHARSET=UTF-7;ENCODING=QUOTED-PRINTABLE:+2AA-;x",
    b"BDAY:0000-00-00", b"BDAY:--0229", b"ADR;TYPE=\"a:b\":;;;;;;", b"TEL;;;:",
    b"CATEGORIES:A,a,\xc3\xa4,\xc3\x84", b"X-DUP:1", b"\xef\xbb\xbfBEGIN:VCARD",
    b"NOTE;ENCODING=QUOTED-PRINTABLE:a=", b"=", b":", b";", b"\xff\xfe\x00\x00",
]
ENDINGS = [b"\r\n", b"\n", b"\r", b"\r\r\n"]


@st.composite
def mutated_file(draw) -> bytes:
    lines = CORPUS[draw(st.integers(0, len(CORPUS) - 1))].read_bytes().splitlines()
    lines = lines or [b""]
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["charset", "insert", "delete", "duplicate", "swap",
                                   "bytes", "truncate"]))
        if op == "charset" and b":" in lines[i]:
            head, value = lines[i].split(b":", 1)
            charset = draw(st.sampled_from(CHARSETS)).encode()
            qp = b";ENCODING=QUOTED-PRINTABLE" if draw(st.booleans()) else b""
            lines[i] = head + b";CHARSET=" + charset + qp + b":" + value + draw(
                st.sampled_from(PAYLOADS)
            )
        elif op == "insert":
            lines.insert(i, draw(st.sampled_from(INSERTED)))
        elif op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines[i:i] = [lines[i]] * draw(st.integers(1, 3))
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "bytes":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.binary(max_size=8)) + lines[i][at:]
        elif op == "truncate":
            lines = lines[: i + 1]
            lines[-1] = lines[-1][: draw(st.integers(0, len(lines[-1])))]
    return draw(st.sampled_from(ENDINGS)).join(lines)


def _texts(value):
    """Every string inside a contact (its fields, lists, addresses, labelled values)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _texts(getattr(value, f.name))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("fuzz")
    database = open_database(data_dir)
    yield database, data_dir
    database.dispose()
    con = sqlite3.connect(data_dir / "netdesk.sqlite3")
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 100,  # the short run is the same every time (no flaky CI)
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=mutated_file())
def test_mutated_corpus_imports_without_an_exception(store, data: bytes) -> None:
    database, data_dir = store
    for item in iter_cards(data, "fuzz.vcf"):
        assert isinstance(item, Contact | CardProblem)
        if isinstance(item, Contact):
            for text in _texts(item):
                text.encode("utf-8")  # storable: no lone surrogates
    path = data_dir / "fuzz.vcf"
    path.write_bytes(data)
    report = TransferService(database).import_files([path])
    assert report.files_failed == []
    assert min(report.created, report.updated, report.unchanged, report.skipped) >= 0
