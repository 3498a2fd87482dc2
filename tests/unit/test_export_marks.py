"""Draft and internal marks, read back from real files: every PDF page, every sheet, none on a final version."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

import exports.xlsx.marking
from exports.pdf.document import pdf_bytes
from exports.xlsx.marking import shift_reference
from exports.xlsx.workbook import workbook_bytes
from planner.model.capmodel import CapabilityModel
from planner.model.project import Project
from planner.model.scoring import score_project
from planner.report.data import ReportData, build_report
from tests.factories import scored_project


def complete_project(model: CapabilityModel) -> Project:
    """Every applicable capability fully scored."""
    project = scored_project(model)
    project.assessment.capabilities["licensing-saas"].lenses["automation"] = 1
    return project


def partial_project(model: CapabilityModel) -> Project:
    """Six capabilities fully scored, one partly, the rest not at all (one not applicable)."""
    project = scored_project(model)
    caps = [c.id for c in model.iter_capabilities() if c.id not in ("sustainability", "licensing-saas")]
    for cap_id in caps[6:]:
        project.assessment.capabilities[cap_id].lenses = dict.fromkeys(model.lens_ids)
    return project


def _pages(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def partial(model: CapabilityModel) -> Project:
    return partial_project(model)


def test_the_partial_fixture_is_what_it_says(model: CapabilityModel, partial: Project) -> None:
    coverage = score_project(model, partial.assessment).coverage
    assert (coverage.full, coverage.partial, coverage.applicable) == (6, 1, len(model.capabilities) - 1)


def test_every_page_of_a_partial_report_says_draft_with_its_coverage(partial: Project) -> None:
    report = build_report(partial)
    expected = f"6 of {report.coverage.applicable} capabilities fully scored"
    pages = _pages(pdf_bytes(report)[0])
    assert len(pages) > 5
    for number, page in enumerate(pages, start=1):
        assert "DRAFT" in page, number
        assert expected in page, number
    assert "not for the client" not in " ".join(pages)


def test_a_complete_client_report_carries_no_mark(model: CapabilityModel) -> None:
    pages = _pages(pdf_bytes(build_report(complete_project(model)))[0])
    text = " ".join(pages)
    assert "DRAFT" not in text
    assert "Internal" not in text


def test_every_page_of_an_internal_report_says_so_cover_included(model: CapabilityModel) -> None:
    pages = _pages(pdf_bytes(build_report(complete_project(model), include_internal=True))[0])
    for number, page in enumerate(pages, start=1):
        assert "Internal: not for the client" in page, number
        assert "DRAFT" not in page


def _book(report: ReportData) -> Any:
    return load_workbook(io.BytesIO(workbook_bytes(report)[0]))


def test_every_sheet_of_a_partial_workbook_says_draft_on_top_and_in_its_print_header(partial: Project) -> None:
    report = build_report(partial, include_internal=True)
    book = _book(report)
    for ws in book.worksheets:
        assert ws["A1"].value.startswith("Internal: not for the client"), ws.title
        assert ws["A2"].value == report.coverage.draft_line, ws.title
        assert "6 of 21 capabilities fully scored" in ws["A2"].value
        assert "DRAFT: 6 of 21" in ws.oddHeader.center.text
        assert "Internal: not for the client" in ws.oddHeader.center.text
        assert ws.freeze_panes is not None and int(ws.freeze_panes.lstrip("ABCDEFGHIJ")) >= 3


def test_a_complete_client_workbook_has_no_mark(model: CapabilityModel) -> None:
    book = _book(build_report(complete_project(model)))
    for ws in book.worksheets:
        values = [c.value for row in ws.iter_rows(max_row=3) for c in row if isinstance(c.value, str)]
        assert not any("DRAFT" in v or "Internal" in v for v in values), ws.title
        assert not ws.oddHeader.center.text


def test_marking_moves_every_sheet_down_whole(partial: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """The marked workbook is the unmarked one two rows lower: cells, merges, heights, panes, charts."""
    report = build_report(partial, include_internal=True)
    marked = _book(report)
    monkeypatch.setattr(exports.xlsx.marking, "mark_workbook", lambda wb, marks: None)
    plain = _book(report)
    k = 2
    for ws in plain.worksheets:
        moved = marked[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                assert moved.cell(row=cell.row + k, column=cell.column).value == cell.value, (ws.title, cell.coordinate)
        assert sorted(shift_reference(r.coord, k) for r in ws.merged_cells.ranges) == sorted(
            r.coord for r in moved.merged_cells.ranges
        )
        for number, dim in ws.row_dimensions.items():
            if dim.height is not None:
                assert moved.row_dimensions[number + k].height == dim.height, (ws.title, number)
        if ws.freeze_panes:
            assert moved.freeze_panes == shift_reference(ws.freeze_panes, k)
        assert (moved.auto_filter.ref or None) == (
            shift_reference(ws.auto_filter.ref, k) if ws.auto_filter.ref else None
        )
        if ws.print_title_rows:
            first, last = (int(n.strip("$")) for n in ws.print_title_rows.split(":"))
            assert moved.print_title_rows.replace("$", "") == f"{first + k}:{last + k}"
        assert len(moved._charts) == len(ws._charts)
        for before, after in zip(ws._charts, moved._charts, strict=True):
            assert after.anchor._from.row == before.anchor._from.row + k
            for s_before, s_after in zip(before.series, after.series, strict=True):
                assert s_after.val.numRef.f == shift_reference(s_before.val.numRef.f, k)


def test_shift_reference_moves_rows_only() -> None:
    assert shift_reference("'Sum 1'!$B$8:$B$12", 2) == "'Sum 1'!$B$10:$B$14"
    assert shift_reference("A1:N40", 1) == "A2:N41"
    assert shift_reference("C6", 3) == "C9"


def test_the_workbook_radar_leaves_unscored_capabilities_out(partial: Project) -> None:
    """Their data cell is empty (never 0), named as not scored, and the chart shows blanks as gaps."""
    report = build_report(partial)
    book = _book(report)
    radar = next(c for c in book["Summary"]._charts if type(c).__name__ == "RadarChart")
    assert radar.display_blanks == "gap"
    sheet, ref = radar.series[0].val.numRef.f.split("!")
    ws = book[sheet.strip("'")]  # the hidden chart data sheet
    ref = ref.replace("$", "")
    first, last = (int("".join(ch for ch in part if ch.isdigit())) for part in ref.split(":"))
    caps = [c for c in report.capabilities if c.applicable]
    assert last - first + 1 == len(caps)
    for row, cap in zip(range(first, last + 1), caps, strict=True):
        name, score = ws.cell(row=row, column=1).value, ws.cell(row=row, column=2).value
        if cap.score is None:
            assert (name, score) == (f"{cap.name} (not scored)", None)
        else:
            assert (name, score) == (cap.name, cap.score)
