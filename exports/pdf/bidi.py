"""Paragraphs of user text with right-to-left letters: wrapped first, then put in visual order.

reportlab wraps a paragraph after it has been handed its characters; if those were already in
visual order, a wrapped right-to-left paragraph would start with its last words. So
:class:`BidiParagraph` wraps the text as typed (logical order) to the width it is given, puts
each line in visual order (:func:`exports.pdf.script.visual`, one direction for the whole
paragraph) and hands reportlab the finished lines as one ordinary paragraph, which splits across
pages like any other. A paragraph whose first letter is right-to-left is right-aligned, as its
reader expects. Text without right-to-left letters never comes here (:func:`paragraph`).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer

from exports.pdf.fonts import BODY_BOLD, BODY_FONT, FontKit
from exports.pdf.layout import Para
from exports.pdf.script import Direction, base_direction, has_rtl
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
    has its own direction, returned with each of its lines. Each word is measured once (Arabic
    letters join within a word, never across a space, so a line is as wide as its words and
    spaces), so a 50,000-character note wraps in well under a second.
    """
    space = _width(fonts, " ", body_font, size, "L")
    measured: dict[str, float] = {}  # words repeat; shaping a word is the slow part
    lines: list[tuple[str, Direction]] = []
    for typed in clean_text(text).replace("\t", " ").split("\n"):
        base = base_direction(typed)
        words: list[str] = []
        used = 0.0
        for word in typed.split():
            wide = measured.get(word)
            if wide is None:
                wide = measured[word] = _width(fonts, word, body_font, size, base)
            if words and used + space + wide > width:
                lines.append((" ".join(words), base))
                words, used = [], 0.0
            if wide > width:  # a word wider than a line: whole lines of it, then its rest
                *full, word = _cut(fonts, word, body_font, size, width, base)
                lines += [(piece, base) for piece in full]
                wide = _width(fonts, word, body_font, size, base)
            used = used + space + wide if words else wide
            words.append(word)
        lines.append((" ".join(words), base))
    return lines


def _cut(fonts: FontKit, word: str, body_font: str, size: float, width: float, base: Direction) -> list[str]:
    """Return ``word`` cut into pieces no wider than ``width`` (one character at least each)."""
    pieces: list[str] = []
    rest = word
    while len(rest) > 1 and _width(fonts, rest, body_font, size, base) > width:
        low, high = 1, len(rest) - 1  # the longest prefix that fits, by bisection
        while low < high:
            middle = (low + high + 1) // 2
            if _width(fonts, rest[:middle], body_font, size, base) <= width:
                low = middle
            else:
                high = middle - 1
        pieces.append(rest[:low])
        rest = rest[low:]
    pieces.append(rest)
    return pieces


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
        """Split like the finished paragraph (its lines are already broken): no pieces, or two.

        A table splitting inside a row asks for a split with the height of an earlier wrap at
        another width; the paragraph may then fit whole and come back as one piece, where the
        table expects two (reportlab indexes the second): the second is then empty.
        """
        parts = list(self._inner(avail_width).split(avail_width, avail_height))
        return [parts[0], Spacer(0, 0)] if len(parts) == 1 else parts

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
