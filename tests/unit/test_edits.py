"""Qt-free edits: what they refuse, what they change, and that undoing them restores the file exactly."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.model.capmodel import CapabilityModel
from planner.model.edits import (
    CAPABILITY_FIELDS,
    ChangeKind,
    Edit,
    EditRefused,
    replace_roadmap,
    score_lens,
    set_capability_field,
    set_engagement_field,
    set_lens_weight,
)
from planner.model.limits import LONG_TEXT_MAX, SHORT_TEXT_MAX
from planner.model.project import Project, Roadmap
from planner.storage.projectdoc import project_from_document, project_to_document
from planner.storage.projectfile import project_bytes
from tests.factories import scored_project

_UNSCORED = ("budgeting", "unit-economics", "forecasting")


def _project(model: CapabilityModel) -> Project:
    """A scored project in which a few capabilities have no record yet."""
    project = scored_project(model)
    for cap_id in _UNSCORED:
        del project.assessment.capabilities[cap_id]
    return project


def test_scoring_a_new_capability_creates_its_record_and_undo_removes_it(model: CapabilityModel) -> None:
    project = _project(model)
    before = project_bytes(project)
    edit = score_lens(project, "budgeting", "process", 3)
    change = edit.apply(project)
    assert change.kind is ChangeKind.ASSESSMENT and change.ids == ("budgeting",)
    assert change.affects_scores
    assert project.assessment.capabilities["budgeting"].lenses == {"process": 3}
    edit.inverse().apply(project)
    assert "budgeting" not in project.assessment.capabilities
    assert project_bytes(project) == before


def test_an_edit_is_independent_of_later_changes_to_the_project(model: CapabilityModel) -> None:
    project = _project(model)
    first = set_capability_field(project, "allocation", "evidence", ["Tag report"])
    first.apply(project)
    project.assessment.capabilities["allocation"].evidence.append("mutated in place")
    first.apply(project)  # redo puts exactly the recorded state back
    assert project.assessment.capabilities["allocation"].evidence == ["Tag report"]


def test_typing_merges_and_returning_to_the_start_is_a_noop(model: CapabilityModel) -> None:
    project = _project(model)
    merged: Edit | None = None
    for text in ("N", "No", "Notes"):
        edit = set_capability_field(project, "allocation", "notes", text)
        edit.apply(project)
        merged = edit if merged is None else merged.merge(edit)
    assert merged is not None and merged.merge_key == ("capability", "allocation", "notes")
    merged.inverse().apply(project)
    assert project.assessment.capabilities["allocation"].notes == "Observed practice for Allocation."
    back = set_capability_field(project, "allocation", "notes", "Observed practice for Allocation.")
    assert back.is_noop
    assert set_capability_field(project, "allocation", "target", "run").merge_key is None  # a click is one step


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: score_lens(p, "allocation", "process", 5), "from 0 to 4, not 5"),
        (lambda p: score_lens(p, "allocation", "process", True), "whole number"),
        (lambda p: score_lens(p, "allocation", "charisma", 2), "no lens 'charisma'"),
        (lambda p: score_lens(p, "time-travel", "process", 2), "no capability 'time-travel'"),
        (lambda p: set_capability_field(p, "allocation", "importance", 6), "from 1 to 5, not 6"),
        (lambda p: set_capability_field(p, "allocation", "target", "sprint"), "one of the levels"),
        (lambda p: set_capability_field(p, "allocation", "applicable", "yes"), "yes or no"),
        (lambda p: set_capability_field(p, "allocation", "colour", "red"), "no field 'colour'"),
        (lambda p: set_capability_field(p, "allocation", "evidence", "one text"), "list of texts"),
        (lambda p: set_capability_field(p, "sustainability", "na_reason", 3), "reason it does not apply must be text"),
        (
            lambda p: set_capability_field(p, "allocation", "notes", "x" * (LONG_TEXT_MAX + 1)),
            f"{LONG_TEXT_MAX + 1:,} characters",
        ),
        (lambda p: set_engagement_field(p, "client", "x" * (SHORT_TEXT_MAX + 1)), "the most a project can hold is 500"),
        (lambda p: set_engagement_field(p, "assessment_date", "29/11/2026"), "YYYY-MM-DD"),
        (lambda p: set_engagement_field(p, "assessment_date", "2026-02-30"), "YYYY-MM-DD"),
        (lambda p: set_engagement_field(p, "scopes", "Public Cloud"), "list of names"),
        (lambda p: set_engagement_field(p, "budget", "1"), "no field 'budget'"),
        (lambda p: set_engagement_field(p, "start_date", "2027-13"), "a month written YYYY-MM"),
        (lambda p: set_engagement_field(p, "start_date", "2027-03-01"), "a month written YYYY-MM"),
        (lambda p: set_engagement_field(p, "start_date", "2027-03\n"), "a month written YYYY-MM"),
        (lambda p: set_engagement_field(p, "start_date", 202703), "a month written YYYY-MM"),
        (lambda p: set_engagement_field(p, "org_size", "huge"), "one of startup, midsize, enterprise"),
        (lambda p: set_lens_weight(p, "process", 11), "from 0 to 10"),
        (lambda p: set_lens_weight(p, "process", float("nan")), "from 0 to 10"),
    ],
)
def test_refused_edits_say_why_and_change_nothing(model: CapabilityModel, make: Any, message: str) -> None:
    project = _project(model)
    before = project_bytes(project)
    with pytest.raises(EditRefused, match=message):
        make(project)
    assert project_bytes(project) == before


def test_the_last_weighted_lens_cannot_drop_to_zero(model: CapabilityModel) -> None:
    project = _project(model)
    *others, last = model.lens_ids
    for lens in others:
        set_lens_weight(project, lens, 0).apply(project)
    with pytest.raises(EditRefused, match="At least one lens must weigh more than 0"):
        set_lens_weight(project, last, 0)


def test_every_accepted_edit_saves_a_file_that_reopens(model: CapabilityModel) -> None:
    project = _project(model)
    for edit in (
        set_engagement_field(project, "client", "x" * SHORT_TEXT_MAX),
        set_capability_field(project, "allocation", "notes", "y" * LONG_TEXT_MAX),
        set_capability_field(project, "sustainability", "na_reason", "z" * LONG_TEXT_MAX),
        set_lens_weight(project, "automation", 10),
        set_capability_field(project, "budgeting", "importance", 5),
        set_engagement_field(project, "start_date", "2027-03"),
        set_engagement_field(project, "org_size", "enterprise"),
    ):
        edit.apply(project)
    reopened = project_from_document(project_to_document(project)).engagement
    assert reopened.client == "x" * SHORT_TEXT_MAX
    assert (reopened.start_date, reopened.org_size) == ("2027-03", "enterprise")
    reread = project_from_document(project_to_document(project)).assessment.capabilities["sustainability"]
    assert reread.na_reason == "z" * LONG_TEXT_MAX
    set_engagement_field(project, "start_date", None).apply(project)
    assert project_from_document(project_to_document(project)).engagement.start_date is None


def test_choosing_a_size_or_a_start_month_is_one_undo_step_each(model: CapabilityModel) -> None:
    project = _project(model)
    size = set_engagement_field(project, "org_size", "startup")
    start = set_engagement_field(project, "start_date", "2027-01")
    assert (size.merge_key, start.merge_key) == (None, None)
    assert (size.text, start.text) == ("Edit organisation size", "Edit plan start")
    assert set_engagement_field(project, "client", "A").merge_key is not None  # typing still merges


# -- any sequence of edits, undone, gives back the file byte for byte -------------------------------
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_CAPS = st.sampled_from(["allocation", "budgeting", "unit-economics", "anomaly-management", "forecasting"])
_LENSES = st.sampled_from(["knowledge", "process", "metrics", "adoption", "automation"])
_FIELD_VALUES: dict[str, Any] = {
    "applicable": st.booleans(),
    "target": st.sampled_from([None, "crawl", "walk", "run"]),
    "importance": st.integers(0, 6),
    "notes": _TEXT,
    "internal_notes": _TEXT,
    "evidence": st.lists(_TEXT, max_size=3),
    "na_reason": _TEXT,
}
_REQUESTS = st.one_of(
    st.tuples(st.just("lens"), _CAPS, _LENSES, st.one_of(st.none(), st.integers(-1, 5))),
    st.sampled_from(CAPABILITY_FIELDS).flatmap(
        lambda name: st.tuples(st.just("field"), _CAPS, st.just(name), _FIELD_VALUES[name])
    ),
    st.tuples(st.just("engagement"), st.sampled_from(["client", "summary", "firm"]), _TEXT),
    st.tuples(st.just("engagement"), st.just("start_date"), st.sampled_from([None, "2027-01", "2031-12", "x"])),
    st.tuples(st.just("engagement"), st.just("org_size"), st.sampled_from([None, "startup", "enterprise", "big"])),
    st.tuples(st.just("weight"), _LENSES, st.sampled_from([0, 0.5, 1, 2, 10])),
    st.tuples(st.just("capacity"), st.integers(1, 9)),
)


def _build(project: Project, request: tuple[Any, ...]) -> Edit:
    kind, *args = request
    if kind == "lens":
        return score_lens(project, *args)
    if kind == "field":
        return set_capability_field(project, *args)
    if kind == "engagement":
        return set_engagement_field(project, *args)
    if kind == "weight":
        return set_lens_weight(project, *args)
    old = project.roadmap
    return replace_roadmap(project, Roadmap(args[0], list(old.phases), list(old.initiatives)), "Set capacity")


@settings(max_examples=60, deadline=None)
@given(requests=st.lists(_REQUESTS, max_size=25))
def test_any_edits_undone_in_reverse_restore_the_file_byte_for_byte(
    model: CapabilityModel, requests: list[tuple[Any, ...]]
) -> None:
    project = _project(model)
    before = project_bytes(project)
    done: list[Edit] = []
    for request in requests:
        try:
            edit = _build(project, request)
        except EditRefused:
            continue
        edit.apply(project)
        if done and edit.merge_key is not None and done[-1].merge_key == edit.merge_key:
            done[-1] = done[-1].merge(edit)  # as the undo stack merges typing
        else:
            done.append(edit)
    after = project_bytes(project)
    for edit in reversed(done):
        edit.inverse().apply(project)
    assert project_bytes(project) == before
    for edit in done:  # and redoing them all gives the edited file again
        edit.apply(project)
    assert project_bytes(project) == after


def test_a_plan_past_the_last_month_a_file_holds_is_refused_before_it_replaces_the_roadmap(
    model: CapabilityModel,
) -> None:
    from planner.model.project import Roadmap
    from planner.model.roadmap import generate_roadmap

    project = scored_project(model)
    for capability in model.iter_capabilities():
        cap = project.assessment.of(capability.id)
        cap.applicable, cap.target = True, "run"
        cap.lenses = dict.fromkeys(model.lens_ids, 0)
    one_at_a_time = Roadmap(capacity=1, owner_capacity=1, scope="full")
    huge = generate_roadmap(model, project.assessment, settings=one_at_a_time)  # everything to Run
    assert max(item.start_month for item in huge.initiatives) > 600
    before = project_bytes(project)
    with pytest.raises(
        EditRefused, match=r"start work in month [\d,]+, \d+ years from now; a project holds plans of up to 50"
    ):
        replace_roadmap(project, huge, "Generate roadmap")
    assert project_bytes(project) == before
    huge.capacity = 50
    from planner.model.roadmap import schedule

    replace_roadmap(project, schedule(model, huge), "Generate roadmap").apply(project)  # the same plan, in parallel
    assert project_from_document(project_to_document(project)).roadmap.capacity == 50
