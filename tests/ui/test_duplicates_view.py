"""DuplicatesView and MergeDialog on a real store (offscreen Qt)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from netdesk.domain.contact import Contact, LabeledValue
from netdesk.services.duplicates import DuplicateService
from netdesk.services.merge import MergeService
from netdesk.store.contacts import ContactRepository
from netdesk.ui.duplicates_view import DuplicatesView
from netdesk.ui.merge_dialog import MergeDialog


def add(database, *contacts: Contact) -> list[int]:
    with database.engine.begin() as conn:
        return ContactRepository(conn).add_many(contacts)


@pytest.fixture
def people(database) -> list[int]:
    return add(
        database,
        Contact("Amara Okafor", title="CTO", emails=[LabeledValue("amara@okafor.example")]),
        Contact("A. Okafor", title="Engineer", emails=[LabeledValue("AMARA@okafor.example")]),
        Contact("Jonas Weber", phones=[LabeledValue("+49 30 1234567")]),
        Contact("Weber, Jonas", phones=[LabeledValue("030 1234567")]),
        Contact("Ben Stone", emails=[LabeledValue("ben@stone.example")]),
    )


def make_view(qtbot, database, contact_service, chosen: list) -> DuplicatesView:
    def choose(contacts, parent):  # stands in for the user at the modal dialog
        chosen.append([c.id for c in contacts])
        return {"title": 1}

    view = DuplicatesView(
        DuplicateService(database, "DE"), MergeService(database), contact_service, choose
    )
    qtbot.addWidget(view)
    view.show()
    return view


def test_view_finds_pairs_off_the_gui_thread_and_merges(qtbot, database, contact_service, people):
    chosen: list = []
    view = make_view(qtbot, database, contact_service, chosen)
    with qtbot.waitSignal(view.countChanged, timeout=10000) as counted:
        view.refresh()
    assert counted.args == [2]
    table = view.findChild(type(view.table), "duplicatesTable")
    model = table.model()

    def cell(row: int, col: int) -> str:
        return model.data(model.index(row, col))

    names = {(cell(r, 2), cell(r, 3)) for r in range(model.rowCount())}
    assert names == {("Amara Okafor", "A. Okafor"), ("Jonas Weber", "Weber, Jonas")}

    table.selectRow(0)
    keep, other = (contact_service.resolve(cell(0, col)).id for col in (2, 3))
    with qtbot.waitSignal(view.merged) as merged:
        qtbot.keyClick(table, Qt.Key.Key_M)
    assert chosen == [[keep, other]]
    survivor = merged.args[0].survivor
    assert survivor.id == keep
    assert model.rowCount() == 1
    assert contact_service.get_many([other]) == []


def test_not_the_same_is_remembered_and_skip_moves_on(qtbot, database, contact_service, people):
    view = make_view(qtbot, database, contact_service, [])
    with qtbot.waitSignal(view.countChanged, timeout=10000):
        view.refresh()
    table = view.table
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_S)
    assert table.currentIndex().row() == 1
    qtbot.keyClick(table, Qt.Key.Key_N)
    assert table.model().rowCount() == 1
    with qtbot.waitSignal(view.countChanged, timeout=10000) as counted:
        view.refresh()
    assert counted.args == [1]  # the pair marked "not the same" stays away


def test_pairs_model_passes_qt_model_checks(
    qtmodeltester, qtbot, database, contact_service, people
):
    view = make_view(qtbot, database, contact_service, [])
    with qtbot.waitSignal(view.countChanged, timeout=10000):
        view.refresh()
    qtmodeltester.check(view.model)


def test_merge_dialog_offers_only_differing_fields(qtbot, database, contact_service, people):
    contacts = contact_service.get_many(people[:2])
    dialog = MergeDialog(contacts)
    qtbot.addWidget(dialog)
    assert dialog.findChild(object, "pick_title_0") is not None
    assert dialog.findChild(object, "pick_org_0") is None  # both empty: nothing to choose
    dialog.findChild(object, "pick_title_1").setChecked(True)
    assert dialog.picks()["title"] == 1
    survivor = MergeService(database).merge(people[0], [people[1]], dialog.picks()).survivor
    assert survivor.title == "Engineer" and survivor.display_name in {"Amara Okafor", "A. Okafor"}


def test_a_huge_list_shows_the_likeliest_first_and_the_next_after_they_are_decided(
    qtbot, monkeypatch, database, contact_service, people
):
    # SHOWN_PAIRS is 2,000 (a million pairs must not reach the GUI thread); two here.
    import netdesk.ui.duplicates_view as view_module

    add(database,
        Contact("Carla Mendes", emails=[LabeledValue("carla@mendes.example")]),
        Contact("C. Mendes", emails=[LabeledValue("Carla@Mendes.example")]))
    monkeypatch.setattr(view_module, "SHOWN_PAIRS", 2)
    view = make_view(qtbot, database, contact_service, [])
    with qtbot.waitSignal(view.countChanged, timeout=10000) as counted:
        view.refresh()
    assert counted.args == [3]  # the badge counts every pair found
    assert view.model.rowCount() == 2
    assert "3 possible duplicates; the 2 likeliest are shown" in view.status.text()

    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_N)
    assert view.model.rowCount() == 1
    qtbot.keyClick(view.table, Qt.Key.Key_N)  # the last shown: the next ones come
    qtbot.waitUntil(lambda: not view.is_busy() and view.model.rowCount() == 1, timeout=10000)
    assert view.status.text() == "1 possible duplicate"


def test_without_a_child_process_the_view_searches_in_its_own_process(
    qtbot, monkeypatch, database, contact_service, people
):
    # A frozen build has no "python -m": the finder runs on the view's worker, paced.
    def no_child(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("a child process was started")

    monkeypatch.setattr(DuplicateService, "can_search_in_child", staticmethod(lambda: False))
    monkeypatch.setattr(DuplicateService, "suggestions_in_child", no_child)
    view = make_view(qtbot, database, contact_service, [])
    with qtbot.waitSignal(view.countChanged, timeout=10000) as counted:
        view.refresh()
    assert counted.args == [2]
