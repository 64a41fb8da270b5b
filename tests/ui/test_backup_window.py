"""File → Backup… and File → Export calendar… through the real window: a save dialog with a
dated name, the work off the GUI thread, the file written, a clear error on a bad place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from tests.ui.driver import find


def choose_file(window, qtbot, name: str, path: Path) -> None:  # noqa: ANN001
    dialog = find(window, QFileDialog, name)
    qtbot.waitExposed(dialog)
    dialog.selectFile(str(path))
    dialog.accept()


def wait_done(window, qtbot) -> None:  # noqa: ANN001
    controller = window.findChild(QObject, "backupController")
    qtbot.waitUntil(lambda: controller.job is None, timeout=10_000)


def test_both_are_in_the_file_menu(window, ui) -> None:
    names = [a.objectName() for a in find(window, QMenu, "fileMenu").actions()]
    assert names.index("exportAction") < names.index("backupAction") \
        < names.index("exportCalendarAction") < names.index("quitAction")


def test_backup_writes_a_copy_with_a_dated_default_name(sample_window, ui, qtbot,
                                                        tmp_path) -> None:
    window = sample_window
    ui.action("backupAction").trigger()
    dialog = find(window, QFileDialog, "backupFileDialog")
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    default = Path(dialog.selectedFiles()[0]).name
    assert default.startswith("netdesk-backup-20") and default.endswith(".sqlite3")
    target = tmp_path / "out" / default
    target.parent.mkdir()
    choose_file(window, qtbot, "backupFileDialog", target)
    wait_done(window, qtbot)
    con = sqlite3.connect(target)
    assert con.execute("SELECT count(*) FROM contacts").fetchone() == (40,)
    con.close()
    assert str(target) in window.statusBar().currentMessage()


def test_backup_to_a_place_that_cannot_be_written_says_so(window, ui, qtbot,
                                                          tmp_path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    ui.action("backupAction").trigger()
    choose_file(window, qtbot, "backupFileDialog", blocker / "backup.sqlite3")
    wait_done(window, qtbot)
    box = find(window, QMessageBox, "errorBox")
    qtbot.waitExposed(box)
    assert "could not write the backup" in box.text()
    assert blocker.read_text() == "not a folder"
    box.accept()


def test_export_calendar_writes_the_follow_ups(sample_window, ui, qtbot, tmp_path) -> None:
    window = sample_window
    ui.action("exportCalendarAction").trigger()
    target = tmp_path / "follow-ups"  # no suffix: .ics is added
    choose_file(window, qtbot, "calendarFileDialog", target)
    wait_done(window, qtbot)
    text = (tmp_path / "follow-ups.ics").read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR") and "BEGIN:VTODO" in text
    assert "calendar entries" in window.statusBar().currentMessage()
