"""Roadmap generation with the bundled FinOps model: what gets drafted, in which order, with which links."""

from __future__ import annotations

import pytest

from planner.model.capmodel import CapabilityModel
from planner.model.project import Assessment, CapabilityAssessment, Project, Roadmap
from planner.model.roadmap import generate_roadmap, plan_capabilities, roadmap_warnings
from planner.model.roadmap.select import dependents_count
from planner.storage.projectfile import project_bytes


def level_score(model: CapabilityModel, level: str) -> int:
    """Return the lens score that, on every lens, puts a capability at ``level`` under the model's bands."""
    index = model.level_index(level)
    upper = model.levels[index + 1].min_score if index + 1 < len(model.levels) else 101.0
    low = model.level(level).min_score
    return next(s for s in range(5) if low <= 25 * s < upper)


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
    for scope in ("lean", "full"):
        road = generate_roadmap(model, ass, settings=Roadmap(scope=scope), org_size="midsize")
        wanted = {"allocation": ("crawl", "walk", "run"), "data-ingestion": ("walk", "run"), "forecasting": ("run",)}
        required = {k for i in road.initiatives for k in model.template(i.template).requires}  # type: ignore[union-attr]
        for cap_id, levels in wanted.items():
            cap = model.capability(cap_id)
            present = set(ids_of(road, cap_id))
            for level in levels:
                suited = [t for t in cap.initiatives_for(level) if t.suits("midsize")]
                core = {t.key for t in suited if t.tier == "core"} or {t.key for t in suited}
                assert core <= present, (scope, cap_id, level)
                if scope == "full":
                    assert {t.key for t in suited} <= present
            for item_id in present:
                tpl = model.template(item_id)
                assert tpl is not None and tpl.level in levels
                if scope == "lean" and tpl.tier == "extra":
                    assert item_id in required or not any(
                        t.tier == "core" and t.suits("midsize") for t in cap.initiatives_for(tpl.level)
                    )
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


def test_dependencies_follow_requires_levels_and_prerequisites(model: CapabilityModel) -> None:
    ass = assess(model, {"data-ingestion": "none", "allocation": "none", "reporting-analytics": "none"}, "walk")
    road = generate_roadmap(model, ass, settings=Roadmap(scope="full"))
    by_template = {i.template: i.id for i in road.initiatives}

    def core(cap: str, level: str) -> set[str]:
        items = [i for i in road.initiatives if i.capability == cap and i.phase == level]
        found = {i.id for i in items if model.template(i.id).tier == "core"}  # type: ignore[union-attr]
        return found or {i.id for i in items}

    for item in road.initiatives:
        tpl = model.template(item.id)
        assert tpl is not None
        deps = set(item.depends_on)
        assert {by_template[k] for k in tpl.requires if k in by_template} <= deps
        if tpl.level == "walk":
            assert core(item.capability, "crawl") <= deps
        reached = {model.template(k).capability for k in tpl.requires}  # type: ignore[union-attr]
        for prereq in model.capability(item.capability).prerequisites:
            if prereq in wanted_caps(road) and prereq not in reached and not _reaches(model, tpl.key, prereq):
                theirs = core(prereq, tpl.level) or core(prereq, "crawl")
                assert theirs <= deps, (item.id, prereq)


def wanted_caps(road: Roadmap) -> set[str]:
    return {i.capability for i in road.initiatives}


def _reaches(model: CapabilityModel, key: str, cap: str) -> bool:
    stack, seen = [key], set()
    while stack:
        tpl = model.template(stack.pop())
        if tpl is None or tpl.key in seen:
            continue
        seen.add(tpl.key)
        if tpl.key != key and tpl.capability == cap:
            return True
        stack.extend(tpl.requires)
    return False


def test_prerequisite_at_or_above_the_level_adds_no_link(model: CapabilityModel) -> None:
    ass = assess(model, {"data-ingestion": "walk", "allocation": "none"}, "walk")
    road = generate_roadmap(model, ass)
    for item_id in ids_of(road, "allocation", "crawl"):
        assert not [d for d in road.initiative(item_id).depends_on if not d.startswith("allocation.")]


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
