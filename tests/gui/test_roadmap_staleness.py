"""Regeneration with a say on each change, restoring deleted items, the "out of date" banner, scope and size."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from planner.model.capmodel import CapabilityModel
from planner.model.edits import set_capability_field, set_engagement_field
from planner.ui.document import Document
from planner.ui.exportdialog import ExportDialog
from planner.ui.mainwindow import MainWindow
from planner.ui.roadmap.dialogs import RegenerationDialog
from planner.ui.roadmap.page import RoadmapPage
from tests.gui.roadmap_support import open_page, planned_project, script


@pytest.fixture
def page(window: MainWindow, model: CapabilityModel) -> RoadmapPage:
    return open_page(window, planned_project(model))


def _rescore(doc: Document) -> tuple[str, str]:
    """Raise one Crawl target to Run and drop the target of a planned capability; return both ids."""
    records = doc.project.assessment.capabilities
    planned_caps = {i.capability for i in doc.project.roadmap.initiatives}
    up = next(c for c, a in records.items() if a.target == "crawl" and a.applicable and c not in planned_caps)
    down = next(c for c in planned_caps if c != up)
    doc.push(set_capability_field(doc.project, up, "target", "run"))
    doc.push(set_capability_field(doc.project, down, "target", None))
    return up, down


def _rows(dialog: RegenerationDialog, key: str) -> list[str]:
    listing = dialog.lists[key]
    return [listing.item(row).data(Qt.ItemDataRole.UserRole) for row in range(listing.count())]


def test_the_preview_applies_only_the_ticked_additions_and_removals_as_one_step(
    qtbot: Any, page: RoadmapPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = page.doc
    up, down = _rescore(doc)
    before = doc.project.roadmap
    chosen: dict[str, str] = {}

    def review(dialog: RegenerationDialog) -> None:
        added, removed = _rows(dialog, "added"), _rows(dialog, "removed")
        assert added and removed
        assert {doc.project.roadmap.initiative(i).capability for i in removed} == {down}
        assert {i.capability for i in dialog.plan.added} == {up}
        assert all(dialog.lists["added"].item(r).checkState() == Qt.CheckState.Checked for r in range(len(added)))
        chosen["rejected"], chosen["kept"] = added[0], removed[0]
        dialog.lists["added"].item(0).setCheckState(Qt.CheckState.Unchecked)  # as a click on its box does
        dialog.lists["removed"].item(0).setCheckState(Qt.CheckState.Unchecked)
        chosen["added"], chosen["removed"] = ",".join(added), ",".join(removed)
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    shown = script(monkeypatch, RegenerationDialog, review)
    assert not page.banner.isHidden()
    steps = doc.stack.count()
    assert page.generate()
    assert len(shown) == 1
    roadmap = doc.project.roadmap
    ids = {i.id for i in roadmap.initiatives}
    added, removed = chosen["added"].split(","), chosen["removed"].split(",")
    assert chosen["rejected"] not in ids
    assert set(added) - {chosen["rejected"]} <= ids
    assert chosen["rejected"] in roadmap.dismissed  # not offered again
    assert chosen["kept"] in ids and roadmap.initiative(chosen["kept"]).locked
    assert not (set(removed) - {chosen["kept"]}) & ids
    assert doc.stack.count() == steps + 1
    assert doc.stack.undoText() == f"Regenerate roadmap (+{len(added) - 1}, -{len(removed) - 1})"
    assert page.banner.isHidden()
    doc.stack.undo()
    assert doc.project.roadmap is before
    assert not page.banner.isHidden()


def test_cancelling_the_preview_changes_nothing(qtbot: Any, page: RoadmapPage, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = page.doc
    _rescore(doc)
    before, steps = doc.project.roadmap, doc.stack.count()

    def cancel(dialog: RegenerationDialog) -> None:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    script(monkeypatch, RegenerationDialog, cancel)
    assert not page.generate()
    assert doc.project.roadmap is before and doc.stack.count() == steps


def test_the_banner_names_what_changed_and_keep_as_is_is_undoable(
    qtbot: Any, page: RoadmapPage, model: CapabilityModel
) -> None:
    doc = page.doc
    assert page.banner.isHidden()
    caps = [c.id for c in model.iter_capabilities() if doc.project.assessment.capabilities[c.id].applicable]
    for cap in caps[:5]:
        doc.push(
            set_capability_field(
                doc.project, cap, "importance", 5 if doc.project.assessment.capabilities[cap].importance != 5 else 1
            )
        )
    assert not page.banner.isHidden()
    text = page.banner.text.text()
    assert text.startswith("The roadmap is out of date: ")
    assert f"{model.capability(caps[0]).name}'s importance changed" in text
    assert model.capability(caps[3]).name not in text  # three are named, the others counted
    assert text.endswith("And 2 more changes.")
    assert len(page.banner.toolTip().splitlines()) == 5
    before = doc.project.roadmap
    qtbot.mouseClick(page.banner.keep, Qt.MouseButton.LeftButton)
    assert page.banner.isHidden()
    assert doc.stack.undoText() == "Keep the roadmap as is"
    assert doc.project.roadmap.initiatives == before.initiatives
    doc.stack.undo()
    assert not page.banner.isHidden()
    doc.stack.redo()
    assert page.banner.isHidden()


def test_the_banner_regenerates_through_the_preview(
    qtbot: Any, page: RoadmapPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = page.doc
    _rescore(doc)
    shown = script(monkeypatch, RegenerationDialog, lambda d: d.apply_button.click())
    qtbot.mouseClick(page.banner.regenerate, Qt.MouseButton.LeftButton)
    assert len(shown) == 1
    assert page.banner.isHidden()
    assert doc.stack.undoText().startswith("Regenerate roadmap (+")


def test_a_new_scope_makes_the_roadmap_out_of_date_instead_of_redrafting_it(
    qtbot: Any, page: RoadmapPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = page.doc
    before = [i.id for i in doc.project.roadmap.initiatives]
    page.scope.setCurrentIndex(page.scope.findData("full"))
    page.scope.activated.emit(page.scope.currentIndex())
    assert doc.project.roadmap.scope == "full"
    assert [i.id for i in doc.project.roadmap.initiatives] == before
    assert doc.stack.undoText() == "Set scope to full"
    assert "The scope changed (lean to full)." in page.banner.text.text()
    shown = script(monkeypatch, RegenerationDialog, lambda d: d.apply_button.click())
    assert page.generate()  # even when the full scope adds nothing, applying records it as up to date
    assert shown[0].apply_button.isEnabled()
    assert page.banner.isHidden()
    doc.stack.undo()
    doc.stack.undo()
    assert doc.project.roadmap.scope == "lean"
    assert page.scope.currentData() == "lean"
    assert page.banner.isHidden()


def test_another_organisation_size_makes_the_roadmap_out_of_date(qtbot: Any, page: RoadmapPage) -> None:
    doc = page.doc
    doc.push(set_engagement_field(doc.project, "org_size", "startup"))
    assert "The organisation size changed (not set to startup)." in page.banner.text.text()
    doc.stack.undo()
    assert page.banner.isHidden()


def test_restore_deleted_brings_library_items_back_through_the_preview(
    qtbot: Any, page: RoadmapPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = page.doc
    assert not page.restore_button.isEnabled()
    key = next(k for k, c in page.board.columns.items() if c.count())
    column = page.board.columns[key]
    gone = column.ids()[0]
    template = doc.project.roadmap.initiative(gone).template
    column.setCurrentRow(0)
    column.setFocus()
    assert page.delete_selected()
    assert doc.project.roadmap.dismissed == [template]
    assert page.restore_button.isEnabled()

    script(monkeypatch, RegenerationDialog, lambda d: QDialog.DialogCode.Rejected)
    assert not page.restore_dismissed()
    assert doc.project.roadmap.dismissed == [template]  # cancelled: still set aside

    offered: list[list[str]] = []

    def accept(dialog: RegenerationDialog) -> None:
        offered.append(_rows(dialog, "added"))
        assert dialog.windowTitle() == "Restore deleted initiatives"
        dialog.apply_button.click()

    script(monkeypatch, RegenerationDialog, accept)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert offered == [[gone]]
    assert gone in page.board.columns[key].ids()
    assert doc.project.roadmap.dismissed == []
    assert not page.restore_button.isEnabled()
    assert doc.stack.undoText() == "Restore deleted initiatives (+1, -0)"
    doc.stack.undo()
    assert doc.project.roadmap.dismissed == [template]
    assert gone not in {i.id for i in doc.project.roadmap.initiatives}


def test_the_export_dialog_warns_while_the_roadmap_is_out_of_date_and_still_exports(
    qtbot: Any, page: RoadmapPage, tmp_path: Path
) -> None:
    doc = page.doc
    window = page.window()
    assert isinstance(window, MainWindow)
    first = window.export_report()
    assert isinstance(first, ExportDialog)
    assert first.stale.isHidden()
    first.close()
    _rescore(doc)
    dialog = window.export_report()
    assert isinstance(dialog, ExportDialog)
    assert not dialog.stale.isHidden()
    assert dialog.stale.text().startswith("The roadmap is out of date: ")
    assert "The export shows the roadmap as it is" in dialog.stale.text()
    dialog.checks["pdf"].setChecked(False)
    dialog.paths["xlsx"].setText(str(tmp_path / "stale.xlsx"))
    assert dialog.export_button.isEnabled()
    with qtbot.waitSignal(dialog.export_finished, timeout=120_000) as finished:
        assert dialog.start()
    assert finished.args == [True]
    assert (tmp_path / "stale.xlsx").read_bytes()[:2] == b"PK"
    page.keep_as_is()  # the dialog follows the project
    assert dialog.stale.isHidden()
    dialog.close()
