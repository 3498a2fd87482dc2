"""The model library in the app: the Capability models dialog and New asking which model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from planner.ui.mainwindow import MainWindow
from planner.ui.modelsdialog import COLUMNS, ModelsDialog
from tests.gui.conftest import Dialogs

SMALL = Path(__file__).parents[1] / "data" / "model-secops-small.json"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    here = tmp_path / "models"
    here.mkdir()
    (here / "secops.json").write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    (here / "broken.json").write_text('{"format": "finops-capability-model"}', encoding="utf-8")
    monkeypatch.setenv("PLANNER_MODEL_DIR", str(here))
    return here


def _rows(dialog: ModelsDialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(len(COLUMNS))] for r in range(table.rowCount())]


def test_the_dialog_lists_every_model_and_a_broken_one_with_its_problem(
    qtbot: Any, window: MainWindow, folder: Path, tmp_path: Path
) -> None:
    window.actions_by_name["models"].trigger()
    dialogs = [w for w in window.findChildren(ModelsDialog) if w.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    rows = _rows(dialog)
    assert rows[0][:5] == ["FinOps Framework 2026", "finops-2026", "2", "bundled", "22"]
    assert ["Cloud Security Practice", "secops-basics", "1", "own", "9", ""] in rows
    broken = next(r for r in rows if r[0] == "broken.json")
    assert broken[3] == "own" and "id: is missing" in broken[5]
    assert str(folder) in dialog.folder_label.text()
    dialog.grab().save(str(tmp_path / "models-dialog.png"))
    dialog.close()


def test_new_asks_which_model_and_starts_on_the_firm_model(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, folder: Path
) -> None:
    dialogs.answer("item", ("Cloud Security Practice (secops-basics, version 1, your own)", True))
    assert window.files.new()
    doc = window.doc
    assert doc is not None
    assert doc.project.model.id == "secops-basics"
    assert [lens.id for lens in doc.project.model.lenses] == ["people", "process", "technology", "measurement"]
    dialogs.answer("item", ("", False))
    doc.stack.setClean()
    assert not window.files.new()
    assert window.doc is doc


def test_export_then_import_a_model_from_the_menu(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, folder: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QMessageBox

    book_path = tmp_path / "ours.xlsx"
    dialogs.answer("save", book_path)
    window.actions_by_name["export_model"].trigger()
    assert dialogs.texts("information")[-1].startswith("Wrote ours.xlsx: FinOps Framework 2026")
    book = load_workbook(book_path)
    book["Capabilities"].append(["optimize", "ai-cost", "AI Cost Management", "Cost of AI services.", ""])
    book["Initiatives"].append(
        ["ai-cost", "crawl", "", "List AI services", "Done when listed.", "Engineering", "S", 1, "core", 3, "", "", ""]
    )
    book.save(book_path)
    dialogs.answer("open", book_path)
    dialogs.answer("question", QMessageBox.StandardButton.Yes)
    window.actions_by_name["import_model"].trigger()
    asked = dialogs.texts("question")[-1]
    assert asked.startswith("Changes against FinOps Framework 2026 (finops-2026, version 2, bundled):")
    assert "1 capability added: AI Cost Management" in asked
    assert (folder / "finops-2026-v3.json").is_file()
    assert dialogs.texts("information")[-1].startswith("Saved FinOps Framework 2026 as version 3")

    book["Levels"].cell(3, 3).value = "high"
    book.save(book_path)
    dialogs.answer("open", book_path)
    window.actions_by_name["import_model"].trigger()
    warned = dialogs.texts("warning")[-1]
    assert warned.startswith("ours.xlsx: 1 problem; nothing was saved.")
    assert "Levels, row 3, column 'Reached from (%)': must be a number, not 'high'" in warned
    assert not (folder / "finops-2026-v4.json").exists()
