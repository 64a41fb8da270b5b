"""row_order.find_row: a binary search for a row in a column's order finds exactly what
list.index finds, in both directions, with ties, rows without a value and filtered lists."""

from __future__ import annotations

import random

import pytest

from netdesk.domain.summary import ContactSummary
from netdesk.ui.contacts_model import ORG, PHONE, column_order
from netdesk.ui.row_order import find_row


def _rows(n: int, seed: int) -> list[ContactSummary]:
    rnd = random.Random(seed)
    orgs = ["", "", "Acme", "Bolt", "Łódź Ltd", "acme", "Zeta"]  # ties and empty values
    return [
        ContactSummary(i, f"P{i}", f"p{i}", rnd.choice(orgs), "", "", rnd.choice(["", "030 1"]),
                       (), None, None, (), ())
        for i in range(n)
    ]


@pytest.mark.parametrize("column", [ORG, PHONE])
@pytest.mark.parametrize("descending", [False, True])
def test_every_row_is_found_where_it_is(column: int, descending: bool) -> None:
    from netdesk.ui.contacts_model import _SORT_KEYS

    rows = _rows(400, seed=column)
    present, missing = column_order(rows, column)
    ordered = [*reversed(present), *missing] if descending else [*present, *missing]
    shown = [r for r in ordered if r.id % 3]  # a search shows a subset, same order
    key = _SORT_KEYS[column]
    for table in (ordered, shown):
        for i, row in enumerate(table):
            assert find_row(table, row, key, descending) == i
    hidden = next(r for r in ordered if not r.id % 3)
    assert find_row(shown, hidden, key, descending) == -1


def test_a_row_out_of_order_is_still_found() -> None:
    from netdesk.ui.contacts_model import _SORT_KEYS

    rows = _rows(50, seed=7)
    rows.reverse()  # not the column's order at all
    for i, row in enumerate(rows):
        assert find_row(rows, row, _SORT_KEYS[ORG]) == i


def test_many_rows_are_found_in_one_pass_the_same_as_one_by_one() -> None:
    from netdesk.ui.contacts_model import FEW_LOOKUPS, ContactsTableModel

    model = ContactsTableModel()
    model.set_contacts(_rows(500, seed=11))
    model.sort(ORG, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.SortOrder.DescendingOrder)
    model.set_filter({r for r in range(500) if r % 4})
    ids = [7, 3, 999, 8, 100, *range(200, 260)]  # some hidden (r % 4 == 0), one unknown
    assert len(ids) > FEW_LOOKUPS
    one_by_one = [r for r in (model.row_of(i) for i in ids) if r >= 0]
    assert model.rows_of(ids) == one_by_one
    assert model.rows_of(ids[:5]) == one_by_one[: len([i for i in ids[:5] if model.row_of(i) >= 0])]
