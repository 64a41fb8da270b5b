"""The real window as the tests see it: widgets and controllers found by objectName, so the
window's inner structure can change without the tests having to follow it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QWidget,
)


def find(parent: QObject, kind: type, name: str):  # noqa: ANN201
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name!r}"
    return found


class Ui:
    def __init__(self, window: QWidget) -> None:
        self.window = window

    # -- widgets -----------------------------------------------------------------------------
    @property
    def table(self) -> QTableView:
        return find(self.window, QTableView, "contactsTable")

    @property
    def model(self):  # noqa: ANN201
        return self.table.model()

    @property
    def search_edit(self) -> QLineEdit:
        return find(self.window, QLineEdit, "searchEdit")

    @property
    def list_stack(self) -> QStackedWidget:
        return find(self.window, QStackedWidget, "listStack")

    @property
    def view_stack(self) -> QStackedWidget:
        return find(self.window, QStackedWidget, "viewStack")

    @property
    def count_label(self) -> QLabel:
        return find(self.window, QLabel, "countLabel")

    @property
    def detail(self):  # noqa: ANN201
        self.settle()
        return find(self.window, QWidget, "detailPane")

    def settle(self, timeout_s: float = 5.0) -> None:
        """Let the window finish what follows a change in the next event-loop turns, as a
        user sees it a frame later: the detail pane shows the selection in a turn of its
        own, and a change to many contacts reaches the table over a few turns."""
        import time

        from PySide6.QtWidgets import QApplication

        detail = self.controller("detailController")
        end = time.monotonic() + timeout_s
        while detail.is_pending() or self.contacts_list.is_applying():
            assert time.monotonic() < end, "the window never settled"
            QApplication.processEvents()

    @property
    def detail_splitter(self) -> QSplitter:
        return find(self.window, QSplitter, "detailSplitter")

    @property
    def contacts_page(self) -> QSplitter:
        return find(self.window, QSplitter, "contactsSplitter")

    @property
    def today(self):  # noqa: ANN201
        return find(self.window, QWidget, "todayView")

    @property
    def today_table(self) -> QTableView:
        return find(self.window, QTableView, "followUpsTable")

    @property
    def duplicates_view(self):  # noqa: ANN201
        return find(self.window, QWidget, "duplicatesView")

    @property
    def timeline(self):  # noqa: ANN201
        self.settle()
        return find(self.window, QWidget, "interactionTimeline")

    @property
    def sidebar(self) -> QListView:
        return find(self.window, QListView, "tagList")

    @property
    def columns_menu(self) -> QMenu:
        return find(self.window, QMenu, "columnsMenu")

    @property
    def view_menu(self) -> QMenu:
        return find(self.window, QMenu, "viewMenu")

    def detail_links(self) -> list[QLabel]:
        """The openable addresses (e-mail, phone, web) the detail pane shows, top to bottom."""
        links = self.detail.findChildren(QLabel, "detailLink")
        return sorted(links, key=lambda w: w.mapTo(self.detail, w.rect().topLeft()).y())

    def detail_texts(self) -> list[str]:
        """Every label's whole text in the detail pane (an elided value's full text)."""
        return [w.full_text() if hasattr(w, "full_text") else w.text()
                for w in self.detail.findChildren(QLabel)]

    @property
    def timeline_list(self) -> QListWidget:
        self.settle()
        return find(self.window, QListWidget, "interactionsList")

    def timeline_entries(self) -> list:
        """The timeline's entries (FollowUp / Interaction), top to bottom."""
        self.settle()
        return self.timeline.entries()

    def set_current_entry(self, entry_id: int, kind: type) -> None:
        """Make the timeline entry of ``kind`` with ``entry_id`` current, with focus."""
        rows = [r for r, e in enumerate(self.timeline_entries())
                if isinstance(e, kind) and e.id == entry_id]
        assert rows, f"no {kind.__name__} {entry_id} in the timeline"
        self.timeline_list.setCurrentRow(rows[0])
        self.timeline_list.setFocus()

    def dialog(self, name: str) -> QWidget:
        """The open dialog or message box named ``name`` (anywhere under the window)."""
        shown = [w for w in self.window.findChildren(QWidget, name) if w.isVisible()]
        assert shown, f"no open dialog named {name!r}"
        return shown[-1]

    def status_text(self) -> str:
        return self.window.statusBar().currentMessage()

    def sidebar_tags(self) -> dict[str, int]:
        """The tags the sidebar lists, with the count it shows."""
        from netdesk.ui.tags_model import COUNT, KEY, KIND, TAG

        model = self.sidebar.model()
        indexes = [model.index(r, 0) for r in range(model.rowCount())]
        return {i.data(KEY): i.data(COUNT) for i in indexes if i.data(KIND) == TAG}

    def tag_menu(self, tag: str) -> QMenu:
        """The sidebar's right-click menu of ``tag`` (not shown)."""
        return self.controller("tagsController").tag_menu(tag)

    def today_badge(self) -> int:
        """The count the sidebar shows on Today (0: none)."""
        return self.window.view_badge(self.today)[0]

    def action(self, name: str) -> QAction:
        return find(self.window, QAction, name)

    @property
    def toolbar(self) -> QToolBar:
        return find(self.window, QToolBar, "mainToolbar")

    def toolbar_button(self, name: str) -> QWidget:
        return find(self.toolbar, QWidget, name)

    # -- controllers -------------------------------------------------------------------------
    def controller(self, name: str):  # noqa: ANN201
        return find(self.window, QObject, name)

    @property
    def contacts_list(self):  # noqa: ANN201
        return self.controller("contactsList")

    @property
    def editor(self):  # noqa: ANN201
        return self.controller("editorController").editor

    @property
    def import_dialog(self):  # noqa: ANN201
        return self.controller("transferController").import_dialog

    @property
    def csv_dialog(self):  # noqa: ANN201
        return self.controller("transferController").csv_dialog

    @property
    def export_dialog(self):  # noqa: ANN201
        return self.controller("transferController").export_dialog

    # -- what a user does --------------------------------------------------------------------
    def names(self) -> list[str]:
        m = self.model
        return [m.summary(r).name for r in range(m.rowCount())]

    def selected_contact_ids(self) -> list[int]:
        return self.contacts_list.selected_ids()

    def select_name(self, name: str) -> int:
        row = self.names().index(name)
        # Through the selection model: QTableView.selectRow reads the keyboard modifiers of
        # the last key event (a Ctrl+Shift+Z just sent would make it toggle, not select).
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
        return self.model.summary(row).id

    def show_contact(self, contact_id: int) -> None:
        self.contacts_list.show_contact(contact_id)
        self.settle()

    def select_tag(self, tag: str | None) -> None:
        self.window.select_tag(tag)

    def is_column_visible(self, column: int) -> bool:
        return self.table.is_column_visible(column)

    def add_sample_contacts(self) -> None:
        self.action("sampleAction").trigger()

    def import_files(self, paths: list[str]) -> None:
        self.controller("transferController").import_files(paths)

    def drop_files(self, paths: list) -> bool:
        """Drag ``paths`` onto the window and drop them; whether the drag was accepted."""
        from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
        from PySide6.QtGui import QDragEnterEvent, QDropEvent
        from PySide6.QtWidgets import QApplication

        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
        # QDragEnterEvent takes an integer QPoint (6.11 refuses a QPointF); QDropEvent a QPointF.
        enter = QDragEnterEvent(QPoint(300, 300), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(self.window, enter)
        drop = QDropEvent(QPointF(300, 300), Qt.DropAction.CopyAction, mime,
                          Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(self.window, drop)
        return enter.isAccepted()

    def export_contacts(self) -> None:
        self.action("exportAction").trigger()

    def undo(self) -> None:
        self.action("undoAction").trigger()

    def redo(self) -> None:
        self.action("redoAction").trigger()


def form_labels(widget: QWidget) -> list[str]:
    """The texts of the row labels of every form layout in ``widget`` (a dialog's fields)."""
    from PySide6.QtWidgets import QFormLayout

    texts = []
    for form in widget.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                texts.append(label.text())
    return texts


def run(parts, command):  # noqa: ANN001, ANN201
    """Make a change the way the window does (through the runner); returns the command."""
    outcome = parts.runner.run(command)
    assert outcome.ok, outcome.message
    return command


def count_calls(calls: dict[str, int], obj, name: str) -> None:  # noqa: ANN001
    """Count the calls of ``obj.name`` in ``calls[name]`` (it still does its work): how
    many times a view re-read after one change."""
    real = getattr(obj, name)

    def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls[name] += 1
        return real(*args, **kwargs)

    setattr(obj, name, wrapper)
