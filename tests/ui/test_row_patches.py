"""After a delete, its undo or an edit the table patches the changed rows in place instead of
sorting every row again (ui/row_order.py): the rows shown must be exactly what a fresh sort of
the store gives, in every column's order."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from netdesk.actions.contacts import EditContact
from netdesk.actions.trash import TrashContacts
from netdesk.ui.contacts_model import COLUMNS, NAME, ORG, ContactsTableModel
from netdesk.ui.row_order import FEW_ROWS
from tests.ui.driver import run

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


def _column(model, column: int) -> list[str]:  # noqa: ANN001
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _assert_like_a_fresh_sort(parts, ui, column: int, order: Qt.SortOrder) -> None:  # noqa: ANN001
    fresh = ContactsTableModel()
    fresh.set_contacts(parts.contacts.summaries())
    fresh.sort(column, order)
    shown = ui.model
    ids = {shown.summary(r).id for r in range(shown.rowCount())}
    assert ids == {fresh.summary(r).id for r in range(fresh.rowCount())}
    # Ties may come in another order; the values in the sorted column may not.
    assert _column(shown, column) == _column(fresh, column)
    assert _column(shown, NAME if column != NAME else ORG).count("") == \
        _column(fresh, NAME if column != NAME else ORG).count("")


def _trash(parts, ids):  # noqa: ANN001, ANN202
    from netdesk.domain.clock import SystemClock
    from netdesk.services.trash import TrashService

    return run(parts, TrashContacts(TrashService(parts.contacts.db, SystemClock()), ids))


@pytest.mark.parametrize(("column", "order"), [(NAME, ASC), (NAME, DESC), (ORG, ASC),
                                                (len(COLUMNS) - 1, DESC)])
def test_delete_undo_and_edit_show_the_rows_a_fresh_sort_would(
    sample_ui, parts, column: int, order: Qt.SortOrder
) -> None:
    ui = sample_ui
    ui.table.sortByColumn(column, order)
    ids = [ui.model.summary(r).id for r in range(ui.model.rowCount())]
    # One contact, then more than are patched one by one.
    _trash(parts, [ids[5]])
    assert ui.model.row_of(ids[5]) < 0
    _assert_like_a_fresh_sort(parts, ui, column, order)
    many = ids[10:10 + FEW_ROWS + 4]
    _trash(parts, many)
    assert ui.model.total_count() == len(ids) - 1 - len(many)
    _assert_like_a_fresh_sort(parts, ui, column, order)
    ui.undo()
    assert ui.model.total_count() == len(ids) - 1
    _assert_like_a_fresh_sort(parts, ui, column, order)
    ui.undo()
    assert ui.model.total_count() == len(ids)
    _assert_like_a_fresh_sort(parts, ui, column, order)
    # An edit that moves the contact in every text order: renamed and moved to another firm.
    contact = parts.contacts.get(ids[0])
    run(parts, EditContact(parts.contacts, dataclasses.replace(
        contact, display_name="Zzyzx Last", org="Aaardvark Ltd")))
    _assert_like_a_fresh_sort(parts, ui, column, order)
    ui.undo()
    _assert_like_a_fresh_sort(parts, ui, column, order)
    # The orders kept for the other columns were patched too: sorting by them is right.
    for other in (NAME, ORG):
        ui.table.sortByColumn(other, ASC)
        _assert_like_a_fresh_sort(parts, ui, other, ASC)
