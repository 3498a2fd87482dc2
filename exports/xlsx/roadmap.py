"""The Roadmap sheet of the workbook: one row per initiative in plan order, and a Gantt band.

Above the table: the sheet's title, the plan in one sentence (initiatives, months, capacity,
horizons) and, for a roadmap older than the scores, a notice saying so with what changed. The
table (header in row :data:`HEADER_ROW`, frozen with the reference and title columns, filtered)
lists the initiatives horizon by horizon, each by start month and priority, then the deferred and
dropped ones: reference, title, horizon, start and end (the first and last month of work), maturity
(the phase: the level it works towards), capability, owner, effort, duration, status, pinned,
dependencies (each as its reference and title) and description.

Start and end are real date cells (the first day of the month) shown as "Mar 2027", so a client
can sort, filter and compute with them; a project without a start month gets numbers shown as
"Month 7" instead. Right of the table, one narrow column per month, headed by that month (a date
cell shown as "Jan 27", or its number), is filled with the maturity colour in the months an
initiative runs, each month of a bar ruled apart in white and the empty months by a hairline, so
bars read as months and the bars of two rows never run together; the row above names the
horizons over their months, and a rule marks where each horizon begins. The band stops at :data:`MAX_GANTT_MONTHS`.
"""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment, Border, Side
from openpyxl.utils import get_column_letter

from exports.xlsx.cells import SheetWriter, StyleCache
from planner.charts.palette import ACCENT, GRID, HORIZON_COLOURS, excel_rgb, level_colour, level_tint, tint
from planner.report.data import InitiativeRow, ReportData
from planner.report.roadmap import month_date

__all__ = ["HEADER_ROW", "MAX_GANTT_MONTHS", "ROADMAP_HEADERS", "write_roadmap"]

ROADMAP_HEADERS = [
    "Ref",
    "Initiative",
    "Horizon",
    "Start",
    "End",
    "Maturity",
    "Capability",
    "Owner",
    "Effort",
    "Months",
    "Status",
    "Pinned",
    "Depends on",
    "Description",
]
_WIDTHS: list[float] = [6, 44, 10, 10, 10, 9, 22, 18, 7, 8, 11, 8, 34, 60]
#: The row of the table's column titles (rows above: title, plan, notice, horizon band).
HEADER_ROW = 5
#: The most months the Gantt band shows (ten years).
MAX_GANTT_MONTHS = 120
#: An undated plan's months: a number that reads "Month 7".
UNDATED_FORMAT = '"Month "0'


