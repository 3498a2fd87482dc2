"""Paragraphs of user text with right-to-left letters: wrapped first, then put in visual order.

reportlab wraps a paragraph after it has been handed its characters; if those were already in
visual order, a wrapped right-to-left paragraph would start with its last words. So
:class:`BidiParagraph` wraps the text as typed (logical order) to the width it is given, puts
each line in visual order (:func:`exports.pdf_script.visual`, one direction for the whole
paragraph) and hands reportlab the finished lines as one ordinary paragraph, which splits across
pages like any other. A paragraph whose first letter is right-to-left is right-aligned, as its
reader expects. Text without right-to-left letters never comes here (:func:`paragraph`).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from exports.pdf_fonts import BODY_BOLD, BODY_FONT, FontKit
from exports.pdf_layout import Para
from exports.pdf_script import Direction, base_direction, has_rtl
from exports.text import clean_text

__all__ = ["BidiParagraph", "paragraph", "wrap_logical"]


def paragraph(fonts: FontKit, text: str, style: Any, *, bold: bool = False, label: str = "") -> Flowable:
    """Return a flowable for plain user text: a :class:`BidiParagraph` when it holds right-to-left letters.

    ``label`` is our own markup put before the text (``<b>Internal:</b>``); before right-to-left
    text it stands on a line of its own, so the text's lines keep their full width and order.
    """
    if has_rtl(text):
        return BidiParagraph(fonts, text, style, bold=bold, label=label)
    body = fonts.markup(text)
    body = f"<b>{body}</b>" if bold and body else body
    return Para(f"{label} {body}" if label else body, style)


def _width(fonts: FontKit, text: str, body_font: str, size: float, base: Direction) -> float:
    """Return how wide ``text`` (one line, logical order) is drawn."""
    return sum(
        float(stringWidth(run, body_font if font == BODY_FONT else font, size))
        for font, run in fonts.runs(text, record=False, base=base)
    )


def wrap_logical(fonts: FontKit, text: str, body_font: str, size: float, width: float) -> list[tuple[str, Direction]]:
    """Return ``text`` broken into lines at most ``width`` points wide, still in logical order.

    Lines break at spaces (runs of spaces count as one, as in any paragraph); a word wider than
    the line is cut between characters. Line breaks typed by the user are kept; each typed line
    has its own direction, returned with each of its lines.
    """
    lines: list[tuple[str, Direction]] = []
    for typed in clean_text(text).replace("\t", " ").split("\n"):
        base = base_direction(typed)
        line = ""
        for word in typed.split():
            candidate = f"{line} {word}" if line else word
            if line and _width(fonts, candidate, body_font, size, base) > width:
                lines.append((line, base))
                candidate = word
            line = candidate
            while len(line) > 1 and _width(fonts, line, body_font, size, base) > width:  # a word wider than a line
                cut = len(line) - 1
                while cut > 1 and _width(fonts, line[:cut], body_font, size, base) > width:
                    cut -= 1
                lines.append((line[:cut], base))
                line = line[cut:]
        lines.append((line, base))
    return lines


class BidiParagraph(Flowable):  # type: ignore[misc]
    """A paragraph of plain user text holding right-to-left letters (see the module docstring)."""

    def __init__(
        self, fonts: FontKit, text: str, style: ParagraphStyle, *, bold: bool = False, label: str = ""
    ) -> None:
        super().__init__()
        self.fonts = fonts
        self.text = text
        self.bold = bold
        self.label = label
        self.base: Direction = base_direction(clean_text(text))
        self.style = (
            style if self.base == "L" else ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
        )
        self._laid_out: tuple[float, Paragraph] | None = None

    def _inner(self, avail_width: float) -> Paragraph:
        """Return the finished paragraph for a width (laid out once per width)."""
        if self._laid_out is None or self._laid_out[0] != avail_width:
            style = self.style
            font = BODY_BOLD if self.bold else style.fontName
            width = avail_width - style.leftIndent - style.rightIndent - style.firstLineIndent
            lines = wrap_logical(self.fonts, self.text, font, style.fontSize, max(width - 0.5, style.fontSize))
            body = "<br/>".join(self.fonts.markup(line, base=base) for line, base in lines)
            body = f"<b>{body}</b>" if self.bold else body
            self._laid_out = (avail_width, Para(f"{self.label}<br/>{body}" if self.label else body, style))
        return self._laid_out[1]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Lay the paragraph out for ``avail_width``; return its size."""
        self.width, self.height = self._inner(avail_width).wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Split like the finished paragraph (its lines are already broken)."""
        return list(self._inner(avail_width).split(avail_width, avail_height))

    def draw(self) -> None:
        """Draw the finished paragraph at the flowable's origin."""
        assert self._laid_out is not None  # noqa: S101  (platypus always wraps before it draws)
        self._laid_out[1].drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:
        """Return the style's space before."""
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        """Return the style's space after."""
        return float(self.style.spaceAfter)

    def minWidth(self) -> float:
        """Return the narrowest width the paragraph can take (one character per line at worst)."""
        return float(self.style.fontSize + self.style.leftIndent + self.style.rightIndent)
