"""The first part of the PDF report: cover, executive summary and charts (shared parts: :mod:`exports.pdf.context`).

The executive summary leads with the key figures and, for a roadmap older than the scores, a
notice saying so; then the consultant's summary, the domains, the biggest gaps, the roadmap at a
glance (one row per horizon, in calendar months) and the first horizon's work: "The first 90
days", each initiative with its owner and months, so the reader knows what starts on Monday.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
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
from exports.pdf.context import Ctx, level_chip, span_lines
from exports.pdf.heatmap import heatmap_table
from exports.pdf.layout import colour
from planner.charts.palette import ACCENT, LIGHT_FILL
from planner.report.data import InitiativeRow, PhaseRow
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
    story.append(ctx.text(r.cover_title or r.title or "FinOps maturity assessment and roadmap", s.cover_title))
    story.append(ctx.text(r.client or "(no client name)", s.cover_client))
    for label, value in meta:
        if value:
            story.append(
                ctx.markup('<font color="#6B7785">{label}</font>   {value}', s.cover_meta, label=label, value=value)
            )
    story.append(Spacer(1, 40 * mm))
    if r.confidentiality:
        story.append(ctx.text(r.confidentiality, s.muted, bold=True))
    else:
        story.append(
            ctx.markup(
                "Confidential. This report was prepared for {client} and contains the findings of a FinOps maturity "
                "assessment and the roadmap agreed from it.",
                s.muted,
                client=r.client or "the client",
            )
        )
    if r.brand is not None and r.brand.disclaimer:
        story += [Spacer(1, 3 * mm), ctx.text(r.brand.disclaimer, s.muted)]
    return story


def _kpis(ctx: Ctx) -> Table:
    r, s = ctx.report, ctx.styles
    initiatives = len(r.scheduled)
    if not initiatives:
        plan = "initiatives planned"
    elif r.dated:
        plan = f"initiatives, {r.plan_span_label} ({r.months} months)"
    else:
        plan = f"initiatives over {r.months} months"
    cells = [
        (
            level_text(r.overall_level_name),
            f"overall maturity ({percent(r.overall_score)}{', provisional' if r.draft else ''})",
        ),
        (r.coverage.fraction, "applicable capabilities fully scored"),
        (str(sum(1 for c in r.capabilities if (c.gap or 0) > 0)), "capabilities below target"),
        (f"{initiatives}", plan),
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
    story: list[Flowable] = [ctx.heading("Executive summary", s.h1), _kpis(ctx), Spacer(1, 4 * mm)]
    story += ctx.stale_notice(limit=5)
    if r.summary.strip():
        story.append(ctx.text("The assessment in brief", s.h2))
        for para in [p for p in r.summary.split("\n\n") if p.strip()]:
            story.append(ctx.text(para.strip(), s.body))
    rows: list[list[Any]] = [ctx.head("Domain", "Score", "Level", "Fully scored")]
    extra: list[tuple[Any, ...]] = []
    for index, d in enumerate(r.domains, start=1):
        cell, bg = level_chip(ctx, d.level, d.level_name)
        rows.append(
            [
                ctx.text(d.name, s.cell_bold),
                ctx.plain(percent(d.score)),
                cell,
                ctx.plain(d.coverage.brief),
            ]
        )
        if bg:
            extra.append((bg[0], (2, index), (2, index), bg[1]))
    rows.append(
        [
            ctx.text("Overall", s.cell_bold),
            ctx.text(percent(r.overall_score), s.cell_bold),
            ctx.text(level_text(r.overall_level_name), s.cell_bold),
            ctx.text(r.coverage.brief, s.cell_bold),
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
    if r.scheduled:
        story += _at_a_glance(ctx)
        story += _opening(ctx)
    return story


def _maturity_mix(items: Sequence[InitiativeRow], phases: Sequence[PhaseRow]) -> str:
    counts = Counter(i.phase for i in items)
    return ", ".join(f"{counts[p.id]} {p.name}" for p in phases if counts[p.id]) or "\u2013"


def _at_a_glance(ctx: Ctx) -> list[Flowable]:
    """Return "The roadmap at a glance": one row per horizon, with its months, work and owners."""
    r, s = ctx.report, ctx.styles
    rows: list[list[Any]] = [ctx.head("Horizon", "When", "Initiatives", "Maturity", "Led mostly by")]
    for horizon in r.horizons:
        items = horizon.initiatives
        owners = Counter(i.owner for i in items if i.owner.strip()).most_common(2)
        rows.append(
            [
                ctx.text(horizon.name, s.cell_bold),
                ctx.text(horizon.span_label, s.cell),
                ctx.plain(str(len(items))),
                ctx.text(_maturity_mix(items, r.phases), s.cell),
                ctx.text(", ".join(f"{name} ({count})" for name, count in owners) or "\u2013", s.cell),
            ]
        )
    if r.unscheduled:
        rows.append(
            [
                ctx.text("Deferred or dropped", s.cell_bold),
                ctx.text("not scheduled", s.cell),
                ctx.plain(str(len(r.unscheduled))),
                ctx.text(_maturity_mix(r.unscheduled, r.phases), s.cell),
                "",
            ]
        )
    span = f" ({r.plan_span_label})" if r.dated else ""
    intro = (
        f"{len(r.scheduled)} initiatives over {r.months} months{span}, at most {r.capacity} at a time. "
        "Horizons are when an initiative starts; maturity is the level it works towards."
    )
    return [
        KeepTogether(
            [
                ctx.text("The roadmap at a glance", s.h2),
                ctx.text(intro, s.muted),
                ctx.table(rows, [0.17, 0.2, 0.11, 0.2, 0.32]),
            ]
        )
    ]


def _opening(ctx: Ctx) -> list[Flowable]:
    """Return the first horizon's work: each initiative with its owner, capability and months."""
    r, s = ctx.report, ctx.styles
    first = r.opening
    if first is None:
        return []
    title = f"{r.opening_title}: {first.span_label}"
    if not first.initiatives:
        text = f"Nothing is planned to start in the {first.name} horizon ({first.span_label})."
        return [ctx.text(title, s.h2), ctx.text(text, s.body)]
    count = len(first.initiatives)
    intro = f"{count} initiative{'s start' if count != 1 else ' starts'} in the {first.name} horizon:"
    rows: list[list[Any]] = [ctx.head("#", "Initiative", "Owner", "Capability", "When")]
    for item in first.initiatives:
        rows.append(
            [
                ctx.plain(item.ref),
                ctx.text(item.title, s.cell_bold),
                ctx.text(item.owner or "\u2013", s.cell),
                ctx.text(item.capability_name, s.cell),
                _months_and_status(ctx, item),
            ]
        )
    heading = [ctx.text(title, s.h2), ctx.text(intro, s.muted)]
    table = ctx.table(rows, [0.06, 0.46, 0.16, 0.16, 0.16])
    if count <= 15:  # a short list stays with its heading on one page
        return [KeepTogether([*heading, table])]
    return [CondPageBreak(45 * mm), *heading, table]


