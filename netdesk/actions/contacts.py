"""Commands for contacts: create, edit, delete, tag changes and a tag's keep-in-touch cadence."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from netdesk.actions.events import ChangeEvent
from netdesk.domain.contact import Contact
from netdesk.services.contacts import ContactService, Deletion
from netdesk.services.errors import NotFoundError


def _moved_text(moved: dict[int, int]) -> str:
    return "" if not moved else (
        f" ({len(moved)} came back under a new id: the old one was taken meanwhile)")


class CreateContact:
    def __init__(self, service: ContactService, contact: Contact) -> None:
        self.service = service
        self.contact = contact
        self.created: Contact | None = None
        self._deletion: Deletion | None = None
        self.label = f"Add {contact.display_name or 'contact'}"

    def do(self) -> ChangeEvent:
        self.created = self.service.create(self.contact)  # ValidationError: nothing recorded
        self.label = f"Add {self.created.display_name}"
        return ChangeEvent.of(changed=[self.created.id])

    def undo(self) -> ChangeEvent:
        assert self.created is not None and self.created.id is not None
        self._deletion = self.service.delete([self.created.id])
        return ChangeEvent.of(removed=[self.created.id], activity=[self.created.id])

    def redo(self) -> ChangeEvent:
        assert self.created is not None and self._deletion is not None
        moved = self.service.restore(self._deletion)
        self.created.id = moved.get(self.created.id, self.created.id)
        return ChangeEvent.of(changed=[self.created.id])


class EditContact:
    """Save ``after`` over the stored contact; undo puts the stored version back."""

    def __init__(self, service: ContactService, after: Contact) -> None:
        self.service = service
        self.after = after
        self.before: Contact | None = None
        self.saved: Contact | None = None
        self.label = f"Edit {after.display_name}"

    def do(self) -> ChangeEvent:
        assert self.after.id is not None
        self.before = self.service.get(self.after.id)
        self.saved = self.service.update(self.after)
        self.label = f"Edit {self.saved.display_name}"
        return ChangeEvent.of(changed=[self.after.id])

    def undo(self) -> ChangeEvent:
        assert self.before is not None
        self.service.update(self.before)
        return ChangeEvent.of(changed=[self.before.id])  # type: ignore[list-item]

    def redo(self) -> ChangeEvent:
        self.service.update(self.saved or self.after)
        return ChangeEvent.of(changed=[self.after.id])  # type: ignore[list-item]


class DeleteContacts:
    """Delete contacts with their activity; undo restores them (under the same ids when free)."""

    def __init__(self, service: ContactService, ids: Sequence[int], names: Sequence[str] = ()
                 ) -> None:
        self.service = service
        self.ids = list(ids)
        self.deletion: Deletion | None = None
        self.label = _delete_label(list(names), len(self.ids))

    def do(self) -> ChangeEvent:
        self.deletion = self.service.delete(self.ids)
        if not self.deletion.contacts:
            raise NotFoundError("those contacts no longer exist")
        self.ids = [c.id for c in self.deletion.contacts if c.id is not None]
        self.label = _delete_label([c.display_name for c in self.deletion.contacts], len(self.ids))
        return ChangeEvent.of(removed=self.ids, activity=self.ids)

    def undo(self) -> ChangeEvent:
        assert self.deletion is not None
        moved = self.service.restore(self.deletion)
        self.ids = [moved.get(i, i) for i in self.ids]
        # Keep the ids the restored contacts really have, so a redo deletes those.
        self.deletion = dataclasses.replace(
            self.deletion,
            contacts=[dataclasses.replace(c, id=moved.get(c.id, c.id))  # type: ignore[arg-type]
                      for c in self.deletion.contacts],
        )
        self.note = _moved_text(moved)
        return ChangeEvent.of(changed=self.ids, activity=self.ids)

    def redo(self) -> ChangeEvent:
        return self.do()


def _delete_label(names: list[str], count: int) -> str:
    if count == 1 and names:
        return f"Delete {names[0]}"
    return f"Delete {count} contacts"


class ChangeTags:
    """Add and/or remove tags on contacts."""

    def __init__(self, service: ContactService, ids: Sequence[int], add: Sequence[str] = (),
                 remove: Sequence[str] = ()) -> None:
        self.service = service
        self.ids = list(ids)
        self.add, self.remove = list(add), list(remove)
        self.before: list[Contact] = []
        what = ", ".join([*(f"+{t}" for t in self.add), *(f"−{t}" for t in self.remove)])
        self.label = f"Tags {what}"

    def do(self) -> ChangeEvent:
        self.before = self.service.get_many(self.ids)
        drop = {t.casefold() for t in self.remove}
        for contact in self.before:
            tags = [t for t in contact.tags if t.casefold() not in drop]
            tags += [t for t in self.add if t.casefold() not in {x.casefold() for x in tags}]
            self.service.update(dataclasses.replace(contact, tags=tags))
        return ChangeEvent.of(changed=self.ids)

    def undo(self) -> ChangeEvent:
        for contact in self.before:
            self.service.update(contact)
        return ChangeEvent.of(changed=self.ids)

    def redo(self) -> ChangeEvent:
        return self.do()


class SetTagCadence:
    """Keep in touch with everyone tagged ``tag`` every ``days`` days (None: off)."""

    def __init__(self, service: ContactService, tag: str, days: int | None) -> None:
        self.service = service
        self.tag, self.days = tag, days
        self.before: int | None = None
        every = f"every {days} days" if days else "off"
        self.label = f"Keep in touch with “{tag}”: {every}"

    def do(self) -> ChangeEvent:
        self.before = next((t.keep_in_touch_days for t in self.service.tags()
                            if t.name == self.tag), None)
        self.service.set_tag_cadence(self.tag, self.days)
        return ChangeEvent(bulk=True)

    def undo(self) -> ChangeEvent:
        self.service.set_tag_cadence(self.tag, self.before)
        return ChangeEvent(bulk=True)

    def redo(self) -> ChangeEvent:
        self.service.set_tag_cadence(self.tag, self.days)
        return ChangeEvent(bulk=True)


class AddContacts:
    """Contacts made by ``make()`` in one step (the sample contacts with their activity);
    undo deletes them, redo restores them."""

    def __init__(self, service: ContactService, make: Callable[[], list[Contact]],
                 label: str) -> None:
        self.service = service
        self._make = make
        self.created: list[Contact] = []
        self._deletion: Deletion | None = None
        self.label = label

    def ids(self) -> list[int]:
        return [c.id for c in self.created if c.id is not None]

    def do(self) -> ChangeEvent:
        self.created = self._make()
        return ChangeEvent(bulk=True)

    def undo(self) -> ChangeEvent:
        self._deletion = self.service.delete(self.ids())
        return ChangeEvent(bulk=True)

    def redo(self) -> ChangeEvent:
        assert self._deletion is not None
        self.service.restore(self._deletion)
        return ChangeEvent(bulk=True)
