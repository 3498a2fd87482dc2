"""One count of scored capabilities: the dashboard tile, the navigator, the PDF and the workbook agree."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from pypdf import PdfReader

from exports.pdf.document import pdf_bytes
from exports.xlsx.workbook import workbook_bytes
from planner.model.capmodel import CapabilityModel
from planner.report.data import build_report
from planner.storage.projectfile import save_project
from planner.ui.assessment import AssessmentPage
from planner.ui.dashboard import DashboardPage
from planner.ui.mainwindow import MainWindow
from tests.unit.test_export_marks import partial_project


def test_tile_navigator_pdf_and_workbook_count_alike(
    qtbot: Any, window: MainWindow, tmp_path: Path, model: CapabilityModel
) -> None:
    project = partial_project(model)
    # a domain holding a partly scored capability: its count must not call it scored
    project.assessment.capabilities["allocation"].lenses["process"] = None
    path = tmp_path / "partial.roadmap"
    save_project(project, path, keep_backup=False)
    assert window.files.open_path(path)
    doc = window.doc
    assert doc is not None
    coverage = doc.scorecard().coverage
    assert (coverage.full, coverage.partial, coverage.applicable) == (5, 2, 21)

    window.show_page("dashboard")
    dashboard = window.pages["dashboard"]
    assert isinstance(dashboard, DashboardPage)
    assert dashboard.progress.value.text() == "5 of 21"

    page = window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    tree = page.tree_model
    navigator = {tree.data(tree.index(row, 0)): tree.data(tree.index(row, 3)) for row in range(tree.rowCount())}

    report = build_report(doc.project, scorecard=doc.scorecard())
    pdf = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf_bytes(report)[0])).pages)
    ws = load_workbook(io.BytesIO(workbook_bytes(report)[0]))["Summary"]
    sheet = {row[0].value: row[3].value for row in ws.iter_rows(max_col=4) if row[0].value}

    assert "5 of 21 applicable capabilities fully scored" in pdf
    assert "DRAFT: 5 of 21 capabilities fully scored (2 partly scored, 14 not scored)" in pdf
    assert sheet["Overall"] == "5 of 21 capabilities fully scored (2 partly scored, 14 not scored)"
    understand = next(d for d in report.domains if d.id == "understand")
    domain = understand.coverage
    assert domain.partial >= 1  # allocation is in it
    for d in report.domains:
        full, applicable = d.coverage.full, d.coverage.applicable
        assert navigator[d.name] == f"{full}/{applicable} caps"
        assert sheet[d.name] == d.coverage.text
        assert f"{d.name} " in pdf and f" {d.coverage.brief}" in pdf
        expected_full = sum(1 for c in d.capabilities if c.applicable and all(s is not None for s in c.lens_scores))
        assert full == expected_full
    assert sum(d.coverage.full for d in report.domains) == coverage.full
