"""Which contact values become links, and to what: only mailto:, tel:, http: and https:."""

from __future__ import annotations

import pytest

from netdesk.domain.links import EMAIL, PHONE, WEB, link_for


@pytest.mark.parametrize(("kind", "value", "url"), [
    (EMAIL, "ada@example.org", "mailto:ada@example.org"),
    (EMAIL, " ada+crm@mail.example.org ", "mailto:ada+crm@mail.example.org"),
    (EMAIL, "MAILTO:ada@example.org", "mailto:ada@example.org"),
    (PHONE, "+49 30 1234-567", "tel:+49301234567"),
    (PHONE, "0049 (30) 1234567", "tel:+49301234567"),
    (PHONE, "030 1234567", "tel:0301234567"),
    (WEB, "https://example.org/a?b=c#d", "https://example.org/a?b=c#d"),
    (WEB, "HTTP://example.org", "HTTP://example.org"),
    (WEB, "www.example.org", "https://www.example.org"),
    (WEB, "example.org/team", "https://example.org/team"),
])
def test_addresses_become_the_link_of_their_kind(kind: str, value: str, url: str) -> None:
    assert link_for(kind, value) == url


@pytest.mark.parametrize(("kind", "value"), [
    (WEB, "javascript:alert(1)"),
    (WEB, "JaVaScRiPt:alert(1)"),
    (WEB, "file:///etc/passwd"),
    (WEB, "data:text/html,<script>x</script>"),
    (WEB, "ftp://example.org"),
    (WEB, "https://"),
    (WEB, "https://exa mple.org"),
    (WEB, "https://example.org/\nfile:///x"),
    (WEB, "twitter:@ada"),
    (WEB, "@ada"),
    (WEB, "not a url"),
    (EMAIL, "javascript:alert(1)//@example.org"),
    (EMAIL, "foo@bar"),
    (EMAIL, "<b>x</b>@example.org"),
    (EMAIL, "ada@example.org?attach=/etc/passwd"),
    (EMAIL, "a\n@example.org"),
    (PHONE, "javascript:alert(1)"),
    (PHONE, "1-800-FLOWERS"),
    (PHONE, "12"),
    (PHONE, ""),
    ("note", "https://example.org"),
])
def test_anything_else_is_no_link(kind: str, value: str) -> None:
    assert link_for(kind, value) is None


def test_an_email_link_cannot_carry_extra_mailto_fields() -> None:
    url = link_for(EMAIL, "a&cc=b@example.org")
    assert url is not None and "&" not in url and url.startswith("mailto:")
