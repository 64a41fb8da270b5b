"""The item models pass Qt's model tester and sort/filter as the table needs."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from netdesk.services.contacts import TagInfo
from netdesk.store.listing import ContactSummary
from netdesk.ui.contacts_model import CONTACT_ID, NAME, NEXT_DUE, ORG, ContactsTableModel
from netdesk.ui.icons import line_icon
from netdesk.ui.tags_model import ALL, HEADER, KIND, TAG, VIEW, SidebarModel

UTC = dt.UTC


def _row(cid: int, name: str, org: str = "", tags=(), due=None) -> ContactSummary:  # noqa: ANN001
    return ContactSummary(cid, name, name.casefold(), org, "", f"{cid}@example.org", "",
                          tuple(tags), None, due, (f"{cid}@example.org",), ())


ROWS = [
    _row(1, "Zoë Adams", "Acme", ["friend"], dt.datetime(2020, 1, 1, tzinfo=UTC)),
    _row(2, "Ada Lovelace", "", ["meetup"]),
    _row(3, "Bob Brown", "Globex", [], dt.datetime(2999, 1, 1, tzinfo=UTC)),
    _row(4, "Carl <b>Bold</b>", "Initech"),
]


def test_contacts_model_passes_the_model_tester(qtmodeltester) -> None:
    model = ContactsTableModel()
    model.set_contacts(ROWS)
    qtmodeltester.check(model, force_py=True)
    model.sort(ORG, Qt.SortOrder.DescendingOrder)
    model.set_filter([1, 3])
    qtmodeltester.check(model, force_py=True)


def test_contacts_model_sorts_both_ways_with_empty_values_last() -> None:
    model = ContactsTableModel()
    model.set_contacts(ROWS)
    names = lambda: [model.summary(r).name for r in range(model.rowCount())]  # noqa: E731
    assert names()[0] == "Ada Lovelace"
    model.sort(NAME, Qt.SortOrder.DescendingOrder)
    assert names()[0] == "Zoë Adams"
    model.sort(ORG, Qt.SortOrder.AscendingOrder)
    assert names() == ["Zoë Adams", "Bob Brown", "Carl <b>Bold</b>", "Ada Lovelace"]
    model.sort(ORG, Qt.SortOrder.DescendingOrder)
    assert names() == ["Carl <b>Bold</b>", "Bob Brown", "Zoë Adams", "Ada Lovelace"]


def test_filter_keeps_the_sort_order_and_ids() -> None:
    model = ContactsTableModel()
    model.set_contacts(ROWS)
    model.sort(NAME, Qt.SortOrder.DescendingOrder)
    model.set_filter({2, 4})
    assert [model.index(r, 0).data(CONTACT_ID) for r in range(2)] == [4, 2]
    model.set_filter(None)
    assert model.rowCount() == 4


def test_overdue_follow_up_is_bold_not_coloured() -> None:
    model = ContactsTableModel()
    model.set_contacts(ROWS)
    overdue = model.index(model.row_of(1), NEXT_DUE)
    later = model.index(model.row_of(3), NEXT_DUE)
    assert overdue.data(Qt.ItemDataRole.FontRole).bold()
    assert later.data(Qt.ItemDataRole.FontRole) is None
    assert overdue.data(Qt.ItemDataRole.ForegroundRole) is None


def test_sidebar_model_passes_the_model_tester(qapp, qtmodeltester) -> None:
    model = SidebarModel()
    model.set_counts(4, [TagInfo("friend", 1, 30), TagInfo("meetup", 1, None)])
    model.add_view("today", "Today", line_icon("people"), first=True)
    qtmodeltester.check(model, force_py=True)
    kinds = [model.index(r, 0).data(KIND) for r in range(model.rowCount())]
    assert kinds == [VIEW, ALL, HEADER, TAG, TAG]
    assert model.index(model.row_of(TAG, "friend"), 0).data(
        Qt.ItemDataRole.ToolTipRole) == "Keep in touch every 30 days"
    header = model.index(2, 0)
    assert not model.flags(header) & Qt.ItemFlag.ItemIsSelectable
