"""The Today table sizes its When/Who/Kind columns from their texts once per refresh (no
ResizeToContents, which asked the delegate for every row on every layout pass): every text
must still fit its column."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView

from netdesk.ui.today import KIND, WHEN, WHO


def test_today_columns_fit_their_texts_without_sizing_every_row(sample_ui) -> None:
    today = sample_ui.today
    today.refresh()
    model, table = today.model, today.table
    header = table.horizontalHeader()
    items = [r for r in range(model.rowCount()) if model.item(r) is not None]
    assert len(items) > 5  # the sample contacts come with follow-ups
    bold = QFontMetrics(model.bold_font())
    for col in (WHEN, WHO, KIND):
        assert header.sectionResizeMode(col) != QHeaderView.ResizeMode.ResizeToContents
        widest = max(bold.horizontalAdvance(model.index(r, col).data()) for r in items)
        assert header.sectionSize(col) >= widest + 20, col
