"""Instant messaging and social profiles: which property, which service label."""

from __future__ import annotations

import re

# Pre-IMPP properties still written by Apple, Google and Evolution: property -> service.
LEGACY_IM = {
    "X-AIM": "aim",
    "X-ICQ": "icq",
    "X-JABBER": "jabber",
    "X-MSN": "msn",
    "X-YAHOO": "yahoo",
    "X-SKYPE": "skype",
    "X-SKYPE-USERNAME": "skype",
    "X-GTALK": "gtalk",
    "X-GOOGLE-TALK": "gtalk",
    "X-QQ": "qq",
    "X-GADUGADU": "gadugadu",
    "X-TWITTER": "twitter",
}
# The writer's choice when a handle without a URI scheme has one of these services.
LEGACY_PROPERTY_FOR = {}
for _prop, _service in LEGACY_IM.items():
    LEGACY_PROPERTY_FOR.setdefault(_service, _prop)

# URI schemes that make a value an IMPP (instant messaging) address rather than a web profile.
IM_SCHEMES = frozenset(
    {
        "xmpp",
        "sip",
        "sips",
        "aim",
        "skype",
        "ymsgr",
        "msnim",
        "icq",
        "gtalk",
        "irc",
        "ircs",
        "im",
        "qq",
        "matrix",
    }
)
_SCHEME_SERVICE = {"ymsgr": "yahoo", "msnim": "msn", "sips": "sip", "ircs": "irc"}
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


def scheme_of(value: str) -> str:
    m = _SCHEME.match(value)
    return m.group(1).lower() if m else ""


def service_for_scheme(scheme: str) -> str:
    return _SCHEME_SERVICE.get(scheme, scheme)
