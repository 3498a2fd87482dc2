"""The KPIs sheet of the workbook, and the hidden sheet the Summary's radar chart reads.

KPIs: one row per KPI of each capability below its target or on the roadmap (the report's
:attr:`~planner.report.data.ReportData.kpis`), in model order: domain, capability, current level,
target level, KPI, the target at the target level, the target at the current level, and how it
is measured (the model's words, whole). Header frozen and filtered, so a client can sort by
capability or paste it into their KPI tracker.

Chart data: the values behind the Summary's radar chart (capability, current score, the score
its target needs). They live on a sheet of their own, hidden, so they are never printed as a
page of bare numbers; Excel and LibreOffice still draw the chart from a hidden sheet, and a
client who wants the numbers unhides it.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from exports.xlsx.cells import SheetWriter
from planner.report.data import ReportData

__all__ = ["CHART_DATA_SHEET", "KPI_HEADERS", "write_chart_data", "write_kpis"]

KPI_HEADERS = [
    "Domain",
    "Capability",
    "Current level",
    "Target level",
    "KPI",
    "Target at the target level",
    "Target at the current level",
    "How it is measured",
]
_WIDTHS: list[float] = [20, 24, 11, 11, 26, 30, 30, 80]
#: The name of the hidden sheet of the radar chart's values.
CHART_DATA_SHEET = "Chart data"


def write_kpis(w: SheetWriter, report: ReportData) -> None:
    """Fill the KPIs sheet."""
    s = w.styles
    w.widths(_WIDTHS)
    w.text(1, 1, "KPIs to track", font=s.title)
    w.ws.row_dimensions[1].height = 26
    intro = (
        "The indicators of each capability below its target or on the roadmap, with the model's target for the "
        "capability's target level and for its current level."
    )
    w.text(2, 1, intro, font=s.body)
    header = 4
    w.header_row(header, KPI_HEADERS, height=30)
    row = header
    for kpi in report.kpis:
        row += 1
        w.text(row, 1, kpi.domain_name, align=s.wrap)
        w.text(row, 2, kpi.capability_name, font=s.bold, align=s.wrap)
        w.text(row, 3, kpi.current_level_name or "Not scored")
        w.text(row, 4, kpi.target_level_name)
        w.text(row, 5, kpi.name, font=s.bold, align=s.wrap)
        w.text(row, 6, kpi.target, align=s.wrap)
        w.text(row, 7, kpi.current_target, align=s.wrap)
        w.text(row, 8, kpi.measure, align=s.wrap, what=f"the measure of KPI {kpi.name}")
        lines = max(len(kpi.measure) / 95, len(kpi.target) / 34, len(kpi.current_target) / 34, 1)
        w.ws.row_dimensions[row].height = min(409, 13 * (int(lines) + 1) + 4)
    if row == header:
        w.text(row + 1, 1, "No capability is below its target or on the roadmap.", font=s.muted)
    w.ws.freeze_panes = f"A{header + 1}"
    w.ws.auto_filter.ref = f"A{header}:{get_column_letter(len(KPI_HEADERS))}{max(row, header + 1)}"
    w.print_setup(report.client, title_rows=f"{header}:{header}", internal=report.include_internal)


def write_chart_data(w: SheetWriter, report: ReportData) -> int:
    """Fill the hidden chart data sheet; return the last row of values (1: none)."""
    s = w.styles
    w.widths([34, 16, 22])
    for col, title in enumerate(["Capability", "Current score %", "Target (score needed) %"], start=1):
        cell = w.text(1, col, title, font=s.header, align=s.header_align)
        cell.fill = s.header_fill
    row = 1
    needed = {level.id: level.min_score for level in report.levels}
    for cap in report.capabilities:
        if not cap.applicable:
            continue
        row += 1
        w.text(row, 1, cap.name if cap.score is not None else f"{cap.name} (not scored)")
        w.number(row, 2, cap.score, fmt="0.0")  # empty when not scored: a gap in the radar, never 0
        w.number(row, 3, needed.get(cap.target or ""), fmt="0")
    w.ws.sheet_state = "hidden"
    w.print_setup(report.client, internal=report.include_internal)  # should a client unhide and print it
    return row
