"""A server whose certificate cannot be verified is an error that says so, never skipped."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from netdesk.sync.client import CardDavClient, NetworkError


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl tool")
def test_self_signed_certificate_is_refused_with_a_clear_message(tmp_path) -> None:
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
         "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"https://127.0.0.1:{httpd.server_address[1]}/"
        with (
            CardDavClient(url, "alice", "pw-not-shown") as client,
            pytest.raises(NetworkError) as err,
        ):
            client.discover()
        assert "certificate" in str(err.value) and "pw-not-shown" not in str(err.value)
    finally:
        httpd.shutdown()
        httpd.server_close()
