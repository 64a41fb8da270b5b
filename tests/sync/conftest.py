"""One real Radicale for the whole run (each test gets its own book), and a keyring backend
in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.radicale_server import RadicaleServer

# The real window over a temporary data dir, for the sync tests through the GUI.
from tests.ui.conftest import parts, ui, window  # noqa: F401

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def radicale(tmp_path_factory):
    server = RadicaleServer(
        tmp_path_factory.mktemp("radicale"), {"alice": "secret", "bob": "bobpw", "carol": "cpw"}
    ).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def book(radicale, request) -> str:
    """A fresh, empty address book for this test."""
    name = "b" + str(abs(hash(request.node.nodeid)))[:12]
    return radicale.make_book("alice", name)


@pytest.fixture(autouse=True)
def no_real_keyring(monkeypatch):
    """Never touch the developer's own keyring: no backend unless a test asks for one."""
    import keyring.backends.fail
    import keyring.core

    previous = keyring.get_keyring()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    keyring.core.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.core.set_keyring(previous)


@pytest.fixture
def test_keyring(tmp_path, monkeypatch, no_real_keyring) -> Path:
    import keyring
    import keyring.core

    previous = keyring.get_keyring()  # before the env switch, or it would pick ours
    path = tmp_path / "keyring.json"
    monkeypatch.setenv("NETDESK_TEST_KEYRING_FILE", str(path))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.helpers.file_keyring.TmpFileKeyring")
    monkeypatch.setenv("PYTHONPATH", str(REPO))
    keyring.core.set_keyring(keyring.core.load_env() or previous)
    yield path
    keyring.core.set_keyring(previous)
