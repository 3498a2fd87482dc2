"""The second part of the PDF report: assessment detail, the roadmap and the method appendix.

Assessment detail: per domain, a table of its capabilities (lens scores, score, level, target,
gap), then the client-facing notes of each capability as flowing paragraphs (so a note of any
length splits across pages), and the internal notes and evidence, marked as internal, only when
the consultant asked for them.

Roadmap: a notice when it predates the latest scores, the Gantt chart in calendar months (in
parts when it is taller than a page), then each horizon's initiatives in a table (initiative
with its description, capability, maturity, owner, months with duration, effort, status and pin,
dependencies), the deferred and dropped ones apart, and the points to note about the plan (the
roadmap's warnings): a deliverable says where its plan is weak.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer

from exports.pdf.context import Ctx, level_chip, span_lines
from exports.pdf.fonts import BODY_BOLD
from exports.pdf.layout import BODY_HEIGHT, Para, colour
from exports.pdf.script import has_rtl
from planner.charts.palette import level_tint
from planner.report.formatting import level_text, percent

__all__ = ["appendix", "assessment_detail", "roadmap_section"]


def assessment_detail(ctx: Ctx) -> list[Flowable]:
    """Return the assessment detail, one part per domain."""
    r, s = ctx.report, ctx.styles
    story: list[Flowable] = [PageBreak(), ctx.text("Assessment detail", s.h1)]
    lens_heads = _lens_heads([lens.name for lens in r.lenses])
    story.append(
        ctx.text(
            "Lens scores run from 0 to 4 ("
            + ", ".join(f"{h} = {lens.name}" for h, lens in zip(lens_heads, r.lenses, strict=True) if h != lens.name)
            + "). "
            "A dash is a lens not scored yet.",
            s.muted,
        )
    )
    # The lens columns share at most 36% of the width, so the capability's name keeps a third of
    # the page whatever the number of lenses (3 to 8).
    fractions = [0.3, *([min(0.075, 0.36 / max(1, len(r.lenses)))] * len(r.lenses)), 0.075, 0.12, 0.1, 0.055]
    fractions[0] = 1 - sum(fractions[1:])
    for domain in r.domains:
        rows: list[list[Any]] = [ctx.head("Capability", *lens_heads, "Score", "Level", "Target", "Gap")]
        extra: list[tuple[Any, ...]] = []
        for index, cap in enumerate(domain.capabilities, start=1):
            if not cap.applicable:
                rows.append(
                    [
                        ctx.text(cap.name, s.cell_bold),
                        *([""] * len(r.lenses)),
                        "",
                        ctx.text("Not applicable", s.cell),
                        "",
                        "",
                    ]
                )
                extra.append(("TEXTCOLOR", (0, index), (-1, index), colour("#6B7785")))
                continue
            scores = [ctx.plain("\u2013" if v is None else str(v)) for v in cap.lens_scores]
            level_name = level_text(cap.level_name)
            if cap.score is not None and not cap.complete:
                level_name += " (incomplete)"
            cell, bg = level_chip(ctx, cap.level, level_name)
            rows.append(
                [
                    ctx.text(cap.name, s.cell_bold),
                    *scores,
                    ctx.plain(percent(cap.score)),
                    cell,
                    ctx.text(cap.target_name or "\u2013", s.cell),
                    ctx.plain("\u2013" if cap.gap is None else str(cap.gap)),
                ]
            )
            if bg:
                col = 2 + len(r.lenses)
                extra.append((bg[0], (col, index), (col, index), bg[1]))
        title = f"{domain.name}: {level_text(domain.level_name)}"
        if domain.score is not None:
            title += f" ({percent(domain.score)})"
        story += [CondPageBreak(60 * mm), ctx.text(title, s.h2), ctx.table(rows, fractions, extra=extra)]
        story.append(Spacer(1, 3 * mm))
        for cap in domain.capabilities:
            story += _notes(ctx, cap)
    return story


def _count(n: int) -> str:
    words = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    return words[n] if n < len(words) else str(n)


def _lens_heads(names: list[str]) -> list[str]:
    """Column heads of the lenses: short names ("Know."), or L1, L2, ... when those would clash or not fit."""
    heads = [name[:4] + "." if len(name) > 5 else name for name in names]
    if len(names) > 5 or len(set(heads)) < len(heads):
        return [f"L{i}" for i in range(1, len(names) + 1)]
    return heads


def _notes(ctx: Ctx, cap: Any) -> list[Flowable]:
    s = ctx.styles
    parts: list[Flowable] = []
    if cap.notes.strip():
        parts += [ctx.text(p.strip(), s.body) for p in cap.notes.split("\n\n") if p.strip()]
    if ctx.report.include_internal:
        if cap.internal_notes.strip():
            parts.append(ctx.labelled("<b>Internal:</b>", cap.internal_notes.strip(), s.internal))
        if cap.evidence:
            parts.append(ctx.labelled("<b>Evidence:</b>", "; ".join(cap.evidence), s.internal))
    if not parts:
        return []
    return [KeepTogether([ctx.text(cap.name, s.h3), parts[0]]), *parts[1:]]


def roadmap_section(ctx: Ctx) -> list[Flowable]:
    """Return the roadmap: notice, Gantt chart(s), each horizon's initiatives, the points to note."""
    from exports.figures import gantt_parts_for

    r, s = ctx.report, ctx.styles
    story: list[Flowable] = [PageBreak(), ctx.text("Roadmap", s.h1), *ctx.stale_notice()]
    if not r.initiatives:
        story.append(
            ctx.text(
                "The roadmap has no initiatives yet: every capability is at or above its target, or no targets are set.",
                s.body,
            )
        )
        return story + _points_to_note(ctx)
    story.append(ctx.text(_roadmap_intro(ctx), s.body))
    for figure in gantt_parts_for(r, first_rows=_gantt_rows_left(ctx, story[1:])):
        story.append(ctx.chart(figure, max_height=_GANTT_MAX_HEIGHT))
    for horizon in r.horizons:
        if horizon.initiatives:
            count = len(horizon.initiatives)
            heading = f"{horizon.name} \u00b7 {horizon.span_label} \u00b7 {count} initiative{'s' if count != 1 else ''}"
            story += _initiative_table(ctx, heading, horizon.initiatives)
    if r.unscheduled:
        count = len(r.unscheduled)
        heading = f"Deferred or dropped \u00b7 {count} initiative{'s' if count != 1 else ''}, not scheduled"
        story += _initiative_table(ctx, heading, r.unscheduled)
    return story + _points_to_note(ctx)


