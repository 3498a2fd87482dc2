"""Page layout of the PDF report: A4 portrait, paragraph styles, header, footer, "Page X of Y".

The cover page has no header or footer. A draft or internal report says so on the cover and in a
band at the top of every page (:mod:`exports.pdf.marking`). Every other page carries the client's name and the
report title in the header and "Confidential: prepared for <client>" (or, in a version with
internal notes, a red warning that it is not for the client) with "Page X of Y" in the
footer. The total page count is only known at the end, so the canvas keeps each page's state and
draws the footers when the document is saved (the usual reportlab two-step canvas).
Header texts are user text: they are drawn as paragraphs built with :meth:`FontKit.markup`, so
they are escaped and CJK names print as text; being drawn on the canvas, outside the flow, each
is one line, shortened with an ellipsis when long (the cover prints it whole).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate, Paragraph, Table

from exports.pdf.brand import LOGO_BOX, draw_cover_brand
from exports.pdf.cut import one_line_of
from exports.pdf.fonts import BODY_BOLD, BODY_FONT, FontKit
from exports.pdf.marking import draw_cover_marks, draw_page_marks, draw_watermark
from planner.charts.palette import ACCENT, GRID, INK, LIGHT_FILL, MUTED
from planner.model.branding import FirmProfile
from planner.report.marks import Mark

__all__ = [
    "BODY_HEIGHT",
    "MARGIN",
    "NOTICE",
    "NOTICE_FILL",
    "LANDSCAPE",
    "LANDSCAPE_BODY_HEIGHT",
    "LANDSCAPE_WIDTH",
    "PAGE",
    "FixedBox",
    "Para",
    "ReportDoc",
    "ReportTable",
    "Styles",
    "colour",
    "make_styles",
]


class FixedBox(Flowable):  # type: ignore[misc]
    """A flowable of a fixed ``width`` x ``height`` points, centred in the frame (charts)."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__()
        self.width = width
        self.height = height
        self.hAlign = "CENTER"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Return the fixed size."""
        return self.width, self.height


PAGE = A4
#: Ink and fill of a notice the reader must not miss (a roadmap older than the scores).
NOTICE, NOTICE_FILL = "#8A2A1E", "#FCEDEA"
MARGIN = 18 * mm
_TOP, _BOTTOM = MARGIN + 6 * mm, MARGIN + 2 * mm
#: The height a flowable has on a fresh body page (the frame less its 6-point paddings).
BODY_HEIGHT = PAGE[1] - _TOP - _BOTTOM - 12
#: A4 landscape, for the roadmap's Gantt chart: the width and height a flowable has there.
LANDSCAPE = landscape(A4)
LANDSCAPE_WIDTH = LANDSCAPE[0] - 2 * MARGIN - 12
LANDSCAPE_BODY_HEIGHT = LANDSCAPE[1] - _TOP - _BOTTOM - 12


class ReportTable(Table):  # type: ignore[misc]
    """A table whose rows move whole to the next page, unless a row could never fit on one.

    Such a row (an initiative with a hundred dependencies, a title of many lines, a long
    description) is split inside itself across pages instead: reportlab would otherwise raise
    ``LayoutError``. Ordinary rows keep moving whole, so a short row is never cut at a page foot.
    The pieces of a split table are made by reportlab as instances of this class.
    """

    #: The height of a fresh page's frame where the table is drawn (landscape pages: less).
    page_height = BODY_HEIGHT

    def _kept_height(self, command: tuple[Any, ...], heights: list[float]) -> float:
        """Return the height of the rows a ``NOSPLIT`` command keeps together."""
        first, last = command[1][1], command[2][1]
        first, last = (first + self._nrows if first < 0 else first), (last + self._nrows if last < 0 else last)
        return float(sum(heights[min(first, last) : max(first, last) + 1]))

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Split at whole rows; switch to splitting inside rows when some row is taller than a page.

        Rows kept together (``NOSPLIT``) part when together they are taller than a page. Should
        reportlab's in-row split fail on a cell (an ``IndexError`` inside it), the table splits at
        whole rows instead.
        """
        if not getattr(self, "splitInRow", 0):
            self._calc(availWidth, availHeight)
            heights = list(self._rowHeights)
            head = sum(heights[: self.repeatRows])
            if max(heights[self.repeatRows :], default=0.0) + head > self.page_height:
                self.splitInRow = 1
                self._nosplitCmds: list[Any] = []  # rows kept together could never move whole to a page
            elif any(head + self._kept_height(cmd, heights) > self.page_height for cmd in self._nosplitCmds):
                self._nosplitCmds = []  # rows kept together taller than a page: let them part
        try:
            parts: list[Flowable] = super().split(availWidth, availHeight)
        except IndexError:
            # reportlab's in-row split indexes a second piece that a cell's paragraph did not
            # return (seen with right-to-left text among line breaks); split at whole rows instead
            if not getattr(self, "splitInRow", 0):
                raise
            self.splitInRow = 0
            parts = super().split(availWidth, availHeight)
        return parts


