"""Export speed: the demo's PDF report and Excel workbook against plain documents built in the same run.

- PDF: the demo report (cover, contents, summary, two matplotlib charts drawn as vectors, the lens table,
  detail, the roadmap's Gantt table and initiative tables, the KPIs, appendix) against a plain 20-page reportlab document of 20 tables x 36 rows in DejaVu Sans.
  Goal: at most 2.5x.
- Excel: the demo workbook (six styled sheets with a Gantt band and a Gantt sheet, two native charts) against a plain
  workbook of 1,000 rows x 6 columns. Goal: at most 1.5x.

Both sides are built in memory (no disk), imports and font registration are warmed up first, and
the report data is built once outside the timing (the exporters are what is measured).
"""

from __future__ import annotations

import io

from tests.benchmarks.common import Result, median_seconds


def _plain_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    from planner.resources import resource_path

    if "BenchSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("BenchSans", str(resource_path("fonts/DejaVuSans.ttf"))))
    styles = getSampleStyleSheet()
    story: list[object] = []
    for page in range(20):
        story.append(Paragraph(f"Section {page + 1}", styles["Heading2"]))
        rows = [[f"row {r} column {c}" for c in range(6)] for r in range(36)]
        table = Table(rows, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), "BenchSans"),
                    ("FONTSIZE", (0, 0), (-1, -1), 8),
                    ("GRID", (0, 0), (-1, -1), 0.3, "#999999"),
                ]
            )
        )
        story += [table, PageBreak()]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def _plain_xlsx() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["id", "name", "domain", "score", "level", "notes"])
    for r in range(1000):
        ws.append([r, f"Capability {r}", "Domain", r % 100 / 1.0, "Crawl", f"Some notes on row {r}"])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def run(repeat: int) -> list[Result]:
    """Measure both exporters against their baselines."""
    from exports.pdf.document import pdf_bytes
    from exports.xlsx.workbook import workbook_bytes
    from planner.cli.demo import DEMO_RESOURCE
    from planner.report.data import build_report
    from planner.resources import resource_path
    from planner.storage.projectfile import load_project

    report = build_report(load_project(resource_path(DEMO_RESOURCE)))
    pdf = median_seconds(lambda: pdf_bytes(report), repeat)
    plain_pdf = median_seconds(_plain_pdf, repeat)
    xlsx = median_seconds(lambda: workbook_bytes(report), repeat)
    plain_xlsx = median_seconds(_plain_xlsx, repeat)
    return [
        Result("demo PDF report (~25 pages, 2 charts)", pdf, "plain 20-page reportlab, 20 tables", plain_pdf, "<= 2.5"),
        Result(
            "demo Excel workbook (6 sheets, 2 charts)", xlsx, "plain openpyxl, 1,000 rows x 6", plain_xlsx, "<= 1.5"
        ),
    ]
