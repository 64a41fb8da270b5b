"""Commands for tags as a whole: rename, merge, delete, and tag or untag many contacts."""

from __future__ import annotations

from collections.abc import Sequence

from netdesk.actions.events import ChangeEvent
from netdesk.services.tags import TagChange, TagMerge, TagService

# Past this many contacts a change is announced as bulk: views re-read once instead of
# patching rows one by one (and the table's loader re-reads 100,000 rows off the GUI thread).
PATCH_LIMIT = 2000


def tag_event(ids: Sequence[int]) -> ChangeEvent:
    """What a tag change touched. No contacts (an unused tag renamed): still an event, so
    the sidebar's tag list re-reads."""
    if not ids or len(ids) > PATCH_LIMIT:
        return ChangeEvent(bulk=True)
    return ChangeEvent.of(changed=ids)


def _count(n: int) -> str:
    return f"{n:,} contact" + ("" if n == 1 else "s")


class RenameTag:
    def __init__(self, tags: TagService, old: str, new: str) -> None:
        self.tags, self.old, self.new = tags, old, new
        self.members: list[int] = []
        self.label = f"Rename tag “{old}” to “{new}”"

    def do(self) -> ChangeEvent:
        before, after, self.members = self.tags.rename(self.old, self.new)
        self.old, self.new = before.name, after.name
        self.label = f"Rename tag “{self.old}” to “{self.new}”"
        return tag_event(self.members)

    def undo(self) -> ChangeEvent:
        self.tags.rename(self.new, self.old)
        return tag_event(self.members)

    def redo(self) -> ChangeEvent:
        self.tags.rename(self.old, self.new)
        return tag_event(self.members)


class MergeTags:
    """Rename onto an existing tag: everyone tagged ``source`` gets ``target``; ``source``
    goes. Undo brings ``source`` back (same id) and takes ``target`` from those who only had
    it by the merge."""

    def __init__(self, tags: TagService, source: str, target: str) -> None:
        self.tags, self.source, self.target = tags, source, target
        self.merge: TagMerge | None = None
        self.label = f"Merge tag “{source}” into “{target}”"

    def do(self) -> ChangeEvent:
        self.merge = self.tags.merge(self.source, self.target)
        return tag_event(self.merge.members)

    def undo(self) -> ChangeEvent:
        assert self.merge is not None
        self.tags.unmerge(self.merge)
        return tag_event(self.merge.members)

    def redo(self) -> ChangeEvent:
        return self.do()


class DeleteTag:
    """Delete a tag: taken from every contact (they stay); undo puts it back on them."""

    def __init__(self, tags: TagService, name: str) -> None:
        self.tags, self.name = tags, name
        self.change: TagChange | None = None
        self.label = f"Delete tag “{name}”"

    def do(self) -> ChangeEvent:
        self.change = self.tags.delete(self.name)
        self.label = f"Delete tag “{self.change.tag.name}” ({_count(len(self.change.ids))})"
        return tag_event(self.change.ids)

    def undo(self) -> ChangeEvent:
        assert self.change is not None
        self.tags.restore(self.change)
        return tag_event(self.change.ids)

    def redo(self) -> ChangeEvent:
        return self.do()


class AddTag:
    """Tag many contacts at once (one step; a new tag is made when needed)."""

    def __init__(self, tags: TagService, name: str, ids: Sequence[int]) -> None:
        self.tags, self.name, self.ids = tags, name, list(ids)
        self.change: TagChange | None = None
        self.label = f"Add tag “{name}” to {_count(len(self.ids))}"

    def do(self) -> ChangeEvent:
        self.change = self.tags.add(self.name, self.ids)
        return tag_event(self.change.ids)

    def undo(self) -> ChangeEvent:
        assert self.change is not None
        self.tags.take_back(self.change)
        return tag_event(self.change.ids)

    def redo(self) -> ChangeEvent:
        assert self.change is not None
        self.tags.give_back(self.change)
        return tag_event(self.change.ids)


class RemoveTag:
    """Take a tag from many contacts at once (one step)."""

    def __init__(self, tags: TagService, name: str, ids: Sequence[int]) -> None:
        self.tags, self.name, self.ids = tags, name, list(ids)
        self.change: TagChange | None = None
        self.label = f"Remove tag “{name}” from {_count(len(self.ids))}"

    def do(self) -> ChangeEvent:
        self.change = self.tags.remove(self.name, self.ids)
        return tag_event(self.change.ids)

    def undo(self) -> ChangeEvent:
        assert self.change is not None
        self.tags.give_back(self.change)
        return tag_event(self.change.ids)

    def redo(self) -> ChangeEvent:
        return self.do()


class Recorded:
    """A tag command whose ``do`` a worker thread already ran (its event is ``event``), so a
    change to 100,000 contacts is recorded as one undo step like any other."""

    def __init__(self, command: RenameTag | MergeTags | DeleteTag | AddTag | RemoveTag,
                 event: ChangeEvent) -> None:
        self.command, self.event = command, event

    @property
    def label(self) -> str:
        return self.command.label

    def do(self) -> ChangeEvent:
        return self.event

    def undo(self) -> ChangeEvent:
        return self.command.undo()

    def redo(self) -> ChangeEvent:
        return self.command.redo()
