"""The 2025 model and carrying a 2025 assessment over to the 2026 model."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from planner.model.capmodel import CapabilityModel
from planner.model.convert import (
    MERGED_FINDINGS,
    RETIRED_LIBRARY_ITEMS,
    capability_map,
    convert_project,
)
from planner.model.modelload import model_from_document
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
    assert mapping["onboarding-workloads"] == "architecting-workload-placement"  # merged, not lost
    assert capability_map(model, model)["allocation"] == "allocation"
    with pytest.raises(ValueError, match="does not describe how to convert"):
        capability_map(model, model_2025)


def _successor_doc(model: CapabilityModel, **changes: Any) -> dict[str, Any]:
    """A copy of the 2026 model document with top-level keys changed (a synthetic successor)."""
    doc = copy.deepcopy(json.loads(json.dumps(model.document)))
    doc.update(changes)
    return doc


def _without_item(doc: dict[str, Any], key: str) -> dict[str, Any]:
    """Take a library item out of a model document (and out of every ``requires`` naming it)."""
    for domain in doc["domains"]:
        for cap in domain["capabilities"]:
            cap["initiatives"] = [t for t in cap["initiatives"] if t["key"] != key]
            for tpl in cap["initiatives"]:
                tpl["requires"] = [r for r in tpl.get("requires", []) if r != key]
    return doc


def _onboarding_project(model_2025: CapabilityModel, **caps: CapabilityAssessment) -> Project:
    roadmap = Roadmap(phases=default_phases(model_2025))
    roadmap.initiatives = [
        Initiative(id="a", capability="onboarding-workloads", title="Gate cut-over on tagging", phase="walk",
                   template="onboarding-workloads.walk.cut-over-change-gate", edited=True),
        Initiative(id="b", capability="workload-optimization", title="Schedule non-production", phase="crawl",
                   depends_on=["a"], template="workload-optimization.crawl.pilot-offhours-schedule"),
        Initiative(id="c", capability="onboarding-workloads", title="Track the weekly wave", phase="crawl",
                   template="onboarding-workloads.crawl.weekly-wave-tracker"),
        Initiative(id="d", capability="onboarding-workloads", title="Our own cut-over checklist", phase="crawl",
                   origin="custom"),
    ]  # fmt: skip
    roadmap.dismissed = ["onboarding-workloads.run.transition-cost-norms", "benchmarking.crawl.starter-kpi-cards"]
    return Project(model_2025, assessment=Assessment(capabilities=dict(caps)), roadmap=roadmap)


def test_onboarding_is_carried_into_architecting_and_workload_placement(
    model_2025: CapabilityModel, model: CapabilityModel
) -> None:
    onboarding = CapabilityAssessment(
        lenses={"knowledge": 2, "process": 1, "metrics": 0, "adoption": 1, "automation": None},
        target="walk", importance=4, notes="Migrations run by partner.", internal_notes="Partner contract ends in June.",
        evidence=["Migration runbook v3"], votes={"p1": {"knowledge": 1}}, extra={"confidence": "low"},
    )  # fmt: skip
    project = _onboarding_project(
        model_2025,
        **{
            "onboarding-workloads": onboarding,
            "workload-optimization": CapabilityAssessment(lenses={"knowledge": 3}, notes="Rightsizing is manual."),
        },
    )
    converted, report = convert_project(project, model)
    found = converted.assessment.capabilities["architecting-workload-placement"]
    # Architecting for Cloud was never scored: Onboarding's scores, target, importance and votes are carried.
    assert found.lenses == onboarding.lenses
    assert (found.target, found.importance, found.votes) == ("walk", 4, {"p1": {"knowledge": 1}})
    heading = "From Onboarding Workloads (merged into Architecting & Workload Placement):\n"
    assert found.notes == heading + "Migrations run by partner."
    assert found.internal_notes == heading + "Partner contract ends in June."
    assert found.evidence == ["Onboarding Workloads: Migration runbook v3"]
    record = converted.assessment.extra[MERGED_FINDINGS][0]
    assert (record["id"], record["merged_into"], record["confidence"]) == (
        "onboarding-workloads", "architecting-workload-placement", "low",
    )  # fmt: skip
    assert "onboarding-workloads" not in converted.assessment.capabilities
    assert "notes_of_retired_capabilities" not in converted.assessment.extra
    [merge] = report.merged
    assert (merge.source, merge.into, merge.conflicts) == (
        "onboarding-workloads", "architecting-workload-placement", [],
    )  # fmt: skip
    assert dict(report.rescore)["architecting-workload-placement"].startswith("Took in Onboarding Workloads")
    assert {c for c, _ in report.rescore} == {
        "architecting-workload-placement", "kpis-benchmarking", "usage-optimization", "sustainability",
        "governance-policy-risk", "automation-tools-services",
    }  # fmt: skip
    assert report.added == ["executive-strategy-alignment"]
    lines = report.lines(model_2025, model)
    assert "Onboarding Workloads is now part of Architecting & Workload Placement." in lines
    assert "Workload Optimization is now Usage Optimization." in lines
    assert "Executive Strategy Alignment is new and not scored yet." in lines
    # the roadmap: items follow their capability; keys map through the capability renames
    items = {i.id: i for i in converted.roadmap.initiatives}
    assert items["b"].template == "usage-optimization.crawl.pilot-offhours-schedule"
    assert (
        "b",
        "workload-optimization.crawl.pilot-offhours-schedule",
        "usage-optimization.crawl.pilot-offhours-schedule",
    ) in report.remapped_initiatives
    # Onboarding's library items are not in the 2026 library: the edited one stays as custom work,
    # the untouched one is set aside whole, the custom one just moves.
    assert (items["a"].capability, items["a"].origin, items["a"].template) == (
        "architecting-workload-placement",
        "custom",
        "",
    )
    assert items["a"].extra["former_template"] == "onboarding-workloads.walk.cut-over-change-gate"
    assert (items["d"].capability, items["d"].origin) == ("architecting-workload-placement", "custom")
    assert "c" not in items
    assert [r["id"] for r in converted.roadmap.extra[RETIRED_LIBRARY_ITEMS]] == ["c"]
    assert items["b"].depends_on == ["a"]
    assert [(r.id, r.kept_as_custom) for r in report.retired_initiatives] == [("a", True), ("c", False)]
    assert converted.roadmap.dismissed == ["kpis-benchmarking.crawl.starter-kpi-cards"]
    assert report.dismissed == [
        ("onboarding-workloads.run.transition-cost-norms", None),
        ("benchmarking.crawl.starter-kpi-cards", "kpis-benchmarking.crawl.starter-kpi-cards"),
    ]
    assert project.assessment.capabilities["onboarding-workloads"].notes == "Migrations run by partner."  # untouched


def test_where_both_were_scored_the_destination_wins_and_the_conflict_is_listed(
    model_2025: CapabilityModel, model: CapabilityModel
) -> None:
    onboarding = CapabilityAssessment(
        lenses={"knowledge": 4, "process": 4}, target="run", importance=5, notes="Waves on time.",
        applicable=True, votes={"p1": {"knowledge": 4}},
    )  # fmt: skip
    architecting = CapabilityAssessment(
        lenses={"knowledge": 1, "process": 2}, target="walk", importance=2, notes="Patterns are informal.",
        internal_notes="CTO sceptical.", evidence=["Design review deck"],
    )  # fmt: skip
    project = _onboarding_project(
        model_2025, **{"onboarding-workloads": onboarding, "architecting-for-cloud": architecting}
    )
    converted, report = convert_project(project, model)
    found = converted.assessment.capabilities["architecting-workload-placement"]
    assert (found.lenses, found.target, found.importance, found.votes) == (architecting.lenses, "walk", 2, {})
    heading = "From Onboarding Workloads (merged into Architecting & Workload Placement):\n"
    assert found.notes == "Patterns are informal.\n\n" + heading + "Waves on time."
    assert found.internal_notes.startswith(
        "CTO sceptical.\n\n" + heading + "Onboarding Workloads's own lens scores were Knowledge 4, Process 4"
    )
    assert found.evidence == ["Design review deck"]
    [merge] = report.merged
    assert len(merge.conflicts) == 3
    assert merge.conflicts[0].startswith("both were scored; Architecting & Workload Placement's lens scores are kept")
    assert "targets differ" in merge.conflicts[1] and "importance differs" in merge.conflicts[2]
    assert converted.assessment.extra[MERGED_FINDINGS][0]["lenses"] == onboarding.lenses  # nothing lost
    assert ("architecting-for-cloud", "architecting-workload-placement") in report.renamed


def test_a_merged_capability_marked_not_applicable_says_so_without_changing_the_destination(
    model_2025: CapabilityModel, model: CapabilityModel
) -> None:
    onboarding = CapabilityAssessment(applicable=False, na_reason="No migrations planned.")
    project = _onboarding_project(model_2025, **{"onboarding-workloads": onboarding})
    converted, _ = convert_project(project, model)
    found = converted.assessment.capabilities["architecting-workload-placement"]
    assert found.applicable
    assert found.notes.endswith("Onboarding Workloads was marked not applicable: No migrations planned.")


def test_keys_follow_the_successors_initiative_renames(model_2025: CapabilityModel, model: CapabilityModel) -> None:
    """A synthetic successor names renamed and retired library items (keys after the capability renames)."""
    renames = {
        "architecting-workload-placement.walk.cut-over-change-gate": "architecting-workload-placement.walk.mandatory-placement-evaluation",
        "onboarding-workloads.crawl.weekly-wave-tracker": "architecting-workload-placement.crawl.migration-cost-baseline",
        "usage-optimization.crawl.pilot-offhours-schedule": None,
    }  # fmt: skip
    doc = _without_item(
        _successor_doc(model, initiative_renames=renames), "usage-optimization.crawl.pilot-offhours-schedule"
    )
    successor = model_from_document(doc)
    project = _onboarding_project(model_2025)
    project.roadmap.initiatives[1].locked = True
    converted, report = convert_project(project, successor)
    items = {i.id: i for i in converted.roadmap.initiatives}
    assert items["a"].template == "architecting-workload-placement.walk.mandatory-placement-evaluation"
    assert items["a"].origin == "generated"
    assert items["c"].template == "architecting-workload-placement.crawl.migration-cost-baseline"
    assert (items["b"].origin, items["b"].template, items["b"].locked) == ("custom", "", True)  # retired, but locked
    assert items["b"].extra["former_template"] == "workload-optimization.crawl.pilot-offhours-schedule"
    assert [(r.id, r.kept_as_custom) for r in report.retired_initiatives] == [("b", True)]
    assert RETIRED_LIBRARY_ITEMS not in converted.roadmap.extra


def test_a_removed_capability_keeps_its_findings_and_items(model_2025: CapabilityModel, model: CapabilityModel) -> None:
    """Where a successor names no home for a capability, its findings and items are set aside, not lost."""
    preds = copy.deepcopy(model.document["predecessors"])
    del preds["finops-2025"]["merged"]["onboarding-workloads"]
    preds["finops-2025"]["removed"] = ["onboarding-workloads"]
    successor = model_from_document(_successor_doc(model, predecessors=preds))
    caps = {
        "onboarding-workloads": CapabilityAssessment(lenses={"knowledge": 2}, notes="Migrations run by partner.", internal_notes="Partner contract ends in June.", evidence=["Migration runbook v3", "Workshop 2 notes"], target="walk", votes={"p1": {"knowledge": 1}}, extra={"confidence": "low"}),
    }  # fmt: skip
    project = _onboarding_project(model_2025, **caps)
    converted, report = convert_project(project, successor)
    kept = converted.assessment.extra["notes_of_retired_capabilities"]
    assert kept == [{"capability": "Onboarding Workloads", "notes": "Migrations run by partner.", "internal_notes": "Partner contract ends in June.",
                     "evidence": ["Migration runbook v3", "Workshop 2 notes"], "id": "onboarding-workloads", "applicable": True,
                     "lenses": {"knowledge": 2}, "target": "walk", "importance": 3, "na_reason": "",
                     "votes": {"p1": {"knowledge": 1}}, "confidence": "low"}]  # fmt: skip
    retired_items = converted.roadmap.extra["initiatives_of_retired_capabilities"]
    assert [(r["capability_name"], r["id"]) for r in retired_items] == [
        ("Onboarding Workloads", "a"), ("Onboarding Workloads", "c"), ("Onboarding Workloads", "d"),
    ]  # fmt: skip
    assert [(i.id, i.capability, i.depends_on) for i in converted.roadmap.initiatives] == [
        ("b", "usage-optimization", [])
    ]
    lines = report.lines(model_2025, successor)
    assert (
        "Roadmap item dropped with its capability (kept under roadmap.initiatives_of_retired_capabilities): "
        "Gate cut-over on tagging"
    ) in lines
    assert (
        "Onboarding Workloads is not part of FinOps Framework 2026; its notes, evidence and scores are kept "
        "in the project file under assessment.notes_of_retired_capabilities."
    ) in lines


def test_rename_map_is_validated(model: CapabilityModel) -> None:
    from planner.model.modelload import ModelError

    doc = _successor_doc(model)
    doc["predecessors"]["finops-2025"]["renamed"]["benchmarking"] = "no-such"
    with pytest.raises(ModelError, match="renames to unknown capability 'no-such'"):
        model_from_document(doc)
    doc = _successor_doc(model)
    doc["predecessors"]["finops-2025"]["merged"]["benchmarking"] = "allocation"
    doc["predecessors"]["finops-2025"]["widened"]["no-such"] = "grew"
    with pytest.raises(ModelError) as info:
        model_from_document(doc)
    problems = [str(p) for p in info.value.problems]
    assert "predecessors.finops-2025.merged.benchmarking: is already renamed or merged" in problems
    assert "predecessors.finops-2025.widened.no-such: unknown capability 'no-such'" in problems


def test_convert_keeps_every_word_through_a_save(
    model_2025: CapabilityModel, model: CapabilityModel, tmp_path: Path
) -> None:
    """Notes, internal notes and evidence of a merged capability survive the conversion and the file."""
    from planner.storage.projectfile import load_project, save_project

    written = CapabilityAssessment(
        notes="Client: partner runs migrations.",
        internal_notes="Do not quote the contract.",
        evidence=["Runbook \u00a0v3", "Interview, 12 May\u2028second line"],
    )
    project = Project(
        model_2025,
        assessment=Assessment(capabilities={"onboarding-workloads": written}),
        roadmap=Roadmap(phases=default_phases(model_2025)),
    )
    converted, report = convert_project(project, model)
    assert report.merged[0].carried == ["notes", "internal notes", "2 pieces of evidence"]
    path = tmp_path / "converted.roadmap"
    save_project(converted, path)
    again = load_project(path)
    found = again.assessment.capabilities["architecting-workload-placement"]
    assert found.notes.endswith("\n" + written.notes)
    assert found.internal_notes.endswith("\n" + written.internal_notes)
    assert found.evidence == ["Onboarding Workloads: " + e for e in written.evidence]
    kept = again.assessment.extra[MERGED_FINDINGS]
    assert [(k["notes"], k["internal_notes"], k["evidence"]) for k in kept] == [
        (written.notes, written.internal_notes, written.evidence)
    ]
    project.assessment.capabilities = {"onboarding-workloads": CapabilityAssessment()}
    converted, _ = convert_project(project, model)
    assert MERGED_FINDINGS not in converted.assessment.extra  # nothing written, nothing kept
    assert "architecting-workload-placement" not in converted.assessment.capabilities
