"""The real window from create_window over a temporary data dir, driven like a user would."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from netdesk.actions.activity import LogInteraction
from netdesk.actions.contacts import CreateContact
from netdesk.domain.contact import Contact
from netdesk.domain.text import fold
from netdesk.ui.contacts_list import FIRST_RUN_PAGE, NO_RESULTS_PAGE, TABLE_PAGE
from netdesk.ui.contacts_model import (
    COLUMNS,
    CONTACT_ID,
    EMAIL,
    LAST_CONTACT,
    NAME,
    NEXT_DUE,
    ORG,
    PHONE,
    TAGS,
    TITLE,
)
from tests.ui.driver import Ui


def names(ui: Ui) -> list[str]:
    return ui.names()


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, non-ASCII included (qtbot.keyClicks aborts on it)."""
    for ch in text:
        QApplication.sendEvent(
            widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                              Qt.KeyboardModifier.NoModifier, ch))


def select_name(ui: Ui, name: str) -> int:
    return ui.select_name(name)


def test_widgets_carry_object_names(ui, parts) -> None:
    assert isinstance(ui.window.findChild(QLineEdit, "searchEdit"), QLineEdit)
    assert isinstance(ui.window.findChild(QTableView, "contactsTable"), QTableView)
    for name in ("tagList", "detailPane", "importButton", "exportButton", "newButton",
                 "emptyState", "noResultsState", "viewStack"):
        assert ui.window.findChild(QWidget, name) is not None, name


def test_first_run_offers_import_and_sample_contacts(ui, parts, qtbot, monkeypatch) -> None:
    assert ui.list_stack.currentIndex() == FIRST_RUN_PAGE
    asked = []
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileNames",
                        lambda *a, **k: (asked.append(1) or [], ""))
    qtbot.mouseClick(ui.window.findChild(QPushButton, "emptyImportButton"),
                     Qt.MouseButton.LeftButton)
    assert asked == [1]
    qtbot.mouseClick(ui.window.findChild(QPushButton, "sampleContactsButton"),
                     Qt.MouseButton.LeftButton)
    assert ui.model.rowCount() == 40
    assert parts.contacts.count() == 40
    assert ui.list_stack.currentIndex() == TABLE_PAGE
    assert ui.count_label.text() == "40 contacts"


def test_search_filters_and_clearing_brings_everyone_back(sample_ui, parts, qtbot) -> None:
    w = sample_ui
    w.search_edit.setFocus()
    qtbot.keyClicks(w.search_edit, "amara")
    assert names(w) == ["Amara Okafor"]
    w.search_edit.clear()
    assert w.model.rowCount() == 40
    type_text(w.search_edit, "chloé")
    assert names(w) == ["Chloé Durand"]
    qtbot.keyClick(w.search_edit, Qt.Key.Key_Escape)
    assert w.search_edit.text() == ""
    assert w.model.rowCount() == 40


def test_search_without_results_shows_a_helpful_state(sample_ui, parts, qtbot) -> None:
    w = sample_ui
    qtbot.keyClicks(w.search_edit, "zzqx")
    assert w.list_stack.currentIndex() == NO_RESULTS_PAGE
    title = w.window.findChild(QLabel, "noResultsStateTitle")
    assert title.text() == "No contacts match “zzqx”"
    qtbot.mouseClick(w.window.findChild(QPushButton, "clearSearchButton"),
                     Qt.MouseButton.LeftButton)
    assert w.list_stack.currentIndex() == TABLE_PAGE
    assert w.model.rowCount() == 40


