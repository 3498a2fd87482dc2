"""The whole workshop flow through real widgets: new project, keyboard scoring, targets, dashboard,
roadmap generation, a card dragged to another horizon (pinned) but not to another maturity, undo/redo,
save and reopen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from planner.model.calendar import month_label
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


def _drop(source: Any, row: int, target: Any) -> None:
    """Drop the card on ``row`` of ``source`` at the top of ``target``, through the widget's own handling."""
    mime = source.mimeData([source.item(row)])  # kept alive while the event uses it
    event = QDropEvent(
        QPointF(QPoint(20, 5)),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    target.dropEvent(event)


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

    # a library card dragged to another maturity column keeps its maturity: refused, and said why
    board = roadmap_page.board
    crawl, run = board.columns["crawl"], board.columns["run"]
    moved_id = crawl.item(0).data(Qt.ItemDataRole.UserRole)
    steps = doc.stack.count()
    _drop(crawl, 0, run)
    assert doc.project.roadmap.initiative(moved_id).phase == "crawl"
    assert doc.stack.count() == steps
    assert "dragging does not change the maturity" in window.statusBar().currentMessage()

    # grouped by horizon, the same card dragged to Later is pinned to Later's first month
    board.set_grouping("horizon")
    assert list(board.columns)[:3] == ["now", "next", "later"]
    source = board.columns[board.column_of(moved_id) or ""]
    later = board.columns["later"]
    assert source is not later
    _drop(source, source.ids().index(moved_id), later)
    moved = doc.project.roadmap.initiative(moved_id)
    later_start = doc.project.roadmap.horizons[1].end_month
    assert (moved.pinned_start, moved.start_month, moved.phase) == (later_start, later_start, "crawl")
    assert moved_id in later.ids()
    when = month_label(doc.project.engagement.start_date, later_start)  # a new project starts next month
    assert when != "Month 13"
    assert doc.stack.undoText().startswith("Pin '") and doc.stack.undoText().endswith(f"to Later ({when})")
    doc.stack.undo()
    assert doc.project.roadmap.initiative(moved_id).pinned_start is None
    assert moved_id in source.ids()
    doc.stack.redo()
    assert doc.project.roadmap.initiative(moved_id).pinned_start == later_start

    # save, reopen: the same project
    dialogs.answer("save", tmp_path / "workshop.roadmap")
    assert window.files.save()
    before = project_to_document(doc.project)
    window.set_document(None)
    assert window.files.open_path(tmp_path / "workshop.roadmap")
    assert window.doc is not None
    assert project_to_document(window.doc.project) == before
    assert project_to_document(load_project(tmp_path / "workshop.roadmap")) == before
