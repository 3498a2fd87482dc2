"""Realistic engagements with the bundled model: projection, warnings and the plan a FinOps lead reads."""

from __future__ import annotations

import pytest

from planner.model.capmodel import CapabilityModel
from planner.model.project import Project, Roadmap
from planner.model.roadmap import (
    delete_initiative,
    generate_roadmap,
    move_initiative,
    phase_spans,
    project_levels,
    roadmap_warnings,
)
from planner.model.scoring import score_capability
from tests.scenarios import SCENARIOS, START, plan_length, planned, startup
from tests.unit.test_roadmap_generate import assess
from tests.unit.test_roadmap_schedule import check_schedule

ALLIED_ONLY = {"ITAM", "ITFM", "ITSM"}


def _transitive_deps(road: Roadmap, item_id: str) -> set[str]:
    by_id = {i.id: i for i in road.initiatives}
    seen: set[str] = set()
    stack = list(by_id[item_id].depends_on)
    while stack:
        found = stack.pop()
        if found not in seen and found in by_id:
            seen.add(found)
            stack.extend(by_id[found].depends_on)
    return seen


def check_practice(project: Project) -> None:
    """What a FinOps lead checks first in any plan."""
    model, road, ass = project.model, project.roadmap, project.assessment
    check_schedule(road)
    ranks = {lv: i for i, lv in enumerate(model.level_ids)}
    by_id = {i.id: i for i in road.initiatives}
    for item in road.initiatives:
        tpl = model.template(item.template)
        assert tpl is not None and item.owner and len(item.title) > 15 and len(item.description) > 80
        for prereq in model.capability(item.capability).prerequisites:
            theirs = [i.id for i in road.initiatives if i.capability == prereq and ranks[i.phase] <= ranks[tpl.level]]
            if theirs and not tpl.requires:
                # foundations first: a library item silent about its needs waits for the
                # prerequisite's own work for this level
                deps = _transitive_deps(road, item.id)
                assert deps & set(theirs), f"{item.id} does not wait for {prereq}"
                assert item.start_month >= min(by_id[t].end_month for t in deps & set(theirs))
        for key in tpl.requires:  # and an explicit need is met before the item starts
            needed = [i for i in road.initiatives if i.template == key]
            assert all(item.start_month >= n.end_month for n in needed), (item.id, key)
    # value first: every importance-5 capability starts before any importance-2 one, and in Now
    first = {
        c: min(i.start_month for i in road.initiatives if i.capability == c)
        for c in {i.capability for i in road.initiatives}
    }
    top = [c for c, rec in ass.capabilities.items() if rec.importance == 5 and c in first]
    # (foundations every capability builds on may go first whatever their importance)
    foundations = {c.id for c in model.iter_capabilities() if not c.prerequisites}
    low = [c for c, rec in ass.capabilities.items() if rec.importance <= 2 and c in first and c not in foundations]
    for cap in top:
        assert first[cap] < 3, f"{cap} has no work in the first three months"
        assert all(first[cap] <= first[other] for other in low), cap


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_scenario_plans_read_like_a_practitioners(model: CapabilityModel, name: str) -> None:
    lean = planned(SCENARIOS[name](model), "lean")
    check_practice(lean)
    full = planned(SCENARIOS[name](model), "full")
    check_schedule(full.roadmap)
    assert {i.id for i in lean.roadmap.initiatives} <= {i.id for i in full.roadmap.initiatives}
    owners = {i.owner for i in lean.roadmap.initiatives}
    if name != "enterprise":
        assert not owners & ALLIED_ONLY, f"{name}: items for functions a {name} does not have"
    length, count = plan_length(lean), len(lean.roadmap.initiatives)
    if name == "start-up":
        assert length <= 15 and 12 <= count <= 35, (count, length)
    elif name == "mid-size":
        assert length <= 18 and 22 <= count <= 45, (count, length)
    else:
        assert length <= 18 and count <= 30, (count, length)
    warnings = roadmap_warnings(
        model, lean.assessment, lean.roadmap, start_date=START, org_size=lean.engagement.org_size
    )
    assert warnings == [] or name == "enterprise", warnings


