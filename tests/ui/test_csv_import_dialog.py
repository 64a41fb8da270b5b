"""The CSV import dialog: detected layout, per-column mapping, counts before writing, memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from netdesk.services.csv_transfer import CsvImportService
from netdesk.services.settings import CsvMappings
from netdesk.ui.csv_import_dialog import CsvImportDialog

DATA = Path(__file__).parents[1] / "csvimport" / "data"


@pytest.fixture
def make_dialog(qtbot, database, data_dir):
    def make(path: Path) -> CsvImportDialog:
        dialog = CsvImportDialog(CsvImportService(database), CsvMappings(data_dir), path)
        qtbot.addWidget(dialog)
        assert dialog.wait_counted()
        return dialog

    return make


def test_google_file_shows_layout_rows_and_counts(make_dialog, contact_service) -> None:
    dialog = make_dialog(DATA / "google.csv")
    assert dialog.detected.text().startswith("Google Contacts, utf-8")
    assert dialog.table.rowCount() == 1 + 3  # the combo row and three contacts
    headers = [dialog.table.horizontalHeaderItem(i).text() for i in range(3)]
    assert headers == ["First Name", "Middle Name", "Last Name"]
    assert dialog.table.item(1, 0).text() == "Søren"
    assert dialog.field_combo("Labels").currentData() == "tags"
    assert dialog.field_combo("E-mail 1 - Value").currentData() == "email"
    assert "Will create 3, update 0" in dialog.counts.text()
    assert dialog.import_button.isEnabled()
    assert contact_service.count() == 0  # counting wrote nothing


def test_changed_mapping_is_counted_imported_and_remembered(
    make_dialog, qtbot, tmp_path: Path, contact_service
) -> None:
    sample = tmp_path / "leute.csv"
    sample.write_bytes("Wer;Mail;Notiz\nZoë Ångström;zoe@x.org;hi\n;;nur Notiz\n".encode("cp1252"))
    dialog = make_dialog(sample)
    assert dialog.field_combo("Mail").currentData() == "ignore"
    assert "none of the columns" in dialog.error.text()
    assert not dialog.import_button.isEnabled()
    combo = dialog.field_combo("Wer")
    combo.setCurrentIndex(combo.findData("display_name"))
    combo = dialog.field_combo("Mail")
    combo.setCurrentIndex(combo.findData("email"))
    assert dialog.wait_counted()
    assert not dialog.error.isVisibleTo(dialog) and dialog.import_button.isEnabled()
    # The last row has text only in a column that is not imported: it would be skipped.
    assert "Will create 1" in dialog.counts.text() and "skip 1 rows" in dialog.counts.text()
    combo = dialog.field_combo("Notiz")
    combo.setCurrentIndex(combo.findData("notes"))
    assert dialog.wait_counted()
    assert "Will create 1" in dialog.counts.text()  # a note alone names nobody
    dialog.accept()
    progress = dialog.start_import()
    qtbot.addWidget(progress)
    assert progress.wait()
    assert progress.outcome == "done"
    assert (progress.report.created, progress.report.skipped) == (1, 1)
    (zoe,) = contact_service.get_many([1])
    assert (zoe.display_name, zoe.emails[0].value, zoe.notes) == ("Zoë Ångström", "zoe@x.org", "hi")
    again = make_dialog(sample)
    assert again.field_combo("Mail").currentData() == "email"
    assert "last time" in again.detected.text()
    assert "Will create 0" in again.counts.text()


def test_encoding_switch_and_wrong_encoding(make_dialog) -> None:
    dialog = make_dialog(DATA / "outlook_de_cp1252.csv")
    assert "Outlook (German), cp1252" in dialog.detected.text()
    dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData("utf-8"))
    assert dialog.error.isVisibleTo(dialog) and "not utf-8" in dialog.error.text()
    assert not dialog.import_button.isEnabled()
    dialog.encoding_combo.setCurrentIndex(0)
    assert dialog.wait_counted()
    assert not dialog.error.isVisibleTo(dialog) and dialog.import_button.isEnabled()
    dialog.profile_combo.setCurrentIndex(dialog.profile_combo.findData("generic"))
    assert dialog.wait_counted()
    assert dialog.detected.text().startswith("Generic CSV")
