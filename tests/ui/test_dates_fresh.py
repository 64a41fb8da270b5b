"""Birthday and anniversary reminders are kept in memory (issue 15: a due check at 100,000
contacts must not read every contact), and that memory is never stale: after every change
the window makes (edit, undo, redo, delete to the trash, restore, import, merge) the due list
and the Today view change at once — and without reading every contact again, except for a
bulk change. A commit nobody announced (another process, a sync worker) is seen too."""

from __future__ import annotations

import dataclasses
import datetime as dt

from netdesk.actions.contacts import CreateContact, EditContact
from netdesk.actions.merge import MergeContacts
from netdesk.actions.transfer import RecordImport
from netdesk.actions.trash import RestoreFromTrash, TrashContacts
from netdesk.domain.clock import SystemClock
from netdesk.domain.contact import Contact, PartialDate
from netdesk.services.contacts import ContactService
from netdesk.services.merge import MergeService
from netdesk.services.transfer import TransferService
from netdesk.services.trash import TrashService
from netdesk.ui.today_model import WHO
from tests.ui.driver import run

WEEK = dt.timedelta(days=8)


def _on(days: int, year: int | None = 1990) -> PartialDate:
    day = SystemClock().now().astimezone().date() + dt.timedelta(days=days)
    return PartialDate(year, day.month, day.day)


def _due(parts) -> list[tuple[str, str]]:  # noqa: ANN001
    items = parts.activity.dates.due(SystemClock().now(), WEEK)
    return sorted((i.name, i.kind) for i in items)


def _today_names(ui) -> set[str]:  # noqa: ANN001
    ui.today.refresh()  # hidden behind the contacts, it would re-read a moment later
    model = ui.today.model
    return {
        model.data(model.index(r, WHO))
        for r in range(model.rowCount())
        if model.item(r) is not None
    }


def _ready(parts, qtbot, ui) -> int:  # noqa: ANN001
    """A warm window whose dates remind 3 days before; returns the full reads so far."""
    qtbot.waitUntil(ui.window.is_warm)
    parts.activity.dates.set_default_days_before(3)
    _due(parts)
    return parts.activity.dates.full_reads


def test_edit_undo_redo_change_the_due_list_at_once(parts, ui, qtbot) -> None:
    reads = _ready(parts, qtbot, ui)
    ada = run(parts, CreateContact(parts.contacts, Contact("Ada", birthday=_on(2)))).created
    assert _due(parts) == [("Ada", "birthday")] and "Ada" in _today_names(ui)

    # The birthday moves out of the week, then an anniversary comes in: at once.
    moved = dataclasses.replace(parts.contacts.get(ada.id), birthday=_on(40))
    edit = run(parts, EditContact(parts.contacts, moved))
    assert _due(parts) == [] and "Ada" not in _today_names(ui)
    renamed = dataclasses.replace(
        parts.contacts.get(ada.id), display_name="Ada L.", anniversary=_on(1, None)
    )
    run(parts, EditContact(parts.contacts, renamed))
    assert _due(parts) == [("Ada L.", "anniversary")]

    parts.runner.undo()
    assert _due(parts) == []
    parts.runner.undo()  # the birthday in 2 days again
    assert _due(parts) == [("Ada", "birthday")] and "Ada" in _today_names(ui)
    parts.runner.redo()
    assert _due(parts) == [] and edit.saved is not None
    # Her own "remind me 60 days before" brings the birthday in 40 days back.
    own = dataclasses.replace(parts.contacts.get(ada.id), remind_days_before=60)
    run(parts, EditContact(parts.contacts, own))
    assert _due(parts) == [("Ada", "birthday")]
    # None of it read every contact again: only the one that changed.
    assert parts.activity.dates.full_reads == reads


def test_trash_undo_and_restore_change_the_due_list(parts, ui, qtbot) -> None:
    reads = _ready(parts, qtbot, ui)
    bea = run(parts, CreateContact(parts.contacts, Contact("Bea", birthday=_on(1)))).created
    run(parts, CreateContact(parts.contacts, Contact("Cy", anniversary=_on(3))))
    trash = TrashService(parts.contacts.db, SystemClock())
    run(parts, TrashContacts(trash, [bea.id]))
    assert _due(parts) == [("Cy", "anniversary")] and "Bea" not in _today_names(ui)
    parts.runner.undo()
    assert _due(parts) == [("Bea", "birthday"), ("Cy", "anniversary")]
    parts.runner.redo()
    assert _due(parts) == [("Cy", "anniversary")]
    entry = trash.entries()[0]
    run(parts, RestoreFromTrash(trash, [entry.id]))
    assert _due(parts) == [("Bea", "birthday"), ("Cy", "anniversary")]
    assert "Bea" in _today_names(ui)
    assert parts.activity.dates.full_reads == reads


