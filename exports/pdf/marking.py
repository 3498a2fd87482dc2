"""The PDF's marks: a draft or internal report says so on its cover and at the top of every page.

The marks come from :func:`planner.report.marks.deliverable_marks`. Every page after the cover
carries one thin band per mark across the top edge, above the running header (internal in red,
draft in amber), so a printed or forwarded page out of its context still says what it is. A draft
also carries a large, very light diagonal "DRAFT" drawn before the page's content, so it sits
under the text and charts and hides nothing. The cover shows each mark as a box under the title
band, before the reader reaches any figure. The texts are ours (no user text): they are drawn
straight on the canvas in the bundled font.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from exports.pdf.fonts import BODY_BOLD, BODY_FONT
from planner.report.marks import Mark

__all__ = ["MARK_COLOURS", "draw_cover_marks", "draw_page_marks", "draw_watermark"]

#: Ink and fill per mark kind: internal in red, draft in amber.
MARK_COLOURS = {"internal": ("#8F1D14", "#FBE3E0"), "draft": ("#7A4B00", "#FFF1D1")}
_BAND = 4.8 * mm
_TOP_GAP = 1.5 * mm


def _colours(mark: Mark) -> tuple[colors.Color, colors.Color]:
    ink, fill = MARK_COLOURS.get(mark.kind, MARK_COLOURS["draft"])
    return colors.HexColor(ink), colors.HexColor(fill)


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> float:
    """Return the font size at most ``size`` at which ``text`` fits ``width`` points."""
    needed = canvas.stringWidth(text, font, size)
    return size if needed <= width else max(5.0, size * width / needed)


def draw_page_marks(canvas: Canvas, marks: Sequence[Mark], page_width: float, page_height: float) -> None:
    """Draw one band per mark across the top edge of a body page."""
    y = page_height - _TOP_GAP
    for mark in marks:
        ink, fill = _colours(mark)
        y -= _BAND
        canvas.saveState()
        canvas.setFillColor(fill)
        canvas.rect(0, y, page_width, _BAND, stroke=0, fill=1)
        canvas.setFillColor(ink)
        size = _fit(canvas, mark.line, BODY_BOLD, 7.4, page_width - 20 * mm)
        canvas.setFont(BODY_BOLD, size)
        canvas.drawCentredString(page_width / 2, y + (_BAND - size) / 2 + 1, mark.line)
        canvas.restoreState()


def draw_watermark(canvas: Canvas, marks: Sequence[Mark], page_width: float, page_height: float) -> None:
    """Draw a large, very light diagonal "DRAFT" under the page's content (drafts only)."""
    if not any(mark.kind == "draft" for mark in marks):
        return
    canvas.saveState()
    canvas.setFillColor(colors.HexColor(MARK_COLOURS["draft"][0]), alpha=0.07)
    canvas.translate(page_width / 2, page_height / 2)
    canvas.rotate(52)
    canvas.setFont(BODY_BOLD, 120)
    canvas.drawCentredString(0, -40, "DRAFT")
    canvas.restoreState()


def draw_cover_marks(canvas: Canvas, marks: Sequence[Mark], left: float, width: float, top: float) -> None:
    """Draw each mark as a box from ``top`` down: its label large, its detail under it."""
    y = top
    height = 13 * mm
    for mark in marks:
        ink, fill = _colours(mark)
        y -= height
        canvas.saveState()
        canvas.setFillColor(fill)
        canvas.setStrokeColor(ink)
        canvas.setLineWidth(1.2)
        canvas.roundRect(left, y, width, height - 1.5 * mm, 2 * mm, stroke=1, fill=1)
        canvas.setFillColor(ink)
        canvas.setFont(BODY_BOLD, _fit(canvas, mark.label, BODY_BOLD, 13, width - 8 * mm))
        canvas.drawString(left + 4 * mm, y + 6.3 * mm, mark.label)
        size = _fit(canvas, mark.detail, BODY_FONT, 8.5, width - 8 * mm)
        canvas.setFont(BODY_FONT, size)
        canvas.drawString(left + 4 * mm, y + 2.4 * mm, mark.detail)
        canvas.restoreState()
