"""The demo report read back page by page: contents with true page numbers, the roadmap's pages, the colophon.

The contents page lists every section heading with the page it starts on (checked against the
pages themselves, read with pypdf); the Gantt chart's pages are landscape and name the calendar
months; every scheduled initiative of the report is in the tables of its horizon; the font
colophon is on the method page, not at the end.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from exports.pdf.document import pdf_bytes
from planner.cli.demo import DEMO_RESOURCE
from planner.model.calendar import MONTH_NAMES
from planner.report.data import ReportData, build_report
from planner.resources import resource_path
from planner.storage.projectfile import load_project

SECTIONS = [
    "Executive summary",
    "Maturity at a glance",
    "Lens scores by capability",
    "Assessment detail",
    "Roadmap",
    "Initiatives by horizon",
    "KPIs to track",
    "Appendix: method",
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[ReportData, list[str], list[bool], Path]:
    report = build_report(load_project(resource_path(DEMO_RESOURCE)))
    data, warnings = pdf_bytes(report)
    assert warnings == []
    path = tmp_path_factory.mktemp("demo") / "demo.pdf"
    path.write_bytes(data)
    reader = PdfReader(io.BytesIO(data))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    wide = [float(page.mediabox.width) > float(page.mediabox.height) for page in reader.pages]
    return report, pages, wide, path


def test_the_contents_give_each_section_the_page_it_starts_on(demo) -> None:
    report, pages, _, path = demo
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    laid_out = subprocess.run(
        ["pdftotext", "-layout", "-f", "2", "-l", "2", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    contents = " ".join(laid_out.split())  # each title followed by its page number
    contents = contents[contents.index("Contents") :]  # after the page header
    for title in SECTIONS:
        found = re.search(re.escape(title) + r" (\d+)", contents)
        assert found, title
        page = int(found.group(1))
        marker = f"Roadmap {len(report.scheduled)} initiatives" if title == "Roadmap" else title  # not the header's
        assert marker in pages[page - 1] and all(marker not in p for p in pages[2 : page - 1]), title
    for horizon in report.horizons:  # the horizons' tables, under "Initiatives by horizon"
        heading = f"{horizon.name} · {horizon.span_label} · {len(horizon.initiatives)} initiatives"
        page = int(re.search(re.escape(heading) + r" (\d+)", contents).group(1))
        assert heading in pages[page - 1]


def test_the_gantt_chart_is_landscape_and_reads_in_calendar_months(demo) -> None:
    report, pages, wide, _ = demo
    first = next(n for n, p in enumerate(pages) if f"Roadmap {len(report.scheduled)} initiatives" in p)
    last = next(n for n, p in enumerate(pages) if n > first and "Initiatives by horizon" in p)
    assert wide[first:last] == [True] * (last - first) and not any(wide[:first] + wide[last:])
    assert last - first <= 3  # 36 initiatives on a few pages, not a page of empty chart
    gantt = " ".join(pages[first:last])
    assert report.months <= 24 and " ".join(MONTH_NAMES) in gantt  # every month named
    for item in report.scheduled:
        assert f"{item.ref} {item.title} {item.capability_name}" in gantt


def test_every_scheduled_initiative_is_in_its_horizons_table(demo) -> None:
    report, pages, _, _ = demo
    text = " ".join(pages[2:])
    tables = text[text.index("Initiatives by horizon Each") : text.index("KPIs to track The")]
    for horizon in report.horizons:
        part = tables[tables.index(f"{horizon.name} · {horizon.span_label}") :]
        for item in horizon.initiatives:
            assert f"{item.ref} {item.title}" in part
            across = item.start_date and item.end_date and item.start_date.year != item.end_date.year
            months = (
                f"{item.start_label}\u2013 {item.end_label}" if across else item.span_label
            )  # broken after its dash
            assert f"{item.owner} {item.effort} {months} {item.duration} month" in part


def test_the_colophon_is_on_the_method_page_and_the_report_ends_with_the_attribution(demo) -> None:
    _, pages, _, _ = demo
    method = next(p for p in pages[2:] if "Appendix: method" in p)
    assert "Set in DejaVu Sans" in method
    assert "Set in DejaVu Sans" not in pages[-1] or pages[-1] is method
    assert "Attribution" in pages[-1]
