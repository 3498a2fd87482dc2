"""The workbook's Progress sheet, after Summary, for a project with an earlier round.

Real numbers a finance team can sort and chart: each domain's and capability's score then and
now (percent, one decimal shown), the change in points, levels then and now, the target, the
movement and how many roadmap items were done since; then the initiatives done (with real date
cells) and whether their capability's score moved; then how far the plan has got. A project
without an earlier round has no Progress sheet (its workbook is unchanged).
"""

from __future__ import annotations

import datetime as dt

from exports.xlsx.cells import SheetWriter
from planner.report.data import ReportData
from planner.report.progress import DeltaRow

__all__ = ["PROGRESS_SHEET", "write_progress"]

PROGRESS_SHEET = "Progress"
_SCORE = "0.0"
_POINTS = "+0.0;-0.0;0.0"
_HEADERS = [
    "Domain", "Capability", "Then (score %)", "Now (score %)", "Change (points)", "Level then", "Level now",
    "Target", "Movement", "Items done since",
]  # fmt: skip


def _delta_row(w: SheetWriter, row: int, domain: str, name: str, d: DeltaRow, *, bold: bool = False) -> None:
    s = w.styles
    font = s.bold if bold else None
    w.text(row, 1, domain, font=font)
    w.text(row, 2, name, font=font)
    w.number(row, 3, d.before, fmt=_SCORE, font=font)
    w.number(row, 4, d.after, fmt=_SCORE, font=font)
    w.number(row, 5, d.delta, fmt=_POINTS, font=font)
    w.text(row, 6, d.level_before)
    w.text(row, 7, d.level_after)
    w.text(row, 8, d.target)
    w.text(row, 9, d.movement_text)
    w.number(row, 10, d.done if name and domain else None)


def write_progress(w: SheetWriter, report: ReportData) -> None:
    """Fill the Progress sheet (the caller adds it only when ``report.progress`` is set)."""
    p = report.progress
    if p is None:
        return
    s = w.styles
    w.widths([28, 34, 12, 12, 12, 12, 12, 10, 12, 12])
    w.text(1, 1, p.title, font=s.title)
    w.ws.row_dimensions[1].height = 28
    w.text(2, 1, f"{p.before_label} ({p.before_date or 'undated'}) compared with the assessment of {p.after_date}.")
    w.text(3, 1, p.headline)
    row = 5
    w.header_row(row, _HEADERS, height=32)
    header_row = row
    row += 1
    _delta_row(w, row, "Overall", "", p.overall, bold=True)
    for d in p.domains:
        row += 1
        _delta_row(w, row, d.name, "", d, bold=True)
    for c in p.capabilities:
        row += 1
        _delta_row(w, row, c.domain_name, c.name, c)
    w.ws.freeze_panes = w.ws.cell(row=header_row + 1, column=3)
    w.ws.auto_filter.ref = f"A{header_row}:J{row}"
    row += 2
    w.text(row, 1, "What was done", font=s.section)
    row += 1
    w.header_row(row, ["Done on", "Initiative", "Capability", "Maturity", "Score moved"], height=20)
    for item in p.done:
        row += 1
        w.date(row, 1, dt.date.fromisoformat(item.done_date) if item.done_date else None, fmt="d mmm yyyy")
        w.text(row, 2, item.title, align=s.wrap)
        w.text(row, 3, item.capability)
        w.text(row, 4, item.maturity)
        w.text(row, 5, "Yes" if item.capability_moved else "Not yet")
    if not p.done:
        row += 1
        w.text(row, 1, f"No roadmap item was marked done since {p.before_label}.")
    for title, names in (
        ("Moved without planned work", p.moved_without_work),
        ("Work done, not yet in the scores", p.work_without_move),
    ):
        if names:
            row += 2
            w.text(row, 1, title, font=s.bold)
            w.text(row, 2, ", ".join(names))
    if p.rollup:
        row += 2
        w.text(row, 1, "Progress on the roadmap", font=s.section)
        for line in p.rollup:
            row += 1
            w.text(row, 1, line)
    for line in p.unmapped:
        row += 1
        w.text(row, 1, line)
    w.print_setup(report.client, title_rows=f"{header_row}:{header_row}", internal=report.include_internal)
