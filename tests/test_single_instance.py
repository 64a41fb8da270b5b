"""The single-instance guard: hand-over, stale socket names, bad input, two real processes."""

from __future__ import annotations

import json
import logging
import os
import queue
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from netdesk.ui.single_instance import (
    SingleInstance,
    decode_message,
    encode_message,
    instance_key,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
PROBE = REPO_ROOT / "tests" / "helpers" / "instance_probe.py"
LOGGER = "netdesk.ui.single_instance"


@pytest.fixture
def key(tmp_path: Path) -> str:
    # Unique per test: the key hashes the (temporary) data dir, where the socket may live.
    (tmp_path / "data").mkdir(mode=0o700)
    return instance_key(tmp_path / "data")


@pytest.fixture
def server(qtbot, key: str):
    guard = SingleInstance(key)
    assert guard.listen()
    yield guard
    guard.close()


def _send_raw(qtbot, key: str, chunks: list[bytes], pause_ms: int = 0) -> QLocalSocket:
    client = QLocalSocket()
    client.connectToServer(key)
    assert client.waitForConnected(2000)
    for chunk in chunks:
        client.write(chunk)
        client.flush()
        if pause_ms:
            qtbot.wait(pause_ms)
    return client


# -- the key ------------------------------------------------------------------------------------


def test_key_is_short_safe_and_per_data_dir(tmp_path: Path) -> None:
    a = instance_key(tmp_path / "a")
    assert a == instance_key(tmp_path / "a" / ".." / "a")
    assert a != instance_key(tmp_path / "b")
    name = Path(a).name
    assert len(name) <= 32
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in name)


def test_socket_lives_in_the_private_runtime_dir(tmp_path: Path, monkeypatch) -> None:
    # Issue 17: a predictable name in the shared /tmp can be taken first by another user.
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert Path(instance_key(tmp_path / "d")).parent == runtime
    # A runtime dir others can enter is not used: the data dir is.
    os.chmod(runtime, 0o755)
    assert Path(instance_key(tmp_path / "d")).parent == (tmp_path / "d").resolve()
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    assert Path(instance_key(tmp_path / "d")).parent == (tmp_path / "d").resolve()


