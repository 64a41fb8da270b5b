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
    written = (tmp_path / "investors.vcf").read_text(encoding="utf-8")
    assert written.count("BEGIN:VCARD") == 4
    assert "VERSION:4.0" in written

    w.select_tag(None)
    w.table.selectRow(3)
    w.export_contacts()
    dialog = w.export_dialog
    dialog.selected_radio.setChecked(True)
    assert dialog.export_to(tmp_path / "one.vcf")
    assert (tmp_path / "one.vcf").read_text(encoding="utf-8").count("BEGIN:VCARD") == 1
