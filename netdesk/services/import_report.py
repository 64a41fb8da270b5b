"""What an import did: ``ImportReport`` (counts, problems, and what its undo needs)."""

from __future__ import annotations

from dataclasses import dataclass, field

from netdesk.domain.contact import Contact, fallback_display_name
from netdesk.domain.wording import import_summary
from netdesk.services.errors import ServiceError
from netdesk.vcard import CardProblem


class ImportCancelled(ServiceError):
    def __init__(self) -> None:
        super().__init__("Import cancelled; nothing was changed.")


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # Cards merged into another card of the same import (the same person twice in a file).
    merged: int = 0
    skipped: int = 0
    problems: list[CardProblem] = field(default_factory=list)
    # (file, message) for files that could not be read at all.
    files_failed: list[tuple[str, str]] = field(default_factory=list)
    # What undo of the import needs: the ids it created, and the stored contacts it changed
    # as they were before it.
    created_ids: list[int] = field(default_factory=list)
    updated_before: dict[int, Contact] = field(default_factory=dict)
    # Who was merged into whom (shown names), one pair per merged card: the report says who.
    merged_into: list[tuple[str, str]] = field(default_factory=list)

    def note_merge(self, card: Contact, into: Contact) -> None:
        """``card`` (the same person as ``into``, earlier in this import) was merged into it."""
        self.merged += 1
        self.merged_into.append((_shown(card), _shown(into)))

    def add(self, other: ImportReport) -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.merged += other.merged
        self.skipped += other.skipped
        self.problems += other.problems
        self.files_failed += other.files_failed
        self.created_ids += other.created_ids
        self.merged_into += other.merged_into
        for cid, before in other.updated_before.items():
            self.updated_before.setdefault(cid, before)

    def summary(self) -> str:
        return import_summary(self)


def _shown(contact: Contact) -> str:
    return contact.display_name or fallback_display_name(contact)