#: The tallest a Gantt chart part is drawn (it is scaled down to it, width and all).
_GANTT_MAX_HEIGHT = 222 * mm


def _gantt_rows_left(ctx: Ctx, above: Sequence[Flowable]) -> int:
    """Return how many Gantt rows fit on the roadmap's first page under ``above`` (its heading and intro).

    So the chart starts under the introduction instead of leaving that page empty: the first part
    holds what fits there, the others a page each.
    """
    from exports.figures import GANTT_ROW_HEIGHT, GANTT_WIDTH
    from planner.charts.gantt import gantt_rows_within

    used = sum(f.wrap(ctx.width, BODY_HEIGHT)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in above)
    room = min(BODY_HEIGHT - used - 12, _GANTT_MAX_HEIGHT)  # 12: the chart's own spacing, and some slack
    scale = ctx.width / (GANTT_WIDTH * 72)  # the chart is drawn the frame's width
    return gantt_rows_within(room / scale / 72, row_height=GANTT_ROW_HEIGHT, legend=True)


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
        + ". Bars take the colour of the maturity level the initiative works towards; an outlined bar is a "
        "committed (locked) initiative, a pale one is done."
    )
    if not r.dated:
        text += " Months are counted from the start of the roadmap: the project has no start month yet."
    return text


def _when_cell(ctx: Ctx, item: Any) -> Flowable:
    """Return the months of work, then duration, effort, status and pin in grey, one a line."""
    notes = [f"{item.duration} month{'s' if item.duration != 1 else ''}", f"effort {item.effort}"]
    if item.status != "planned":
        notes.append(item.status_label + (f" {item.done_date}" if item.status == "done" and item.done_date else ""))
    if item.pinned:
        notes.append("pinned")
    spans = span_lines(item.span_label)
    lines = "<br/>".join(f"{{s{n}}}" for n in range(len(spans)))
    lines += "".join(f'<br/><font color="#6B7785">{{n{n}}}</font>' for n in range(len(notes)))
    values = {f"s{n}": span for n, span in enumerate(spans)} | {f"n{n}": note for n, note in enumerate(notes)}
    return ctx.markup(lines, ctx.styles.cell, **values)


def _initiative_table(ctx: Ctx, heading: str, items: Sequence[Any]) -> list[Flowable]:
    """Return a heading and the table of ``items`` (never the heading alone at the foot of a page)."""
    s = ctx.styles
    rows: list[list[Any]] = [ctx.head("#", "Initiative", "Capability", "Maturity", "Owner", "When", "Depends on")]
    extra: list[tuple[Any, ...]] = [("FONTNAME", (0, 1), (0, -1), BODY_BOLD)]
    for index, item in enumerate(items, start=1):
        rows.append(
            [
                ctx.plain(item.ref),
                _initiative_cell(ctx, item),
                ctx.text(item.capability_name, s.cell),
                ctx.text(item.phase_name, s.cell),
                ctx.text(item.owner or "\u2013", s.cell),
                _when_cell(ctx, item),
                ctx.text(", ".join(item.depends_on_refs) or "\u2013", s.cell),
            ]
        )
        extra.append(("LINEBEFORE", (0, index), (0, index), 3, colour(level_tint(item.phase, 1.0))))
    fractions = [0.05, 0.335, 0.15, 0.1, 0.135, 0.13, 0.1]
    cell = rows[1][1] if isinstance(rows[1][1], list) else [rows[1][1]]
    first_row = sum(part.wrap(ctx.width * fractions[1] - 8, 10_000)[1] for part in cell)
    return [
        CondPageBreak(min(first_row + 60, 200 * mm)),  # never a heading alone at the foot of a page
        ctx.text(heading, s.h2),
        ctx.table(rows, fractions, extra=extra),
    ]


