"""The roadmap section of the PDF report: the Gantt chart on landscape pages, then the initiatives.

The section opens on a landscape page: the title, a notice when the roadmap predates the latest
scores, the plan in a paragraph and the Gantt chart (:mod:`exports.pdf.gantt`), over as many
landscape pages as it needs. Back on portrait pages, "Initiatives by horizon" lists each horizon's
initiatives in one full-width table: a line per initiative with its reference, title, capability,
maturity, owner, effort, calendar months (with the duration) and dependencies, and its description
under it across the table's width, kept with its line. The deferred and dropped ones follow in a
table of their own, then the points to note about the plan (the roadmap's warnings).

Decisions: months read as the calendar does ("Mar-May 2027, 3 months"), never "months 4-6",
whenever the plan has a start month; a table per horizon rather than a card per initiative,
so a page holds a dozen initiatives instead of three.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, NextPageTemplate, PageBreak, Spacer

from exports.pdf.context import Ctx, span_lines
from exports.pdf.fonts import BODY_BOLD
from exports.pdf.gantt import MAX_MONTHS, gantt_legend, gantt_table
from exports.pdf.layout import LANDSCAPE_WIDTH, Para, colour
from exports.pdf.script import has_rtl
from planner.charts.palette import LIGHT_FILL, MUTED, level_tint
from planner.report.data import InitiativeRow

__all__ = ["roadmap_section"]


def roadmap_section(ctx: Ctx) -> list[Flowable]:
    """Return the roadmap: a landscape Gantt chart, each horizon's initiatives, the points to note."""
    r, s = ctx.report, ctx.styles
    story: list[Flowable] = []
    if not r.initiatives:
        story += [PageBreak(), ctx.heading("Roadmap", s.h1), *ctx.stale_notice()]
        story.append(
            ctx.text(
                "The roadmap has no initiatives yet: every capability is at or above its target, or no targets are set.",
                s.body,
            )
        )
        return story + _points_to_note(ctx)
    story += [NextPageTemplate("landscape"), PageBreak(), ctx.heading("Roadmap", s.h1)]
    story += ctx.stale_notice(width=LANDSCAPE_WIDTH)
    story.append(ctx.text(_roadmap_intro(ctx), s.body))
    if r.scheduled:
        story += [gantt_legend(ctx), Spacer(1, 4), gantt_table(ctx, LANDSCAPE_WIDTH)]
    story += [NextPageTemplate("body"), PageBreak(), ctx.heading("Initiatives by horizon", s.h1)]
    story.append(
        ctx.text(
            "Each horizon's initiatives in the order they start, with the calendar months they run. Level is the "
            "maturity level an initiative works towards; effort is its size (S, M, L); the numbers under \u201cdepends on\u201d are "
            "the initiatives it waits for.",
            s.muted,
        )
    )
    for horizon in r.horizons:
        if horizon.initiatives:
            count = len(horizon.initiatives)
            title = f"{horizon.name} \u00b7 {horizon.span_label} \u00b7 {count} initiative{'s' if count != 1 else ''}"
            story += _initiative_table(ctx, title, horizon.initiatives)
    if r.unscheduled:
        count = len(r.unscheduled)
        title = f"Deferred or dropped \u00b7 {count} initiative{'s' if count != 1 else ''}, not scheduled"
        story += _initiative_table(ctx, title, r.unscheduled)
    return story + _points_to_note(ctx)


def _roadmap_intro(ctx: Ctx) -> str:
    r = ctx.report
    scheduled = len(r.scheduled)
    if not scheduled:
        return "No initiative is scheduled: every one is deferred or dropped."
    when = f"over {r.months} months ({r.plan_span_label})" if r.dated else f"over {r.months} months"
    text = (
        f"{scheduled} initiative{'s' if scheduled != 1 else ''} {when}, at most {r.capacity} running at once "
        f"and {r.owner_capacity} per owner. Each starts in a horizon: "
        + "; ".join(f"{h.name} {h.span_label}" for h in r.horizons)
        + ". Bars take the colour of the maturity level the initiative works towards."
    )
    if r.months > MAX_MONTHS:
        text += f" The chart shows the first {MAX_MONTHS} months; the tables that follow list every initiative."
    if not r.dated:
        text += " Months are counted from the start of the roadmap: the project has no start month yet."
    return text


