"""The Excel workbook for the client: Summary, Assessment, Roadmap, Gantt, KPIs and Method sheets.

After them, the hidden "Chart data" sheet holds the values the Summary's radar chart reads.

Built entirely in memory from a :class:`~planner.report.data.ReportData` by :func:`xlsx_exporter`
and then written by :func:`exports.base.export_to_file`, so a failure (disk full, file open in
Excel, folder missing) leaves any previous export intact and raises one
:class:`~exports.errors.ExportError`.
Every piece of text is a safe string cell (see :mod:`exports.xlsx.cells`); texts cut at Excel's
cell limit are reported in the returned warnings. openpyxl is imported only when a workbook is
built. A draft or internal workbook says so at the top of every sheet and in its print header
(:mod:`exports.xlsx.marking`).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

from exports.base import BytesExporter, export_to_file
from exports.text import one_line
from planner import __version__
from planner.report.data import ReportData

__all__ = ["SHEETS", "xlsx_exporter", "workbook_bytes", "write_xlsx"]

SHEETS = ("Summary", "Assessment", "Roadmap", "Gantt", "KPIs", "Method")


def xlsx_exporter() -> BytesExporter:
    """Return the Excel workbook format: one progress step per sheet."""
    return BytesExporter("xlsx", "Excel workbook", "workbook", ".xlsx", len(SHEETS), "Excel: {} sheet", workbook_bytes)


def workbook_bytes(report: ReportData, progress: Callable[[str], None] | None = None) -> tuple[bytes, list[str]]:
    """Build the workbook; return its bytes and warnings about text cut at the cell limit."""
    from openpyxl import Workbook

    from exports.xlsx.cells import SheetWriter, Styles
    from exports.xlsx.gantt import write_gantt
    from exports.xlsx.kpis import CHART_DATA_SHEET, write_kpis
    from exports.xlsx.marking import mark_workbook
    from exports.xlsx.method import write_method
    from exports.xlsx.progress import PROGRESS_SHEET, write_progress
    from exports.xlsx.roadmap import write_roadmap
    from exports.xlsx.sheets import write_assessment, write_summary
    from planner.report.marks import deliverable_marks

    wb = Workbook()
    styles = Styles()
    warnings: list[str] = []
    builders = (write_summary, write_assessment, write_roadmap, write_gantt, write_kpis, write_method)
    sheets = [wb.active, *(wb.create_sheet() for _ in SHEETS[1:])]
    wb.create_sheet(CHART_DATA_SHEET)  # filled, and hidden, with the Summary's charts
    for ws, name, builder in zip(sheets, SHEETS, builders, strict=True):
        if progress is not None:
            progress(name)
        ws.title = name
        builder(SheetWriter(ws, styles, warnings), report)
    if report.progress is not None:  # Progress follows Summary, only with an earlier round
        write_progress(SheetWriter(wb.create_sheet(PROGRESS_SHEET, 1), styles, warnings), report)
    mark_workbook(wb, deliverable_marks(report))
    _properties(wb, report)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue(), warnings


def _properties(wb: object, report: ReportData) -> None:
    props = wb.properties  # type: ignore[attr-defined]
    client = one_line(report.client)[:200]
    props.title = one_line(f"{report.title or 'FinOps maturity assessment'} - {client}")[:250]
    props.subject = "FinOps maturity assessment and roadmap"
    props.creator = one_line(report.consultant or report.firm)[:200] or "FinOps Roadmap Planner"
    props.lastModifiedBy = props.creator
    props.keywords = "FinOps; maturity; roadmap"
    props.description = f"Made with FinOps Roadmap Planner {__version__}; capability model {report.model_name}."
    props.category = "Assessment"
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    props.created = props.modified = now


def write_xlsx(report: ReportData, path: Path) -> list[str]:
    """Build the workbook and write it atomically to ``path``; return the warnings.

    Raises:
        ExportError: the file could not be written (nothing on disk changed).
    """
    return list(export_to_file(xlsx_exporter(), report, path))
