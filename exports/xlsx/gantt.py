"""The Gantt sheet of the workbook: the scheduled initiatives against the calendar, a column a month.

Columns: reference, initiative, capability, then one narrow column per month. Two header rows
read as a calendar: the years, each over its months, then the months themselves (date cells
shown "Jan", "Feb"...; numbers for a plan without a start month). Each horizon is a band: a row
with its name and months, tinted over its own months; under it a row per initiative starting
in it, its months filled in the colour of the maturity level it works towards. Every month of a
bar is ruled apart in white and every empty month by a hairline, so bars read as months and the
bars of two rows never run together. Rows stay one line high (the Roadmap sheet holds the
descriptions), so the chart prints on few pages: landscape, one page wide, the two header rows
repeated. The chart stops at :data:`~exports.xlsx.roadmap.MAX_GANTT_MONTHS`.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from openpyxl.styles import Alignment, Border, Side
from openpyxl.utils import get_column_letter

from exports.xlsx.cells import SheetWriter, StyleCache
from planner.charts.palette import ACCENT, GRID, HORIZON_COLOURS, excel_rgb, level_colour, level_tint, tint
from planner.model.calendar import plan_month
from planner.report.data import ReportData
from planner.report.roadmap import month_date

__all__ = ["GANTT_HEADER_ROW", "write_gantt"]

#: The row of the month names (the years are in the row above).
GANTT_HEADER_ROW = 5
_FIRST = 4  # the first month's column
_BAR = Side(style="thin", color="FFFFFF")
_EMPTY = Side(style="hair", color=excel_rgb(GRID))
_HORIZON = Side(style="medium", color=excel_rgb(ACCENT))


def write_gantt(w: SheetWriter, report: ReportData) -> None:
    """Fill the Gantt sheet."""
    from exports.xlsx.roadmap import MAX_GANTT_MONTHS

    s = w.styles
    months = max(1, min(report.months, MAX_GANTT_MONTHS))
    w.widths([5, 64, 26] + [4.2] * months)
    w.text(1, 1, "Gantt chart", font=s.title)
    w.ws.row_dimensions[1].height = 26
    span = f", {report.plan_span_label}" if report.dated and report.months else ""
    w.text(2, 1, f"{len(report.scheduled)} scheduled initiatives{span}, by the horizon they start in.", font=s.body)
    _header(w, report, months)
    starts = {h.start_month for h in report.horizons[1:] if 0 < h.start_month < months}
    row = GANTT_HEADER_ROW
    cache = StyleCache()
    for n, horizon in enumerate(report.horizons):
        if not horizon.initiatives:
            continue
        colour = HORIZON_COLOURS[n % len(HORIZON_COLOURS)]
        first, last = horizon.start_month, months if horizon.open_ended else min(horizon.end_month, months)
        row += 1
        count = len(horizon.initiatives)
        w.text(row, 1, f"{horizon.name}  \u00b7  {horizon.span_label}  \u00b7  {count} initiative{'s' * (count != 1)}")
        w.ws.cell(row, 1).font = s.bold
        w.ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        for col in range(1, _FIRST + months):
            month = col - _FIRST
            inside = month >= 0 and first <= month < last
            w.ws.cell(row, col).fill = s.fill(tint(colour, 0.55 if inside else 0.22))
        for item in horizon.initiatives:
            row += 1
            w.number(row, 1, int(item.ref), font=s.bold)
            w.text(row, 2, item.title, what=f"the title of initiative {item.ref}")
            w.text(row, 3, item.capability_name)
            bar = level_tint(item.phase, 0.45) if item.status == "done" else level_colour(item.phase)
            running = range(item.start_month, min(item.end_month, months))
            for month in range(months):
                cell = w.ws.cell(row, _FIRST + month)
                key = (bar if month in running else "", month in starts, first <= month < last and colour)
                cache.apply(cell, key, partial(_month_style, w, key))
    if row == GANTT_HEADER_ROW:
        w.text(row + 1, 1, "No initiative is scheduled.", font=s.muted)
    w.ws.freeze_panes = f"{get_column_letter(_FIRST)}{GANTT_HEADER_ROW + 1}"
    w.print_setup(
        report.client, title_rows=f"{GANTT_HEADER_ROW - 1}:{GANTT_HEADER_ROW}", internal=report.include_internal
    )


def _month_style(w: SheetWriter, key: tuple[str, bool, str | bool], cell: Any) -> None:
    """Style a month cell: a bar's colour ruled in white, or the horizon's window tint and a hairline."""
    bar, begins, window = key
    left = _HORIZON if begins else (_BAR if bar else _EMPTY)
    if bar:
        cell.fill = w.styles.fill(bar)
        cell.border = Border(left=left, right=_BAR, top=_BAR, bottom=_BAR)
        return
    if window:
        cell.fill = w.styles.fill(tint(str(window), 0.18))
    cell.border = Border(left=left, bottom=_EMPTY)


def _header(w: SheetWriter, report: ReportData, months: int) -> None:
    """Write the years over their months, then a cell per month ("Jan", or its number undated)."""
    s = w.styles
    top, names = GANTT_HEADER_ROW - 1, GANTT_HEADER_ROW
    for col, title in enumerate(["#", "Initiative", "Capability"], start=1):
        w.text(names, col, title, font=s.header).fill = s.header_fill
        w.ws.cell(top, col).fill = s.header_fill
    centre = Alignment(horizontal="center", vertical="center")
    year_start = 0
    for month in range(months):
        col = _FIRST + month
        found = month_date(report.start_date, month)
        cell = w.date(names, col, found, fmt="mmm", font=s.header) if found else w.number(names, col, month + 1)
        cell.font = s.header
        cell.fill = s.header_fill
        cell.alignment = centre
        w.ws.cell(top, col).fill = s.header_fill
        at = plan_month(report.start_date, month)
        if at is not None and (month == months - 1 or (plan_month(report.start_date, month + 1) or (0, 1))[1] == 1):
            first_col = _FIRST + year_start
            label = w.text(top, first_col, str(at[0]), font=s.header)
            label.alignment = centre
            if col > first_col:
                w.ws.merge_cells(start_row=top, start_column=first_col, end_row=top, end_column=col)
            year_start = month + 1
    if not report.dated:
        w.text(top, _FIRST, "Month", font=s.header)
    w.ws.row_dimensions[names].height = 18
