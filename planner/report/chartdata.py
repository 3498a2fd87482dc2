"""What the report's charts show, as plain data: values, labels and groups, no colours and no matplotlib.

:mod:`exports.figures` turns these into :mod:`planner.charts` figures for the PDF and the dashboard.
Only applicable capabilities appear on the radar; an unscored one has no value (``None``: never
drawn as 0) and is flagged in :attr:`RadarInput.unscored`, for the chart to grey its name and count
it in the legend. A projection (after a phase, or by a horizon's end) draws a capability at
the threshold of the level it brings it to, or at its current score while nothing has lifted it
yet. The Gantt chart shows the scheduled initiatives horizon by horizon, split into parts (a long
horizon into chunks) so that no image is taller than a page; its month axis names calendar
months when the plan is dated: every month up to two years, the first month of each quarter up
to four, then January and July; the years stand over each January and over the first month
unless a January follows too closely for both to be read (:func:`gantt_axis`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from planner.model.calendar import MONTH_NAMES, plan_month
from planner.report.data import CapabilityRow, HorizonRow, ReportData
from planner.report.formatting import percent

__all__ = [
    "GanttAxis",
    "HeatInput",
    "RadarInput",
    "gantt_axis",
    "gantt_groups",
    "heat_inputs",
    "radar_input",
    "threshold",
]


@dataclass(frozen=True, slots=True)
class RadarInput:
    """The radar's spokes and values: current score, target threshold, and each phase's projection."""

    labels: tuple[str, ...]
    current: tuple[float | None, ...]
    target: tuple[float | None, ...]
    projections: tuple[tuple[str, tuple[float | None, ...]], ...]
    #: Per spoke: the capability is not scored at all (no lens scored).
    unscored: tuple[bool, ...] = ()


@dataclass(frozen=True, slots=True)
class HeatInput:
    """One heatmap row: a capability's lens scores and its score and level as text."""

    name: str
    lens_scores: tuple[int | None, ...]
    applicable: bool
    summary: str
    domain_name: str


def threshold(report: ReportData, level_id: str | None) -> float | None:
    """Return the score a level starts at (``None`` for no or an unknown level)."""
    for level in report.levels:
        if level.id == level_id:
            return level.min_score
    return None


def _projected(report: ReportData, cap: CapabilityRow, level_id: str | None) -> float | None:
    """Return where a projection puts a capability: its current score until a phase lifts its level."""
    ids = [lv.id for lv in report.levels]
    if level_id is None or cap.level is None or ids.index(level_id) <= ids.index(cap.level):
        return cap.score
    return threshold(report, level_id)


def radar_input(report: ReportData, *, projections: bool = True, by: str = "phase") -> RadarInput:
    """Return the radar of current score vs target, with projected levels if asked.

    ``by`` chooses the projections: ``"phase"`` (after each phase) or ``"horizon"`` (by the end
    of each horizon that holds work, in calendar months).
    """
    caps = [c for c in report.capabilities if c.applicable]
    source = report.horizon_projections if by == "horizon" else report.projections
    phases = [p for p in source if p.key != "current"] if projections else []
    return RadarInput(
        labels=tuple(c.name for c in caps),
        current=tuple(c.score for c in caps),
        target=tuple(threshold(report, c.target) for c in caps),
        projections=tuple((p.label, tuple(_projected(report, c, p.levels.get(c.id)) for c in caps)) for p in phases),
        unscored=tuple(c.score is None for c in caps),
    )


def heat_inputs(report: ReportData) -> list[HeatInput]:
    """Return the capability x lens rows, grouped by domain, with score and level as every view writes them."""
    rows = []
    for cap in report.capabilities:
        if not cap.applicable:
            summary = ""
        elif cap.score is None:
            summary = "not scored"
        else:
            summary = f"{percent(cap.score)}  {cap.level_name}"
        rows.append(HeatInput(cap.name, cap.lens_scores, cap.applicable, summary, cap.domain_name))
    return rows


def gantt_groups(report: ReportData, max_rows: int = 56, first_rows: int | None = None) -> list[list[HorizonRow]]:
    """Return the horizons with initiatives in parts of at most ``max_rows`` rows (a heading counts as one).

    ``first_rows`` limits the first part (what fits under the section's heading on its page); a
    horizon is split into chunks where a part ends.
    """
    groups: list[list[HorizonRow]] = [[]]
    limit = max_rows if first_rows is None else max(2, min(first_rows, max_rows))
    rows = 0
    for horizon in report.horizons:
        items = list(horizon.initiatives)
        while items:
            if rows + 2 > limit:  # no room for a heading and one initiative: a new part
                groups.append([])
                rows, limit = 0, max_rows
            take = limit - rows - 1
            groups[-1].append(replace(horizon, initiatives=tuple(items[:take])))
            rows += len(items[:take]) + 1
            items = items[take:]
    return [group for group in groups if group]


@dataclass(frozen=True, slots=True)
class GanttAxis:
    """The Gantt chart's month axis: the months to name, the years above them, horizon boundaries.

    ``ticks`` is ``None`` for an undated plan (the chart numbers its months from 1).
    """

    months: int
    ticks: tuple[tuple[int, str], ...] | None
    years: tuple[tuple[int, str], ...]
    boundaries: tuple[int, ...]


def gantt_axis(report: ReportData) -> GanttAxis:
    """Return the month axis of the report's Gantt chart (see the module docstring)."""
    months = max(report.months, 1)
    boundaries = tuple(h.start_month for h in report.horizons if 0 < h.start_month < months)
    if not report.dated:
        return GanttAxis(months, None, (), boundaries)
    step = 1 if months <= 24 else 3 if months <= 48 else 6 if months <= 120 else 0
    every = 1 + (months - 1) // 120  # a year label at most every ten months' width
    ticks: list[tuple[int, str]] = []
    years: list[tuple[int, str]] = []
    for month in range(months):
        found = plan_month(report.start_date, month)
        if found is None:  # not reached: the report is dated
            continue
        year, number = found
        january = number == 1 and year % every == 0
        opening = month == 0 and (13 - number) * 14 >= months  # the start's year, unless January is too near
        if january or opening:
            years.append((month, str(year)))
        if step and (number - 1) % step == 0:
            ticks.append((month, MONTH_NAMES[number - 1]))
    return GanttAxis(months, tuple(ticks), tuple(years), boundaries)
