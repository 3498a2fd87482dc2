"""The workbook's roadmap, read back with openpyxl: date cells, horizons, the Gantt band, staleness, summary.

The projects are the realistic scenarios of :mod:`tests.scenarios`, which start in January 2027.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from exports.pdf.document import pdf_bytes
from exports.xlsx.roadmap import HEADER_ROW, ROADMAP_HEADERS
from exports.xlsx.workbook import workbook_bytes
from planner.model.capmodel import CapabilityModel
from planner.model.project import Project
from planner.model.roadmap import schedule, set_pin, set_status
from planner.model.roadmap.deps import dependency_graph
from planner.report.data import STALE_NOTE, ReportData, build_report
from tests.scenarios import enterprise, planned, startup

GANTT = len(ROADMAP_HEADERS) + 1  # the first month column


def book_of(report: ReportData):
    data, warnings = workbook_bytes(report)
    assert warnings == []
    return load_workbook(io.BytesIO(data))


def column(title: str) -> int:
    return ROADMAP_HEADERS.index(title) + 1


def first_day(start: str, month: int) -> dt.datetime:
    """The first day of plan month ``month``, counted here independently of the code under test."""
    year, number = map(int, start.split("-"))
    total = year * 12 + number - 1 + month
    return dt.datetime(total // 12, total % 12 + 1, 1)


@pytest.fixture(scope="module")
def edited(model: CapabilityModel) -> Project:
    """A start-up plan with work begun, done and deferred, and two pins, one of them early.

    The early pin puts an item before the work it depends on ends, so the plan has a point to note
    whatever the library holds.
    """
    project = planned(startup(model))
    ids = [i.id for i in project.roadmap.initiatives]
    road = set_status(project.roadmap, [ids[0]], "in_progress")
    road = set_status(road, [ids[1]], "deferred")
    road = set_pin(road, ids[2], 4)
    dependant = next(i for i in road.initiatives if ids[2] in dependency_graph(road).get(i.id, []))
    project.roadmap = schedule(model, set_pin(road, dependant.id, 4))
    return project


def test_roadmap_rows_have_horizon_calendar_dates_status_and_pin(edited: Project) -> None:
    report = build_report(edited)
    ws = book_of(report)["Roadmap"]
    start = edited.engagement.start_date or ""
    assert [c.value for c in ws[HEADER_ROW]][: len(ROADMAP_HEADERS)] == ROADMAP_HEADERS
    rows = list(range(HEADER_ROW + 1, ws.max_row + 1))
    assert len(rows) == len(edited.roadmap.initiatives)
    for r, item in zip(rows, report.initiatives, strict=True):
        engine = edited.roadmap.initiative(item.id)
        assert ws.cell(r, column("Initiative")).value == engine.title
        begin, end = ws.cell(r, column("Start")), ws.cell(r, column("End"))
        assert begin.is_date and end.is_date
        assert begin.value == first_day(start, engine.start_month)
        assert end.value == first_day(start, engine.end_month - 1)
        assert begin.number_format == end.number_format == "mmm yyyy"
        assert ws.cell(r, column("Months")).value == engine.duration_months
        assert ws.cell(r, column("Maturity")).value == edited.model.level_name(engine.phase)
        assert ws.cell(r, column("Status")).value == engine.status.replace("_", " ").capitalize()
        assert ws.cell(r, column("Pinned")).value == ("Yes" if engine.pinned_start is not None else None)
        horizon = ws.cell(r, column("Horizon")).value
        assert horizon == (item.horizon_name if engine.status != "deferred" else "Not scheduled")
    horizons = [ws.cell(r, column("Horizon")).value for r in rows]
    order = [h.name for h in edited.roadmap.horizons] + ["Not scheduled"]
    assert [order.index(h) for h in horizons] == sorted(order.index(h) for h in horizons)  # plan order


def test_the_gantt_band_is_in_calendar_months_with_the_horizons_over_it(edited: Project) -> None:
    report = build_report(edited)
    ws = book_of(report)["Roadmap"]
    start = edited.engagement.start_date or ""
    for month in range(report.months):
        cell = ws.cell(HEADER_ROW, GANTT + month)
        assert cell.is_date and cell.value == first_day(start, month)
        assert cell.number_format == "mmm yy"
    assert ws.cell(HEADER_ROW, GANTT + report.months).value is None
    for horizon in [h for h in report.horizons if h.initiatives and h.start_month < report.months]:
        assert ws.cell(HEADER_ROW - 1, GANTT + horizon.start_month).value == horizon.name
        if horizon.start_month:
            assert ws.cell(HEADER_ROW + 1, GANTT + horizon.start_month).border.left.style == "medium"
    assert ws.cell(HEADER_ROW + 1, GANTT + 1).border.left.style in ("hair", "thin")  # a month rule, not a horizon's
    for r, item in enumerate(report.initiatives, start=HEADER_ROW + 1):
        filled = [m for m in range(report.months) if ws.cell(r, GANTT + m).fill.fill_type == "solid"]
        assert filled == (list(range(item.start_month, item.end_month)) if item.scheduled else [])
        for m in filled:  # each month of a bar ruled apart in white: bars read as months and never run together
            border = ws.cell(r, GANTT + m).border
            assert border.top.style == border.bottom.style == "thin" and border.bottom.color.rgb.endswith("FFFFFF")
            if m not in [h.start_month for h in report.horizons]:
                assert border.left.style == border.right.style == "thin"
        assert all(ws.cell(r, GANTT + m).border.left.style for m in range(report.months))  # every month ruled


def test_an_undated_plan_shows_month_numbers(model: CapabilityModel) -> None:
    project = planned(enterprise(model))
    project.engagement.start_date = None
    ws = book_of(build_report(project))["Roadmap"]
    cell = ws.cell(HEADER_ROW + 1, column("Start"))
    assert isinstance(cell.value, int) and cell.number_format == '"Month "0'
    assert ws.cell(HEADER_ROW, GANTT).value == 1 and not ws.cell(HEADER_ROW, GANTT).is_date


def test_the_summary_names_the_first_90_days_and_the_points_to_note(edited: Project) -> None:
    report = build_report(edited)
    ws = book_of(report)["Summary"]
    texts = [[c.value for c in row[:6]] for row in ws.iter_rows()]
    first = report.horizons[0]
    at = next(n for n, row in enumerate(texts) if row[0] == f"The first 90 days: {first.span_label}")
    listed = texts[at + 2 : at + 2 + len(first.initiatives)]
    for row, item in zip(listed, first.initiatives, strict=True):
        assert row[0] == f"{item.ref}  {item.title}" and row[3] == item.owner
        assert row[4].startswith(item.span_label)
    assert any(row[4] == f"{i.span_label} (in progress)" for row, i in zip(listed, first.initiatives, strict=True))
    assert report.warnings
    at = next(n for n, row in enumerate(texts) if row[0] == "Points to note about this plan")
    assert [row[0] for row in texts[at + 1 : at + 1 + len(report.warnings)]] == list(report.warnings)


def test_a_stale_roadmap_says_so_on_the_summary_and_the_roadmap_sheet(model: CapabilityModel) -> None:
    project = planned(enterprise(model))
    project.engagement.org_size = "startup"
    report = build_report(project)
    book = book_of(report)
    note = book["Roadmap"].cell(3, 1).value
    assert note.startswith(STALE_NOTE) and all(reason in note for reason in report.stale_reasons)
    summary = [c.value for row in book["Summary"].iter_rows() for c in row if isinstance(c.value, str)]
    assert any(text.startswith(STALE_NOTE) for text in summary)
    fresh = book_of(build_report(planned(enterprise(model))))
    assert fresh["Roadmap"].cell(3, 1).value is None
    assert not any(
        isinstance(c.value, str) and STALE_NOTE in c.value for ws in fresh for row in ws.iter_rows() for c in row
    )


def test_the_pdf_and_the_workbook_count_the_same_plan(edited: Project) -> None:
    report = build_report(edited)
    book = book_of(report)
    pdf = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf_bytes(report)[0])).pages)
    facts = {row[0].value: row[1].value for row in book["Summary"].iter_rows(min_col=1, max_col=2) if row[0].value}
    horizons = [
        book["Roadmap"].cell(r, column("Horizon")).value for r in range(HEADER_ROW + 1, book["Roadmap"].max_row + 1)
    ]
    for horizon in report.horizons:
        count = len(horizon.initiatives)
        assert facts[horizon.name] == f"{horizon.span_label}: {count} starting"
        assert horizons.count(horizon.name) == count
        assert f"{horizon.name} {horizon.span_label} {count} " in pdf
    assert facts["Initiatives"] == f"{len(report.scheduled)} over {report.months} months ({report.plan_span_label})"
    assert f"{len(report.scheduled)} initiatives, {report.plan_span_label} ({report.months} months)" in pdf


def test_the_gantt_sheet_reads_as_calendar_months_with_bars_ruled_apart(edited: Project) -> None:
    from exports.xlsx.gantt import GANTT_HEADER_ROW

    report = build_report(edited)
    ws = book_of(report)["Gantt"]
    first = 4
    start = edited.engagement.start_date or ""
    for month in range(report.months):  # a month name over every month, the year over its months
        cell = ws.cell(GANTT_HEADER_ROW, first + month)
        assert cell.is_date and cell.value == first_day(start, month) and cell.number_format == "mmm"
    years = [ws.cell(GANTT_HEADER_ROW - 1, c).value for c in range(first, first + report.months)]
    assert [y for y in years if y] == sorted({str(first_day(start, m).year) for m in range(report.months)})
    rows = {ws.cell(r, 1).value: r for r in range(GANTT_HEADER_ROW + 1, ws.max_row + 1) if ws.cell(r, 3).value}
    assert sorted(rows) == sorted(int(i.ref) for i in report.scheduled)
    for item in report.scheduled:
        r = rows[int(item.ref)]
        assert (ws.cell(r, 2).value, ws.cell(r, 3).value) == (item.title, item.capability_name)
        filled = [m for m in range(report.months) if ws.cell(r, first + m).fill.fgColor.rgb.endswith(level_rgb(item))]
        assert filled == list(range(item.start_month, item.end_month))
        for m in filled:
            assert ws.cell(r, first + m).border.bottom.color.rgb.endswith("FFFFFF")
    assert ws.print_title_rows and ws.page_setup.orientation == "landscape"


def level_rgb(item) -> str:  # type: ignore[no-untyped-def]
    from planner.charts.palette import excel_rgb, level_colour, level_tint

    return excel_rgb(level_tint(item.phase, 0.45) if item.status == "done" else level_colour(item.phase))[-6:]
