"""Merging duplicates as one step of the undo history: Ctrl+Z puts both (or all) contacts
back exactly as they were, with their ids and activity (``MergeService.undo``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from netdesk.actions.events import ChangeEvent
from netdesk.services.merge import MergeResult, MergeService


class MergeContacts:
    """``do``/``redo`` merge ``other_ids`` into ``keep_id``; ``undo`` takes that merge back.
    A redo is a new merge with the same choices (the store logs it as a new merge)."""

    def __init__(self, merger: MergeService, keep_id: int, other_ids: Sequence[int],
                 picks: Mapping[str, int] | None, keep_name: str) -> None:
        self.merger = merger
        self.keep_id, self.other_ids = keep_id, list(other_ids)
        self.picks = dict(picks or {})
        self.result: MergeResult | None = None
        others = len(self.other_ids)
        self.label = f"Merge {others} contact{'s' if others != 1 else ''} into {keep_name}"

    def _event(self) -> ChangeEvent:
        # Contacts disappear and reappear with their activity: every view re-reads once.
        return ChangeEvent(bulk=True)

    def do(self) -> ChangeEvent:
        self.result = self.merger.merge(self.keep_id, self.other_ids, self.picks)
        return self._event()

    def undo(self) -> ChangeEvent:
        assert self.result is not None
        self.merger.undo(self.result.merge_id)
        return self._event()

    def redo(self) -> ChangeEvent:
        return self.do()
