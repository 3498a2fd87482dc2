"""Regeneration after a re-score: manual work is kept, the diff comes first, the result is scheduled."""

from __future__ import annotations

import contextlib
import copy
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.model.capmodel import CapabilityModel
from planner.model.edits import EditRefused
from planner.model.project import Roadmap
from planner.model.roadmap import (
    add_custom_initiative,
    add_dependency,
    delete_initiative,
    edit_initiative,
    generate_roadmap,
    regenerate,
    remove_dependency,
    reorder_initiative,
    set_locked,
)
from planner.model.roadmap.deps import find_dependency_cycle
from planner.model.roadmap.generate import needed_templates
from tests.unit.test_roadmap_generate import assess
from tests.unit.test_roadmap_schedule import check_schedule, synthetic_assessment, synthetic_model

BEFORE = {"data-ingestion": "none", "allocation": "none", "budgeting": "crawl"}


def ids(items: list) -> list[str]:
    return [i.id for i in items]


def test_same_scores_change_nothing(model: CapabilityModel) -> None:
    ass = assess(model, BEFORE, "walk")
    road = generate_roadmap(model, ass)
    plan = regenerate(model, ass, road)
    assert plan.added == [] and plan.removed == [] and ids(plan.kept) == ids(road.initiatives)
    assert plan.result == road and not plan.changes_anything


def test_rescore_adds_needed_and_drops_untouched_items_but_keeps_manual_work(model: CapabilityModel) -> None:
    road = generate_roadmap(model, assess(model, BEFORE, "walk"))
    ingest_crawl = [i.id for i in road.initiatives if i.capability == "data-ingestion" and i.phase == "crawl"]
    road = edit_initiative(road, ingest_crawl[0], owner="Cloud Platform team")  # edited
    road = set_locked(road, ingest_crawl[1], True)  # locked
    road = add_custom_initiative(road, capability="data-ingestion", title="Onboard the Oracle invoices", phase="crawl")
    snapshot = copy.deepcopy(road)
    # Six months later: ingestion reached Crawl, budgeting now aims at Run, allocation unchanged.
    after = assess(
        model,
        {**BEFORE, "data-ingestion": "crawl"},
        {"data-ingestion": "walk", "allocation": "walk", "budgeting": "run"},
    )
    plan = regenerate(model, after, road)
    assert road == snapshot  # computed before anything is applied
    removed = ids(plan.removed)
    assert set(removed) == set(ingest_crawl[2:])  # untouched ingestion Crawl items are done with
    kept = ids(plan.kept)
    assert (
        ingest_crawl[0] in kept
        and ingest_crawl[1] in kept
        and "custom.data-ingestion.onboard-the-oracle-invoices" in kept
    )
    assert plan.result.initiative(ingest_crawl[0]).owner == "Cloud Platform team"
    budgeting_run = [t.key for t in model.capability("budgeting").initiatives_for("run")]
    assert ids(plan.added) == budgeting_run
    assert all(i.origin == "generated" and not i.edited for i in plan.added)
    assert (
        ids(plan.result.initiatives)
        == [i for i in ids(road.initiatives) if i not in removed][: len(kept)] + budgeting_run
    )
    assert set(ids(plan.result.initiatives)) == set(kept) | set(budgeting_run)
    check_schedule(plan.result)
    for item in plan.result.initiatives:
        assert all(d not in removed for d in item.depends_on)


def test_dependencies_of_kept_items_point_at_new_ones_when_the_rule_says_so(model: CapabilityModel) -> None:
    start = assess(model, {"data-ingestion": "crawl", "allocation": "none"}, "walk")
    road = generate_roadmap(model, start)
    walk_item = next(i.id for i in road.initiatives if i.capability == "data-ingestion" and i.phase == "walk")
    road = edit_initiative(road, walk_item, title="Land daily exports from every provider")
    # Re-scored lower: ingestion is back at "none", so its Crawl steps are needed again.
    plan = regenerate(model, assess(model, {"data-ingestion": "none", "allocation": "none"}, "walk"), road)
    new_crawl = [i.id for i in plan.added if i.capability == "data-ingestion" and i.phase == "crawl"]
    assert new_crawl
    kept = plan.result.initiative(walk_item)
    assert kept.title == "Land daily exports from every provider"
    assert all(d in kept.depends_on for d in new_crawl)
    check_schedule(plan.result)


