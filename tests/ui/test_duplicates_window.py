"""The Duplicates view in the real window: badge, merge as one undo step, "Not the same"."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QRadioButton, QWidget

from netdesk.actions.contacts import CreateContact
from netdesk.domain.contact import Contact, LabeledValue
from tests.ui.driver import run


def _add(parts, name: str, email: str, **fields):  # noqa: ANN001, ANN202
    contact = Contact(display_name=name, emails=[LabeledValue(email)], **fields)
    return run(parts, CreateContact(parts.contacts, contact)).created


def _pairs(view) -> list[tuple[str, str]]:  # noqa: ANN001
    model = view.table.model()
    return [(model.data(model.index(r, 2)), model.data(model.index(r, 3)))
            for r in range(model.rowCount())]


def test_duplicates_view_badge_merge_undo_and_not_same(window, ui, parts, qtbot) -> None:
    amara = _add(parts, "Amara Okafor", "amara@okafor.example", title="CTO")
    twin = _add(parts, "A. Okafor", "AMARA@okafor.example", title="Founder")
    _add(parts, "Jonas Weber", "jonas@weber.example")
    _add(parts, "Jonas Weber", "jonas@weber.example")
    _add(parts, "Ben Stone", "ben@stone.example")
    view = ui.duplicates_view
    ui.action("goDuplicatesAction").trigger()  # shown: finds again (off the GUI thread)
    assert window.view_stack.currentWidget() is view
    qtbot.waitUntil(lambda: window.view_badge(view) == (2, False), timeout=20000)
    qtbot.waitUntil(lambda: len(_pairs(view)) == 2 and not view.is_busy(), timeout=20000)
    row = _pairs(view).index(("Amara Okafor", "A. Okafor"))
    view.table.selectRow(row)

    def answer_merge_dialog() -> None:  # the user at the modal per-field dialog
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "mergeDialog"
        dialog.findChild(QRadioButton, "pick_title_0").setChecked(True)  # keep "CTO"
        dialog.accept()

    QTimer.singleShot(0, answer_merge_dialog)
    qtbot.mouseClick(view.findChild(QWidget, "mergeButton"), Qt.MouseButton.LeftButton)
    assert parts.contacts.count() == 4
    assert parts.contacts.get(amara.id).title == "CTO"
    assert ui.action("undoAction").text() == "Undo Merge 1 contact into Amara Okafor"
    qtbot.waitUntil(lambda: window.view_badge(view) == (1, False) and not view.is_busy(),
                    timeout=20000)
    qtbot.waitUntil(lambda: ui.model.total_count() == 4)

    ui.undo()  # Ctrl+Z: both back, with their ids
    assert {c.id: c.title for c in parts.contacts.get_many([amara.id, twin.id])} == {
        amara.id: "CTO", twin.id: "Founder"}
    qtbot.waitUntil(lambda: window.view_badge(view) == (2, False) and not view.is_busy(),
                    timeout=20000)
    qtbot.waitUntil(lambda: ui.model.total_count() == 5)

    view.table.selectRow(_pairs(view).index(("Jonas Weber", "Jonas Weber")))
    window.activateWindow()
    view.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.table)
    qtbot.keyClick(view.table, Qt.Key.Key_N)  # N: not the same
    assert window.view_badge(view) == (1, False)
    view.refresh()  # remembered: finding again does not bring them back
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=20000)
    assert _pairs(view) == [("Amara Okafor", "A. Okafor")]
    assert not any(isinstance(w, QDialog) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_an_import_updates_the_badge_without_opening_the_view(window, ui, parts, qtbot,
                                                               tmp_path) -> None:
    view = ui.duplicates_view
    qtbot.waitUntil(lambda: window.is_warm() and not view.is_busy(), timeout=20000)
    assert window.view_badge(view) == (0, False)
    cards = tmp_path / "phone.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Amara Okafor\r\nEMAIL:amara.okafor@gmail.com\r\n"
        "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Amara Okafor\r\n"
        "EMAIL:amaraokafor@gmail.com\r\nEND:VCARD\r\n", encoding="utf-8")
    ui.import_files([str(cards)])
    qtbot.waitUntil(lambda: not ui.import_dialog.is_running(), timeout=20000)
    assert parts.contacts.count() == 2  # the importer kept both (no shared strong key)
    assert window.view_stack.currentWidget() is not view
    qtbot.waitUntil(lambda: window.view_badge(view)[0] == 1, timeout=20000)


def test_import_report_says_who_was_merged_into_whom(window, ui, parts, qtbot,
                                                     tmp_path) -> None:
    cards = tmp_path / "export.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Amara Okafor\r\nEMAIL:amara@okafor.example\r\n"
        "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:A. Okafor\r\nTITLE:CTO\r\n"
        "EMAIL:AMARA@okafor.example\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\n"
        "FN:Ben Stone\r\nEMAIL:ben@stone.example\r\nEND:VCARD\r\n", encoding="utf-8")
    ui.import_files([str(cards)])
    dialog = ui.import_dialog
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=20000)
    assert (dialog.report.created, dialog.report.merged) == (2, 1)
    assert "1 merged with another card" in dialog.status.text()
    assert dialog.details.toPlainText().splitlines() == [
        "“A. Okafor” merged into “Amara Okafor” (the same person twice in the import)"]


def _two_pairs_shown(window, ui, parts, qtbot):  # noqa: ANN001, ANN202
    _add(parts, "Amara Okafor", "amara@okafor.example")
    _add(parts, "A. Okafor", "AMARA@okafor.example")
    _add(parts, "Jonas Weber", "jonas@weber.example")
    _add(parts, "Jonas Weber", "jonas@weber.example")
    view = ui.duplicates_view
    qtbot.waitUntil(window.is_warm, timeout=20000)
    ui.action("goDuplicatesAction").trigger()
    qtbot.waitUntil(lambda: len(_pairs(view)) == 2 and not view.is_busy(), timeout=20000)
    return view


def test_duplicates_keys_work_anywhere_in_the_view(window, ui, parts, qtbot) -> None:
    view = _two_pairs_shown(window, ui, parts, qtbot)
    window.activateWindow()
    sidebar = window.sidebar  # where the focus is after choosing the view with the mouse
    sidebar.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is sidebar)
    assert sidebar.objectName() == "tagList" and not view.isAncestorOf(sidebar)
    row = view.table.currentIndex().row()
    qtbot.keyClick(sidebar, Qt.Key.Key_S)  # S: skip to the next pair, from the sidebar too
    assert view.table.currentIndex().row() == (row + 1) % 2
    skip = view.findChild(QWidget, "skipButton")
    skip.setFocus()  # on a button (a child of the view), the single keys still work
    qtbot.waitUntil(lambda: QApplication.focusWidget() is skip)
    first = _pairs(view)[view.table.currentIndex().row()]
    qtbot.keyClick(skip, Qt.Key.Key_S)  # S: skip to the next pair
    assert _pairs(view)[view.table.currentIndex().row()] != first
    asked: list[int] = []

    def cancel_merge_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        asked.append(1)
        assert dialog is not None and dialog.objectName() == "mergeDialog"
        dialog.reject()

    QTimer.singleShot(0, cancel_merge_dialog)
    qtbot.keyClick(skip, Qt.Key.Key_M)  # M: the merge dialog (cancelled: nothing merged)
    assert asked == [1] and parts.contacts.count() == 4
    merge = view.findChild(QWidget, "mergeButton")
    window.activateWindow()
    merge.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is merge)
    qtbot.keyClick(merge, Qt.Key.Key_N)  # N: not the same
    assert len(_pairs(view)) == 1
    assert window.view_badge(view) == (1, False)


def test_f5_in_the_duplicates_view_is_the_window_s_sync_not_an_ambiguous_key(
        window, ui, parts, qtbot) -> None:
    view = _two_pairs_shown(window, ui, parts, qtbot)
    window.activateWindow()
    view.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.table)
    synced: list[int] = []
    ui.action("syncAction").triggered.connect(lambda: synced.append(1))
    qtbot.keyClick(view.table, Qt.Key.Key_F5)
    assert synced == [1]  # the window's Sync: not swallowed as an ambiguous key


def test_the_single_keys_do_nothing_while_another_view_is_shown(window, ui, parts,
                                                                 qtbot) -> None:
    view = _two_pairs_shown(window, ui, parts, qtbot)
    ui.action("goAllContactsAction").trigger()
    window.activateWindow()
    ui.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ui.table)
    qtbot.keyClick(ui.table, Qt.Key.Key_N)  # would be "Not the same" in the Duplicates view
    assert len(_pairs(view)) == 2 and window.view_badge(view) == (2, False)


def test_the_pairs_table_fills_the_view_width(window, ui, parts, qtbot, tmp_path) -> None:
    view = _two_pairs_shown(window, ui, parts, qtbot)
    window.resize(1200, 700)
    qtbot.waitUntil(lambda: view.table.viewport().width() > 700)
    header = view.table.horizontalHeader()
    used = sum(header.sectionSize(c) for c in range(header.count()))
    assert abs(used - view.table.viewport().width()) <= 2
    names = header.sectionSize(2)
    window.resize(1500, 700)
    qtbot.waitUntil(lambda: header.sectionSize(2) > names)  # wider window, wider names
    assert view.grab().save(str(tmp_path / "duplicates-view.png"))


def test_the_finder_steps_aside_while_the_gui_thread_is_busy(window, ui, qtbot) -> None:
    import threading
    import time

    view = ui.duplicates_view
    qtbot.waitUntil(lambda: window.is_warm() and not view.is_busy(), timeout=20000)
    pace = view.gui_first_pace()  # what the finder's thread calls every ~1,000 steps
    waited: list[float] = []

    def finder_step() -> None:
        time.sleep(0.1)  # meanwhile the GUI thread is busy (below)
        began = time.monotonic()
        pace()
        waited.append(time.monotonic() - began)

    worker = threading.Thread(target=finder_step)
    worker.start()
    time.sleep(0.8)  # the GUI thread busy: no event loop, so no heartbeat
    qtbot.wait(200)  # back in the event loop: the heartbeat goes on, the finder too
    worker.join(5)
    assert waited and waited[0] >= 0.5  # it waited for the GUI thread

    worker = threading.Thread(target=finder_step)
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=5000)  # an idle event loop
    assert waited[1] < 0.3  # no (real) waiting while the GUI thread is idle
