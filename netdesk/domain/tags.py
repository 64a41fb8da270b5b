"""Tags as a whole (not one contact's list): a tag's record and the rule for a tag's name."""

from __future__ import annotations

from dataclasses import dataclass

MAX_TAG_LENGTH = 100


@dataclass(frozen=True, slots=True)
class Tag:
    id: int
    name: str
    # Default keep-in-touch cadence for contacts with this tag.
    keep_in_touch_days: int | None = None


def clean_tag_name(name: str) -> str:
    """``name`` trimmed; ValueError with a sentence for the user when it cannot be a tag."""
    if any((ord(ch) < 0x20 and ch not in "\t\n\r") or 0x7F <= ord(ch) < 0xA0 for ch in name):
        raise ValueError("a tag name cannot contain control characters")
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValueError("a tag needs a name")
    if len(cleaned) > MAX_TAG_LENGTH:
        raise ValueError(f"a tag name can have at most {MAX_TAG_LENGTH} characters")
    return cleaned
