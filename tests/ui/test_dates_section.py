"""Dates and related people in the detail pane and the editor (ui/dates_section.py)."""

from __future__ import annotations

import dataclasses

from netdesk.domain.contact import Contact, ContactDate, PartialDate, RelatedPerson
from netdesk.ui.dates_section import DatesSection
from netdesk.ui.detail_pane import DetailPane
from netdesk.ui.editor import ContactEditor
from netdesk.vcard import read_vcards

ANN = Contact(
    "Ann",
    anniversary=PartialDate(2010, 6, 12),
    other_dates=[ContactDate(PartialDate(None, 9, 1), "graduation")],
    related=[RelatedPerson("Jenny", "spouse")],
    remind_days_before=3,
)


def card(line: str) -> Contact:
    text = f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\n{line}\r\nEND:VCARD\r\n"
    (c,), _ = read_vcards(text.encode())
    return c


VENDOR_ANNIVERSARIES = {
    "apple": "item1.X-ABDATE:2010-06-12\r\nitem1.X-ABLabel:_$!<Anniversary>!$_",
    "outlook": "X-MS-ANNIVERSARY:2010-06-12",
    "kde": "X-KADDRESSBOOK-X-Anniversary:2010-06-12",
    "android": "X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;2010-06-12;1;;;;",
}


def test_vendor_anniversaries_show_in_the_detail_pane(qtbot) -> None:
    pane = DetailPane()
    qtbot.addWidget(pane)
    for vendor, line in VENDOR_ANNIVERSARIES.items():
        pane.show_contact(card(line))
        section = pane.findChild(DatesSection, "detailDates")
        assert section is not None, vendor
        assert section.rows() == [("anniversary", "12 Jun 2010")], vendor


def test_section_rows_and_no_section_without_dates(qtbot) -> None:
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_contact(ANN)
    section = pane.findChild(DatesSection, "detailDates")
    assert section.rows() == [
        ("anniversary", "12 Jun 2010"),
        ("graduation", "1 Sep"),
        ("spouse", "Jenny"),
        ("reminder", "3 days before"),
    ]
    pane.show_contact(Contact("Bob"))
    assert pane.findChild(DatesSection, "detailDates") is None


def make_editor(qtbot, contact: Contact, saved: list[Contact]) -> ContactEditor:
    def save(c: Contact) -> Contact:
        saved.append(c)
        return dataclasses.replace(c, id=c.id or 7)

    editor = ContactEditor(contact, save, [], [])
    qtbot.addWidget(editor)
    return editor


def test_editor_loads_edits_and_saves_dates(qtbot) -> None:
    saved: list[Contact] = []
    editor = make_editor(qtbot, dataclasses.replace(ANN, id=5), saved)
    dates = editor.dates_editor
    assert dates.anniversary_edit.text() == "2010-06-12"
    assert dates.related_table.pairs() == [("Jenny", "spouse")]
    assert dates.remind_check.isChecked() and dates.remind_days.value() == 3
    dates.anniversary_edit.setText("--06-13")
    dates.dates_table.add_pair("2001-02-03", "other")
    dates.related_table.add_pair("Max", "manager")
    dates.remind_check.setChecked(False)
    assert editor.try_save()
    (c,) = saved
    assert c.anniversary == PartialDate(None, 6, 13)
    assert c.other_dates == [*ANN.other_dates, ContactDate(PartialDate(2001, 2, 3), "other")]
    assert c.related == [RelatedPerson("Jenny", "spouse"), RelatedPerson("Max", "manager")]
    assert c.remind_days_before is None


def test_a_date_that_cannot_be_read_is_an_error_not_a_loss(qtbot) -> None:
    saved: list[Contact] = []
    editor = make_editor(qtbot, Contact("Bob"), saved)
    editor.dates_editor.dates_table.add_pair("31st of June", "party")
    assert not editor.try_save()
    assert saved == [] and editor.result() == 0  # not accepted: the dialog stays open
    error = editor.dates_editor.error
    assert not error.isHidden() and "'31st of June' is not a date" in error.text()
    assert editor.dates_editor.dates_table.pairs() == [("31st of June", "party")]
