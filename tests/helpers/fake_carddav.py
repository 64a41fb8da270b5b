"""A tiny in-memory CardDAV book on loopback, for behaviours Radicale never shows: truncated
sync-collection answers (507, RFC 6578 §3.6) and a server that renames cards on PUT (as
Google does: Location header, no ETag). Not a general server: one book at /book/."""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

BOOK = "/book/"


class FakeBook:
    def __init__(
        self, page_size: int = 2, rename_on_create: bool = False, sync_collection: bool = True
    ) -> None:
        self.sync_collection = sync_collection
        self.cards: dict[str, tuple[str, str]] = {}  # href -> (etag, text)
        self.log: list[tuple[int, str]] = []  # (version, href) of every change
        self.version = 0
        self.page_size = page_size
        self.rename_on_create = rename_on_create
        self.requests: list[tuple[str, str]] = []
        self.lock = threading.Lock()

    def store(self, href: str, text: str) -> str:
        self.version += 1
        etag = f'"e{self.version}"'
        self.cards[href] = (etag, text)
        self.log.append((self.version, href))
        return etag

    def remove(self, href: str) -> None:
        self.version += 1
        self.cards.pop(href, None)
        self.log.append((self.version, href))


def _response(href: str, props: str = "", status: str = "") -> str:
    if status:
        return (
            f"<d:response><d:href>{escape(href)}</d:href><d:status>{status}</d:status></d:response>"
        )
    return (
        f"<d:response><d:href>{escape(href)}</d:href><d:propstat><d:prop>{props}</d:prop>"
        "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"
    )


def _multistatus(inner: str, token: str = "") -> bytes:
    tok = f"<d:sync-token>{token}</d:sync-token>" if token else ""
    return (
        '<?xml version="1.0"?><d:multistatus xmlns:d="DAV:" '
        f'xmlns:c="urn:ietf:params:xml:ns:carddav">{inner}{tok}</d:multistatus>'
    ).encode()


class _Handler(BaseHTTPRequestHandler):
    book: FakeBook

    def log_message(self, *_args) -> None:  # keep test output clean
        pass

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _send(self, code: int, body: bytes = b"", headers: dict | None = None) -> None:
        self.send_response(code)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_PROPFIND(self) -> None:
        self._body()
        book = self.book
        with book.lock:
            book.requests.append(("PROPFIND", self.path))
            rt = "<d:resourcetype><d:collection/><c:addressbook/></d:resourcetype>"
            inner = _response(BOOK, rt)
            if self.headers.get("Depth") == "1":
                inner += "".join(
                    _response(h, f"<d:getetag>{e}</d:getetag>") for h, (e, _t) in book.cards.items()
                )
        self._send(207, _multistatus(inner))

    def do_REPORT(self) -> None:
        root = ET.fromstring(self._body())
        book = self.book
        with book.lock:
            token = root.findtext("{DAV:}sync-token") or ""
            book.requests.append(("REPORT", root.tag.split("}")[-1] + " " + token))
            if root.tag.endswith("addressbook-multiget"):
                inner = ""
                for h in root.iter("{DAV:}href"):
                    if h.text in book.cards:
                        etag, text = book.cards[h.text]
                        props = f"<d:getetag>{etag}</d:getetag><c:address-data>{escape(text)}"
                        inner += _response(h.text, props + "</c:address-data>")
                self._send(207, _multistatus(inner))
                return
            if not book.sync_collection:  # an older server: no sync-collection
                self._send(403)
                return
            since = int(token[1:]) if token.startswith("t") else 0
            pending = [(v, h) for v, h in book.log if v > since]
            page, last = pending[: book.page_size], (pending[-1][0] if pending else since)
            if len(pending) > book.page_size:
                last = page[-1][0]
            inner = ""
            for _v, h in page:
                if h in book.cards:
                    inner += _response(h, f"<d:getetag>{book.cards[h][0]}</d:getetag>")
                else:
                    inner += _response(h, status="HTTP/1.1 404 Not Found")
            if len(pending) > book.page_size:
                inner += _response(BOOK, status="HTTP/1.1 507 Insufficient Storage")
        self._send(207, _multistatus(inner, f"t{last}"))

    def do_GET(self) -> None:
        with self.book.lock:
            found = self.book.cards.get(self.path)
        if found is None:
            self._send(404)
        else:
            self._send(200, found[1].encode(), {"ETag": found[0], "Content-Type": "text/vcard"})

    def do_PUT(self) -> None:
        text = self._body().decode()
        book = self.book
        with book.lock:
            book.requests.append(("PUT", self.path))
            exists = self.path in book.cards
            if self.headers.get("If-None-Match") == "*" and exists:
                self._send(412)
                return
            match = self.headers.get("If-Match")
            if match and (not exists or book.cards[self.path][0] != match):
                self._send(412)
                return
            if not exists and book.rename_on_create:
                new = f"{BOOK}renamed-{book.version + 1}.vcf"
                book.store(new, text)
                self._send(201, headers={"Location": new})
                return
            etag = book.store(self.path, text)
        self._send(201 if not exists else 204, headers={"ETag": etag})

    def do_DELETE(self) -> None:
        with self.book.lock:
            self.book.remove(self.path)
        self._send(204)


class FakeCardDavServer:
    def __init__(self, book: FakeBook) -> None:
        handler = type("Handler", (_Handler,), {"book": book})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.book = book
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def book_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{BOOK}"

    def __enter__(self) -> FakeCardDavServer:
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
