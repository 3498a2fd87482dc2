"""The Summary and Assessment sheets of the workbook.

Summary: the engagement, the overall and domain scores and levels, the executive summary, the
roadmap in brief (its months and horizons, a notice when it predates the latest scores, the first
horizon's initiatives with owners and months: "The first 90 days", and the points to note about
the plan), a native bar chart of the domains and a native radar chart of current score against
the target's threshold per capability, right of the text. The radar reads a small, labelled
table on the hidden "Chart data" sheet (:mod:`exports.xlsx.kpis`), so a client can restyle or
re-use the charts in Excel, and the Summary prints without a page of bare numbers. A capability
not scored has an empty cell there, named "(not scored)", and the chart leaves a gap for it
rather than a point at 0.

Assessment: one row per capability with every lens score, the score in percent (the exact value,
shown with one decimal), current level, target, gap, importance and the client-facing notes
(internal notes and evidence only when asked for). A not-applicable capability keeps its row with
"Not applicable" as its level and empty numbers.
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl.chart import BarChart, RadarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.drawing.line import LineProperties
from openpyxl.utils import get_column_letter

from exports.xlsx.cells import SheetWriter
from exports.xlsx.kpis import CHART_DATA_SHEET, write_chart_data
from planner.charts.palette import CURRENT, TARGET, excel_rgb, level_tint
from planner.report.data import ReportData
from planner.report.formatting import level_text

__all__ = ["write_assessment", "write_summary"]

SCORE_FORMAT = "0.0"


def _threshold(report: ReportData, level_id: str | None) -> float | None:
    for level in report.levels:
        if level.id == level_id:
            return level.min_score
    return None


def write_summary(w: SheetWriter, report: ReportData) -> None:
    """Fill the Summary sheet."""
    s = w.styles
    w.widths([26, 14, 16, 24, 12, 12, 3])
    w.text(1, 1, report.title or "FinOps maturity assessment", font=s.title)
    w.text(2, 1, report.client or "(no client name)", font=s.subtitle)
    w.ws.row_dimensions[1].height = 28
    w.ws.row_dimensions[2].height = 20
    facts = [
        ("Client", report.client),
        ("Engagement", report.title),
        ("Consultant", report.consultant),
        ("Firm", report.firm),
        ("Assessment date", report.assessment_date),
        ("Scope", ", ".join(report.scopes)),
        ("Capability model", report.model_name),
        ("Generated on", report.generated_on),
    ]
    brand = report.brand
    if brand is not None:  # the firm's own name and contact (the engagement's firm when the profile has no name)
        facts[3] = ("Firm", brand.name or report.firm)
        facts.insert(4, ("Contact", brand.contact))
    row = 4
    for label, value in facts:
        w.text(row, 1, label, font=s.bold)
        w.text(row, 2, value)
        w.ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=6)
        row += 1
    if brand is not None and brand.disclaimer:
        _wrapped(w, row, brand.disclaimer, font=s.muted, what="the disclaimer")
        row += 1
    if brand is not None and brand.logo:
        add_logo(w.ws, brand.logo, "E1")
    row += 1
    w.text(row, 1, "Overall maturity", font=s.section)
    row += 1
    w.header_row(row, ["Area", "Score %", "Level", "Capabilities fully scored"], height=20)
    row += 1
    w.text(row, 1, "Overall", font=s.bold)
    w.number(row, 2, report.overall_score, fmt=SCORE_FORMAT, font=s.bold)
    w.text(row, 3, level_text(report.overall_level_name), font=s.bold).fill = s.fill(
        level_tint(report.overall_level, 0.3)
    )
    w.text(row, 4, report.coverage.text)
    domain_first = row + 1
    for domain in report.domains:
        row += 1
        w.text(row, 1, domain.name)
        w.number(row, 2, domain.score, fmt=SCORE_FORMAT)
        w.text(row, 3, level_text(domain.level_name)).fill = s.fill(level_tint(domain.level, 0.3))
        w.text(row, 4, domain.coverage.text)
    domain_last = row
    row += 2
    w.text(row, 1, "Executive summary", font=s.section)
    row += 1
    summary = report.summary.strip() or "No executive summary was written for this assessment."
    w.text(row, 1, summary, align=s.wrap, what="the executive summary")
    w.ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
    lines = sum(max(1, len(part) // 105 + 1) for part in summary.splitlines() or [""])
    w.ws.row_dimensions[row].height = min(409, 13.5 * lines + 6)
    row = _roadmap_in_brief(w, report, row + 2)
    _chart_data_and_charts(w, report, domain_first, domain_last)
    w.print_setup(report.client, internal=report.include_internal)


def add_logo(ws: Any, logo: bytes, anchor: str, height: int = 48) -> None:
    """Place the firm's logo (PNG/JPEG bytes) at ``anchor``, ``height`` pixels high, proportions kept."""
    from openpyxl.drawing.image import Image

    image = Image(io.BytesIO(logo))
    image.width, image.height = round(image.width * height / image.height), height
    ws.add_image(image, anchor)


