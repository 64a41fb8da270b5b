"""A small CardDAV client (RFC 6352, RFC 6578 sync-collection) on httpx.

Only what netdesk's sync needs: discovery, listing and creating address books, the
sync-collection REPORT with its etag-listing fallback, addressbook-multiget, and PUT/DELETE
with preconditions. HTTPS by default; plain HTTP only to this machine or when the user
explicitly allowed it. Certificates are always verified. The password is given to httpx as
Basic auth and never appears in an error message.
"""

from __future__ import annotations

import functools
import ipaddress
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from netdesk.sync import davxml
from netdesk.sync.davxml import CARD, DAV, Response

VCARD_TYPE = "text/vcard; charset=utf-8"
_XML = {"Content-Type": "application/xml; charset=utf-8"}


class DavError(Exception):
    """A CardDAV failure, with a message meant for the user (never holding the password)."""


class AuthError(DavError):
    pass


class NetworkError(DavError):
    pass


class PreconditionFailed(DavError):
    """412: the card changed (or appeared) on the server since we last saw it."""


class TokenRejected(DavError):
    """The server no longer knows our sync token, or does not do sync-collection at all."""


@dataclass(frozen=True)
class Book:
    url: str
    name: str


@dataclass(frozen=True)
class Changes:
    changed: dict[str, str]  # href -> etag
    removed: set[str]
    token: str