class Para(Paragraph):  # type: ignore[misc]
    """A paragraph that breaks its lines once per width.

    A table wraps each cell two or three times at the same width (to size its row, to split it at
    the foot of a page, to draw it) and the page template wraps the header on every page;
    reportlab's paragraph breaks the lines anew each time, a third of the report's build. Line
    breaking depends on the width alone, so the last result is kept while its lines are (a
    failed split drops them).
    """

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Return the paragraph's size at ``availWidth``, breaking lines only for a new width."""
        if self._wrapped is not None and self._wrapped[0] == availWidth and hasattr(self, "blPara"):
            return self._wrapped[1]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size


def colour(hex_colour: str) -> colors.Color:
    """Return a reportlab colour for ``#RRGGBB``."""
    return colors.HexColor(hex_colour)


@dataclass(frozen=True)
class Styles:
    """The report's paragraph styles."""

    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    cover_title: ParagraphStyle
    cover_client: ParagraphStyle
    cover_meta: ParagraphStyle
    kpi_value: ParagraphStyle
    kpi_label: ParagraphStyle
    internal: ParagraphStyle
    notice: ParagraphStyle
    bullet: ParagraphStyle
    notice_bullet: ParagraphStyle
    header: ParagraphStyle
    header_right: ParagraphStyle
    #: The fill of table header rows and the cover band (the firm's primary colour when branded).
    head_fill: str = ACCENT


def make_styles(primary: str = "") -> Styles:
    """Return the report's paragraph styles (DejaVu Sans throughout); headings in ``primary`` when given.

    Headings stay bold and larger than the text whatever their colour, so they read as headings
    in black-and-white print too.
    """
    ink, accent, muted = colour(INK), colour(primary or ACCENT), colour(MUTED)
    body = ParagraphStyle("body", fontName=BODY_FONT, fontSize=9.5, leading=13.5, textColor=ink, spaceAfter=5)
    cell = ParagraphStyle("cell", parent=body, fontSize=8.3, leading=10.6, spaceAfter=0)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8.3, leading=11),
        muted=ParagraphStyle("muted", parent=body, fontSize=8, leading=10.5, textColor=muted),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BODY_BOLD),
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=BODY_BOLD, fontSize=7.6, textColor=colors.white),
        h1=ParagraphStyle(
            "h1",
            parent=body,
            fontName=BODY_BOLD,
            fontSize=17,
            leading=21,
            textColor=accent,
            spaceBefore=16,
            spaceAfter=8,
        ),
        h2=ParagraphStyle(
            "h2",
            parent=body,
            fontName=BODY_BOLD,
            fontSize=12.5,
            leading=16,
            textColor=accent,
            spaceBefore=10,
            spaceAfter=5,
        ),
        h3=ParagraphStyle(
            "h3", parent=body, fontName=BODY_BOLD, fontSize=10, leading=13, textColor=ink, spaceBefore=7, spaceAfter=2
        ),
        cover_title=ParagraphStyle(
            "cover_title", parent=body, fontName=BODY_BOLD, fontSize=28, leading=34, textColor=accent, spaceAfter=10
        ),
        cover_client=ParagraphStyle("cover_client", parent=body, fontSize=20, leading=26, textColor=ink, spaceAfter=24),
        cover_meta=ParagraphStyle("cover_meta", parent=body, fontSize=11, leading=16, textColor=ink, spaceAfter=2),
        kpi_value=ParagraphStyle(
            "kpi_value", parent=body, fontName=BODY_BOLD, fontSize=17, leading=21, textColor=accent
        ),
        kpi_label=ParagraphStyle("kpi_label", parent=body, fontSize=7.8, leading=10, textColor=muted, spaceAfter=0),
        internal=ParagraphStyle(
            "internal",
            parent=body,
            fontSize=8.5,
            leading=11.5,
            textColor=colour("#7A3B00"),
            backColor=colour("#FFF4E0"),
            borderPadding=3,
            leftIndent=3,
            rightIndent=3,
        ),
        notice=ParagraphStyle("notice", parent=body, fontSize=8.8, leading=12, textColor=colour(NOTICE), spaceAfter=2),
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=11, bulletIndent=1, spaceAfter=3),
        notice_bullet=ParagraphStyle(
            "notice_bullet",
            parent=body,
            fontSize=8.8,
            leading=12,
            textColor=colour(NOTICE),
            spaceAfter=1,
            leftIndent=11,
            bulletIndent=1,
        ),
        header=ParagraphStyle("header", parent=body, fontSize=7.8, leading=10, textColor=muted, alignment=TA_LEFT),
        header_right=ParagraphStyle(
            "header_right", parent=body, fontSize=7.8, leading=10, textColor=muted, alignment=TA_RIGHT
        ),
        head_fill=primary or ACCENT,
    )


