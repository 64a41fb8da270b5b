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
