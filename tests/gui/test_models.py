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
