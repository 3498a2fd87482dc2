"""Safe cells and shared styles for the Excel workbook.

Every piece of text goes through :meth:`SheetWriter.text`, which makes it impossible for a user's
words to become anything but text:

- control characters are removed (:func:`exports.text.clean_text`); openpyxl refuses them;
- the value is assigned and *then* ``data_type`` is forced to ``"s"``: openpyxl turns any string
  starting with ``=`` into a formula and ``#N/A``-like strings into error values on assignment;
  ``quotePrefix`` keeps Excel from re-reading ``=``, ``+``, ``-`` or ``@`` as a formula when the
  client later edits the cell;
- text longer than Excel's 32,767-character cell limit is cut with a visible marker, and a warning
  naming the sheet, cell and what was cut is recorded for the caller.

Numbers are written as numbers with a display format, never as formatted strings; calendar
months are date cells (the first day of the month) shown with a month format ("Mar 2027").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from copy import copy
from dataclasses import dataclass, field
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from exports.text import clean_text
from planner.charts.palette import ACCENT, GRID, INK, LIGHT_FILL, MUTED, excel_rgb

__all__ = [
    "EXCEL_CELL_LIMIT",
    "MONTH_FORMAT",
    "NOTICE",
    "NOTICE_FILL",
    "TRUNCATION_MARKER",
    "SheetWriter",
    "Styles",
    "header_footer_text",
]

#: The most characters an Excel cell holds.
EXCEL_CELL_LIMIT = 32_767
#: Appended to text cut at the cell limit, so a reader sees the cell is incomplete.
TRUNCATION_MARKER = (
    " [\u2026 cut here: Excel cells hold at most 32,767 characters; the full text is in the project file]"
)
FONT_NAME = "Calibri"
#: How a calendar month reads in a date cell: "Mar 2027".
MONTH_FORMAT = "mmm yyyy"
#: Ink and fill of a notice the reader must not miss (a roadmap older than the scores), as in the PDF.
NOTICE, NOTICE_FILL = "#8A2A1E", "#FCEDEA"


@dataclass(frozen=True)
class Styles:
    """The workbook's styles, created once per workbook and shared by every cell."""

    body: Font = field(default_factory=lambda: Font(name=FONT_NAME, size=10, color=excel_rgb(INK)))
    bold: Font = field(default_factory=lambda: Font(name=FONT_NAME, size=10, bold=True, color=excel_rgb(INK)))
    muted: Font = field(default_factory=lambda: Font(name=FONT_NAME, size=9, italic=True, color=excel_rgb(MUTED)))
    title: Font = field(default_factory=lambda: Font(name=FONT_NAME, size=18, bold=True, color=excel_rgb(ACCENT)))
    subtitle: Font = field(default_factory=lambda: Font(name=FONT_NAME, size=13, color=excel_rgb(ACCENT)))
    section: Font = field(default_factory=lambda: Font(name=FONT_NAME, size=12, bold=True, color=excel_rgb(ACCENT)))
    header: Font = field(default_factory=lambda: Font(name=FONT_NAME, size=10, bold=True, color="FFFFFF"))
    notice: Font = field(default_factory=lambda: Font(name=FONT_NAME, size=10, bold=True, color=excel_rgb(NOTICE)))
    notice_fill: PatternFill = field(default_factory=lambda: PatternFill("solid", fgColor=excel_rgb(NOTICE_FILL)))
    header_fill: PatternFill = field(default_factory=lambda: PatternFill("solid", fgColor=excel_rgb(ACCENT)))
    zebra_fill: PatternFill = field(default_factory=lambda: PatternFill("solid", fgColor=excel_rgb(LIGHT_FILL)))
    wrap: Alignment = field(default_factory=lambda: Alignment(wrap_text=True, vertical="top"))
    top: Alignment = field(default_factory=lambda: Alignment(vertical="top"))
    centre: Alignment = field(default_factory=lambda: Alignment(horizontal="center", vertical="top"))
    header_align: Alignment = field(
        default_factory=lambda: Alignment(wrap_text=True, vertical="center", horizontal="left")
    )
    rule: Border = field(default_factory=lambda: Border(bottom=Side(style="thin", color=excel_rgb(GRID))))
    fills: dict[str, PatternFill] = field(default_factory=dict)

    def fill(self, colour: str) -> PatternFill:
        """Return a shared solid fill of ``#RRGGBB``."""
        found = self.fills.get(colour)
        if found is None:
            found = self.fills[colour] = PatternFill("solid", fgColor=excel_rgb(colour))
        return found