def test_a_removed_dependency_is_not_put_back_on_an_edited_item(model: CapabilityModel) -> None:
    ass = assess(model, BEFORE, "walk")
    road = generate_roadmap(model, ass)
    item = next(i for i in road.initiatives if len(i.depends_on) > 1)
    road = remove_dependency(road, item.id, item.depends_on[0])
    plan = regenerate(model, ass, road)
    assert plan.result.initiative(item.id).depends_on == item.depends_on[1:]
    assert plan.added == [] and plan.removed == []


def test_user_dependency_and_order_survive(model: CapabilityModel) -> None:
    ass = assess(model, BEFORE, "walk")
    road = generate_roadmap(model, ass)
    crawl = [i.id for i in road.initiatives if i.phase == "crawl"]
    road = reorder_initiative(road, crawl[-1], 0)
    road = add_dependency(road, crawl[-2], crawl[-1])
    plan = regenerate(model, assess(model, {**BEFORE, "budgeting": "none"}, "walk"), road)
    result_crawl = [i.id for i in plan.result.initiatives if i.phase == "crawl"]
    assert result_crawl[0] == crawl[-1]
    assert crawl[-1] in plan.result.initiative(crawl[-2]).depends_on
    new_budget = [i.id for i in plan.added]
    assert new_budget == [t.key for t in model.capability("budgeting").initiatives_for("crawl")]
    positions = [result_crawl.index(i) for i in new_budget]
    assert positions == sorted(positions) and positions == list(range(positions[0], positions[0] + len(positions)))


def test_no_roadmap_yet_generates_one(model: CapabilityModel) -> None:
    ass = assess(model, BEFORE, "walk")
    plan = regenerate(model, ass, Roadmap(capacity=2))
    assert plan.result == generate_roadmap(model, ass, capacity=2)
    assert ids(plan.added) == ids(plan.result.initiatives) and plan.removed == [] and plan.kept == []


def test_everything_at_target_removes_untouched_items_only(model: CapabilityModel) -> None:
    road = generate_roadmap(model, assess(model, BEFORE, "walk"))
    keep = road.initiatives[3].id
    road = set_locked(road, keep, True)
    plan = regenerate(model, assess(model, dict.fromkeys(BEFORE, "walk"), "walk"), road)
    assert ids(plan.result.initiatives) == [keep]
    assert len(plan.removed) == len(road.initiatives) - 1
    assert plan.result.initiative(keep).depends_on == []  # its links went with the removed items


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 100_000), edits=st.integers(0, 10))
def test_regeneration_properties_on_random_models(seed: int, edits: int) -> None:
    model = synthetic_model(10, (2, 2, 1), seed)
    road = generate_roadmap(model, synthetic_assessment(model, seed))
    rng = random.Random(seed)
    phases = [p.id for p in road.phases]
    for _ in range(edits):
        if not road.initiatives:
            break
        item = rng.choice(road.initiatives)
        other = rng.choice(road.initiatives)
        action = rng.randrange(5)
        if action == 0:
            road = set_locked(road, item.id, True)
        elif action == 1:
            road = edit_initiative(road, item.id, phase=rng.choice(phases))
        elif action == 2:
            road = add_custom_initiative(
                road, capability=item.capability, title=f"Custom {rng.random()}", phase=rng.choice(phases)
            )
        elif action == 3:
            road = delete_initiative(road, item.id)
        elif other.id != item.id and other.id not in item.depends_on:
            with contextlib.suppress(EditRefused):  # a loop is refused
                road = add_dependency(road, item.id, other.id)
    before = copy.deepcopy(road)
    after = synthetic_assessment(model, seed + 1)
    plan = regenerate(model, after, road)
    assert road == before
    result = plan.result
    result_ids = ids(result.initiatives)
    assert len(result_ids) == len(set(result_ids))
    assert set(result_ids) == set(ids(plan.kept)) | set(ids(plan.added))
    assert set(ids(plan.kept)) | set(ids(plan.removed)) == set(ids(road.initiatives))
    for item in road.initiatives:
        if item.locked or item.edited or item.origin == "custom":
            kept = result.initiative(item.id)
            assert (kept.title, kept.phase, kept.owner, kept.locked) == (
                item.title,
                item.phase,
                item.owner,
                item.locked,
            )
    have = {i.template for i in result.initiatives}
    assert {t.key for t in needed_templates(model, after)} <= have
    assert find_dependency_cycle(result) is None
    for item in result.initiatives:
        assert set(item.depends_on) <= set(result_ids)
    check_schedule(result)
    again = regenerate(model, after, result)
    assert again.added == [] and again.removed == [] and again.result == result
