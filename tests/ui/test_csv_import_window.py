"""CSV import through the real window: File → Import, a drop, a handed-over file; one undo step."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

DATA = Path(__file__).parents[1] / "csvimport" / "data"


def _import_through_csv_dialog(ui, qtbot):  # noqa: ANN001, ANN202
    dialog = ui.csv_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.wait_counted()
    qtbot.waitUntil(dialog.import_button.isEnabled)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    progress = ui.import_dialog
    qtbot.waitUntil(lambda: not progress.is_running(), timeout=60000)
    progress.wait()
    return progress


def test_file_import_offers_csv_and_imports_it_as_one_undoable_step(
    window, ui, parts, qtbot, monkeypatch
) -> None:
    offered = []

    def fake_open(parent, caption, start, filters):  # noqa: ANN001, ANN202
        offered.append(filters)
        return [str(DATA / "google.csv")], filters

    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileNames", fake_open)
    reads = []
    parts.runner.subscribe(reads.append)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert "*.csv" in offered[0] and "*.vcf" in offered[0]
    assert ui.csv_dialog.detected.text().startswith("Google Contacts")
    progress = _import_through_csv_dialog(ui, qtbot)
    assert progress.outcome == "done" and progress.report.created == 3
    qtbot.waitUntil(lambda: ui.model.rowCount() == 3)
    assert "Søren Kierkegård" in ui.names()
    assert len(reads) == 1 and reads[0].bulk  # one change event: every view reads once
    assert ui.action("undoAction").text().startswith("Undo Import (3 created")
    ui.undo()
    assert parts.contacts.count() == 0
    qtbot.waitUntil(lambda: ui.model.total_count() == 0)
    ui.redo()
    assert parts.contacts.count() == 3


def test_dropped_csv_opens_the_mapping_dialog_and_vcards_keep_theirs(
    window, ui, parts, qtbot, tmp_path, vcf_writer
) -> None:
    csv = shutil.copy(DATA / "linkedin_connections.csv", tmp_path / "Connections.csv")
    vcf = vcf_writer(tmp_path / "cards.vcf", 2)
    assert ui.drop_files([csv, vcf])
    # The vCards go first through their own dialog; the CSV file waits for it.
    vcard_import = ui.import_dialog
    assert vcard_import.paths == [Path(vcf)]
    qtbot.waitUntil(lambda: not vcard_import.is_running(), timeout=60000)
    vcard_import.wait()
    assert ui.csv_dialog is None
    vcard_import.accept()
    qtbot.waitUntil(lambda: ui.csv_dialog is not None)
    assert ui.csv_dialog.detected.text().startswith("LinkedIn")
    progress = _import_through_csv_dialog(ui, qtbot)
    assert progress.outcome == "done" and progress.report.created >= 2
    assert parts.contacts.count() == 2 + progress.report.created
    assert ui.action("undoAction").text().startswith("Undo Import (")
    ui.undo()
    assert parts.contacts.count() == 2  # only the CSV import was taken back


def test_handed_over_csv_cancelled_changes_nothing(window, ui, parts, qtbot) -> None:
    # What `netdesk FILE.csv` (and a second netdesk's handover) calls.
    parts.transfer.import_files([str(DATA / "outlook_de_cp1252.csv")])
    dialog = ui.csv_dialog
    assert "Outlook (German)" in dialog.detected.text()
    assert dialog.wait_counted()
    dialog.reject()
    assert ui.csv_dialog is None and ui.import_dialog is None
    assert parts.contacts.count() == 0
    assert not ui.action("undoAction").isEnabled()


def test_export_dialog_writes_google_and_outlook_csv(sample_ui, qtbot, tmp_path) -> None:
    ui = sample_ui
    ui.export_contacts()
    dialog = ui.export_dialog
    formats = [dialog.version_combo.itemData(i) for i in range(dialog.version_combo.count())]
    assert formats == ["3.0", "4.0", "csv:google", "csv:outlook"]
    dialog.version_combo.setCurrentIndex(formats.index("csv:google"))
    assert dialog.export_to(tmp_path / "google")
    assert dialog.wait(10_000)  # written by a worker
    data = (tmp_path / "google.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads UTF-8
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("First Name,")
    ui.select_tag("investor")
    ui.export_contacts()
    dialog = ui.export_dialog
    dialog.version_combo.setCurrentIndex(formats.index("csv:outlook"))
    assert dialog.export_to(tmp_path / "investors.csv")
    assert dialog.wait(10_000)
    text = (tmp_path / "investors.csv").read_text(encoding="utf-8-sig")
    assert "E-mail Address" in text.splitlines()[0]
    # Re-importing what was exported changes nobody: the CSV dialog counts nothing to do.
    ui.import_files([str(tmp_path / "google.csv")])
    assert ui.csv_dialog.wait_counted()
    assert "Will create 0, update 0" in ui.csv_dialog.counts.text()
    ui.csv_dialog.reject()
