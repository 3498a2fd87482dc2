"""What every section of the PDF report shares: the report, fonts, styles, tables, charts, level cells.

The sections (:mod:`exports.pdf.story`, :mod:`exports.pdf.detail`, :mod:`exports.pdf.heatmap`)
import this module and never each other. Every text that comes from the user or the model goes
through :meth:`Ctx.text` (escaped, fonts switched per script); our own emphasis is added around
the escaped result, never inside it. Tables take their widths as fractions of the frame width,
repeat their header row and split inside a row taller than a page, so no cell overflows a page.
Very long texts are cut visibly and reported (:mod:`exports.pdf.cut`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, TableStyle

from exports.pdf.bidi import paragraph
from exports.pdf.contents import Contents
from exports.pdf.cut import Cuts
from exports.pdf.fonts import BODY_FONT, FontKit
from exports.pdf.layout import NOTICE, NOTICE_FILL, FixedBox, Para, ReportTable, Styles, colour
from planner.charts.palette import GRID, INK, LIGHT_FILL, level_tint
from planner.report.data import ReportData
from planner.report.formatting import level_text

__all__ = ["Ctx", "RasterImage", "level_chip", "span_lines"]

_ACROSS_YEARS = re.compile(r"^(\w+ \d{4})-(\w+ \d{4})$")


def span_lines(label: str) -> list[str]:
    """Return a span of months as table lines: "Oct 2027-May 2028" breaks after its dash, others stay whole."""
    across = _ACROSS_YEARS.match(label)
    return [f"{across.group(1)}\u2013", across.group(2)] if across else [label]


@dataclass
class Ctx:
    """What every section needs: the report, fonts, styles, frame width and chart PNG settings."""

    report: ReportData
    fonts: FontKit
    styles: Styles
    width: float
    dpi: int = 150
    raster: bool = False
    #: The very long texts this report cut (reported as a warning).
    cuts: Cuts = field(default_factory=Cuts)
    #: The table of contents the sections' headings are listed in (``None``: no contents).
    contents: Contents | None = None

    def heading(self, title: str, style: Any, level: int = 0) -> Flowable:
        """Return a section heading, listed in the table of contents (``level`` 1: under the last one)."""
        if self.contents is None:
            return self.text(title, style)
        return self.contents.heading(self.fonts, self.cuts.fit(title), style, level)

    def text(self, value: str, style: Any, *, bold: bool = False) -> Flowable:
        """Return a paragraph of plain (user or model) text (right-to-left text: :mod:`exports.pdf.bidi`)."""
        return paragraph(self.fonts, self.cuts.fit(value), style, bold=bold)

    def labelled(self, label: str, value: str, style: Any) -> Flowable:
        """Return a paragraph of plain text after our own ``label`` markup (``<b>Internal:</b>``)."""
        return paragraph(self.fonts, self.cuts.fit(value), style, label=label)

    def markup(self, template: str, style: Any, **values: str) -> Paragraph:
        """Return a paragraph of our own markup with ``{name}`` slots filled by escaped plain text."""
        return Para(template.format(**{k: self.fonts.markup(self.cuts.fit(v)) for k, v in values.items()}), style)

    def table(
        self,
        rows: Sequence[Sequence[Any]],
        fractions: Sequence[float],
        *,
        extra: Sequence[tuple[Any, ...]] = (),
        zebra: bool = True,
        header: bool = True,
    ) -> ReportTable:
        """Return a report table: navy header row, light zebra rows, thin rules.

        Whole rows move to the next page; a row taller than a page splits inside itself
        (:class:`~exports.pdf.layout.ReportTable`).
        """
        table = ReportTable(
            [list(r) for r in rows],
            colWidths=[f * self.width for f in fractions],
            repeatRows=1 if header else 0,
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
            commands += [
                ("BACKGROUND", (0, 0), (-1, 0), colour(self.styles.head_fill)),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ]
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

    def bullet(self, value: str, style: Any = None) -> Paragraph:
        """Return a bulleted paragraph of plain text, its lines hanging after the bullet."""
        return self.markup("<bullet>\u2022</bullet>{value}", style or self.styles.bullet, value=value)

    def notice(self, title: str, lines: Sequence[str], width: float | None = None) -> ReportTable:
        """Return a boxed notice: ``title`` in bold, then each line as a bullet (a stale roadmap)."""
        cell: list[Flowable] = [Para(f"<b>{self.fonts.markup(title)}</b>", self.styles.notice)]
        cell += [self.bullet(line, self.styles.notice_bullet) for line in lines]
        table = ReportTable([[cell]], colWidths=[width or self.width], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), colour(NOTICE_FILL)),
                    ("LINEBEFORE", (0, 0), (0, -1), 3, colour(NOTICE)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        return table

    def stale_notice(self, limit: int | None = None, width: float | None = None) -> list[Flowable]:
        """Return the notice of a roadmap older than the scores, with what changed (nothing if up to date).

        ``limit`` lists that many changes and counts the rest (the executive summary's short form).
        """
        r = self.report
        if not r.stale:
            return []
        lines = list(r.stale_reasons)
        if limit is not None and len(lines) > limit:
            rest = len(lines) - limit
            lines = [*lines[:limit], f"And {rest} more change{'s' if rest != 1 else ''}, listed with the roadmap."]
        return [self.notice(r.stale_note, lines, width), Spacer(1, 3 * mm)]

    def head(self, *titles: str) -> list[Paragraph]:
        """Return header cells."""
        return [Para(self.fonts.markup(t), self.styles.cell_head) for t in titles]

    def chart(self, figure: Any, width: float | None = None, max_height: float | None = None) -> Flowable:
        """Return a matplotlib figure as a flowable ``width`` points wide (at most ``max_height`` high).

        Charts are drawn as vectors (:mod:`exports.pdf.vector`); with :attr:`raster` set they are
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
        from exports.pdf.vector import VectorChart

        return VectorChart(figure, self.fonts, w, h)


class RasterImage(FixedBox):
    """A rendered chart, embedded losslessly (Flate) straight from memory, centred in the frame."""

    def __init__(self, image: Any, width: float, height: float) -> None:
        super().__init__(width, height)
        self.image = image

    def draw(self) -> None:
        """Draw the image at the flowable's origin."""
        from reportlab.lib.utils import ImageReader

        self.canv.drawImage(ImageReader(self.image), 0, 0, self.width, self.height)


def level_chip(ctx: Ctx, level_id: str | None, name: str) -> tuple[Paragraph, tuple[Any, ...] | None]:
    """Return a level name cell and its background command (caller positions it)."""
    return ctx.text(level_text(name), ctx.styles.cell), (
        None if level_id is None else ("BACKGROUND", colour(level_tint(level_id, 0.35)))
    )