def test_table_starts_sorted_by_name_ascending_and_sorts_both_ways(sample_ui, parts, qtbot) -> None:
    w = sample_ui
    header = w.table.horizontalHeader()
    assert header.sortIndicatorSection() == NAME
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert names(w) == sorted(names(w), key=str.casefold)
    w.table.sortByColumn(NAME, Qt.SortOrder.DescendingOrder)
    assert names(w) == sorted(names(w), key=str.casefold, reverse=True)
    # A click on the Organisation header sorts by it; a second click flips the order.
    x = header.sectionViewportPosition(ORG) + 10
    orgs = lambda: [w.model.summary(r).org for r in range(w.model.rowCount())]  # noqa: E731
    for _ in range(2):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(x, 5))
        order = header.sortIndicatorOrder()
        filled = [o for o in orgs() if o]
        assert header.sortIndicatorSection() == ORG
        assert filled == sorted(filled, key=fold,
                                reverse=order == Qt.SortOrder.DescendingOrder)
        assert orgs()[-1] == ""  # freelancers without an organisation sort last either way


def test_tag_in_sidebar_filters_the_table(sample_ui, parts) -> None:
    w = sample_ui
    w.select_tag("recruiter")
    assert 0 < w.model.rowCount() < 40
    assert all("recruiter" in w.model.summary(r).tags for r in range(w.model.rowCount()))
    w.select_tag(None)
    assert w.model.rowCount() == 40


def test_selection_shows_the_contact_in_the_detail_pane(sample_ui, parts) -> None:
    w = sample_ui
    select_name(w, "Priya Raman")
    assert w.detail.name_label.text() == "Priya Raman"
    subtitle = w.detail.findChild(QLabel, "detailSubtitle")
    assert subtitle.text() == "Senior Technical Recruiter · TalentBridge"


