"""The PDF's "Progress since <date>" section, right after the executive summary, for a project with history.

What a consultant shows the CFO on the return visit, in that order: one sentence of headline
(overall then and now, how many capabilities moved, how much work was done); the radar with the
earlier round, now and the target; the domains then and now; every capability's change; what was
done and whether it showed in the scores; where the scores moved without planned work and where
work has not shown yet; how far the plan has got; and what comes next. Built from
:class:`~planner.report.progress.ProgressReport` only; a project without an earlier round has no
such section (:func:`progress_section` returns nothing), so its report is unchanged.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer

from exports.figures import bands_of
from exports.pdf.context import Ctx
from planner.charts.palette import CURRENT, MUTED, TARGET
from planner.charts.radar import RadarSeries, radar_figure
from planner.report.formatting import level_text, percent
from planner.report.progress import DeltaRow, ProgressReport, points

__all__ = ["progress_section"]

#: The colour of a score that rose and of one that fell (the palette's run green and target rose).
_UP, _DOWN = "#2E7D4F", "#B0384F"


def _radar(ctx: Ctx, p: ProgressReport) -> Flowable:
    series = [
        RadarSeries(f"{p.before_label} ({p.before_date})", list(p.radar_before), MUTED, dashed=True, width=1.6),
        RadarSeries("Target", list(p.radar_target), TARGET, dashed=True, width=1.2),
        RadarSeries(f"Now ({p.after_date})", list(p.radar_after), CURRENT, filled=True, width=2.0),
    ]
    figure = radar_figure(list(p.radar_labels), series, bands=bands_of(ctx.report), size=(7.6, 7.2))
    return ctx.chart(figure, max_height=112 * mm)


def _change(ctx: Ctx, row: DeltaRow) -> Any:
    colour = {"up": _UP, "down": _DOWN}.get(row.movement)
    text = points(row.delta) if row.delta is not None else row.movement_text
    if colour is None:
        return ctx.plain(text)
    return ctx.markup(f'<font color="{colour}"><b>{{t}}</b></font>', ctx.styles.cell, t=text)


def _levels(row: DeltaRow) -> str:
    before, after = level_text(row.level_before or None), level_text(row.level_after or None)
    return after if before == after else f"{before} \u2192 {after}"


def _domains(ctx: Ctx, p: ProgressReport) -> list[Flowable]:
    s = ctx.styles
    rows: list[list[Any]] = [
        ctx.head("Domain", f"Then ({p.before_date})" if p.before_date else "Then", "Now", "Change", "Level")
    ]
    for d in (*p.domains, p.overall):
        bold = d is p.overall
        rows.append(
            [
                ctx.text(d.name, s.cell_bold),
                ctx.text(percent(d.before), s.cell_bold) if bold else ctx.plain(percent(d.before)),
                ctx.text(percent(d.after), s.cell_bold) if bold else ctx.plain(percent(d.after)),
                _change(ctx, d),
                ctx.text(_levels(d), s.cell),
            ]
        )
    return [
        KeepTogether(
            [ctx.text("Maturity by domain, then and now", s.h2), ctx.table(rows, [0.4, 0.15, 0.13, 0.13, 0.19])]
        )
    ]


def _capabilities(ctx: Ctx, p: ProgressReport) -> list[Flowable]:
    s = ctx.styles
    rows: list[list[Any]] = [ctx.head("Capability", "Then", "Now", "Change", "Level", "Target", "Done")]
    for c in p.capabilities:
        if c.before is None and c.after is None:
            continue
        rows.append(
            [
                ctx.text(c.name, s.cell_bold if c.movement in ("up", "down") else s.cell),
                ctx.plain(percent(c.before)),
                ctx.plain(percent(c.after)),
                _change(ctx, c),
                ctx.text(_levels(c), s.cell),
                ctx.text(c.target or "\u2013", s.cell),
                ctx.plain(str(c.done) if c.done else ""),
            ]
        )
    caption = (
        "Every scored capability, then and now, both scored by the same rule. Change is in percentage points; "
        "Done counts the roadmap items finished since the earlier round."
    )
    return [
        CondPageBreak(90 * mm),
        ctx.text("Capability by capability", s.h2),
        ctx.text(caption, s.muted),
        ctx.table(rows, [0.33, 0.1, 0.1, 0.12, 0.17, 0.1, 0.08]),
    ]


def _done(ctx: Ctx, p: ProgressReport) -> list[Flowable]:
    s = ctx.styles
    story: list[Flowable] = [ctx.text("What was done", s.h2)]
    if not p.done:
        return [*story, ctx.text(f"No roadmap item was marked done since {p.before_label}.", s.body)]
    rows: list[list[Any]] = [ctx.head("Done", "Initiative", "Capability", "Score moved?")]
    for d in p.done:
        moved = (
            ctx.markup(f'<font color="{_UP}">{{t}}</font>', s.cell, t="Yes, up")
            if d.capability_moved
            else ctx.text("Not yet", s.cell)
        )
        rows.append(
            [ctx.plain(d.done_on or "undated"), ctx.text(d.title, s.cell), ctx.text(d.capability, s.cell), moved]
        )
    story.append(ctx.table(rows, [0.13, 0.53, 0.22, 0.12]))
    return story


def _readings(ctx: Ctx, p: ProgressReport) -> list[Flowable]:
    s = ctx.styles
    story: list[Flowable] = []
    if p.moved_without_work:
        story.append(
            ctx.labelled(
                "<b>Moved without planned work:</b> ",
                ", ".join(p.moved_without_work) + ". Worth asking what the client did: it may belong in the plan.",
                s.body,
            )
        )
    if p.work_without_move:
        story.append(
            ctx.labelled(
                "<b>Work done, not yet in the scores:</b> ",
                ", ".join(p.work_without_move)
                + ". Practices take time to take hold; check adoption at the next round.",
                s.body,
            )
        )
    story += [ctx.text(line, s.muted) for line in p.unmapped]
    return story


def _plan(ctx: Ctx, p: ProgressReport) -> list[Flowable]:
    s = ctx.styles
    story: list[Flowable] = []
    if p.rollup:
        story.append(ctx.text("Progress on the roadmap", s.h2))
        story += [ctx.bullet(line) for line in p.rollup]
    if p.next:
        rows: list[list[Any]] = [ctx.head("Starts", "Initiative", "Capability", "Status")]
        for n in p.next:
            rows.append(
                [ctx.plain(n.starts), ctx.text(n.title, s.cell), ctx.text(n.capability, s.cell), ctx.plain(n.status)]
            )
        story.append(KeepTogether([ctx.text("What is next", s.h2), ctx.table(rows, [0.13, 0.55, 0.2, 0.12])]))
    return story


def progress_section(ctx: Ctx) -> list[Flowable]:
    """Return the progress section, or nothing for a project without an earlier round."""
    p = ctx.report.progress
    if p is None:
        return []
    s = ctx.styles
    intro = (
        f"{p.before_label} ({p.before_date or 'undated'}) compared with the assessment of {p.after_date}, "
        "both scored by the same rule."
    )
    story: list[Flowable] = [
        PageBreak(),
        ctx.text(p.title, s.h1),
        ctx.text(intro, s.muted),
        Spacer(1, 2 * mm),
        ctx.text(p.headline, s.body),
        _radar(ctx, p),
        ctx.text(
            "The grey dashed line is the earlier round, the filled line the scores now, the rose line the target.",
            s.muted,
        ),
    ]
    story += _domains(ctx, p)
    story += _readings(ctx, p)
    story += _capabilities(ctx, p)
    story += _done(ctx, p)
    story += _plan(ctx, p)
    return story
