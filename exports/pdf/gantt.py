"""The roadmap's Gantt chart as a native table on landscape pages, one column per month.

Columns: the initiative's reference and title, its capability, then one narrow column per month
of the plan. Two header rows name the months as the calendar does: the years over their months,
then the month names ("Jan", "Feb"...; "Month" numbers for a plan without a start month); the
header repeats on every page, so a long plan splits by rows over as many landscape pages as it
needs. Each horizon (Now, Next, Later) is a band: a heading row with its name, its months and its
count, its rows lightly tinted and its own months a little stronger; a dashed rule marks where each
horizon begins. A bar fills the months an initiative runs, in the colour of the maturity level it
works towards (outlined: committed; pale: done); a white rule under every row keeps bars apart.

Decisions: a table rather than a chart image, so titles wrap instead of being cut and no text is
smaller than 7 points however long the plan (a title of more than :data:`LABEL_MAX` characters
ends in an ellipsis here: the initiative tables print it whole); month names are written for every month while a
month column is wide enough for one, and for every second, third, sixth or twelfth month
otherwise (the header cell then spans those months). The chart stops at :data:`MAX_MONTHS`.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from exports.pdf.context import Ctx
from exports.pdf.fonts import BODY_BOLD, BODY_FONT
from exports.pdf.layout import LANDSCAPE_BODY_HEIGHT, Para, ReportTable, colour
from exports.text import one_line
from planner.charts.palette import ACCENT, GRID, HORIZON_COLOURS, INK, MUTED, level_colour, level_tint, tint
from planner.model.calendar import MONTH_NAMES, plan_month
from planner.report.data import HorizonRow, ReportData

__all__ = ["MAX_MONTHS", "gantt_legend", "gantt_table", "month_headers"]

#: The most months the chart shows (ten years); a longer plan is said to run on.
MAX_MONTHS = 120
#: The most characters of a title or capability in the chart (a row stays a few lines high).
LABEL_MAX = 140
#: The text size of the chart (never smaller: a projector and a printout both read it).
FONT_SIZE = 7.4
#: Widths of the reference, title and capability columns, in points.
_REF, _TITLE, _CAPABILITY = 18.0, 228.0, 100.0


def _style(ctx: Ctx, **extra: Any) -> ParagraphStyle:
    return ParagraphStyle(
        "gantt", parent=ctx.styles.cell, fontSize=FONT_SIZE, leading=FONT_SIZE + 1.7, spaceAfter=0, **extra
    )


def month_headers(
    report: ReportData, months: int, width: float
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """Return the header's (first month, last month, label) cells: the years, then the month names.

    A month name is written over every month while a month column is wide enough for any name,
    else over every 2nd, 3rd, 6th or 12th month (the cell spans them).
    """
    widest = max(stringWidth(name, BODY_FONT, FONT_SIZE) for name in MONTH_NAMES) + 2
    step = next((k for k in (1, 2, 3, 6, 12) if k * width >= widest), 12)
    years: list[tuple[int, int, str]] = []
    names: list[tuple[int, int, str]] = []
    if not report.dated:
        for first in range(0, months, step):
            names.append((first, min(first + step, months) - 1, str(first + 1)))
        return [(0, months - 1, "Month")], names
    for month in range(months):
        found = plan_month(report.start_date, month)
        if found is None:  # not reached: the report is dated
            continue
        year, number = found
        if month == 0 or number == 1:
            years.append((month, min(months, month + 13 - number) - 1, str(year)))
        if month == 0 or (number - 1) % step == 0:
            if names and month < names[-1][1] + 1:
                continue
            last = min(months, month + step - (number - 1) % step) - 1
            names.append((month, last, MONTH_NAMES[number - 1]))
    return years, names


def gantt_table(ctx: Ctx, width: float) -> Table:
    """Return the Gantt chart of the report's scheduled initiatives, ``width`` points wide."""
    r = ctx.report
    months = max(1, min(r.months, MAX_MONTHS))
    month_width = (width - _REF - _TITLE - _CAPABILITY) / months
    first = 3  # the first month's column
    head = _style(ctx, fontName=BODY_BOLD, textColor=colors.white)
    cell, muted = _style(ctx), _style(ctx, textColor=colour(MUTED))
    years, names = month_headers(r, months, month_width)
    rows: list[list[Any]] = [["", "", ""] + [""] * months, ["#", Para("Initiative", head), Para("Capability", head)]]
    rows[1] += [""] * months
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), BODY_FONT),
        ("FONTSIZE", (0, 0), (-1, -1), FONT_SIZE),
        ("LEADING", (0, 0), (-1, -1), FONT_SIZE + 1.7),
        ("TEXTCOLOR", (0, 0), (-1, -1), colour(INK)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (first, 0), (-1, -1), 0),
        ("RIGHTPADDING", (first, 0), (-1, -1), 0),
        ("BACKGROUND", (0, 0), (-1, 1), colour(ACCENT)),
        ("TEXTCOLOR", (0, 0), (-1, 1), colors.white),
        ("FONTNAME", (0, 0), (first - 1, 1), BODY_BOLD),
        ("FONTNAME", (first, 0), (-1, 0), BODY_BOLD),
        ("ALIGN", (first, 0), (-1, 1), "CENTER"),
        ("SPAN", (0, 0), (2, 0)),
    ]
    for row, cells in ((0, years), (1, names)):
        for start, end, label in cells:
            fits = (
                stringWidth(label, BODY_BOLD if row == 0 else BODY_FONT, FONT_SIZE) + 1
                <= (end - start + 1) * month_width
            )
            rows[row][first + start] = label if fits else ""
            if end > start:
                commands.append(("SPAN", (first + start, row), (first + end, row)))
            if start:
                commands.append(("LINEBEFORE", (first + start, row), (first + start, row), 0.5, colour(GRID)))
    position = {h.id: n for n, h in enumerate(r.horizons)}
    for horizon in r.horizons:
        if horizon.initiatives:
            _band(
                ctx,
                rows,
                commands,
                horizon,
                HORIZON_COLOURS[position[horizon.id] % len(HORIZON_COLOURS)],
                months,
                cell,
                muted,
            )
    last = len(rows) - 1
    commands += [
        ("LINEBELOW", (first, 2), (-1, -1), 1.6, colors.white),
        ("LINEBELOW", (0, 2), (first - 1, -1), 0.4, colour(GRID)),
        ("LINEBEFORE", (first, 0), (first, -1), 0.6, colour(ACCENT)),
    ]
    for month in range(1, months):
        found = plan_month(r.start_date, month)
        january = found is not None and found[1] == 1
        commands.append(
            (
                "LINEBEFORE",
                (first + month, 2),
                (first + month, last),
                0.6 if january else 0.25,
                colour(MUTED if january else GRID),
            )
        )
    for horizon in r.horizons[1:]:
        if 0 < horizon.start_month < months:
            col = first + horizon.start_month
            commands.append(("LINEBEFORE", (col, 1), (col, last), 1.0, colour(ACCENT), None, (3, 2)))
    table = ReportTable(
        rows,
        colWidths=[_REF, _TITLE, _CAPABILITY] + [month_width] * months,
        repeatRows=2,
        hAlign="LEFT",
    )
    table.page_height = LANDSCAPE_BODY_HEIGHT
    table.setStyle(TableStyle(commands))
    return table