def _wrapped(w: SheetWriter, row: int, text: str, *, font: Any = None, last_col: int = 6, what: str = "") -> Any:
    """Write ``text`` across columns A to ``last_col``, wrapped, its row grown to show it."""
    cell = w.text(row, 1, text, font=font, align=w.styles.wrap, what=what)
    w.ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
    w.ws.row_dimensions[row].height = 13.5 * (len(text) // 100 + 1) + 4
    return cell


def _roadmap_in_brief(w: SheetWriter, report: ReportData, row: int) -> int:
    """Write the roadmap in brief from ``row``; return the last row written."""
    s = w.styles
    w.text(row, 1, "Roadmap", font=s.section)
    count = len(report.scheduled)
    if not count:
        row += 1
        w.text(row, 1, "The roadmap has no initiatives yet.", font=s.muted)
    else:
        when = report.plan_span_label if report.dated else ""
        facts = [
            ("Initiatives", f"{count} over {report.months} months" + (f" ({when})" if when else "")),
            ("At a time", f"at most {report.capacity}, and {report.owner_capacity} per owner"),
            *((h.name, f"{h.span_label}: {len(h.initiatives)} starting") for h in report.horizons),
        ]
        if report.unscheduled:
            facts.append(("Not scheduled", f"{len(report.unscheduled)} deferred or dropped"))
        for label, value in facts:
            row += 1
            w.text(row, 1, label, font=s.bold)
            w.text(row, 2, value)
            w.ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=6)
    if report.stale:
        row += 1
        text = f"{report.stale_note} What changed: " + " ".join(report.stale_reasons)
        _wrapped(w, row, text, font=s.notice).fill = s.notice_fill
    first = report.opening
    if first is not None and count:
        row += 2
        w.text(row, 1, f"{report.opening_title}: {first.span_label}", font=s.section)
        row += 1
        if not first.initiatives:
            w.text(row, 1, f"Nothing is planned to start in the {first.name} horizon.", font=s.muted)
        else:
            w.header_row(row, ["Initiative", "", "", "Owner", "Months", ""], height=18)
            for col in (1, 5):
                w.ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + (2 if col == 1 else 1))
            for item in first.initiatives:
                row += 1
                w.text(row, 1, f"{item.ref}  {item.title}", align=s.wrap, what=f"the title of initiative {item.ref}")
                w.ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
                w.text(row, 4, item.owner, align=s.wrap)
                status = "" if item.status == "planned" else f" ({item.status_label.lower()})"
                w.text(row, 5, item.span_label + status, align=s.wrap)
                w.ws.merge_cells(start_row=row, start_column=5, end_row=row, end_column=6)
                w.ws.row_dimensions[row].height = 13.5 * (len(item.title) // 52 + 1) + 4
    if report.warnings:
        row += 2
        w.text(row, 1, "Points to note about this plan", font=s.section)
        for warning in report.warnings:
            row += 1
            _wrapped(w, row, warning, what="a roadmap warning")
    return row


def _chart_data_and_charts(w: SheetWriter, report: ReportData, domain_first: int, domain_last: int) -> None:
    """Draw the domain bars (from the domain rows above) and the radar (from the hidden chart data sheet)."""
    data = w.ws.parent[CHART_DATA_SHEET]
    last = write_chart_data(SheetWriter(data, w.styles, w.warnings), report)
    col, header = 1, 1

    bars = BarChart()
    bars.type = "bar"
    bars.style = 10
    bars.title = "Score by domain (%)"
    bars.y_axis.scaling.min = 0
    bars.y_axis.scaling.max = 100
    bars.y_axis.majorUnit = 25
    bars.x_axis.scaling.orientation = "maxMin"
    bars.legend = None
    bars.add_data(Reference(w.ws, min_col=2, min_row=domain_first, max_row=domain_last), titles_from_data=False)
    bars.set_categories(Reference(w.ws, min_col=1, min_row=domain_first, max_row=domain_last))
    series = bars.series[0]
    series.graphicalProperties = GraphicalProperties(solidFill=excel_rgb(CURRENT))
    series.dLbls = DataLabelList()
    series.dLbls.showVal = True
    series.dLbls.showSerName = False
    series.dLbls.showCatName = False
    series.dLbls.showLegendKey = False
    series.dLbls.numFmt = "0.0"
    bars.height, bars.width = 7.5, 16.0
    w.ws.add_chart(bars, "H4")

    if last > header:
        radar = RadarChart()
        radar.type = "marker"
        radar.style = 26
        radar.title = "Current score vs target by capability (%)"
        radar.add_data(
            Reference(data, min_col=col + 1, max_col=col + 2, min_row=header, max_row=last), titles_from_data=True
        )
        radar.set_categories(Reference(data, min_col=col, min_row=header + 1, max_row=last))
        radar.y_axis.scaling.min = 0
        radar.y_axis.scaling.max = 100
        radar.y_axis.majorUnit = 25
        radar.y_axis.delete = False
        radar.display_blanks = "gap"  # a capability not scored has no point, not a point at 0
        for item, colour, dash in ((radar.series[0], CURRENT, None), (radar.series[1], TARGET, "dash")):
            item.graphicalProperties = GraphicalProperties(ln=LineProperties(solidFill=excel_rgb(colour), w=22000))
            if dash:
                item.graphicalProperties.line.prstDash = dash
            item.smooth = False
        radar.legend.position = "b"
        radar.height, radar.width = 16.0, 19.0
        w.ws.add_chart(radar, "H21")


def assessment_headers(report: ReportData) -> list[str]:
    """Return the Assessment sheet's column titles."""
    titles = ["Domain", "Capability", *[lens.name for lens in report.lenses]]
    titles += ["Score %", "Current level", "Target", "Gap (levels)", "Importance (1-5)", "Notes"]
    if report.include_internal:
        titles += ["Internal notes", "Evidence"]
    return titles


def write_assessment(w: SheetWriter, report: ReportData) -> None:
    """Fill the Assessment sheet."""
    s = w.styles
    titles = assessment_headers(report)
    lens_count = len(report.lenses)
    w.header_row(1, titles, height=32)
    w.widths([22, 30, *([11] * lens_count), 9, 13, 11, 9, 11, 60, *([50, 40] if report.include_internal else [])])
    row = 1
    for cap in report.capabilities:
        row += 1
        w.text(row, 1, cap.domain_name)
        w.text(row, 2, cap.name, font=s.bold)
        col = 3
        for score in cap.lens_scores:
            w.number(row, col, score if cap.applicable else None)
            col += 1
        w.number(row, col, cap.score, fmt=SCORE_FORMAT)
        level_cell = "Not applicable" if not cap.applicable else level_text(cap.level_name)
        if cap.applicable and cap.score is not None and not cap.complete:
            level_cell += " (incomplete)"
        w.text(row, col + 1, level_cell).fill = s.fill(level_tint(cap.level if cap.applicable else None, 0.3))
        w.text(row, col + 2, cap.target_name if cap.applicable else "")
        w.number(row, col + 3, cap.gap if cap.applicable else None)
        w.number(row, col + 4, cap.importance if cap.applicable else None)
        w.text(row, col + 5, cap.notes, align=s.wrap, what=f"the notes on {cap.name}")
        if report.include_internal:
            w.text(row, col + 6, cap.internal_notes, align=s.wrap, what=f"the internal notes on {cap.name}")
            w.text(row, col + 7, "\n".join(cap.evidence), align=s.wrap, what=f"the evidence for {cap.name}")
        if row % 2 == 1:
            for c in (1, 2):
                w.ws.cell(row=row, column=c).fill = s.zebra_fill
        _fit_row_height(w.ws, row, cap.notes, 60)
    last_col = get_column_letter(len(titles))
    w.ws.freeze_panes = "C2"
    w.ws.auto_filter.ref = f"A1:{last_col}{max(row, 2)}"
    w.print_setup(report.client, title_rows="1:1", internal=report.include_internal)


def _fit_row_height(ws: Any, row: int, text: str, width: int) -> None:
    """Grow a row so wrapped text of a column ``width`` characters wide shows (Excel does not on open)."""
    if not text:
        return
    lines = sum(max(1, len(part) // width + 1) for part in text.splitlines() or [""])
    if lines > 1:
        ws.row_dimensions[row].height = min(409, 13 * lines + 4)
