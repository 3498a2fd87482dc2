"""The initiative editor: opened by double-click or Enter, every field, one undo step per OK, refusals kept visible."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from planner.model.capmodel import CapabilityModel
from planner.model.project import Initiative
from planner.model.roadmap import set_pin, set_status
from planner.storage.projectdoc import project_from_document, project_to_document
from planner.ui.mainwindow import MainWindow
from planner.ui.roadmap.detail import InitiativeDialog, join_done_when, split_done_when
from planner.ui.roadmap.edits import push_edit
from planner.ui.roadmap.page import RoadmapPage
from tests.gui.roadmap_support import open_page, planned_project, script


@pytest.fixture
def page(window: MainWindow, model: CapabilityModel) -> RoadmapPage:
    return open_page(window, planned_project(model))


def _pick(page: RoadmapPage) -> tuple[Initiative, Initiative]:
    """A generated initiative that depends on nothing, and another one to depend on."""
    items = page.doc.project.roadmap.initiatives
    item = next(i for i in items if not i.depends_on and i.origin == "generated")
    other = next(i for i in items if i.id != item.id and item.id not in i.depends_on)
    return item, other


def test_double_click_and_enter_open_the_editor_on_that_card_and_row(
    qtbot: Any, page: RoadmapPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = script(monkeypatch, InitiativeDialog, lambda _d: QDialog.DialogCode.Rejected)
    key = next(k for k, c in page.board.columns.items() if c.count() >= 2)
    column = page.board.columns[key]
    rect = column.visualItemRect(column.item(1))
    qtbot.mouseClick(column.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's first press
    qtbot.mouseDClick(column.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [d.item.id for d in shown] == [column.ids()[1]]
    column.setCurrentRow(0)
    column.setFocus()
    qtbot.keyClick(column, Qt.Key.Key_Return)
    assert shown[-1].item.id == column.ids()[0]
    page.tabs.setCurrentWidget(page.table)
    view = page.table.view
    view.setFocus()
    view.setCurrentIndex(page.table.proxy.index(2, 3))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    third = page.table_model.initiative_id(page.table.proxy.mapToSource(page.table.proxy.index(2, 0)).row())
    assert shown[-1].item.id == third
    assert shown[-1].windowTitle() == f"Initiative: {page.doc.project.roadmap.initiative(third).title}"
    assert not page.doc.modified


def test_every_field_is_edited_in_one_undo_step(
    qtbot: Any, page: RoadmapPage, model: CapabilityModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = page.doc
    item, other = _pick(page)
    capability = next(c for c in model.iter_capabilities() if c.id != item.capability)
    phase = next(p.id for p in doc.project.roadmap.phases if p.id != item.phase)

    def edit(dialog: InitiativeDialog) -> None:
        assert dialog.title.text() == item.title
        dialog.title.setText("Tag every production account")
        dialog.description.show_value("Apply the tagging standard to production accounts.")
        dialog.done_when.show_value("95% of production spend carries an owner tag.")
        dialog.owner.setCurrentText("Cloud Centre of Excellence")  # free text, not a persona
        dialog.effort.setCurrentText("L")
        dialog.duration.setValue(5)
        dialog.phase.setCurrentIndex(dialog.phase.findData(phase))
        dialog.capability.setCurrentIndex(dialog.capability.findData(capability.id))
        dialog.dep_choice.setCurrentIndex(dialog.dep_choice.findData(other.id))
        qtbot.mouseClick(dialog.add_dep, Qt.MouseButton.LeftButton)
        dialog.status.setCurrentIndex(dialog.status.findData("in_progress"))
        assert not dialog.done_on.isEnabled()
        dialog.pinned.setChecked(True)
        dialog.pin_month.lineEdit().setText("Jun 2027")
        dialog.pin_month.interpretText()
        assert dialog.pin_month.value() == 3
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    script(monkeypatch, InitiativeDialog, edit)
    steps = doc.stack.count()
    before = doc.project.roadmap
    assert page.edit_initiative(item.id)
    assert doc.stack.count() == steps + 1
    assert doc.stack.undoText() == f"Edit '{item.title}'"
    edited = doc.project.roadmap.initiative(item.id)
    assert edited.title == "Tag every production account"
    assert edited.description == (
        "Apply the tagging standard to production accounts. Done when 95% of production spend carries an owner tag."
    )
    assert (edited.owner, edited.effort, edited.duration_months) == ("Cloud Centre of Excellence", "L", 5)
    assert (edited.phase, edited.capability, edited.depends_on) == (phase, capability.id, [other.id])
    assert (edited.status, edited.pinned_start, edited.start_month) == ("in_progress", 3, 3)
    assert edited.edited
    # what was edited is what the file keeps
    assert project_from_document(project_to_document(doc.project)).roadmap.initiative(item.id) == edited
    doc.stack.undo()
    assert doc.project.roadmap is before
    doc.stack.redo()
    assert doc.project.roadmap.initiative(item.id).title == "Tag every production account"


def test_done_asks_for_the_date_today_by_default(
    qtbot: Any, page: RoadmapPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    item, _ = _pick(page)

    def finish(dialog: InitiativeDialog) -> None:
        dialog.status.setCurrentIndex(dialog.status.findData("done"))
        assert dialog.done_on.isEnabled()
        assert dialog.done_on.date() == QDate.currentDate()
        dialog.done_on.setDate(QDate(2027, 5, 14))
        dialog.ok_button.click()

    script(monkeypatch, InitiativeDialog, finish)
    assert page.edit_initiative(item.id)
    done = page.doc.project.roadmap.initiative(item.id)
    assert (done.status, done.done_date) == ("done", "2027-05-14")

    def plan_again(dialog: InitiativeDialog) -> None:
        assert dialog.done_on.date() == QDate(2027, 5, 14)
        dialog.status.setCurrentIndex(dialog.status.findData("planned"))
        dialog.ok_button.click()

    script(monkeypatch, InitiativeDialog, plan_again)
    assert page.edit_initiative(item.id)
    assert (
        page.doc.project.roadmap.initiative(item.id).status,
        page.doc.project.roadmap.initiative(item.id).done_date,
    ) == (
        "planned",
        None,
    )
    assert dt.date.today().isoformat() != "2027-05-14"  # the default was today, not the date kept


def test_a_refused_edit_shows_why_keeps_the_dialog_open_and_changes_nothing(
    qtbot: Any, page: RoadmapPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = page.doc
    waiting = next(i for i in doc.project.roadmap.initiatives if i.depends_on)
    needed = doc.project.roadmap.initiative(waiting.depends_on[0])
    outcome: dict[str, Any] = {}

    def loop(dialog: InitiativeDialog) -> Any:
        dialog.title.setText("A new title that must not be lost")
        dialog.add_dependency(waiting.id)  # the needed item waiting for what waits for it: a loop
        outcome["accepted"] = dialog.try_accept()
        outcome["error"] = dialog.error.text()
        outcome["visible"] = not dialog.error.isHidden()
        outcome["title"] = dialog.title.text()
        return QDialog.DialogCode.Rejected  # the consultant gives up

    script(monkeypatch, InitiativeDialog, loop)
    before = doc.project.roadmap
    steps = doc.stack.count()
    assert not page.edit_initiative(needed.id)
    assert outcome["accepted"] is False
    assert outcome["error"].startswith("That would make initiatives depend on each other in a loop")
    assert outcome["visible"]
    assert outcome["title"] == "A new title that must not be lost"
    assert doc.project.roadmap is before
    assert doc.stack.count() == steps


def test_dependencies_are_removed_and_a_pin_is_lifted(
    qtbot: Any, page: RoadmapPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = page.doc
    waiting = next(i for i in doc.project.roadmap.initiatives if i.depends_on)
    assert push_edit(doc, "Pin", lambda r: set_pin(r, waiting.id, 7)) is None

    def unlink(dialog: InitiativeDialog) -> None:
        assert dialog.pinned.isChecked() and dialog.pin_month.text() == "Oct 2027"
        assert dialog.dep_list.count() == len(waiting.depends_on)
        dialog.dep_list.setCurrentRow(0)
        qtbot.mouseClick(dialog.remove_dep, Qt.MouseButton.LeftButton)
        dialog.pinned.setChecked(False)
        dialog.ok_button.click()

    script(monkeypatch, InitiativeDialog, unlink)
    assert page.edit_initiative(waiting.id)
    after = doc.project.roadmap.initiative(waiting.id)
    assert after.depends_on == waiting.depends_on[1:]
    assert after.pinned_start is None


def test_an_unchanged_ok_pushes_nothing(qtbot: Any, page: RoadmapPage, monkeypatch: pytest.MonkeyPatch) -> None:
    item, _ = _pick(page)
    script(monkeypatch, InitiativeDialog, lambda d: d.ok_button.click())
    steps = page.doc.stack.count()
    assert not page.edit_initiative(item.id)
    assert page.doc.stack.count() == steps


def test_done_when_is_split_from_the_description_and_joined_back() -> None:
    text = "List every billing account. Cross-check the ledger. Done when the register covers 95% of spend."
    assert split_done_when(text) == (
        "List every billing account. Cross-check the ledger.",
        "the register covers 95% of spend.",
    )
    assert join_done_when(*split_done_when(text)) == text
    assert split_done_when("No criterion here.") == ("No criterion here.", "")
    assert join_done_when("", "it is signed.") == "Done when it is signed."
    assert join_done_when("Do it.", "  ") == "Do it."


def test_the_editor_says_how_far_the_items_capability_and_maturity_have_got(
    qtbot: Any, page: RoadmapPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    item, _ = _pick(page)
    model = page.doc.project.model
    shown = script(monkeypatch, InitiativeDialog, lambda _d: QDialog.DialogCode.Rejected)
    push_edit(page.doc, "Done", lambda r: set_status(r, [item.id], "done", done_date="2027-02-01"))
    page.edit_initiative(item.id)
    sentence = shown[-1].progress
    assert sentence.startswith(f"{model.capability(item.capability).name}: 1 of ")
    assert f"{model.level_name(item.phase)} item" in sentence
