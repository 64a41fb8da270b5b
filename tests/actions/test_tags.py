"""Tag rename, merge, delete and bulk tagging over the real store: the links, the table's
tag column, the search index and the sidebar counts stay in step, and each undo puts back
exactly what was there."""

from __future__ import annotations

import pytest

from netdesk.actions.tags import DeleteTag, MergeTags, RenameTag, TagContacts
from netdesk.domain.contact import Contact
from netdesk.services.contacts import ContactService
from netdesk.services.tags import TagService


@pytest.fixture
def tags(database) -> TagService:
    return TagService(database)


def _make(contact_service: ContactService, *people: tuple[str, list[str]]) -> list[int]:
    return [contact_service.create(Contact(display_name=n, tags=t,
                                           notes="met at the café")).id for n, t in people]


def state(cs: ContactService) -> dict:
    """Every place a contact's tags show: the contact, the table row, the counts, search."""
    contacts = {c.display_name: sorted(c.tags) for c in cs.get_many(cs.search_ids(""))}
    rows = {s.name: list(s.tags) for s in cs.summaries()}
    counts = {t.name: (t.count, t.keep_in_touch_days) for t in cs.tags()}
    found = {t.name: sorted(s.name for s in cs.summaries(search=t.name)) for t in cs.tags()}
    return {"contacts": contacts, "rows": rows, "counts": counts, "found": found}


def test_rename_undo_redo(runner, contact_service, tags) -> None:
    _make(contact_service, ("Ada", ["Work", "friends"]), ("Bob", ["work"]), ("Cy", []))
    before = state(contact_service)
    assert runner.run(RenameTag(tags, "WORK", "Kollegen"))
    after = state(contact_service)
    assert after["contacts"] == {"Ada": ["Kollegen", "friends"], "Bob": ["Kollegen"], "Cy": []}
    assert after["rows"]["Ada"] == ["friends", "Kollegen"]  # the table sorts by casefold
    assert after["counts"]["Kollegen"] == (2, None) and "Work" not in after["counts"]
    assert after["found"]["Kollegen"] == ["Ada", "Bob"]
    assert contact_service.search_ids("work") == []  # the old name is gone from the index
    assert contact_service.search_ids("kollegen") != []
    assert runner.undo_label() == "Rename tag “Work” to “Kollegen”"
    runner.undo()
    assert state(contact_service) == before
    runner.redo()
    assert state(contact_service) == after


def test_rename_to_a_different_case_is_a_rename_not_a_merge(runner, contact_service,
                                                           tags) -> None:
    _make(contact_service, ("Ada", ["friends"]))
    assert tags.merge_target("friends", "Friends") is None
    assert runner.run(RenameTag(tags, "friends", "Friends"))
    assert [t.name for t in contact_service.tags()] == ["Friends"]


def test_rename_onto_an_existing_tag_is_refused_merge_does_it(runner, contact_service,
                                                              tags) -> None:
    _make(contact_service, ("Ada", ["work", "colleagues"]), ("Bob", ["colleagues"]),
          ("Cy", ["work"]))
    contact_service.set_tag_cadence("colleagues", 30)
    before = state(contact_service)
    assert tags.merge_target("colleagues", "Work").name == "work"
    outcome = runner.run(RenameTag(tags, "colleagues", "Work"))
    assert not outcome and "merge" in outcome.message
    assert state(contact_service) == before
    old_id = tags.find("colleagues").id

    assert runner.run(MergeTags(tags, "colleagues", "work"))
    merged = state(contact_service)
    assert merged["contacts"] == {"Ada": ["work"], "Bob": ["work"], "Cy": ["work"]}
    assert merged["counts"] == {"work": (3, None)}
    runner.undo()
    assert state(contact_service) == before
    assert tags.find("colleagues").id == old_id  # the same tag, cadence and all
    runner.redo()
    assert state(contact_service) == merged


