"""Editing operations: each returns a new roadmap, leaves the old one as it was, and can be undone."""

from __future__ import annotations

import copy

import pytest

from planner.model.capmodel import CapabilityModel
from planner.model.edits import EditRefused
from planner.model.project import Project, Roadmap
from planner.model.roadmap import (
    add_custom_initiative,
    add_dependency,
    delete_initiative,
    edit_initiative,
    generate_roadmap,
    move_initiative,
    new_initiative_id,
    remove_dependency,
    reorder_initiative,
    roadmap_warnings,
    schedule,
    set_capacity,
    set_locked,
)
from planner.storage.projectfile import project_bytes
from tests.unit.test_roadmap_generate import assess


@pytest.fixture
def road(model: CapabilityModel) -> Roadmap:
    return generate_roadmap(model, assess(model, {"data-ingestion": "none", "allocation": "none"}, "walk"))


def phase_ids(roadmap: Roadmap, phase: str) -> list[str]:
    return [i.id for i in roadmap.initiatives if i.phase == phase]


def file_bytes(model: CapabilityModel, roadmap: Roadmap) -> bytes:
    return project_bytes(Project(model, roadmap=roadmap))


def test_every_edit_leaves_its_input_untouched_so_undo_restores_it_exactly(
    model: CapabilityModel, road: Roadmap
) -> None:
    first, second = road.initiatives[0].id, road.initiatives[5].id
    custom = new_initiative_id(road, "allocation", "x")
    edits = [
        lambda r: add_custom_initiative(r, capability="allocation", title="Agree a showback calendar", phase="walk"),
        lambda r: delete_initiative(r, first),
        lambda r: edit_initiative(r, second, title="Renamed", owner="Finance", duration_months=4),
        lambda r: move_initiative(r, first, "run"),
        lambda r: reorder_initiative(r, second, 0),
        lambda r: set_locked(r, first, True),
        lambda r: set_capacity(r, 7),
        lambda r: (
            add_dependency(r, second, first)
            if first not in r.initiative(second).depends_on
            else remove_dependency(r, second, first)
        ),
    ]
    assert custom.startswith("custom.allocation.")
    for apply in edits:
        snapshot = copy.deepcopy(road)
        saved = file_bytes(model, road)
        new = apply(road)
        assert new != road
        assert road == snapshot and file_bytes(model, road) == saved  # undo = keep the old roadmap


def test_add_custom_then_delete_is_an_exact_inverse(road: Roadmap) -> None:
    added = add_custom_initiative(
        road,
        capability="allocation",
        title="Agree a showback calendar",
        phase="walk",
        owner="Finance",
        duration_months=2,
    )
    new_id = "custom.allocation.agree-a-showback-calendar"
    item = added.initiative(new_id)
    assert item.origin == "custom" and item.owner == "Finance" and item.duration_months == 2 and not item.edited
    assert phase_ids(added, "walk")[-1] == new_id  # last of its phase
    assert delete_initiative(added, new_id) == road
    again = add_custom_initiative(added, capability="allocation", title="Agree a showback calendar", phase="walk")
    assert phase_ids(again, "walk")[-1] == new_id + "-2"
    with pytest.raises(EditRefused, match="needs a title"):
        add_custom_initiative(road, capability="allocation", title="  ", phase="walk")
    with pytest.raises(EditRefused, match="no phase 'later'"):
        add_custom_initiative(road, capability="allocation", title="T", phase="later")


def test_add_custom_at_a_position(road: Roadmap) -> None:
    added = add_custom_initiative(road, capability="allocation", title="First thing", phase="crawl", index=0)
    assert phase_ids(added, "crawl")[0] == "custom.allocation.first-thing"


def test_delete_removes_the_item_from_others_dependencies(road: Roadmap) -> None:
    target = road.initiatives[0].id
    assert any(target in i.depends_on for i in road.initiatives)
    out = delete_initiative(road, target)
    assert all(target not in i.depends_on for i in out.initiatives)
    with pytest.raises(EditRefused, match="no initiative"):
        delete_initiative(out, target)


def test_edit_marks_generated_items_edited_and_checks_values(road: Roadmap) -> None:
    item_id = road.initiatives[0].id
    out = edit_initiative(road, item_id, title="  Map every account to an owner ", status="in_progress")
    assert out.initiative(item_id).title == "Map every account to an owner"
    assert out.initiative(item_id).edited
    assert not edit_initiative(road, item_id, title=road.initiatives[0].title).initiative(item_id).edited
    for bad, message in [
        ({"title": ""}, "cannot be empty"),
        ({"effort": "XL"}, "Effort must be one of S, M, L"),
        ({"status": "maybe"}, "Status must be one of"),
        ({"duration_months": 0}, "duration must be a whole number from 1 to 120"),
        ({"start_month": -1}, "start month must be a whole number"),
        ({"phase": "sprint"}, "no phase 'sprint'"),
        ({"depends_on": [item_id]}, "cannot depend on itself"),
        ({"depends_on": ["nope"]}, "no initiative 'nope'"),
        ({"id": "new"}, "cannot be edited: id"),
    ]:
        with pytest.raises(EditRefused, match=message):
            edit_initiative(road, item_id, **bad)


