"""The document and its commands: edits, undo/redo, merging, dirty state, change notifications."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.model.capmodel import CapabilityModel
from planner.model.edits import (
    Change,
    ChangeKind,
    Edit,
    score_lens,
    set_capability_field,
    set_engagement_field,
    set_lens_weight,
)
from planner.model.project import new_project
from planner.storage.models import load_bundled_model
from planner.storage.projectfile import load_project, save_project
from planner.ui.document import Document
from tests.gui.conftest import scored_project


def test_score_undo_redo_and_dirty_state(qtbot: Any) -> None:
    doc = Document(new_project(load_bundled_model()))
    seen: list[Change] = []
    doc.changed.connect(seen.append)
    assert not doc.modified
    doc.push(score_lens(doc.project, "allocation", "process", 3))
    assert doc.project.assessment.capabilities["allocation"].lenses["process"] == 3
    assert doc.modified
    assert doc.stack.undoText() == "Score Allocation: Process 3"
    assert seen[-1] == Change(ChangeKind.ASSESSMENT, ("allocation",))
    assert doc.scorecard().capabilities["allocation"].score == 75.0
    doc.stack.undo()
    assert "allocation" not in doc.project.assessment.capabilities  # no record left behind
    assert doc.scorecard().capabilities["allocation"].score is None
    assert not doc.modified
    doc.stack.redo()
    assert doc.modified
    assert doc.scorecard().capabilities["allocation"].score == 75.0


def test_typing_merges_into_one_step_and_back_to_start_is_obsolete(qtbot: Any) -> None:
    doc = Document(new_project(load_bundled_model()))
    for text in ("A", "Ac", "Acm", "Acme"):
        doc.push(set_engagement_field(doc.project, "client", text))
    assert doc.stack.count() == 1
    assert doc.stack.undoText() == "Edit client"
    doc.stack.undo()
    assert doc.project.engagement.client == ""
    doc.stack.redo()
    assert doc.project.engagement.client == "Acme"
    for text in ("Acm", ""):
        doc.push(set_engagement_field(doc.project, "client", text))
    assert doc.project.engagement.client == ""
    assert doc.stack.count() == 0  # typing back to the original value leaves nothing to undo
    assert not doc.modified


def test_notes_merge_per_capability_but_not_across(qtbot: Any) -> None:
    doc = Document(new_project(load_bundled_model()))
    doc.push(set_capability_field(doc.project, "allocation", "notes", "Tags"))
    doc.push(set_capability_field(doc.project, "allocation", "notes", "Tags are"))
    doc.push(set_capability_field(doc.project, "budgeting", "notes", "No"))
    assert doc.stack.count() == 2
    assert doc.stack.text(0) == "Edit client-facing notes of Allocation"
    doc.push(set_capability_field(doc.project, "budgeting", "target", "walk"))
    doc.push(set_capability_field(doc.project, "budgeting", "target", "run"))
    assert doc.stack.count() == 4  # target changes are separate steps


def test_weight_change_rescores_and_undoes_to_default(qtbot: Any, model: CapabilityModel) -> None:
    project = scored_project(model)
    project.assessment.lens_weights.pop("automation")
    doc = Document(project)
    before = doc.scorecard().capabilities["allocation"].score
    seen: list[Change] = []
    doc.changed.connect(seen.append)
    doc.push(set_lens_weight(doc.project, "automation", 2.0))
    doc.push(set_lens_weight(doc.project, "automation", 3.0))
    assert doc.stack.count() == 1
    assert doc.stack.undoText() == "Set Automation weight to 3"
    assert doc.scorecard().capabilities["allocation"].score != before
    assert seen[-1].kind is ChangeKind.WEIGHTS
    doc.stack.undo()
    assert "automation" not in doc.project.assessment.lens_weights
    assert doc.scorecard().capabilities["allocation"].score == before


def test_incremental_rescoring_equals_scoring_the_whole_project(qtbot: Any, model: CapabilityModel) -> None:
    from planner.model.scoring import score_project

    doc = Document(scored_project(model))
    doc.scorecard()
    edits: list[Callable[[], Edit]] = [
        lambda: score_lens(doc.project, "allocation", "process", 4),
        lambda: score_lens(doc.project, "forecasting", "knowledge", None),
        lambda: set_capability_field(doc.project, "budgeting", "applicable", False),
        lambda: score_lens(doc.project, "sustainability", "metrics", 4),  # not applicable: scores nothing
        lambda: set_capability_field(doc.project, "anomaly-management", "target", "run"),
    ]
    for make in edits:
        doc.push(make())
        assert doc.scorecard() == score_project(model, doc.project.assessment)
    while doc.stack.canUndo():
        doc.stack.undo()
        assert doc.scorecard() == score_project(model, doc.project.assessment)


_REQUESTS = st.lists(
    st.one_of(
        st.tuples(st.just("lens"), st.sampled_from(["allocation", "budgeting"]), st.sampled_from(["process", "metrics"]),
                  st.one_of(st.none(), st.integers(0, 4))),
        st.tuples(st.just("notes"), st.sampled_from(["allocation", "budgeting"]), st.text(max_size=6)),
        st.tuples(st.just("client"), st.text(max_size=6)),
        st.tuples(st.just("undo")),
    ),
    max_size=20,
)  # fmt: skip


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(requests=_REQUESTS)
def test_any_edits_then_undo_all_saves_the_opened_file_byte_for_byte(
    qtbot: Any, tmp_path: Path, model: CapabilityModel, requests: list[tuple[Any, ...]]
) -> None:
    opened = tmp_path / "opened.roadmap"
    project = scored_project(model)
    del project.assessment.capabilities["budgeting"]  # never scored: the first score creates its record
    save_project(project, opened, keep_backup=False)
    doc = Document(load_project(opened))
    for kind, *args in requests:
        if kind == "undo":
            doc.stack.undo()
        elif kind == "lens":
            doc.push(score_lens(doc.project, *args))
        elif kind == "notes":
            doc.push(set_capability_field(doc.project, args[0], "notes", args[1]))
        else:
            doc.push(set_engagement_field(doc.project, "client", args[0]))
    while doc.stack.canUndo():
        doc.stack.undo()
    assert not doc.modified
    again = tmp_path / "again.roadmap"
    save_project(doc.project, again, keep_backup=False)
    assert again.read_bytes() == opened.read_bytes()
