"""The report's "KPIs to track": for each capability below target or on the roadmap, its KPIs.

One table across the page: a row per capability naming it with its current and target levels,
then its KPIs, each with the target at the capability's target level and how it is measured (the
model's words, in full). The capability's row stays with its first KPI at a page foot. Which
capabilities and how a target is read from the model: :mod:`planner.report.kpis`.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from exports.pdf.context import Ctx
from exports.pdf.layout import colour
from planner.charts.palette import ACCENT, LIGHT_FILL, MUTED

__all__ = ["kpi_section"]

_FRACTIONS = [0.25, 0.2, 0.55]


def kpi_section(ctx: Ctx) -> list[Flowable]:
    """Return the KPIs to track (nothing when no capability is below target or on the roadmap)."""
    r, s = ctx.report, ctx.styles
    if not r.kpis:
        return []
    story: list[Flowable] = [CondPageBreak(60 * mm), ctx.heading("KPIs to track", s.h1)]
    count = len({k.capability for k in r.kpis})
    story.append(
        ctx.text(
            f"The {len(r.kpis)} indicators of the {count} capabilities below their target or on the roadmap: what to "
            "measure to see each capability reach its target. The target is the model's for the capability's target "
            "level; how each is measured is the model's own description.",
            s.muted,
        )
    )
    group = ParagraphStyle("kpi_group", parent=s.cell_bold, textColor=colour(ACCENT))
    measure = ParagraphStyle("kpi_measure", parent=s.cell, fontSize=7.6, leading=9.8, textColor=colour(MUTED))
    rows: list[list[Any]] = [ctx.head("KPI", "Target at the target level", "How it is measured")]
    extra: list[tuple[Any, ...]] = []
    current = ""
    for kpi in r.kpis:
        if kpi.capability != current:
            current = kpi.capability
            row = len(rows)
            title = (
                f"{kpi.capability_name}: {kpi.current_level_name or 'not scored'} \u2192 target {kpi.target_level_name}"
            )
            rows.append([ctx.text(title, group), "", ""])
            extra += [
                ("SPAN", (0, row), (-1, row)),
                ("BACKGROUND", (0, row), (-1, row), colour(LIGHT_FILL)),
                ("NOSPLIT", (0, row), (-1, row + 1)),
            ]
        rows.append(
            [
                ctx.text(kpi.name, s.cell_bold),
                ctx.text(kpi.target, s.cell),
                ctx.text(kpi.measure, measure),
            ]
        )
    story.append(ctx.table(rows, _FRACTIONS, extra=extra, zebra=False))
    return story