def _months_and_status(ctx: Ctx, item: InitiativeRow) -> Flowable:
    """Return the months of work, with the status under it once work has begun (or stopped)."""
    lines = span_lines(item.span_label)
    values = {f"s{n}": line for n, line in enumerate(lines)}
    template = "<br/>".join(f"{{s{n}}}" for n in range(len(lines)))
    if item.status != "planned":
        template += '<br/><font color="#6B7785">{status}</font>'
        values["status"] = item.status_label
    return ctx.markup(template, ctx.styles.cell, **values)


def charts_section(ctx: Ctx) -> list[Flowable]:
    """Return the charts: radar, domain bars and the lens heatmap (a table: :mod:`exports.pdf.heatmap`)."""
    r, s = ctx.report, ctx.styles
    story: list[Flowable] = [CondPageBreak(175 * mm), ctx.heading("Maturity at a glance", s.h1)]
    caption = "Current score of each applicable capability against the score its target level needs."
    if any(p.key != "current" for p in r.horizon_projections):
        caption += " The thin lines show the level each is expected to reach by the end of each horizon of the roadmap."
    unscored = r.coverage.unscored
    if unscored:
        caption += (
            f" {unscored} capabilit{'ies are' if unscored != 1 else 'y is'} not scored yet: "
            f"no point is drawn for {'them' if unscored != 1 else 'it'} and the name is grey."
        )
    story += [ctx.chart(radar_for(r, by="horizon"), max_height=128 * mm), ctx.text(caption, s.muted)]
    story.append(
        KeepTogether([ctx.text("Score by domain", s.h2), ctx.chart(domain_bars_for(r), width=ctx.width * 0.9)])
    )
    story += [PageBreak(), ctx.heading("Lens scores by capability", s.h1)]
    story.append(
        ctx.text(
            "Each lens is scored from 0 (absent) to 4 (leading); the Method appendix explains every score.", s.muted
        )
    )
    story.append(heatmap_table(ctx))
    return story