def _numbered_canvas(draw_footer: Any) -> type[Canvas]:
    """Return a canvas class that draws every page's footer once the page count is known."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                draw_footer(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas


class ReportDoc(BaseDocTemplate):  # type: ignore[misc]
    """The report's document: a cover template and a body template with header and footer."""

    def __init__(
        self,
        buffer: Any,
        fonts: FontKit,
        styles: Styles,
        client: str,
        heading: str,
        firm: str = "",
        *,
        internal: bool = False,
        marks: Sequence[Mark] = (),
        brand: FirmProfile | None = None,
        confidentiality: str = "",
        **info: Any,
    ) -> None:
        super().__init__(
            buffer,
            pagesize=PAGE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=_TOP,
            bottomMargin=_BOTTOM,
            **info,
        )
        self.fonts = fonts
        self.styles = styles
        #: What the cover and every page say the report is: internal, draft (:mod:`exports.pdf.marking`).
        self.marks = tuple(marks)
        # drawn on the canvas, where nothing may run off the band: one short line each
        client, heading, firm = one_line_of(client), one_line_of(heading), one_line_of(firm, 80)
        self.brand = brand
        left = fonts.markup(client)
        if brand is not None and brand.name:
            left = f"<b>{fonts.markup(one_line_of(brand.name, 60))}</b>" + (f"  |  {left}" if left else "")
        self.header_left = Para(left, styles.header)
        self.header_right = Para(fonts.markup(heading), styles.header_right)
        footer = "Confidential: prepared for " + fonts.markup(client) if client else "Confidential"
        if confidentiality:
            footer = fonts.markup(one_line_of(confidentiality, 120))
        #: The firm's contact line under the footer (branded reports only).
        self.footer_contact = (
            Para(fonts.markup(one_line_of(brand.contact, 140)), styles.header)
            if brand is not None and brand.contact
            else None
        )
        if internal:
            footer = (
                '<font color="#B03A2E"><b>Internal: not for the client.</b> It contains the consultant\'s notes.</font>'
            )

        self.footer_left = Para(footer, styles.header)
        band = ParagraphStyle("band", parent=styles.body, textColor=colors.white, fontSize=9, leading=12)
        self.cover_band = [
            Para(f"<b>{fonts.markup(firm)}</b>", ParagraphStyle("firm", parent=band, fontSize=15, leading=19))
            if firm
            else None,
            Para("FinOps maturity assessment and roadmap", band),
        ]
        body = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        cover = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="cover")
        wide = Frame(
            self.leftMargin, self.bottomMargin, LANDSCAPE[0] - 2 * MARGIN, LANDSCAPE[1] - _TOP - _BOTTOM, id="wide"
        )
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[cover], onPage=self._cover_page),
                PageTemplate(id="body", frames=[body], onPage=self._body_page),
                PageTemplate(id="landscape", frames=[wide], onPage=self._body_page, pagesize=LANDSCAPE),
            ]
        )
        #: Called with (canvas, page) for every page when the document is saved (the contents' numbers).
        self.on_save: list[Any] = []

    @staticmethod
    def next_is_body() -> NextPageTemplate:
        """Return the flowable that switches to the body template from the next page on."""
        return NextPageTemplate("body")

    @staticmethod
    def next_is_landscape() -> NextPageTemplate:
        """Return the flowable that switches to landscape pages from the next page on."""
        return NextPageTemplate("landscape")

    def _cover_page(self, canvas: Canvas, doc: Any) -> None:
        draw_watermark(canvas, self.marks, *PAGE)
        draw_cover_marks(canvas, self.marks, self.leftMargin, self.width, PAGE[1] - 41 * mm)
        canvas.saveState()
        canvas.setFillColor(colour(self.styles.head_fill))
        canvas.rect(0, PAGE[1] - 38 * mm, PAGE[0], 38 * mm, stroke=0, fill=1)
        if self.brand is not None:
            draw_cover_brand(canvas, self.brand, self.leftMargin + self.width, PAGE[1] - 38 * mm)
        canvas.setFillColor(colour(LIGHT_FILL))
        canvas.rect(0, 0, PAGE[0], 22 * mm, stroke=0, fill=1)
        y = PAGE[1] - 14 * mm
        for para in self.cover_band:
            if para is None:
                continue
            room = self.width - (LOGO_BOX[0] + 8 * mm if self.brand is not None and self.brand.logo else 0)
            _, height = para.wrap(room, 30 * mm)
            para.drawOn(canvas, self.leftMargin, y - height)
            y -= height + 2 * mm
        canvas.restoreState()

    @staticmethod
    def _page_width(canvas: Canvas) -> float:
        """Return the width between the margins of the canvas's page (portrait or landscape)."""
        return float(canvas._pagesize[0]) - 2.0 * float(MARGIN)

    def _body_page(self, canvas: Canvas, doc: Any) -> None:
        size = (float(canvas._pagesize[0]), float(canvas._pagesize[1]))  # landscape pages carry the marks too
        draw_watermark(canvas, self.marks, *size)
        draw_page_marks(canvas, self.marks, *size)
        canvas.saveState()
        width = self._page_width(canvas)
        top = canvas._pagesize[1] - MARGIN + 2 * mm
        half = width / 2 - 4 * mm
        for para, x in ((self.header_left, self.leftMargin), (self.header_right, self.leftMargin + width - half)):
            _, height = para.wrap(half, 20 * mm)
            para.drawOn(canvas, x, top - height + 8)
        accent = self.brand.accent if self.brand is not None and self.brand.accent else GRID
        canvas.setStrokeColor(colour(accent))
        canvas.setLineWidth(0.6)
        canvas.line(self.leftMargin, top - 6, self.leftMargin + width, top - 6)
        canvas.line(self.leftMargin, MARGIN - 1 * mm, self.leftMargin + width, MARGIN - 1 * mm)
        _, height = self.footer_left.wrap(width * 0.75, 20 * mm)
        self.footer_left.drawOn(canvas, self.leftMargin, MARGIN - 3 * mm - height)
        if self.footer_contact is not None:
            _, below = self.footer_contact.wrap(width * 0.75, 20 * mm)
            self.footer_contact.drawOn(canvas, self.leftMargin, MARGIN - 4 * mm - height - below)
        canvas.restoreState()

    def footer(self, canvas: Canvas, page: int, total: int) -> None:
        """Draw "Page X of Y" on a body page (the cover has none)."""
        if page == 1:
            return
        canvas.saveState()
        canvas.setFont(BODY_FONT, 7.8)
        canvas.setFillColor(colour(MUTED))
        canvas.drawRightString(
            self.leftMargin + self._page_width(canvas), MARGIN - 3 * mm - 8, f"Page {page} of {total}"
        )
        canvas.restoreState()

    def _on_save(self, canvas: Canvas, page: int, total: int) -> None:
        self.footer(canvas, page, total)
        for hook in self.on_save:
            hook(canvas, page)

    def canvas_class(self) -> type[Canvas]:
        """Return the canvas class to pass to ``build(canvasmaker=...)``."""
        return _numbered_canvas(self._on_save)
