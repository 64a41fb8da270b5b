"""``netdesk account`` / ``sync`` / ``conflicts`` against Radicale, and a sync killed midway."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from netdesk.cli import main
from netdesk.domain.contact import Contact
from netdesk.services.accounts import AccountService
from netdesk.services.contacts import ContactService
from netdesk.store.db import open_database

from .test_sync_radicale import server_cards

REPO = Path(__file__).resolve().parents[2]
REPORT_KEYS = {
    "uploaded", "downloaded", "updated_local", "updated_remote", "deleted_local",
    "deleted_remote", "conflicts", "errors",
}  # fmt: skip


def run(capsys, monkeypatch, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def add_people(data_dir: Path, count: int) -> None:
    db = open_database(data_dir)
    contacts = ContactService(db)
    for i in range(count):
        contacts.create(Contact(display_name=f"Person {i:04d}", given_name="Person",
                                family_name=f"{i:04d}", notes=f"note {i}"))  # fmt: skip
    contacts.close()


def test_account_add_list_sync_json_with_keyring(
    tmp_path, radicale, book, test_keyring, capsys, monkeypatch
) -> None:
    d = str(tmp_path / "d")
    code, _out, err = run(
        capsys, monkeypatch, "--data-dir", d, "account", "add", "srv", "--url", radicale.url,
        "--user", "alice", "--password-stdin", "--book", book, stdin="secret\n",
    )  # fmt: skip
    assert code == 0, err
    assert "secret" in test_keyring.read_text()  # in the (test) keyring...
    assert not list(Path(d).glob("carddav-passwords*"))  # ...and nowhere else

    code, out, _ = run(capsys, monkeypatch, "--data-dir", d, "account", "list", "--json")
    listed = json.loads(out)
    assert [a["name"] for a in listed] == ["srv"] and listed[0]["book"] == book
    assert "secret" not in out

    add_people(Path(d), 3)
    code, out, err = run(capsys, monkeypatch, "--data-dir", d, "sync", "srv", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert set(report) == REPORT_KEYS and report["uploaded"] == 3
    assert len(server_cards(book)) == 3

    code, out, _ = run(capsys, monkeypatch, "--data-dir", d, "account", "books", "srv", "--json")
    assert book in [b["url"] for b in json.loads(out)]
    assert run(capsys, monkeypatch, "--data-dir", d, "account", "remove", "srv")[0] == 0
    assert "secret" not in test_keyring.read_text()


def test_no_keyring_password_file_opt_in_is_private(
    tmp_path, radicale, book, capsys, monkeypatch
) -> None:
    # The autouse no_real_keyring fixture leaves no keyring backend here.
    d = tmp_path / "d"
    code, _, err = run(
        capsys, monkeypatch, "--data-dir", str(d), "account", "add", "a", "--url", book,
        "--user", "alice", "--password-stdin", stdin="secret\n",
    )  # fmt: skip
    assert code == 0 and "not saved" in err
    # Not stored: a later sync without a terminal must ask for it, clearly.
    code, _, err = run(capsys, monkeypatch, "--data-dir", str(d), "sync", "a")
    assert code == 1 and "--password-stdin" in err and "Traceback" not in err
    code, _, err = run(capsys, monkeypatch, "--data-dir", str(d), "sync", "a",
                       "--password-stdin", stdin="secret\n")  # fmt: skip
    assert code == 0, err

    code, _, err = run(
        capsys, monkeypatch, "--data-dir", str(d), "account", "add", "b", "--url", book,
        "--user", "alice", "--password-stdin", "--store-password-in-file", stdin="secret\n",
    )  # fmt: skip
    assert code == 0 and "Warning" in err
    (stored,) = d.glob("carddav-passwords*")
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert run(capsys, monkeypatch, "--data-dir", str(d), "sync", "b")[0] == 0


def test_cli_errors_are_one_line_without_password(
    tmp_path, radicale, book, capsys, monkeypatch
) -> None:
    d = str(tmp_path / "d")
    code, out, err = run(
        capsys, monkeypatch, "--data-dir", d, "account", "add", "x", "--url", book, "--user",
        "alice", "--password-stdin", stdin="wrong-pw\n",
    )  # fmt: skip
    assert code == 1 and err.count("\n") == 1 and "401" in err and "wrong-pw" not in out + err
    code, _, err = run(
        capsys, monkeypatch, "--data-dir", d, "account", "add", "x", "--url",
        "http://contacts.example.org/dav/", "--user", "alice", "--password-stdin", stdin="pw\n",
    )  # fmt: skip
    assert code == 1 and "--insecure-http" in err
    code, _, err = run(
        capsys, monkeypatch, "--data-dir", d, "account", "add", "x", "--url",
        "http://127.0.0.1:9/", "--user", "alice", "--password-stdin", stdin="pw\n",
    )  # fmt: skip
    assert code == 1 and "cannot reach" in err and err.count("\n") == 1
    code, _, err = run(capsys, monkeypatch, "--data-dir", d, "sync")
    assert code == 1 and "no account" in err


def _linked(data_dir: Path) -> int:
    con = sqlite3.connect(data_dir / "netdesk.sqlite3", timeout=5)
    try:
        return con.execute("SELECT COUNT(*) FROM sync_items").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        con.close()


def test_killed_sync_resumes_with_nothing_lost(tmp_path, radicale, book) -> None:
    d = tmp_path / "d"
    add_people(d, 40)
    cmd = [sys.executable, "-m", "netdesk", "--data-dir", str(d)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    db = open_database(d)  # added in-process: one interpreter start less
    AccountService(db, d).add("srv", book, "alice", "secret", book=book, password_in_file=True)
    db.dispose()
    proc = subprocess.Popen([*cmd, "sync", "srv"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 30
    while _linked(d) < 6 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    halfway = _linked(d)
    assert 0 < halfway < 40, "the kill should land in the middle of the upload"

    db = open_database(d)
    report = AccountService(db, d).sync("srv", "secret")  # the resumed sync, in-process
    db.dispose()
    assert report.conflicts == [] and report.errors == []
    # Cards PUT by the killed run but not yet recorded are found (412) and linked, not re-sent.
    assert report.uploaded <= 40 - halfway
    assert _linked(d) == 40
    cards = server_cards(book)
    assert len(cards) == 40  # no card twice, none missing
    assert sorted(t.split("FN:")[1].split("\r\n")[0] for t in cards.values()) == [
        f"Person {i:04d}" for i in range(40)
    ]

    other = tmp_path / "other"
    db = open_database(other)
    AccountService(db, other).add("srv", book, "alice", "secret", book=book)
    assert AccountService(db, other).sync("srv", "secret").downloaded == 40


@pytest.mark.parametrize("take", ["local", "server"])
def test_conflicts_cli_lists_and_resolves(tmp_path, radicale, book, capsys, monkeypatch, take):
    from .test_sync_radicale import Side

    laptop, desktop = Side(tmp_path, "l", book, radicale), Side(tmp_path, "k", book, radicale)
    laptop.add("Hana Mori")
    laptop.sync()
    desktop.sync()
    for side, title in ((desktop, "Server title"), (laptop, "Local title")):
        c = side.by_name()["Hana Mori"]
        c.title = title
        side.contacts.update(c)
        side.sync()
    d = str(laptop.dir)
    code, out, _ = run(capsys, monkeypatch, "--data-dir", d, "conflicts", "--json")
    (conflict,) = json.loads(out)
    assert (conflict["local"], conflict["server"]) == ("Local title", "Server title")
    code, _, err = run(capsys, monkeypatch, "--data-dir", d, "conflicts", "--resolve",
                       str(conflict["id"]), "--take", take)  # fmt: skip
    assert code == 0, err
    want = "Local title" if take == "local" else "Server title"
    assert laptop.by_name()["Hana Mori"].title == want
    laptop.sync()
    desktop.sync()
    assert desktop.by_name()["Hana Mori"].title == want
    laptop.close()
    desktop.close()


def test_discovery_from_the_server_url_and_create_book(tmp_path, radicale, capsys, monkeypatch):
    d = str(tmp_path / "d")
    args = ("--data-dir", d, "account", "add")
    code, _, err = run(capsys, monkeypatch, *args, "bob", "--url", radicale.url, "--user", "bob",
                       "--password-stdin", stdin="bobpw\n")  # fmt: skip
    assert code == 1 and "--create-book" in err
    code, _, err = run(capsys, monkeypatch, *args, "bob", "--url", radicale.url, "--user", "bob",
                       "--password-stdin", "--create-book", stdin="bobpw\n")  # fmt: skip
    assert code == 0, err
    code, out, _ = run(capsys, monkeypatch, "--data-dir", d, "account", "list", "--json")
    assert json.loads(out)[0]["book"] == f"{radicale.url}bob/netdesk/"

    radicale.make_book("carol", "work")
    radicale.make_book("carol", "family")
    code, _, err = run(capsys, monkeypatch, *args, "carol", "--url", radicale.url, "--user",
                       "carol", "--password-stdin", stdin="cpw\n")  # fmt: skip
    assert code == 1 and "/carol/work" in err and "/carol/family" in err and "--book" in err
    code, _, err = run(
        capsys, monkeypatch, *args, "carol", "--url", radicale.url, "--user", "carol",
        "--password-stdin", "--book", "/carol/family/", stdin="cpw\n",
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = run(capsys, monkeypatch, "--data-dir", d, "account", "books", "carol",
                       "--password-stdin", "--json", stdin="cpw\n")  # fmt: skip
    assert sorted(b["url"] for b in json.loads(out)) == [
        f"{radicale.url}carol/family/", f"{radicale.url}carol/work/",
    ]  # fmt: skip
