"""Phone numbers in E.164 (``+49301234567``), with a default region for national numbers.

phonenumberslite (the metadata without geocoding/carrier data, 1.2 MB instead of 21.9 MB)
knows each country's trunk prefix, so "030 1234567" in Germany is "+49301234567". Parsing
costs ~25 µs; numbers already written internationally ("+…" or "00…", the common case in
address books) skip it, and every result is cached.
"""

from __future__ import annotations

import functools
import locale
import os
import re

import phonenumbers

from netdesk.domain.matching import MIN_PHONE_DIGITS, normalise_phone

REGION_ENV = "NETDESK_PHONE_REGION"
_TRUNK_IN_BRACKETS = re.compile(r"\(\s*0\s*\)")


def default_region() -> str:
    """The region national numbers belong to: $NETDESK_PHONE_REGION, else the locale's
    country ("de_DE.UTF-8" -> "DE"), else "" (national numbers then stay plain digits)."""
    configured = os.environ.get(REGION_ENV, "").strip().upper()
    if configured:
        return configured
    for name in (locale.getlocale()[0], os.environ.get("LC_ALL"), os.environ.get("LANG")):
        if name and "_" in name:
            country = name.split("_", 1)[1][:2].upper()
            if country.isalpha() and len(country) == 2:
                return country
    return ""


@functools.lru_cache(maxsize=1 << 18)
def e164(raw: str, region: str = "") -> str:
    """``raw`` in E.164, or its plain digits (domain ``normalise_phone``) when it cannot be
    read as a number of ``region``. Never raises."""
    digits = normalise_phone(raw)
    if len(digits.lstrip("+")) < MIN_PHONE_DIGITS:
        return digits  # an extension or a short code: never padded into a "real" number
    if not _TRUNK_IN_BRACKETS.search(raw):
        if digits.startswith("+"):
            return digits
        if digits.startswith("00") and len(digits) > 6:
            return "+" + digits[2:]
    if not region and not digits.startswith("+"):
        return digits
    trunk = _simple_trunk(region)
    if trunk and digits.startswith(trunk[1]) and not digits.startswith("00"):
        # "030 1234567" in DE: the common national form, without the ~25 µs parse.
        return f"+{trunk[0]}{digits[len(trunk[1]) :]}"
    try:
        number = phonenumbers.parse(raw, region or None)
    except phonenumbers.NumberParseException:
        return digits
    if not number.national_number:
        return digits
    lead = "0" * (number.number_of_leading_zeros or 1) if number.italian_leading_zero else ""
    return f"+{number.country_code}{lead}{number.national_number}"


@functools.lru_cache(maxsize=64)
def _simple_trunk(region: str) -> tuple[int, str] | None:
    """(country code, trunk prefix) for regions whose trunk prefix is a plain prefix ("0"
    in DE, FR, GB; "8" in RU); None where parsing needs the full rules (IT, MX, BR, JP)."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region) if region else None
    if meta is None or not meta.national_prefix:
        return None
    if meta.national_prefix_for_parsing != meta.national_prefix:
        return None
    return meta.country_code, meta.national_prefix


@functools.lru_cache(maxsize=4096)
def stored_forms(key: str, region: str = "") -> frozenset[str]:
    """The plain-digit forms (domain ``normalise_phone``, what the store indexes) under which
    a number whose E.164 key is ``key`` may have been saved: "+49301234567", "0049301234567",
    "+490301234567" (written "+49 (0)30 …") and, for a number of ``region``, the national
    "0301234567". A key that is not E.164 (no region known) stands for itself."""
    if not key.startswith("+"):
        return frozenset({key})
    forms = {key, "00" + key[1:]}
    try:
        number = phonenumbers.parse(key, None)
    except phonenumbers.NumberParseException:
        return frozenset(forms)
    code = str(number.country_code)
    national = key[1 + len(code) :]
    own = phonenumbers.PhoneMetadata.metadata_for_region(
        phonenumbers.region_code_for_country_code(number.country_code)
    )
    if own is not None and own.national_prefix == "0":
        forms.add(f"+{code}0{national}")  # "+44 (0)7700 …"
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region) if region else None
    if meta is not None and meta.country_code == number.country_code:
        # Candidates only: whoever they find is compared by E.164 afterwards.
        forms |= {national, (meta.national_prefix or "") + national}
    return frozenset(f for f in forms if len(f.lstrip("+")) >= MIN_PHONE_DIGITS)


class PhoneKey:
    """A phone normaliser for one region, to hand to ``domain.matching.match_keys``."""

    def __init__(self, region: str | None = None) -> None:
        self.region = default_region() if region is None else region.upper()

    def __call__(self, raw: str) -> str:
        return e164(raw, self.region)

    def stored_forms(self, key: str) -> frozenset[str]:
        """See ``stored_forms``: where to look the key up among stored digits."""
        return stored_forms(key, self.region)
