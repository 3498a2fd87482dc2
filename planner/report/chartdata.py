"""What the report's charts show, as plain data: values, labels and groups, no colours and no matplotlib.

:mod:`exports.figures` turns these into :mod:`planner.charts` figures for the PDF and the dashboard.
Only applicable capabilities appear on the radar; an unscored one is drawn at 0 and its label
ends with an asterisk. A phase's projection draws a capability at the threshold of the level the
phase brings it to, or at its current score while no phase has lifted it yet. The Gantt chart is
split by phase (and long phases into chunks) so that no image is taller than a page.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.report.data import CapabilityRow, PhaseRow, ReportData
from planner.report.formatting import percent

__all__ = ["HeatInput", "RadarInput", "gantt_groups", "heat_inputs", "radar_input", "threshold"]


@dataclass(frozen=True, slots=True)
class RadarInput:
    """The radar's spokes and values: current score, target threshold, and each phase's projection."""

    labels: tuple[str, ...]
    current: tuple[float | None, ...]
    target: tuple[float | None, ...]
    projections: tuple[tuple[str, tuple[float | None, ...]], ...]


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


def radar_input(report: ReportData, *, projections: bool = True) -> RadarInput:
    """Return the radar of current score vs target, with each phase's projected level if asked."""
    caps = [c for c in report.capabilities if c.applicable]
    phases = [p for p in report.projections if p.key != "current"] if projections else []
    return RadarInput(
        labels=tuple(c.name + ("" if c.score is not None else " *") for c in caps),
        current=tuple(c.score for c in caps),
        target=tuple(threshold(report, c.target) for c in caps),
        projections=tuple((p.label, tuple(_projected(report, c, p.levels.get(c.id)) for c in caps)) for p in phases),
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


def gantt_groups(report: ReportData, max_rows: int = 56) -> list[list[PhaseRow]]:
    """Return the phases with initiatives in parts of at most ``max_rows`` rows (a phase heading counts as one)."""
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
    return [group for group in groups if group]
