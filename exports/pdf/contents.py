"""The report's table of contents, built in the same pass as the report.

reportlab's ``TableOfContents`` needs the document built two or three times over (its page
numbers move the pages it lists). Here the contents lists entries known before the build (each
section registers its headings while its story is made: :meth:`Contents.heading`), so its lines
never change; each heading records the page it is drawn on, and the page numbers are written
into the contents page when the document is saved, with the footers (the two-step canvas of
:mod:`exports.pdf.layout`). One build, as before. Each line links to its heading, and each
heading is a bookmark in the PDF's outline too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from exports.pdf.fonts import BODY_FONT, FontKit
from exports.pdf.layout import Para, colour
from planner.charts.palette import GRID, INK, MUTED

__all__ = ["Contents", "ContentsPage", "Heading"]

_LINE = 17.0  # points between two lines of the contents


@dataclass
class _Entry:
    key: str
    title: str
    level: int
    page: int | None = None


@dataclass
class Contents:
    """The headings the contents lists, the page each was drawn on, and where to write the numbers."""

    entries: list[_Entry] = field(default_factory=list)
    #: (page, x, y, entry key) of each page number still to write.
    slots: list[tuple[int, float, float, str, tuple[float, float, float, float]]] = field(default_factory=list)

    def heading(self, fonts: FontKit, title: str, style: Any, level: int = 0) -> Heading:
        """Return a heading paragraph listed in the contents (``level`` 1: indented under the last)."""
        key = f"h{len(self.entries)}"
        self.entries.append(_Entry(key, title, level))
        return Heading(fonts.markup(title), style, self, key)

    def page_of(self, key: str) -> int | None:
        """Return the page a heading was drawn on (``None`` before it is drawn)."""
        return next((e.page for e in self.entries if e.key == key), None)

    def draw_numbers(self, canvas: Canvas, page: int) -> None:
        """Write the page numbers of the contents lines on ``page`` (called when the document is saved)."""
        for at, x, y, key, rect in self.slots:
            number = self.page_of(key)
            if at != page or number is None:
                continue
            canvas.saveState()
            canvas.setFont(BODY_FONT, 10)
            canvas.setFillColor(colour(INK))
            canvas.drawRightString(x, y, str(number))
            canvas.linkRect("", key, rect, relative=0)
            canvas.restoreState()


class Heading(Para):
    """A heading that records its page, and marks itself as a bookmark, when it is drawn."""

    def __init__(self, text: str, style: Any, contents: Contents, key: str) -> None:
        super().__init__(text, style)
        self.contents = contents
        self.key = key

    def draw(self) -> None:
        """Draw the heading and record where it is."""
        entry = next(e for e in self.contents.entries if e.key == self.key)
        if entry.page is None:
            entry.page = self.canv.getPageNumber()
            self.canv.bookmarkPage(self.key)
            self.canv.addOutlineEntry(entry.title, self.key, level=entry.level)
        super().draw()


class ContentsPage(Flowable):  # type: ignore[misc]
    """The contents: one line per heading, with dotted leaders to its page number."""

    def __init__(self, contents: Contents, fonts: FontKit, style: Any) -> None:
        super().__init__()
        self.contents = contents
        self.fonts = fonts
        self.style = style

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Return the width and the height of the lines."""
        self.width = availWidth
        return availWidth, _LINE * len(self.contents.entries) + 4 * mm

    def draw(self) -> None:
        """Draw the titles and leaders; leave a slot for each page number."""
        canvas = self.canv
        y = _LINE * len(self.contents.entries)
        right = self.width
        for entry in self.contents.entries:
            y -= _LINE
            indent = 14.0 * entry.level
            title: Paragraph = Para(
                (f"<b>{self.fonts.markup(entry.title)}</b>" if entry.level == 0 else self.fonts.markup(entry.title)),
                self.style,
            )
            width, _ = title.wrap(right - indent - 60, _LINE)
            title.drawOn(canvas, indent, y)
            canvas.saveState()
            canvas.setStrokeColor(colour(GRID if entry.level else MUTED))
            canvas.setDash(1, 2.5)
            canvas.setLineWidth(0.6)
            canvas.line(indent + _text_width(title, width) + 6, y + 3, right - 24, y + 3)
            canvas.restoreState()
            x, py = canvas.absolutePosition(right, y + 1)
            x0, y0 = canvas.absolutePosition(indent, y - 2)
            self.contents.slots.append((canvas.getPageNumber(), x, py, entry.key, (x0, y0, x, y0 + _LINE - 2)))


def _text_width(title: Paragraph, fallback: float) -> float:
    """Return the drawn width of a one-line paragraph (its first line)."""
    lines = getattr(title.blPara, "lines", None)
    if not lines:
        return fallback
    first = lines[0]
    if hasattr(first, "extraSpace"):  # a line of fragments
        return float(title.width - first.extraSpace)
    if isinstance(first, tuple):  # (extra space, words)
        return float(title.width - first[0])
    return fallback
