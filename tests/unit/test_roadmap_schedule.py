"""Scheduling: capacity, owner capacity, dependencies and pins hold for random models and assessments.

``synthetic_model`` builds small (or, for the benchmark, large) random models through the real
model loader, so they are as valid as a bundled one: each capability and level has one core item
(the first) and extras, random owners, values, sizes and ``requires`` on earlier capabilities'
items of the same or a lower level.
"""

from __future__ import annotations

import random
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.model.capmodel import CapabilityModel
from planner.model.modelload import model_from_document
from planner.model.project import Assessment, CapabilityAssessment, Initiative, Phase, Roadmap
from planner.model.roadmap import edit_initiative, generate_roadmap, phase_spans, schedule, set_pin

LEVELS = ("none", "crawl", "walk", "run")


def synthetic_document(
    capabilities: int, per_level: tuple[int, int, int], seed: int, max_prereqs: int = 2
) -> dict[str, Any]:
    """Return a valid model document with random prerequisites (always on earlier capabilities)."""
    rng = random.Random(seed)
    owners = ("FinOps Practitioner", "Engineering", "Finance")
    lenses = [
        {"id": f"lens{k}", "name": f"Lens {k}", "question": "How far?", "anchors": ["0", "1", "2", "3", "4"]}
        for k in range(2)
    ]
    caps = []
    keys_by_level: dict[int, list[str]] = {1: [], 2: [], 3: []}
    for c in range(capabilities):
        prereqs = sorted(rng.sample(range(c), min(c, rng.randint(0, max_prereqs))))
        inits = []
        for rank, (level, count) in enumerate(zip(LEVELS[1:], per_level, strict=True), start=1):
            for n in range(count):
                earlier = [k for r in range(1, rank + 1) for k in keys_by_level[r][-40:]]
                inits.append(
                    {
                        "key": f"cap{c}.{level}.step{n}",
                        "level": level,
                        "title": f"Step {n} to {level} for capability {c}",
                        "description": "Do the work.",
                        "owner": rng.choice(owners),
                        "effort": rng.choice(["S", "M", "L"]),
                        "duration_months": rng.randint(1, 4),
                        "lenses": ["lens0"],
                        "tier": "core" if n == 0 else "extra",
                        "value": rng.randint(1, 3),
                        "sizes": [] if n == 0 else rng.choice([[], ["enterprise"], ["startup", "midsize"]]),
                        "requires": rng.sample(earlier, min(len(earlier), rng.randint(0, 1))),
                    }
                )
        for item in inits:
            keys_by_level[LEVELS.index(item["level"])].append(item["key"])
        caps.append(
            {
                "id": f"cap{c}",
                "name": f"Capability {c}",
                "summary": "A capability.",
                "prerequisites": [f"cap{p}" for p in prereqs],
                "initiatives": inits,
            }
        )
    domains = [
        {"id": f"dom{d}", "name": f"Domain {d}", "capabilities": caps[d::4]} for d in range(min(4, capabilities))
    ]
    return {
        "format": "finops-capability-model",
        "id": "synthetic",
        "name": "Synthetic",
        "attribution": {"text": "Synthetic test model."},
        "levels": [{"id": lv, "name": lv.title(), "min_score": 25 * i} for i, lv in enumerate(LEVELS)],
        "lenses": lenses,
        "domains": domains,
    }


def synthetic_model(capabilities: int, per_level: tuple[int, int, int] = (2, 2, 1), seed: int = 0) -> CapabilityModel:
    """Return a random valid model (see :func:`synthetic_document`)."""
    return model_from_document(synthetic_document(capabilities, per_level, seed))


def synthetic_assessment(model: CapabilityModel, seed: int) -> Assessment:
    """Return a random assessment: levels, targets, importance, some unscored or not applicable."""
    rng = random.Random(seed)
    ass = Assessment(lens_weights={lens: 1.0 for lens in model.lens_ids})
    for cap in model.iter_capabilities():
        roll = rng.random()
        if roll < 0.1:
            continue  # unscored
        score = rng.randint(0, 3)
        ass.capabilities[cap.id] = CapabilityAssessment(
            applicable=roll > 0.15,
            lenses={lens: score for lens in model.lens_ids},
            target=rng.choice([None, *LEVELS]),
            importance=rng.randint(1, 5),
        )
    return ass


