"""The charts' inputs come from the report, without colours or matplotlib."""

from __future__ import annotations

import itertools

from planner.model.capmodel import CapabilityModel
from planner.report.chartdata import gantt_axis, gantt_groups, heat_inputs, radar_input, threshold
from planner.report.data import build_report
from planner.report.formatting import percent
from tests.factories import scored_project
from tests.loaded import modules_loaded_by


def test_radar_heat_and_gantt_inputs_follow_the_report(model: CapabilityModel) -> None:
    report = build_report(scored_project(model))
    applicable = [c for c in report.capabilities if c.applicable]
    radar = radar_input(report, projections=False)
    assert radar.current == tuple(c.score for c in applicable)
    assert radar.target == tuple(threshold(report, c.target) for c in applicable)
    assert radar.projections == ()
    heat = heat_inputs(report)
    assert [r.name for r in heat] == [c.name for c in report.capabilities]
    for row, cap in zip(heat, report.capabilities, strict=True):
        if cap.applicable and cap.score is not None:
            assert row.summary == f"{percent(cap.score)}  {cap.level_name}"
    groups = gantt_groups(report, max_rows=5)
    assert [i for g in groups for p in g for i in p.initiatives] == list(report.initiatives)
    assert all(sum(len(p.initiatives) + 1 for p in g) <= 5 or len(g) == 1 for g in groups)


def test_the_report_package_imports_no_charts_matplotlib_or_exports() -> None:
    loaded = modules_loaded_by("import planner.report.chartdata, planner.report.data, planner.report.formatting")
    assert "planner.report.chartdata" in loaded
    bad = [m for m in loaded if m.split(".")[0] in ("matplotlib", "exports", "PySide6")]
    assert bad + [m for m in loaded if m.startswith(("planner.charts", "planner.ui"))] == []


def test_the_gantt_axis_names_calendar_months_and_marks_the_horizons(model: CapabilityModel) -> None:
    from planner.model.roadmap import schedule, set_capacity
    from tests.scenarios import enterprise, planned

    project = planned(enterprise(model))
    report = build_report(project)
    assert report.months <= 24
    axis = gantt_axis(report)
    assert axis.months == report.months
    assert axis.ticks == tuple(
        (m, ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")[m % 12])
        for m in range(report.months)
    )
    assert axis.years == tuple(
        (m, str(2027 + m // 12)) for m in range(0, report.months, 12)
    )  # the plan starts in January
    assert axis.boundaries == tuple(h.start_month for h in report.horizons[1:] if h.start_month < report.months)
    project.roadmap = schedule(model, set_capacity(project.roadmap, 1))  # a long plan: fewer month names
    long = gantt_axis(build_report(project))
    assert long.months > 24
    step = 3 if long.months <= 48 else 6
    assert [m for m, _ in long.ticks or ()] == list(range(0, long.months, step))
    project.engagement.start_date = None
    assert gantt_axis(build_report(project)).ticks is None


def test_radar_projections_by_horizon(model: CapabilityModel) -> None:
    from tests.scenarios import midsize, planned

    report = build_report(planned(midsize(model)))
    radar = radar_input(report, by="horizon")
    assert [label for label, _ in radar.projections] == [p.label for p in report.horizon_projections[1:]]
    assert [label for label, _ in radar_input(report).projections] == [p.label for p in report.projections[1:]]


def test_gantt_parts_fill_the_first_page_then_a_page_each(model: CapabilityModel) -> None:
    from tests.scenarios import midsize, planned

    report = build_report(planned(midsize(model)))
    groups = gantt_groups(report, max_rows=30, first_rows=10)
    sizes = [sum(len(h.initiatives) + 1 for h in group) for group in groups]
    assert sizes[0] <= 10 and all(size <= 30 for size in sizes[1:])
    assert sizes[0] >= 9 and all(size >= 29 for size in sizes[1:-1])  # each part filled before the next
    assert [i for g in groups for h in g for i in h.initiatives] == list(report.scheduled)


def test_year_labels_never_crowd_each_other(model: CapabilityModel) -> None:
    from planner.model.roadmap import schedule, set_capacity
    from tests.scenarios import enterprise, planned

    project = planned(enterprise(model))
    project.engagement.start_date = "2027-11"
    axes = [gantt_axis(build_report(project))]
    project.roadmap = schedule(model, set_capacity(project.roadmap, 1))
    axes.append(gantt_axis(build_report(project)))
    assert axes[1].months > 28  # long enough that "2027" over November would run into "2028"
    for axis in axes:
        months = [m for m, _ in axis.years]
        assert all(b - a >= axis.months / 14 for a, b in itertools.pairwise(months))
        assert [m for m in range(2, axis.months, 12)] == [m for m in months if m]  # every January
    assert axes[1].years[0] == (2, "2028")