def _when_cell(ctx: Ctx, item: InitiativeRow) -> Flowable:
    """Return the months of work, then the duration, status and pin in grey, one a line."""
    notes = [f"{item.duration} month{'s' if item.duration != 1 else ''}"]
    if item.status != "planned":
        notes.append(item.status_label + (f" {item.done_date}" if item.status == "done" and item.done_date else ""))
    if item.pinned:
        notes.append("pinned")
    spans = span_lines(item.span_label)
    lines = "<br/>".join(f"{{s{n}}}" for n in range(len(spans)))
    lines += "".join(f'<br/><font color="#6B7785">{{n{n}}}</font>' for n in range(len(notes)))
    values = {f"s{n}": span for n, span in enumerate(spans)} | {f"n{n}": note for n, note in enumerate(notes)}
    return ctx.markup(lines, ctx.styles.cell, **values)


#: Column widths as fractions of the frame: #, initiative, capability, level, owner, effort, months, depends on.
_FRACTIONS = [0.04, 0.27, 0.14, 0.075, 0.125, 0.08, 0.13, 0.14]


def _initiative_table(ctx: Ctx, heading: str, items: Sequence[InitiativeRow]) -> list[Flowable]:
    """Return a heading and the table of ``items``: a line each, its description under it."""
    s = ctx.styles
    rows: list[list[Any]] = [
        ctx.head("#", "Initiative", "Capability", "Level", "Owner", "Effort", "Months", "Depends on")
    ]
    described = ParagraphStyle("described", parent=s.cell, fontSize=7.6, leading=9.8, textColor=colour(MUTED))
    extra: list[tuple[Any, ...]] = [("FONTNAME", (0, 1), (0, -1), BODY_BOLD)]
    for n, item in enumerate(items):
        row = len(rows)
        fill = LIGHT_FILL if n % 2 else "#FFFFFF"
        rows.append(
            [
                ctx.plain(item.ref),
                _title_cell(ctx, item),
                ctx.text(item.capability_name, s.cell),
                ctx.text(item.phase_name, s.cell),
                ctx.text(item.owner or "\u2013", s.cell),
                ctx.text(item.effort or "\u2013", s.cell),
                _when_cell(ctx, item),
                ctx.text(", ".join(item.depends_on_refs) or "\u2013", s.cell),
            ]
        )
        tint = colour(level_tint(item.phase, 1.0))
        extra.append(("LINEBEFORE", (0, row), (0, row), 3, tint))
        description = ctx.cuts.fit(item.description.strip())
        if description:
            extra += [
                ("LINEBELOW", (0, row), (-1, row), 0.6, colour(fill)),  # the description belongs to its line
                ("NOSPLIT", (0, row), (-1, row + 1)),
            ]
            pieces = _pieces(description)
            for k, part in enumerate(pieces):
                rows.append(["", ctx.text(part, described)] + [""] * 6)
                at = len(rows) - 1
                extra += [
                    ("SPAN", (1, at), (-1, at)),
                    ("LINEBEFORE", (0, at), (0, at), 3, tint),
                    ("TOPPADDING", (0, at), (-1, at), 0),
                ]
                if k < len(pieces) - 1:  # a long description reads on as one text
                    extra.append(("LINEBELOW", (0, at), (-1, at), 0.6, colour(fill)))
        extra.append(("BACKGROUND", (0, row), (-1, len(rows) - 1), colour(fill)))
    table = ctx.table(rows, _FRACTIONS, extra=extra, zebra=False)
    return [CondPageBreak(110), ctx.heading(heading, s.h2, level=1), table]


#: The most characters of a description in one row: a row spanning the table cannot split inside
#: itself, so a longer description continues in the rows under it.
PIECE = 1200


def _pieces(text: str) -> list[str]:
    """Return ``text`` in pieces of at most :data:`PIECE` characters, broken at a space where there is one."""
    pieces = []
    while len(text) > PIECE:
        cut = text.rfind(" ", PIECE // 2, PIECE)
        cut = cut if cut > 0 else PIECE
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*pieces, text] if text else pieces


def _title_cell(ctx: Ctx, item: InitiativeRow) -> Flowable:
    """Return the initiative's title in bold, with "(committed)" after a locked one."""
    committed = ' <font color="#6B7785">(committed)</font>' if item.locked else ""
    title = ctx.cuts.fit(item.title)
    if has_rtl(title) or not committed:
        return ctx.text(title, ctx.styles.cell_bold)
    return Para(f"<b>{ctx.fonts.markup(title)}</b>{committed}", ctx.styles.cell)


def _points_to_note(ctx: Ctx) -> list[Flowable]:
    """Return the roadmap's warnings as points to note (nothing when there are none)."""
    r, s = ctx.report, ctx.styles
    if not r.warnings:
        return []
    return [
        CondPageBreak(40 * mm),
        ctx.heading("Points to note about this plan", s.h2, level=1),
        *[ctx.bullet(w) for w in r.warnings],
    ]
