"""The report's roadmap: horizons in calendar months, plan order, staleness and the first 90 days."""

from __future__ import annotations

import datetime as dt

from planner.model.calendar import month_label, month_span_label
from planner.model.capmodel import CapabilityModel
from planner.model.project import Horizon
from planner.model.roadmap import (
    horizon_of,
    horizon_spans,
    project_by_horizon,
    roadmap_warnings,
    schedule,
    set_horizon_ends,
    set_pin,
    set_status,
    stale_reasons,
)
from planner.report.data import STALE_NOTE, build_report
from tests.scenarios import enterprise, midsize, planned, startup


def test_every_scheduled_initiative_sits_in_the_horizon_its_start_falls_in(model: CapabilityModel) -> None:
    project = planned(midsize(model))
    road, start = project.roadmap, project.engagement.start_date
    report = build_report(project)
    spans = horizon_spans(road)
    assert [h.id for h in report.horizons] == [h.id for h in road.horizons]
    for horizon in report.horizons:
        assert (horizon.start_month, horizon.end_month) == spans[horizon.id]
        assert horizon.span_label == month_span_label(start, *spans[horizon.id])
        assert all(horizon_of(road.horizons, i.start_month) == horizon.id for i in horizon.initiatives)
        assert all(i.horizon == horizon.id and i.horizon_name == horizon.name for i in horizon.initiatives)
        position = [road.initiatives.index(road.initiative(i.id)) for i in horizon.initiatives]
        keys = [(i.start_month, p) for i, p in zip(horizon.initiatives, position, strict=True)]
        assert keys == sorted(keys)  # by start month, then by priority
    assert sorted(i.id for i in report.scheduled) == sorted(i.id for i in road.initiatives)
    assert report.horizons[-1].open_ended and not report.horizons[0].open_ended


def test_every_month_a_reader_sees_is_a_calendar_month(model: CapabilityModel) -> None:
    project = planned(startup(model))
    start = project.engagement.start_date
    report = build_report(project)
    assert report.dated and report.start_date == start
    for item in report.initiatives:
        engine = project.roadmap.initiative(item.id)
        assert item.start_label == month_label(start, engine.start_month)
        assert item.end_label == month_label(start, engine.end_month - 1)
        assert item.span_label == month_span_label(start, engine.start_month, engine.end_month)
        year, number = map(int, start.split("-"))  # type: ignore[union-attr]
        first = (year * 12 + number - 1) + engine.start_month
        assert item.start_date == dt.date(first // 12, first % 12 + 1, 1)
        last = first + engine.duration_months - 1
        assert item.end_date == dt.date(last // 12, last % 12 + 1, 1)
        assert "Month" not in item.start_label + item.end_label + item.span_label
    assert report.plan_span_label == month_span_label(start, 0, report.months)
    assert report.month_label(0) == month_label(start, 0)


def test_an_undated_plan_reads_month_n_and_has_no_dates(model: CapabilityModel) -> None:
    project = planned(enterprise(model))
    project.engagement.start_date = None
    report = build_report(project)
    assert not report.dated and report.start_date is None
    item = report.initiatives[-1]
    assert item.start_label == f"Month {item.start_month + 1}"
    assert item.start_date is None and item.end_date is None
    assert report.horizons[0].span_label == "Months 1-3"
    assert report.plan_span_label == f"Months 1-{report.months}"


def test_deferred_and_dropped_work_is_listed_apart_and_numbered_last(model: CapabilityModel) -> None:
    project = planned(startup(model))
    ids = [i.id for i in project.roadmap.initiatives]
    road = set_status(project.roadmap, [ids[0]], "deferred")
    road = set_status(road, [ids[1]], "dropped")
    road = set_status(road, [ids[2]], "done", done_date="2027-02-10")
    project.roadmap = schedule(model, set_pin(road, ids[3], 7))
    report = build_report(project)
    assert [i.id for i in report.unscheduled] == sorted(
        ids[:2], key=lambda i: (project.roadmap.initiative(i).start_month, ids.index(i))
    )
    assert all(not i.scheduled and i.horizon == "" for i in report.unscheduled)
    assert [int(i.ref) for i in report.initiatives] == list(range(1, len(ids) + 1))
    assert report.initiatives[-2:] == report.unscheduled
    assert report.months == max(i.end_month for i in project.roadmap.initiatives if i.id not in ids[:2])
    rows = {i.id: i for i in report.initiatives}
    assert rows[ids[2]].status == "done" and rows[ids[2]].done_date == "2027-02-10"
    assert rows[ids[3]].pinned and rows[ids[3]].pinned_label == month_label(project.engagement.start_date, 7)
    assert not rows[ids[4]].pinned and rows[ids[4]].pinned_label == ""


def test_the_opening_is_the_first_horizon_and_its_title_follows_its_length(model: CapabilityModel) -> None:
    project = planned(enterprise(model))
    report = build_report(project)
    assert report.opening is report.horizons[0]
    assert report.opening_title == "The first 90 days"
    assert [i.id for i in report.opening.initiatives] == [
        i.id for i in sorted(project.roadmap.initiatives, key=lambda i: i.start_month) if i.start_month < 3
    ]
    project.roadmap = schedule(model, set_horizon_ends(project.roadmap, [4, 12, None]))
    assert build_report(project).opening_title == "The first 4 months"
    project.roadmap.horizons = [Horizon("now", "Now", 1), Horizon("later", "Later", None)]
    assert build_report(project).opening_title == "The first month"


def test_projections_by_horizon_follow_the_engine_and_name_their_month(model: CapabilityModel) -> None:
    project = planned(midsize(model))
    start = project.engagement.start_date
    report = build_report(project)
    expected = dict(project_by_horizon(model, project.assessment, project.roadmap, org_size="midsize"))
    assert report.horizon_projections[0].key == "current"
    for projection in report.horizon_projections[1:]:
        assert projection.levels == expected[projection.key]
    labels = [p.label for p in report.horizon_projections]
    now = report.horizons[0]
    assert labels[1] == f"By {month_label(start, now.end_month - 1)} ({now.name})"
    assert labels[-1] == f"By {month_label(start, report.months - 1)} ({report.horizons[-1].name})"


def test_a_stale_roadmap_carries_its_reasons_and_the_note(model: CapabilityModel) -> None:
    project = planned(enterprise(model))
    assert not build_report(project).stale and build_report(project).stale_note == ""
    project.engagement.org_size = "midsize"
    report = build_report(project)
    assert report.stale and report.stale_note == STALE_NOTE
    assert list(report.stale_reasons) == stale_reasons(model, project.assessment, project.roadmap, org_size="midsize")
    assert list(report.warnings) == roadmap_warnings(
        model, project.assessment, project.roadmap, start_date=project.engagement.start_date
    )


def test_the_report_does_not_warn_about_work_sized_for_another_organisation(model: CapabilityModel) -> None:
    report = build_report(planned(midsize(model)))
    assert report.warnings == ()  # the start-up-only variants a mid-size plan leaves out are not "missing"
