"""An earlier engagement's file taken as a round: same model, an older model, refusals."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.model.capmodel import CapabilityModel
from planner.model.compare import compare_in_project
from planner.model.convert import convert_project
from planner.model.edits import EditRefused
from planner.model.importround import import_edit, round_from_project
from planner.model.project import CapabilityAssessment, Project
from planner.model.rounds import start_reassessment
from planner.storage.models import load_bundled_model
from tests.factories import scored_project

TODAY = dt.date(2027, 5, 20)


def test_an_earlier_file_of_the_same_model_becomes_a_round_in_date_order(model: CapabilityModel) -> None:
    earlier = scored_project(model, client="Northwind Retail")
    earlier.engagement.assessment_date = "2026-05-10"
    project = scored_project(model, client="northwind  retail")
    start_reassessment(project, "Baseline", "2026-11-29", today=TODAY).apply(project)
    imported = round_from_project(earlier, project)
    assert imported.same_client and imported.notes == []
    assert imported.round.label == "FinOps maturity assessment, May 2026"
    edit = import_edit(project, imported, today=TODAY)
    edit.apply(project)
    assert [r.date for r in project.assessment.history] == ["2026-05-10", "2026-11-29"]
    assert len({r.id for r in project.assessment.history}) == 2
    assert compare_in_project(project, project.assessment.history[0].id).count("up") == 0
    edit.inverse().apply(project)
    assert [r.label for r in project.assessment.history] == ["Baseline"]


def test_a_2025_file_is_mapped_and_what_moved_is_said(model: CapabilityModel) -> None:
    old_model = load_bundled_model("finops-2025")
    earlier = Project(old_model)
    earlier.engagement.client = "Acme"
    earlier.engagement.assessment_date = "2025-11-03"
    earlier.assessment.lens_weights = dict.fromkeys(old_model.lens_ids, 1.0)
    for cap in old_model.iter_capabilities():
        earlier.assessment.capabilities[cap.id] = CapabilityAssessment(lenses=dict.fromkeys(old_model.lens_ids, 1))
    project, _ = convert_project(earlier, model)
    project.engagement.client = "Globex"
    imported = round_from_project(earlier, project, label="Release 1 baseline")
    assert not imported.same_client
    assert imported.round.model_id == "finops-2025"
    assert imported.notes[0].startswith("Scored against FinOps Framework 2025")
    assert any("benchmarking is compared as KPIs & Benchmarking" in n for n in imported.notes)
    import_edit(project, imported, today=TODAY).apply(project)
    cmp = compare_in_project(project)
    assert cmp.count("up") == cmp.count("down") == 0


def test_refusals_say_why(model: CapabilityModel) -> None:
    project = scored_project(model)
    undated = scored_project(model)
    undated.engagement.assessment_date = ""
    with pytest.raises(EditRefused, match="no assessment date"):
        round_from_project(undated, project)
    later = scored_project(model)
    later.engagement.assessment_date = "2030-01-01"
    with pytest.raises(EditRefused, match="cannot be in the future"):
        import_edit(project, round_from_project(later, project), today=TODAY)
    old_model = load_bundled_model("finops-2025")
    newer = Project(model)
    newer.engagement.assessment_date = "2026-01-01"
    on_2025 = Project(old_model)
    with pytest.raises(EditRefused, match="cannot be compared"):
        round_from_project(newer, on_2025)
