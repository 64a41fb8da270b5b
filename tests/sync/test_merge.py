"""The field-level three-way merge (pure: Contact objects in and out)."""

from __future__ import annotations

from netdesk.domain.contact import Contact, LabeledValue, PartialDate
from netdesk.sync.merge import merge_contacts


def person(**fields) -> Contact:
    base = {"display_name": "Ann Lee", "given_name": "Ann", "family_name": "Lee"}
    return Contact(**{**base, **fields})


def emails(c: Contact) -> list[str]:
    return [e.value for e in c.emails]


def test_a_field_changed_on_one_side_takes_that_side() -> None:
    base = person(title="Dev", org="Acme")
    local = person(title="Lead", org="Acme", id=7)
    server = person(title="Dev", org="Initech")
    result = merge_contacts(base, local, server)
    assert (result.contact.title, result.contact.org, result.contact.id) == ("Lead", "Initech", 7)
    assert result.conflicts == []


def test_both_sides_change_one_field_keeps_local_and_reports_server() -> None:
    base = person(birthday=PartialDate(1990, 1, 2))
    local = person(birthday=PartialDate(1990, 1, 3))
    server = person(birthday=PartialDate(1991, 1, 2))
    result = merge_contacts(base, local, server)
    assert result.contact.birthday == PartialDate(1990, 1, 3)
    assert [(c.field, c.local_value, c.server_value) for c in result.conflicts] == [
        ("birthday", "1990-01-03", "1991-01-02")
    ]


def test_same_change_on_both_sides_is_no_conflict() -> None:
    result = merge_contacts(person(), person(title="CEO"), person(title="CEO"))
    assert result.contact.title == "CEO" and result.conflicts == []


def test_lists_merge_as_sets_with_removals_from_either_side() -> None:
    base = person(emails=[LabeledValue("a@x.org"), LabeledValue("b@x.org")], tags=["one"])
    local = person(emails=[LabeledValue("a@x.org"), LabeledValue("new@x.org")], tags=["one"])
    server = person(emails=[LabeledValue("A@x.org"), LabeledValue("b@x.org"),
                            LabeledValue("srv@x.org")], tags=["One", "two"])  # fmt: skip
    merged = merge_contacts(base, local, server).contact
    assert emails(merged) == ["a@x.org", "new@x.org", "srv@x.org"]  # b removed locally
    assert merged.tags == ["one", "two"]


def test_without_a_base_differences_are_conflicts_and_lists_union() -> None:
    local = person(title="Local", phones=[LabeledValue("+1 555 0100")])
    server = person(title="Server", phones=[LabeledValue("+15550100"), LabeledValue("+1 777")])
    result = merge_contacts(None, local, server)
    assert result.contact.title == "Local"
    assert [c.field for c in result.conflicts] == ["title"]
    assert [p.value for p in result.contact.phones] == ["+1 555 0100", "+1 777"]


def test_fields_no_vcard_carries_survive_a_server_update() -> None:
    base = person(title="Dev")
    local = person(title="Dev", met_event="PyCon", keep_in_touch_days=30)
    server = person(title="Lead")
    merged = merge_contacts(base, local, server).contact
    assert (merged.title, merged.met_event, merged.keep_in_touch_days) == ("Lead", "PyCon", 30)
