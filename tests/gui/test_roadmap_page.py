"""The roadmap page: regeneration diff, add/lock/delete, reorder, capacity, the table and timeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent

from planner.model.capmodel import CapabilityModel
from planner.model.edits import set_capability_field
from planner.model.roadmap import generate_roadmap
from planner.ui.document import Document
from planner.ui.mainwindow import MainWindow
from planner.ui.roadmap.dialogs import AddInitiativeDialog, RegenerationDialog
from planner.ui.roadmap.page import RoadmapPage
from planner.ui.roadmap.table import COLUMNS, RoadmapTableModel
from tests.gui.conftest import scored_project


@pytest.fixture
def page(window: MainWindow, model: CapabilityModel) -> RoadmapPage:
    project = scored_project(model)
    project.roadmap = generate_roadmap(model, project.assessment)
    window.set_document(Document(project))
    window.show_page("roadmap")
    found = window.pages["roadmap"]
    assert isinstance(found, RoadmapPage)
    return found


def _ids(page: RoadmapPage, phase: str) -> list[str]:
    column = page.board.columns[phase]
    return [column.item(row).data(Qt.ItemDataRole.UserRole) for row in range(column.count())]


def test_regeneration_shows_the_diff_and_applies_only_when_confirmed(
    qtbot: Any, page: RoadmapPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = page.doc
    target_cap = next(c for c, a in doc.project.assessment.capabilities.items() if a.target == "crawl" and a.applicable)
    doc.push(set_capability_field(doc.project, target_cap, "target", "run"))
    before = doc.project.roadmap
    shown: list[RegenerationDialog] = []

    def refuse(dialog: RegenerationDialog) -> int:
        shown.append(dialog)
        return RegenerationDialog.DialogCode.Rejected

    monkeypatch.setattr(RegenerationDialog, "exec", refuse)
    assert not page.generate()
    assert doc.project.roadmap is before
    plan = shown[0].plan
    assert plan.added and all(i.capability == target_cap for i in plan.added)
    assert shown[0].lists["added"].count() == len(plan.added)
    assert shown[0].lists["kept"].count() == len(plan.kept)
    monkeypatch.setattr(RegenerationDialog, "exec", lambda _d: RegenerationDialog.DialogCode.Accepted)
    steps = doc.stack.count()
    assert page.generate()
    assert doc.stack.count() == steps + 1
    assert doc.stack.undoText().startswith(f"Regenerate roadmap (+{len(plan.added)}, -")
    assert {i.id for i in plan.added} <= {i.id for i in doc.project.roadmap.initiatives}
    doc.stack.undo()
    assert doc.project.roadmap is before


def test_add_lock_delete_and_capacity_are_undoable(
    qtbot: Any, page: RoadmapPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = page.doc

    def fill(dialog: AddInitiativeDialog) -> int:
        dialog.title.setText("Run a FinOps kick-off with the CFO")
        dialog.phase.setCurrentIndex(dialog.phase.findData("walk"))
        dialog.capability.setCurrentIndex(dialog.capability.findData("budgeting"))
        return AddInitiativeDialog.DialogCode.Accepted

    monkeypatch.setattr(AddInitiativeDialog, "exec", fill)
    assert page.add_initiative()
    added = doc.project.roadmap.initiatives
    custom = next(i for i in added if i.origin == "custom")
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
    assert "locked" in column.item(_ids(page, "walk").index(custom.id)).data(Qt.ItemDataRole.UserRole + 1)[2]
    page.capacity.setValue(1)
    assert doc.project.roadmap.capacity == 1
    months_at_one = max(i.end_month for i in doc.project.roadmap.initiatives)
    doc.stack.undo()
    assert max(i.end_month for i in doc.project.roadmap.initiatives) < months_at_one
    assert page.capacity.value() == 3
    column.setCurrentRow(_ids(page, "walk").index(custom.id))
    assert page.delete_selected()
    assert custom.id not in {i.id for i in doc.project.roadmap.initiatives}
    doc.stack.undo()
    assert doc.project.roadmap.initiative(custom.id).locked


def test_reorder_within_a_phase_by_dropping(qtbot: Any, page: RoadmapPage) -> None:
    phase = next(p for p in page.board.columns if len(_ids(page, p)) >= 3)
    ids = _ids(page, phase)
    column = page.board.columns[phase]
    last_rect = column.visualItemRect(column.item(len(ids) - 1))
    mime = column.mimeData([column.item(0)])
    drop = QDropEvent(
        QPointF(QPoint(20, last_rect.bottom() - 2)),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    column.dropEvent(drop)
    assert _ids(page, phase) == [*ids[1:], ids[0]]
    assert page.doc.stack.undoText().startswith("Reorder '")
    page.doc.stack.undo()
    assert _ids(page, phase) == ids


def test_table_edits_push_commands_and_refusals_are_shown(qtbot: Any, page: RoadmapPage) -> None:
    model = page.table_model
    doc = page.doc
    keys = [k for k, _ in COLUMNS]
    first = doc.project.roadmap.initiatives[0]
    assert model.setData(model.index(0, keys.index("owner")), "Finance lead")
    assert doc.project.roadmap.initiative(first.id).owner == "Finance lead"
    assert doc.stack.undoText() == f"Edit owner of '{first.title}'"
    assert model.setData(model.index(0, keys.index("duration_months")), 4)
    assert doc.project.roadmap.initiative(first.id).duration_months == 4
    assert model.data(model.index(0, keys.index("end"))) == doc.project.roadmap.initiative(first.id).end_month
    assert not model.setData(model.index(0, keys.index("effort")), "XL")
    assert page.message.text() == "Effort must be one of S, M, L."
    assert model.setData(
        model.index(0, keys.index("locked")), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert doc.project.roadmap.initiative(first.id).locked
    doc.stack.undo()
    doc.stack.undo()
    doc.stack.undo()
    assert doc.project.roadmap.initiative(first.id).owner == first.owner


def test_roadmap_table_model_passes_the_model_tester(qtmodeltester: Any, page: RoadmapPage) -> None:
    qtmodeltester.check(page.table_model)
    qtmodeltester.check(RoadmapTableModel(Document(scored_project(page.doc.project.model))))


def test_timeline_draws_a_bar_per_initiative(qtbot: Any, page: RoadmapPage, tmp_path: Path) -> None:
    page.tabs.setCurrentIndex(2)
    roadmap = page.doc.project.roadmap
    for item in roadmap.initiatives:
        rect = page.timeline.bar_rect(item.id)
        assert rect is not None and rect.width() > 0
    assert page.timeline.grab().save(str(tmp_path / "timeline.png"))


def test_generating_with_nothing_to_plan_says_what_to_do(qtbot: Any, window: MainWindow) -> None:
    from planner.model.project import new_project
    from planner.storage.models import load_bundled_model

    window.set_document(Document(new_project(load_bundled_model())))
    page = window.pages["roadmap"]
    assert isinstance(page, RoadmapPage)
    assert not page.generate()
    assert "set targets above the current levels" in page.message.text()


def test_cards_move_by_keyboard(qtbot: Any, page: RoadmapPage) -> None:
    phases = list(page.board.columns)
    source = next(p for p in phases[:-1] if len(_ids(page, p)) >= 2)
    column = page.board.columns[source]
    ids = _ids(page, source)
    column.setCurrentRow(0)
    column.setFocus()
    qtbot.keyClick(column, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _ids(page, source)[:2] == [ids[1], ids[0]]
    assert column.current_id() == ids[0]
    qtbot.keyClick(column, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert _ids(page, source) == ids
    qtbot.keyClick(column, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    target = phases[phases.index(source) + 1]
    assert page.doc.project.roadmap.initiative(ids[0]).phase == target
    assert _ids(page, target)[-1] == ids[0]
    page.doc.stack.undo()
    assert _ids(page, source) == ids


def test_a_plan_too_long_for_the_file_is_not_applied_and_the_page_says_why(
    qtbot: Any, window: MainWindow, model: CapabilityModel
) -> None:
    project = scored_project(model)
    for capability in model.iter_capabilities():
        found = project.assessment.of(capability.id)
        found.applicable, found.target = True, "run"
        found.lenses = dict.fromkeys(model.lens_ids, 0)
    project.roadmap.capacity = 1
    window.set_document(Document(project))
    window.show_page("roadmap")
    page = window.pages["roadmap"]
    assert isinstance(page, RoadmapPage)
    assert not page.generate()
    assert "a project holds plans of up to 50 years" in page.message.text()
    assert project.roadmap.initiatives == []
    assert window.doc is not None and not window.doc.modified