def test_move_to_another_phase_and_back(road: Roadmap) -> None:
    item_id = phase_ids(road, "crawl")[1]
    moved = move_initiative(road, item_id, "walk", index=0)
    assert phase_ids(moved, "walk")[0] == item_id and moved.initiative(item_id).edited
    back = move_initiative(moved, item_id, "crawl", index=1)
    assert phase_ids(back, "crawl") == phase_ids(road, "crawl")
    restored = [i.id for i in back.initiatives]
    assert restored == [i.id for i in road.initiatives]


def test_reorder_within_a_phase_is_inverted_by_reordering_back(road: Roadmap) -> None:
    walk = phase_ids(road, "walk")
    out = reorder_initiative(road, walk[0], 99)
    assert phase_ids(out, "walk") == [*walk[1:], walk[0]]
    assert phase_ids(out, "crawl") == phase_ids(road, "crawl")
    assert reorder_initiative(out, walk[0], 0) == road  # list order only: nothing marked edited


def test_reordering_changes_who_is_scheduled_first(model: CapabilityModel, road: Roadmap) -> None:
    road = add_custom_initiative(road, capability="allocation", title="Quick tag clean-up", phase="crawl")
    last = "custom.allocation.quick-tag-clean-up"
    one = schedule(model, set_capacity(road, 1))
    assert one.initiative(last).start_month > 0  # behind everything listed before it
    out = schedule(model, reorder_initiative(set_capacity(road, 1), last, 0))
    assert out.initiative(last).start_month == 0


def test_lock_and_capacity_have_exact_inverses(road: Roadmap) -> None:
    item_id = road.initiatives[2].id
    locked = set_locked(road, item_id, True)
    assert locked.initiative(item_id).locked and not locked.initiative(item_id).edited
    assert set_locked(locked, item_id, False) == road
    assert set_capacity(set_capacity(road, 6), road.capacity) == road
    for bad in (0, 51, True):
        with pytest.raises(EditRefused, match="Capacity must be a whole number"):
            set_capacity(road, bad)


def test_dependencies_are_added_and_removed_and_loops_refused(road: Roadmap) -> None:
    custom = add_custom_initiative(road, capability="allocation", title="Chargeback pilot", phase="walk")
    a, b = "custom.allocation.chargeback-pilot", road.initiatives[0].id
    linked = add_dependency(custom, a, b)
    assert linked.initiative(a).depends_on == [b]
    assert remove_dependency(linked, a, b) == custom  # custom items are never marked edited
    with pytest.raises(EditRefused, match="already depends on"):
        add_dependency(linked, a, b)
    with pytest.raises(EditRefused, match="does not depend on"):
        remove_dependency(custom, a, b)
    with pytest.raises(EditRefused, match=r"loop: '.*' -> '.*' -> '.*'"):
        add_dependency(linked, b, a)
    # a longer loop through the generated chain is refused too
    walk_item = phase_ids(road, "walk")[-1]
    with pytest.raises(EditRefused, match="loop"):
        add_dependency(road, road.initiatives[0].id, walk_item)


def test_manual_edits_that_break_the_order_are_warned(model: CapabilityModel, road: Roadmap) -> None:
    ass = assess(model, {"data-ingestion": "none", "allocation": "none"}, "walk")
    # only what the plan needs of capabilities it does not raise (Reporting's cost pack) is named
    assert all("first, but it is not in the plan" in w for w in roadmap_warnings(model, ass, road))
    item = road.initiative("allocation.crawl.account-owner-mapping")
    dep = road.initiative(item.depends_on[0])
    assert dep.capability == "data-ingestion" and dep.phase == "crawl"
    early = edit_initiative(road, item.id, start_month=0)
    assert (
        f"'{item.title}' starts in Month 1, before '{dep.title}', which it depends on, ends (in Month {dep.end_month})."
        in roadmap_warnings(model, ass, early)
    )
    later = move_initiative(road, dep.id, "walk")
    assert (
        f"'{item.title}' (Crawl) depends on '{dep.title}', which is planned in a later phase (Walk)."
        in roadmap_warnings(model, ass, later)
    )
    assert dep.end_month > 0


def test_copies_are_complete_and_independent(road: Roadmap) -> None:
    from dataclasses import fields

    from planner.model.project import Initiative
    from planner.model.roadmap.copying import copy_roadmap

    road.initiatives[0].extra["future"] = {"nested": [1]}
    road.phases[0].extra["colour"] = "green"
    road.extra["note"] = ["x"]
    copied = copy_roadmap(road)
    assert copied == road
    assert [f.name for f in fields(Initiative)][-1] == "extra" and len(fields(Initiative)) == 18
    assert len(fields(Roadmap)) == 9  # a new field must be copied by copy_roadmap too
    copied.initiatives[0].extra["future"]["nested"].append(2)
    copied.initiatives[0].depends_on.append("x")
    copied.phases[0].extra["colour"] = "red"
    copied.extra["note"].append("y")
    copied.dismissed.append("gone.crawl.x")
    copied.horizons[0].end_month = 6
    assert road.initiatives[0].extra["future"] == {"nested": [1]} and "x" not in road.initiatives[0].depends_on
    assert road.dismissed == [] and road.horizons[0].end_month == 3
    assert road.phases[0].extra["colour"] == "green" and road.extra["note"] == ["x"]
