"""Proof by independent parsers: every export of every corpus file, in 3.0 and 4.0, is read
card by card by vobject (what Radicale parses with) and by Mozilla's ical.js (Thunderbird's
parser, through node), carries no vCard 2.1 syntax, and imports back to the same contacts.

ical.js is pinned in tests/js/package.json (+ package-lock.json); `.ci/run` runs `npm ci`
there. Without node or without tests/js/node_modules the ical.js checks skip with a reason.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import vobject

from netdesk.cli.contacts import contact_json
from netdesk.services.transfer import TransferService
from netdesk.store.db import open_database
from netdesk.vcard import read_vcards
from netdesk.vcard.lines import iter_raw_cards
from netdesk.vcard.properties import parse_line

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
SHARED = HERE.parents[2] / "shared" / "vcard-corpus"
JS_DIR = HERE.parent / "js"
NODE = shutil.which("node")
VERSIONS = ("3.0", "4.0")


def _files() -> list:
    out = [pytest.param(p, id=f"tests/{p.name}") for p in sorted(CORPUS.glob("*.vcf"))]
    shared = sorted(SHARED.glob("*.vcf")) if SHARED.is_dir() else []
    out += [pytest.param(p, id=f"shared/{p.name}") for p in shared]
    return out


FILES = _files()


def _export(tmp_path: Path, source: Path, version: str, tag: str) -> tuple[Path, list[dict]]:
    """Import ``source`` into a fresh store, export it; (export file, show --json of all)."""
    db = open_database(tmp_path / f"data-{tag}")
    try:
        transfer = TransferService(db)
        transfer.import_files([source])
        out = tmp_path / f"{tag}.vcf"
        transfer.export(out, version=version)
        return out, _all_json(db)
    finally:
        db.dispose()


def _all_json(db) -> list[dict]:
    from netdesk.services.contacts import ContactService

    service = ContactService(db)
    try:
        rows = [contact_json(service.get(s.id)) for s in service.summaries("", None)]
    finally:
        service.close()
    for row in rows:
        for key in ("id", "created_at", "updated_at"):
            row.pop(key)
    return sorted(rows, key=lambda r: (r["uid"], r["name"]))


def _ours(path: Path) -> list[str]:
    contacts, problems = read_vcards(path.read_bytes(), path.name)
    assert problems == [], [str(p) for p in problems]
    return [c.display_name for c in contacts]


def _check_no_21_syntax(path: Path) -> None:
    for item in iter_raw_cards(path.read_bytes()):
        for lineno, line in item.lines:
            prop = parse_line(line, lineno)
            assert prop is not None, line
            head = line[: len(line) - len(prop.value) - 1].upper()
            for bad in ("QUOTED-PRINTABLE", "CHARSET=", "ENCODING=BASE64"):
                assert bad not in head, line[:120]
            segments = re.findall(r';((?:[^;"]|"[^"]*")*)', head)
            assert all("=" in s for s in segments), f"parameter without '=': {line[:120]}"


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("source", FILES)
def test_export_is_read_by_vobject_and_reimports_identically(
    tmp_path: Path, source: Path, version: str
) -> None:
    exported, first = _export(tmp_path, source, version, "a")
    names = _ours(exported)
    assert len(names) == len(first)
    _check_no_21_syntax(exported)
    text = exported.read_text(encoding="utf-8")
    cards = list(vobject.readComponents(io.StringIO(text), validate=False))
    assert len(cards) == len(names)
    for card, name in zip(cards, names, strict=True):
        assert card.version.value == version
        # vobject cuts text at unescaped commas only; our FN escapes them, so it reads whole.
        assert card.fn.value == name
        card.serialize()  # what Radicale does with a stored card
    _, again = _export(tmp_path, exported, version, "b")
    assert again == first


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@pytest.mark.skipif(
    not (JS_DIR / "node_modules" / "ical.js").is_dir(),
    reason="ical.js not installed: run `npm ci` in tests/js",
)
@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("source", FILES)
def test_export_is_read_by_icaljs(tmp_path: Path, source: Path, version: str) -> None:
    exported, _ = _export(tmp_path, source, version, "a")
    names = _ours(exported)
    run = subprocess.run(
        [NODE, str(JS_DIR / "parse_vcards.mjs"), str(exported)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result = json.loads(run.stdout)
    assert "error" not in result, result
    assert result["count"] == len(names)
    assert result["names"] == names
    assert set(result["versions"]) == ({version} if names else set())
