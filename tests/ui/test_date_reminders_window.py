"""Birthdays and anniversaries remind in the real window (issue 11 item 3): the Today list,
its sidebar badge and the tray count all read the one due source, so they agree."""

from __future__ import annotations

import datetime as dt

from netdesk.actions.contacts import CreateContact
from netdesk.domain.clock import SystemClock
from netdesk.domain.contact import Contact, PartialDate
from netdesk.ui.today_model import KIND, WHAT, WHO
from tests.ui.driver import run


def _on(days: int) -> PartialDate:
    day = SystemClock().now().astimezone().date() + dt.timedelta(days=days)
    return PartialDate(1990, day.month, day.day)


def _today_rows(ui) -> list[tuple[str, str, str]]:  # noqa: ANN001
    model = ui.today.model
    return [(model.data(model.index(r, WHO)), model.data(model.index(r, KIND)),
             model.data(model.index(r, WHAT)))
            for r in range(model.rowCount()) if model.item(r) is not None]


def test_birthdays_and_anniversaries_show_in_today_badge_and_tray(parts, ui, qtbot,
                                                                  data_dir) -> None:
    from netdesk.app import _add_tray

    tray, scheduler = _add_tray(parts, data_dir)
    scheduler.start()
    qtbot.waitUntil(ui.window.is_warm)
    # Reminded 3 days ago for a birthday in 2 days (due: Today's overdue group, the tray);
    # an anniversary in 6 days with its own "2 days before" (later this week: Today only);
    # someone with no date at all.
    run(parts, CreateContact(parts.contacts, Contact(display_name="Bea Birthday",
                                                     birthday=_on(2))))
    run(parts, CreateContact(parts.contacts, Contact(display_name="Arno Anniversary",
                                                     anniversary=_on(6),
                                                     remind_days_before=2)))
    run(parts, CreateContact(parts.contacts, Contact(display_name="Nico Nodate")))
    assert not [r for r in _today_rows(ui) if r[0] == "Bea Birthday"]  # no default yet
    parts.activity.dates.set_default_days_before(5)  # the Today view follows the setting

    rows = _today_rows(ui)
    assert ("Bea Birthday", "Birthday") in [r[:2] for r in rows]
    assert ("Arno Anniversary", "Anniversary") in [r[:2] for r in rows]
    assert "Nico Nodate" not in [r[0] for r in rows]
    assert any(r[0] == "Bea Birthday" and r[2].startswith("Birthday on") for r in rows)
    data = ui.today.data
    # A started reminder is never "overdue": the birthday is coming up, in the Today group.
    assert data.overdue == [] and [i.name for i in data.today] == ["Bea Birthday"]
    assert [i.name for i in data.this_week] == ["Arno Anniversary"]
    model = ui.today.model
    when = {model.item(r).name: model.data(model.index(r, 0))
            for r in range(model.rowCount()) if model.item(r) is not None}
    assert when["Bea Birthday"].endswith("(in 2 days)")
    # The badge counts what the list shows as due today (not urgent: nothing is late).
    assert ui.window.view_badge(ui.today) == (1, False)

    # The tray: the same item, worded as a birthday.
    assert tray.tray.toolTip() == "netdesk — 1 due"
    menu_texts = [a.text() for a in tray.contextMenu().actions()]
    assert any(t.startswith("Bea Birthday — Birthday on") for t in menu_texts)

    # Done is for follow-ups and cadences; a birthday goes when its day has passed.
    ui.window.show_view(ui.today)
    row = ui.today.model.row_of(("birthday", parts.contacts.search_ids("bea")[0]))
    ui.today.table.selectRow(row)
    assert ui.today.selected_item().kind == "birthday"
    assert not ui.today.done_button.isEnabled() and ui.today.log_button.isEnabled()