def test_import_and_merge_re_read_everyone(parts, ui, qtbot) -> None:
    reads = _ready(parts, qtbot, ui)
    day = _on(2)
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dora Imported\r\nN:Imported;Dora;;;\r\n"
        f"BDAY:{day.iso()}\r\nEND:VCARD\r\n"
    ).encode()
    report = TransferService(parts.contacts.db).import_bytes(card, "dora.vcf")
    run(parts, RecordImport(parts.contacts, report))
    # A bulk change: everyone's dates are read again, on a worker (0.4-0.8 s at 100,000).
    qtbot.waitUntil(lambda: _due(parts) == [("Dora Imported", "birthday")])
    parts.runner.undo()
    qtbot.waitUntil(lambda: _due(parts) == [])
    parts.runner.redo()
    qtbot.waitUntil(lambda: _due(parts) == [("Dora Imported", "birthday")])
    qtbot.waitUntil(lambda: "Dora Imported" in _today_names(ui))
    assert parts.activity.dates.full_reads > reads  # a bulk change: everyone, once each

    keep = run(parts, CreateContact(parts.contacts, Contact("Dora I."))).created
    [other] = parts.contacts.search_ids("Dora Imported")
    run(parts, MergeContacts(MergeService(parts.contacts.db), keep.id, [other], None, "Dora I."))
    # The survivor has her birthday now (a merge is a bulk change: read on a worker).
    qtbot.waitUntil(lambda: _due(parts) == [("Dora I.", "birthday")])
    parts.runner.undo()
    qtbot.waitUntil(lambda: _due(parts) == [("Dora Imported", "birthday")])


def test_a_commit_nobody_announced_is_seen(parts, ui, qtbot, data_dir) -> None:
    reads = _ready(parts, qtbot, ui)
    assert _due(parts) == []
    # Another process (the CLI) or a worker writes without telling the window.
    from netdesk.store.db import open_database

    other = open_database(data_dir)
    try:
        ContactService(other).create(Contact("Eve Elsewhere", birthday=_on(0)))
    finally:
        other.dispose()
    # The next check notices the commit; a worker reads everyone within a second.
    qtbot.waitUntil(lambda: _due(parts) == [("Eve Elsewhere", "birthday")], timeout=5000)
    assert parts.activity.dates.full_reads == reads + 1


def test_after_a_bulk_change_everyone_is_read_on_a_worker_not_the_gui_thread(
        parts, ui, qtbot, monkeypatch) -> None:
    import threading

    import netdesk.store.dates as dates_store

    _ready(parts, qtbot, ui)
    read_on: list[str] = []
    real = dates_store.dates_inputs

    def recording(con):  # noqa: ANN001, ANN202
        read_on.append(threading.current_thread().name)
        return real(con)

    monkeypatch.setattr(dates_store, "dates_inputs", recording)
    card = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dora Imported\r\nN:Imported;Dora;;;\r\n"
            f"BDAY:{_on(1).iso()}\r\nEND:VCARD\r\n").encode()
    report = TransferService(parts.contacts.db).import_bytes(card, "dora.vcf")
    run(parts, RecordImport(parts.contacts, report))
    # Checks meanwhile answer from the dates as they were; then the fresh ones are in.
    qtbot.waitUntil(lambda: _due(parts) == [("Dora Imported", "birthday")])
    assert read_on == ["netdesk-dates"]


def test_detail_pane_reads_the_shown_contacts_own_summary(parts, ui, qtbot) -> None:
    """The detail pane's "follow up" comes from the store by the contact's id (issue 15: not
    a scan of the table's rows), and follows a new follow-up and its undo."""
    from netdesk.actions.activity import AddFollowUp

    qtbot.waitUntil(ui.window.is_warm)
    ada = run(parts, CreateContact(parts.contacts, Contact("Ada"))).created
    run(parts, CreateContact(parts.contacts, Contact("Bob")))
    qtbot.waitUntil(lambda: "Ada" in ui.names())
    ui.select_name("Ada")
    assert "follow up" not in ui.detail_texts()
    when = SystemClock().now() + dt.timedelta(days=3)
    run(parts, AddFollowUp(parts.activity, ada.id, when))
    assert "follow up" in ui.detail_texts()
    parts.runner.undo()
    assert "follow up" not in ui.detail_texts()
