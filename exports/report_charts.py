"""The report's charts, built from a :class:`ReportData` with the :mod:`planner.charts` factories.

The PDF draws them as vectors (the lens heatmap there is a native table instead:
:mod:`exports.pdf_heatmap`); the desktop app shows the same figures on its dashboard.
Only applicable capabilities appear on the radar; an unscored one is drawn at 0 and its label
ends with an asterisk. A phase's projection draws a capability at the threshold of the level the
phase brings it to, or at its current score while no phase has lifted it yet. The Gantt chart is split by phase (and long phases into chunks) so that
no image is taller than a page; every part keeps the whole roadmap's month axis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.charts.bars import BarRow, domain_bars_figure
from planner.charts.gantt import GanttBar, GanttPhase, gantt_figure
from planner.charts.heatmap import HeatRow, lens_heatmap_figure
from planner.charts.palette import CURRENT, PROJECTION_COLOURS, TARGET, level_colour
from planner.charts.radar import Band, RadarSeries, radar_figure
from planner.report.data import CapabilityRow, PhaseRow, ReportData
from planner.report.formatting import percent

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["bands_of", "domain_bars_for", "gantt_parts_for", "heatmap_for", "radar_for"]


def bands_of(report: ReportData) -> list[Band]:
    """Return the level bands of the report's model."""
    ids = [lv.id for lv in report.levels]
    return [Band(lv.name, lv.min_score, level_colour(lv.id, ids)) for lv in report.levels]


def _threshold(report: ReportData, level_id: str | None) -> float | None:
    for level in report.levels:
        if level.id == level_id:
            return level.min_score
    return None


def _projected(report: ReportData, cap: CapabilityRow, level_id: str | None) -> float | None:
    """Return where a projection puts a capability: its current score until a phase lifts its level."""
    ids = [lv.id for lv in report.levels]
    if level_id is None or cap.level is None or ids.index(level_id) <= ids.index(cap.level):
        return cap.score
    return _threshold(report, level_id)


def radar_for(report: ReportData, *, projections: bool = True) -> Figure:
    """Return the radar of current score vs target, with each phase's projected level if asked."""
    caps = [c for c in report.capabilities if c.applicable]
    labels = [c.name + ("" if c.score is not None else " *") for c in caps]
    series = []
    if projections:  # drawn first, thin, so the current score stays on top
        phase_items = [p for p in report.projections if p.key != "current"]
        for index, proj in enumerate(phase_items):
            colour = PROJECTION_COLOURS[index % len(PROJECTION_COLOURS)]
            values = [_projected(report, c, proj.levels.get(c.id)) for c in caps]
            series.append(RadarSeries(proj.label, values, colour, width=1.0))
    series.append(RadarSeries("Target", [_threshold(report, c.target) for c in caps], TARGET, dashed=True))
    series.append(RadarSeries("Current score", [c.score for c in caps], CURRENT, filled=True, width=2.0))
    return radar_figure(labels, series, bands=bands_of(report), size=(7.6, 7.4))


def domain_bars_for(report: ReportData) -> Figure:
    """Return the domain score bars with the overall score."""
    ids = [lv.id for lv in report.levels]
    rows = [BarRow(d.name, d.score, d.level_name, level_colour(d.level, ids)) for d in report.domains]
    return domain_bars_figure(rows, bands=bands_of(report), overall=report.overall_score)


def heatmap_for(report: ReportData) -> Figure:
    """Return the capability x lens heatmap, grouped by domain (the dashboard's; the PDF uses :mod:`exports.pdf_heatmap`)."""
    rows = []
    for cap in report.capabilities:
        if not cap.applicable:
            summary = ""
        elif cap.score is None:
            summary = "not scored"
        else:
            summary = f"{percent(cap.score)}  {cap.level_name}"
        rows.append(HeatRow(cap.name, cap.lens_scores, cap.applicable, summary, cap.domain_name))
    return lens_heatmap_figure(rows, [lens.name for lens in report.lenses], summary_header="Score  Level")


def gantt_parts_for(report: ReportData, max_rows: int = 56) -> list[Figure]:
    """Return the roadmap's Gantt chart in parts of at most ``max_rows`` initiatives."""
    months = max(report.months, 1)
    groups: list[list[PhaseRow]] = [[]]
    rows = 0
    for phase in report.phases:
        if not phase.initiatives:
            continue
        chunks = [phase.initiatives[i : i + max_rows] for i in range(0, len(phase.initiatives), max_rows)]
        for chunk in chunks:
            part = PhaseRow(phase.id, phase.name, phase.start_month, phase.end_month, chunk)
            if rows and rows + len(chunk) + 1 > max_rows:
                groups.append([])
                rows = 0
            groups[-1].append(part)
            rows += len(chunk) + 1
    figures = []
    for group in groups:
        if not group:
            continue
        bars = [
            GanttBar(f"{i.ref}  {i.title}", i.start_month, i.end_month, p.id, i.locked, i.status == "done")
            for p in group
            for i in p.initiatives
        ]
        phases = [GanttPhase(p.id, p.name, p.start_month, p.end_month) for p in group]
        figures.append(gantt_figure(bars, phases, months=months, row_height=0.165))
    return figures
