"""Every registered export format renders the demo project to a file its own reader opens."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from exports.base import ExportOutput, export_to_file
from exports.errors import ExportError
from exports.registry import exporter, exporters
from planner.report.data import ReportData, build_report
from planner.resources import resource_path
from planner.storage.projectfile import load_project
from tests.loaded import modules_loaded_by


@pytest.fixture(scope="module")
def demo_report() -> ReportData:
    return build_report(load_project(resource_path("demo/demo.roadmap")))


def _reopen(suffix: str, data: bytes) -> int:
    """Open an export with its format's reader; return how many sheets or pages it has."""
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        return len(load_workbook(io.BytesIO(data)).sheetnames)
    if suffix == ".pdf":
        from pypdf import PdfReader

        return len(PdfReader(io.BytesIO(data)).pages)
    raise AssertionError(f"no reader for {suffix}: add one to this test with the new format")


def test_the_registry_lists_each_format_once_in_display_order() -> None:
    found = exporters()
    assert [(e.id, e.label, e.noun, e.suffix, e.steps) for e in found] == [
        ("xlsx", "Excel workbook", "workbook", ".xlsx", 6),
        ("pdf", "PDF report", "report", ".pdf", 6),
    ]
    assert exporter("pdf").suffix == ".pdf"
    with pytest.raises(KeyError):
        exporter("docx")


@pytest.mark.parametrize("export_id", [e.id for e in exporters()])
def test_every_format_renders_the_demo_to_bytes_that_reopen(demo_report: ReportData, export_id: str) -> None:
    chosen = exporter(export_id)
    steps: list[str] = []
    output = chosen.render(demo_report, progress=steps.append)
    assert isinstance(output, ExportOutput)
    assert len(steps) == chosen.steps
    assert _reopen(chosen.suffix, output.data) >= 4
    assert output.warnings == ()


def test_export_to_file_reports_writing_and_keeps_an_earlier_file(demo_report: ReportData, tmp_path: Path) -> None:
    chosen = exporter("xlsx")
    steps: list[str] = []
    path = tmp_path / "demo.xlsx"
    assert export_to_file(chosen, demo_report, path, steps.append) == ()
    assert steps[-1] == "Writing demo.xlsx" and len(steps) == chosen.steps + 1
    assert _reopen(".xlsx", path.read_bytes()) == 7  # six sheets and the hidden chart data
    with pytest.raises(ExportError, match=r"x\.xlsx: the workbook could not be written"):
        export_to_file(chosen, demo_report, tmp_path / "missing" / "x.xlsx")


def test_the_registry_loads_no_heavy_library() -> None:
    loaded = modules_loaded_by("from exports.registry import exporters\nexporters()")
    assert "exports.pdf.document" in loaded
    assert {m.split(".")[0] for m in loaded} & {"openpyxl", "reportlab", "matplotlib", "PySide6"} == set()
