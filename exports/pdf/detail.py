"""The second part of the PDF report: assessment detail and the method appendix.

Assessment detail: per domain, a table of its capabilities (lens scores, score, level, target,
gap), then the client-facing notes of each capability as flowing paragraphs (so a note of any
length splits across pages), and the internal notes and evidence, marked as internal, only when
the consultant asked for them.

The roadmap section is :mod:`exports.pdf.roadmap`; the KPIs to track, :mod:`exports.pdf.kpis`.
The method appendix opens with the report's colophon (model, date, typefaces), so the report
ends with its attribution rather than a note on fonts.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer

from exports.pdf.context import Ctx, level_chip
from exports.pdf.layout import colour
from planner.report.formatting import level_text, percent

__all__ = ["appendix", "assessment_detail"]


def assessment_detail(ctx: Ctx) -> list[Flowable]:
    """Return the assessment detail, one part per domain."""
    r, s = ctx.report, ctx.styles
    story: list[Flowable] = [PageBreak(), ctx.heading("Assessment detail", s.h1)]
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
        story += [CondPageBreak(60 * mm), ctx.heading(title, s.h2, level=1), ctx.table(rows, fractions, extra=extra)]
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


def appendix(ctx: Ctx) -> list[Flowable]:
    """Return the appendix: the method, the lenses, the bands and the attribution."""
    r, s = ctx.report, ctx.styles
    story: list[Flowable] = [CondPageBreak(120 * mm), ctx.heading("Appendix: method", s.h1)]
    story.append(
        ctx.text(
            f"Capability model: {r.model_name}. Report generated on {r.generated_on} with the FinOps Roadmap Planner. "
            "Set in DejaVu Sans, with Droid Sans Fallback and NanumGothic for Chinese, Japanese and Korean.",
            s.muted,
        )
    )
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
    return story