def test_edit_and_save_updates_table_detail_and_store(sample_ui, parts, qtbot) -> None:
    w = sample_ui
    cid = select_name(w, "Kenji Watanabe")
    w.table.setFocus()
    qtbot.keyClick(w.table, Qt.Key.Key_Return)
    editor = w.editor
    assert editor is not None and editor.isVisible()
    editor.org_edit.setText("Kumo Data GmbH")
    qtbot.mouseClick(editor.buttons.button(editor.buttons.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.editor is None)
    row = w.model.row_of(cid)
    assert w.model.index(row, ORG).data() == "Kumo Data GmbH"
    assert w.selected_contact_ids() == [cid]
    assert "Kumo Data GmbH" in w.detail.findChild(QLabel, "detailSubtitle").text()
    assert parts.contacts.get(cid).org == "Kumo Data GmbH"
    # Edits are undoable too.
    w.undo()
    assert parts.contacts.get(cid).org == "Kumo Analytics"
    assert w.model.index(w.model.row_of(cid), ORG).data() == "Kumo Analytics"


def test_double_click_opens_the_editor(sample_ui, parts, qtbot) -> None:
    w = sample_ui
    rect = w.table.visualRect(w.model.index(2, NAME))
    qtbot.mouseClick(w.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(w.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.editor is not None
    assert w.editor.original.id == w.model.summary(2).id
    w.editor.reject()


def test_validation_message_appears_next_to_the_field(sample_ui, parts, qtbot) -> None:
    w = sample_ui
    w.table.setFocus()
    qtbot.keyClick(w.window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = w.editor
    assert editor is not None and editor.original.id is None
    editor.given_edit.setText("Nina")
    editor.emails.value_edit(0) or editor.emails.add_row()
    editor.emails.add_row("not-an-address")
    assert not editor.try_save()
    assert editor.isVisible()
    assert editor.emails.error.isVisible()
    assert "not-an-address" in editor.emails.error.text()
    assert parts.contacts.count() == 40
    editor.emails.set_values([])
    assert editor.try_save()
    assert parts.contacts.count() == 41
    assert "Nina" in [w.model.summary(r).name for r in range(w.model.rowCount())]


def test_delete_key_deletes_and_ctrl_z_brings_back_the_same_id(sample_ui, parts, qtbot) -> None:
    w = sample_ui
    cid = select_name(w, "Mei Chen")
    w.table.setFocus()
    qtbot.keyClick(w.table, Qt.Key.Key_Delete)
    assert parts.contacts.count() == 39
    assert w.model.row_of(cid) == -1
    assert "Mei Chen" not in names(w)
    qtbot.keyClick(w.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert parts.contacts.count() == 40
    assert w.model.row_of(cid) >= 0
    assert parts.contacts.get(cid).display_name == "Mei Chen"
    assert w.selected_contact_ids() == [cid]


def test_names_are_shown_as_plain_text(sample_ui, parts) -> None:
    w = sample_ui
    command = CreateContact(parts.contacts, Contact(display_name="<b>Bold</b> <i>Person</i>",
                                                    notes="<img src='x'> & more"))
    assert parts.runner.run(command).ok
    created = command.created
    w.show_contact(created.id)
    name = w.detail.name_label
    assert name.text() == "<b>Bold</b> <i>Person</i>"
    assert name.textFormat() == Qt.TextFormat.PlainText
    notes = w.detail.findChild(QLabel, "detailNotes")
    assert notes.textFormat() == Qt.TextFormat.PlainText
    assert notes.text() == "<img src='x'> & more"
    row = w.model.row_of(created.id)
    assert w.model.index(row, NAME).data() == "<b>Bold</b> <i>Person</i>"


def test_keyboard_shortcuts(sample_ui, parts, qtbot) -> None:
    w = sample_ui
    w.table.setFocus()
    qtbot.keyClick(w.window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert w.search_edit.hasFocus()
    qtbot.keyClicks(w.search_edit, "ravi")
    qtbot.keyClick(w.search_edit, Qt.Key.Key_Down)
    assert w.table.hasFocus()
    assert [w.model.summary(0).name] == ["Ravi Kulkarni"]
    assert w.selected_contact_ids() == [w.model.summary(0).id]


def test_extension_points_views_actions_and_show_contact(sample_ui, parts, qtbot) -> None:
    w = sample_ui
    today = QLabel("today")
    w.window.add_view("Today", today, first=True)
    assert w.sidebar.model().index(0, 0).data() == "Today"
    w.window.show_view(today)
    assert w.view_stack.currentWidget() is today
    seen = []
    action = QAction("Log interaction", w.window)
    action.triggered.connect(lambda: seen.append(w.selected_contact_ids()))
    w.window.add_contact_action(action)
    qtbot.keyClicks(w.search_edit, "zzz")
    target = parts.contacts.search_ids("lukas")[0]
    w.show_contact(target)
    assert w.view_stack.currentWidget() is w.contacts_page
    assert w.search_edit.text() == ""
    assert w.selected_contact_ids() == [target]
    action.trigger()
    assert seen == [[target]]


def test_geometry_splitters_and_columns_are_remembered(qtbot, data_dir) -> None:
    from netdesk.app import create_window

    first = Ui(create_window(data_dir))
    qtbot.addWidget(first.window)
    first.window.show()
    first.window.resize(780, 520)  # the offscreen screen is 800x600
    first.table.setColumnWidth(ORG, 321)
    first.window.close()
    assert (data_dir / "netdesk-ui.ini").exists()
    second = Ui(create_window(data_dir))
    qtbot.addWidget(second.window)
    second.window.show()
    assert second.table.columnWidth(ORG) == 321
    assert (second.window.size().width(), second.window.size().height()) == (780, 520)
    assert second.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    second.window.close()


def test_context_menu_ids_role(sample_ui, parts) -> None:
    w = sample_ui
    index = w.model.index(0, NAME)
    assert isinstance(index.data(CONTACT_ID), int)


def _laptop_sized(ui: Ui, qtbot) -> None:  # noqa: ANN001
    # The offscreen screen is 800x600; make the window the size the defaults are made for.
    ui.window.setMinimumSize(1200, 760)
    ui.window.resize(1200, 760)
    qtbot.waitUntil(lambda: ui.table.viewport().width() > 500)


def test_default_columns_fit_beside_the_detail_pane(sample_ui, parts, qtbot) -> None:
    w = sample_ui
    _laptop_sized(w, qtbot)
    w.show_contact(parts.contacts.search_ids("amara")[0])
    assert w.detail.isVisible() and w.detail.width() >= 330
    header = w.table.horizontalHeader()
    viewport = w.table.viewport().width()
    for column in (NAME, ORG, EMAIL, PHONE, LAST_CONTACT, NEXT_DUE):
        assert w.is_column_visible(column), COLUMNS[column]
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert right <= viewport, COLUMNS[column]
    assert not w.is_column_visible(TITLE) and not w.is_column_visible(TAGS)




def test_columns_shown_and_hidden_from_the_menu_are_remembered(qtbot, data_dir) -> None:
    from netdesk.app import create_window

    first = Ui(create_window(data_dir))
    qtbot.addWidget(first.window)
    first.window.show()
    actions = {a.text(): a for a in first.columns_menu.actions()}
    first.columns_menu.aboutToShow.emit()
    assert not actions["Title"].isChecked() and actions["Phone"].isChecked()
    assert not actions["Name"].isEnabled()  # a row without its name says nothing
    actions["Title"].trigger()
    actions["Phone"].trigger()
    assert first.is_column_visible(TITLE) and not first.is_column_visible(PHONE)
    first.window.close()

    second = Ui(create_window(data_dir))
    qtbot.addWidget(second.window)
    second.window.show()
    assert second.is_column_visible(TITLE)
    assert not second.is_column_visible(PHONE)
    second.columns_menu.aboutToShow.emit()
    assert {a.text(): a.isChecked() for a in second.columns_menu.actions()}["Phone"] is False
    # Reset brings the defaults back (and remembers them too).
    next(a for a in second.columns_menu.actions() if a.text() == "Reset columns").trigger()
    assert second.is_column_visible(PHONE) and not second.is_column_visible(TITLE)
    second.window.close()


def test_header_context_menu_offers_the_columns(ui, parts, qtbot, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(ui.columns_menu, "popup", shown.append)
    header = ui.table.horizontalHeader()
    header.customContextMenuRequested.emit(QPoint(10, 5))
    assert len(shown) == 1


def test_activity_has_room_under_the_selected_contact(sample_ui, parts, qtbot) -> None:
    w = sample_ui
    _laptop_sized(w, qtbot)
    timeline = w.window.findChild(QWidget, "interactionTimeline")
    w.table.clearSelection()
    assert not timeline.isVisible()  # no contact, no activity header with dead buttons
    w.show_contact(parts.contacts.search_ids("amara")[0])
    total = w.detail_splitter.height()
    qtbot.waitUntil(lambda: timeline.isVisible() and timeline.height() >= 0.3 * total)
    assert w.detail.height() >= 0.5 * total
    assert w.window.findChild(QLabel, "timelineTitle").text() == "Activity"


def test_empty_activity_says_what_to_do(sample_ui, parts, qtbot) -> None:
    w = sample_ui
    w.show_contact(parts.contacts.search_ids("fatima")[0])  # no sample activity for her
    empty = w.window.findChild(QLabel, "timelineEmpty")
    qtbot.waitUntil(empty.isVisible)
    assert "log it here" in empty.text()


def test_logging_contact_updates_that_row_without_a_reload(ui, parts, qtbot) -> None:
    create = CreateContact(parts.contacts, Contact(display_name="Ada Lovelace"))
    parts.runner.run(create)
    ada = create.created
    reloads = []
    ui.model.modelReset.connect(lambda: reloads.append(True))
    parts.runner.run(LogInteraction(parts.activity, ada.id, "call", "engines"))
    row = ui.model.row_of(ada.id)
    assert ui.model.summary(row).last_contact is not None
    assert reloads == []  # one row updated in place, not the whole table re-read
