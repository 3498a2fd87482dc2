"""The first part of the PDF report: cover, executive summary and charts.

Every text that comes from the user or the model goes through :meth:`Ctx.text` (escaped, fonts
switched per script); our own emphasis is added around the escaped result, never inside it.
Tables take their widths as fractions of the frame width, repeat their header row and may split
inside a row, so a long note never overflows a page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from exports.pdf_bidi import paragraph
from exports.pdf_fonts import BODY_FONT, FontKit
from exports.pdf_layout import Para, Styles, colour
from planner.charts.palette import ACCENT, GRID, INK, LIGHT_FILL, level_tint
from planner.report.data import ReportData
from planner.report.formatting import level_text, percent

__all__ = ["Ctx", "charts_section", "cover", "executive_summary"]


@dataclass
class Ctx:
    """What every section needs: the report, fonts, styles, frame width and chart PNG settings."""

    report: ReportData
    fonts: FontKit
    styles: Styles
    width: float
    dpi: int = 150
    raster: bool = False

    def text(self, value: str, style: Any, *, bold: bool = False) -> Flowable:
        """Return a paragraph of plain (user or model) text (right-to-left text: :mod:`exports.pdf_bidi`)."""
        return paragraph(self.fonts, value, style, bold=bold)

    def labelled(self, label: str, value: str, style: Any) -> Flowable:
        """Return a paragraph of plain text after our own ``label`` markup (``<b>Internal:</b>``)."""
        return paragraph(self.fonts, value, style, label=label)

    def markup(self, template: str, style: Any, **values: str) -> Paragraph:
        """Return a paragraph of our own markup with ``{name}`` slots filled by escaped plain text."""
        return Para(template.format(**{k: self.fonts.markup(v) for k, v in values.items()}), style)

    def table(
        self,
        rows: Sequence[Sequence[Any]],
        fractions: Sequence[float],
        *,
        extra: Sequence[tuple[Any, ...]] = (),
        zebra: bool = True,
        header: bool = True,
        split_rows: bool = False,
    ) -> Table:
        """Return a report table: navy header row, light zebra rows, thin rules.

        With ``split_rows`` a row taller than the space left may split across pages (needed for
        rows that can be taller than a page); without it, whole rows move to the next page.
        """
        table = Table(
            [list(r) for r in rows],
            colWidths=[f * self.width for f in fractions],
            repeatRows=1 if header else 0,
            splitInRow=1 if split_rows else 0,
            hAlign="LEFT",
        )
        commands: list[tuple[Any, ...]] = [
            # Fonts, for cells given as plain strings (numbers, references: see :meth:`plain`)
            ("FONTNAME", (0, 0), (-1, -1), BODY_FONT),
            ("FONTSIZE", (0, 0), (-1, -1), self.styles.cell.fontSize),
            ("LEADING", (0, 0), (-1, -1), self.styles.cell.leading),
            ("TEXTCOLOR", (0, 0), (-1, -1), colour(INK)),
            # Layout
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            # Rules
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, colour(GRID)),
        ]
        if header:
            commands += [("BACKGROUND", (0, 0), (-1, 0), colour(ACCENT)), ("VALIGN", (0, 0), (-1, 0), "MIDDLE")]
        if zebra:
            commands.append(("ROWBACKGROUNDS", (0, 1 if header else 0), (-1, -1), [colors.white, colour(LIGHT_FILL)]))
        table.setStyle(TableStyle([*commands, *extra]))
        return table

    @staticmethod
    def plain(value: str) -> str:
        """Return a table cell for text we generate (digits, percentages, references, dashes).

        Such cells skip paragraph parsing and wrapping (a quarter of the report's cells); the
        table draws them in the body font. Never use it for user or model text.
        """
        return value

    def head(self, *titles: str) -> list[Paragraph]:
        """Return header cells."""
        return [Para(self.fonts.markup(t), self.styles.cell_head) for t in titles]

    def chart(self, figure: Any, width: float | None = None, max_height: float | None = None) -> Flowable:
        """Return a matplotlib figure as a flowable ``width`` points wide (at most ``max_height`` high).

        Charts are drawn as vectors (:mod:`exports.pdf_vector`); with :attr:`raster` set they are
        rendered at :attr:`dpi` and embedded as lossless images instead.
        """
        fig_w, fig_h = figure.get_size_inches()
        w = width or self.width
        h = w * fig_h / fig_w
        if max_height is not None and h > max_height:
            w, h = w * max_height / h, max_height
        if self.raster:
            from planner.charts.style import figure_image

            return RasterImage(figure_image(figure, dpi=self.dpi), w, h)
        from exports.pdf_vector import VectorChart

        return VectorChart(figure, self.fonts, w, h)


class RasterImage(Flowable):  # type: ignore[misc]
    """A rendered chart, embedded losslessly (Flate) straight from memory, centred in the frame."""

    def __init__(self, image: Any, width: float, height: float) -> None:
        super().__init__()
        self.image = image
        self.width = width
        self.height = height
        self.hAlign = "CENTER"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Return the fixed size."""
        return self.width, self.height

    def draw(self) -> None:
        """Draw the image at the flowable's origin."""
        from reportlab.lib.utils import ImageReader

        self.canv.drawImage(ImageReader(self.image), 0, 0, self.width, self.height)


def level_chip(ctx: Ctx, level_id: str | None, name: str) -> tuple[Paragraph, tuple[Any, ...] | None]:
    """Return a level name cell and its background command (caller positions it)."""
    return ctx.text(level_text(name), ctx.styles.cell), (
        None if level_id is None else ("BACKGROUND", colour(level_tint(level_id, 0.35)))
    )


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
    """Return the charts: radar, domain bars and the lens heatmap (a table: :mod:`exports.pdf_heatmap`)."""
    from exports.figures import domain_bars_for, radar_for
    from exports.pdf_heatmap import heatmap_table

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
