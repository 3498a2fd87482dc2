"""The whole workshop flow through real widgets: new project, keyboard scoring, targets, dashboard,
roadmap generation, a card dragged to another phase, undo/redo, save and reopen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from planner.storage.projectdoc import project_to_document
from planner.storage.projectfile import load_project
from planner.ui.assessment import AssessmentPage
from planner.ui.dashboard import DashboardPage
from planner.ui.mainwindow import MainWindow
from planner.ui.roadmap.page import RoadmapPage
from tests.gui.conftest import Dialogs

_KEYS = {n: getattr(Qt.Key, f"Key_{n}") for n in range(5)}


def _score_by_keyboard(qtbot: Any, page: AssessmentPage, rows: list[tuple[int, ...]]) -> None:
    page.select_capability(page.tree_model.capability_order()[0])
    for scores in rows:
        for value in scores:
            qtbot.keyClick(QApplication.focusWidget(), _KEYS[value])
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_BracketRight)


def test_workshop_flow_end_to_end(qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    dialogs.answer("item", ("FinOps Framework 2026 (finops-2026)", True))
    assert window.files.new()
    doc = window.doc
    assert doc is not None
    window.activateWindow()
    window.page_shortcut(2)
    assessment = window.pages["assessment"]
    assert isinstance(assessment, AssessmentPage)
    assert window.current_page() == "assessment"
    order = assessment.tree_model.capability_order()
    _score_by_keyboard(qtbot, assessment, [(1, 1, 0, 1, 0), (2, 2, 1, 2, 1), (0, 0, 1, 0, 0)])  # 15%, 40%, 5%
    assert assessment.progress_label.text() == "<b>3 of 22 scored</b>"
    for cap in order[:3]:  # targets: Walk for the three scored capabilities
        assessment.select_capability(cap, focus_lenses=False)
        combo = assessment.panel.target
        combo.setCurrentIndex(combo.findData("walk"))
        combo.activated.emit(combo.currentIndex())
    card = doc.scorecard()
    assert [card.capabilities[c].gap for c in order[:3]] == [2, 1, 2]

    # the dashboard draws on first show, and again once after a burst of edits
    window.show_page("dashboard")
    dashboard = window.pages["dashboard"]
    assert isinstance(dashboard, DashboardPage)
    qtbot.waitUntil(lambda: dashboard.redraws == 1)
    assert dashboard.radar.canvas is not None
    assert dashboard.progress.value.text() == "3 of 22"
    assert dashboard.gaps.value.text() == "3"
    from planner.model.edits import score_lens

    for value in (2, 3, 4):
        doc.push(score_lens(doc.project, order[3], "knowledge", value))
    assert dashboard.overall.value.text().endswith("%")
    qtbot.waitUntil(lambda: dashboard.redraws == 2)
    assert not dashboard.timer.isActive()
    doc.stack.undo()
    doc.stack.undo()
    doc.stack.undo()

    # generate the roadmap: one undo step
    window.show_page("roadmap")
    roadmap_page = window.pages["roadmap"]
    assert isinstance(roadmap_page, RoadmapPage)
    assert roadmap_page.generate_button.text() == "&Generate roadmap"
    assert roadmap_page.generate()
    roadmap = doc.project.roadmap
    assert roadmap.initiatives
    assert {i.capability for i in roadmap.initiatives} == set(order[:3])
    assert doc.stack.undoText() == "Generate roadmap"
    assert dashboard.plan.value.text() == str(len(roadmap.initiatives))

    # drag the first Crawl card to the Run column, through the widget's own drop handling
    crawl = roadmap_page.board.columns["crawl"]
    run = roadmap_page.board.columns["run"]
    moved_id = crawl.item(0).data(Qt.ItemDataRole.UserRole)
    mime = crawl.mimeData([crawl.item(0)])
    drop = QDropEvent(
        QPointF(QPoint(20, 5)),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    run.dropEvent(drop)
    moved = doc.project.roadmap.initiative(moved_id)
    assert moved.phase == "run"
    assert moved.edited
    assert run.item(0).data(Qt.ItemDataRole.UserRole) == moved_id
    assert doc.stack.undoText().startswith("Move '") and doc.stack.undoText().endswith("' to Run")
    assert roadmap_page.warnings.count() >= 1
    doc.stack.undo()
    assert doc.project.roadmap.initiative(moved_id).phase == "crawl"
    assert crawl.item(0).data(Qt.ItemDataRole.UserRole) == moved_id
    doc.stack.redo()
    assert doc.project.roadmap.initiative(moved_id).phase == "run"

    # save, reopen: the same project
    dialogs.answer("save", tmp_path / "workshop.roadmap")
    assert window.files.save()
    before = project_to_document(doc.project)
    window.set_document(None)
    assert window.files.open_path(tmp_path / "workshop.roadmap")
    assert window.doc is not None
    assert project_to_document(window.doc.project) == before
    assert project_to_document(load_project(tmp_path / "workshop.roadmap")) == before