def test_the_start_up_buys_its_first_commitment_and_watches_anomalies_in_the_first_half_year(
    model: CapabilityModel,
) -> None:
    road = planned(startup(model)).roadmap
    rate = [i for i in road.initiatives if i.capability == "rate-optimization"]
    anomaly = [i for i in road.initiatives if i.capability == "anomaly-management"]
    assert rate and min(i.start_month for i in rate) < 6
    assert anomaly and min(i.start_month for i in anomaly) < 6


def test_quick_wins_of_important_capabilities_land_in_now(model: CapabilityModel) -> None:
    for build in SCENARIOS.values():
        project = planned(build(model))
        road = project.roadmap
        levels = {c: score_capability(model, project.assessment, c).level for c in project.assessment.capabilities}
        for item in road.initiatives:
            tpl = model.template(item.template)
            record = project.assessment.capabilities[item.capability]
            assert tpl is not None
            next_level = model.level_index(tpl.level) == model.level_index(levels[item.capability] or "none") + 1
            quick = tpl.tier == "core" and tpl.effort == "S" and next_level and not item.depends_on
            if quick and record.importance >= 4:
                assert item.start_month < 3, f"{project.engagement.client}: quick win {item.id} in {item.start_month}"


def test_everything_at_target_gives_an_empty_roadmap(model: CapabilityModel) -> None:
    levels: dict[str, str | None] = {cap.id: "walk" for cap in model.iter_capabilities()}
    ass = assess(model, levels, "crawl")
    road = generate_roadmap(model, ass)
    assert road.initiatives == []
    assert phase_spans(road) == {"crawl": (0, 0), "walk": (0, 0), "run": (0, 0)}
    assert roadmap_warnings(model, ass, road) == []
    assert all(levels == project_levels(model, ass, road)[0][1] for _, levels in project_levels(model, ass, road))


def test_targets_above_prerequisites_and_unscored_prerequisites_are_named(model: CapabilityModel) -> None:
    levels: dict[str, str | None] = {
        "allocation": "crawl",
        "forecasting": "none",
        "budgeting": "none",
        "data-ingestion": None,
    }
    targets: dict[str, str | None] = {
        "allocation": "crawl",
        "forecasting": "walk",
        "budgeting": "run",
        "data-ingestion": None,
    }
    ass = assess(model, levels, targets)
    road = generate_roadmap(model, ass)
    warnings = roadmap_warnings(model, ass, road)
    assert (
        "Forecasting is targeted at Walk, above its prerequisite Allocation (targeted at Crawl): Forecasting builds on Allocation, so raise Allocation's target to Walk or expect Forecasting to stall below it."
        in warnings
    )
    assert (
        "Budgeting is targeted at Run, above its prerequisite Forecasting (targeted at Walk): Budgeting builds on Forecasting, so raise Forecasting's target to Run or expect Budgeting to stall below it."
        in warnings
    )
    assert (
        "Allocation builds on Data Ingestion, which is not scored yet: score Data Ingestion so the roadmap can plan what it needs first."
        not in warnings
    )  # at target
    assert (
        "Forecasting builds on Reporting & Analytics, which is not scored yet: score Reporting & Analytics so the roadmap can plan what it needs first."
        in warnings
    )
    others = [w for w in warnings if "needs '" not in w]
    assert len(others) == 4, others
    # what the plan's items need of capabilities it does not raise is named too
    assert all("first, but it is not in the plan" in w for w in warnings if "needs '" in w)


def test_projection_follows_deletions_and_moves(model: CapabilityModel) -> None:
    ass = assess(model, {"allocation": "none"}, "walk")
    road = generate_roadmap(model, ass)
    names = [name for name, _ in project_levels(model, ass, road)]
    assert names == ["current", "crawl", "walk", "run"]
    assert [lv["allocation"] for _, lv in project_levels(model, ass, road)] == ["none", "crawl", "walk", "walk"]
    crawl_item = next(i.id for i in road.initiatives if i.phase == "crawl")
    moved = move_initiative(road, crawl_item, "walk")
    assert [lv["allocation"] for _, lv in project_levels(model, ass, moved)] == ["none", "none", "walk", "walk"]
    walk_item = next(i.id for i in road.initiatives if i.phase == "walk")
    assert [lv["allocation"] for _, lv in project_levels(model, ass, delete_initiative(road, walk_item))] == [
        "none",
        "crawl",
        "crawl",
        "crawl",
    ]
    others = project_levels(model, ass, road)[-1][1]
    assert others["budgeting"] is None  # unscored
