"""The one change event: what a committed user change (or its undo/redo) touched.

Every view, the tray count and the reminder scheduler listen to this and nothing else, so a
change is announced once, whichever view made it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ChangeEvent:
    """Ids of what changed. ``bulk`` means "many contacts at once" (an import, a tag's
    cadence): listeners re-read everything instead of patching rows one by one."""

    contacts_changed: frozenset[int] = field(default_factory=frozenset)
    contacts_removed: frozenset[int] = field(default_factory=frozenset)
    # Contacts whose interactions or follow-ups changed (the Today view, the timeline and the
    # table's last-contact/follow-up columns follow these).
    activity_changed: frozenset[int] = field(default_factory=frozenset)
    bulk: bool = False
    # Events (meetups, conferences) created, edited, deleted or whose people changed.
    events_changed: frozenset[int] = field(default_factory=frozenset)
    # The trash's entries changed (a delete, restore or emptying): the Trash view re-reads.
    trash: bool = False

    @classmethod
    def of(
        cls,
        changed: Iterable[int] = (),
        removed: Iterable[int] = (),
        activity: Iterable[int] = (),
        bulk: bool = False,
        events: Iterable[int] = (),
    ) -> ChangeEvent:
        return cls(frozenset(changed), frozenset(removed), frozenset(activity), bulk,
                   frozenset(events))

    @property
    def touches_contacts(self) -> bool:
        return self.bulk or bool(self.contacts_changed or self.contacts_removed)

    @property
    def touches_due(self) -> bool:
        """Whether what is due may have changed (follow-ups, cadences, deleted people)."""
        return self.bulk or bool(
            self.activity_changed or self.contacts_removed or self.contacts_changed
        )

    def is_empty(self) -> bool:
        return not (self.bulk or self.contacts_changed or self.contacts_removed
                    or self.activity_changed or self.events_changed or self.trash)

    def touches(self, contact_id: int) -> bool:
        return self.bulk or contact_id in (
            self.contacts_changed | self.contacts_removed | self.activity_changed
        )
