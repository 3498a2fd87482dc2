"""The Roadmap and Method sheets of the workbook.

Roadmap: one row per initiative, phase by phase (reference, phase, capability, title, description,
owner, effort, start month, end month, status, depends on: each dependency as its reference and
title), then a month-by-month Gantt band: one narrow
column per month, filled with the phase colour in the months the initiative runs. Months are
counted from 1 and the end month is inclusive, as in the PDF.

Method: how the numbers were made: the formula, the lenses with their question and the meaning
of every score, the level bands, the lens weights of this engagement and the CC BY 4.0
attribution of the framework the model adapts.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from exports.xlsx.cells import SheetWriter
from planner.charts.palette import level_colour, level_tint
from planner.report.data import ReportData

__all__ = ["ROADMAP_HEADERS", "write_method", "write_roadmap"]

ROADMAP_HEADERS = [
    "Ref",
    "Phase",
    "Capability",
    "Initiative",
    "Description",
    "Owner",
    "Effort",
    "Start month",
    "End month",
    "Status",
    "Depends on",
]
_MAX_GANTT_MONTHS = 120


def write_roadmap(w: SheetWriter, report: ReportData) -> None:
    """Fill the Roadmap sheet."""
    s = w.styles
    months = min(report.months, _MAX_GANTT_MONTHS)
    first_month_col = len(ROADMAP_HEADERS) + 1
    w.header_row(1, ROADMAP_HEADERS, height=32)
    w.widths([6, 10, 24, 40, 60, 20, 8, 8, 8, 11, 44])
    for month in range(months):
        col = first_month_col + month
        cell = w.number(1, col, month + 1, font=s.header)
        cell.fill = s.header_fill
        w.ws.column_dimensions[get_column_letter(col)].width = 3.6
    row = 1
    for phase in report.phases:
        fill = s.fill(level_colour(phase.id))
        tint = s.fill(level_tint(phase.id, 0.22))
        for item in phase.initiatives:
            row += 1
            w.text(row, 1, item.ref, font=s.bold).fill = tint
            w.text(row, 2, phase.name, font=s.bold).fill = tint
            w.text(row, 3, item.capability_name, align=s.wrap)
            w.text(row, 4, item.title, align=s.wrap, what=f"the title of initiative {item.ref}")
            w.text(row, 5, item.description, align=s.wrap, what=f"the description of initiative {item.ref}")
            w.text(row, 6, item.owner, align=s.wrap)
            w.text(row, 7, item.effort, align=s.centre)
            w.number(row, 8, item.first_month)
            w.number(row, 9, item.last_month)
            w.text(row, 10, item.status_label)
            depends = "\n".join(
                f"{ref}  {title}" for ref, title in zip(item.depends_on_refs, item.depends_on_titles, strict=True)
            )
            w.text(row, 11, depends, align=s.wrap, what=f"the dependencies of initiative {item.ref}")
            for month in range(item.start_month, min(item.end_month, months)):
                w.ws.cell(row=row, column=first_month_col + month).fill = fill
            longest = max(len(item.description) / 75, len(item.title) / 48, len(item.depends_on), 1)
            w.ws.row_dimensions[row].height = min(409, 13 * (int(longest) + 1) + 4)
    if row == 1:
        w.text(2, 1, "The roadmap has no initiatives yet.", font=s.muted)
    w.ws.freeze_panes = "E2"
    last_col = get_column_letter(len(ROADMAP_HEADERS))
    w.ws.auto_filter.ref = f"A1:{last_col}{max(row, 2)}"
    w.print_setup(report.client, title_rows="1:1", internal=report.include_internal)


def write_method(w: SheetWriter, report: ReportData) -> None:
    """Fill the Method sheet."""
    s = w.styles
    w.widths([18, 40, 30, 30, 30, 30, 30, 10])
    w.text(1, 1, "Method", font=s.title)
    row = 3
    w.text(row, 1, "How a score is calculated", font=s.section)
    lines = [
        "Each capability is scored on five lenses, each from 0 to 4. A lens left unscored is left out; 0 is a real score.",
        "Score % = 100 x sum(weight x lens score) / sum(weight x 4), over the scored lenses.",
        "The current level is the highest level whose threshold is at or below the score (no rounding first).",
        "A domain's score is the mean of its scored, applicable capabilities; the overall score is the mean of the domain scores.",
        "Gap = target level - current level, in levels (0 when at or above target). Not-applicable capabilities take part in nothing.",
    ]
    for line in lines:
        row += 1
        w.text(row, 1, line)
    row += 2
    w.text(row, 1, "Levels", font=s.section)
    row += 1
    w.header_row(row, ["Level", "From score %", "Description"], height=20)
    for level in report.levels:
        row += 1
        w.text(row, 1, level.name, font=s.bold).fill = s.fill(level_tint(level.id, 0.3))
        w.number(row, 2, level.min_score, fmt="General")  # 37.5 stays 37.5, not a rounded 38
        w.text(row, 3, level.description, align=s.wrap)
        w.ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=7)
        w.ws.row_dimensions[row].height = 28
    if report.bands_note:
        row += 1
        w.text(row, 1, report.bands_note, font=s.muted, align=s.wrap)
        w.ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
        w.ws.row_dimensions[row].height = min(409, 13 * (len(report.bands_note) // 150 + 1) + 4)
    row += 2
    w.text(row, 1, "Lenses", font=s.section)
    row += 1
    w.header_row(row, ["Lens", "Question", "0", "1", "2", "3", "4", "Weight"], height=20)
    for lens in report.lenses:
        row += 1
        w.text(row, 1, lens.name, font=s.bold)
        w.text(row, 2, lens.question, align=s.wrap)
        for i, anchor in enumerate(lens.anchors[:5]):
            w.text(row, 3 + i, anchor, align=s.wrap)
        w.number(row, 8, lens.weight, fmt="0.##")
        w.ws.row_dimensions[row].height = 92
    row += 2
    w.text(row, 1, "Attribution", font=s.section)
    att = report.attribution
    details = [
        ("Credit", att.text),
        ("Framework", f"{att.source} ({att.source_url})" if att.source_url else att.source),
        ("Author", f"{att.author} ({att.author_url})" if att.author_url else att.author),
        ("Licence", f"{att.licence} ({att.licence_url})" if att.licence_url else att.licence),
        ("Capability model", f"{report.model_name} ({report.model_id})"),
    ]
    for label, value in details:
        if not value:
            continue
        row += 1
        w.text(row, 1, label, font=s.bold)
        w.text(row, 2, value, align=s.wrap)
        w.ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=7)
        if len(value) > 150:
            w.ws.row_dimensions[row].height = 13 * (len(value) // 150 + 1) + 4
    w.print_setup(report.client, internal=report.include_internal)
