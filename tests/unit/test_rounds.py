"""Assessment rounds: freezing, renaming, deleting, undo, save and reload, and bad rounds in files."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.model.capmodel import CapabilityModel
from planner.model.edits import Edit, EditRefused, score_lens, set_capability_field, set_lens_weight
from planner.model.rounds import delete_round, rename_round, round_by_id, start_reassessment
from planner.storage.errors import ProjectFileError
from planner.storage.projectdoc import project_to_document
from planner.storage.projectfile import check_project_file, load_project, project_bytes, save_project
from tests.conftest import DATA
from tests.factories import scored_project

TODAY = dt.date(2027, 5, 20)


def test_start_reassessment_freezes_the_assessment_and_keeps_the_scores(model: CapabilityModel) -> None:
    project = scored_project(model)
    before = copy.deepcopy(project.assessment.capabilities)
    edit = start_reassessment(project, "Baseline, November 2026", "2026-11-29", today=TODAY)
    edit.apply(project)
    [frozen] = project.assessment.history
    assert (frozen.label, frozen.date, frozen.model_id, frozen.model_revision) == (
        "Baseline, November 2026",
        "2026-11-29",
        model.id,
        model.revision,
    )
    assert project.assessment.capabilities == before  # the starting point of the new round
    assert frozen.capabilities["allocation"].lenses == before["allocation"].lenses
    assert frozen.capabilities["sustainability"].applicable is False
    assert frozen.lens_weights == project.assessment.lens_weights
    assert project.engagement.assessment_date == TODAY.isoformat()
    edit.inverse().apply(project)
    assert project.assessment.history == []
    assert project.engagement.assessment_date == "2026-11-29"


@pytest.mark.parametrize(
    ("label", "date", "message"),
    [
        ("", "2026-11-29", "needs a label"),
        ("Baseline", "2027-06-01", "cannot be in the future"),
        ("Baseline", "29/11/2026", "YYYY-MM-DD"),
    ],
)
def test_a_bad_round_is_refused(model: CapabilityModel, label: str, date: str, message: str) -> None:
    project = scored_project(model)
    with pytest.raises(EditRefused, match=message):
        start_reassessment(project, label, date, today=TODAY)


def test_rounds_stay_in_the_order_they_happened(model: CapabilityModel) -> None:
    project = scored_project(model)
    start_reassessment(project, "Q1", "2027-03-01", today=TODAY).apply(project)
    with pytest.raises(EditRefused, match="before the latest round"):
        start_reassessment(project, "Q4", "2026-12-01", today=TODAY)


def test_rename_and_delete_are_undoable_and_touch_nothing_else(model: CapabilityModel) -> None:
    project = scored_project(model)
    start_reassessment(project, "Baseline", "2026-11-29", today=TODAY).apply(project)
    start_reassessment(project, "Q1 review", "2027-03-01", today=TODAY).apply(project)
    snapshot = project_bytes(project)
    first = project.assessment.history[0].id
    rename = rename_round(project, first, "Baseline, November 2026")
    rename.apply(project)
    assert round_by_id(project, first).label == "Baseline, November 2026"
    assert round_by_id(project, first).capabilities == project.assessment.history[0].capabilities
    rename.inverse().apply(project)
    delete = delete_round(project, first)
    delete.apply(project)
    assert [r.label for r in project.assessment.history] == ["Q1 review"]
    delete.inverse().apply(project)
    assert project_bytes(project) == snapshot
    with pytest.raises(EditRefused, match="no round 'nope'"):
        delete_round(project, "nope")


def _history_bytes(project: Any, index: int) -> bytes:
    return json.dumps(project_to_document(project)["assessment"]["history"][index], sort_keys=True).encode()


_STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("score"), st.integers(0, 21), st.integers(0, 4), st.sampled_from([None, 0, 1, 2, 3, 4])),
        st.tuples(st.just("target"), st.integers(0, 21), st.sampled_from([None, "crawl", "walk", "run"])),
        st.tuples(st.just("weight"), st.integers(0, 4), st.sampled_from([0.5, 1.0, 2.0])),
        st.tuples(st.just("round"), st.text(min_size=1, max_size=20).filter(str.strip)),
        st.tuples(st.just("rename"), st.integers(0, 11), st.text(min_size=1, max_size=20).filter(str.strip)),
        st.tuples(st.just("delete"), st.integers(0, 11)),
        st.tuples(
            st.just("undo"),
        ),
    ),
    max_size=25,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=_STEPS)
def test_any_sequence_of_rounds_and_edits_saves_reloads_and_never_alters_a_round(
    model: CapabilityModel, tmp_path: Path, steps: list[tuple[Any, ...]]
) -> None:
    project = scored_project(model)
    caps = [c.id for c in model.iter_capabilities()]
    frozen: dict[str, bytes] = {}  # round id -> its bytes when frozen (labels aside)
    done: list[Edit] = []
    day = dt.date(2026, 1, 1)
    for step in steps:
        kind = step[0]
        history = project.assessment.history
        edit: Edit
        if kind == "score":
            edit = score_lens(project, caps[step[1]], model.lens_ids[step[2]], step[3])
        elif kind == "target":
            edit = set_capability_field(project, caps[step[1]], "target", step[2])
        elif kind == "weight":
            edit = set_lens_weight(project, model.lens_ids[step[1]], step[2])
        elif kind == "round":
            day += dt.timedelta(days=30)
            edit = start_reassessment(project, step[1], day.isoformat(), today=TODAY)
        elif kind in ("rename", "delete") and history:
            target = history[step[1] % len(history)].id
            edit = rename_round(project, target, step[2]) if kind == "rename" else delete_round(project, target)
        elif kind == "undo" and done:
            done.pop().inverse().apply(project)
            continue
        else:
            continue
        edit.apply(project)
        done.append(edit)
        if kind == "round":
            new = project.assessment.history[-1]
            frozen[new.id] = _history_bytes(project, -1)
        for i, past in enumerate(project.assessment.history):  # only the label may ever change
            now = json.loads(_history_bytes(project, i))
            was = json.loads(frozen[past.id])
            assert {**now, "label": ""} == {**was, "label": ""}
    path = tmp_path / "rounds.roadmap"
    save_project(project, path, keep_backup=False)
    again = load_project(path)
    again.saved_by = project.saved_by
    assert again == project
    assert project_bytes(again) == path.read_bytes()


def _write(tmp_path: Path, change: Any) -> Path:
    doc = json.loads((DATA / "project-v2.roadmap").read_text(encoding="utf-8"))
    change(doc["assessment"]["history"][0])
    bad = tmp_path / "acme.roadmap"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    return bad


@pytest.mark.parametrize(
    ("change", "where", "message"),
    [
        (
            lambda r: r["capabilities"].__setitem__("teleportation", {"lenses": {}}),
            "assessment.history[0].capabilities.teleportation",
            "unknown capability 'teleportation'",
        ),
        (lambda r: r.__setitem__("date", "2999-01-01"), "assessment.history[0].date", "in the future"),
        (lambda r: r.pop("date"), "assessment.history[0].date", "needs the date"),
        (lambda r: r.__setitem__("date", None), "assessment.history[0].date", "needs the date"),
        (
            lambda r: r["capabilities"]["allocation"].__setitem__("target", "sprint"),
            "assessment.history[0].capabilities.allocation.target",
            "unknown level 'sprint'",
        ),
    ],
)
def test_a_bad_round_in_a_file_gets_one_message_naming_the_file_and_field(
    tmp_path: Path, change: Any, where: str, message: str
) -> None:
    bad = _write(tmp_path, change)
    with pytest.raises(ProjectFileError) as caught:
        load_project(bad)
    text = str(caught.value)
    assert "acme.roadmap" in text and where in text and message in text, text
    assert "\n" not in text
    assert any(where in line and message in line for line in check_project_file(bad))


def test_a_round_of_the_predecessor_model_may_name_its_old_capabilities(model: CapabilityModel, tmp_path: Path) -> None:
    project = scored_project(model)
    start_reassessment(project, "Baseline", "2026-11-29", today=TODAY).apply(project)
    doc = project_to_document(project)
    [past] = doc["assessment"]["history"]
    past["model_id"] = "finops-2025"
    past["capabilities"]["onboarding-workloads"] = {"applicable": True, "lenses": {"knowledge": 2}, "target": None}
    path = tmp_path / "older.roadmap"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert check_project_file(path) == []
    past["capabilities"]["teleportation"] = {"lenses": {}}
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert any("unknown capability 'teleportation'" in p for p in check_project_file(path))
