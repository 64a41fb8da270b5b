"""Contacts survive a round trip through the real store, and search finds them."""

from __future__ import annotations

import datetime as dt

import pytest

from netdesk.domain.contact import Address, Contact, LabeledValue, PartialDate
from netdesk.services.errors import AmbiguousError, NotFoundError, ValidationError


def _ada() -> Contact:
    return Contact(
        display_name="Ada Lovelace",
        given_name="Ada",
        family_name="Lovelace",
        org="Analytical Engines",
        org_units=["Research; Notes", "Poetry"],
        title="Mathematician",
        birthday=PartialDate(None, 12, 10),
        notes="Met at the Babbage salon.\nLikes poetical science.",
        phones=[LabeledValue("+44 20 7946 0018", "mobile", True), LabeledValue("020 7946 0999")],
        emails=[LabeledValue("ada@example.org", "work")],
        addresses=[Address(street="12 St James's Square", locality="London", country="UK")],
        urls=[LabeledValue("https://example.org/ada")],
        social_profiles=[LabeledValue("https://mastodon.example/@ada", "mastodon")],
        tags=["Mathematics", "London"],
        photo=b"\x89PNG fake bytes",
        photo_mime="image/png",
        met_event="Babbage Salon",
        met_event_kind="meetup",
        met_note="introduced by Charles",
        keep_in_touch_days=30,
        raw_properties=["X-CUSTOM;TYPE=a:kept verbatim", "RELATED;TYPE=friend:urn:uuid:1"],
    )


def test_create_and_read_back_everything(contact_service) -> None:
    saved = contact_service.create(_ada())
    assert saved.id is not None and saved.uid.startswith("urn:uuid:")
    again = contact_service.get(saved.id)
    expected = _ada()
    for field in (
        "display_name",
        "given_name",
        "family_name",
        "org",
        "org_units",
        "title",
        "birthday",
        "notes",
        "phones",
        "emails",
        "addresses",
        "urls",
        "social_profiles",
        "photo",
        "photo_mime",
        "met_event",
        "met_event_kind",
        "met_note",
        "keep_in_touch_days",
        "raw_properties",
    ):
        assert getattr(again, field) == getattr(expected, field), field
    assert again.tags == ["London", "Mathematics"]
    assert again.created_at.tzinfo is dt.UTC


def test_update_replaces_values_and_keeps_created_at(contact_service) -> None:
    saved = contact_service.create(_ada())
    saved.emails = [LabeledValue("countess@mail.test", "home")]
    saved.tags = ["Friends"]
    saved.display_name = "Augusta Ada King"
    updated = contact_service.update(saved)
    assert [e.value for e in updated.emails] == ["countess@mail.test"]
    assert updated.tags == ["Friends"]
    assert updated.created_at == saved.created_at
    assert contact_service.search_ids("countess") == [saved.id]
    assert contact_service.search_ids("example") == []  # the old e-mail left the index


def test_delete_and_restore_brings_everything_back(contact_service) -> None:
    a = contact_service.create(_ada())
    b = contact_service.create(Contact(display_name="Grace Hopper"))
    deletion = contact_service.delete([a.id])
    assert [c.name for c in contact_service.summaries()] == ["Grace Hopper"]
    contact_service.restore(deletion)
    back = contact_service.get(a.id)
    assert back.emails == a.emails and back.photo == a.photo and back.tags == a.tags
    assert contact_service.search_ids("lovelace") == [a.id]
    assert {c.id for c in contact_service.summaries()} == {a.id, b.id}


def test_search_prefix_case_and_accents(contact_service) -> None:
    zoe = contact_service.create(Contact(display_name="Zoë Ångström", org="Café Müller"))
    contact_service.create(Contact(display_name="Zack Smith"))
    assert contact_service.search_ids("zoe") == [zoe.id]
    assert contact_service.search_ids("ZO") == [zoe.id]
    assert contact_service.search_ids("angs") == [zoe.id]
    assert contact_service.search_ids("MULLER") == [zoe.id]
    assert contact_service.search_ids("cafe zoe") == [zoe.id]
    assert contact_service.search_ids("zoe smith") == []


def test_search_by_email_phone_digits_tag_and_notes(contact_service) -> None:
    ada = contact_service.create(_ada())
    assert contact_service.search_ids("ada@example.org") == [ada.id]
    assert contact_service.search_ids("2079460018") == [ada.id]
    assert contact_service.search_ids("mathem") == [ada.id]  # title and tag
    assert contact_service.search_ids("poetical") == [ada.id]  # notes
    assert contact_service.search_ids("babbage salon") == [ada.id]  # where we met


def test_search_treats_fts_syntax_as_text(contact_service) -> None:
    contact_service.create(Contact(display_name="Ann OR Bob"))
    for text in ('"', "AND", "a*", "NEAR(", "-", "(", "^x"):
        contact_service.search_ids(text)  # must not raise on FTS5 operators
    assert len(contact_service.search_ids("ann or")) == 1


def test_summaries_filter_by_tag_and_sort_by_folded_name(contact_service) -> None:
    contact_service.create(Contact(display_name="émile", tags=["Paris"]))
    contact_service.create(Contact(display_name="Zed", tags=["paris"]))
    contact_service.create(Contact(display_name="adam"))
    assert [r.name for r in contact_service.summaries()] == ["adam", "émile", "Zed"]
    assert [r.name for r in contact_service.summaries(tag="PARIS")] == ["émile", "Zed"]
    # Tags are case-insensitive: "paris" joined the existing "Paris".
    assert [(t.name, t.count) for t in contact_service.tags()] == [("Paris", 2)]


