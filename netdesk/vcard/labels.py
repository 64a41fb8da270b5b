"""Friendly labels ("mobile", "work fax", a custom text) <-> TYPE parameters and Apple labels.

A label is one or more lower-case words in a fixed order (where first, then what kind):
``TEL;TYPE=CELL,WORK`` -> "work mobile", ``TEL;TYPE=HOME;TYPE=FAX`` -> "home fax". Types that
only restate the default (VOICE, INTERNET, POSTAL...) are dropped. Anything else is custom
text. The writer emits TYPE parameters only when reading them back gives the very same
label; any other label goes out as an Apple ``itemN.X-ABLabel``, which phones understand and
which keeps the text exactly.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WHERE = ("home", "work", "other", "school")
_KIND = (
    "mobile",
    "main",
    "fax",
    "pager",
    "car",
    "video",
    "text",
    "textphone",
    "isdn",
    "pcs",
    "modem",
    "bbs",
)
_WORD_ORDER = {w: i for i, w in enumerate(_WHERE + _KIND)}
_TYPE_TO_WORD = {w: w for w in _WORD_ORDER} | {"cell": "mobile", "business": "work"}
_WORD_TO_TYPE = {w: w for w in _WORD_ORDER} | {"mobile": "cell"}
# Types that say nothing a user would miss.
_NOISE = frozenset(
    {
        "pref",
        "voice",
        "internet",
        "x400",
        "msg",
        "postal",
        "parcel",
        "dom",
        "intl",
        "default",
        "uri",
    }
)

# Apple: "_$!<Mobile>!$_" (some writers drop the underscores: "$!<Email>!$").
_APPLE = re.compile(r"_?\$!<(.*)>!\$_?", re.DOTALL)
_APPLE_WORDS = {
    "homefax": "home fax",
    "workfax": "work fax",
    "otherfax": "other fax",
    "iphone": "iphone",
    "homepage": "homepage",
    "main": "main",
}


@lru_cache(maxsize=1024)
def label_from_types(types: tuple[str, ...]) -> tuple[str, bool]:
    """(friendly label, preferred) for the TYPE values of one property."""
    known: list[str] = []
    custom: list[str] = []
    preferred = False
    for t in types:
        low = t.strip().lower()
        if low == "pref":
            preferred = True
        if not low or low in _NOISE:
            continue
        word = _TYPE_TO_WORD.get(low)
        if word is not None:
            if word not in known:
                known.append(word)
        else:
            if low.startswith("x-") and len(low) > 2:
                low = low[2:]
            if low not in custom:
                custom.append(low)
    known.sort(key=_WORD_ORDER.__getitem__)
    return " ".join(known + custom), preferred


def label_from_apple(text: str) -> str:
    """The label an ``X-ABLabel`` value stands for: Apple built-ins lower-cased, else as is."""
    m = _APPLE.fullmatch(text.strip())
    if m is None:
        return text
    inner = m.group(1).strip()
    low = inner.lower()
    return _APPLE_WORDS.get(low, _TYPE_TO_WORD.get(low, low))


@lru_cache(maxsize=1024)
def types_for_label(label: str) -> tuple[str, ...] | None:
    """TYPE values (lower-case) that read back as exactly ``label``; None if there are none."""
    if not label:
        return ()
    words = label.split(" ")
    if any(w not in _WORD_TO_TYPE for w in words):
        return None
    types = tuple(_WORD_TO_TYPE[w] for w in words)
    return types if label_from_types(types)[0] == label else None
