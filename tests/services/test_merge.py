"""Merging through MergeService on a real store: nothing lost, undo is the identity (ids,
times, activity, aliases), merging is associative, re-imported old cards find the survivor."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netdesk.domain.contact import Address, Contact, LabeledValue, PartialDate
from netdesk.domain.merging import merge_contacts
from netdesk.services.activity import ActivityService
from netdesk.services.duplicates import DuplicateService
from netdesk.services.errors import ServiceError
from netdesk.services.merge import MergeService
from netdesk.services.transfer import TransferService
from netdesk.store import duplicates as dup_store
from netdesk.store import merges as merge_store
from netdesk.store.contacts import ContactRepository
from tests.helpers.fakes import FakeClock

START = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
_uids = itertools.count()

word = st.text("abcdefgh", min_size=1, max_size=5)
maybe_word = st.one_of(st.just(""), word)
labeled = st.builds(LabeledValue, word, st.sampled_from(["", "work", "home"]), st.booleans())
emails = st.builds(lambda w, d: LabeledValue(f"{w}@{d}.org"), word, word)
phones = st.builds(lambda n: LabeledValue(f"+49 30 {n}"), st.integers(10000, 10040))
addresses = st.builds(Address, street=word, locality=maybe_word)


@st.composite
def contacts(draw) -> Contact:
    return Contact(
        display_name=draw(word),
        uid=f"uid-{next(_uids)}",
        given_name=draw(maybe_word),
        family_name=draw(maybe_word),
        org=draw(maybe_word),
        org_units=draw(st.lists(word, max_size=2)),
        title=draw(maybe_word),
        birthday=draw(st.one_of(st.none(), st.just(PartialDate(None, 5, 9)))),
        notes=draw(st.lists(word, max_size=3).map("\n\n".join)),
        phones=draw(st.lists(phones, max_size=2)),
        emails=draw(st.lists(emails, max_size=2)),
        urls=draw(st.lists(labeled, max_size=2)),
        addresses=draw(st.lists(addresses, max_size=2)),
        tags=draw(st.lists(word, max_size=3, unique_by=str.casefold)),
        met_event=draw(maybe_word),
        met_note=draw(maybe_word),
        keep_in_touch_days=draw(st.one_of(st.none(), st.integers(1, 90))),
        raw_properties=draw(st.lists(word.map(lambda w: f"X-TEST:{w}"), max_size=2, unique=True)),
        photo=draw(st.one_of(st.none(), st.binary(min_size=1, max_size=8))),
    )


def store(database, *people: Contact) -> list[int]:
    with database.engine.begin() as conn:
        return ContactRepository(conn).add_many(people)


def state(database, ids) -> dict:
    """Everything about these contacts: full domain objects, activity, aliases, marks."""
    with database.engine.connect() as conn:
        raw = conn.connection.driver_connection
        from netdesk.store.activity import ActivityRepository

        interactions, followups = ActivityRepository(conn).snapshot(list(ids))
        return {
            "contacts": ContactRepository(conn).get_many(list(ids)),
            "interactions": sorted(interactions, key=lambda i: i.id),
            "followups": sorted(followups, key=lambda f: f.id),
            "aliases": merge_store.aliases_of(raw, list(ids)),
            "not_same": dup_store.not_duplicates_involving(raw, list(ids)),
        }


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def merger(database, clock) -> MergeService:
    return MergeService(database, clock)


@pytest.fixture
def activity(database, clock) -> ActivityService:
    return ActivityService(database, clock, dt.UTC)


def add_activity(activity: ActivityService, cid: int, n: int) -> None:
    for k in range(n):
        activity.log_interaction(cid, "call", f"call {k}", at=START - dt.timedelta(days=k + 1))
    activity.add_followup(cid, START + dt.timedelta(days=n + 1), "next")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(people=st.lists(contacts(), min_size=2, max_size=3))
def test_merge_loses_nothing_and_undo_restores_everything(database, merger, activity, people):
    ids = store(database, *people)
    for n, cid in enumerate(ids):
        add_activity(activity, cid, n + 1)
    third = store(database, Contact("Someone Else"))[0]
    DuplicateService(database).mark_not_same(ids[-1], third)
    before = state(database, [*ids, third])

    result = merger.merge(ids[0], ids[1:])
    survivor = result.survivor
    originals = before["contacts"][: len(ids)]
    for kind in ("phones", "emails", "urls"):
        kept = {v.value for v in getattr(survivor, kind)}
        for c in originals:
            for v in getattr(c, kind):
                assert v.value in kept or any(  # equal values are kept once
                    dataclasses.replace(v).value.replace(" ", "") == k.replace(" ", "")
                    for k in kept
                )
    for c in originals:
        assert all(a in survivor.addresses for a in c.addresses)
        assert {t.casefold() for t in c.tags} <= {t.casefold() for t in survivor.tags}
        assert set(c.raw_properties) <= set(survivor.raw_properties)
        assert all(p in survivor.notes for p in c.notes.split("\n\n") if p)
    for field in ("title", "met_note", "keep_in_touch_days", "birthday"):
        values = [getattr(c, field) for c in originals if getattr(c, field)]
        assert getattr(survivor, field) == (values[0] if values else getattr(originals[0], field))
    after = state(database, [ids[0]])
    assert len(after["interactions"]) == len(before["interactions"])
    assert len(after["followups"]) == len(before["followups"])
    assert {uid for uid, _ in after["aliases"]} == {c.uid for c in originals[1:]}
    assert after["not_same"] == [(ids[0], third)]

    merger.undo_last()
    assert state(database, [*ids, third]) == before


def test_merging_three_is_associative() -> None:
    @given(a=contacts(), b=contacts(), c=contacts())
    @settings(max_examples=200)
    def check(a: Contact, b: Contact, c: Contact) -> None:
        left = merge_contacts(merge_contacts(a, [b]), [c])
        right = merge_contacts(a, [merge_contacts(b, [c])])
        at_once = merge_contacts(a, [b, c])
        assert left == right == at_once

    check()


def test_merge_keeps_keeps_single_values_and_moves_activity(database, merger, activity):
    keep, other = store(
        database,
        Contact("Amara Okafor", uid="a", title="CTO", emails=[LabeledValue("amara@x.org")]),
        Contact(
            "A. Okafor",
            uid="b",
            title="Engineer",
            org="Acme",
            emails=[LabeledValue("AMARA@x.org"), LabeledValue("amara@home.org")],
            tags=["founder"],
            keep_in_touch_days=30,
        ),
    )
    add_activity(activity, other, 2)
    survivor = merger.merge(keep, [other]).survivor
    assert (survivor.id, survivor.display_name, survivor.title, survivor.org) == (
        keep,
        "Amara Okafor",
        "CTO",
        "Acme",
    )
    assert [e.value for e in survivor.emails] == ["amara@x.org", "amara@home.org"]
    assert survivor.tags == ["founder"] and survivor.keep_in_touch_days == 30
    assert len(activity.interactions(keep)) == 2 and len(activity.followups(keep)) == 1


def test_reimporting_a_merged_away_card_updates_the_survivor(database, merger, contact_service):
    transfer = TransferService(database)
    old_card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:old-phone-card\r\nFN:Amara Okafor\r\n"
        "TEL:+234 801 234 5678\r\n{extra}END:VCARD\r\n"
    )
    transfer.import_bytes(old_card.format(extra="").encode(), "phone.vcf")
    transfer.import_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:gmail-card\r\nFN:Amara O.\r\n"
        b"EMAIL:amara@example.org\r\nEND:VCARD\r\n",
        "gmail.vcf",
    )
    phone_id, gmail_id = (contact_service.resolve(n).id for n in ("Amara Okafor", "Amara O."))
    merger.merge(gmail_id, [phone_id])
    report = transfer.import_bytes(
        old_card.format(extra="EMAIL:amara@work.example\r\n").encode(), "phone.vcf"
    )
    assert (report.created, report.updated) == (0, 1)
    (row,) = contact_service.summaries()
    assert row.id == gmail_id
    assert set(row.emails) == {"amara@example.org", "amara@work.example"}


def test_undo_is_refused_when_the_survivor_changed_since(database, merger, activity):
    keep, other = store(database, Contact("Ada"), Contact("Ada L."))
    merger.merge(keep, [other])
    activity.log_interaction(keep, "call", "after the merge")
    with pytest.raises(ServiceError, match="activity"):
        merger.undo_last()
    assert [i.note for i in activity.interactions(keep)] == ["after the merge"]


def test_merge_errors_are_clear(database, merger):
    (keep,) = store(database, Contact("Ada"))
    with pytest.raises(ServiceError, match="no contact with id 999"):
        merger.merge(keep, [999])
    with pytest.raises(ServiceError, match="into itself"):
        merger.merge(keep, [keep])
    with pytest.raises(ServiceError, match="no merge to undo"):
        merger.undo_last()
    (other,) = store(database, Contact("Ada L."))
    with pytest.raises(ServiceError, match="no contact number 5"):
        merger.merge(keep, [other], {"title": 5})
    assert len(merger.preview(keep, [other]).display_name) > 0  # nothing was changed