def check_schedule(roadmap: Roadmap) -> None:
    """Assert the scheduling rules on a scheduled roadmap without pins."""
    by_id = {i.id: i for i in roadmap.initiatives}
    live = [i for i in roadmap.initiatives if i.status not in ("deferred", "dropped")]
    horizon = max((i.end_month for i in live), default=0)
    for month in range(horizon):
        running = [i for i in live if i.start_month <= month < i.end_month]
        assert len(running) <= roadmap.capacity, f"month {month}: {len(running)} running"
        for owner in {i.owner for i in running if i.owner}:
            mine = sum(1 for i in running if i.owner == owner)
            assert mine <= roadmap.owner_capacity, f"month {month}: {owner} runs {mine}"
    for item in live:
        for dep in item.depends_on:
            if by_id[dep].status not in ("deferred", "dropped"):
                assert item.start_month >= by_id[dep].end_month, f"{item.id} starts before {dep} ends"


def check_phase_starts(roadmap: Roadmap) -> None:
    spans = phase_spans(roadmap)
    for phase in roadmap.phases:
        mine = [i.start_month for i in roadmap.initiatives if i.phase == phase.id]
        if mine:
            assert phase.start_month == min(mine) == spans[phase.id][0]


@settings(max_examples=60, deadline=None)
@given(
    caps=st.integers(1, 12),
    per_level=st.tuples(st.integers(0, 3), st.integers(0, 3), st.integers(0, 3)),
    seed=st.integers(0, 10_000),
    capacity=st.integers(1, 5),
    owner_capacity=st.integers(1, 3),
    scope=st.sampled_from(["lean", "full"]),
    size=st.sampled_from([None, "startup", "midsize", "enterprise"]),
)
def test_generated_schedules_keep_every_rule(
    caps: int,
    per_level: tuple[int, int, int],
    seed: int,
    capacity: int,
    owner_capacity: int,
    scope: str,
    size: str | None,
) -> None:
    model = model_from_document(synthetic_document(caps, per_level, seed, max_prereqs=3))
    settings_ = Roadmap(capacity=capacity, owner_capacity=owner_capacity, scope=scope)
    road = generate_roadmap(model, synthetic_assessment(model, seed), settings=settings_, org_size=size)
    check_schedule(road)
    check_phase_starts(road)
    templates = {t.key: t for c in model.iter_capabilities() for t in c.initiatives}
    present = {i.template for i in road.initiatives}
    by_template = {i.template: i for i in road.initiatives}
    for item in road.initiatives:
        tpl = templates[item.template]
        if scope == "lean" and tpl.tier == "extra":
            # an extra item is there only as the input of core work, or when its level has no core
            # item for this size
            needed = any(k == item.template for i in road.initiatives for k in templates[i.template].requires)
            no_core = not any(
                t.tier == "core" and t.suits(size) for t in model.capability(tpl.capability).initiatives_for(tpl.level)
            )
            assert needed or no_core, item.id
        for key in tpl.requires:  # no item before what it requires
            if key in present:
                assert item.start_month >= by_template[key].end_month


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), capacity=st.integers(1, 4), edits=st.integers(0, 8))
def test_schedules_after_random_edits_keep_capacity_and_dependencies(seed: int, capacity: int, edits: int) -> None:
    model = synthetic_model(8, (2, 2, 2), seed)
    road = generate_roadmap(model, synthetic_assessment(model, seed), capacity=capacity)
    rng = random.Random(seed)
    phases = [p.id for p in road.phases]
    for _ in range(edits):
        if not road.initiatives:
            break
        item = rng.choice(road.initiatives)
        road = edit_initiative(
            road, item.id, phase=rng.choice(phases), duration_months=rng.randint(1, 5), start_month=rng.randint(0, 9)
        )
    check_schedule(schedule(model, road))


def test_schedule_returns_a_copy_and_leaves_the_input_alone() -> None:
    model = synthetic_model(5, (2, 1, 1), seed=3)
    road = generate_roadmap(model, synthetic_assessment(model, 3))
    for item in road.initiatives:
        item.start_month = 99
    before = repr(road)
    again = schedule(model, road)
    assert repr(road) == before
    assert again is not road and all(a is not b for a, b in zip(again.initiatives, road.initiatives, strict=True))
    check_schedule(again)


def _items(*specs: tuple[str, str, int, list[str]]) -> list[Initiative]:
    return [
        Initiative(id=i, capability="cap0", title=i, phase=ph, duration_months=d, depends_on=deps)
        for i, ph, d, deps in specs
    ]


