"""Rows replaced by a reload are freed on a thread of their own (ui/row_release.py), and
the rows that replace them stay whole."""

from __future__ import annotations

import threading
import time

from netdesk.domain.summary import ContactSummary
from netdesk.ui.contacts_model import ContactsTableModel
from netdesk.ui.row_release import release_later


def _rows(first: int, n: int) -> list[ContactSummary]:
    return [ContactSummary(i, f"Person {i}", f"person {i}", "", "", "", "", (), None, None,
                           (), ()) for i in range(first, first + n)]


def _wait_until(condition, timeout_s: float = 10.0) -> None:  # noqa: ANN001
    end = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.005)


def test_containers_are_emptied_off_the_calling_thread() -> None:
    emptied_on: list[str] = []

    class Watched(list):  # notes which thread empties it
        def __delitem__(self, key) -> None:  # noqa: ANN001
            emptied_on.append(threading.current_thread().name)
            super().__delitem__(key)

    big = Watched(range(10_000))
    mapping = {i: str(i) for i in range(5_000)}
    members = set(range(3_000))
    release_later([big, mapping, members])
    _wait_until(lambda: not big and not mapping and not members)
    assert emptied_on and set(emptied_on) == {"netdesk-release"}
    assert len(emptied_on) == 5  # 10,000 rows, 2,000 a slice


def test_a_reload_frees_the_old_rows_and_keeps_the_new(qtmodeltester) -> None:
    model = ContactsTableModel()
    model.set_contacts(_rows(0, 5_000))
    old = model.all_rows()
    new = _rows(10_000, 3_000)
    model.set_contacts_sorted_by_name(sorted(new, key=lambda r: r.sort_key))
    _wait_until(lambda: len(old) == 0)
    assert model.total_count() == model.rowCount() == 3_000
    assert {model.summary(r).id for r in range(model.rowCount())} == {r.id for r in new}
    assert model.row_of(10_500) >= 0 and model.row_of(100) == -1
    qtmodeltester.check(model)
