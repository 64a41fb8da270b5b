"""TagService's long steps: progress in batches of contacts, and a cancel that rolls the whole
change back (the links, the table's tag column and the search index)."""

from __future__ import annotations

import pytest

from netdesk.domain.contact import Contact
from netdesk.services.errors import Cancelled
from netdesk.services.tags import TagService
from netdesk.store import tags as tag_store


@pytest.fixture
def people(contact_service) -> list[int]:
    names = ["Ada", "Łucja", "Søren", "Zoë", "Bob"]
    return [contact_service.create(Contact(display_name=n, tags=["old"])).id for n in names]


def _snapshot(cs) -> tuple:  # noqa: ANN001
    return ({s.name: list(s.tags) for s in cs.summaries()},
            {t.name: t.count for t in cs.tags()},
            {w: cs.search_ids(w) for w in ("old", "new", "lucja", "soren")})


def test_progress_counts_contacts_in_batches(contact_service, database, people,
                                             monkeypatch) -> None:
    monkeypatch.setattr(tag_store, "CHUNK", 2)
    seen: list[tuple[int, int]] = []
    change = TagService(database).add("new", people, progress=lambda d, t: seen.append((d, t)))
    assert change.ids == people and seen == [(2, 5), (4, 5), (5, 5)]
    assert set(contact_service.search_ids("new")) == set(people)


@pytest.mark.parametrize("step", ["add", "remove", "rename", "delete"])
def test_a_cancel_in_the_middle_changes_nothing(contact_service, database, people,
                                                monkeypatch, step: str) -> None:
    monkeypatch.setattr(tag_store, "CHUNK", 2)
    tags = TagService(database)
    before = _snapshot(contact_service)
    ticks: list[int] = []
    hooks = {"progress": lambda done, _total: ticks.append(done),
             "cancelled": lambda: len(ticks) >= 1}
    run = {"add": lambda: tags.add("new", people, **hooks),
           "remove": lambda: tags.remove("old", people, **hooks),
           "rename": lambda: tags.rename("old", "new", **hooks),
           "delete": lambda: tags.delete("old", **hooks)}[step]
    with pytest.raises(Cancelled):
        run()
    assert ticks == [2]  # the first batch was written, then the cancel came
    assert _snapshot(contact_service) == before  # ...and rolled back with the rest


def test_tag_names_are_the_tags_names_in_their_order(contact_service, people) -> None:
    contact_service.create(Contact(display_name="Eve", tags=["Zeta", "alpha", "Łódź"]))
    names = contact_service.tag_names()
    assert names == [t.name for t in contact_service.tags()]
    assert names == ["alpha", "old", "Zeta", "Łódź"]