def test_delete_tag_takes_it_from_everyone_and_undo_puts_it_back(runner, contact_service,
                                                                tags) -> None:
    ada, bob, _cy = _make(contact_service, ("Ada", ["vip", "x"]), ("Bob", ["VIP"]),
                          ("Cy", ["x"]))
    contact_service.set_tag_cadence("vip", 14)
    before = state(contact_service)
    tag_id = tags.find("vip").id
    assert runner.run(DeleteTag(tags, "vip"))
    assert runner.events[-1].contacts_changed == {ada, bob}
    assert runner.undo_label() == "Delete tag “vip” (2 contacts)"
    gone = state(contact_service)
    assert gone["contacts"] == {"Ada": ["x"], "Bob": [], "Cy": ["x"]}
    assert "vip" not in gone["counts"] and contact_service.search_ids("vip") == []
    assert len(contact_service.summaries()) == 3  # the contacts stay
    runner.undo()
    assert state(contact_service) == before
    assert tags.find("vip").id == tag_id


def test_bulk_add_and_remove_are_one_step_each(runner, contact_service, tags) -> None:
    ada, bob, cy = _make(contact_service, ("Ada", ["team"]), ("Bob", []), ("Cy", ["other"]))
    before = state(contact_service)
    add = TagContacts(tags, "team", [ada, bob, cy])
    assert runner.run(add)
    assert add.change.ids == [bob, cy]  # Ada had it already
    added = state(contact_service)
    assert added["counts"]["team"] == (3, None)
    assert added["found"]["team"] == ["Ada", "Bob", "Cy"]
    runner.undo()
    assert state(contact_service) == before  # Ada keeps the tag she had

    assert runner.run(TagContacts(tags, "  brand  new ", [bob]))
    assert state(contact_service)["counts"]["brand new"] == (1, None)
    runner.undo()
    assert "brand new" not in state(contact_service)["counts"]  # the made tag goes too
    runner.redo()
    assert state(contact_service)["counts"]["brand new"] == (1, None)
    runner.undo()

    assert runner.run(TagContacts(tags, "TEAM", [ada, bob], add=False))
    assert state(contact_service)["contacts"]["Ada"] == []
    runner.undo()
    assert state(contact_service) == before


def test_bad_names_and_missing_tags_change_nothing(runner, contact_service, tags) -> None:
    (ada,) = _make(contact_service, ("Ada", ["team"]))
    before = state(contact_service)
    for command in (TagContacts(tags, "  ", [ada]), TagContacts(tags, "a\x1fb", [ada]),
                    RenameTag(tags, "team", ""), RenameTag(tags, "nope", "x"),
                    DeleteTag(tags, "nope"), TagContacts(tags, "nope", [ada], add=False),
                    MergeTags(tags, "team", "team")):
        outcome = runner.run(command)
        assert not outcome and outcome.message
    assert state(contact_service) == before and not runner.can_undo()


def test_search_document_keeps_folded_words_after_tag_edits(runner, contact_service,
                                                            tags) -> None:
    (ada,) = _make(contact_service, ("Łucja", ["Straße"]))
    runner.run(RenameTag(tags, "Straße", "Øresund"))
    assert contact_service.search_ids("oresund") == [ada]
    assert contact_service.search_ids("strasse") == []
    assert contact_service.search_ids("lucja") == [ada]  # the name's folded form survives
    assert contact_service.search_ids("cafe") == [ada]


def _pending_starter(runner) -> list:  # noqa: ANN001
    """The runner's background starter as the window sets it, minus the thread: the test
    runs each handed-over step itself."""
    started: list = []
    runner.set_background(started.append)
    return started


