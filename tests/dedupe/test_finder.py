"""The duplicate finder through DuplicateService on a real store: tiers, traps, a planted
book with its measured precision and recall."""

from __future__ import annotations

import pytest

from netdesk.domain.contact import Contact, LabeledValue
from netdesk.services.duplicates import DuplicateService
from netdesk.store.contacts import ContactRepository
from tests.helpers.planted import planted_book


def add(database, *contacts: Contact) -> list[int]:
    with database.engine.begin() as conn:
        return ContactRepository(conn).add_many(contacts)


def person(name: str, emails=(), phones=(), urls=(), org: str = "") -> Contact:
    return Contact(
        name,
        emails=[LabeledValue(e) for e in emails],
        phones=[LabeledValue(p) for p in phones],
        urls=[LabeledValue(u) for u in urls],
        org=org,
    )


@pytest.fixture
def finder(database) -> DuplicateService:
    return DuplicateService(database, region="DE")


def tiers(service: DuplicateService) -> dict[tuple[int, int], str]:
    return {(p.first_id, p.second_id): p.tier for p in service.pairs()}


def test_same_email_in_another_case_with_an_initial_is_the_same_person(database, finder):
    a, b = add(
        database,
        person("Amara Okafor", emails=["amara@okafor.example"]),
        person("A. Okafor", emails=["Amara@Okafor.Example"]),
    )
    (group,) = finder.groups()
    assert (group.ids, group.tier) == ((a, b), "same")
    assert group.shared == ("amara@okafor.example",)


def test_a_phone_in_national_and_international_form_matches(database, finder):
    a, b = add(
        database,
        person("Jonas Weber", phones=["030 1234567"]),
        person("Weber, Jonas", phones=["0049 30 1234567"]),
    )
    assert tiers(finder) == {(a, b): "same"}


def test_a_profile_url_spelled_differently_matches(database, finder):
    a, b = add(
        database,
        person("Ada Lovelace", urls=["https://www.linkedin.com/in/ada-lovelace"]),
        person("Ada Lovelace", urls=["http://linkedin.com/in/Ada-Lovelace/"]),
    )
    assert tiers(finder) == {(a, b): "same"}


def test_switchboard_and_role_mailbox_make_no_same_person(database, finder):
    # Six people at one company share the switchboard and info@; two of them are the
    # same name: still only a "maybe" (the name plus a second signal), never "same".
    ids = add(
        database,
        *[
            person(n, phones=["+49 30 999000"], emails=["info@acme.example"], org="Acme")
            for n in ("Li Wei", "Li Wei", "Ana Ruiz", "Tom Berg", "Eva Holm", "Ivo Sand")
        ],
    )
    found = tiers(finder)
    assert found == {(ids[0], ids[1]): "maybe"}


def test_same_name_different_people_are_not_suggested(database, finder):
    add(
        database,
        person("John Smith", emails=["john@one.example"], phones=["+1 555 0100"]),
        person("John Smith", emails=["jsmith@two.example"], phones=["+44 20 7946 0000"]),
    )
    assert finder.pairs() == []


def test_nickname_with_a_shared_email_is_likely_and_gmail_variants_are_likely(database, finder):
    a, b, c, d = add(
        database,
        person("Robert Jones", emails=["rj@jones.example"]),
        person("Bob Jones", emails=["RJ@jones.example"]),
        person("Mia Park", emails=["mia.park@gmail.com"]),
        person("Mia Park", emails=["miapark+crm@googlemail.com"]),
    )
    assert tiers(finder) == {(a, b): "likely", (c, d): "likely"}


def test_not_the_same_person_is_remembered(database, finder):
    a, b = add(
        database,
        person("Amara Okafor", emails=["amara@okafor.example"]),
        person("Amara Okafor", emails=["amara@okafor.example"]),
    )
    assert tiers(finder) == {(a, b): "same"}
    finder.mark_not_same(b, a)
    assert finder.pairs() == []
    assert DuplicateService(database).pairs() == []  # stored, not held in memory


def test_the_editor_check_names_who_has_the_email(database, finder):
    (a,) = add(database, person("Amara Okafor", emails=["amara@okafor.example"]))
    typed = person("Amara Okafor", emails=["AMARA@okafor.example"])
    (owner,) = finder.key_owners(typed)
    assert (owner.id, owner.name, owner.same_person) == (a, "Amara Okafor", True)
    stranger = person("Ben Okafor", emails=["amara@okafor.example"])
    assert [o.same_person for o in finder.key_owners(stranger)] == [False]


def test_planted_book_precision_and_recall(database, finder):
    book = planted_book(4000, seed=7)
    ids = add(database, *book.contacts)
    truth = {(ids[a], ids[b]) for a, b in book.truth}
    found = tiers(finder)
    same = {pair for pair, tier in found.items() if tier == "same"}
    precision = len(same & truth) / len(same)
    recall = len(same & truth) / len(truth)
    assert precision >= 0.98, precision
    assert recall >= 0.8, recall
    assert len(found) <= 2 * len(truth)  # no flood of suggestions


def test_release_empties_big_containers_a_slice_at_a_time() -> None:
    from netdesk.dedupe.finder import RELEASE_STEP, release

    size = RELEASE_STEP * 3 + 7
    blocks = {f"k{i}": [i, i + 1] for i in range(size)}
    pairs = {(i, i + 1) for i in range(size)}
    rows = [(i, "x") for i in range(size)]
    release(blocks, pairs, rows, {}, set(), [])
    assert blocks == {} and pairs == set() and rows == []


def test_the_finder_steps_aside_through_its_thread_s_pace_function(database, finder):
    import threading

    from netdesk.services.duplicates import pacing

    add(database, *planted_book(3000, seed=3).contacts)
    plain = finder.pairs()
    calls: list[str] = []
    with pacing(lambda: calls.append(threading.current_thread().name)):
        paced = finder.pairs()
    assert paced == plain  # pacing changes when, never what
    assert len(calls) >= 10 and set(calls) == {threading.current_thread().name}
    other: list[int] = []
    worker = threading.Thread(target=lambda: other.append(len(finder.pairs())))
    with pacing(lambda: calls.append("wrong thread")):
        worker.start()
        worker.join()
    assert other == [len(plain)] and "wrong thread" not in calls  # per thread
