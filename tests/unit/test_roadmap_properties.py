"""Properties of the value-first engine on random models: importance, pins, regeneration, scope."""

from __future__ import annotations

import dataclasses
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.model.modelload import model_from_document
from planner.model.project import Roadmap
from planner.model.roadmap import generate_roadmap, regenerate, schedule, set_pin, stale_reasons
from tests.unit.test_roadmap_schedule import check_schedule, synthetic_assessment, synthetic_document


def _first_start(road: Roadmap, cap: str) -> int | None:
    return min((i.start_month for i in road.initiatives if i.capability == cap), default=None)


@settings(max_examples=80, deadline=None)
@given(
    caps=st.integers(2, 10),
    seed=st.integers(0, 10_000),
    capacity=st.integers(1, 4),
    owner_capacity=st.integers(1, 3),
    scope=st.sampled_from(["lean", "full"]),
)
def test_raising_importance_never_makes_a_capabilitys_first_item_start_later(
    caps: int, seed: int, capacity: int, owner_capacity: int, scope: str
) -> None:
    model = model_from_document(synthetic_document(caps, (2, 2, 1), seed, max_prereqs=2))
    assessment = synthetic_assessment(model, seed)
    settings_ = Roadmap(capacity=capacity, owner_capacity=owner_capacity, scope=scope)
    before = generate_roadmap(model, assessment, settings=settings_)
    rng = random.Random(seed)
    planned = sorted({i.capability for i in before.initiatives})
    if not planned:
        return
    cap = rng.choice(planned)
    record = assessment.capabilities[cap]
    if record.importance == 5:
        return
    raised = dataclasses.replace(assessment, capabilities=dict(assessment.capabilities))
    raised.capabilities[cap] = dataclasses.replace(record, importance=rng.randint(record.importance + 1, 5))
    after = generate_roadmap(model, raised, settings=settings_)
    old, new = _first_start(before, cap), _first_start(after, cap)
    assert old is not None and new is not None
    assert new <= old, f"{cap}: first item moved from month {old} to {new}"


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), pins=st.integers(1, 4))
def test_pins_hold_and_everything_else_keeps_the_rules(seed: int, pins: int) -> None:
    model = model_from_document(synthetic_document(6, (2, 1, 1), seed))
    road = generate_roadmap(model, synthetic_assessment(model, seed), capacity=2)
    if not road.initiatives:
        return
    rng = random.Random(seed)
    pinned = {item.id: rng.randint(0, 12) for item in rng.sample(road.initiatives, min(pins, len(road.initiatives)))}
    for item_id, month in pinned.items():
        road = set_pin(road, item_id, month)
    out = schedule(model, road)
    for item_id, month in pinned.items():
        assert out.initiative(item_id).start_month == month
    # the unpinned items never overtake what they need, pinned or not
    by_id = {i.id: i for i in out.initiatives}
    for item in out.initiatives:
        if item.id not in pinned:
            for dep in item.depends_on:
                assert item.start_month >= by_id[dep].end_month


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    size=st.sampled_from([None, "startup", "midsize", "enterprise"]),
    scope=st.sampled_from(["lean", "full"]),
)
def test_regenerating_a_fresh_roadmap_changes_nothing_and_it_is_not_stale(
    seed: int, size: str | None, scope: str
) -> None:
    model = model_from_document(synthetic_document(8, (2, 2, 1), seed, max_prereqs=2))
    assessment = synthetic_assessment(model, seed)
    road = generate_roadmap(model, assessment, settings=Roadmap(scope=scope, capacity=3), org_size=size)
    check_schedule(road)
    assert stale_reasons(model, assessment, road, org_size=size) == []
    plan = regenerate(model, assessment, road, org_size=size)
    assert not plan.changes_anything
    assert plan.result == road
    assert stale_reasons(model, assessment, road, org_size="enterprise" if size != "enterprise" else "startup")


def test_full_scope_holds_every_lean_item_and_more() -> None:
    model = model_from_document(synthetic_document(10, (3, 3, 2), seed=11))
    assessment = synthetic_assessment(model, 11)
    lean = generate_roadmap(model, assessment, settings=Roadmap(scope="lean"))
    full = generate_roadmap(model, assessment, settings=Roadmap(scope="full"))
    assert {i.id for i in lean.initiatives} < {i.id for i in full.initiatives}
