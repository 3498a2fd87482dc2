"""The Excel workbook, read back with openpyxl: sheets, exact numbers, text that stays text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import load_workbook

from exports.errors import ExportError
from exports.xlsx.cells import EXCEL_CELL_LIMIT, TRUNCATION_MARKER
from exports.xlsx.roadmap import HEADER_ROW, ROADMAP_HEADERS
from exports.xlsx.sheets import assessment_headers
from exports.xlsx.workbook import SHEETS, workbook_bytes, write_xlsx
from planner.model.capmodel import CapabilityModel
from planner.model.scoring import score_project
from planner.report.data import build_report
from tests.unit.test_export_support import CLIENT, HOSTILE, INTERNAL, hostile_project


@pytest.fixture
def project(model: CapabilityModel):
    """The hostile project, fully scored: the layout of a final client workbook (marks: test_export_marks)."""
    project = hostile_project(model)
    project.assessment.of("kpis-benchmarking").lenses["automation"] = 2
    return project


@pytest.fixture
def book(project, tmp_path: Path):
    path = tmp_path / "out.xlsx"
    warnings = write_xlsx(build_report(project), path)
    assert warnings == []
    return load_workbook(path)


def _column(ws, title: str, row: int = 1) -> int:
    for cell in ws[row]:
        if cell.value == title:
            return int(cell.column)
    raise AssertionError(f"no column {title!r}")


def test_sheets_charts_and_properties(book) -> None:
    assert book.sheetnames == [*SHEETS, "Chart data"]
    assert [ws.title for ws in book.worksheets if ws.sheet_state == "visible"] == list(SHEETS)
    charts = book["Summary"]._charts
    assert {type(c).__name__ for c in charts} == {"BarChart", "RadarChart"}
    assert CLIENT in book.properties.title
    assert book.properties.creator == "Ana Müller"


def test_assessment_rows_equal_the_scoring_module(project, book) -> None:
    ws = book["Assessment"]
    card = score_project(project.model, project.assessment)
    assert ws.max_row == 1 + len(project.model.capabilities)
    names = {cap.name: cap.id for cap in project.model.iter_capabilities()}
    score_col, gap_col = _column(ws, "Score %"), _column(ws, "Gap (levels)")
    first_lens = _column(ws, project.model.lens(project.model.lens_ids[0]).name)
    for row in ws.iter_rows(min_row=2):
        cap = card.capabilities[names[row[1].value]]
        assert row[score_col - 1].value == cap.score
        assert row[gap_col - 1].value == cap.gap
        if cap.applicable:
            lens_values = [row[first_lens - 1 + i].value for i in range(len(cap.terms))]
            assert lens_values == [t.score for t in cap.terms]
        if cap.score is not None:
            assert row[score_col - 1].data_type == "n"


def test_summary_holds_overall_and_domain_scores(project, book) -> None:
    ws = book["Summary"]
    card = score_project(project.model, project.assessment)
    values = {row[0].value: row[1].value for row in ws.iter_rows(min_col=1, max_col=2) if row[0].value}
    assert values["Overall"] == card.overall.score
    for domain in card.domains:
        assert values[project.model.domain(domain.domain).name] == domain.score
    assert values["Client"] == CLIENT


def test_hostile_text_is_always_a_plain_string(book) -> None:
    ws = book["Assessment"]
    notes_col = _column(ws, "Notes")
    notes = {row[1].value: row[notes_col - 1] for row in ws.iter_rows(min_row=2)}
    by_text = {cell.value: cell for cell in notes.values()}
    for text in ("+1", "#N/A", "@SUM(A1:A9)", "-2+3", HOSTILE["allocation"]):
        cell = by_text[text]
        assert cell.data_type == "s", text
        assert cell.quotePrefix
    assert by_text[HOSTILE["reporting-analytics"]].data_type == "s"
    assert "line one\nline two after nul end" in by_text


def test_no_formula_or_error_cell_anywhere(book) -> None:
    for ws in book:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type not in ("f", "e"), f"{ws.title}!{cell.coordinate}"


def test_roadmap_sheet_one_row_per_initiative_with_gantt_band(project, book) -> None:
    ws = book["Roadmap"]
    report = build_report(project)
    first = HEADER_ROW + 1
    assert ws.max_row == HEADER_ROW + len(project.roadmap.initiatives)
    assert [c.value for c in ws[HEADER_ROW]][: len(ROADMAP_HEADERS)] == ROADMAP_HEADERS
    titles = [ws.cell(row=r, column=_column(ws, "Initiative", HEADER_ROW)).value for r in range(first, ws.max_row + 1)]
    assert titles == [i.title for i in report.initiatives]
    custom = next(r for r in range(first, ws.max_row + 1) if ws.cell(row=r, column=2).value.startswith("=cmd"))
    assert ws.cell(row=custom, column=2).data_type == "s"
    first_month_col = len(ROADMAP_HEADERS) + 1
    assert ws.cell(row=HEADER_ROW, column=first_month_col).value == 1  # the fixture has no start month
    assert ws.cell(row=HEADER_ROW, column=first_month_col + report.months - 1).value == report.months
    for r, item in enumerate(report.initiatives, start=first):
        start = ws.cell(row=r, column=_column(ws, "Start", HEADER_ROW))
        assert (start.value, start.number_format) == (item.start_month + 1, '"Month "0')
        assert ws.cell(row=r, column=_column(ws, "End", HEADER_ROW)).value == item.end_month
        assert (
            ws.cell(row=r, column=_column(ws, "Status", HEADER_ROW)).value == item.status.replace("_", " ").capitalize()
        )
        assert ws.cell(row=r, column=_column(ws, "Ref", HEADER_ROW)).value == int(item.ref)
        filled = [
            m for m in range(report.months) if ws.cell(row=r, column=first_month_col + m).fill.fill_type == "solid"
        ]
        assert filled == list(range(item.start_month, item.end_month))


def test_layout_frozen_filtered_and_printable(book) -> None:
    assessment, roadmap = book["Assessment"], book["Roadmap"]
    assert assessment.freeze_panes == "C2"
    assert assessment.auto_filter.ref.startswith("A1:")
    assert roadmap.freeze_panes == f"C{HEADER_ROW + 1}"
    assert roadmap.auto_filter.ref.startswith(f"A{HEADER_ROW}:")
    for ws in book:
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1
        assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert book["Method"]["A1"].value == "Method"


def test_internal_notes_only_with_the_option(project, tmp_path: Path) -> None:
    public = load_workbook(_write(build_report(project), tmp_path / "a.xlsx"))
    assert not _contains(public, INTERNAL)
    assert "Internal notes" not in [c.value for c in public["Assessment"][1]]
    internal = load_workbook(_write(build_report(project, include_internal=True), tmp_path / "b.xlsx"))
    assert _contains(internal, INTERNAL)
    assert assessment_headers(build_report(project, include_internal=True))[-2:] == ["Internal notes", "Evidence"]


def test_text_over_the_cell_limit_is_cut_visibly_with_a_warning(project, tmp_path: Path) -> None:
    project.assessment.of("allocation").notes = "x" * 40_000
    data, warnings = workbook_bytes(build_report(project))
    assert len(warnings) == 1 and "Assessment!" in warnings[0] and "Allocation" in warnings[0]
    path = tmp_path / "long.xlsx"
    path.write_bytes(data)
    ws = load_workbook(path)["Assessment"]
    cell = next(c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("xxx"))
    assert len(cell.value) == EXCEL_CELL_LIMIT
    assert cell.value.endswith(TRUNCATION_MARKER)


def test_a_failed_write_keeps_the_previous_export(project, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "keep.xlsx"
    path.write_bytes(b"previous export")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError) as info:
        write_xlsx(build_report(project), path)
    assert path.read_bytes() == b"previous export"
    assert str(info.value).startswith("keep.xlsx: ")
    assert "open in another program" in str(info.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.xlsx"]


def test_a_missing_folder_gives_one_clear_message(project, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"^out\.xlsx: .*folder does not exist"):
        write_xlsx(build_report(project), tmp_path / "missing" / "out.xlsx")


def _write(report, path: Path) -> Path:
    write_xlsx(report, path)
    return path


def _contains(book, needle: str) -> bool:
    return any(isinstance(c.value, str) and needle in c.value for ws in book for row in ws.iter_rows() for c in row)


def test_a_workbook_with_internal_notes_says_so_on_every_printed_page(project, tmp_path: Path) -> None:
    book = load_workbook(_write(build_report(project, include_internal=True), tmp_path / "internal.xlsx"))
    assert all("Internal: not for the client" in ws.oddHeader.center.text for ws in book)
    public = load_workbook(_write(build_report(project), tmp_path / "public.xlsx"))
    assert all(not ws.oddHeader.center.text for ws in public)
    assert all(ws.oddHeader.left.text == CLIENT for ws in public)
