"""WebDAV/CardDAV XML: request bodies built as text, multistatus answers parsed with defusedxml.

Server answers are untrusted input: defusedxml refuses entity expansion and external
entities. Only the few elements netdesk needs are read; everything else is ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urljoin, urlsplit
from xml.etree.ElementTree import Element
from xml.sax.saxutils import escape

from defusedxml import ElementTree

DAV = "{DAV:}"
CARD = "{urn:ietf:params:xml:ns:carddav}"
CS = "{http://calendarserver.org/ns/}"

_HREF_SAFE = "/:@!$&'()*+,;=~-._"
_HEAD = '<?xml version="1.0" encoding="utf-8"?>\n'


class DavXmlError(ValueError):
    """The server's XML could not be read."""


@dataclass
class Response:
    """One ``<response>`` of a multistatus: its href (path, unquoted), status and props."""

    href: str
    status: int | None = None
    props: dict[str, Element] = field(default_factory=dict)
    prop_status: dict[str, int] = field(default_factory=dict)

    def text(self, name: str) -> str:
        el = self.props.get(name)
        return (el.text or "").strip() if el is not None else ""

    def hrefs_in(self, name: str) -> list[str]:
        el = self.props.get(name)
        if el is None:
            return []
        return [(h.text or "").strip() for h in el.iter(f"{DAV}href") if h.text]


@dataclass
class Multistatus:
    responses: list[Response]
    sync_token: str = ""


def _status_code(text: str | None) -> int | None:
    # "HTTP/1.1 200 OK" -> 200
    parts = (text or "").split()
    if len(parts) >= 2 and parts[1].isdigit():
        return int(parts[1])
    return None


def parse_multistatus(data: bytes) -> Multistatus:
    try:
        root = ElementTree.fromstring(data)
    except Exception as exc:  # ParseError and defusedxml's refusals alike
        raise DavXmlError(f"the server sent XML that cannot be read ({exc})") from exc
    if root.tag != f"{DAV}multistatus":
        raise DavXmlError(f"the server sent {root.tag}, not a WebDAV multistatus")
    responses = []
    for r in root.findall(f"{DAV}response"):
        href_el = r.find(f"{DAV}href")
        if href_el is None or not href_el.text:
            continue
        resp = Response(href=href_path(href_el.text.strip()))
        resp.status = _status_code(r.findtext(f"{DAV}status"))
        for ps in r.findall(f"{DAV}propstat"):
            code = _status_code(ps.findtext(f"{DAV}status"))
            prop = ps.find(f"{DAV}prop")
            if prop is None:
                continue
            for el in prop:
                resp.prop_status[el.tag] = code or 0
                if code == 200:
                    resp.props[el.tag] = el
        responses.append(resp)
    return Multistatus(responses, (root.findtext(f"{DAV}sync-token") or "").strip())


def href_path(href: str) -> str:
    """The unquoted path of an href (servers answer with full URLs or paths, quoted or not)."""
    return unquote(urlsplit(href).path)


def absolute(base_url: str, href: str) -> str:
    return urljoin(base_url, href)


def propfind_body(*props: str) -> str:
    inner = "".join(f"<{p}/>" for p in props)
    return (
        f'{_HEAD}<d:propfind xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav" '
        f'xmlns:cs="http://calendarserver.org/ns/"><d:prop>{inner}</d:prop></d:propfind>'
    )


def sync_collection_body(token: str) -> str:
    return (
        f'{_HEAD}<d:sync-collection xmlns:d="DAV:">'
        f"<d:sync-token>{escape(token)}</d:sync-token><d:sync-level>1</d:sync-level>"
        "<d:prop><d:getetag/></d:prop></d:sync-collection>"
    )


def multiget_body(hrefs: list[str]) -> str:
    # hrefs are kept unquoted (as parsed); on the wire they go percent-encoded again.
    refs = "".join(f"<d:href>{escape(quote(h, safe=_HREF_SAFE))}</d:href>" for h in hrefs)
    return (
        f'{_HEAD}<card:addressbook-multiget xmlns:d="DAV:" '
        'xmlns:card="urn:ietf:params:xml:ns:carddav">'
        f"<d:prop><d:getetag/><card:address-data/></d:prop>{refs}</card:addressbook-multiget>"
    )


def mkcol_body(display_name: str) -> str:
    return (
        f'{_HEAD}<d:mkcol xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav">'
        "<d:set><d:prop><d:resourcetype><d:collection/><card:addressbook/></d:resourcetype>"
        f"<d:displayname>{escape(display_name)}</d:displayname></d:prop></d:set></d:mkcol>"
    )


def is_addressbook(resp: Response) -> bool:
    rt = resp.props.get(f"{DAV}resourcetype")
    return rt is not None and rt.find(f"{CARD}addressbook") is not None


def error_names(data: bytes) -> set[str]:
    """The precondition elements of a DAV:error body (e.g. valid-sync-token), or none."""
    try:
        root = ElementTree.fromstring(data)
    except Exception:
        return set()
    if root.tag != f"{DAV}error":
        return set()
    return {child.tag for child in root}
