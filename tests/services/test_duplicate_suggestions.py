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
