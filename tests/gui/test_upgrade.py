"""File > Upgrade model…: the review dialog, one undo step, the pages rebuilt, save and reopen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox

from planner.model.project import Assessment, CapabilityAssessment, Project, Roadmap, default_phases
from planner.storage.models import load_bundled_model
from planner.storage.projectdoc import project_to_document
from planner.storage.projectfile import load_project, save_project
from planner.ui.assessment import AssessmentPage
from planner.ui.mainwindow import MainWindow
from planner.ui.upgrading import UpgradeDialog
from tests.conftest import DATA
from tests.gui.conftest import Dialogs


def _open_golden(window: MainWindow, tmp_path: Path) -> Path:
    path = tmp_path / "project-v2.roadmap"
    path.write_bytes((DATA / "project-v2.roadmap").read_bytes())
    assert window.files.open_path(path)
    return path


def test_upgrade_is_reviewed_applied_undone_and_saved(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    path = _open_golden(window, tmp_path)
    doc = window.doc
    assert doc is not None
    before = project_to_document(doc.project)
    on_disk = path.read_bytes()
    assert window.actions_by_name["upgrade"].isEnabled()
    window.show_page("assessment")
    window.actions_by_name["upgrade"].trigger()
    dialog = window.findChild(UpgradeDialog)
    assert dialog is not None and dialog.isVisible()
    review = dialog.review.toPlainText()
    assert "From FinOps Framework 2026 (revision 1) to FinOps Framework 2026 (revision 2)." in review
    assert "Now: Ad hoc from 0%, Crawl from 37.5%, Walk from 62.5%, Run from 87.5%" in review
    assert "Data Ingestion: Crawl -> Ad hoc (30.0%)" in review
    assert not window.isWindowModified()  # nothing changed yet
    # Cancel: nothing changes
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert project_to_document(doc.project) == before and doc.stack.count() == 0
    # Upgrade: one undo step, the pages rebuilt on the new model
    old_page = window.pages["assessment"]
    dialog = window.upgrade_model()
    assert isinstance(dialog, UpgradeDialog)
    dialog.upgrade_button.click()
    assert doc.project.model.revision == 2
    assert doc.stack.count() == 1
    assert doc.stack.undoText() == "Upgrade model to FinOps Framework 2026 (revision 2)"
    assert window.isWindowModified()
    page = window.pages["assessment"]
    assert isinstance(page, AssessmentPage) and page is not old_page
    assert window.current_page() == "assessment"
    tree = page.tree_model
    assert tree.data(tree.index_of("data-ingestion", 1)) == "Ad hoc"
    assert window.statusBar().currentMessage() == (
        "Upgraded to FinOps Framework 2026 (revision 2). The roadmap was planned from the old levels: regenerate it."
    )
    page.select_capability("data-ingestion")
    assert "halfway between the anchor below" in page.panel.explain.text()
    # Undo takes it all back, redo brings it again
    doc.stack.undo()
    assert project_to_document(doc.project) == before
    restored = window.pages["assessment"]
    assert isinstance(restored, AssessmentPage) and restored is not page
    assert restored.tree_model.data(restored.tree_model.index_of("data-ingestion", 1)) == "Crawl"
    assert not window.isWindowModified()
    doc.stack.redo()
    assert doc.project.model.revision == 2
    assert path.read_bytes() == on_disk  # the file changes only on save
    # save and reopen: the new model is embedded
    assert window.files.save()
    again = load_project(path)
    assert (again.model.revision, again.model.level("none").name) == (2, "Ad hoc")
    assert (tmp_path / "project-v2.roadmap.bak").read_bytes() == on_disk
    assert again.assessment.capabilities == load_project(DATA / "project-v2.roadmap").assessment.capabilities


def test_a_2025_project_merges_onboarding_in_the_app(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    model_2025 = load_bundled_model("finops-2025")
    caps = {"onboarding-workloads": CapabilityAssessment(lenses={"knowledge": 2}, notes="Waves slip.")}
    project = Project(
        model_2025, assessment=Assessment(capabilities=caps), roadmap=Roadmap(phases=default_phases(model_2025))
    )
    path = tmp_path / "old.roadmap"
    save_project(project, path)
    assert window.files.open_path(path)
    dialog = window.upgrade_model()
    assert isinstance(dialog, UpgradeDialog)
    review = dialog.review.toPlainText()
    assert "Merged: Onboarding Workloads -> Architecting & Workload Placement" in review
    assert "Re-score" in review
    dialog.upgrade_button.click()
    doc = window.doc
    assert doc is not None
    found = doc.project.assessment.capabilities["architecting-workload-placement"]
    assert found.notes.endswith("Waves slip.")
    page = window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    assert "executive-strategy-alignment" in page.tree_model.capability_order()
    assert "onboarding-workloads" not in page.tree_model.capability_order()
    doc.stack.undo()
    restored = window.pages["assessment"]
    assert isinstance(restored, AssessmentPage)
    assert "onboarding-workloads" in restored.tree_model.capability_order()


def test_nothing_to_upgrade_says_so(qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    path = tmp_path / "new.roadmap"
    save_project(Project(load_bundled_model()), path)
    assert window.files.open_path(path)
    assert window.upgrade_model() is None
    assert dialogs.texts("information") == [
        "This project uses FinOps Framework 2026 (revision 2): no bundled model is newer, so there is nothing to upgrade."
    ]
    assert window.findChild(UpgradeDialog) is None
