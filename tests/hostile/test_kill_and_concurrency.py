"""Issue 17: a killed backup or calendar export keeps the previous file; concurrent writers
wait for the lock instead of failing with "database is locked"."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from netdesk.store.db import BACKUP_PREFIX
from netdesk.store.safe_files import EXPORT_PREFIX

ATTEMPTS = 4


def _netdesk(data_dir: Path, *argv: str) -> list[str]:
    return [sys.executable, "-m", "netdesk", "--data-dir", str(data_dir), *argv]


def _kill_mid_write(cmd: list[str], folder: Path, prefix: str) -> bool:
    """Start ``cmd``, SIGKILL it as soon as its temporary file shows up in ``folder``.
    True when it was killed while writing (False: it finished first)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if any(name.startswith(prefix) for name in os.listdir(folder)):
                proc.send_signal(signal.SIGKILL)
                proc.wait(10)
                return proc.returncode == -signal.SIGKILL
            time.sleep(0.0005)
        return False
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)


def _integrity_and_count(db: Path) -> tuple[str, int]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        check = con.execute("PRAGMA integrity_check").fetchone()[0]
        return check, con.execute("SELECT COUNT(*) FROM contacts").fetchone()[0]
    finally:
        con.close()


def _pad(db: Path, megabytes: int) -> None:
    # Make the copy take long enough to be caught half-way: a table of blobs.
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE IF NOT EXISTS test_padding (b BLOB)")
    con.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
        "INSERT INTO test_padding SELECT randomblob(1048576) FROM n",
        (megabytes,),
    )
    con.commit()
    con.close()


def test_killed_backup_keeps_the_previous_backup(one_contact, tmp_path: Path) -> None:
    d = one_contact.data_dir
    _pad(d / "netdesk.sqlite3", 48)
    out = tmp_path / "backups"
    out.mkdir()
    target = out / "netdesk-backup.sqlite3"
    assert one_contact.run("backup", str(target))[0] == 0
    previous = target.read_bytes()
    killed = 0
    for _ in range(ATTEMPTS):
        killed += _kill_mid_write(_netdesk(d, "backup", str(target)), out, BACKUP_PREFIX)
        assert _integrity_and_count(target) == ("ok", 1)
        # Killed before the rename: the old bytes; after it: a complete new copy.
        assert target.read_bytes() == previous or target.stat().st_mode & 0o077 == 0
    assert killed, "no run was caught half-way; the test proved nothing"
    # The next backup cleans up what the killed ones left.
    assert one_contact.run("backup", str(target))[0] == 0
    assert [p.name for p in out.iterdir()] == [target.name]


def test_killed_calendar_export_keeps_the_previous_file(one_contact, tmp_path: Path) -> None:
    d = one_contact.data_dir
    con = sqlite3.connect(d / "netdesk.sqlite3")
    con.executemany(
        "INSERT INTO followups (contact_id, due, note, created_at) VALUES (1, ?, ?, ?)",
        [
            (f"2027-{1 + i % 12:02d}-{1 + i % 28:02d} 09:00:00.000000", "n" * 2000 + str(i),
             "2026-01-01 00:00:00.000000")
            for i in range(400)
        ],
    )
    con.commit()
    con.close()
    out = tmp_path / "cal"
    out.mkdir()
    ics = out / "due.ics"
    assert one_contact.run("calendar", "-o", str(ics))[0] == 0
    previous = ics.read_bytes()
    assert previous.rstrip().endswith(b"END:VCALENDAR")
    killed = 0
    for _ in range(ATTEMPTS):
        killed += _kill_mid_write(_netdesk(d, "calendar", "-o", str(ics)), out, EXPORT_PREFIX)
        now = ics.read_bytes()
        assert now.rstrip().endswith(b"END:VCALENDAR")
        assert len(now) == len(previous)  # the same entries; never a truncated file
    assert killed, "no run was caught half-way; the test proved nothing"


# -- concurrency ----------------------------------------------------------------------------
WRITER = """
import sys
from netdesk.cli import main
data_dir, kind, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
failed = 0
for i in range(count):
    if kind == "log":
        argv = ["--data-dir", data_dir, "log", "1", "--note", f"{kind} {i}"]
    else:
        argv = ["--data-dir", data_dir, "followup", "1", "--due", "2027-03-01", "--note", str(i)]
    failed += main(argv) != 0
sys.exit(1 if failed else 0)
"""


def test_two_concurrent_writer_processes_all_succeed(one_contact) -> None:
    d = str(one_contact.data_dir)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, d, kind, "50"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for kind in ("log", "followup")
    ]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    assert not any(b"locked" in e for e in errors)
    _code, out, _ = one_contact.run("due", "--all", "--json")
    assert len([i for i in json.loads(out) if i["kind"] == "followup"]) == 50
    con = sqlite3.connect(one_contact.data_dir / "netdesk.sqlite3")
    assert con.execute("SELECT COUNT(*) FROM interactions").fetchone()[0] == 50
    con.close()


HOLDER = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA busy_timeout=5000")
con.execute("BEGIN IMMEDIATE")
con.execute("UPDATE contacts SET notes = notes || '' WHERE id = 1")
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
con.execute("COMMIT")
"""


@pytest.mark.parametrize("argv", [("log", "1", "--note", "during import"),
                                  ("followup", "1", "--due", "2027-03-01"),
                                  ("cadence", "1", "14")])
def test_cli_write_waits_for_a_long_import_transaction(one_contact, argv) -> None:
    # Like the GUI importing a big file: another process holds the write lock for ~2 s.
    db = one_contact.data_dir / "netdesk.sqlite3"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db), "2"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        started = time.monotonic()
        done = one_contact.proc(*argv)
        waited = time.monotonic() - started
    finally:
        holder.wait(30)
    assert done.returncode == 0, done.stderr
    assert holder.returncode == 0
    assert waited > 1.0  # it really waited for the lock rather than slipping past it


def test_cli_write_outwaits_a_transaction_longer_than_the_windows_timeout(one_contact) -> None:
    # A big import in the window holds the write lock far longer than the window's own 5 s
    # busy timeout; a command-line write waits it out (its timeout is minutes) and succeeds.
    db = one_contact.data_dir / "netdesk.sqlite3"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db), "6.5"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        started = time.monotonic()
        done = one_contact.proc("log", "1", "--note", "during a long import")
        waited = time.monotonic() - started
    finally:
        holder.wait(30)
    assert done.returncode == 0, done.stderr
    assert waited > 5.5  # past the window's 5 s: the CLI's own, longer timeout carried it
    con = sqlite3.connect(db)
    try:
        notes = [r[0] for r in con.execute("SELECT note FROM interactions")]
    finally:
        con.close()
    assert "during a long import" in notes
