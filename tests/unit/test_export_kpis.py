"""The KPIs to track, read back from both exports of the demo, and the model targets they come from.

The report lists the KPIs of every applicable capability below its target or on the roadmap; the
workbook's KPIs sheet (read with openpyxl) and the PDF's "KPIs to track" (read with pypdf) say
the same, and the target at a level is read from the model's own sentence.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from exports.pdf.document import pdf_bytes
from exports.xlsx.kpis import KPI_HEADERS
from exports.xlsx.workbook import workbook_bytes
from planner.cli.demo import DEMO_RESOURCE
from planner.model.capmodel import CapabilityModel
from planner.report.data import ReportData, build_report
from planner.report.kpis import NO_TARGET, target_at
from planner.resources import resource_path
from planner.storage.projectfile import load_project

LEVELS = ["Ad hoc", "Crawl", "Walk", "Run"]


@pytest.fixture(scope="module")
def demo() -> ReportData:
    return build_report(load_project(resource_path(DEMO_RESOURCE)))


def test_the_target_at_a_level_is_read_from_the_models_sentence() -> None:
    measure = "Share of spend allocated, monthly; target at least 70% at Crawl, 85% at Walk and 95% or more at Run."
    assert [target_at(measure, level, LEVELS) for level in LEVELS[1:]] == ["At least 70%", "85%", "95% or more"]
    walk_only = "Personas served by a report; target all six at Walk."
    assert target_at(walk_only, "Run", LEVELS) == "All six (set for Walk)"
    assert target_at(walk_only, "Crawl", LEVELS) == "First set for Walk: all six"
    assert target_at("Spot share; target CI and batch on Spot at Crawl, at least 50% at Walk.", "Crawl", LEVELS) == (
        "CI and batch on Spot"
    )
    assert (
        target_at("Days to decide. Target: 10 business days or fewer.", "Walk", LEVELS) == "10 business days or fewer"
    )
    assert target_at("Burn against plan, refreshed weekly.", "Walk", LEVELS) == NO_TARGET


def test_every_capability_below_target_or_on_the_roadmap_lists_its_model_kpis(
    demo: ReportData, model: CapabilityModel
) -> None:
    planned = {i.capability for i in demo.scheduled}
    tracked = [c for c in demo.capabilities if c.applicable and ((c.gap or 0) > 0 or c.id in planned)]
    assert tracked and len(tracked) < len([c for c in demo.capabilities if c.applicable])  # some are left out
    expected = [(c.id, k.name, k.measure) for c in tracked for k in model.capability(c.id).kpis]
    assert [(k.capability, k.name, k.measure) for k in demo.kpis] == expected
    for kpi in demo.kpis:
        assert kpi.target == target_at(kpi.measure, kpi.target_level_name, LEVELS)


def test_the_workbook_kpi_sheet_holds_the_report_kpis(demo: ReportData) -> None:
    data, _ = workbook_bytes(demo)
    ws = load_workbook(io.BytesIO(data))["KPIs"]
    header = next(r for r in range(1, 10) if ws.cell(r, 1).value == KPI_HEADERS[0])
    assert [ws.cell(header, c).value for c in range(1, len(KPI_HEADERS) + 1)] == KPI_HEADERS
    rows = [
        tuple(ws.cell(r, c).value for c in range(2, 9))
        for r in range(header + 1, ws.max_row + 1)
        if ws.cell(r, 5).value
    ]
    assert rows == [
        (k.capability_name, k.current_level_name, k.target_level_name, k.name, k.target, k.current_target, k.measure)
        for k in demo.kpis
    ]
    assert ws.freeze_panes == f"A{header + 1}" and ws.print_title_rows


def test_the_radar_data_is_off_the_printed_summary(demo: ReportData) -> None:
    book = load_workbook(io.BytesIO(workbook_bytes(demo)[0]))
    summary, data = book["Summary"], book["Chart data"]
    assert data.sheet_state == "hidden"
    values = [c.value for row in summary.iter_rows() for c in row if c.value is not None]
    assert "Data of the radar chart" not in values and "Current score %" not in values
    names = [data.cell(r, 1).value for r in range(2, data.max_row + 1)]
    assert names == [c.name for c in demo.capabilities if c.applicable]
    assert [data.cell(r, 2).value for r in range(2, data.max_row + 1)] == [
        c.score for c in demo.capabilities if c.applicable
    ]
    radar = next(c for c in summary._charts if type(c).__name__ == "RadarChart")
    assert "'Chart data'!" in radar.series[0].val.numRef.f


def test_the_pdf_lists_each_kpi_with_its_target(demo: ReportData, tmp_path: Path) -> None:
    data, warnings = pdf_bytes(demo)
    assert warnings == []
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]
    start = next(n for n, p in enumerate(pages) if "KPIs to track The " in p)
    text = " ".join(pages[start:])
    text = text[text.index("KPIs to track The ") : text.index("Appendix: method")].replace(
        "- ", "-"
    )  # wrapped at a hyphen
    for cap in {k.capability: k for k in demo.kpis}.values():
        assert f"{cap.capability_name}: {cap.current_level_name} → target {cap.target_level_name}" in text
    for kpi in demo.kpis:
        assert f"{kpi.name} {kpi.target}" in text
