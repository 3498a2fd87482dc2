"""Scheduling: capacity, dependencies and phase order hold for random models and assessments.

``synthetic_model`` builds small (or, for the benchmark, large) random models through the real
model loader, so they are as valid as a bundled one.
"""

from __future__ import annotations

import random
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.model.capmodel import CapabilityModel
from planner.model.modelload import model_from_document
from planner.model.project import Assessment, CapabilityAssessment, Initiative, Phase, Roadmap
from planner.model.roadmap import edit_initiative, generate_roadmap, phase_spans, schedule

LEVELS = ("none", "crawl", "walk", "run")


def synthetic_document(
    capabilities: int, per_level: tuple[int, int, int], seed: int, max_prereqs: int = 2
) -> dict[str, Any]:
    """Return a valid model document with random prerequisites (always on earlier capabilities)."""
    rng = random.Random(seed)
    lenses = [
        {"id": f"lens{k}", "name": f"Lens {k}", "question": "How far?", "anchors": ["0", "1", "2", "3", "4"]}
        for k in range(2)
    ]
    caps = []
    for c in range(capabilities):
        prereqs = sorted(rng.sample(range(c), min(c, rng.randint(0, max_prereqs))))
        inits = [
            {
                "key": f"cap{c}.{level}.step{n}",
                "level": level,
                "title": f"Step {n} to {level} for capability {c}",
                "description": "Do the work.",
                "owner": "FinOps Practitioner",
                "effort": rng.choice(["S", "M", "L"]),
                "duration_months": rng.randint(1, 4),
                "lenses": ["lens0"],
            }
            for level, count in zip(LEVELS[1:], per_level, strict=True)
            for n in range(count)
        ]
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
    """Assert the scheduling rules on a scheduled roadmap."""
    by_id = {i.id: i for i in roadmap.initiatives}
    horizon = max((i.end_month for i in roadmap.initiatives), default=0)
    for month in range(horizon):
        running = sum(1 for i in roadmap.initiatives if i.start_month <= month < i.end_month)
        assert running <= roadmap.capacity, f"month {month}: {running} running"
    for item in roadmap.initiatives:
        for dep in item.depends_on:
            assert item.start_month >= by_id[dep].end_month, f"{item.id} starts before {dep} ends"


def check_phase_order(roadmap: Roadmap) -> None:
    starts = [p.start_month for p in roadmap.phases]
    assert starts == sorted(starts)
    spans = phase_spans(roadmap)
    for k, phase in enumerate(roadmap.phases):
        for item in roadmap.initiatives:
            if item.phase == phase.id and k:
                assert item.start_month >= roadmap.phases[k - 1].start_month
        assert spans[phase.id][0] == phase.start_month


@settings(max_examples=60, deadline=None)
@given(
    caps=st.integers(1, 12),
    per_level=st.tuples(st.integers(0, 3), st.integers(0, 3), st.integers(0, 3)),
    seed=st.integers(0, 10_000),
    capacity=st.integers(1, 5),
)
def test_generated_schedules_keep_every_rule(
    caps: int, per_level: tuple[int, int, int], seed: int, capacity: int
) -> None:
    model = model_from_document(synthetic_document(caps, per_level, seed, max_prereqs=3))
    road = generate_roadmap(model, synthetic_assessment(model, seed), capacity=capacity)
    check_schedule(road)
    check_phase_order(road)


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


def test_later_phase_never_starts_before_the_previous_phase() -> None:
    model = synthetic_model(1)
    road = Roadmap(
        capacity=3,
        phases=[Phase("crawl", "Crawl"), Phase("walk", "Walk"), Phase("run", "Run")],
        initiatives=_items(
            ("blocker", "crawl", 4, []), ("late", "crawl", 1, ["blocker"]), ("w", "walk", 1, []), ("r", "run", 1, [])
        ),
    )
    out = schedule(model, road)
    starts = {i.id: i.start_month for i in out.initiatives}
    assert starts["late"] == 4
    assert starts["w"] == 0 and starts["r"] == 0  # free to start with the phase before, not earlier
    assert phase_spans(out) == {"crawl": (0, 5), "walk": (0, 1), "run": (0, 1)}


def test_empty_phase_starts_with_the_one_before() -> None:
    model = synthetic_model(1)
    road = Roadmap(
        capacity=1,
        phases=[Phase("crawl", "Crawl"), Phase("walk", "Walk"), Phase("run", "Run")],
        initiatives=_items(("a", "crawl", 2, []), ("b", "run", 1, ["a"])),
    )
    out = schedule(model, road)
    assert phase_spans(out) == {"crawl": (0, 2), "walk": (0, 0), "run": (2, 3)}


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
