"""DuplicateService.suggestions(limit=...): the best pairs only, with how many there are."""

from __future__ import annotations

from netdesk.domain.contact import Contact, LabeledValue
from netdesk.services.duplicates import DuplicateService
from netdesk.store.contacts import ContactRepository


def test_a_limit_keeps_the_best_pairs_and_says_how_many_were_found(database):
    with database.engine.begin() as conn:
        ContactRepository(conn).add_many([
            Contact(f"Person {n}", emails=[LabeledValue(f"p{n}@example.org")]) for n in range(3)
        ] + [
            Contact(f"P. {n}", emails=[LabeledValue(f"P{n}@Example.org")]) for n in range(3)
        ])
    service = DuplicateService(database, "DE")
    everything = service.suggestions()
    assert len(everything.pairs) == everything.found == 3

    best = service.suggestions(limit=2)
    assert best.pairs == everything.pairs[:2]
    assert best.found == 3
    assert set(best.names) == {i for p in best.pairs for i in (p.first_id, p.second_id)}


def test_the_best_pairs_are_picked_in_the_full_order_with_ties_and_tiers(database):
    # Equal scores and several tiers: the picked best must be exactly the sorted prefix.
    with database.engine.begin() as conn:
        ContactRepository(conn).add_many(
            [Contact(f"Kim Lee {n}", emails=[LabeledValue(f"kim{n % 4}@example.org")])
             for n in range(12)]
            + [Contact(f"Sam Roe {n}", phones=[LabeledValue(f"+49 30 555{n % 3}")])
               for n in range(9)])
    service = DuplicateService(database, "DE")
    everything = service.suggestions().pairs
    assert len(everything) > 10
    for limit in (1, 5, len(everything), len(everything) + 3):
        best = service.suggestions(limit=limit)
        assert best.pairs == everything[:limit]
        assert best.found == len(everything)
    same = [p for p in everything if p.tier == "same"]
    only = service.suggestions(tier="same", limit=2)
    assert only.pairs == same[:2] and only.found == len(same)


def test_a_child_process_finds_the_same_best_pairs(database, monkeypatch):
    import netdesk.dedupe.finder as finder_module

    with database.engine.begin() as conn:
        ContactRepository(conn).add_many(
            [Contact(f"Kim Lee {n}", emails=[LabeledValue(f"kim{n % 3}@example.org")])
             for n in range(9)])
    service = DuplicateService(database, "DE")
    here = service.suggestions(limit=4)

    def not_here(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("the finder ran in this process")

    monkeypatch.setattr(finder_module.DuplicateFinder, "find_best", not_here)
    there = service.suggestions_in_child(4)
    assert there.pairs == here.pairs and there.names == here.names
    assert there.found == here.found > 4


def test_a_cancelled_or_failing_child_says_so(database, tmp_path):
    import pytest

    from netdesk.services.errors import ServiceError
    from netdesk.store.db import Database

    with pytest.raises(ServiceError, match="cancelled"):
        DuplicateService(database, "DE").suggestions_in_child(10, lambda: True)
    (tmp_path / "not-a-db.sqlite3").write_text("not a database")
    broken = DuplicateService(Database(tmp_path / "not-a-db.sqlite3"), "DE")
    with pytest.raises(ServiceError, match="looking for duplicates failed"):
        broken.suggestions_in_child(10)
