"""``netdesk duplicates`` and ``netdesk merge`` over a real data dir."""

from __future__ import annotations

import json
from pathlib import Path

from netdesk.cli import main

CARDS = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:a\r\nFN:Amara Okafor\r\nTITLE:CTO\r\n"
    "EMAIL:amara@okafor.example\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:b\r\nFN:Okafor\\, Amara\r\nTITLE:Engineer\r\n"
    "TEL:+49 30 1234567\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:c\r\nFN:A. Okafor\r\nTEL:030 1234567\r\n"
    "EMAIL:Amara@Okafor.example\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:d\r\nFN:Ben Stone\r\n"
    "EMAIL:ben@stone.example\r\nEND:VCARD\r\n"
)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def setup_store(tmp_path: Path, capsys, monkeypatch) -> str:
    monkeypatch.setenv("NETDESK_PHONE_REGION", "DE")
    d = str(tmp_path / "d")
    vcf = tmp_path / "in.vcf"
    # The importer merges "A. Okafor" into "Amara Okafor" (same e-mail); "Okafor, Amara"
    # stays apart for it (plain digits differ) but the finder's E.164 keys join them.
    vcf.write_text(CARDS, encoding="utf-8")
    code, out, _ = run(capsys, "--data-dir", d, "import", "--json", str(vcf))
    assert code == 0 and json.loads(out)["created"] >= 3
    return d


def show(capsys, d: str, ref: str) -> dict:
    return json.loads(run(capsys, "--data-dir", d, "show", "--json", ref)[1])


def test_duplicates_json_merge_and_undo(tmp_path, capsys, monkeypatch) -> None:
    d = setup_store(tmp_path, capsys, monkeypatch)
    code, out, _ = run(capsys, "--data-dir", d, "list", "--json")
    before = {row["id"]: show(capsys, d, str(row["id"])) for row in json.loads(out)}
    code, out, err = run(capsys, "--data-dir", d, "duplicates", "--json", "--tier", "same")
    assert code == 0, err
    (group,) = json.loads(out)
    assert group["tier"] == "same" and len(group["ids"]) >= 2
    assert all("Okafor" in name for name in group["names"])
    assert group["shared"] and 0 < group["score"] <= 1

    keep, *others = group["ids"]
    code, out, err = run(capsys, "--data-dir", d, "merge", "--json", str(keep), *map(str, others))
    assert code == 0, err
    merged = json.loads(out)
    assert merged["kept"]["id"] == keep and merged["merged_ids"] == others
    assert merged["kept"]["title"] == before[keep]["title"]  # KEEP's single values win
    every_email = {e for i in group["ids"] for e in before[i]["emails"]}
    assert {e.lower() for e in merged["kept"]["emails"]} == {e.lower() for e in every_email}
    assert json.loads(run(capsys, "--data-dir", d, "duplicates", "--json")[1]) == []

    code, out, err = run(capsys, "--data-dir", d, "merge", "--undo-last", "--json")
    assert code == 0, err
    assert sorted(json.loads(out)["restored_ids"]) == sorted(group["ids"])
    after = {i: show(capsys, d, str(i)) for i in before}
    assert after == before


def test_not_same_is_remembered(tmp_path, capsys, monkeypatch) -> None:
    d = setup_store(tmp_path, capsys, monkeypatch)
    (group,) = json.loads(run(capsys, "--data-dir", d, "duplicates", "--json")[1])
    ids = group["ids"]
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            assert run(capsys, "--data-dir", d, "duplicates", "--not-same", str(a), str(b))[0] == 0
    code, out, _ = run(capsys, "--data-dir", d, "duplicates")
    assert code == 0 and out.strip() == "No duplicates found."


def test_errors_are_one_line_without_traceback(tmp_path, capsys, monkeypatch) -> None:
    d = setup_store(tmp_path, capsys, monkeypatch)
    code, _, err = run(capsys, "--data-dir", d, "merge", "--undo-last")
    assert code == 1 and err == "netdesk: there is no merge to undo\n"
    code, _, err = run(capsys, "--data-dir", d, "merge", "1")
    assert code == 2 and "KEEP and at least one OTHER" in err
    code, _, err = run(capsys, "--data-dir", d, "merge", "1", "999")
    assert code == 1 and err.startswith("netdesk: no contact") and "Traceback" not in err
