"""The CLI contract: list/show/import/export over a real data dir, errors without tracebacks."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from netdesk.cli import main

CARDS = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Smith\\, John\r\nN:Smith;John;;;\r\n"
    "EMAIL;TYPE=work:john@example.org\r\nTEL;TYPE=cell:+1 555 0100\r\n"
    "ORG:Acme\\, Inc.\r\nTITLE:CTO\r\nCATEGORIES:conference,founder\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Ångström\r\nEMAIL:zoe@example.org\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:John Smith\r\nEMAIL:other.john@example.org\r\nEND:VCARD\r\n"
)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_json_on_empty_store_creates_private_db(tmp_path: Path, capsys) -> None:
    d = tmp_path / "store"
    code, out, _ = run(capsys, "--data-dir", str(d), "list", "--json")
    assert code == 0 and json.loads(out) == []
    (db,) = d.glob("*.sqlite3")
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_env_var_selects_data_dir(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("NETDESK_DATA_DIR", str(tmp_path / "env"))
    assert run(capsys, "list")[0] == 0
    assert list((tmp_path / "env").glob("*.sqlite3"))


def test_import_list_show_export(tmp_path: Path, capsys) -> None:
    d = str(tmp_path / "d")
    vcf = tmp_path / "in.vcf"
    vcf.write_text(CARDS, encoding="utf-8")
    code, out, _ = run(capsys, "--data-dir", d, "import", "--json", str(vcf))
    assert code == 0
    assert json.loads(out) == {
        "created": 3,
        "updated": 0,
        "unchanged": 0,
        "merged": 0,
        "skipped": 0,
        "errors": [],
    }
    code, out, _ = run(capsys, "--data-dir", d, "list", "--json")
    rows = json.loads(out)
    assert [r["name"] for r in rows] == ["John Smith", "Smith, John", "Zoë Ångström"]
    smith = rows[1]
    assert smith["emails"] == ["john@example.org"] and smith["phones"] == ["+1 555 0100"]
    assert smith["org"] == "Acme, Inc." and smith["title"] == "CTO"
    assert smith["tags"] == ["conference", "founder"]
    code, out, _ = run(capsys, "--data-dir", d, "list", "--json", "--search", "zoe")
    assert [r["name"] for r in json.loads(out)] == ["Zoë Ångström"]
    code, out, _ = run(capsys, "--data-dir", d, "list", "--json", "--tag", "founder")
    assert [r["name"] for r in json.loads(out)] == ["Smith, John"]
    code, out, _ = run(capsys, "--data-dir", d, "show", "--json", "zoe@example.org")
    assert code == 0 and json.loads(out)["name"] == "Zoë Ångström"
    code, out, _ = run(capsys, "--data-dir", d, "show", str(smith["id"]))
    assert code == 0 and "Smith, John" in out and "john@example.org" in out
    # Re-importing the same file changes nothing.
    code, out, _ = run(capsys, "--data-dir", d, "import", "--json", str(vcf))
    report = json.loads(out)
    assert (report["created"], report["updated"], report["unchanged"]) == (0, 0, 3)
    code, out, _ = run(capsys, "--data-dir", d, "export", "--tag", "founder")
    assert code == 0 and out.count("BEGIN:VCARD") == 1 and "FN:Smith\\, John" in out
    target = tmp_path / "out.vcf"
    code, _, err = run(
        capsys, "--data-dir", d, "export", "--vcard-version", "4.0", "-o", str(target)
    )
    assert code == 0 and "Exported 3 contacts" in err
    assert target.read_text(encoding="utf-8").count("VERSION:4.0") == 3


def test_show_ambiguous_and_unknown_give_clear_errors(tmp_path: Path, capsys) -> None:
    d = str(tmp_path / "d")
    vcf = tmp_path / "in.vcf"
    vcf.write_text(CARDS.replace("FN:Smith\\, John", "FN:John Smith"), encoding="utf-8")
    run(capsys, "--data-dir", d, "import", str(vcf))
    code, _, err = run(capsys, "--data-dir", d, "show", "John Smith")
    assert code != 0 and "matches 2 contacts" in err and "Traceback" not in err
    code, _, err = run(capsys, "--data-dir", d, "show", "nobody")
    assert code != 0 and "no contact matches" in err


def test_import_of_unreadable_file_fails_cleanly(tmp_path: Path, capsys) -> None:
    d = str(tmp_path / "d")
    code, _, err = run(capsys, "--data-dir", d, "import", str(tmp_path / "missing.vcf"))
    assert code == 1 and "cannot read" in err and "Traceback" not in err


def test_import_with_a_broken_card_reports_it_and_keeps_the_rest(tmp_path: Path, capsys) -> None:
    d = str(tmp_path / "d")
    vcf = tmp_path / "mixed.vcf"
    broken = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken\r\nthis line is not a property\r\nEND:VCARD\r\n"
    )
    vcf.write_text(broken + CARDS, encoding="utf-8")
    code, out, _ = run(capsys, "--data-dir", d, "import", "--json", str(vcf))
    report = json.loads(out)
    # The unreadable line is reported with its place; every card, including those after it,
    # is imported.
    assert code == 0 and report["created"] == 4
    assert report["errors"] == [
        {
            "file": "mixed.vcf",
            "card": 1,
            "line": 4,
            "message": "unreadable line skipped: 'this line is not a property'",
        }
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_read_only_store_gives_clear_error(tmp_path: Path, capsys) -> None:
    d = tmp_path / "d"
    run(capsys, "--data-dir", str(d), "list")
    vcf = tmp_path / "in.vcf"
    vcf.write_text(CARDS, encoding="utf-8")
    for f in d.iterdir():
        f.chmod(0o400)
    d.chmod(0o500)
    try:
        code, _, err = run(capsys, "--data-dir", str(d), "import", str(vcf))
    finally:
        d.chmod(0o700)
    assert code != 0 and "Traceback" not in err


def test_module_entry_point_runs_as_a_process(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "netdesk", "--data-dir", str(tmp_path), "list", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_static_subcommand_names_match_the_modules() -> None:
    from netdesk import cli

    _, runners = cli._build_parser()
    assert set(runners) == cli.SUBCOMMANDS


def test_gui_path_does_not_import_sqlalchemy(tmp_path: Path) -> None:
    # Start-up is a budget: deciding to open the GUI must not pull in SQLAlchemy or vobject.
    code = (
        "import sys, netdesk.cli, netdesk.services.contacts;"
        "import netdesk.paths, netdesk.store.db, netdesk.store.listing;"
        "print(sorted(m for m in ('sqlalchemy', 'vobject', 'alembic') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"


def test_export_of_an_unknown_tag_is_an_error(tmp_path: Path, capsys) -> None:
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "export", "--tag", "nosuch")
    assert code == 1 and out == "" and "no tag “nosuch”" in err


def test_backup_writes_a_private_consistent_copy(tmp_path: Path, capsys) -> None:
    d = str(tmp_path / "d")
    vcf = tmp_path / "in.vcf"
    vcf.write_text(CARDS, encoding="utf-8")
    run(capsys, "--data-dir", d, "import", str(vcf))
    target = tmp_path / "copy.sqlite3"
    code, _, err = run(capsys, "--data-dir", d, "backup", str(target))
    assert code == 0 and "Backed up 3 contacts" in err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    # The copy is a working netdesk store.
    moved = tmp_path / "moved"
    moved.mkdir()
    target.rename(moved / "netdesk.sqlite3")
    code, out, _ = run(capsys, "--data-dir", str(moved), "list", "--json")
    assert [r["name"] for r in json.loads(out)] == ["John Smith", "Smith, John", "Zoë Ångström"]
    code, _, err = run(capsys, "--data-dir", d, "backup", str(tmp_path / "no" / "dir" / "x"))
    assert code == 1 and "could not write the backup" in err
