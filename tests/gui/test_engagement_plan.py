"""The engagement page's plan facts: the start month that dates the roadmap, and the organisation size."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from planner.model.capmodel import CapabilityModel
from planner.ui.engagement import EngagementPage, scopes_from_text, scopes_to_text
from planner.ui.mainwindow import MainWindow
from planner.ui.roadmap.page import RoadmapPage
from planner.ui.roadmap.table import COLUMNS
from tests.gui.roadmap_support import open_page, planned_project

_START = [key for key, _ in COLUMNS].index("start")


@pytest.fixture
def pages(window: MainWindow, model: CapabilityModel) -> tuple[EngagementPage, RoadmapPage]:
    roadmap = open_page(window, planned_project(model, start_date=None))
    window.show_page("engagement")
    engagement = window.pages["engagement"]
    assert isinstance(engagement, EngagementPage)
    return engagement, roadmap


def _show(page: EngagementPage | RoadmapPage) -> None:
    window = page.window()
    assert isinstance(window, MainWindow)
    window.show_page("roadmap" if isinstance(page, RoadmapPage) else "engagement")


def _first_start(roadmap: RoadmapPage) -> str:
    first = next(i for i in roadmap.doc.project.roadmap.initiatives if i.start_month == 0)
    row = [i.id for i in roadmap.doc.project.roadmap.initiatives].index(first.id)
    return str(roadmap.table_model.index(row, _START).data())


def test_the_plan_start_dates_every_month_of_the_roadmap_and_can_be_cleared(
    qtbot: Any, pages: tuple[EngagementPage, RoadmapPage]
) -> None:
    engagement, roadmap = pages
    doc = engagement.doc
    assert engagement.start.text() == "Not set"
    assert _first_start(roadmap) == "Month 1"
    editor = engagement.start.lineEdit()
    editor.selectAll()
    qtbot.keyClicks(editor, "Jun 2027")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert doc.project.engagement.start_date == "2027-06"
    assert doc.stack.undoText() == "Edit plan start"
    assert _first_start(roadmap) == "Jun 2027"
    _show(roadmap)  # the hidden page catches up when it is shown
    assert roadmap.timeline.month_labels()[:2] == ["Jun", "Jul"]
    _show(engagement)
    assert engagement.clear_start.isEnabled()
    qtbot.mouseClick(engagement.clear_start, Qt.MouseButton.LeftButton)
    assert doc.project.engagement.start_date is None
    assert engagement.start.text() == "Not set"
    assert _first_start(roadmap) == "Month 1"
    doc.stack.undo()
    assert doc.project.engagement.start_date == "2027-06"
    assert engagement.start.text() == "Jun 2027"
    doc.stack.undo()
    assert doc.project.engagement.start_date is None


def test_stepping_from_not_set_lands_after_the_assessment_and_each_step_is_undone_alone(
    qtbot: Any, pages: tuple[EngagementPage, RoadmapPage]
) -> None:
    engagement, _ = pages
    doc = engagement.doc
    assert doc.project.engagement.assessment_date == "2026-11-29"
    steps = doc.stack.count()
    engagement.start.stepBy(1)
    assert engagement.start.text() == "Dec 2026"
    engagement.start.stepBy(1)
    engagement.start.stepBy(1)
    assert doc.project.engagement.start_date == "2027-02"
    assert doc.stack.count() == steps + 3
    doc.stack.undo()
    assert engagement.start.text() == "Jan 2027"
    doc.stack.undo()
    doc.stack.undo()
    assert doc.project.engagement.start_date is None
    assert engagement.start.text() == "Not set"


def test_the_organisation_size_is_an_undoable_choice_and_makes_the_roadmap_out_of_date(
    qtbot: Any, pages: tuple[EngagementPage, RoadmapPage]
) -> None:
    engagement, roadmap = pages
    doc = engagement.doc
    combo = engagement.org_size
    assert combo.currentText() == "Not set"
    for name, value in (("Enterprise", "enterprise"), ("Start-up", "startup")):
        combo.setCurrentIndex(combo.findText(name))
        combo.activated.emit(combo.currentIndex())
        assert doc.project.engagement.org_size == value
        assert doc.stack.undoText() == "Edit organisation size"
    _show(roadmap)
    assert "The organisation size changed (not set to startup)." in roadmap.banner.text.text()
    doc.stack.undo()  # visible, the page follows at once
    assert "The organisation size changed (not set to enterprise)." in roadmap.banner.text.text()
    assert (doc.project.engagement.org_size, combo.currentText()) == ("enterprise", "Enterprise")
    _show(engagement)
    combo.setCurrentIndex(combo.findText("Not set"))
    combo.activated.emit(combo.currentIndex())
    assert doc.project.engagement.org_size is None
    _show(roadmap)
    assert roadmap.banner.isHidden()


def test_a_scope_with_a_comma_in_brackets_stays_one_scope(
    qtbot: Any, pages: tuple[EngagementPage, RoadmapPage]
) -> None:
    engagement, _ = pages
    field = engagement.scopes
    field.clear()
    qtbot.keyClicks(field, "Public Cloud, SaaS (M365, Salesforce)")
    assert engagement.doc.project.engagement.scopes == ["Public Cloud", "SaaS (M365, Salesforce)"]
    field.clear()
    qtbot.keyClicks(field, "Data centres, EU; Public Cloud")
    assert engagement.doc.project.engagement.scopes == ["Data centres, EU", "Public Cloud"]
    assert scopes_to_text(["Data centres, EU", "Public Cloud"]) == "Data centres, EU; Public Cloud"
    for scopes in (["A (b, c)", "D"], ["Data centres, EU", "X [y; z]"], ["One"], []):
        assert scopes_from_text(scopes_to_text(scopes)) == scopes
