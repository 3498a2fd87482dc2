"""The report's figures: :mod:`planner.report.chartdata` drawn with the :mod:`planner.charts` factories.

The PDF draws them as vectors (the lens heatmap there is a native table instead:
:mod:`exports.pdf.heatmap`); the desktop app shows the same figures on its dashboard. What each
chart shows is decided in :mod:`planner.report.chartdata`; this module only adds the colours and
sizes. Every Gantt part keeps the whole roadmap's month axis. The PDF's radar projects by
horizon (the expected level by the end of each horizon, in calendar months); the dashboard's by
phase unless it asks otherwise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.charts.bars import BarRow, domain_bars_figure
from planner.charts.gantt import GanttBar, GanttPhase, gantt_figure
from planner.charts.heatmap import HeatRow, lens_heatmap_figure
from planner.charts.palette import CURRENT, HORIZON_COLOURS, PROJECTION_COLOURS, TARGET, level_colour
from planner.charts.radar import Band, RadarSeries, radar_figure
from planner.report.chartdata import gantt_axis, gantt_groups, heat_inputs, radar_input
from planner.report.data import ReportData

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "GANTT_ROW_HEIGHT",
    "GANTT_WIDTH",
    "bands_of",
    "domain_bars_for",
    "gantt_parts_for",
    "heatmap_for",
    "radar_for",
]


def bands_of(report: ReportData) -> list[Band]:
    """Return the level bands of the report's model."""
    ids = [lv.id for lv in report.levels]
    return [Band(lv.name, lv.min_score, level_colour(lv.id, ids)) for lv in report.levels]


def radar_for(report: ReportData, *, projections: bool = True, by: str = "phase") -> Figure:
    """Return the radar of current score vs target, with projected levels (by phase or horizon) if asked."""
    data = radar_input(report, projections=projections, by=by)
    series = [  # projections drawn first, thin, so the current score stays on top
        RadarSeries(label, list(values), PROJECTION_COLOURS[index % len(PROJECTION_COLOURS)], width=1.0)
        for index, (label, values) in enumerate(data.projections)
    ]
    series.append(RadarSeries("Target", list(data.target), TARGET, dashed=True))
    series.append(RadarSeries("Current score", list(data.current), CURRENT, filled=True, width=2.0))
    return radar_figure(list(data.labels), series, bands=bands_of(report), size=(7.6, 7.4), unscored=data.unscored)


def domain_bars_for(report: ReportData) -> Figure:
    """Return the domain score bars with the overall score."""
    ids = [lv.id for lv in report.levels]
    rows = [BarRow(d.name, d.score, d.level_name, level_colour(d.level, ids)) for d in report.domains]
    return domain_bars_figure(rows, bands=bands_of(report), overall=report.overall_score)


def heatmap_for(report: ReportData) -> Figure:
    """Return the capability x lens heatmap, grouped by domain (the dashboard's; the PDF uses :mod:`exports.pdf.heatmap`)."""
    rows = [HeatRow(r.name, r.lens_scores, r.applicable, r.summary, r.domain_name) for r in heat_inputs(report)]
    return lens_heatmap_figure(rows, [lens.name for lens in report.lenses], summary_header="Score  Level")


#: The Gantt chart's width and row height in inches (the PDF scales it to its frame).
GANTT_WIDTH, GANTT_ROW_HEIGHT = 7.5, 0.165


def gantt_parts_for(report: ReportData, max_rows: int = 56, first_rows: int | None = None) -> list[Figure]:
    """Return the roadmap's Gantt chart, horizon by horizon, in parts of at most ``max_rows`` rows.

    ``first_rows`` limits the first part to what fits on the page where the chart starts.
    """
    axis = gantt_axis(report)
    legend = [(p.id, p.name) for p in report.phases if p.initiatives]
    position = {h.id: n for n, h in enumerate(report.horizons)}
    figures = []
    for group in gantt_groups(report, max_rows, first_rows):
        bars = [
            GanttBar(f"{i.ref}  {i.title}", i.start_month, i.end_month, i.phase, i.locked, i.status == "done", h.id)
            for h in group
            for i in h.initiatives
        ]
        bands = [
            GanttPhase(
                h.id,
                h.name,
                h.start_month,
                h.end_month,
                f"{h.span_label}  \u00b7  {_count(report, h.id)}",
                HORIZON_COLOURS[position[h.id] % len(HORIZON_COLOURS)],
            )
            for h in group
        ]
        figures.append(
            gantt_figure(
                bars,
                bands,
                months=axis.months,
                width=GANTT_WIDTH,
                row_height=GANTT_ROW_HEIGHT,
                ticks=axis.ticks,
                years=axis.years,
                boundaries=axis.boundaries,
                legend=legend,
            )
        )
    return figures


def _count(report: ReportData, horizon_id: str) -> str:
    found = next((len(h.initiatives) for h in report.horizons if h.id == horizon_id), 0)
    return f"{found} initiative{'s' if found != 1 else ''}"
