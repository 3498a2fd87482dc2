"""The deliverables' progress parts: the PDF's "Progress since <date>" and the workbook's Progress sheet."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from exports.pdf.document import pdf_bytes
from exports.xlsx.workbook import SHEETS, workbook_bytes
from planner.model.capmodel import CapabilityModel
from planner.model.compare import compare_in_project
from planner.model.rounds import delete_round, start_reassessment
from planner.report.data import build_report
from tests.scenarios import midsize, planned
from tests.unit.test_compare import TODAY, _reassessed

GENERATED = dt.date(2027, 5, 20)


def _pages(data: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages]


def test_the_pdf_has_progress_after_the_executive_summary(model: CapabilityModel) -> None:
    project = _reassessed(model)
    data, _ = pdf_bytes(build_report(project, today=GENERATED))
    text = " ".join(page for page in _pages(data) if "Contents Executive summary" not in page)
    summary, progress, charts = (
        text.index("Executive summary"),
        text.index("Progress since 29 Nov 2026"),
        text.index("Maturity at a glance"),
    )
    assert summary < progress < charts
    part = text[progress:charts]
    assert "Baseline, November 2026 (29 Nov 2026)" in part
    assert "Maturity by domain, then and now" in part and "Capability by capability" in part
    done = [i for i in project.roadmap.initiatives if i.status == "done" and i.done_date and i.done_date > "2026-11-29"]
    assert done and all(item.title[:40] in part for item in done)
    assert "What was done" in part and "What is next" in part
    assert "+50 pts" in part  # Allocation went from its baseline to 100%
    assert "Work done, not yet in the scores:" in part


def test_the_workbook_has_a_progress_sheet_with_real_numbers(model: CapabilityModel) -> None:
    project = _reassessed(model)
    cmp = compare_in_project(project)
    data, _ = workbook_bytes(build_report(project, today=GENERATED))
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Summary", "Progress", *SHEETS[1:], "Chart data"]
    ws = wb["Progress"]
    assert ws["A1"].value == "Progress since 29 Nov 2026"
    rows = {r[1]: r for r in ws.iter_rows(min_row=6, values_only=True) if r[1]}
    alloc = next(c for c in cmp.capabilities if c.capability == "allocation")
    row = rows["Allocation"]
    assert row[2] == pytest.approx(alloc.score.before) and row[3] == pytest.approx(100.0)
    assert isinstance(row[4], (int, float)) and row[4] == pytest.approx(alloc.score.delta)
    assert (row[6], row[8], row[9]) == ("Run", "Up", 1)
    overall = next(r for r in ws.iter_rows(min_row=6, values_only=True) if r[0] == "Overall")
    assert overall[3] == pytest.approx(cmp.overall.after)
    dates = [r[0] for r in ws.iter_rows(values_only=True) if isinstance(r[0], dt.datetime)]
    assert [d.date().isoformat() for d in dates] == ["2027-02-15", "2027-03-01"]


def test_a_first_round_projects_deliverables_are_unchanged(model: CapabilityModel) -> None:
    first = planned(midsize(model))
    report = build_report(first, today=GENERATED)
    assert report.progress is None
    wb = load_workbook(io.BytesIO(workbook_bytes(report)[0]))
    assert wb.sheetnames == [*SHEETS, "Chart data"]
    pdf = _pages(pdf_bytes(report)[0])
    assert not any("Progress since" in page for page in pdf)
    # a round started and deleted again leaves the same deliverables
    again = planned(midsize(model))
    again.engagement.assessment_date = first.engagement.assessment_date
    start_reassessment(again, "Baseline", "2026-11-29", today=TODAY).apply(again)
    again.engagement.assessment_date = first.engagement.assessment_date
    delete_round(again, again.assessment.history[0].id).apply(again)
    assert _pages(pdf_bytes(build_report(again, today=GENERATED))[0]) == pdf
