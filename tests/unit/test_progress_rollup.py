"""Initiative progress rolled up per capability, maturity phase and horizon."""

from __future__ import annotations

from planner.model.capmodel import CapabilityModel
from planner.model.roadmap import regenerate, schedule, set_status
from planner.model.roadmap.progress import OFF_PLAN, by_capability, by_capability_phase, by_horizon, by_phase, tally
from tests.scenarios import midsize, planned


def test_statuses_roll_up_and_read_as_a_sentence(model: CapabilityModel) -> None:
    project = planned(midsize(model))
    road = project.roadmap
    cap, phase = road.initiatives[0].capability, road.initiatives[0].phase
    same = [i.id for i in road.initiatives if (i.capability, i.phase) == (cap, phase)]
    road = set_status(road, same[:1], "done", done_date="2027-02-01")
    if len(same) > 1:
        road = set_status(road, same[1:2], "dropped")
    rolled = by_capability_phase(road)[(cap, phase)]
    assert rolled.done == 1
    assert rolled.total == len(same) - (1 if len(same) > 1 else 0)  # a dropped item is no longer work
    name = model.capability(cap).name
    level = model.level_name(phase)
    sentence = rolled.sentence(name, level)
    assert sentence.startswith(f"{name}: 1 of {rolled.total} {level} item")
    assert ("1 dropped" in sentence) == (len(same) > 1)
    assert sum(t.total + t.dropped for t in by_capability(road).values()) == len(road.initiatives)
    assert sum(t.done for t in by_phase(road).values()) == 1
    assert list(by_phase(road))[: len(road.phases)] == [p.id for p in road.phases]


def test_deferred_and_dropped_items_leave_the_horizons_but_are_counted(model: CapabilityModel) -> None:
    project = planned(midsize(model))
    road = project.roadmap
    ids = [i.id for i in road.initiatives]
    road = set_status(road, ids[:2], "deferred")
    road = set_status(road, ids[2:3], "dropped")
    road = schedule(model, road)
    rolled = by_horizon(road)
    assert rolled[OFF_PLAN].deferred == 2 and rolled[OFF_PLAN].dropped == 1
    assert sum(t.total + t.dropped for t in rolled.values()) == len(ids)
    assert [h.id for h in road.horizons] == [k for k in rolled if k != OFF_PLAN]


def test_regeneration_keeps_every_item_that_is_not_planned(model: CapabilityModel) -> None:
    project = planned(midsize(model))
    road = project.roadmap
    ids = [i.id for i in road.initiatives]
    statuses = ["in_progress", "done", "deferred", "dropped"]
    for item_id, status in zip(ids, statuses, strict=False):
        road = set_status(road, [item_id], status, done_date="2027-01-15" if status == "done" else None)
    project.roadmap = road
    for cap in project.assessment.capabilities.values():  # nothing needed any more
        cap.target = None
    plan = regenerate(model, project.assessment, road)
    kept = {i.id for i in plan.result.initiatives}
    assert set(ids[:4]) <= kept
    assert tally(plan.result.initiatives).planned == 0