def test_undo_and_redo_of_a_big_tag_change_are_long_steps(runner, contact_service, tags,
                                                          monkeypatch) -> None:
    from netdesk.actions import tags as tag_actions

    monkeypatch.setattr(tag_actions, "LONG_TAGS", 2)
    ids = _make(contact_service, ("Ada", []), ("Bob", ["team"]), ("Cy", []), ("Dee", []))
    before = state(contact_service)
    started = _pending_starter(runner)
    first = runner.run(TagContacts(tags, "team", ids))  # 4 contacts: the first run too
    assert first.pending and first.message == "Add tag “team” to 4 contacts…"
    assert state(contact_service) == before  # handed over, not run here
    runner.finish(started[0], event=started[0].work(lambda *_: None, lambda: False))
    after = state(contact_service)
    assert after["counts"]["team"] == (4, None)
    assert runner.undo_label() == "Add tag “team” to 4 contacts"
    started.clear()

    outcome = runner.undo()
    assert outcome.pending and outcome.message == "Undoing Add tag “team” to 4 contacts…"
    (pending,) = started
    assert runner.pending() is pending and state(contact_service) == after  # not run yet
    assert not runner.run(RenameTag(tags, "team", "x"))  # busy: nothing else meanwhile
    seen: list[tuple[int, int]] = []
    event = pending.work(lambda done, total: seen.append((done, total)), lambda: False)
    assert runner.finish(pending, event=event).message == \
        "Undone: Add tag “team” to 4 contacts"
    assert seen[-1] == (3, 3) and state(contact_service) == before  # Bob kept his

    assert runner.redo().pending
    runner.finish(started[-1], event=started[-1].work(lambda *_: None, lambda: False))
    assert state(contact_service) == after and runner.undo_label().startswith("Add tag")


def test_a_small_tag_change_undoes_right_here(runner, contact_service, tags) -> None:
    ids = _make(contact_service, ("Ada", []), ("Bob", []))
    started = _pending_starter(runner)
    assert runner.run(TagContacts(tags, "team", ids))
    assert runner.undo() and runner.redo() and not started


def test_cancelling_a_long_tag_undo_changes_nothing(runner, contact_service, tags,
                                                   monkeypatch) -> None:
    from netdesk.actions import tags as tag_actions
    from netdesk.services.errors import Cancelled
    from netdesk.store import tags as tag_store

    monkeypatch.setattr(tag_actions, "LONG_TAGS", 2)
    monkeypatch.setattr(tag_store, "CHUNK", 1)  # a progress tick (and a cancel check) a contact
    _make(contact_service, ("Ada", ["old"]), ("Bob", ["old"]), ("Cy", ["old"]))
    started = _pending_starter(runner)
    assert runner.run(RenameTag(tags, "old", "new"))
    renamed = state(contact_service)
    runner.undo()
    (pending,) = started
    ticks: list[int] = []
    with pytest.raises(Cancelled) as stopped:
        pending.work(lambda done, _total: ticks.append(done), lambda: bool(ticks))
    assert ticks == [1]  # stopped after the first contact...
    outcome = runner.finish(pending, error=stopped.value)
    assert not outcome and state(contact_service) == renamed  # ...and rolled back
    assert runner.undo_label() == "Rename tag “old” to “new”"  # still there to undo


def test_a_big_rename_or_delete_runs_long_by_the_count_the_caller_gives(
        runner, contact_service, tags, monkeypatch) -> None:
    """Rename, merge and delete learn their contacts when they run: the window says how many
    the tag has (``expected``), and above LONG_TAGS the first run goes to the worker too."""
    from netdesk.actions import tags as tag_actions

    monkeypatch.setattr(tag_actions, "LONG_TAGS", 2)
    _make(contact_service, ("Ada", ["vip"]), ("Bob", ["vip"]), ("Cy", ["vip"]))
    before = state(contact_service)
    started = _pending_starter(runner)
    assert runner.run(RenameTag(tags, "vip", "VIP")) and not started  # no count: right here
    runner.undo()  # what it touched (3) is more than 2: its undo is long
    runner.finish(started[0], event=started[0].work(lambda *_: None, lambda: False))
    assert state(contact_service) == before
    command = DeleteTag(tags, "vip")
    command.expected = 3  # the tag's count, as the window gives it
    assert runner.run(command).pending and state(contact_service) == before
    runner.finish(started[1], event=started[1].work(lambda *_: None, lambda: False))
    assert "vip" not in state(contact_service)["counts"]
    assert runner.undo().pending
    runner.finish(started[2], event=started[2].work(lambda *_: None, lambda: False))
    assert state(contact_service) == before