def test_listening_socket_is_user_only(qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    data = tmp_path / "d"
    guard = SingleInstance(instance_key(data))
    assert guard.listen()
    try:
        (sock,) = data.glob("netdesk-*")
        assert stat.S_ISSOCK(sock.lstat().st_mode)
        assert not sock.lstat().st_mode & 0o077
        assert not data.stat().st_mode & 0o077
    finally:
        guard.close()


def test_key_depends_on_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("getpass.getuser", lambda: "alice")
    alice = instance_key(tmp_path)
    monkeypatch.setattr("getpass.getuser", lambda: "bob")
    assert instance_key(tmp_path) != alice


# -- the message --------------------------------------------------------------------------------


def test_message_round_trip_makes_paths_absolute(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    data = encode_message(["card.vcf", tmp_path / "b c.vcf", "é.vcf"])
    assert data.endswith(b"\n") and data.count(b"\n") == 1
    assert json.loads(data)["action"] == "activate"
    assert decode_message(data.rstrip(b"\n")) == [
        str(tmp_path / "card.vcf"),
        str(tmp_path / "b c.vcf"),
        str(tmp_path / "é.vcf"),
    ]


@pytest.mark.parametrize(
    "data",
    [
        b"{not json",
        b"\xff\xfe",
        b"[1, 2]",
        b'{"action": "delete-everything", "files": []}',
        b'{"action": "activate", "files": "/etc/passwd"}',
        b'{"action": "activate", "files": [1]}',
    ],
)
def test_bad_messages_are_rejected_with_a_warning(data: bytes, caplog) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        assert decode_message(data) is None
    assert any(r.levelno == logging.WARNING for r in caplog.records)


@pytest.mark.skipif(os.name == "nt", reason="POSIX absolute path")
def test_relative_paths_from_a_client_are_dropped(caplog) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        files = decode_message(b'{"action": "activate", "files": ["rel.vcf", "/abs.vcf"]}')
    assert files == ["/abs.vcf"]
    assert "relative" in caplog.text


# -- hand-over in one process -------------------------------------------------------------------


def test_second_instance_hands_files_to_the_first(qtbot, server, key, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    second = SingleInstance(key)
    with (
        qtbot.waitSignal(server.messageReceived, timeout=3000) as received,
        qtbot.waitSignal(server.activateRequested, timeout=3000),
    ):
        assert second.try_handover(["new.vcf", str(tmp_path / "other.vcf")])
    assert received.args == [[str(tmp_path / "new.vcf"), str(tmp_path / "other.vcf")]]


def test_handover_without_files_still_activates(qtbot, server, key):
    with qtbot.waitSignal(server.activateRequested, timeout=3000):
        assert SingleInstance(key).try_handover([])


def test_handover_with_nobody_listening_is_false_and_quick(qtbot, key):
    started = time.monotonic()
    assert not SingleInstance(key).try_handover(["x.vcf"], timeout_ms=3000)
    assert time.monotonic() - started < 2


def test_live_instance_keeps_its_name(qtbot, server, key):
    intruder = SingleInstance(key)
    assert not intruder.listen()
    assert server.is_listening()
    with qtbot.waitSignal(server.messageReceived, timeout=3000):
        assert SingleInstance(key).try_handover([])


def test_close_releases_the_name(qtbot, key):
    first = SingleInstance(key)
    assert first.listen()
    first.close()
    second = SingleInstance(key)
    assert second.listen()
    second.close()


# -- stale names --------------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX") or os.name == "nt", reason="Unix sockets")
def test_stale_socket_file_does_not_block_listen(qtbot, key):
    # What a crash leaves behind: a socket file that nobody accepts on.
    path = os.path.join(QDir.tempPath(), key)  # the key is a full path since issue 17
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(path)
    dead.close()
    assert os.path.exists(path)
    plain = QLocalServer()
    assert not plain.listen(key), "the stale file should block a naive listen"
    plain.deleteLater()

    guard = SingleInstance(key)
    assert guard.listen()
    with qtbot.waitSignal(guard.messageReceived, timeout=3000):
        assert SingleInstance(key).try_handover([])
    guard.close()


def test_name_of_a_closed_server_does_not_block_listen(qtbot, key):
    old = QLocalServer()
    assert old.listen(key)
    old.close()
    guard = SingleInstance(key)
    assert guard.listen()
    guard.close()


# -- bad input on the wire ----------------------------------------------------------------------


def test_bad_json_is_ignored_and_server_keeps_working(qtbot, server, key, caplog):
    received: list[list[str]] = []
    server.messageReceived.connect(received.append)
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        client = _send_raw(qtbot, key, [b"{this is not json\n"])
        qtbot.waitUntil(lambda: client.bytesAvailable() > 0 or not client.isOpen(), timeout=3000)
        assert client.readAll().data() == b"error\n"
        client.abort()
    assert received == []
    assert "not JSON" in caplog.text
    with qtbot.waitSignal(server.messageReceived, timeout=3000):
        assert SingleInstance(key).try_handover([])


def test_message_split_over_several_writes_is_reassembled(qtbot, server, key, tmp_path):
    data = encode_message([tmp_path / "split.vcf"])
    chunks = [data[:5], data[5:17], data[17:]]
    with qtbot.waitSignal(server.messageReceived, timeout=3000) as received:
        client = _send_raw(qtbot, key, chunks, pause_ms=30)
    assert received.args == [[str(tmp_path / "split.vcf")]]
    qtbot.waitUntil(lambda: client.bytesAvailable() > 0, timeout=3000)
    assert client.readAll().data() == b"ok\n"
    client.abort()


def test_client_hanging_up_mid_message_is_ignored(qtbot, server, key, caplog):
    received: list[list[str]] = []
    server.messageReceived.connect(received.append)
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        client = _send_raw(qtbot, key, [b'{"action": "activ'])
        client.disconnectFromServer()
        qtbot.waitUntil(lambda: "not JSON" in caplog.text, timeout=3000)
    assert received == []
    qtbot.waitUntil(lambda: not server._connections, timeout=3000)


# -- two real processes -------------------------------------------------------------------------


def _probe_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return env


def _read_lines(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line.rstrip("\n"))


def test_two_processes_hand_over(key: str, tmp_path: Path) -> None:
    env = _probe_env()
    first = subprocess.Popen(
        [sys.executable, str(PROBE), "serve", key],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=_read_lines, args=(first.stdout, lines), daemon=True).start()
        assert lines.get(timeout=30) == "LISTENING"

        (tmp_path / "card.vcf").write_text("BEGIN:VCARD\r\nEND:VCARD\r\n")
        started = time.monotonic()
        second = subprocess.run(
            [sys.executable, str(PROBE), "handover", key, "card.vcf"],
            cwd=tmp_path,
            capture_output=True,
            check=False,
            text=True,
            env=env,
            timeout=30,
        )
        elapsed = time.monotonic() - started
        assert second.returncode == 0, second.stderr
        assert second.stdout.strip() == "HANDOVER-ACCEPTED"
        assert elapsed < 15, f"hand-over took {elapsed:.1f}s"

        received = lines.get(timeout=10)
        assert received.startswith("RECEIVED ")
        assert json.loads(received.removeprefix("RECEIVED ")) == [str(tmp_path / "card.vcf")]
        assert first.wait(timeout=10) == 0
        assert first.stderr is not None
        assert first.stderr.read() == ""
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(timeout=10)
        for stream in (first.stdout, first.stderr):
            if stream is not None:
                stream.close()


def test_handover_process_without_a_first_instance_exits_non_zero(key: str) -> None:
    result = subprocess.run(
        [sys.executable, str(PROBE), "handover", key, "x.vcf"],
        capture_output=True,
        check=False,
        text=True,
        env=_probe_env(),
        timeout=30,
    )
    assert result.returncode == 1
    assert result.stdout.strip() == "HANDOVER-REFUSED"
