"""The board: grouped by maturity or by horizon (remembered), horizon drops pin, cards read in calendar months."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from planner.model.calendar import month_label
from planner.model.capmodel import CapabilityModel
from planner.model.roadmap import horizon_bounds, set_status
from planner.ui.app import create_window
from planner.ui.mainwindow import MainWindow
from planner.ui.roadmap.cards import CARD_ROLE, Card
from planner.ui.roadmap.edits import push_edit
from planner.ui.roadmap.page import RoadmapPage
from planner.ui.settings import Settings
from tests.gui.roadmap_support import START, drop, open_page, planned_project, status_message


@pytest.fixture
def page(window: MainWindow, model: CapabilityModel) -> RoadmapPage:
    return open_page(window, planned_project(model))


def _card(page: RoadmapPage, initiative_id: str) -> Card:
    key = page.board.column_of(initiative_id)
    assert key is not None
    column = page.board.columns[key]
    card = column.item(column.ids().index(initiative_id)).data(CARD_ROLE)
    assert isinstance(card, Card)
    return card


def _first(page: RoadmapPage, horizon: str) -> int:
    return next(first for h, first, _ in horizon_bounds(page.doc.project.roadmap.horizons) if h.id == horizon)


def test_the_grouping_toggle_is_remembered_across_runs(
    qtbot: Any, window: MainWindow, model: CapabilityModel, settings: Settings, tmp_path: Path
) -> None:
    page = open_page(window, planned_project(model))
    assert page.board.grouping == "maturity"
    assert list(page.board.columns) == [p.id for p in page.doc.project.roadmap.phases]
    qtbot.mouseClick(page.board.toggles["horizon"], Qt.MouseButton.LeftButton)
    assert page.board.grouping == "horizon"
    assert list(page.board.columns)[:3] == ["now", "next", "later"]
    assert settings.board_grouping == "horizon"
    settings.sync()
    assert "board_grouping=horizon" in Path(settings.file_name).read_text(encoding="utf-8")

    # the next run reads the same preferences file
    later = create_window(Settings(Path(settings.file_name)), tmp_path / "autosave-next-run")
    qtbot.addWidget(later)
    again = open_page(later, planned_project(model))
    assert again.board.grouping == "horizon"
    assert again.board.toggles["horizon"].isChecked()
    assert list(again.board.columns)[:3] == ["now", "next", "later"]
    later.close()


def test_cards_show_the_calendar_start_the_maturity_chip_and_the_status(
    qtbot: Any, page: RoadmapPage, tmp_path: Path
) -> None:
    doc = page.doc
    item = doc.project.roadmap.initiatives[0]
    card = _card(page, item.id)
    assert card.when.startswith(month_label(START, item.start_month))
    assert card.when.split(" · ")[0].endswith(("2027", "2028", "2029", "2030"))
    assert card.chip == doc.project.model.level_name(item.phase)
    assert card.status == "Planned"
    assert push_edit(doc, "Start it", lambda r: set_status(r, [item.id], "in_progress")) is None
    assert _card(page, item.id).status == "In progress"
    page.board.set_grouping("horizon")
    card = _card(page, item.id)  # the chip still says the maturity when the columns are horizons
    assert card.chip == doc.project.model.level_name(item.phase)
    assert page.board.grab().save(str(tmp_path / "board.png"))


def test_dropping_a_card_on_another_horizon_pins_it_to_that_horizons_first_month(qtbot: Any, page: RoadmapPage) -> None:
    doc = page.doc
    board = page.board
    board.set_grouping("horizon")
    now = board.columns["now"]
    moved = now.ids()[0]
    steps = doc.stack.count()
    drop(now, 0, board.columns["next"])
    item = doc.project.roadmap.initiative(moved)
    first_next = _first(page, "next")
    assert (item.pinned_start, item.start_month) == (first_next, first_next)
    assert moved in board.columns["next"].ids()
    assert doc.stack.count() == steps + 1
    assert doc.stack.undoText().endswith(f"to Next ({month_label(START, first_next)})")
    assert _card(page, moved).when.startswith(f"{month_label(START, first_next)} · ")
    assert _card(page, moved).marks == ("pinned",)
    doc.stack.undo()
    assert doc.project.roadmap.initiative(moved).pinned_start is None
    assert moved in board.columns["now"].ids()
    doc.stack.redo()
    assert doc.project.roadmap.initiative(moved).pinned_start == first_next

    # the keyboard does the same: Ctrl+Right pins to the next horizon
    column = board.columns["next"]
    column.setCurrentRow(column.ids().index(moved))
    column.setFocus()
    qtbot.keyClick(column, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert doc.project.roadmap.initiative(moved).pinned_start == _first(page, "later")
    assert board.columns["later"].current_id() == moved


def test_a_drop_within_a_horizon_or_of_work_that_began_changes_nothing_and_says_why(
    qtbot: Any, page: RoadmapPage
) -> None:
    doc = page.doc
    board = page.board
    board.set_grouping("horizon")
    now = board.columns["now"]
    steps = doc.stack.count()
    drop(now, 0, now, 200)
    assert doc.stack.count() == steps
    assert "follow their start months" in status_message(page)
    done_id = now.ids()[0]
    assert push_edit(doc, "Done", lambda r: set_status(r, [done_id], "done", done_date="2027-04-30")) is None
    steps = doc.stack.count()
    drop(now, now.ids().index(done_id), board.columns["later"])
    assert doc.stack.count() == steps
    assert doc.project.roadmap.initiative(done_id).pinned_start is None
    assert "is done: its months are what happened" in status_message(page)


def test_deferred_work_waits_in_its_own_column_until_it_is_planned_again(qtbot: Any, page: RoadmapPage) -> None:
    doc = page.doc
    board = page.board
    board.set_grouping("horizon")
    deferred = board.columns["next"].ids()[0]
    assert push_edit(doc, "Defer", lambda r: set_status(r, [deferred], "deferred")) is None
    assert list(board.columns)[-1] == "off-plan"
    assert board.columns["off-plan"].ids() == [deferred]
    assert "Not scheduled" in board.headers["off-plan"].text()
    steps = doc.stack.count()
    drop(board.columns["off-plan"], 0, board.columns["now"])
    assert doc.stack.count() == steps
    assert "set it to planned before placing it in time" in status_message(page)
    drop(board.columns["now"], 0, board.columns["off-plan"])
    assert doc.stack.count() == steps
    assert "deferred or dropped" in status_message(page)
    doc.stack.undo()
    assert "off-plan" not in board.columns


def test_a_custom_initiative_may_be_dragged_to_another_maturity(
    qtbot: Any, page: RoadmapPage, model: CapabilityModel
) -> None:
    from planner.model.roadmap import add_custom_initiative

    doc = page.doc
    assert (
        push_edit(doc, "Add", lambda r: add_custom_initiative(r, capability="allocation", title="Brief", phase="crawl"))
        is None
    )
    custom = next(i.id for i in doc.project.roadmap.initiatives if i.origin == "custom")
    crawl, run = page.board.columns["crawl"], page.board.columns["run"]
    drop(crawl, crawl.ids().index(custom), run)
    assert doc.project.roadmap.initiative(custom).phase == "run"
    assert doc.stack.undoText() == "Move 'Brief' to Run"
    source = next(k for k, column in page.board.columns.items() if column.ids() and k != "run")
    column = page.board.columns[source]
    generated = column.ids()[0]
    steps = doc.stack.count()
    drop(column, 0, run)
    assert doc.project.roadmap.initiative(generated).phase == source
    assert doc.stack.count() == steps
    name = model.level_name(source)
    assert f"'{doc.project.roadmap.initiative(generated).title}' stays in {name}" in status_message(page)
