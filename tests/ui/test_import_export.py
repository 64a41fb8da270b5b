"""Import (worker thread, progress, cancel, report, drag-and-drop) and export from the GUI."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QPushButton

from netdesk.actions.contacts import CreateContact
from netdesk.domain.contact import Contact
from tests.ui.driver import Ui, run


def _finish_import(window, qtbot, timeout: int = 60000):  # noqa: ANN001, ANN202
    dialog = Ui(window).import_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=timeout)
    dialog.wait()
    return dialog


def test_import_shows_progress_and_a_readable_report(window, ui, qtbot, tmp_path,
                                                     vcf_writer) -> None:
    path = vcf_writer(tmp_path / "people.vcf", 30, broken_at=7)
    ui.import_files([str(path)])
    dialog = _finish_import(window, qtbot)
    assert dialog.outcome == "done"
    assert dialog.report.created == 29
    assert "29 created" in dialog.status.text()
    assert "1 skipped" in dialog.status.text()
    details = dialog.details.toPlainText()
    assert "people.vcf, card 8, line" in details
    assert ui.model.rowCount() == 29
    assert ui.list_stack.currentIndex() == 0
    qtbot.mouseClick(dialog.findChild(QPushButton, "importCloseButton"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_cancel_mid_import_leaves_the_store_unchanged(
    window, ui, parts, qtbot, tmp_path, vcf_writer, monkeypatch
) -> None:
    from netdesk.services import transfer

    run(parts, CreateContact(parts.contacts, Contact(display_name="Already Here")))
    before = parts.contacts.count()
    path = vcf_writer(tmp_path / "big.vcf", 6000)
    # Hold the worker after its first batch until Cancel has been clicked, so the import
    # cannot finish first on a fast machine (the import itself stays real).
    cancel_clicked = threading.Event()
    real_batch = transfer._FileImport.run_batch

    def run_batch(self, cards):  # noqa: ANN001, ANN202
        real_batch(self, cards)
        cancel_clicked.wait(timeout=30)

    monkeypatch.setattr(transfer._FileImport, "run_batch", run_batch)
    ui.import_files([str(path)])
    dialog = ui.import_dialog
    qtbot.waitUntil(lambda: dialog.progress.maximum() > 0, timeout=60000)
    assert dialog.progress.maximum() == 6000
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    cancel_clicked.set()
    dialog = _finish_import(window, qtbot)
    assert dialog.outcome == "cancelled"
    assert "nothing was changed" in dialog.status.text()
    assert parts.contacts.count() == before
    assert ui.model.total_count() == before
    assert ui.action("undoAction").text() == "Undo Add Already Here"  # nothing recorded


def test_dropping_vcf_files_imports_them(window, ui, parts, qtbot, tmp_path,
                                         vcf_writer) -> None:
    path = vcf_writer(tmp_path / "dropped.vcf", 5)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)), QUrl.fromLocalFile(str(tmp_path / "x.txt"))])
    # QDragEnterEvent takes an integer QPoint (6.11 refuses a QPointF); QDropEvent a QPointF.
    enter = QDragEnterEvent(QPoint(300, 300), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(300, 300), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)
    dialog = _finish_import(window, qtbot)
    assert dialog.paths == [Path(path)]
    assert parts.contacts.count() == 5
    assert ui.model.rowCount() == 5


def test_dropping_other_files_is_refused(window, ui) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile("/tmp/notes.txt")])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)
    assert ui.import_dialog is None


def test_export_all_selected_or_a_tag(sample_ui, qtbot, tmp_path, monkeypatch) -> None:
    w = sample_ui
    target = tmp_path / "out" / "contacts"
    target.parent.mkdir()
    offered = []

    def fake_save(parent, caption, start, filters):  # noqa: ANN001, ANN202
        offered.append(start)
        return str(target), filters

    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", fake_save)
    qtbot.keyClick(w.window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = w.export_dialog
    assert dialog is not None and dialog.all_radio.isChecked()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.wait(10_000)  # written by a worker
    assert offered[0].endswith("contacts.vcf")
    written = target.with_suffix(".vcf").read_text(encoding="utf-8")
    assert written.count("BEGIN:VCARD") == 40
    assert "VERSION:3.0" in written

    w.select_tag("investor")
    w.export_contacts()
    dialog = w.export_dialog
    assert dialog.tag_radio.isChecked() and dialog.tag_combo.currentText() == "investor"
    dialog.version_combo.setCurrentIndex(1)
    assert dialog.export_to(tmp_path / "investors.vcf")
    assert dialog.wait(10_000)
    written = (tmp_path / "investors.vcf").read_text(encoding="utf-8")
    assert written.count("BEGIN:VCARD") == 4
    assert "VERSION:4.0" in written

    w.select_tag(None)
    w.table.selectRow(3)
    w.export_contacts()
    dialog = w.export_dialog
    dialog.selected_radio.setChecked(True)
    assert dialog.export_to(tmp_path / "one.vcf")
    assert dialog.wait(10_000)
    assert (tmp_path / "one.vcf").read_text(encoding="utf-8").count("BEGIN:VCARD") == 1


def _hold_export_after(monkeypatch, cards: int) -> threading.Event:  # noqa: ANN001
    """Hold the export worker after ``cards`` cards until the returned event is set, so a
    test can see its progress and press Cancel before a fast machine finishes (the export
    itself stays real)."""
    from netdesk.services import transfer

    release = threading.Event()
    real_write = transfer.write_vcards

    def write_vcards(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        for i, text in enumerate(real_write(*args, **kwargs), 1):
            yield text
            if i == cards:
                release.wait(timeout=30)

    monkeypatch.setattr(transfer, "write_vcards", write_vcards)
    monkeypatch.setattr(transfer, "EXPORT_STEP", 10)
    return release


def test_export_runs_in_a_worker_with_progress_and_cancel_leaves_no_file(
    sample_ui, qtbot, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QLabel, QProgressBar

    from tests.ui.driver import find

    release = _hold_export_after(monkeypatch, 10)
    target = tmp_path / "out" / "all.vcf"
    target.parent.mkdir()
    target.write_text("the old export\n", encoding="utf-8")
    sample_ui.export_contacts()
    dialog = sample_ui.export_dialog
    progress = find(dialog, QProgressBar, "exportProgress")
    assert not progress.isVisible()
    assert dialog.export_to(target)
    # The window is not blocked: the dialog shows where the worker is.
    qtbot.waitUntil(lambda: progress.isVisible() and progress.value() == 10, timeout=10_000)
    assert progress.maximum() == 40
    assert "10 of 40" in progress.text()
    assert not find(dialog, QPushButton, "exportButton").isEnabled()
    assert not dialog.export_to(target)  # one export at a time
    qtbot.mouseClick(find(dialog, QPushButton, "exportCancelButton"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # the first Cancel stops the export, it does not close
    release.set()
    assert dialog.wait(10_000)
    # Nothing half-written: the old file is as it was and no temporary is left behind.
    assert target.read_text(encoding="utf-8") == "the old export\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["all.vcf"]
    assert dialog.isVisible() and not progress.isVisible()
    assert "cancelled" in find(dialog, QLabel, "fieldError").text()
    # The dialog is usable again: this time the export goes through.
    release.set()
    assert dialog.export_to(target)
    assert dialog.wait(10_000)
    assert target.read_text(encoding="utf-8").count("BEGIN:VCARD") == 40
    assert not dialog.isVisible()
    assert "Exported 40 contacts" in sample_ui.window.statusBar().currentMessage()


def test_export_error_is_shown_and_the_dialog_stays_open(sample_ui, tmp_path) -> None:
    from PySide6.QtWidgets import QLabel

    from tests.ui.driver import find

    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("x", encoding="utf-8")
    sample_ui.export_contacts()
    dialog = sample_ui.export_dialog
    assert dialog.export_to(not_a_folder / "contacts.vcf")
    assert dialog.wait(10_000)
    error = find(dialog, QLabel, "fieldError")
    assert error.isVisible() and "could not write" in error.text()
    assert dialog.isVisible() and find(dialog, QPushButton, "exportButton").isEnabled()
    assert not_a_folder.read_text(encoding="utf-8") == "x"
