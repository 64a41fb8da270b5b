"""sorted_in_slices gives exactly sorted()'s (stable) order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from netdesk.ui.sorting import sorted_in_slices


@given(st.lists(st.tuples(st.integers(0, 20), st.integers())), st.integers(1, 50))
def test_same_order_as_sorted_including_ties(items, size) -> None:
    def key(pair):  # noqa: ANN001, ANN202
        return pair[0]

    assert sorted_in_slices(items, key, size) == sorted(items, key=key)


def test_large_input_uses_slices_and_stays_sorted() -> None:
    items = [(i * 7919) % 10007 for i in range(25000)]
    assert sorted_in_slices(items, lambda x: x) == sorted(items)
