"""Roadmap generation with the bundled FinOps model: what gets drafted, in which order, with which links."""

from __future__ import annotations

import math

import pytest

from planner.model.capmodel import CapabilityModel
from planner.model.project import Assessment, CapabilityAssessment, Project, Roadmap
from planner.model.roadmap import generate_roadmap, plan_capabilities, roadmap_warnings
from planner.model.roadmap.generate import dependents_count
from planner.storage.projectfile import project_bytes


def level_score(model: CapabilityModel, level: str) -> int:
    """The lowest lens score that puts every lens (and so the capability) at ``level`` (4 lens points = 100%)."""
    return math.ceil(model.level(level).min_score / 25)


def assess(
    model: CapabilityModel,
    levels: dict[str, str | None],
    targets: dict[str, str | None] | str | None,
    importance: dict[str, int] | None = None,
) -> Assessment:
    """Score each capability in ``levels`` at that level (None: unscored) with the given targets."""
    ass = Assessment(lens_weights={lens: 1.0 for lens in model.lens_ids})
    for cap_id, level in levels.items():
        target = targets if not isinstance(targets, dict) else targets.get(cap_id)
        lenses: dict[str, int | None] = {
            lens: None if level is None else level_score(model, level) for lens in model.lens_ids
        }
        ass.capabilities[cap_id] = CapabilityAssessment(
            lenses=lenses, target=target, importance=(importance or {}).get(cap_id, 3)
        )
    return ass


def ids_of(roadmap: Roadmap, cap_id: str, phase: str | None = None) -> list[str]:
    return [i.id for i in roadmap.initiatives if i.capability == cap_id and (phase is None or i.phase == phase)]


def test_takes_each_level_from_current_plus_one_to_target(model: CapabilityModel) -> None:
    ass = assess(model, {"allocation": "none", "data-ingestion": "crawl", "forecasting": "walk"}, "run")
    road = generate_roadmap(model, ass)
    alloc = model.capability("allocation")
    assert ids_of(road, "allocation") == [t.key for lv in ("crawl", "walk", "run") for t in alloc.initiatives_for(lv)]
    assert ids_of(road, "data-ingestion", "crawl") == []
    assert ids_of(road, "data-ingestion", "walk") == [
        t.key for t in model.capability("data-ingestion").initiatives_for("walk")
    ]
    assert ids_of(road, "forecasting") == [t.key for t in model.capability("forecasting").initiatives_for("run")]
    for item in road.initiatives:
        tpl = model.template(item.id)
        assert tpl is not None and item.template == tpl.key and item.phase == tpl.level
        assert item.origin == "generated" and not item.edited and not item.locked
        assert item.owner and item.title and item.description


def test_nothing_for_not_applicable_at_target_untargeted_or_unscored(model: CapabilityModel) -> None:
    ass = assess(
        model,
        {
            "allocation": "none",
            "budgeting": "walk",
            "forecasting": "crawl",
            "anomaly-management": None,
            "sustainability": "none",
        },
        {
            "allocation": "walk",
            "budgeting": "walk",
            "forecasting": None,
            "anomaly-management": "walk",
            "sustainability": "run",
        },
    )
    ass.capabilities["sustainability"].applicable = False
    road = generate_roadmap(model, ass)
    assert {i.capability for i in road.initiatives} == {"allocation"}
    warnings = roadmap_warnings(model, ass, road)
    assert any("Anomaly Management has a target (Walk) but is not scored yet" in w for w in warnings)


def test_priority_is_importance_times_gap_then_dependents_then_model_order(model: CapabilityModel) -> None:
    levels = {"licensing-saas": "none", "budgeting": "crawl", "data-ingestion": "crawl", "allocation": "crawl"}
    ass = assess(
        model, levels, "walk", importance={"licensing-saas": 2, "budgeting": 4, "data-ingestion": 2, "allocation": 2}
    )
    plans = plan_capabilities(model, ass)
    # budgeting 4 x 1 and licensing 2 x 2 tie at 4, then ingestion and allocation tie at 2 x 1
    assert [p.priority for p in plans] == [4, 4, 2, 2]
    counts = dependents_count(model)
    assert counts["data-ingestion"] > counts["allocation"]  # everything builds on ingestion
    assert [p.capability for p in plans][2:] == ["data-ingestion", "allocation"]
    first_two = [p.capability for p in plans][:2]
    assert first_two == sorted(first_two, key=lambda c: -counts[c])


def test_dependencies_follow_levels_and_prerequisites(model: CapabilityModel) -> None:
    ass = assess(model, {"data-ingestion": "none", "allocation": "none"}, "walk")
    road = generate_roadmap(model, ass)
    ingest_crawl, ingest_walk = ids_of(road, "data-ingestion", "crawl"), ids_of(road, "data-ingestion", "walk")
    alloc_crawl, alloc_walk = ids_of(road, "allocation", "crawl"), ids_of(road, "allocation", "walk")
    for item_id in ingest_walk:
        assert road.initiative(item_id).depends_on == ingest_crawl
    for item_id in alloc_crawl:
        assert road.initiative(item_id).depends_on == ingest_crawl
    for item_id in alloc_walk:
        assert road.initiative(item_id).depends_on == alloc_crawl + ingest_walk


def test_prerequisite_at_or_above_the_level_adds_no_link(model: CapabilityModel) -> None:
    ass = assess(model, {"data-ingestion": "walk", "allocation": "none"}, "walk")
    road = generate_roadmap(model, ass)
    for item_id in ids_of(road, "allocation", "crawl"):
        assert road.initiative(item_id).depends_on == []


def test_same_input_gives_the_same_file_bytes(model: CapabilityModel) -> None:
    levels: dict[str, str | None] = {cap.id: "crawl" for cap in model.iter_capabilities()}
    one = generate_roadmap(model, assess(model, levels, "run"))
    two = generate_roadmap(model, assess(model, levels, "run"))
    ass = assess(model, levels, "run")
    assert project_bytes(Project(model, assessment=ass, roadmap=one)) == project_bytes(
        Project(model, assessment=ass, roadmap=two)
    )


def test_capacity_is_kept(model: CapabilityModel) -> None:
    road = generate_roadmap(model, assess(model, {"allocation": "none"}, "walk"), capacity=5)
    assert road.capacity == 5
    assert [p.id for p in road.phases] == ["crawl", "walk", "run"]
    for bad in (0, 51):
        with pytest.raises(ValueError, match="Capacity must be a whole number of initiatives from 1 to 50"):
            generate_roadmap(model, assess(model, {"allocation": "none"}, "walk"), capacity=bad)
