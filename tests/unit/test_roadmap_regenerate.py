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
    restore_dismissed,
    set_locked,
    set_status,
)
from planner.model.roadmap.deps import find_dependency_cycle
from planner.model.roadmap.generate import needed_templates
from planner.model.roadmap.regenerate import apply_choices
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


FULL = Roadmap(scope="full")


def test_rescore_adds_needed_and_drops_untouched_items_but_keeps_manual_work(model: CapabilityModel) -> None:
    road = generate_roadmap(model, assess(model, BEFORE, "walk"), settings=FULL)
    ingest_crawl = [i.id for i in road.initiatives if i.capability == "data-ingestion" and i.phase == "crawl"]
    assert len(ingest_crawl) >= 2
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
    budgeting_run = {t.key for t in model.capability("budgeting").initiatives_for("run")}
    assert budgeting_run <= set(ids(plan.added))
    assert {i.capability for i in plan.added} <= {"budgeting"} | {
        model.template(k).capability  # type: ignore[union-attr]
        for k in {r for t in budgeting_run for r in model.template(t).requires}  # type: ignore[union-attr]
    }
    assert all(i.origin == "generated" and not i.edited for i in plan.added)
    in_order = [i for i in ids(plan.result.initiatives) if i in kept]
    assert in_order == [i for i in ids(road.initiatives) if i in kept]  # the consultant's order is kept
    assert set(ids(plan.result.initiatives)) == set(kept) | set(ids(plan.added))
    check_schedule(plan.result)
    for item in plan.result.initiatives:
        assert all(d not in removed for d in item.depends_on)


def test_deleted_items_do_not_come_back_until_restored(model: CapabilityModel) -> None:
    ass = assess(model, BEFORE, "walk")
    road = generate_roadmap(model, ass)
    victim = road.initiatives[0]
    road = delete_initiative(road, victim.id)
    assert road.dismissed == [victim.template]
    plan = regenerate(model, ass, road)
    assert victim.id not in ids(plan.result.initiatives) and not plan.changes_anything
    restored = regenerate(model, ass, restore_dismissed(road))
    assert ids(restored.added) == [victim.id]


def test_the_preview_choices_dismiss_rejected_additions_and_keep_rejected_removals(model: CapabilityModel) -> None:
    road = generate_roadmap(model, assess(model, BEFORE, "walk"), settings=FULL)
    after = assess(model, {**BEFORE, "data-ingestion": "crawl"}, {**dict.fromkeys(BEFORE, "walk"), "budgeting": "run"})
    plan = regenerate(model, after, road)
    assert plan.added and plan.removed
    no, keep = plan.added[0], plan.removed[0]
    result = apply_choices(model, road, plan, reject_added={no.id}, keep_removed={keep.id})
    assert no.id not in ids(result.initiatives) and no.template in result.dismissed
    assert result.initiative(keep.id).locked
    check_schedule(result)
    again = regenerate(model, after, result)
    assert not again.changes_anything


def test_work_under_way_is_kept_whatever_the_scores_say(model: CapabilityModel) -> None:
    road = generate_roadmap(model, assess(model, BEFORE, "walk"))
    begun = road.initiatives[0].id
    road = set_status(road, [begun], "in_progress")
    plan = regenerate(model, assess(model, dict.fromkeys(BEFORE, "walk"), "walk"), road)
    assert ids(plan.result.initiatives) == [begun]


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
    road = generate_roadmap(model, ass, settings=FULL)
    crawl = [i.id for i in road.initiatives if i.phase == "crawl" and not i.depends_on]
    road = reorder_initiative(road, crawl[-1], 0)
    if crawl[-1] not in road.initiative(crawl[-2]).depends_on:
        road = add_dependency(road, crawl[-2], crawl[-1])
    plan = regenerate(model, assess(model, {**BEFORE, "budgeting": "none"}, "walk"), road)
    result_crawl = [i.id for i in plan.result.initiatives if i.phase == "crawl"]
    assert result_crawl[0] == crawl[-1]
    assert crawl[-1] in plan.result.initiative(crawl[-2]).depends_on
    assert {i.capability for i in plan.added} == {"budgeting"}
    assert {i.id for i in plan.added} == {t.key for t in model.capability("budgeting").initiatives_for("crawl")}


def test_no_roadmap_yet_generates_one(model: CapabilityModel) -> None:
    ass = assess(model, BEFORE, "walk")
    plan = regenerate(model, ass, Roadmap(capacity=2), org_size="startup")
    assert plan.result == generate_roadmap(model, ass, capacity=2, org_size="startup")
    assert ids(plan.added) == ids(plan.result.initiatives) and plan.removed == [] and plan.kept == []


def test_everything_at_target_removes_untouched_items_only(model: CapabilityModel) -> None:
    road = generate_roadmap(model, assess(model, BEFORE, "walk"))
    keep = road.initiatives[-1].id
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
    assert {t.key for t in needed_templates(model, after, dismissed=road.dismissed)} <= have
    assert not have & set(road.dismissed) - {i.template for i in road.initiatives}  # deleted stay deleted
    assert find_dependency_cycle(result) is None
    for item in result.initiatives:
        assert set(item.depends_on) <= set(result_ids)
    check_schedule(result)
    again = regenerate(model, after, result)
    assert again.added == [] and again.removed == [] and again.result == result
