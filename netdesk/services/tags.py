"""Tags as a whole: rename, merge, delete, and tagging (or untagging) many contacts at once.

Each use case is one transaction and returns what its undo needs; the commands in
``actions/tags.py`` keep that and give it back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from netdesk.domain.tags import Tag, clean_tag_name
from netdesk.services.errors import (
    Cancelled,
    NotFoundError,
    ServiceError,
    ValidationError,
    storage_errors,
)
from netdesk.store.db import Database


class TagExistsError(ServiceError):
    """Another tag already has that name (a rename onto it is a merge)."""


@dataclasses.dataclass(frozen=True)
class TagMerge:
    """``source`` went into ``target``: ``members`` had source, ``gained`` got target by it."""

    source: Tag
    target: Tag
    members: list[int]
    gained: list[int]


@dataclasses.dataclass(frozen=True)
class TagChange:
    """``tag`` was given to (or taken from) ``ids``; ``created``: the tag was new."""

    tag: Tag
    ids: list[int]
    created: bool = False


# A long step's hooks (see actions/runner.PendingStep): (done, total) for a progress bar, and
# whether the user asked to stop; a stop raises Cancelled, which rolls the transaction back.
Progress = Callable[[int, int], None] | None
IsCancelled = Callable[[], bool] | None


def _ticker(progress: Progress, cancelled: IsCancelled) -> Callable[[int, int], None] | None:
    if progress is None and cancelled is None:
        return None

    def tick(done: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()  # leaves the transaction, which rolls back: nothing changed
        if progress is not None:
            progress(done, total)

    return tick


def _name(name: str) -> str:
    try:
        return clean_tag_name(name)
    except ValueError as exc:
        raise ValidationError(str(exc), "tag") from None


class TagService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def _repo(self, conn, progress: Progress = None,  # noqa: ANN001, ANN202
              cancelled: IsCancelled = None):
        from netdesk.store.tags import TagRepository

        return TagRepository(conn, _ticker(progress, cancelled))

    @staticmethod
    def _existing(repo, name: str) -> Tag:  # noqa: ANN001
        tag = repo.find(name)
        if tag is None:
            raise NotFoundError(f"no tag “{name}”")
        return tag

    def find(self, name: str) -> Tag | None:
        with storage_errors(), self.db.engine.connect() as conn:
            return self._repo(conn).find(name)

    def count(self, name: str) -> int:
        """How many contacts have the tag ``name`` (0 when there is no such tag)."""
        with storage_errors(), self.db.engine.connect() as conn:
            repo = self._repo(conn)
            tag = repo.find(name)
            return 0 if tag is None else repo.count(tag.id)

    def members(self, tag_id: int) -> list[int]:
        with storage_errors(), self.db.engine.connect() as conn:
            return self._repo(conn).members(tag_id)

    # -- rename and merge ---------------------------------------------------------------------
    def merge_target(self, old: str, new: str) -> Tag | None:
        """The other tag that renaming ``old`` to ``new`` would merge into, if any."""
        with storage_errors(), self.db.engine.connect() as conn:
            repo = self._repo(conn)
            source, target = self._existing(repo, old), repo.find(_name(new))
        return target if target is not None and target.id != source.id else None

    def rename(self, old: str, new: str, progress: Progress = None,
               cancelled: IsCancelled = None) -> tuple[Tag, Tag, list[int]]:
        """Rename a tag (a change of case or accents too); returns (before, after, who has
        it).

        Raises TagExistsError when another tag is called ``new``: that is a merge."""
        new = _name(new)
        with storage_errors(), self.db.engine.begin() as conn:
            repo = self._repo(conn, progress, cancelled)
            tag = self._existing(repo, old)
            other = repo.find(new)
            if other is not None and other.id != tag.id:
                raise TagExistsError(f"there is already a tag “{other.name}”; merge instead")
            members = repo.rename(tag, new) if new != tag.name else repo.members(tag.id)
        return tag, dataclasses.replace(tag, name=new), members

    def merge(self, source: str, target: str, progress: Progress = None,
              cancelled: IsCancelled = None) -> TagMerge:
        """Give everyone tagged ``source`` the tag ``target`` and delete ``source``."""
        with storage_errors(), self.db.engine.begin() as conn:
            repo = self._repo(conn, progress, cancelled)
            src, dst = self._existing(repo, source), self._existing(repo, target)
            if src.id == dst.id:
                raise ValidationError("a tag cannot be merged into itself", "tag")
            members = repo.members(src.id)
            gained = repo.link(dst, members)
            repo.delete(src)
        return TagMerge(src, dst, members, gained)

    def unmerge(self, merge: TagMerge, progress: Progress = None,
                cancelled: IsCancelled = None) -> None:
        """Undo ``merge``: the source tag back (same id and cadence) on its people, and the
        target taken from those who only had it by the merge."""
        with storage_errors(), self.db.engine.begin() as conn:
            repo = self._repo(conn, progress, cancelled)
            src = merge.source
            if repo.find(src.name) is not None:
                raise TagExistsError(f"a tag “{src.name}” exists again; cannot undo the merge")
            back = repo.create(src.name, src.id, src.keep_in_touch_days)
            repo.link(back, merge.members)
            target = repo.find(merge.target.name)
            if target is not None:
                repo.unlink(target, merge.gained)

    # -- delete -------------------------------------------------------------------------------
    def delete(self, name: str, progress: Progress = None,
               cancelled: IsCancelled = None) -> TagChange:
        """Delete a tag, taking it from every contact; returns what ``restore`` needs."""
        with storage_errors(), self.db.engine.begin() as conn:
            repo = self._repo(conn, progress, cancelled)
            tag = self._existing(repo, name)
            return TagChange(tag, repo.delete(tag))

    def restore(self, change: TagChange, progress: Progress = None,
                cancelled: IsCancelled = None) -> None:
        """Undo ``delete``: the tag (same id, name and cadence) back on its contacts."""
        with storage_errors(), self.db.engine.begin() as conn:
            repo = self._repo(conn, progress, cancelled)
            tag = change.tag
            existing = repo.find(tag.name)
            back = existing or repo.create(tag.name, tag.id, tag.keep_in_touch_days)
            repo.link(back, change.ids)

    # -- many contacts at once ------------------------------------------------------------
    def add(self, name: str, ids: Sequence[int], progress: Progress = None,
            cancelled: IsCancelled = None) -> TagChange:
        """Tag the contacts ``ids`` (a new tag is made when needed); returns who got it."""
        name = _name(name)
        with storage_errors(), self.db.engine.begin() as conn:
            repo = self._repo(conn, progress, cancelled)
            tag = repo.find(name)
            created = tag is None
            if tag is None:
                tag = repo.create(name)
            return TagChange(tag, repo.link(tag, ids), created)

    def remove(self, name: str, ids: Sequence[int], progress: Progress = None,
               cancelled: IsCancelled = None) -> TagChange:
        """Take the tag from the contacts ``ids``; returns who had it."""
        with storage_errors(), self.db.engine.begin() as conn:
            repo = self._repo(conn, progress, cancelled)
            tag = self._existing(repo, name)
            return TagChange(tag, repo.unlink(tag, ids))

    def take_back(self, change: TagChange, progress: Progress = None,
                  cancelled: IsCancelled = None) -> None:
        """Undo ``add``: untag those who got it; a tag the add created goes again."""
        with storage_errors(), self.db.engine.begin() as conn:
            repo = self._repo(conn, progress, cancelled)
            tag = repo.find(change.tag.name)
            if tag is None:
                return
            repo.unlink(tag, change.ids)
            if change.created and not repo.members(tag.id):
                repo.delete(tag)

    def give_back(self, change: TagChange, progress: Progress = None,
                  cancelled: IsCancelled = None) -> None:
        """Undo ``remove`` (and redo ``add``): tag those again, the tag made if gone."""
        with storage_errors(), self.db.engine.begin() as conn:
            repo = self._repo(conn, progress, cancelled)
            tag = change.tag
            back = repo.find(tag.name) or repo.create(tag.name, tag.id, tag.keep_in_touch_days)
            repo.link(back, change.ids)
