"""The 2025 model and carrying a 2025 assessment over to the 2026 model."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.model.capmodel import CapabilityModel
from planner.model.convert import capability_map, convert_project
from planner.model.project import Assessment, CapabilityAssessment, Initiative, Project, Roadmap, default_phases
from planner.storage.models import load_bundled_model


@pytest.fixture(scope="module")
def model_2025() -> CapabilityModel:
    return load_bundled_model("finops-2025")


def test_2025_model_has_the_older_capability_list(model_2025: CapabilityModel) -> None:
    names = {c.id: c.name for c in model_2025.iter_capabilities()}
    assert len(names) == 22
    assert names["workload-optimization"] == "Workload Optimization"
    assert names["policy-governance"] == "Cloud Policy & Governance"
    assert names["onboarding-workloads"] == "Onboarding Workloads"
    assert "executive-strategy-alignment" not in names
    onboarding = model_2025.capability("onboarding-workloads")
    assert all(len(onboarding.initiatives_for(level)) >= 3 for level in ("crawl", "walk", "run"))
    assert all(
        t.key.startswith("workload-optimization.") for t in model_2025.capability("workload-optimization").initiatives
    )


#: Constructs the 2026 revision introduced, which texts of the 2025 model must not use.
ONLY_2026 = re.compile(r"technology categor|decision.rights|data cloud platform|executive strategy", re.IGNORECASE)


def _texts(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every text of a model document with its path (library keys left out: they are ids)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key != "key":
                yield from _texts(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, f"{path}[{i}]")
    elif isinstance(value, str):
        yield path, value


def test_2025_texts_use_no_construct_of_2026(model_2025: CapabilityModel) -> None:
    found = [path for path, text in _texts(model_2025.document["domains"]) if ONLY_2026.search(text)]
    assert found == []
    summary = model_2025.capability("onboarding-workloads").summary
    assert "2026 revision folded it into Architecting & Workload Placement" in summary
    assert "2026" not in model_2025.capability("architecting-for-cloud").summary


def test_rename_map(model_2025: CapabilityModel, model: CapabilityModel) -> None:
    mapping = capability_map(model_2025, model)
    assert mapping["benchmarking"] == "kpis-benchmarking"
    assert mapping["finops-tools-services"] == "automation-tools-services"
    assert mapping["allocation"] == "allocation"
    assert mapping["onboarding-workloads"] is None
    assert capability_map(model, model)["allocation"] == "allocation"
    with pytest.raises(ValueError, match="does not describe how to convert"):
        capability_map(model, model_2025)


def test_convert_keeps_findings_and_notes(model_2025: CapabilityModel, model: CapabilityModel) -> None:
    caps = {
        "workload-optimization": CapabilityAssessment(lenses={"knowledge": 3, "process": 2}, target="run", notes="Rightsizing is manual."),
        "allocation": CapabilityAssessment(lenses={"knowledge": 1}, target="walk"),
        "onboarding-workloads": CapabilityAssessment(lenses={"knowledge": 2}, notes="Migrations run by partner.", internal_notes="Partner contract ends in June.", evidence=["Migration runbook v3", "Workshop 2 notes"], target="walk", votes={"p1": {"knowledge": 1}}, extra={"confidence": "low"}),
    }  # fmt: skip
    roadmap = Roadmap(phases=default_phases(model_2025))
    roadmap.initiatives = [
        Initiative(id="a", capability="onboarding-workloads", title="Gate cut-over on tagging", phase="crawl"),
        Initiative(id="b", capability="workload-optimization", title="Schedule non-production", phase="crawl", depends_on=["a"]),
    ]  # fmt: skip
    project = Project(model_2025, assessment=Assessment(capabilities=caps), roadmap=roadmap)
    converted, report = convert_project(project, model)
    assert converted.model.id == "finops-2026"
    found = converted.assessment.capabilities
    assert found["usage-optimization"].lenses == {"knowledge": 3, "process": 2}
    assert found["usage-optimization"].notes == "Rightsizing is manual."
    assert "onboarding-workloads" not in found
    kept = converted.assessment.extra["notes_of_retired_capabilities"]
    assert kept == [{"capability": "Onboarding Workloads", "notes": "Migrations run by partner.", "internal_notes": "Partner contract ends in June.",
                     "evidence": ["Migration runbook v3", "Workshop 2 notes"], "id": "onboarding-workloads", "applicable": True,
                     "lenses": {"knowledge": 2}, "target": "walk", "importance": 3, "na_reason": "",
                     "votes": {"p1": {"knowledge": 1}}, "confidence": "low"}]  # fmt: skip
    retired_items = converted.roadmap.extra["initiatives_of_retired_capabilities"]
    assert [(r["capability_name"], r["id"], r["title"], r["phase"]) for r in retired_items] == [
        ("Onboarding Workloads", "a", "Gate cut-over on tagging", "crawl")
    ]
    assert [(i.id, i.capability, i.depends_on) for i in converted.roadmap.initiatives] == [
        ("b", "usage-optimization", [])
    ]
    lines = report.lines(model_2025, model)
    assert "Workload Optimization is now Usage Optimization." in lines
    assert "Executive Strategy Alignment is new and not scored yet." in lines
    assert (
        "Roadmap item dropped with its capability (kept under roadmap.initiatives_of_retired_capabilities): "
        "Gate cut-over on tagging"
    ) in lines
    assert (
        "Onboarding Workloads is not part of FinOps Framework 2026; its notes, evidence and scores are kept "
        "in the project file under assessment.notes_of_retired_capabilities."
    ) in lines
    assert project.assessment.capabilities["workload-optimization"].lenses == {
        "knowledge": 3,
        "process": 2,
    }  # source untouched


def test_rename_map_is_validated(model: CapabilityModel) -> None:
    import copy
    import json

    from planner.model.modelload import ModelError, model_from_document

    doc = copy.deepcopy(json.loads(json.dumps(model.document)))
    doc["predecessors"]["finops-2025"]["renamed"]["benchmarking"] = "no-such"
    with pytest.raises(ModelError, match="renames to unknown capability 'no-such'"):
        model_from_document(doc)


def test_convert_keeps_every_word_through_a_save(
    model_2025: CapabilityModel, model: CapabilityModel, tmp_path: Path
) -> None:
    """Notes, internal notes and evidence of a removed capability survive the conversion and the file."""
    from planner.storage.projectfile import load_project, save_project

    written = CapabilityAssessment(
        notes="Client: partner runs migrations.",
        internal_notes="Do not quote the contract.",
        evidence=["Runbook \u00a0v3", "Interview, 12 May\u2028second line"],
    )
    evidence_only = CapabilityAssessment(evidence=["Screenshot of the landing zone"])
    caps = {"onboarding-workloads": written}
    project = Project(
        model_2025, assessment=Assessment(capabilities=caps), roadmap=Roadmap(phases=default_phases(model_2025))
    )
    converted, report = convert_project(project, model)
    path = tmp_path / "converted.roadmap"
    save_project(converted, path)
    kept = load_project(path).assessment.extra["notes_of_retired_capabilities"]
    assert [(k["notes"], k["internal_notes"], k["evidence"]) for k in kept] == [
        (written.notes, written.internal_notes, written.evidence)
    ]
    project.assessment.capabilities = {"onboarding-workloads": evidence_only}
    converted, report = convert_project(project, model)
    assert converted.assessment.extra["notes_of_retired_capabilities"][0]["evidence"] == evidence_only.evidence
    assert report.kept_findings == ["onboarding-workloads"]
    project.assessment.capabilities = {"onboarding-workloads": CapabilityAssessment()}
    converted, report = convert_project(project, model)
    assert "notes_of_retired_capabilities" not in converted.assessment.extra  # nothing written, nothing kept
