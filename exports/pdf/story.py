"""The first part of the PDF report: cover, executive summary and charts (shared parts: :mod:`exports.pdf.context`)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from exports.figures import domain_bars_for, radar_for
from exports.pdf.context import Ctx, level_chip
from exports.pdf.heatmap import heatmap_table
from exports.pdf.layout import colour
from planner.charts.palette import ACCENT, LIGHT_FILL
from planner.report.formatting import level_text, percent

__all__ = ["charts_section", "cover", "executive_summary"]


def cover(ctx: Ctx) -> list[Flowable]:
    """Return the cover page."""
    r, s = ctx.report, ctx.styles
    meta = [
        ("Prepared by", ", ".join(x for x in (r.consultant, r.firm) if x)),
        ("Assessment date", r.assessment_date),
        ("Scope", ", ".join(r.scopes)),
        ("Capability model", r.model_name),
    ]
    story: list[Flowable] = [Spacer(1, 52 * mm)]
    story.append(ctx.text(r.title or "FinOps maturity assessment and roadmap", s.cover_title))
    story.append(ctx.text(r.client or "(no client name)", s.cover_client))
    for label, value in meta:
        if value:
            story.append(
                ctx.markup('<font color="#6B7785">{label}</font>   {value}', s.cover_meta, label=label, value=value)
            )
    story.append(Spacer(1, 40 * mm))
    story.append(
        ctx.markup(
            "Confidential. This report was prepared for {client} and contains the findings of a FinOps maturity "
            "assessment and the roadmap agreed from it.",
            s.muted,
            client=r.client or "the client",
        )
    )
    return story


def _kpis(ctx: Ctx) -> Table:
    r, s = ctx.report, ctx.styles
    initiatives = len(r.initiatives)
    cells = [
        (level_text(r.overall_level_name), f"overall maturity ({percent(r.overall_score)})"),
        (f"{r.scored_count} of {r.applicable_count}", "applicable capabilities fully scored"),
        (str(sum(1 for c in r.capabilities if (c.gap or 0) > 0)), "capabilities below target"),
        (f"{initiatives}", f"initiatives over {r.months} months" if initiatives else "initiatives planned"),
    ]
    row = [[ctx.text(v, s.kpi_value), ctx.text(label, s.kpi_label)] for v, label in cells]
    table = Table([row], colWidths=[ctx.width / 4] * 4, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colour(LIGHT_FILL)),
                ("LINEBEFORE", (1, 0), (-1, -1), 2, colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def executive_summary(ctx: Ctx) -> list[Flowable]:
    """Return the executive summary: key figures, domains, biggest gaps, phases and the summary text."""
    r, s = ctx.report, ctx.styles
    story: list[Flowable] = [ctx.text("Executive summary", s.h1), _kpis(ctx), Spacer(1, 4 * mm)]
    if r.summary.strip():
        story.append(ctx.text("The assessment in brief", s.h2))
        for para in [p for p in r.summary.split("\n\n") if p.strip()]:
            story.append(ctx.text(para.strip(), s.body))
    rows: list[list[Any]] = [ctx.head("Domain", "Score", "Level", "Capabilities scored")]
    extra: list[tuple[Any, ...]] = []
    for index, d in enumerate(r.domains, start=1):
        scored = sum(1 for c in d.capabilities if c.applicable and c.score is not None)
        applicable = sum(1 for c in d.capabilities if c.applicable)
        cell, bg = level_chip(ctx, d.level, d.level_name)
        rows.append(
            [
                ctx.text(d.name, s.cell_bold),
                ctx.plain(percent(d.score)),
                cell,
                ctx.plain(f"{scored} of {applicable}"),
            ]
        )
        if bg:
            extra.append((bg[0], (2, index), (2, index), bg[1]))
    rows.append(
        [
            ctx.text("Overall", s.cell_bold),
            ctx.text(percent(r.overall_score), s.cell_bold),
            ctx.text(level_text(r.overall_level_name), s.cell_bold),
            "",
        ]
    )
    extra.append(("LINEABOVE", (0, len(rows) - 1), (-1, len(rows) - 1), 1, colour(ACCENT)))
    story += [ctx.text("Maturity by domain", s.h2), ctx.table(rows, [0.46, 0.14, 0.2, 0.2], extra=extra)]
    if r.biggest_gaps:
        rows = [ctx.head("Capability", "Current", "Target", "Gap", "Importance")]
        for cap in r.biggest_gaps:
            rows.append(
                [
                    ctx.text(cap.name, s.cell_bold),
                    ctx.text(f"{cap.level_name} ({percent(cap.score)})", s.cell),
                    ctx.text(cap.target_name, s.cell),
                    ctx.plain(f"{cap.gap} level{'s' if cap.gap != 1 else ''}"),
                    ctx.plain(f"{cap.importance} of 5"),
                ]
            )
        story += [
            KeepTogether(
                [
                    ctx.text("Biggest gaps", s.h2),
                    ctx.text("Ranked by importance \u00d7 gap.", s.muted),
                    ctx.table(rows, [0.4, 0.2, 0.14, 0.12, 0.14]),
                ]
            )
        ]
    if r.initiatives:
        rows = [ctx.head("Phase", "When", "Initiatives", "Capabilities", "Led mostly by")]
        for phase in r.phases:
            owners = Counter(i.owner for i in phase.initiatives if i.owner.strip()).most_common(2)
            rows.append(
                [
                    ctx.text(phase.name, s.cell_bold),
                    ctx.text(phase.span_text, s.cell),
                    ctx.plain(str(len(phase.initiatives))),
                    ctx.plain(str(len({i.capability for i in phase.initiatives}))),
                    ctx.text(", ".join(f"{name} ({count})" for name, count in owners) or "\u2013", s.cell),
                ]
            )
        story += [
            KeepTogether([ctx.text("The roadmap at a glance", s.h2), ctx.table(rows, [0.12, 0.15, 0.12, 0.13, 0.48])])
        ]
    return story


def charts_section(ctx: Ctx) -> list[Flowable]:
    """Return the charts: radar, domain bars and the lens heatmap (a table: :mod:`exports.pdf.heatmap`)."""
    r, s = ctx.report, ctx.styles
    story: list[Flowable] = [CondPageBreak(175 * mm), ctx.text("Maturity at a glance", s.h1)]
    caption = "Current score of each applicable capability against the score its target level needs."
    if any(p.key != "current" for p in r.projections):
        caption += " The thin lines show the expected level after each phase of the roadmap."
    if any(c.applicable and c.score is None for c in r.capabilities):
        caption += " * not scored yet."
    story += [ctx.chart(radar_for(r), max_height=128 * mm), ctx.text(caption, s.muted)]
    story.append(
        KeepTogether([ctx.text("Score by domain", s.h2), ctx.chart(domain_bars_for(r), width=ctx.width * 0.9)])
    )
    story += [PageBreak(), ctx.text("Lens scores by capability", s.h1)]
    story.append(
        ctx.text(
            "Each lens is scored from 0 (absent) to 4 (leading); the Method appendix explains every score.", s.muted
        )
    )
    story.append(heatmap_table(ctx))
    return story
