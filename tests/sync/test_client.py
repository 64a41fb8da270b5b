"""Client rules that need no server: where netdesk may connect, and untrusted XML."""

from __future__ import annotations

import pytest

from netdesk.sync.client import DavError, check_url
from netdesk.sync.davxml import DavXmlError, parse_multistatus


@pytest.mark.parametrize(
    "url", ["https://dav.example.org/", "http://127.0.0.1:5232/", "http://localhost/x/",
            "http://[::1]:8080/"],
)  # fmt: skip
def test_allowed_urls(url: str) -> None:
    assert check_url(url) == url


def test_plain_http_elsewhere_needs_the_explicit_flag() -> None:
    with pytest.raises(DavError, match="insecure-http"):
        check_url("http://dav.example.org/")
    assert check_url("http://dav.example.org/", insecure_http=True)


def test_credentials_in_the_url_are_refused_without_echoing_them() -> None:
    with pytest.raises(DavError) as err:
        check_url("https://bob:hunter2@dav.example.org/")
    assert "hunter2" not in str(err.value)


def test_entity_expansion_is_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<d:multistatus xmlns:d="DAV:"><d:response><d:href>&b;</d:href></d:response>'
        b"</d:multistatus>"
    )
    with pytest.raises(DavXmlError):
        parse_multistatus(bomb)


def test_multistatus_reads_quoted_hrefs_statuses_and_token() -> None:
    answer = parse_multistatus(
        b'<d:multistatus xmlns:d="DAV:"><d:response>'
        b"<d:href>https://h/book/J%C3%BCrgen.vcf</d:href><d:propstat><d:prop>"
        b'<d:getetag>"1"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>'
        b"</d:response><d:response><d:href>/book/gone.vcf</d:href>"
        b"<d:status>HTTP/1.1 404 Not Found</d:status></d:response>"
        b"<d:sync-token>tok-2</d:sync-token></d:multistatus>"
    )
    first, gone = answer.responses
    assert (first.href, first.text("{DAV:}getetag")) == ("/book/Jürgen.vcf", '"1"')
    assert (gone.href, gone.status, answer.sync_token) == ("/book/gone.vcf", 404, "tok-2")
