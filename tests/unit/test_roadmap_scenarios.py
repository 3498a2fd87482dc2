"""Realistic engagements with the bundled model: projection, warnings and the plan a FinOps lead reads."""

from __future__ import annotations

from planner.model.capmodel import CapabilityModel
from planner.model.roadmap import (
    delete_initiative,
    generate_roadmap,
    move_initiative,
    phase_spans,
    project_levels,
    roadmap_warnings,
)
from planner.model.roadmap.warnings import LONG_PLAN_MONTHS
from tests.unit.test_roadmap_generate import assess
from tests.unit.test_roadmap_schedule import check_phase_order, check_schedule


def startup(model: CapabilityModel) -> dict[str, str | None]:
    """A start-up: nothing yet in most places, basic habits in the ones every cloud bill forces."""
    crawl = {"data-ingestion", "allocation", "reporting-analytics", "rate-optimization", "usage-optimization"}
    return {cap.id: ("crawl" if cap.id in crawl else "none") for cap in model.iter_capabilities()}


def test_startup_aiming_at_walk(model: CapabilityModel) -> None:
    ass = assess(model, startup(model), "walk")
    road = generate_roadmap(model, ass)
    check_schedule(road)
    check_phase_order(road)
    assert {i.phase for i in road.initiatives} == {"crawl", "walk"}
    # Everything two levels up at three initiatives at a time is a multi-year plan, and says so.
    warnings = roadmap_warnings(model, ass, road)
    end = max(i.end_month for i in road.initiatives)
    assert end > LONG_PLAN_MONTHS
    assert warnings == [
        f"The plan runs {end} months ({end / 12:.1f} years) with at most 3 initiatives at a time: raise the "
        "capacity, lower some targets or remove initiatives the client does not need."
    ]
    wider = generate_roadmap(model, ass, capacity=12)
    assert max(i.end_month for i in wider.initiatives) <= LONG_PLAN_MONTHS
    assert roadmap_warnings(model, ass, wider) == []
    # foundations come first: ingestion's Walk work starts before anything that builds on it
    ingest_walk_end = max(
        i.end_month for i in road.initiatives if i.capability == "data-ingestion" and i.phase == "walk"
    )
    alloc_walk = [i for i in road.initiatives if i.capability == "allocation" and i.phase == "walk"]
    assert all(i.start_month >= ingest_walk_end for i in alloc_walk)
    for item in road.initiatives:
        assert item.owner and len(item.title) > 20 and len(item.description) > 80
    projection = project_levels(model, ass, road)
    assert [name for name, _ in projection] == ["current", "crawl", "walk", "run"]
    assert all(level == "crawl" or startup(model)[c] == "crawl" for c, level in projection[1][1].items())
    assert set(projection[2][1].values()) == {"walk"}
    assert projection[3][1] == projection[2][1]


def test_enterprise_at_walk_aiming_at_run_in_a_few_capabilities(model: CapabilityModel) -> None:
    levels: dict[str, str | None] = {cap.id: "walk" for cap in model.iter_capabilities()}
    targets: dict[str, str | None] = dict.fromkeys(levels, "walk")
    targets.update(
        {"rate-optimization": "run", "unit-economics": "run", "forecasting": "run", "reporting-analytics": "run"}
    )
    importance = {"rate-optimization": 5, "unit-economics": 4, "forecasting": 3, "reporting-analytics": 3}
    ass = assess(model, levels, targets, importance)
    road = generate_roadmap(model, ass)
    assert {i.phase for i in road.initiatives} == {"run"}
    assert {i.capability for i in road.initiatives} == set(importance)
    # rate optimisation builds on reporting, so reporting's Run work comes first despite lower importance
    rate = [i for i in road.initiatives if i.capability == "rate-optimization"]
    reporting_end = max(i.end_month for i in road.initiatives if i.capability == "reporting-analytics")
    assert all(i.start_month >= reporting_end for i in rate)
    # unit economics builds on allocation and KPIs, both at Walk below its Run target
    warnings = roadmap_warnings(model, ass, road)
    assert (
        "Unit Economics is targeted at Run, above its prerequisite Allocation (targeted at Walk): Unit Economics can hardly get there while Allocation stays lower."
        in warnings
    )
    assert any("Forecasting is targeted at Run, above its prerequisite Allocation" in w for w in warnings)
    spans = phase_spans(road)
    assert spans["crawl"] == spans["walk"] == (0, 0) and spans["run"][0] == 0
    after_run = project_levels(model, ass, road)[-1][1]
    assert {c for c, lv in after_run.items() if lv == "run"} == set(importance)


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
        "Forecasting is targeted at Walk, above its prerequisite Allocation (targeted at Crawl): Forecasting can hardly get there while Allocation stays lower."
        in warnings
    )
    assert (
        "Budgeting is targeted at Run, above its prerequisite Forecasting (targeted at Walk): Budgeting can hardly get there while Forecasting stays lower."
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
    assert len(warnings) == 4


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
