"""The table: sorting by any column, the five filters, and lock, status and delete on several rows at once."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, QPoint, Qt

from planner.model.capmodel import EFFORTS, CapabilityModel
from planner.model.roadmap import horizon_of
from planner.ui.mainwindow import MainWindow
from planner.ui.roadmap.dialogs import DoneDateDialog
from planner.ui.roadmap.page import RoadmapPage
from planner.ui.roadmap.table import COLUMNS
from tests.gui.roadmap_support import open_page, planned_project, script

_KEYS = [key for key, _ in COLUMNS]


@pytest.fixture
def page(window: MainWindow, model: CapabilityModel) -> RoadmapPage:
    found = open_page(window, planned_project(model))
    found.tabs.setCurrentWidget(found.table)
    return found


def _shown(page: RoadmapPage) -> list[str]:
    proxy = page.table.proxy
    return [page.table_model.initiative_id(proxy.mapToSource(proxy.index(r, 0)).row()) for r in range(proxy.rowCount())]


def _sort(qtbot: Any, page: RoadmapPage, key: str) -> None:
    header = page.table.view.horizontalHeader()
    column = _KEYS.index(key)
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_sorting_by_a_column_orders_by_its_meaning_and_the_priority_column_gives_the_plan_back(
    qtbot: Any, page: RoadmapPage
) -> None:
    roadmap = page.doc.project.roadmap
    plan_order = [i.id for i in roadmap.initiatives]
    assert _shown(page) == plan_order
    _sort(qtbot, page, "start")
    starts = [roadmap.initiative(i).start_month for i in _shown(page)]
    assert starts == sorted(starts)
    assert starts != [i.start_month for i in roadmap.initiatives]  # the plan order is not the start order
    _sort(qtbot, page, "start")  # again: descending
    assert [roadmap.initiative(i).start_month for i in _shown(page)] == sorted(starts, reverse=True)
    _sort(qtbot, page, "effort")
    efforts = [EFFORTS.index(roadmap.initiative(i).effort) for i in _shown(page)]
    assert efforts == sorted(efforts)
    _sort(qtbot, page, "title")
    titles = [roadmap.initiative(i).title.casefold() for i in _shown(page)]
    assert titles == sorted(titles)
    _sort(qtbot, page, "priority")
    assert _shown(page) == plan_order
    first = page.table.proxy.index(0, _KEYS.index("start")).data()
    assert first.split()[0] in {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}


def test_filters_by_capability_owner_horizon_maturity_and_status(qtbot: Any, page: RoadmapPage) -> None:
    roadmap = page.doc.project.roadmap
    table = page.table
    total = len(roadmap.initiatives)
    capability = roadmap.initiatives[0].capability
    table.set_filter("capability", capability)
    assert set(_shown(page)) == {i.id for i in roadmap.initiatives if i.capability == capability}
    assert table.count.text() == f"{len(_shown(page))} of {total} initiatives"
    assert table.clear_filters.isEnabled()
    table.show_all()
    owner = roadmap.initiatives[-1].owner
    table.set_filter("owner", owner)
    assert set(_shown(page)) == {i.id for i in roadmap.initiatives if i.owner == owner}
    table.set_filter("horizon", "now")
    assert set(_shown(page)) == {
        i.id for i in roadmap.initiatives if i.owner == owner and horizon_of(roadmap.horizons, i.start_month) == "now"
    }
    table.show_all()
    phase = roadmap.initiatives[0].phase
    combo = table.filter_boxes["phase"]  # as the consultant picks it
    combo.setCurrentIndex(combo.findData(phase))
    combo.activated.emit(combo.currentIndex())
    assert set(_shown(page)) == {i.id for i in roadmap.initiatives if i.phase == phase}
    table.show_all()
    table.set_filter("status", "done")
    assert _shown(page) == []
    table.show_all()
    assert len(_shown(page)) == total
    assert table.count.text() == f"{total} initiatives"
    assert not table.clear_filters.isEnabled()


def test_lock_status_and_delete_apply_to_every_selected_row_in_one_step(
    qtbot: Any, page: RoadmapPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = page.doc
    view = page.table.view
    proxy = page.table.proxy
    view.selectRow(1)
    for row in (3, 4):  # Ctrl-click adds rows to the selection
        view.selectionModel().select(
            proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )
    chosen = page.selected_ids()
    assert chosen == [_shown(page)[r] for r in (1, 3, 4)]

    steps = doc.stack.count()
    assert page.toggle_lock()
    assert all(doc.project.roadmap.initiative(i).locked for i in chosen)
    assert doc.stack.count() == steps + 1
    assert doc.stack.undoText() == "Lock 3 initiatives"
    assert page.selected_ids() == chosen  # the selection survives the rebuild
    assert page.toggle_lock()
    assert not any(doc.project.roadmap.initiative(i).locked for i in chosen)

    page.status_actions["deferred"].trigger()
    assert {doc.project.roadmap.initiative(i).status for i in chosen} == {"deferred"}
    assert doc.stack.undoText() == "Set 3 initiatives to Deferred"

    def when(dialog: DoneDateDialog) -> Any:
        assert dialog.date.date() == QDate.currentDate()
        dialog.date.setDate(QDate(2027, 6, 30))
        return DoneDateDialog.DialogCode.Accepted

    script(monkeypatch, DoneDateDialog, when)
    assert page.set_selected_status("done")
    assert {
        (doc.project.roadmap.initiative(i).status, doc.project.roadmap.initiative(i).done_date) for i in chosen
    } == {("done", "2027-06-30")}
    row = [page.table_model.initiative_id(r) for r in range(page.table_model.rowCount())].index(chosen[0])
    assert page.table_model.index(row, _KEYS.index("status")).data() == "Done 30 Jun 2027"
    script(monkeypatch, DoneDateDialog, lambda _d: DoneDateDialog.DialogCode.Rejected)
    steps = doc.stack.count()
    assert not page.set_selected_status("done")
    assert doc.stack.count() == steps

    templates = {doc.project.roadmap.initiative(i).template for i in chosen}
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert not {i.id for i in doc.project.roadmap.initiatives} & set(chosen)
    assert set(doc.project.roadmap.dismissed) == templates
    assert doc.stack.undoText() == "Delete 3 initiatives"
    doc.stack.undo()
    assert set(chosen) <= {i.id for i in doc.project.roadmap.initiatives}
    assert doc.project.roadmap.dismissed == []
