"""Start a real Radicale (CardDAV server) on 127.0.0.1 for tests and benchmarks.

Radicale refuses port 0, so a free port is picked first (bind, read, close) and the server
is started on it; ``stop()`` always ends the subprocess. Users and passwords come from a
plain htpasswd file in the temporary folder.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RadicaleServer:
    def __init__(self, root: Path, users: dict[str, str] | None = None) -> None:
        self.root = root
        self.users = users or {"alice": "secret"}
        self.port = 0
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def book_url(self, user: str = "alice", book: str = "contacts") -> str:
        return f"{self.url}{user}/{book}/"

    def start(self) -> RadicaleServer:
        self.root.mkdir(parents=True, exist_ok=True)
        htpasswd = self.root / "htpasswd"
        htpasswd.write_text("".join(f"{u}:{p}\n" for u, p in self.users.items()))
        for _attempt in range(3):  # another process may take the port between pick and bind
            self.port = free_port()
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "radicale",
                    "--config",
                    "",
                    f"--server-hosts=127.0.0.1:{self.port}",
                    f"--storage-filesystem-folder={self.root / 'collections'}",
                    "--auth-type=htpasswd",
                    f"--auth-htpasswd-filename={htpasswd}",
                    "--auth-htpasswd-encryption=plain",
                    "--auth-delay=0",
                    "--logging-level=error",
                ],
                stdout=subprocess.DEVNULL,
                stderr=(self.root / "radicale.log").open("w"),
            )
            if self._wait_up():
                return self
            self.stop()
        raise RuntimeError(f"Radicale did not start: {(self.root / 'radicale.log').read_text()}")

    def _wait_up(self, timeout: float = 20.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                return False
            try:
                httpx.get(self.url, timeout=1.0)
                return True
            except httpx.HTTPError:
                time.sleep(0.05)
        return False

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def make_book(self, user: str = "alice", book: str = "contacts") -> str:
        """Create an address book with a plain MKCOL, as any client would."""
        body = (
            '<?xml version="1.0"?><d:mkcol xmlns:d="DAV:" '
            'xmlns:c="urn:ietf:params:xml:ns:carddav"><d:set><d:prop><d:resourcetype>'
            "<d:collection/><c:addressbook/></d:resourcetype></d:prop></d:set></d:mkcol>"
        )
        url = self.book_url(user, book)
        resp = httpx.request("MKCOL", url, content=body, auth=(user, self.users[user]))
        assert resp.status_code == 201, resp.text
        return url