def _points_to_note(ctx: Ctx) -> list[Flowable]:
    """Return the roadmap's warnings as points to note (nothing when there are none)."""
    r, s = ctx.report, ctx.styles
    if not r.warnings:
        return []
    return [
        CondPageBreak(40 * mm),
        ctx.text("Points to note about this plan", s.h2),
        *[ctx.bullet(w) for w in r.warnings],
    ]


def _initiative_cell(ctx: Ctx, item: Any) -> Flowable | list[Flowable]:
    """Return the initiative cell: its title in bold (and "committed"), then its description.

    Right-to-left text is wrapped before it is reordered (:mod:`exports.pdf.bidi`), so such a
    title and description are separate paragraphs; otherwise one paragraph, which is quicker.
    """
    committed = ' <font color="#6B7785">(committed)</font>' if item.locked else ""
    title = ctx.cuts.fit(item.title)
    description = ctx.cuts.fit(item.description.strip())
    if has_rtl(title) or has_rtl(description):
        parts = [ctx.text(title, ctx.styles.cell, bold=True)]
        if committed:
            parts.append(Para(f"<b>{committed.strip()}</b>", ctx.styles.cell))
        if description:
            parts.append(ctx.text(description, ctx.styles.cell))
        return parts
    body = f"<b>{ctx.fonts.markup(title)}{committed}</b>"
    if description:
        body += "<br/>" + ctx.fonts.markup(description)
    return Para(body, ctx.styles.cell)


def appendix(ctx: Ctx) -> list[Flowable]:
    """Return the appendix: the method, the lenses, the bands and the attribution."""
    r, s = ctx.report, ctx.styles
    story: list[Flowable] = [PageBreak(), ctx.text("Appendix: method", s.h1)]
    story.append(ctx.text("How a score is calculated", s.h2))
    for line in (
        f"Each capability is scored on {_count(len(r.lenses))} lenses, each from 0 to 4. "
        "A lens not scored yet is left out of the calculation; 0 is a real score.",
        "Score % = 100 \u00d7 \u03a3 (weight \u00d7 lens score) / \u03a3 (weight \u00d7 4), over the scored lenses.",
        "The current level is the highest level whose threshold is at or below the score, without rounding first.",
        "A domain's score is the mean of its scored, applicable capabilities; the overall score is the mean of the domain scores.",
        "The gap is the number of levels between the current level and the target (0 at or above target). "
        "Capabilities marked not applicable take part in no score, gap or roadmap.",
    ):
        story.append(ctx.text(line, s.body))
    rows: list[list[Any]] = [ctx.head("Level", "From", "What it looks like")]
    for level in r.levels:
        rows.append(
            [
                ctx.text(level.name, s.cell_bold),
                ctx.text(f"{level.min_score:g}%", s.cell),
                ctx.text(level.description, s.cell),
            ]
        )
    story += [ctx.text("Levels", s.h2), ctx.table(rows, [0.16, 0.1, 0.74])]
    if r.bands_note:
        story.append(ctx.text(r.bands_note, s.muted))
    for lens in r.lenses:
        rows = [ctx.head("Score", "Meaning")]
        for score, anchor in enumerate(lens.anchors):
            rows.append([ctx.plain(str(score)), ctx.text(anchor, s.cell)])
        weight = "" if lens.weight == 1 else f" (weight {lens.weight:g} in this assessment)"
        story.append(
            KeepTogether(
                [
                    ctx.text(f"Lens: {lens.name}{weight}", s.h3),
                    ctx.text(lens.question, s.small),
                    ctx.table(rows, [0.08, 0.92], zebra=True),
                    Spacer(1, 2 * mm),
                ]
            )
        )
    att = r.attribution
    story += [CondPageBreak(45 * mm), ctx.text("Attribution", s.h2), ctx.text(att.text, s.body)]
    for label, value in (
        ("Framework", att.source_url),
        ("Author", att.author),
        ("Licence", f"{att.licence} {att.licence_url}".strip()),
    ):
        if value:
            story.append(ctx.markup("<b>{label}:</b> {value}", s.small, label=label, value=value))
    story.append(
        ctx.text(
            f"Capability model: {r.model_name}. Report generated on {r.generated_on} with the FinOps Roadmap Planner. "
            "Set in DejaVu Sans, with Droid Sans Fallback and NanumGothic for Chinese, Japanese and Korean.",
            s.muted,
        )
    )
    return story
