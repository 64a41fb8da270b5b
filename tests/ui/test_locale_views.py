"""The Today view writes its dates and times the way the user's locale does (QLocale)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from netdesk.ui.today import TodayView
from tests.helpers.zones import BERLIN
from tests.ui.test_today import flows, people, row_texts, runner  # noqa: F401  (fixtures)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def view_in(qtbot, activity, contact_service, clock, people, flows):  # noqa: F811
    before = QLocale()

    def make(name: str) -> TodayView:
        QLocale.setDefault(QLocale(name))
        widget = TodayView(activity, contact_service, clock, BERLIN, flows)
        qtbot.addWidget(widget)
        return widget

    yield make
    QLocale.setDefault(before)


def test_today_in_german(view_in) -> None:
    rows = row_texts(view_in("de_DE"))
    assert rows[4] == "Today 16:00"  # the words follow the language (English here)
    assert rows[6] == "Mo. 30. Nov. 14:00"


def test_today_in_us_english(view_in) -> None:
    rows = [r.replace("\u202f", " ") for r in row_texts(view_in("en_US"))]
    assert rows[4] == "Today 4:00 PM"
    assert rows[6] == "Mon Nov 30 2:00 PM"
