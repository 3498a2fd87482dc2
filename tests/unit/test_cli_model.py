"""``planner model export|check|import``, run as a consultant runs them: real processes, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planner.storage.projectfile import load_project


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    values = dict(os.environ)
    values["PLANNER_MODEL_DIR"] = str(tmp_path / "firm")
    return values


def run(env: dict[str, str], *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planner", *map(str, args)], capture_output=True, text=True, timeout=120, env=env
    )


def test_export_edit_import_and_start_a_project(env: dict[str, str], tmp_path: Path) -> None:
    book_path = tmp_path / "acme.xlsx"
    out = run(env, "model", "export", "finops-2026", "-o", book_path)
    assert out.returncode == 0, out.stderr
    book = load_workbook(book_path)
    model_sheet = book["Model"]
    for row in range(2, model_sheet.max_row + 1):
        if model_sheet.cell(row, 1).value == "Id":
            model_sheet.cell(row, 2).value = "acme-finops"
        if model_sheet.cell(row, 1).value == "Name":
            model_sheet.cell(row, 2).value = "Acme FinOps Method"
    book["Capabilities"].append(
        ["optimize", "ai-cost", "AI Cost Management", "Cost of AI services and models.", "allocation"]
    )
    book["Level descriptions"].append(["ai-cost", "crawl", "AI spend is listed by team."])
    book["Initiatives"].append(
        [
            "ai-cost",
            "crawl",
            "ai-cost.crawl.inventory",
            "Inventory AI services",
            "Done when listed.",
            "Engineering",
            "S",
            1,
            "core",
            3,
            "",
            "",
            "knowledge",
        ]
    )
    book["Initiatives"].append(
        [
            "ai-cost",
            "walk",
            "ai-cost.walk.unit-cost",
            "Cost per inference",
            "Done when reported monthly.",
            "Finance",
            "M",
            2,
            "core",
            2,
            "",
            "ai-cost.crawl.inventory",
            "metrics",
        ]
    )
    book.save(book_path)

    out = run(env, "model", "check", book_path)
    assert out.returncode == 0, out.stderr
    assert "a valid model: Acme FinOps Method (acme-finops, 23 capabilities)" in out.stdout
    out = run(env, "model", "import", book_path)
    assert out.returncode == 0, out.stderr
    # a new id, compared with the model the workbook was exported from
    assert "Changes against FinOps Framework 2026 (finops-2026, version 2, bundled):" in out.stdout
    assert "  id: 'finops-2026' -> 'acme-finops'" in out.stdout
    assert "  1 capability added: AI Cost Management" in out.stdout
    saved = Path(env["PLANNER_MODEL_DIR"]) / "acme-finops-v1.json"
    assert saved.is_file() and json.loads(saved.read_text(encoding="utf-8"))["revision"] == 1

    # edit again: the next import is a new version with a summary of the change
    book = load_workbook(book_path)
    book["Initiatives"].append(
        [
            "ai-cost",
            "run",
            "ai-cost.run.budget-guardrails",
            "Guardrails on AI budgets",
            "Done when enforced.",
            "Leadership",
            "L",
            3,
            "core",
            3,
            "",
            "ai-cost.walk.unit-cost",
            "automation",
        ]
    )
    book.save(book_path)
    out = run(env, "model", "import", book_path)
    assert out.returncode == 0, out.stderr
    assert "Changes against Acme FinOps Method (acme-finops, version 1, own):" in out.stdout
    assert "  AI Cost Management: 1 initiative added" in out.stdout
    assert "as version 2" in out.stdout

    project_path = tmp_path / "acme.roadmap"
    out = run(env, "new", "-o", project_path, "--client", "Acme", "--model", "acme-finops")
    assert out.returncode == 0, out.stderr
    project = load_project(project_path)
    assert project.model.revision == 2 and "ai-cost" in project.model.capabilities
    listed = run(env, "models").stdout
    assert any(line.split()[-4:] == ["acme-finops", "2", "own", "23"] for line in listed.splitlines())


def test_a_bad_workbook_lists_every_problem_and_saves_nothing(env: dict[str, str], tmp_path: Path) -> None:
    book_path = tmp_path / "bad.xlsx"
    assert run(env, "model", "export", "finops-2026", "-o", book_path).returncode == 0
    book = load_workbook(book_path)
    book["Levels"].cell(3, 3).value = 95
    book["Initiatives"].cell(2, 12).value = "missing.key"
    book.save(book_path)
    for action in ("check", "import"):
        out = run(env, "model", action, book_path)
        assert out.returncode == 2
        lines = out.stderr.splitlines()
        assert lines[0] == "planner: bad.xlsx: 2 problems"
        assert "  Levels, row 4, column 'Reached from (%)': bands must increase from one level to the next" in lines
        assert "  Initiatives, row 2, column 'Requires': requires unknown initiative 'missing.key'" in lines
    assert not Path(env["PLANNER_MODEL_DIR"]).exists() or not list(Path(env["PLANNER_MODEL_DIR"]).iterdir())
    text = tmp_path / "x.xlsx"
    text.write_text("hello")
    out = run(env, "model", "import", text)
    assert out.returncode == 2 and out.stderr.startswith("planner: x.xlsx: it is not an Excel workbook")


def test_json_export_and_import(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    out = run(env, "model", "export", "finops-2026", "-o", path)
    assert out.returncode == 0, out.stderr
    assert json.loads(path.read_text(encoding="utf-8"))["id"] == "finops-2026"
    out = run(env, "model", "import", path)
    assert out.returncode == 0 and "nothing was saved" in out.stdout
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["name"] = "FinOps 2026, our edition"
    path.write_text(json.dumps(doc), encoding="utf-8")
    out = run(env, "model", "import", path)
    assert out.returncode == 0, out.stderr
    assert "name: 'FinOps Framework 2026' -> 'FinOps 2026, our edition'" in out.stdout
    assert "as version 3" in out.stdout  # above the bundled version 2, which stays as it is
    doc["levels"] = []
    path.write_text(json.dumps(doc), encoding="utf-8")
    out = run(env, "model", "check", path)
    assert out.returncode == 2 and "levels: needs at least two levels" in out.stderr
