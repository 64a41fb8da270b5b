"""Commands for tags as a whole: rename, merge, delete, and tag or untag many contacts."""

from __future__ import annotations

from collections.abc import Sequence

from netdesk.actions.events import ChangeEvent
from netdesk.services.tags import TagChange, TagMerge, TagService

# Past this many contacts a change is announced as bulk: views re-read once instead of
# patching rows one by one (and the table's loader re-reads 100,000 rows off the GUI thread).
PATCH_LIMIT = 2000
# A tag change (or its undo, or its redo) on more contacts than this runs in a worker with
# progress and Cancel when the runner has a background starter (the window): measured
# ~0.1-0.3 ms a contact on a busy 2-core machine, so 500 stays near the 100 ms budget.
LONG_TAGS = 500


def tag_event(ids: Sequence[int]) -> ChangeEvent:
    """What a tag change touched. No contacts (an unused tag renamed): still an event, so
    the sidebar's tag list re-reads."""
    if not ids or len(ids) > PATCH_LIMIT:
        return ChangeEvent(bulk=True)
    return ChangeEvent.of(changed=ids)


def _count(n: int) -> str:
    return f"{n:,} contact" + ("" if n == 1 else "s")


class _TagStep:
    """What every tag command shares: ``runs_long`` for the runner (the change, its undo or
    its redo, on many contacts: the runner hands it to its worker, with progress and
    Cancel), and the worker's hooks passed through to the service."""

    label: str
    # How many contacts the first run will touch, as the caller counted them (the
    # selection, or the tag's count); what it did touch is ``size()`` afterwards.
    expected: int = 0

    def size(self) -> int:
        """How many contacts the change touched (0 before it ran)."""
        raise NotImplementedError

    def runs_long(self, kind: str) -> bool:
        return (self.expected if kind == "do" else self.size()) > LONG_TAGS


class RenameTag(_TagStep):
    def __init__(self, tags: TagService, old: str, new: str) -> None:
        self.tags, self.old, self.new = tags, old, new
        self.members: list[int] = []
        self.label = f"Rename tag “{old}” to “{new}”"

    def size(self) -> int:
        return len(self.members)

    def do(self, progress=None, cancelled=None) -> ChangeEvent:  # noqa: ANN001
        before, after, self.members = self.tags.rename(self.old, self.new, progress, cancelled)
        self.old, self.new = before.name, after.name
        self.label = f"Rename tag “{self.old}” to “{self.new}”"
        return tag_event(self.members)

    def undo(self, progress=None, cancelled=None) -> ChangeEvent:  # noqa: ANN001
        self.tags.rename(self.new, self.old, progress, cancelled)
        return tag_event(self.members)

    def redo(self, progress=None, cancelled=None) -> ChangeEvent:  # noqa: ANN001
        self.tags.rename(self.old, self.new, progress, cancelled)
        return tag_event(self.members)


class MergeTags(_TagStep):
    """Rename onto an existing tag: everyone tagged ``source`` gets ``target``; ``source``
    goes. Undo brings ``source`` back (same id) and takes ``target`` from those who only had
    it by the merge."""

    def __init__(self, tags: TagService, source: str, target: str) -> None:
        self.tags, self.source, self.target = tags, source, target
        self.merge: TagMerge | None = None
        self.label = f"Merge tag “{source}” into “{target}”"

    def size(self) -> int:
        return len(self.merge.members) if self.merge else 0

    def do(self, progress=None, cancelled=None) -> ChangeEvent:  # noqa: ANN001
        self.merge = self.tags.merge(self.source, self.target, progress, cancelled)
        return tag_event(self.merge.members)

    def undo(self, progress=None, cancelled=None) -> ChangeEvent:  # noqa: ANN001
        assert self.merge is not None
        self.tags.unmerge(self.merge, progress, cancelled)
        return tag_event(self.merge.members)

    def redo(self, progress=None, cancelled=None) -> ChangeEvent:  # noqa: ANN001
        return self.do(progress, cancelled)


class DeleteTag(_TagStep):
    """Delete a tag: taken from every contact (they stay); undo puts it back on them."""

    def __init__(self, tags: TagService, name: str) -> None:
        self.tags, self.name = tags, name
        self.change: TagChange | None = None
        self.label = f"Delete tag “{name}”"

    def size(self) -> int:
        return len(self.change.ids) if self.change else 0

    def do(self, progress=None, cancelled=None) -> ChangeEvent:  # noqa: ANN001
        self.change = self.tags.delete(self.name, progress, cancelled)
        self.label = f"Delete tag “{self.change.tag.name}” ({_count(len(self.change.ids))})"
        return tag_event(self.change.ids)

    def undo(self, progress=None, cancelled=None) -> ChangeEvent:  # noqa: ANN001
        assert self.change is not None
        self.tags.restore(self.change, progress, cancelled)
        return tag_event(self.change.ids)

    def redo(self, progress=None, cancelled=None) -> ChangeEvent:  # noqa: ANN001
        return self.do(progress, cancelled)


class TagContacts(_TagStep):
    """Give a tag to many contacts at once (``add``; a new tag is made when needed), or take
    it from them (``add=False``): one step either way."""

    def __init__(self, tags: TagService, name: str, ids: Sequence[int], add: bool = True
                 ) -> None:
        self.tags, self.name, self.ids, self.add = tags, name, list(ids), add
        self.expected = len(self.ids)
        self.change: TagChange | None = None
        self.label = (f"Add tag “{name}” to {_count(len(self.ids))}" if add
                      else f"Remove tag “{name}” from {_count(len(self.ids))}")

    def size(self) -> int:
        return len(self.change.ids) if self.change else 0

    def do(self, progress=None, cancelled=None) -> ChangeEvent:  # noqa: ANN001
        step = self.tags.add if self.add else self.tags.remove
        self.change = step(self.name, self.ids, progress, cancelled)
        return tag_event(self.change.ids)

    def undo(self, progress=None, cancelled=None) -> ChangeEvent:  # noqa: ANN001
        assert self.change is not None
        step = self.tags.take_back if self.add else self.tags.give_back
        step(self.change, progress, cancelled)
        return tag_event(self.change.ids)

    def redo(self, progress=None, cancelled=None) -> ChangeEvent:  # noqa: ANN001
        if not self.add:  # the tag may be on others by now: take it from the same ids again
            return self.do(progress, cancelled)
        assert self.change is not None
        self.tags.give_back(self.change, progress, cancelled)  # the same tag (id) again
        return tag_event(self.change.ids)


TagCommand = RenameTag | MergeTags | DeleteTag | TagContacts