def _band(
    ctx: Ctx,
    rows: list[list[Any]],
    commands: list[tuple[Any, ...]],
    horizon: HorizonRow,
    band_colour: str,
    months: int,
    cell: ParagraphStyle,
    muted: ParagraphStyle,
) -> None:
    """Add a horizon's heading row and a row per initiative, with their tints and bars."""
    first = 3
    count = len(horizon.initiatives)
    heading = f"{horizon.name} \u00b7 {horizon.span_label} \u00b7 {count} initiative{'s' if count != 1 else ''}"
    top = len(rows)
    bold = ParagraphStyle("band", parent=cell, fontName=BODY_BOLD, textColor=colour(ACCENT))
    rows.append([ctx.text(heading, bold), "", ""] + [""] * months)
    commands += [
        ("SPAN", (0, top), (2, top)),
        ("BACKGROUND", (0, top), (-1, top), colour(tint(band_colour, 0.22))),
        ("NOSPLIT", (0, top), (-1, top + 1)),
    ]
    start, end = max(0, horizon.start_month), min(months, max(horizon.end_month, horizon.start_month + 1))
    if horizon.open_ended:
        end = months
    for item in horizon.initiatives:
        row = len(rows)
        title = ctx.text(_label(item.title), cell)
        rows.append([item.ref, title, ctx.text(_label(item.capability_name), muted)] + [""] * months)
        commands.append(("BACKGROUND", (0, row), (-1, row), colour(tint(band_colour, 0.07))))
        if end > start:
            commands.append(
                ("BACKGROUND", (first + start, row), (first + end - 1, row), colour(tint(band_colour, 0.2)))
            )
        bar_end = min(item.end_month, months)
        if bar_end <= item.start_month:
            continue
        fill = level_tint(item.phase, 0.45) if item.status == "done" else level_colour(item.phase)
        span = (first + item.start_month, row), (first + bar_end - 1, row)
        commands.append(("BACKGROUND", *span, colour(fill)))
        if item.locked:
            commands.append(("BOX", *span, 1.1, colour(ACCENT)))
    if end > start:
        commands.append(("BACKGROUND", (first + start, top), (first + end - 1, top), colour(tint(band_colour, 0.55))))


def _label(text: str) -> str:
    """Return a title as one line of at most :data:`LABEL_MAX` characters (the tables print it whole)."""
    flat = one_line(text)
    return flat if len(flat) <= LABEL_MAX else flat[: LABEL_MAX - 1].rstrip() + "\u2026"


def gantt_legend(ctx: Ctx) -> Flowable:
    """Return the chart's legend: the maturity colours, and what an outline, a pale bar and a dashed rule mean."""
    r = ctx.report
    style = _style(ctx, textColor=colour(MUTED))
    cells: list[Any] = [Para("Maturity:", style)]
    widths = [44.0]
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    for phase in r.phases:
        if not phase.initiatives:
            continue
        commands.append(("BACKGROUND", (len(cells), 0), (len(cells), 0), colour(level_colour(phase.id))))
        cells += ["", ctx.text(phase.name, style)]
        widths += [14.0, 8 + 5.0 * len(phase.name)]
    note = (
        "Bars: the months an initiative runs, outlined when committed (locked), pale when done. "
        "Dashed rules: where a horizon begins."
    )
    cells.append(Para(note, style))
    widths.append(420.0)
    table = Table([cells], colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table