def check_url(url: str, insecure_http: bool = False) -> str:
    """The URL if netdesk may talk to it, else DavError saying why."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise DavError(f"not a server address: {url!r} (expected https://host/...)")
    if parts.username or parts.password:
        raise DavError("put the user name in --user and the password in the keyring, not the URL")
    if parts.scheme == "http" and not insecure_http and not _is_loopback(parts.hostname):
        raise DavError(
            f"{parts.hostname} would be reached over plain http (password and contacts in "
            "clear text); use https, or --insecure-http if you really mean it"
        )
    return url


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@functools.cache
def _verifying_tls_context() -> ssl.SSLContext:
    """One certificate-verifying TLS context per process. Building it loads the CA bundle,
    ~45 ms, which every sync paid again for a new client; it is the same trust for all."""
    return httpx.create_ssl_context()


class CardDavClient:
    def __init__(
        self,
        url: str,
        username: str,
        password: str,
        insecure_http: bool = False,
        timeout: float = 30.0,
    ) -> None:
        self.url = check_url(url, insecure_http)
        self._insecure_http = insecure_http
        self._http = httpx.Client(
            auth=httpx.BasicAuth(username, password),
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": "netdesk"},
            verify=_verifying_tls_context(),
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> CardDavClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- plumbing -----------------------------------------------------------------------------
    def request(self, method: str, url: str, **kwargs) -> httpx.Response:
        for _hop in range(5):  # follow redirects ourselves, so each target is checked first
            check_url(url, self._insecure_http)
            try:
                resp = self._http.request(method, url, **kwargs)
            except httpx.ConnectError as exc:
                raise NetworkError(_connect_message(url, exc)) from None
            except httpx.TimeoutException:
                raise NetworkError(f"{_host(url)} did not answer in time") from None
            except httpx.HTTPError as exc:
                raise NetworkError(
                    f"talking to {_host(url)} failed: {type(exc).__name__}"
                ) from None
            if resp.status_code in (301, 302, 303, 307, 308) and "location" in resp.headers:
                target = davxml.absolute(url, resp.headers["location"])
                if urlsplit(url).scheme == "https" and urlsplit(target).scheme != "https":
                    # The password would follow the redirect in clear text.
                    raise DavError(f"{_host(url)} redirected from https to plain http; refused")
                url = target
                continue
            if resp.status_code == 401:
                raise AuthError(f"{_host(url)} refused the user name or password (401)")
            return resp
        raise DavError(f"{_host(url)} redirected too many times")

    def _multistatus(self, method: str, url: str, body: str, depth: str) -> davxml.Multistatus:
        resp = self.request(method, url, content=body.encode(), headers={**_XML, "Depth": depth})
        if resp.status_code != 207:
            raise DavError(f"{method} {_path(url)} failed: HTTP {resp.status_code}")
        return davxml.parse_multistatus(resp.content)

    def propfind(self, url: str, props: tuple[str, ...], depth: str = "0") -> list[Response]:
        body = davxml.propfind_body(*props)
        return self._multistatus("PROPFIND", url, body, depth).responses

    # -- discovery ----------------------------------------------------------------------------
    def discover(self) -> list[Book]:
        """Address books at the URL: the URL itself if it is one, else the user's books found
        through current-user-principal and addressbook-home-set (RFC 6764 well-known too)."""
        props = ("d:resourcetype", "d:displayname", "d:current-user-principal")
        found = self._first(self.propfind(self.url, props))
        if found is not None and davxml.is_addressbook(found):
            return [Book(self.url, found.text(f"{DAV}displayname"))]
        principal = found.hrefs_in(f"{DAV}current-user-principal") if found else []
        if not principal:
            well_known = davxml.absolute(self.url, "/.well-known/carddav")
            found = self._first(self.propfind(well_known, props))
            principal = found.hrefs_in(f"{DAV}current-user-principal") if found else []
        if not principal:
            raise DavError(f"no CardDAV account found at {self.url}")
        principal_url = davxml.absolute(self.url, principal[0])
        home = self._first(self.propfind(principal_url, ("card:addressbook-home-set",)))
        homes = home.hrefs_in(f"{CARD}addressbook-home-set") if home else []
        if not homes:
            raise DavError(f"{_host(self.url)} names no address books for this user")
        self.home_url = davxml.absolute(self.url, homes[0])
        return self.books(self.home_url)

    def books(self, home_url: str) -> list[Book]:
        listed = self.propfind(home_url, ("d:resourcetype", "d:displayname"), depth="1")
        return [
            Book(davxml.absolute(home_url, r.href), r.text(f"{DAV}displayname"))
            for r in listed
            if davxml.is_addressbook(r)
        ]

    def create_book(self, home_url: str, slug: str, display_name: str) -> Book:
        url = davxml.absolute(home_url.rstrip("/") + "/", slug.strip("/") + "/")
        resp = self.request(
            "MKCOL", url, content=davxml.mkcol_body(display_name).encode(), headers=_XML
        )
        if resp.status_code not in (200, 201):
            raise DavError(
                f"creating the address book {_path(url)} failed: HTTP {resp.status_code}"
            )
        return Book(url, display_name)

    @staticmethod
    def _first(responses: list[Response]) -> Response | None:
        return responses[0] if responses else None

    # -- reading a book -----------------------------------------------------------------------
    def sync_collection(self, book_url: str, token: str) -> Changes:
        """Changes since ``token`` ("" = everything). Loops while the server truncates (507)."""
        changed: dict[str, str] = {}
        removed: set[str] = set()
        book_path = davxml.href_path(book_url)
        for _round in range(10_000):
            body = davxml.sync_collection_body(token)
            resp = self.request(
                "REPORT", book_url, content=body.encode(), headers={**_XML, "Depth": "0"}
            )
            if resp.status_code != 207:
                raise TokenRejected(f"sync-collection refused: HTTP {resp.status_code}")
            answer = davxml.parse_multistatus(resp.content)
            truncated = False
            for r in answer.responses:
                if r.href.rstrip("/") == book_path.rstrip("/"):
                    truncated = truncated or r.status == 507
                elif r.status == 404:
                    removed.add(r.href)
                    changed.pop(r.href, None)
                elif f"{DAV}getetag" in r.props:
                    changed[r.href] = r.text(f"{DAV}getetag")
                    removed.discard(r.href)
            if not answer.sync_token:
                raise TokenRejected("the server sent no sync token")
            token = answer.sync_token
            if not truncated:
                return Changes(changed, removed, token)
        raise DavError("the server kept truncating its list of changes")

    def list_etags(self, book_url: str) -> dict[str, str]:
        """href -> etag for every card (the fallback when sync-collection cannot be used)."""
        book_path = davxml.href_path(book_url).rstrip("/")
        listed = self.propfind(book_url, ("d:getetag", "d:resourcetype"), depth="1")
        return {
            r.href: r.text(f"{DAV}getetag")
            for r in listed
            if r.href.rstrip("/") != book_path and f"{DAV}getetag" in r.props
        }

    def multiget(self, book_url: str, hrefs: list[str]) -> dict[str, tuple[str, str]]:
        """href -> (etag, vCard text) for the hrefs the server still has."""
        answer = self._multistatus("REPORT", book_url, davxml.multiget_body(hrefs), "1")
        out = {}
        for r in answer.responses:
            data = r.props.get(f"{CARD}address-data")
            if data is not None and data.text:
                out[r.href] = (r.text(f"{DAV}getetag"), data.text)
        return out

    def iter_multiget(
        self, book_url: str, hrefs: list[str], batch: int = 200
    ) -> Iterator[dict[str, tuple[str, str]]]:
        for start in range(0, len(hrefs), batch):
            yield self.multiget(book_url, hrefs[start : start + batch])

    def fetch(self, book_url: str, url: str) -> tuple[str, str] | None:
        """(etag, card) of one card, or None if it is gone. Asked with a one-href multiget,
        not GET: some servers (iCloud) answer GET badly, every CardDAV server does multiget."""
        href = davxml.href_path(url)
        return self.multiget(book_url, [href]).get(href)

    # -- writing ------------------------------------------------------------------------------
    def put(self, url: str, text: str, etag: str | None) -> tuple[str, str]:
        """Write a card: over ``etag`` (If-Match), or as new (If-None-Match: *) when None.

        Returns (url, etag) where url is where the server says the card now lives (a server
        may rename it: Location) and etag may be "" when the server did not send one.
        """
        headers = {"Content-Type": VCARD_TYPE}
        if etag is None:
            headers["If-None-Match"] = "*"
        else:
            headers["If-Match"] = etag
        resp = self.request("PUT", url, content=text.encode("utf-8"), headers=headers)
        if resp.status_code == 412:
            raise PreconditionFailed(f"{_path(url)} changed on the server")
        if resp.status_code not in (200, 201, 204):
            raise DavError(f"uploading {_path(url)} failed: HTTP {resp.status_code}")
        where = resp.headers.get("location")
        final = davxml.absolute(url, where) if where else url
        return final, resp.headers.get("etag", "")

    def delete(self, url: str, etag: str) -> None:
        headers = {"If-Match": etag} if etag else {}
        resp = self.request("DELETE", url, headers=headers)
        if resp.status_code == 412:
            raise PreconditionFailed(f"{_path(url)} changed on the server")
        if resp.status_code not in (200, 204, 404):
            raise DavError(f"deleting {_path(url)} failed: HTTP {resp.status_code}")


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def _path(url: str) -> str:
    return urlsplit(url).path or url


def _connect_message(url: str, exc: httpx.ConnectError) -> str:
    text = str(exc)
    if "CERTIFICATE" in text.upper() or "SSL" in text.upper():
        return f"the certificate of {_host(url)} could not be verified ({text})"
    return f"cannot reach {_host(url)} ({text or 'connection refused'})"