def test_priority_order_decides_who_goes_first_and_gaps_are_filled() -> None:
    model = synthetic_model(1)
    road = Roadmap(
        capacity=1,
        phases=[Phase("crawl", "Crawl"), Phase("walk", "Walk"), Phase("run", "Run")],
        initiatives=_items(("a", "crawl", 2, []), ("b", "crawl", 1, []), ("c", "walk", 1, ["a"]), ("d", "run", 3, [])),
    )
    out = schedule(model, road)
    starts = {i.id: i.start_month for i in out.initiatives}
    assert starts == {"a": 0, "b": 2, "c": 3, "d": 4}
    assert [(p.id, p.start_month) for p in out.phases] == [("crawl", 0), ("walk", 3), ("run", 4)]
    assert phase_spans(out) == {"crawl": (0, 3), "walk": (3, 4), "run": (4, 7)}


def test_there_is_no_phase_first_rule_and_foundations_inherit_priority() -> None:
    model = synthetic_model(1)
    road = Roadmap(
        capacity=1,
        phases=[Phase("crawl", "Crawl"), Phase("walk", "Walk"), Phase("run", "Run")],
        # the Walk item is the most important; the Crawl item it needs comes last in the list
        initiatives=_items(("w", "walk", 1, ["f"]), ("c", "crawl", 2, []), ("f", "crawl", 1, [])),
    )
    out = schedule(model, road)
    starts = {i.id: i.start_month for i in out.initiatives}
    assert starts == {"f": 0, "w": 1, "c": 2}


def _owned(*specs: tuple[str, str, int]) -> list[Initiative]:
    return [
        Initiative(id=i, capability="cap0", title=i, phase="crawl", owner=o, duration_months=d) for i, o, d in specs
    ]


def test_owner_capacity_lets_other_owners_work_in_parallel() -> None:
    model = synthetic_model(1)
    road = Roadmap(
        capacity=4,
        owner_capacity=1,
        phases=[Phase("crawl", "Crawl")],
        initiatives=_owned(("e1", "Engineering", 2), ("e2", "Engineering", 1), ("f1", "Finance", 1), ("n", "", 1)),
    )
    out = schedule(model, road)
    assert {i.id: i.start_month for i in out.initiatives} == {"e1": 0, "e2": 2, "f1": 0, "n": 0}


def test_pins_are_honoured_and_take_capacity_and_work_under_way_keeps_its_month() -> None:
    model = synthetic_model(1)
    road = Roadmap(
        capacity=1,
        phases=[Phase("crawl", "Crawl")],
        initiatives=_owned(("a", "", 1), ("b", "", 2), ("renewal", "", 1), ("begun", "", 1), ("shelved", "", 5)),
    )
    road = set_pin(road, "renewal", 1)
    road.initiative("begun").status, road.initiative("begun").start_month = "in_progress", 6
    road.initiative("shelved").status, road.initiative("shelved").start_month = "deferred", 0
    out = schedule(model, road)
    starts = {i.id: i.start_month for i in out.initiatives}
    assert starts == {"a": 0, "renewal": 1, "b": 2, "begun": 6, "shelved": 0}
    assert out.initiative("renewal").pinned_start == 1


def test_a_pin_wins_over_a_dependency_and_the_warnings_say_so(model: CapabilityModel) -> None:
    from planner.model.roadmap import roadmap_warnings
    from tests.factories import scored_project

    project = scored_project(model)
    road = generate_roadmap(model, project.assessment)
    waiting = next(i for i in road.initiatives if i.depends_on)
    road = schedule(model, set_pin(road, waiting.id, 0))
    assert road.initiative(waiting.id).start_month == 0
    warnings = roadmap_warnings(model, project.assessment, road, start_date="2027-03")
    assert any(f"'{waiting.title}' starts in Mar 2027 (it is pinned there), before" in w for w in warnings)


def test_a_dependency_loop_in_a_hand_edited_file_is_still_scheduled() -> None:
    model = synthetic_model(1)
    road = Roadmap(
        capacity=2,
        phases=[Phase("crawl", "Crawl"), Phase("walk", "Walk"), Phase("run", "Run")],
        initiatives=_items(("a", "crawl", 1, ["b"]), ("b", "crawl", 1, ["a"]), ("c", "crawl", 1, [])),
    )
    out = schedule(model, road)
    assert sorted(i.id for i in out.initiatives) == ["a", "b", "c"]
    a, b = out.initiative("a"), out.initiative("b")
    assert b.start_month >= a.end_month  # the loop is broken at its first item: a goes first
