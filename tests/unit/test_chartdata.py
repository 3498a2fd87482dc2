"""The charts' inputs come from the report, without colours or matplotlib."""

from __future__ import annotations

from planner.model.capmodel import CapabilityModel
from planner.report.chartdata import gantt_groups, heat_inputs, radar_input, threshold
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
