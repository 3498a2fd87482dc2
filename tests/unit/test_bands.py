"""The level bands of the 2026 model, revision 2: the midpoint rule, said wherever a score is explained.

New projects get the bundled model (Ad hoc 0, Crawl 37.5, Walk 62.5, Run 87.5); a project keeps the
model it embeds, so the golden files of release 1 keep 25/50/75 until their model is upgraded.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from exports.pdf.document import pdf_bytes
from exports.xlsx.workbook import write_xlsx
from planner.model.capmodel import CapabilityModel
from planner.model.project import new_project
from planner.report.data import build_report
from planner.storage.projectfile import load_project, save_project
from tests.conftest import DATA
from tests.factories import scored_project

RULE = "halfway between the anchor below and the anchor of that level"


def test_a_new_project_gets_the_midpoint_bands_and_keeps_them_through_a_save(
    model: CapabilityModel, tmp_path: Path
) -> None:
    project = new_project(model, client="Acme")
    path = tmp_path / "acme.roadmap"
    save_project(project, path)
    again = load_project(path).model
    assert [(lv.id, lv.name, lv.min_score) for lv in again.levels] == [
        ("none", "Ad hoc", 0),
        ("crawl", "Crawl", 37.5),
        ("walk", "Walk", 62.5),
        ("run", "Run", 87.5),
    ]
    assert again.revision == 2
    assert RULE in again.bands_note and "defines no numeric bands" in again.bands_note
    assert [p.name for p in load_project(path).roadmap.phases] == ["Crawl", "Walk", "Run"]


def test_projects_of_release_1_keep_their_bands() -> None:
    for name in ("project-v1.roadmap", "project-v2.roadmap"):
        model = load_project(DATA / name).model
        assert [lv.min_score for lv in model.levels] == [0, 25, 50, 75], name
        assert model.level("none").name == "Not started"
        assert model.revision == 1


def test_the_pdf_method_page_states_the_rule(model: CapabilityModel) -> None:
    data, _ = pdf_bytes(build_report(scored_project(model)))
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())
    method = text[text.index("Appendix: method") :]
    assert RULE in method
    assert "this application's convention; the FinOps Foundation defines no numeric bands" in method
    for name, start in (("Ad hoc", "0%"), ("Crawl", "37.5%"), ("Walk", "62.5%"), ("Run", "87.5%")):
        assert f"{name} {start}" in method


def test_the_workbook_method_sheet_states_the_rule(model: CapabilityModel, tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_xlsx(build_report(scored_project(model)), path)
    ws = load_workbook(path)["Method"]
    cells = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    assert any(isinstance(v, str) and RULE in v and "defines no numeric bands" in v for v in cells)
    bands = {row[0].value: row[1] for row in ws.iter_rows() if row[0].value in ("Ad hoc", "Crawl", "Walk", "Run")}
    assert {name: cell.value for name, cell in bands.items()} == {"Ad hoc": 0, "Crawl": 37.5, "Walk": 62.5, "Run": 87.5}
    assert bands["Crawl"].number_format == "General"  # shown as 37.5, not rounded to 38
