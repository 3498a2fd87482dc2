"""The app's main flow on models other than FinOps: New on the firm's model, keyboard scoring of any
number of lenses, targets, the dashboard, the roadmap (which names a capability the library has
nothing for), both exports from the export dialog, save and reopen. Run on the small security model
of tests/data (4 lenses, 3 levels) and on a generated model of 500 capabilities (8 lenses, 6 levels,
long names)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.storage.projectdoc import project_to_document
from planner.ui.assessment import AssessmentPage
from planner.ui.dashboard import DashboardPage
from planner.ui.exportdialog import ExportDialog
from planner.ui.mainwindow import MainWindow
from planner.ui.roadmap.page import RoadmapPage
from tests.gui.conftest import Dialogs
from tests.modelgen import model_document

SMALL = Path(__file__).parents[1] / "data" / "model-secops-small.json"
_KEYS = {n: getattr(Qt.Key, f"Key_{n}") for n in range(5)}


@pytest.fixture(params=["small", "generated-500"])
def firm_model(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    folder = tmp_path / "models"
    folder.mkdir()
    if request.param == "small":
        document = json.loads(SMALL.read_text(encoding="utf-8"))
    else:
        document = model_document(500, levels=6, lenses=8, long_names=True)
    (folder / "firm.json").write_text(json.dumps(document), encoding="utf-8")
    monkeypatch.setenv("PLANNER_MODEL_DIR", str(folder))
    return document


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_the_workshop_flow_on_a_firm_model(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, firm_model: dict[str, Any], tmp_path: Path
) -> None:
    dialogs.answer("item", (f"{firm_model['name']} ({firm_model['id']}, version 1, your own)", True))
    assert window.files.new()
    doc = window.doc
    assert doc is not None
    model = doc.project.model
    assert model.id == firm_model["id"]
    lenses, levels = len(model.lenses), model.level_ids

    window.page_shortcut(2)
    assessment = window.pages["assessment"]
    assert isinstance(assessment, AssessmentPage)
    order = assessment.tree_model.capability_order()
    assert len(order) == len(model.capabilities)
    assessment.select_capability(order[0])
    for row in range(3):
        for j in range(lenses):
            qtbot.keyClick(QApplication.focusWidget(), _KEYS[(row + j) % 2])
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_BracketRight)
    assert assessment.progress_label.text() == f"<b>3 of {len(order)} scored</b>"
    for cap in order[:3]:
        assessment.select_capability(cap, focus_lenses=False)
        combo = assessment.panel.target
        combo.setCurrentIndex(combo.findData(levels[-1]))
        combo.activated.emit(combo.currentIndex())
    card = doc.scorecard()
    assert all(card.capabilities[c].gap == len(levels) - 1 for c in order[:3])

    window.show_page("dashboard")
    dashboard = window.pages["dashboard"]
    assert isinstance(dashboard, DashboardPage)
    qtbot.waitUntil(lambda: dashboard.redraws == 1, timeout=60_000)
    assert dashboard.progress.value.text() == f"3 of {len(order)}"

    window.show_page("roadmap")
    page = window.pages["roadmap"]
    assert isinstance(page, RoadmapPage)
    assert page.generate()
    planned = {i.capability for i in doc.project.roadmap.initiatives}
    with_library = {c for c in order[:3] if model.capability(c).initiatives}
    assert planned == with_library
    assert {i.phase for i in doc.project.roadmap.initiatives} <= set(levels[1:])
    warnings = page.warnings.texts()
    for cap in (c for c in order[:3] if c not in with_library):
        assert any(f"no initiatives for {model.capability(cap).name}" in w for w in warnings), warnings
    page.grab().save(str(tmp_path / "roadmap.png"))

    dialogs.answer("save", tmp_path / "firm.roadmap")
    assert window.files.save()
    dialog = window.export_report()
    assert isinstance(dialog, ExportDialog)
    dialog.paths["xlsx"].setText(str(tmp_path / "firm.xlsx"))
    dialog.paths["pdf"].setText(str(tmp_path / "firm.pdf"))
    with qtbot.waitSignal(dialog.export_finished, timeout=600_000) as finished:
        assert dialog.start()
    assert finished.args == [True]
    dialog.close()
    book = load_workbook(tmp_path / "firm.xlsx", read_only=True)
    assert sum(1 for row in book["Roadmap"].iter_rows(values_only=True) if row and row[0]) > len(
        doc.project.roadmap.initiatives
    )
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "firm.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert doc.project.roadmap.initiatives[0].title[:40] in flat
    assert all(level.name in flat for level in model.levels)

    before = project_to_document(doc.project)
    window.set_document(None)
    assert window.files.open_path(tmp_path / "firm.roadmap")
    assert window.doc is not None
    assert project_to_document(window.doc.project) == before
