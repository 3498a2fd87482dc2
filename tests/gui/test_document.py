"""The document and its commands: edits, undo/redo, merging, dirty state, change notifications."""

from __future__ import annotations

from typing import Any

from planner.model.capmodel import CapabilityModel
from planner.ui.commands import SetCapabilityField, SetEngagementField, SetLensScore, SetLensWeight
from planner.ui.document import Change, Document
from planner.ui.files import new_project
from tests.gui.conftest import scored_project


def test_score_undo_redo_and_dirty_state(qtbot: Any) -> None:
    doc = Document(new_project())
    seen: list[Change] = []
    doc.changed.connect(seen.append)
    assert not doc.modified
    doc.stack.push(SetLensScore(doc, "allocation", "process", 3))
    assert doc.project.assessment.capabilities["allocation"].lenses["process"] == 3
    assert doc.modified
    assert doc.stack.undoText() == "Score Allocation: Process 3"
    assert seen[-1] == Change("assessment", ("allocation",))
    assert doc.scorecard().capabilities["allocation"].score == 75.0
    doc.stack.undo()
    assert doc.project.assessment.capabilities["allocation"].lenses["process"] is None
    assert doc.scorecard().capabilities["allocation"].score is None
    assert not doc.modified
    doc.stack.redo()
    assert doc.modified
    assert doc.scorecard().capabilities["allocation"].score == 75.0


def test_typing_merges_into_one_step_and_back_to_start_is_obsolete(qtbot: Any) -> None:
    doc = Document(new_project())
    for text in ("A", "Ac", "Acm", "Acme"):
        doc.stack.push(SetEngagementField(doc, "client", text))
    assert doc.stack.count() == 1
    assert doc.stack.undoText() == "Edit client"
    doc.stack.undo()
    assert doc.project.engagement.client == ""
    doc.stack.redo()
    assert doc.project.engagement.client == "Acme"
    for text in ("Acm", ""):
        doc.stack.push(SetEngagementField(doc, "client", text))
    assert doc.project.engagement.client == ""
    assert doc.stack.count() == 0  # typing back to the original value leaves nothing to undo
    assert not doc.modified


def test_notes_merge_per_capability_but_not_across(qtbot: Any) -> None:
    doc = Document(new_project())
    doc.stack.push(SetCapabilityField(doc, "allocation", "notes", "Tags"))
    doc.stack.push(SetCapabilityField(doc, "allocation", "notes", "Tags are"))
    doc.stack.push(SetCapabilityField(doc, "budgeting", "notes", "No"))
    assert doc.stack.count() == 2
    assert doc.stack.text(0) == "Edit client-facing notes of Allocation"
    doc.stack.push(SetCapabilityField(doc, "budgeting", "target", "walk"))
    doc.stack.push(SetCapabilityField(doc, "budgeting", "target", "run"))
    assert doc.stack.count() == 4  # target changes are separate steps


def test_weight_change_rescores_and_undoes_to_default(qtbot: Any, model: CapabilityModel) -> None:
    project = scored_project(model)
    project.assessment.lens_weights.pop("automation")
    doc = Document(project)
    before = doc.scorecard().capabilities["allocation"].score
    seen: list[Change] = []
    doc.changed.connect(seen.append)
    doc.stack.push(SetLensWeight(doc, "automation", 2.0))
    doc.stack.push(SetLensWeight(doc, "automation", 3.0))
    assert doc.stack.count() == 1
    assert doc.stack.undoText() == "Set Automation weight to 3"
    assert doc.scorecard().capabilities["allocation"].score != before
    assert seen[-1].kind == "weights"
    doc.stack.undo()
    assert "automation" not in doc.project.assessment.lens_weights
    assert doc.scorecard().capabilities["allocation"].score == before


def test_incremental_rescoring_equals_scoring_the_whole_project(qtbot: Any, model: CapabilityModel) -> None:
    from planner.model.scoring import score_project

    doc = Document(scored_project(model))
    doc.scorecard()
    edits = [
        SetLensScore(doc, "allocation", "process", 4),
        SetLensScore(doc, "forecasting", "knowledge", None),
        SetCapabilityField(doc, "budgeting", "applicable", False),
        SetLensScore(doc, "sustainability", "metrics", 4),  # not applicable: scores nothing
        SetCapabilityField(doc, "anomaly-management", "target", "run"),
    ]
    for command in edits:
        doc.stack.push(command)
        assert doc.scorecard() == score_project(model, doc.project.assessment)
    while doc.stack.canUndo():
        doc.stack.undo()
        assert doc.scorecard() == score_project(model, doc.project.assessment)
