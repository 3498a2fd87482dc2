"""The report's "Lens scores by capability" page as a native table (no matplotlib).

One row per capability, grouped under bold domain rows; the lens columns carry the score digit
centred on a cell shaded with the heatmap's own ramp (:data:`planner.charts.heatmap.HEAT_COLOURS`,
so the page matches the desktop dashboard's chart); an unscored lens is a white cell with a dash;
a not-applicable capability reads "not applicable" across its grey lens cells. Score and level
close the row, the level cell tinted with the shared level palette as in the other report tables.

Decisions: the table is drawn by reportlab rather than rendered from the chart, which keeps the
text selectable and searchable and the page about three times cheaper to build; the header row
repeats when a long model spills onto a second page; capability and domain names are model text
and go through :meth:`Ctx.text` like every other table of the report.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table

from exports.pdf.context import Ctx, level_chip
from exports.pdf.fonts import BODY_FONT
from exports.pdf.layout import colour
from planner.charts.heatmap import HEAT_COLOURS
from planner.charts.palette import ACCENT, GRID, LIGHT_FILL, MUTED, NOT_APPLICABLE, UNSCORED
from planner.report.formatting import percent

__all__ = ["heatmap_table"]

#: Column widths as fractions of the frame: capability, each lens, score, level.
#: The lens columns share at most half the width, so a model with more lenses still fits.
_CAPABILITY, _LENS, _LENSES, _SCORE = 0.29, 0.1, 0.5, 0.07


def _lens_cell(score: int | None) -> tuple[str, str, str]:
    """Return the text, fill and ink of one lens cell (the chart's rules)."""
    if score is None:
        return "\u2013", UNSCORED, MUTED
    return str(score), HEAT_COLOURS[max(0, min(score, 4))], "#FFFFFF" if score >= 3 else ACCENT


def heatmap_table(ctx: Ctx) -> Table:
    """Return the capability x lens table, grouped by domain, with score and level columns."""
    r, s = ctx.report, ctx.styles
    lenses = len(r.lenses)
    lens_width = min(_LENS, _LENSES / max(lenses, 1))
    level_fraction = 1 - _CAPABILITY - lenses * lens_width - _SCORE
    fractions = [_CAPABILITY, *([lens_width] * lenses), _SCORE, level_fraction]
    domain_style = ParagraphStyle("heat_domain", parent=s.cell_bold, textColor=colour(ACCENT))
    head_style = ParagraphStyle("heat_head", parent=s.cell_head, fontSize=7, alignment=1)
    rows: list[list[Any]] = [
        [
            ctx.text("Capability", s.cell_head),
            *(ctx.text(lens.name, head_style) for lens in r.lenses),
            ctx.text("Score", head_style),
            ctx.text("Level", s.cell_head),
        ]
    ]
    last_lens, score_col = lenses, lenses + 1
    extra: list[tuple[Any, ...]] = [
        ("ALIGN", (1, 1), (score_col, -1), "CENTER"),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 1), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 2.5),
        ("LEFTPADDING", (1, 0), (score_col, -1), 1),
        ("RIGHTPADDING", (1, 0), (score_col, -1), 1),
    ]
    domain = None
    for cap in r.capabilities:
        if cap.domain_name != domain:
            domain = cap.domain_name
            index = len(rows)
            rows.append([ctx.text(domain, domain_style), *([""] * (lenses + 2))])
            extra += [
                ("SPAN", (0, index), (-1, index)),
                ("BACKGROUND", (0, index), (-1, index), colour(LIGHT_FILL)),
                ("TOPPADDING", (0, index), (-1, index), 5),
            ]
        index = len(rows)
        if not cap.applicable:
            rows.append([ctx.text(cap.name, s.cell), ctx.plain("not applicable"), *([""] * (lenses - 1)), "", ""])
            extra += [
                ("SPAN", (1, index), (last_lens, index)),
                ("BACKGROUND", (1, index), (last_lens, index), colour(NOT_APPLICABLE)),
                ("TEXTCOLOR", (1, index), (last_lens, index), colour(MUTED)),
                ("FONTSIZE", (1, index), (last_lens, index), 7),
            ]
            continue
        cells = []
        for col, value in enumerate(cap.lens_scores[:lenses], start=1):
            text, fill, ink = _lens_cell(value)
            cells.append(ctx.plain(text))
            extra += [
                ("BACKGROUND", (col, index), (col, index), colour(fill)),
                ("TEXTCOLOR", (col, index), (col, index), colour(ink)),
            ]
        cells += [""] * (lenses - len(cells))
        chip, bg = level_chip(ctx, cap.level, cap.level_name)
        score = percent(cap.score)
        rows.append([ctx.text(cap.name, s.cell), *cells, ctx.plain(score), chip])
        if bg:
            extra.append((bg[0], (score_col + 1, index), (score_col + 1, index), bg[1]))
    # White gutters between the shaded cells, as in the chart; a thin rule under each row.
    extra += [
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, colour(GRID)),
        ("LINEAFTER", (0, 1), (last_lens, -1), 1.5, colors.white),
        ("LINEBELOW", (1, 1), (last_lens, -1), 1.5, colors.white),
        ("FONTNAME", (1, 1), (score_col, -1), BODY_FONT),
    ]
    return ctx.table(rows, fractions, extra=extra, zebra=False)