def write_roadmap(w: SheetWriter, report: ReportData) -> None:
    """Fill the Roadmap sheet."""
    s = w.styles
    w.widths(_WIDTHS)
    w.text(1, 1, "Roadmap", font=s.title)
    w.ws.row_dimensions[1].height = 26
    w.text(2, 1, _plan_sentence(report), font=s.body)
    if report.stale:
        notice = w.text(3, 1, f"{report.stale_note} What changed: " + " ".join(report.stale_reasons), font=s.notice)
        notice.fill = s.notice_fill
        notice.alignment = Alignment(wrap_text=True, vertical="top")
        w.ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=len(ROADMAP_HEADERS) - 1)
        w.ws.row_dimensions[3].height = min(409, 14 * (len(notice.value) // 190 + 1) + 4)
    w.header_row(HEADER_ROW, ROADMAP_HEADERS, height=40)  # room for the months, written upwards
    months = min(report.months, MAX_GANTT_MONTHS)
    first_month_col = len(ROADMAP_HEADERS) + 1
    _gantt_header(w, report, months, first_month_col)
    row = HEADER_ROW
    cache = StyleCache()
    for item in report.initiatives:
        row += 1
        _initiative_row(w, report, row, item)
        _month_cells(w, row, first_month_col, months, item, cache)
        longest = max(len(item.description) / 82, len(item.title) / 52, len(item.depends_on), 1)
        w.ws.row_dimensions[row].height = min(409, 13 * (int(longest) + 1) + 4)
    if row == HEADER_ROW:
        w.text(row + 1, 1, "The roadmap has no initiatives yet.", font=s.muted)
    _horizon_rules(w, report, months, first_month_col, max(row, HEADER_ROW + 1))
    w.ws.freeze_panes = f"C{HEADER_ROW + 1}"
    last_col = get_column_letter(len(ROADMAP_HEADERS))
    w.ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{max(row, HEADER_ROW + 1)}"
    w.print_setup(report.client, title_rows=f"{HEADER_ROW - 1}:{HEADER_ROW}", internal=report.include_internal)


def _plan_sentence(report: ReportData) -> str:
    count = len(report.scheduled)
    if not count:
        return "No initiative is scheduled."
    when = f"over {report.months} months ({report.plan_span_label})" if report.dated else f"over {report.months} months"
    text = (
        f"{count} initiative{'s' if count != 1 else ''} {when}, at most {report.capacity} at a time and "
        f"{report.owner_capacity} per owner. Horizons: "
        + "; ".join(f"{h.name} {h.span_label}" for h in report.horizons)
        + "."
    )
    if report.unscheduled:
        text += f" {len(report.unscheduled)} deferred or dropped, not scheduled."
    return text


def _month_cell(w: SheetWriter, report: ReportData, row: int, col: int, month: int, **style: Any) -> Any:
    """Write plan month ``month`` as a date cell ("Mar 2027"), or a number reading "Month 7" undated."""
    found = month_date(report.start_date, month)
    if found is not None:
        return w.date(row, col, found, **style)
    return w.number(row, col, month + 1, fmt=UNDATED_FORMAT, **style)


def _initiative_row(w: SheetWriter, report: ReportData, row: int, item: InitiativeRow) -> None:
    s = w.styles
    phase_fill = s.fill(level_tint(item.phase, 0.22))
    w.number(row, 1, int(item.ref), font=s.bold).fill = phase_fill
    w.text(row, 2, item.title, font=s.bold, align=s.wrap, what=f"the title of initiative {item.ref}")
    w.text(row, 3, item.horizon_name or "Not scheduled")
    _month_cell(w, report, row, 4, item.start_month)
    _month_cell(w, report, row, 5, max(item.start_month, item.end_month - 1))
    w.text(row, 6, item.phase_name).fill = phase_fill
    w.text(row, 7, item.capability_name, align=s.wrap)
    w.text(row, 8, item.owner, align=s.wrap)
    w.text(row, 9, item.effort, align=s.centre)
    w.number(row, 10, item.duration)
    status = item.status_label + (f" ({item.done_date})" if item.status == "done" and item.done_date else "")
    w.text(row, 11, status)
    w.text(row, 12, "Yes" if item.pinned else "", align=s.centre)
    depends = "\n".join(
        f"{ref}  {title}" for ref, title in zip(item.depends_on_refs, item.depends_on_titles, strict=True)
    )
    w.text(row, 13, depends, align=s.wrap, what=f"the dependencies of initiative {item.ref}")
    w.text(row, 14, item.description, align=s.wrap, what=f"the description of initiative {item.ref}")


#: A month of a bar: white rules between months and rows, so bars read as months and never run together.
_BAR_SIDE = Side(style="thin", color="FFFFFF")
#: An empty month: a hairline at its left, so the months read across the band in print too.
_MONTH_SIDE = Side(style="hair", color=excel_rgb(GRID))


_BAR = Border(left=_BAR_SIDE, right=_BAR_SIDE, top=_BAR_SIDE, bottom=_BAR_SIDE)
_EMPTY = Border(left=_MONTH_SIDE, bottom=_MONTH_SIDE)


def _month_cells(w: SheetWriter, row: int, first: int, months: int, item: InitiativeRow, cache: StyleCache) -> None:
    """Fill the months an initiative runs in its maturity colour; rule every month cell of its row."""
    running = range(item.start_month, min(item.end_month, months)) if item.scheduled else range(0)
    colour = level_colour(item.phase)

    def bar(cell: Any) -> None:
        cell.fill = w.styles.fill(colour)
        cell.border = _BAR

    def empty(cell: Any) -> None:
        cell.border = _EMPTY

    for month in range(months):
        cell = w.ws.cell(row=row, column=first + month)
        if month in running:
            cache.apply(cell, ("bar", colour), bar)
        else:
            cache.apply(cell, "empty", empty)


def _gantt_header(w: SheetWriter, report: ReportData, months: int, first: int) -> None:
    """Write the month columns' headings and, above them, the horizons over their months."""
    s = w.styles
    rotated = Alignment(text_rotation=90, horizontal="center", vertical="bottom")
    for month in range(months):
        col = first + month
        fmt: dict[str, Any] = {"fmt": "mmm yy"} if report.dated else {}
        cell = _month_cell(w, report, HEADER_ROW, col, month, font=s.header, **fmt)
        if not report.dated:
            cell.number_format = "0"
        cell.fill = s.header_fill
        cell.alignment = rotated
        w.ws.column_dimensions[get_column_letter(col)].width = 3.6
    for n, horizon in enumerate(report.horizons):
        start, end = horizon.start_month, min(horizon.end_month, months)
        if start >= end:
            continue
        cell = w.text(HEADER_ROW - 1, first + start, horizon.name, font=s.bold)
        cell.fill = s.fill(tint(HORIZON_COLOURS[n % len(HORIZON_COLOURS)], 0.2))
        cell.alignment = Alignment(horizontal="left", vertical="center")
        if end - start > 1:
            w.ws.merge_cells(
                start_row=HEADER_ROW - 1, start_column=first + start, end_row=HEADER_ROW - 1, end_column=first + end - 1
            )


def _horizon_rules(w: SheetWriter, report: ReportData, months: int, first: int, last_row: int) -> None:
    """Rule the left edge of each horizon's first month from the band down to the last row."""
    side = Side(style="medium", color=excel_rgb(ACCENT))
    for horizon in report.horizons[1:]:
        if not 0 < horizon.start_month < months:
            continue
        col = first + horizon.start_month
        for row in range(HEADER_ROW - 1, last_row + 1):
            cell = w.ws.cell(row=row, column=col)
            old = cell.border
            cell.border = Border(left=side, right=old.right, top=old.top, bottom=old.bottom)
