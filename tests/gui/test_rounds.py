"""Rounds in the app: start a re-assessment from the File menu, view, rename and delete rounds, the Progress view."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QTableWidget

from planner.model.capmodel import CapabilityModel
from planner.model.edits import score_lens
from planner.ui.mainwindow import MainWindow
from planner.ui.rounds import ReassessDialog, RoundsDialog
from tests.gui.conftest import Dialogs, open_document
from tests.gui.roadmap_support import planned_project


def _dialog(kind: type[QDialog]) -> Any:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert found, f"no {kind.__name__} open"
    return found[-1]


def test_start_reassessment_from_the_file_menu_is_one_undo_step(
    qtbot: Any, window: MainWindow, model: CapabilityModel, tmp_path: Path
) -> None:
    doc = open_document(window, planned_project(model))
    window.actions_by_name["reassess"].trigger()
    dialog = _dialog(ReassessDialog)
    dialog.label.setText("Baseline, November 2026")
    dialog.ok_button.click()
    [frozen] = doc.project.assessment.history
    assert frozen.label == "Baseline, November 2026"
    assert doc.project.engagement.assessment_date == dt.date.today().isoformat()
    assert doc.modified
    doc.stack.undo()
    assert doc.project.assessment.history == []


def test_a_round_in_the_future_is_refused_in_the_dialog(qtbot: Any, window: MainWindow, model: CapabilityModel) -> None:
    doc = open_document(window, planned_project(model))
    dialog = ReassessDialog(doc, window, today=dt.date(2026, 11, 1))
    qtbot.addWidget(dialog)
    dialog.label.setText("")
    dialog.accept()
    assert dialog.error.isVisibleTo(dialog) and "needs a label" in dialog.error.text()
    assert doc.project.assessment.history == []


def test_rounds_are_viewed_renamed_and_deleted_with_a_confirmation(
    qtbot: Any, window: MainWindow, model: CapabilityModel, dialogs: Dialogs, tmp_path: Path
) -> None:
    doc = open_document(window, planned_project(model))
    dialog = ReassessDialog(doc, window)
    qtbot.addWidget(dialog)
    dialog.label.setText("Baseline")
    dialog.accept()
    for lens in model.lens_ids:
        doc.push(score_lens(doc.project, "allocation", lens, 4))
    rounds = RoundsDialog(doc, window)
    qtbot.addWidget(rounds)
    assert rounds.rounds.count() == 1 and rounds.selected_id() == doc.project.assessment.history[0].id
    view = rounds.view_selected()
    assert view is not None
    table = view.findChild(QTableWidget)
    assert table.item(1, 0).text() == model.capability("allocation").name
    assert not table.editTriggers()  # read-only
    view.close()
    assert rounds.rename_selected("Baseline, November 2026")
    assert "Baseline, November 2026" in rounds.rounds.item(0).text()
    # Progress: the latest round against now, Allocation moved up
    progress = rounds.progress
    assert progress.report is not None
    assert "1 capability moved up" in progress.report.headline
    texts = [progress.table.item(r, 0).text().strip() for r in range(progress.table.rowCount())]
    row = texts.index(model.capability("allocation").name)
    assert progress.table.item(row, 6).text() == "Up"
    assert progress.canvas is not None
    progress.grab().save(str(tmp_path / "progress.png"))
    dialogs.answer("question", QMessageBox.StandardButton.No)
    assert not rounds.delete_selected()
    dialogs.answer("question", QMessageBox.StandardButton.Yes)
    assert rounds.delete_selected()
    assert rounds.rounds.count() == 0 and rounds.empty.isVisibleTo(rounds)
    assert progress.report is None and "no earlier round" in progress.headline.text()
    doc.stack.undo()
    assert rounds.rounds.count() == 1


def test_import_an_earlier_assessment_as_a_round(
    qtbot: Any, window: MainWindow, model: CapabilityModel, dialogs: Dialogs, tmp_path: Path
) -> None:
    from planner.storage.projectfile import save_project

    earlier = planned_project(model)
    earlier.engagement.client = "Someone Else"
    earlier.engagement.assessment_date = "2026-05-10"
    path = tmp_path / "last-quarter.roadmap"
    save_project(earlier, path)
    doc = open_document(window, planned_project(model))
    dialogs.answer("open", path)
    dialogs.answer("question", QMessageBox.StandardButton.No)
    window.actions_by_name["import_round"].trigger()
    assert doc.project.assessment.history == []
    assert "Someone Else" in dialogs.texts("question")[-1]
    dialogs.answer("open", path)
    dialogs.answer("question", QMessageBox.StandardButton.Yes)
    window.actions_by_name["import_round"].trigger()
    [past] = doc.project.assessment.history
    assert past.date == "2026-05-10"
    assert "as a round" in dialogs.texts("information")[-1]
    (tmp_path / "broken.roadmap").write_text("{", encoding="utf-8")
    dialogs.answer("open", tmp_path / "broken.roadmap")
    window.actions_by_name["import_round"].trigger()
    assert "broken.roadmap was not imported" in dialogs.texts("warning")[-1]
    assert len(doc.project.assessment.history) == 1
