"""Issue 17: backup, calendar and export targets, odd input files, broken environments."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from netdesk.store.safe_files import EXPORT_PREFIX


def _count(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return con.execute("SELECT COUNT(*) FROM contacts").fetchone()[0]
    finally:
        con.close()


# -- backup -------------------------------------------------------------------------------------
@pytest.mark.parametrize("target", ["{d}", "{d}/netdesk.sqlite3", "{d}/logs/copy.sqlite3"])
def test_backup_into_the_data_dir_is_refused_and_loses_nothing(one_contact, target) -> None:
    d = one_contact.data_dir
    db = d / "netdesk.sqlite3"
    size = db.stat().st_size
    done = one_contact.proc("backup", target.format(d=d), timeout=30)
    assert done.returncode == 1
    assert b"refusing to write the backup into the data directory" in done.stderr
    assert db.stat().st_size == size and _count(db) == 1


def test_backup_is_private_complete_and_replaces_a_symlink(one_contact, tmp_path) -> None:
    victim = tmp_path / "someone-elses-file"
    victim.write_text("not yours")
    os.chmod(victim, 0o644)
    link = tmp_path / "backup.sqlite3"
    link.symlink_to(victim)
    code, _, err = one_contact.run("backup", str(link))
    assert code == 0, err
    assert victim.read_text() == "not yours"  # the symlink was replaced, not followed
    assert not link.is_symlink()
    assert stat.S_IMODE(link.stat().st_mode) == 0o600
    assert _count(link) == 1


def test_backup_into_a_pre_created_file_gets_a_new_private_file(one_contact, tmp_path) -> None:
    target = tmp_path / "pre-created.sqlite3"
    target.write_text("")
    os.chmod(target, 0o666)
    inode = target.stat().st_ino
    assert one_contact.run("backup", str(target))[0] == 0
    assert target.stat().st_ino != inode
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_backup_and_export_refuse_devices_and_fifos(one_contact, tmp_path, kind) -> None:
    if kind == "fifo":
        target = tmp_path / "pipe"
        os.mkfifo(target)
    else:
        target = Path("/dev/null")
    for argv in (("backup", str(target)), ("export", "-o", str(target))):
        done = one_contact.proc(*argv, timeout=30)
        assert done.returncode == 1, done.stderr
        assert b"not a regular file" in done.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_backup_of_a_damaged_store_fails_and_keeps_the_old_backup(one_contact, tmp_path) -> None:
    old = tmp_path / "old-backup.sqlite3"
    assert one_contact.run("backup", str(old))[0] == 0
    before = old.read_bytes()
    db = one_contact.data_dir / "netdesk.sqlite3"
    # Damage a page in the middle of the file (the header stays valid, so it still opens).
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with open(db, "r+b") as f:
        f.seek(page_size * 3)
        f.write(b"\xff" * page_size * 4)
    done = one_contact.proc("backup", str(old), timeout=30)
    assert done.returncode == 1
    assert b"damaged" in done.stderr and b"Traceback" not in done.stderr
    assert old.read_bytes() == before
    assert not list(tmp_path.glob(".netdesk-backup-*"))


# -- newer schema -------------------------------------------------------------------------------
def test_a_database_from_a_newer_netdesk_is_left_alone(one_contact) -> None:
    d = one_contact.data_dir
    con = sqlite3.connect(d / "netdesk.sqlite3")
    con.execute("UPDATE alembic_version SET version_num = '0999'")
    con.commit()
    con.close()
    before = sorted(p.name for p in d.iterdir())
    for argv in (("list",), ("show", "1"), ("backup", str(d.parent / "b.sqlite3"))):
        done = one_contact.proc(*argv)
        assert done.returncode == 1
        assert done.stderr.decode() == (
            "netdesk: this database was written by a newer netdesk (schema 0999); upgrade "
            f"netdesk to open {d / 'netdesk.sqlite3'}\n"
        )
    assert sorted(p.name for p in d.iterdir()) == before  # no .bak copy per run


# -- calendar -----------------------------------------------------------------------------------
def test_calendar_output_is_private_and_replaces_the_old_file(one_contact, tmp_path) -> None:
    one_contact.run("followup", "1", "--due", "2027-01-04")
    ics = tmp_path / "due.ics"
    ics.write_text("OLD")
    os.chmod(ics, 0o644)
    code, _, err = one_contact.run("calendar", "-o", str(ics))
    assert code == 0, err
    assert stat.S_IMODE(ics.stat().st_mode) == 0o600
    assert ics.read_text().startswith("BEGIN:VCALENDAR")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_calendar_to_a_fifo_is_refused_without_hanging(one_contact, tmp_path) -> None:
    os.mkfifo(tmp_path / "pipe")
    done = one_contact.proc("calendar", "-o", str(tmp_path / "pipe"), timeout=30)
    assert done.returncode == 1 and b"not a regular file" in done.stderr


# -- export temporaries -------------------------------------------------------------------------
def test_stale_export_temporaries_are_removed_on_the_next_export(one_contact, tmp_path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dead_pid = 2**22 + 12345  # above the default pid_max: no such process
    stale = out / f"{EXPORT_PREFIX}{dead_pid}-abc123"
    stale.write_text("half an export")
    legacy = out / f"{EXPORT_PREFIX}q1w2e3"
    legacy.write_text("from an older netdesk")
    os.utime(legacy, (1, 1))
    live = out / f"{EXPORT_PREFIX}{os.getpid()}-running"
    live.write_text("an export in progress")
    unrelated = out / ".keep-me"
    unrelated.write_text("")
    code, _, err = one_contact.run("export", "-o", str(out / "all.vcf"))
    assert code == 0, err
    assert not stale.exists() and not legacy.exists()
    assert live.exists() and unrelated.exists()
    assert "Ann Lee" in (out / "all.vcf").read_text()


# -- odd input files ----------------------------------------------------------------------------
def test_import_from_a_fifo_is_refused_without_hanging(cli, tmp_path) -> None:
    fifo = tmp_path / "cards.vcf"
    os.mkfifo(fifo)
    done = cli.proc("import", str(fifo), timeout=30)
    assert done.returncode == 1
    assert b"not a regular file" in done.stderr


def test_import_of_a_file_name_that_is_not_utf8(cli, tmp_path) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9-\xff.vcf"
    with open(name, "wb") as f:
        f.write(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bea\r\nEND:VCARD\r\n")
    done = cli.proc(b"import", b"--json", name)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["created"] == 1
    done = cli.proc(b"import", name)
    assert done.returncode == 0 and b"1 unchanged" in done.stdout
    missing = os.fsencode(tmp_path) + b"/gone-\xff.vcf"
    done = cli.proc(b"import", missing)
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    assert b"No such file" in done.stderr


# -- terminals and encodings --------------------------------------------------------------------
ESCAPES = "\x1b]0;owned\x07\x1b[2K\x08\u202e"


def test_control_characters_are_escaped_in_list_and_show(cli, tmp_path) -> None:
    vcf = tmp_path / "esc.vcf"
    vcf.write_text(
        f"BEGIN:VCARD\nVERSION:3.0\nFN:Eve{ESCAPES}\nEMAIL:eve@example.org\n"
        f"NOTE:line one\\nline two{ESCAPES}\nEND:VCARD\n",
        encoding="utf-8",
    )
    cli.run("import", str(vcf))
    for argv in (("list",), ("show", "1"), ("due", "--all")):
        code, out, err = cli.run(*argv)
        assert code == 0, err
        assert not any(c in out for c in "\x1b\x07\x08\u202e"), (argv, out)
    _code, out, _ = cli.run("show", "1")
    assert "Eve\\x1b]0;owned\\x07\\x1b[2K\\x08\\u202e" in out
    assert "    line one\n    line two\\x1b" in out  # real line breaks stay line breaks
    # JSON stays exact.
    _code, out, _ = cli.run("show", "--json", "1")
    assert json.loads(out)["name"] == f"Eve{ESCAPES}"


def test_log_and_followup_succeed_once_on_an_ascii_stdout(one_contact) -> None:
    env = {"PYTHONIOENCODING": "ascii", "LC_ALL": "C", "LANG": "C"}
    one_contact.run("cadence", "1", "30")
    done = one_contact.proc("log", "1", "--note", "café ☕", env=env)
    assert done.returncode == 0, done.stderr
    assert b"Logged an interaction with Ann Lee" in done.stdout
    done = one_contact.proc(
        "followup", "Ann Lee", "--due", "2027-02-01", "--note", "naïve", env=env
    )
    assert done.returncode == 0, done.stderr
    assert b"na\\xefve" in done.stdout
    # Each ran once: one interaction, one follow-up.
    _code, out, _ = one_contact.run("due", "--all", "--json")
    assert [i["note"] for i in json.loads(out) if i["kind"] == "followup"] == ["naïve"]
    done = one_contact.proc("show", "--json", "1", env=env)
    assert done.returncode == 0 and json.loads(done.stdout)["name"] == "Ann Lee"
    done = one_contact.proc("list", "--json", env=env)
    assert json.loads(done.stdout)[0]["last_contact"] is not None


def test_no_home_and_no_passwd_entry_gives_a_clear_message(cli, monkeypatch, capsys) -> None:
    import pwd

    from netdesk.cli import main

    for name in ("HOME", "NETDESK_DATA_DIR", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(name, raising=False)

    def no_entry(uid: int):
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    monkeypatch.chdir(cli.data_dir.parent)
    assert main(["list"]) == 1
    err = capsys.readouterr().err
    assert "cannot find your home directory" in err and "--data-dir" in err
    assert not (cli.data_dir.parent / "~").exists()


def test_backup_of_a_data_dir_whose_name_looks_like_a_uri(tmp_path, capsys) -> None:
    from netdesk.cli import main

    d = tmp_path / "50% #1 ?x"
    vcf = tmp_path / "one.vcf"
    vcf.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Uri\nEND:VCARD\n", encoding="utf-8")
    assert main(["--data-dir", str(d), "import", str(vcf)]) == 0
    assert main(["--data-dir", str(d), "backup", str(tmp_path / "b.sqlite3")]) == 0
    assert _count(tmp_path / "b.sqlite3") == 1
    assert "Backed up 1 contacts" in capsys.readouterr().err
    # The store is inside that directory, not in a file named after part of its name.
    assert _count(d / "netdesk.sqlite3") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [d.name, "b.sqlite3", "one.vcf"]
