"""The loader's order work steps aside for the GUI thread between slices (ui/gui_first.py):
with a pace function the orders are exactly those without, and pace() is called often."""

from __future__ import annotations

import random

from netdesk.domain.summary import ContactSummary
from netdesk.ui.contacts_model import COLUMNS, NAME, all_column_orders, column_order
from netdesk.ui.sorting import SLICE, sorted_in_slices


def _rows(n: int) -> list[ContactSummary]:
    rnd = random.Random(3)
    return [ContactSummary(i, f"P{rnd.random()}", f"p{rnd.random()}",
                           rnd.choice(["", "Acme", "Bolt", "Zeta"]), "", "", "", (), None, None,
                           (), ()) for i in range(n)]


def test_paced_orders_equal_unpaced_ones_and_pace_often() -> None:
    rows = _rows(3 * SLICE + 17)
    calls: list[int] = []
    paced = all_column_orders(rows, lambda: calls.append(1))
    assert paced == all_column_orders(rows)
    assert set(paced) == set(range(len(COLUMNS))) - {NAME}
    # Every slice of every column's keys (four slices here) gives the GUI thread a turn.
    assert len(calls) >= (len(COLUMNS) - 1) * 4
    one: list[int] = []
    assert column_order(rows, 1, lambda: one.append(1)) == column_order(rows, 1)
    assert len(one) >= 3


def test_sorted_in_slices_paced_is_a_stable_sort() -> None:
    items = [(random.Random(i).randint(0, 50), i) for i in range(2 * SLICE + 5)]
    calls: list[int] = []
    assert sorted_in_slices(items, key=lambda t: t[0], pace=lambda: calls.append(1)) == \
        sorted(items, key=lambda t: t[0])
    assert len(calls) >= 3