def test_summary_row_has_primary_values(contact_service) -> None:
    contact_service.create(_ada())
    (row,) = contact_service.summaries()
    assert row.phone == "+44 20 7946 0018" and row.email == "ada@example.org"
    assert row.tags == ("London", "Mathematics") and row.org == "Analytical Engines"
    # A 30-day cadence with no interaction yet falls due 30 days after creation.
    assert row.next_due is not None and row.last_contact is None


def test_contact_without_name_gets_a_fallback(contact_service) -> None:
    saved = contact_service.create(Contact(emails=[LabeledValue("x@example.com")]))
    assert saved.display_name == "x@example.com"


def test_validation_names_the_field(contact_service) -> None:
    with pytest.raises(ValidationError) as err:
        contact_service.create(Contact(display_name="X", emails=[LabeledValue("not-an-email")]))
    assert err.value.field == "emails[0]"
    assert contact_service.count() == 0


def test_resolve_by_id_name_email_and_ambiguity(contact_service) -> None:
    a = contact_service.create(_ada())
    contact_service.create(Contact(display_name="John Smith", emails=[LabeledValue("j1@x.org")]))
    contact_service.create(Contact(display_name="John Smith", emails=[LabeledValue("j2@x.org")]))
    assert contact_service.resolve(str(a.id)).id == a.id
    assert contact_service.resolve("ada lovelace").id == a.id
    assert contact_service.resolve("ADA@example.org").id == a.id
    assert contact_service.resolve("lovel").id == a.id
    with pytest.raises(AmbiguousError) as err:
        contact_service.resolve("John Smith")
    assert len(err.value.candidates) == 2
    with pytest.raises(NotFoundError):
        contact_service.resolve("nobody here")
    with pytest.raises(NotFoundError):
        contact_service.resolve("99999")


def test_bulk_add_assigns_consecutive_ids_and_indexes(database) -> None:
    from netdesk.store.contacts import ContactRepository

    with database.engine.begin() as conn:
        ids = ContactRepository(conn).add_many(
            Contact(display_name=f"Person {i}", uid=f"u{i}") for i in range(2500)
        )
    assert ids == list(range(1, 2501))
    con = database.connect_raw()
    assert con.execute("SELECT COUNT(*) FROM contacts_fts").fetchone()[0] == 2500
    con.close()


def test_failed_write_leaves_store_unchanged(contact_service, database) -> None:
    contact_service.create(Contact(display_name="Before"))
    from netdesk.store.contacts import ContactRepository

    with pytest.raises(RuntimeError), database.engine.begin() as conn:
        ContactRepository(conn).add(Contact(display_name="Half written"))
        raise RuntimeError("boom")
    assert [r.name for r in contact_service.summaries()] == ["Before"]
    assert contact_service.search_ids("half") == []


def test_matching_ids_is_the_unordered_search(contact_service) -> None:
    zoe = contact_service.create(Contact(display_name="Zoë Ångström"))
    zack = contact_service.create(Contact(display_name="Zack Smith"))
    assert contact_service.matching_ids("z") == {zoe.id, zack.id}
    assert contact_service.matching_ids("zoe") == {zoe.id}
    assert contact_service.matching_ids("nobody") == set()
    assert contact_service.matching_ids("  ,; ") is None  # no words: everyone


def test_tag_filter_ignores_accents_like_every_tag_match(contact_service) -> None:
    cafe = contact_service.create(Contact(display_name="Barista", tags=["Café"]))
    assert [r.id for r in contact_service.summaries(tag="cafe")] == [cafe.id]
    assert contact_service.search_ids("", tag="CAFE") == [cafe.id]


def test_search_folds_letters_of_their_own_both_ways(contact_service) -> None:
    from netdesk.domain.contact import Contact

    for name in ("Łukasz Łukasiewicz", "Søren Ørsted", "Đorđe Đokić", "Ægir Þórsson",
                 "Ilse Straße", "Zoë Adams"):
        contact_service.create(Contact(display_name=name))

    def names(text: str) -> list[str]:
        return [contact_service.get(i).display_name for i in contact_service.search_ids(text)]

    assert names("lukasiewicz") == ["Łukasz Łukasiewicz"]
    assert names("ŁUKASZ") == ["Łukasz Łukasiewicz"]
    assert names("soren orsted") == ["Søren Ørsted"]
    assert names("djokic") == [] and names("dokic") == ["Đorđe Đokić"]
    assert names("aegir thorsson") == ["Ægir Þórsson"]
    assert names("strasse") == names("straße") == ["Ilse Straße"]
    # The default (store) order sorts "Ł" with "L", not after "Z".
    assert [s.name for s in contact_service.summaries()] == [
        "Ægir Þórsson", "Đorđe Đokić", "Ilse Straße", "Łukasz Łukasiewicz", "Søren Ørsted",
        "Zoë Adams"]


def test_summaries_of_many_ids_do_not_freeze_the_readers_view(contact_service) -> None:
    from netdesk.domain.contact import Contact

    ids = [contact_service.create(Contact(display_name=f"P {i}")).id for i in range(950)]
    assert len(contact_service.summaries(ids=ids)) == 950  # the >900-ids path
    later = contact_service.create(Contact(display_name="Came later")).id
    # The same reading connection must see what was written after that read.
    assert [r.name for r in contact_service.summaries(ids=[later])] == ["Came later"]
    assert len(contact_service.summaries(ids=[*ids, later])) == 951