class SheetWriter:
    """Writes cells of one worksheet safely, collecting warnings about cut text."""

    def __init__(self, ws: Any, styles: Styles, warnings: list[str]) -> None:
        self.ws = ws
        self.styles = styles
        self.warnings = warnings

    def text(
        self,
        row: int,
        col: int,
        value: str,
        *,
        font: Font | None = None,
        align: Alignment | None = None,
        what: str = "",
    ) -> Any:
        """Write ``value`` as a text cell that can never be a formula or an error value."""
        text = clean_text(value)
        if len(text) > EXCEL_CELL_LIMIT:
            text = text[: EXCEL_CELL_LIMIT - len(TRUNCATION_MARKER)] + TRUNCATION_MARKER
            where = f"{self.ws.title}!{get_column_letter(col)}{row}"
            self.warnings.append(
                f"{where}: {what or 'a text'} was cut to {EXCEL_CELL_LIMIT:,} characters (Excel's limit per cell)"
            )
        cell = self.ws.cell(row=row, column=col)
        cell.value = text
        cell.data_type = "s"
        cell.quotePrefix = True
        cell.font = font or self.styles.body
        cell.alignment = align or self.styles.top
        return cell

    def number(self, row: int, col: int, value: float | int | None, *, fmt: str = "0", font: Font | None = None) -> Any:
        """Write a number with a display format (an empty cell for ``None``)."""
        cell = self.ws.cell(row=row, column=col)
        cell.value = value
        cell.number_format = fmt
        cell.font = font or self.styles.body
        cell.alignment = self.styles.centre
        return cell

    def date(
        self, row: int, col: int, value: dt.date | None, *, fmt: str = MONTH_FORMAT, font: Font | None = None
    ) -> Any:
        """Write a date cell shown with ``fmt`` (an empty cell for ``None``)."""
        cell = self.ws.cell(row=row, column=col)
        cell.value = value
        cell.number_format = fmt
        cell.font = font or self.styles.body
        cell.alignment = self.styles.top
        return cell

    def header_row(self, row: int, titles: list[str], *, height: float = 30) -> None:
        """Write a table header row in white on the report's navy."""
        for col, title in enumerate(titles, start=1):
            cell = self.text(row, col, title, font=self.styles.header, align=self.styles.header_align)
            cell.fill = self.styles.header_fill
        self.ws.row_dimensions[row].height = height

    def widths(self, widths: list[float], start: int = 1) -> None:
        """Set column widths (in characters) from column ``start`` on."""
        for offset, width in enumerate(widths):
            self.ws.column_dimensions[get_column_letter(start + offset)].width = width

    def print_setup(self, client: str, *, title_rows: str | None = None, internal: bool = False) -> None:
        """Landscape A4, fitted to one page wide; the client's name in the header, page X of Y below."""
        ws = self.ws
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        if title_rows:
            ws.print_title_rows = title_rows
        ws.oddHeader.left.text = header_footer_text(client)
        ws.oddHeader.left.size = 9
        ws.oddHeader.right.text = header_footer_text(ws.title)
        ws.oddHeader.right.size = 9
        if internal:
            ws.oddHeader.center.text = "INTERNAL: contains the consultant's notes, not for the client"
            ws.oddHeader.center.size = 9
            ws.oddHeader.center.color = "B03A2E"
        ws.oddFooter.center.text = "Page &P of &N"
        ws.oddFooter.center.size = 9


def header_footer_text(text: str, limit: int = 80) -> str:
    """Return user text safe for an Excel page header: one line, ``&`` doubled, kept short."""
    flat = " ".join(clean_text(text).split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "\u2026"
    return flat.replace("&", "&&")


class StyleCache:
    """Cell styles made once and copied onto many cells (the Gantt's month cells).

    openpyxl hashes a fill or border object each time one is assigned to a cell, most of a
    workbook's build for thousands of month cells; a style made once is copied as its indices.
    """

    def __init__(self) -> None:
        self._made: dict[Any, Any] = {}

    def apply(self, cell: Any, key: Any, make: Callable[[Any], None]) -> None:
        """Give ``cell`` the style ``make`` gives a cell, made once per ``key``."""
        found = self._made.get(key)
        if found is None:
            make(cell)
            self._made[key] = copy(cell._style)
        else:
            cell._style = copy(found)
