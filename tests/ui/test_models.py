"""The item models pass Qt's model tester and sort/filter as the table needs."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from netdesk.services.contacts import TagInfo
from netdesk.store.listing import ContactSummary
from netdesk.ui.contacts_model import (
    CONTACT_ID,
    NAME,
    NEXT_DUE,
    ORG,
    ContactsTableModel,
)
from netdesk.ui.icons import alert_color, line_icon
from netdesk.ui.locale_format import short_date
from netdesk.ui.tags_model import ALL, COUNT, HEADER, KIND, TAG, URGENT, VIEW, SidebarModel

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


def test_overdue_follow_up_is_bold_and_red_for_the_palette(qapp) -> None:
    model = ContactsTableModel()
    model.set_contacts(ROWS)
    overdue = model.index(model.row_of(1), NEXT_DUE)
    later = model.index(model.row_of(3), NEXT_DUE)
    assert overdue.data(Qt.ItemDataRole.FontRole).bold()
    assert later.data(Qt.ItemDataRole.FontRole) is None
    assert later.data(Qt.ItemDataRole.ForegroundRole) is None
    color = overdue.data(Qt.ItemDataRole.ForegroundRole)
    assert color == alert_color(QGuiApplication.palette())
    assert "overdue" in overdue.data(Qt.ItemDataRole.ToolTipRole)


def _contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_alert_colour_reads_on_light_and_dark_bases(qapp) -> None:
    for base in ("#ffffff", "#f0f0f0", "#1f1f22", "#000000"):
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Base, QColor(base))
        assert _contrast(alert_color(palette), QColor(base)) >= 4.5, base


def test_dates_are_short_near_today_and_carry_the_year_further_away() -> None:
    today = dt.datetime.now(UTC).astimezone().date()
    noon = dt.datetime(today.year, today.month, today.day, 12).astimezone()
    assert short_date(noon, today) == "Today"
    near = noon - dt.timedelta(days=20)
    assert short_date(near, today) == f"{near.day} {near:%b}"
    far = noon + dt.timedelta(days=400)
    assert short_date(far, today).endswith(str(far.year))
    assert short_date(None, today) == ""


def test_date_column_headers_explain_themselves() -> None:
    model = ContactsTableModel()
    tip = model.headerData(NEXT_DUE, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "follow-up" in tip


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


def test_sidebar_view_badge_changes_data_not_rows(qapp, qtmodeltester, qtbot) -> None:
    model = SidebarModel()
    model.set_counts(4, [TagInfo("friend", 1, None)])
    model.add_view("today", "Today", line_icon("today"), first=True)
    today = model.index(model.row_of(VIEW, "today"), 0)
    assert today.data(COUNT) is None
    with qtbot.waitSignal(model.dataChanged), qtbot.assertNotEmitted(model.modelReset):
        model.set_view_badge("today", 3, urgent=True, tooltip="3 overdue")
    assert (today.data(COUNT), today.data(URGENT)) == (3, True)
    assert today.data(Qt.ItemDataRole.ToolTipRole) == "3 overdue"
    qtmodeltester.check(model, force_py=True)
    model.set_view_badge("today", 0, urgent=True)
    assert today.data(COUNT) is None and today.data(URGENT) is False
    qtmodeltester.check(model, force_py=True)
