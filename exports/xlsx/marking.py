"""The workbook's marks: a draft or internal workbook says so at the top of every sheet and in its print header.

The marks come from :func:`planner.report.marks.deliverable_marks`. The sheets are built as
usual, then :func:`mark_workbook` moves each sheet down by one row per mark and writes the marks
in the rows it freed, tinted (internal in red, draft in amber) and frozen, so they stay on screen
while the reader scrolls. Moving a finished sheet keeps the sheet builders unaware of the marks: a
final client workbook (no mark) is exactly what they wrote. Everything that names a row moves
with the cells: merged ranges, row heights, frozen panes, filters, print titles and print area,
conditional formats, data validations, and every chart's anchor and data references. The marks
also go into the centre of every sheet's print header, so each printed page carries them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.cell_range import CellRange

from exports.xlsx.cells import FONT_NAME, header_footer_text
from planner.charts.palette import excel_rgb
from planner.report.marks import Mark

__all__ = ["MARK_COLOURS", "mark_workbook", "shift_reference"]

#: Ink and fill per mark kind, as in the PDF: internal in red, draft in amber.
MARK_COLOURS = {"internal": ("#8F1D14", "#FBE3E0"), "draft": ("#7A4B00", "#FFF1D1")}
#: How many columns the tint of a mark row spans (the text itself runs on to the right).
_MARK_COLUMNS = 14
_CELL = re.compile(r"(\$?)([A-Z]{1,3})(\$?)(\d+)")


def shift_reference(reference: str, rows: int) -> str:
    """Return a cell reference or formula with every row number moved down by ``rows``.

    Only cell references are touched (``'Summary'!$B$8:$B$12`` -> ``'Summary'!$B$10:$B$14``);
    quoted sheet names are kept as written.
    """
    parts = re.split(r"('(?:[^']|'')*')", reference)
    return "".join(
        part
        if part.startswith("'")
        else _CELL.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)}{int(m.group(4)) + rows}", part)
        for part in parts
    )


def _shift_rows_spec(spec: str | None, rows: int) -> str | None:
    """Return print title rows ("4:5") moved down."""
    if not spec:
        return spec
    found = re.fullmatch(r"(\$?)(\d+):(\$?)(\d+)", spec.split("!")[-1])
    if found is None:
        return spec
    return f"{int(found.group(2)) + rows}:{int(found.group(4)) + rows}"


def _shift_anchor(item: Any, rows: int) -> None:
    """Move a chart's or image's anchor: a cell name, or an anchor object's cell markers."""
    anchor = item.anchor
    if isinstance(anchor, str):
        item.anchor = shift_reference(anchor, rows)
        return
    for marker in (getattr(anchor, "_from", None), getattr(anchor, "to", None)):
        if marker is not None:
            marker.row += rows


def _shift_chart(chart: Any, rows: int) -> None:
    _shift_anchor(chart, rows)
    for series in chart.series:
        for ref in (
            getattr(getattr(series, "val", None), "numRef", None),
            getattr(getattr(series, "cat", None), "numRef", None),
            getattr(getattr(series, "cat", None), "strRef", None),
            getattr(getattr(series, "tx", None), "strRef", None),
            getattr(getattr(series, "xVal", None), "numRef", None),
            getattr(getattr(series, "yVal", None), "numRef", None),
        ):
            if ref is not None and ref.f:
                ref.f = shift_reference(ref.f, rows)


def shift_sheet(ws: Any, rows: int) -> None:
    """Move everything on ``ws`` down by ``rows`` rows (see the module docstring for what moves)."""
    ws.insert_rows(1, rows)
    merged = [CellRange(r.coord) for r in ws.merged_cells.ranges]
    for old in list(ws.merged_cells.ranges):
        ws.merged_cells.remove(old)
    for cr in merged:
        cr.shift(row_shift=rows)
        ws.merged_cells.add(cr)
    heights = {row: dim.height for row, dim in ws.row_dimensions.items() if dim.height is not None}
    for row in heights:
        ws.row_dimensions[row].height = None
    for row, height in heights.items():
        ws.row_dimensions[row + rows].height = height
    if ws.freeze_panes:
        ws.freeze_panes = shift_reference(ws.freeze_panes, rows)
    if ws.auto_filter.ref:
        ws.auto_filter.ref = shift_reference(ws.auto_filter.ref, rows)
    if ws.print_title_rows:
        ws.print_title_rows = _shift_rows_spec(ws.print_title_rows, rows)
    if ws.print_area:
        ws.print_area = [shift_reference(area.split("!")[-1], rows) for area in ws.print_area.split(",")]
    formats = ws.conditional_formatting
    moved = [(shift_reference(str(cf.sqref), rows), rule) for cf in formats for rule in cf.rules]
    if moved:
        formats._cf_rules.clear()
        for sqref, rule in moved:
            formats.add(sqref, rule)
    for validation in ws.data_validations.dataValidation:
        validation.sqref = type(validation.sqref)(shift_reference(str(validation.sqref), rows))
    for chart in ws._charts:
        _shift_chart(chart, rows)
    for image in ws._images:
        _shift_anchor(image, rows)


def mark_workbook(wb: Any, marks: Sequence[Mark]) -> None:
    """Put ``marks`` at the top of every sheet and in its print header (nothing for no mark)."""
    if not marks:
        return
    header = "  |  ".join(header_footer_text(mark.line, 120) for mark in marks)
    for ws in wb.worksheets:
        shift_sheet(ws, len(marks))
        for row, mark in enumerate(marks, start=1):
            ink, fill = MARK_COLOURS.get(mark.kind, MARK_COLOURS["draft"])
            tint = PatternFill("solid", fgColor=excel_rgb(fill))
            for col in range(1, _MARK_COLUMNS + 1):
                ws.cell(row=row, column=col).fill = tint
            cell = ws.cell(row=row, column=1)
            cell.value = mark.line
            cell.data_type = "s"
            cell.font = Font(name=FONT_NAME, size=11, bold=True, color=excel_rgb(ink))
            cell.alignment = Alignment(vertical="center")
            ws.row_dimensions[row].height = 20
        if not ws.freeze_panes:
            ws.freeze_panes = f"A{len(marks) + 1}"
        ws.oddHeader.center.text = header
        ws.oddHeader.center.size = 9
        ws.oddHeader.center.color = excel_rgb(MARK_COLOURS[marks[0].kind][0])
