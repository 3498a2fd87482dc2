"""The roadmap page: generating with the project's settings, add/lock/delete, reorder, capacity, the timeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from planner.model.calendar import MONTH_NAMES
from planner.model.capmodel import CapabilityModel
from planner.model.project import Roadmap, default_phases
from planner.model.roadmap import generate_roadmap, horizon_of
from planner.ui.document import Document
from planner.ui.mainwindow import MainWindow
from planner.ui.roadmap.cards import CARD_ROLE, Card
from planner.ui.roadmap.dialogs import AddInitiativeDialog
from planner.ui.roadmap.page import RoadmapPage
from planner.ui.roadmap.table import COLUMNS, RoadmapTableModel
from tests.gui.conftest import scored_project
from tests.gui.roadmap_support import drop, open_page, planned_project, script, status_message


@pytest.fixture
def page(window: MainWindow, model: CapabilityModel) -> RoadmapPage:
    return open_page(window, planned_project(model))


def _ids(page: RoadmapPage, key: str) -> list[str]:
    return page.board.columns[key].ids()


def _card(page: RoadmapPage, key: str, initiative_id: str) -> Card:
    column = page.board.columns[key]
    card = column.item(column.ids().index(initiative_id)).data(CARD_ROLE)
    assert isinstance(card, Card)
    return card


def test_generating_keeps_the_roadmaps_settings_and_tailors_to_the_organisation(
    qtbot: Any, window: MainWindow, model: CapabilityModel
) -> None:
    project = scored_project(model)
    project.engagement.org_size = "enterprise"
    project.roadmap = Roadmap(capacity=7, owner_capacity=3, scope="full", phases=default_phases(model))
    page = open_page(window, project)
    assert page.generate_button.text() == "&Generate roadmap"
    unsized = planned_project(model).roadmap  # the same scores for a client of no stated size
    assert page.generate()
    doc = page.doc
    roadmap = doc.project.roadmap
    assert (roadmap.capacity, roadmap.owner_capacity, roadmap.scope) == (7, 3, "full")
    assert roadmap.generated_from is not None
    assert (roadmap.generated_from.org_size, roadmap.generated_from.scope) == ("enterprise", "full")
    expected = generate_roadmap(
        model, project.assessment, settings=Roadmap(capacity=7, owner_capacity=3, scope="full"), org_size="enterprise"
    )
    assert [(i.id, i.duration_months, i.start_month) for i in roadmap.initiatives] == [
        (i.id, i.duration_months, i.start_month) for i in expected.initiatives
    ]
    assert sum(i.duration_months for i in roadmap.initiatives) > sum(i.duration_months for i in unsized.initiatives)
    assert doc.stack.undoText() == "Generate roadmap"
    assert page.generate_button.text() == "Re&generate…"
    assert page.banner.isHidden()
    doc.stack.undo()
    assert doc.project.roadmap.initiatives == []


def test_add_lock_delete_and_capacity_are_undoable(
    qtbot: Any, page: RoadmapPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = page.doc

    def fill(dialog: AddInitiativeDialog) -> Any:
        dialog.title.setText("Run a FinOps kick-off with the CFO")
        dialog.phase.setCurrentIndex(dialog.phase.findData("walk"))
        dialog.capability.setCurrentIndex(dialog.capability.findData("budgeting"))
        return AddInitiativeDialog.DialogCode.Accepted

    script(monkeypatch, AddInitiativeDialog, fill)
    assert page.add_initiative()
    custom = next(i for i in doc.project.roadmap.initiatives if i.origin == "custom")
    assert (custom.title, custom.phase, custom.capability) == (
        "Run a FinOps kick-off with the CFO",
        "walk",
        "budgeting",
    )
    assert custom.id in _ids(page, "walk")
    assert doc.stack.undoText() == "Add 'Run a FinOps kick-off with the CFO'"
    column = page.board.columns["walk"]
    column.setCurrentRow(_ids(page, "walk").index(custom.id))
    assert page.toggle_lock()
    assert doc.project.roadmap.initiative(custom.id).locked
    assert "locked" in _card(page, "walk", custom.id).marks
    assert _card(page, "walk", custom.id).detail.startswith("Custom · ")
    assert doc.stack.undoText() == "Lock 'Run a FinOps kick-off with the CFO'"
    before = doc.project.roadmap.capacity
    page.capacity.setValue(1)
    assert doc.project.roadmap.capacity == 1
    months_at_one = max(i.end_month for i in doc.project.roadmap.initiatives)
    doc.stack.undo()
    assert max(i.end_month for i in doc.project.roadmap.initiatives) < months_at_one
    assert page.capacity.value() == before
    page.owner_capacity.setValue(1)
    assert doc.project.roadmap.owner_capacity == 1
    assert doc.stack.undoText() == "Set capacity per owner to 1"
    doc.stack.undo()
    assert (doc.project.roadmap.owner_capacity, page.owner_capacity.value()) == (2, 2)
    column.setCurrentRow(_ids(page, "walk").index(custom.id))
    assert page.delete_selected()
    assert custom.id not in {i.id for i in doc.project.roadmap.initiatives}
    assert doc.project.roadmap.dismissed == []  # a custom item is not a library item to set aside
    doc.stack.undo()
    assert doc.project.roadmap.initiative(custom.id).locked


def test_an_action_without_a_selection_says_what_to_do(qtbot: Any, page: RoadmapPage) -> None:
    steps = page.doc.stack.count()
    for action in (page.toggle_lock, page.delete_selected, lambda: page.set_selected_status("deferred")):
        assert not action()
    assert page.doc.stack.count() == steps
    assert page.message.text() == "Select an initiative on the board, in the table or on the timeline first."
    assert status_message(page) == page.message.text()


def test_reorder_within_a_maturity_column_by_dropping(qtbot: Any, page: RoadmapPage) -> None:
    key = next(k for k in page.board.columns if len(_ids(page, k)) >= 3)
    ids = _ids(page, key)
    column = page.board.columns[key]
    last_rect = column.visualItemRect(column.item(len(ids) - 1))
    drop(column, 0, column, last_rect.bottom() - 2)
    assert _ids(page, key) == [*ids[1:], ids[0]]
    assert page.doc.stack.undoText().startswith("Reorder '")
    page.doc.stack.undo()
    assert _ids(page, key) == ids


def test_table_edits_push_commands_and_refusals_are_shown(qtbot: Any, page: RoadmapPage) -> None:
    model = page.table_model
    doc = page.doc
    keys = [k for k, _ in COLUMNS]
    first = doc.project.roadmap.initiatives[0]
    assert model.setData(model.index(0, keys.index("owner")), "Finance lead")
    assert doc.project.roadmap.initiative(first.id).owner == "Finance lead"
    assert doc.stack.undoText() == f"Edit owner of '{first.title}'"
    assert model.setData(model.index(0, keys.index("duration_months")), 4)
    edited = doc.project.roadmap.initiative(first.id)
    assert edited.duration_months == 4
    assert doc.stack.undoText() == f"Edit duration of '{first.title}'"
    year, month = 2027, 3 + edited.end_month - 1  # the last month of work, from Mar 2027
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    assert model.data(model.index(0, keys.index("end"))) == f"{MONTH_NAMES[month - 1]} {year}"
    assert not model.setData(model.index(0, keys.index("effort")), "XL")
    assert page.message.text() == "Effort must be one of S, M, L."
    assert model.setData(
        model.index(0, keys.index("locked")), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert doc.project.roadmap.initiative(first.id).locked
    assert model.setData(model.index(0, keys.index("status")), "done")
    assert doc.project.roadmap.initiative(first.id).done_date is not None
    for _ in range(4):
        doc.stack.undo()
    assert doc.project.roadmap.initiative(first.id).owner == first.owner


def test_roadmap_table_model_passes_the_model_tester(qtmodeltester: Any, page: RoadmapPage) -> None:
    qtmodeltester.check(page.table_model)
    qtmodeltester.check(page.table.proxy)
    qtmodeltester.check(RoadmapTableModel(Document(scored_project(page.doc.project.model))))


def test_timeline_draws_a_bar_per_scheduled_initiative_under_calendar_months(
    qtbot: Any, page: RoadmapPage, tmp_path: Path
) -> None:
    page.tabs.setCurrentIndex(2)
    roadmap = page.doc.project.roadmap
    for item in roadmap.initiatives:
        rect = page.timeline.bar_rect(item.id)
        assert rect is not None and rect.width() > 0
    assert page.timeline.month_labels()[:3] == ["Mar", "Apr", "May"]
    groups = [key for key, item in page.timeline.rows if item is None]  # grouped by horizon, in time order
    starts = {horizon_of(roadmap.horizons, i.start_month) for i in roadmap.initiatives}
    assert groups == [h.id for h in roadmap.horizons if h.id in starts]
    rows = [item for _key, item in page.timeline.rows if item is not None]
    assert [i.start_month for i in rows] == sorted(i.start_month for i in rows)
    assert page.timeline.grab().save(str(tmp_path / "timeline.png"))


def test_generating_with_nothing_to_plan_says_what_to_do(qtbot: Any, window: MainWindow) -> None:
    from planner.model.project import new_project
    from planner.storage.models import load_bundled_model

    window.set_document(Document(new_project(load_bundled_model())))
    page = window.pages["roadmap"]
    assert isinstance(page, RoadmapPage)
    assert not page.generate()
    assert "no capability is scored. Score the assessment and set targets first" in page.message.text()


def test_cards_move_by_keyboard_and_only_custom_ones_change_maturity(
    qtbot: Any, page: RoadmapPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = list(page.board.columns)
    source = next(k for k in keys[:-1] if len(_ids(page, k)) >= 2)
    column = page.board.columns[source]
    ids = _ids(page, source)
    column.setCurrentRow(0)
    column.setFocus()
    qtbot.keyClick(column, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _ids(page, source)[:2] == [ids[1], ids[0]]
    assert column.current_id() == ids[0]
    qtbot.keyClick(column, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert _ids(page, source) == ids
    steps = page.doc.stack.count()
    qtbot.keyClick(column, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)  # a library item: refused
    assert page.doc.project.roadmap.initiative(ids[0]).phase == source
    assert page.doc.stack.count() == steps
    assert "dragging does not change the maturity" in status_message(page)

    def fill(dialog: AddInitiativeDialog) -> Any:
        dialog.title.setText("Brief the board on the FinOps charter")
        dialog.phase.setCurrentIndex(dialog.phase.findData(source))
        return AddInitiativeDialog.DialogCode.Accepted

    script(monkeypatch, AddInitiativeDialog, fill)
    assert page.add_initiative()
    custom = next(i.id for i in page.doc.project.roadmap.initiatives if i.origin == "custom")
    column.setCurrentRow(_ids(page, source).index(custom))
    column.setFocus()
    qtbot.keyClick(column, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    target = keys[keys.index(source) + 1]
    assert page.doc.project.roadmap.initiative(custom).phase == target
    assert _ids(page, target)[-1] == custom
    page.doc.stack.undo()
    assert page.doc.project.roadmap.initiative(custom).phase == source


def test_a_plan_too_long_for_the_file_is_not_applied_and_the_page_says_why(
    qtbot: Any, window: MainWindow, model: CapabilityModel
) -> None:
    project = scored_project(model)
    for capability in model.iter_capabilities():
        found = project.assessment.of(capability.id)
        found.applicable, found.target = True, "run"
        found.lenses = dict.fromkeys(model.lens_ids, 0)
    project.roadmap.capacity, project.roadmap.owner_capacity, project.roadmap.scope = 1, 1, "full"
    page = open_page(window, project)
    assert not page.generate()
    assert "a project holds plans of up to 50 years" in page.message.text()
    assert project.roadmap.initiatives == []
    assert window.doc is not None and not window.doc.modified
