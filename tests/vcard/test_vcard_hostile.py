"""Issue 17: vCard files that used to swallow cards, crash the import or eat memory, driven
through ``netdesk import`` as they were found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netdesk.cli import main
from netdesk.vcard import CardProblem, iter_cards
from netdesk.vcard.lines import MAX_CARD_LINES


def _cards(first: int, count: int) -> str:
    return "".join(
        f"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Person {i}\r\nEMAIL:p{i}@example.org\r\nEND:VCARD\r\n"
        for i in range(first, first + count)
    )


def _import(tmp_path: Path, capsys, data: bytes, name: str = "in.vcf") -> tuple[int, dict]:
    vcf = tmp_path / name
    vcf.write_bytes(data)
    capsys.readouterr()
    code = main(["--data-dir", str(tmp_path / "d"), "import", "--json", str(vcf)])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    "outer_end", ["", "END:VCARD\r\n"], ids=["outer-unclosed", "outer-closed"]
)
def test_unclosed_embedded_agent_does_not_swallow_the_cards_after_it(
    tmp_path, capsys, outer_end
) -> None:
    agent = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Boss\r\nAGENT:\r\nBEGIN:VCARD\r\nVERSION:2.1\r\n"
        f"FN:Assistant\r\nTEL:+1 555 0100\r\n{outer_end}"
    )
    code, report = _import(tmp_path, capsys, (agent + _cards(0, 1000)).encode())
    assert code == 0
    assert report["created"] == 1001
    assert any(e["card"] == 1 and "END:VCARD missing" in e["message"] for e in report["errors"])


def test_a_closed_embedded_agent_stays_one_card(tmp_path, capsys) -> None:
    agent = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Boss\r\nAGENT:\r\nBEGIN:VCARD\r\nVERSION:2.1\r\n"
        "FN:Assistant\r\nEND:VCARD\r\nEND:VCARD\r\n"
    )
    code, report = _import(tmp_path, capsys, (agent + _cards(0, 3)).encode())
    assert code == 0 and report["created"] == 4 and report["errors"] == []


def test_charset_decoding_to_a_lone_surrogate_is_a_problem_not_a_crash(tmp_path, capsys) -> None:
    bad = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-7;ENCODING=QUOTED-PRINTABLE:+2AA-\r\n"
        b"EMAIL:u7@example.org\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-7:Caf\xe9+2AA-;Bo\r\nEND:VCARD\r\n"
    )
    code, report = _import(tmp_path, capsys, _cards(0, 2).encode() + bad + _cards(2, 2).encode())
    assert code == 0
    assert report["created"] == 6
    messages = [e["message"] for e in report["errors"]]
    assert sum("not valid utf-7" in m for m in messages) == 2, messages


def test_a_card_over_the_line_limit_is_skipped_and_the_rest_import(tmp_path, capsys) -> None:
    huge = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Huge\r\n" + "X-A:1\r\n" * (MAX_CARD_LINES + 10)
    data = (_cards(0, 2) + huge + "END:VCARD\r\n" + _cards(2, 2)).encode()
    code, report = _import(tmp_path, capsys, data)
    assert code == 0
    assert report["created"] == 4 and report["skipped"] == 1
    (error,) = report["errors"]
    assert error["card"] == 3 and "card skipped: larger than 20 MB or 100,000 lines" in error[
        "message"
    ]


def test_a_card_over_20_megabytes_is_skipped(tmp_path, capsys) -> None:
    photo = "PHOTO;ENCODING=b;TYPE=JPEG:" + "A" * (21 * 1024 * 1024) + "\r\n"
    data = (
        _cards(0, 1) + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big\r\n" + photo + "END:VCARD\r\n"
        + _cards(1, 1)
    ).encode()
    code, report = _import(tmp_path, capsys, data)
    assert code == 0 and report["created"] == 2 and report["skipped"] == 1


def test_folded_lines_survive_the_chunk_boundary_inside_a_big_card() -> None:
    # A card longer than one read chunk (1 MB) is cut at line ends: folding must hold.
    filler = "".join(f"X-FILL-{i}:{'y' * 60}\r\n" for i in range(20_000))
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Folded\r\n" + filler
        + "NOTE:" + "word " * 20 + "\r\n " + "continued\r\nEND:VCARD\r\n"
    )
    (contact,) = [c for c in iter_cards(card.encode()) if not isinstance(c, CardProblem)]
    assert contact.notes.endswith("word continued")
    assert len(contact.raw_properties) == 20_000


def test_reimport_with_repeated_unknown_lines_and_case_only_tags_is_idempotent(
    tmp_path, capsys
) -> None:
    card = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:dup-1\r\nFN:Dee Dup\r\nX-CUSTOM:same\r\n"
        b"X-CUSTOM:same\r\nCATEGORIES:Work,work\r\nCATEGORIES:WORK,Friends\r\nEND:VCARD\r\n"
    )
    code, first = _import(tmp_path, capsys, card)
    assert code == 0 and first["created"] == 1
    for _ in range(2):
        code, again = _import(tmp_path, capsys, card)
        assert (again["updated"], again["unchanged"]) == (0, 1)
    capsys.readouterr()
    main(["--data-dir", str(tmp_path / "d"), "show", "--json", "1"])
    assert json.loads(capsys.readouterr().out)["tags"] == ["Friends", "Work"]


def test_line_numbers_stay_right_after_a_skipped_huge_card() -> None:
    huge = "BEGIN:VCARD\nVERSION:3.0\nFN:Huge\n" + "X-A:1\n" * 400_000 + "END:VCARD\n"
    after = "BEGIN:VCARD\nVERSION:3.0\nFN:After\nthis is not a property\nEND:VCARD\n"
    items = list(iter_cards((huge + after).encode(), "f.vcf"))
    skipped = [i for i in items if isinstance(i, CardProblem) and i.card == 1]
    assert skipped and "card skipped" in skipped[0].message
    (bad_line,) = [i for i in items if isinstance(i, CardProblem) and i.card == 2]
    assert bad_line.line == 3 + 400_000 + 1 + 4  # the unreadable line of the second card
    assert [c.display_name for c in items if not isinstance(c, CardProblem)] == ["After"]
