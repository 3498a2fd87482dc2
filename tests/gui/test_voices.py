"""Participants, votes, disagreements and the questionnaire round trip, driven through the real widgets."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox

from planner.model.capmodel import CapabilityModel
from planner.model.voices import set_vote
from planner.ui.assessment import AssessmentPage
from planner.ui.engagement import EngagementPage
from planner.ui.mainwindow import MainWindow
from planner.ui.voices import roundtrip
from planner.ui.voices.agenda import DisagreementsButton, DisagreementsDialog
from planner.ui.voices.participants import ParticipantDialog
from tests.gui.conftest import Dialogs, open_document
from tests.questionnaires import project_with_people, write_filled

SHOTS = os.environ.get("PLANNER_SHOTS")


def _shot(widget: Any, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def _answer_dialog(monkeypatch: pytest.MonkeyPatch, name: str, role: str = "", team: str = "") -> None:
    def run(self: ParticipantDialog) -> int:
        self.name.setText(name)
        self.role.setCurrentIndex(max(0, self.role.findData(role)))
        self.team.setText(team)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ParticipantDialog, "exec", run)


def test_participants_are_added_edited_and_removed_with_their_votes(
    window: MainWindow, model: CapabilityModel, monkeypatch: pytest.MonkeyPatch, dialogs: Dialogs
) -> None:
    doc = open_document(window, project_with_people(model))
    window.show_page("engagement")
    page = window.pages["engagement"]
    assert isinstance(page, EngagementPage)
    box = page.participants
    assert box.table.rowCount() == 3
    _answer_dialog(monkeypatch, "Dana Lee", "Finance", "FP&A")
    box.add()
    assert box.table.rowCount() == 4 and box.table.item(3, 1).text() == "Finance"
    assert doc.project.engagement.participants[-1].id == "dana-lee"
    doc.stack.undo()
    assert box.table.rowCount() == 3
    doc.stack.redo()
    doc.push(set_vote(doc.project, "allocation", "process", "dana-lee", 2))
    box.table.selectRow(3)
    dialogs.answer("question", QMessageBox.StandardButton.Yes)
    box.remove_selected()
    assert "has 1 vote" in dialogs.texts("question")[0]
    assert box.table.rowCount() == 3
    assert "dana-lee" not in doc.project.assessment.capabilities["allocation"].votes
    doc.stack.undo()  # one step brings back the person and the vote
    assert doc.project.assessment.capabilities["allocation"].votes["dana-lee"] == {"process": 2}
    assert box.table.rowCount() == 4
    _shot(page, "engagement-participants")


def test_votes_spread_and_the_median_as_consensus(window: MainWindow, model: CapabilityModel, dialogs: Dialogs) -> None:
    doc = open_document(window, project_with_people(model))
    window.show_page("assessment")
    page = window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    page.select_capability("allocation", focus_lenses=False)
    votes = page.votes
    assert votes.cap_id == "allocation"
    for who, value in (("ana", 0), ("ben", 4), ("chen", 3)):
        combo = votes.combos[("process", who)]
        combo.setCurrentIndex(combo.findData(value))
        combo.activated.emit(combo.currentIndex())
    assert doc.project.assessment.capabilities["allocation"].votes == {
        "ana": {"process": 0},
        "ben": {"process": 4},
        "chen": {"process": 3},
    }
    row = 1 + model.lens_ids.index("process")
    spread = votes.grid.itemAtPosition(row, 4).widget()
    assert isinstance(spread, QLabel) and spread.text().startswith("0-4")
    assert "Ben Okafor" in spread.toolTip()
    before = doc.project.assessment.capabilities["allocation"].lenses["process"]
    assert before != 3
    dialogs.answer("question", QMessageBox.StandardButton.No)
    votes.accept_median()
    assert doc.project.assessment.capabilities["allocation"].lenses["process"] == before  # never silently
    dialogs.answer("question", QMessageBox.StandardButton.Yes)
    votes.accept_median()
    assert doc.project.assessment.capabilities["allocation"].lenses["process"] == 3
    page.panel.info_tabs.setCurrentWidget(votes.tab_page)
    _shot(page, "assessment-votes")
    doc.stack.undo()
    assert doc.project.assessment.capabilities["allocation"].lenses["process"] == before


def test_disagreements_from_the_dashboard_lead_to_the_capability(window: MainWindow, model: CapabilityModel) -> None:
    project = project_with_people(model)
    project.assessment.capabilities["forecasting"].votes = {"ana": {"metrics": 0}, "ben": {"metrics": 4}}
    project.assessment.capabilities["allocation"].votes = {"ana": {"process": 2}, "chen": {"process": 3}}
    open_document(window, project)
    window.show_page("dashboard")
    button = window.pages["dashboard"].findChild(DisagreementsButton)
    assert button is not None and button.text() == "Disagreements: 2 lenses…"
    button.click()
    dialog = window.findChild(DisagreementsDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.item(0, 0).text() == "Forecasting" and dialog.table.item(0, 2).text().startswith("0-4")
    assert "Ana Souza" in dialog.table.item(0, 3).text()
    _shot(dialog, "disagreements")
    dialog.go_to(1)
    page = window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    assert window.current_page() == "assessment" and page.current_capability == "allocation"
    dialog.close()


def test_export_questionnaires_then_import_by_dropping_them(
    window: MainWindow, model: CapabilityModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = open_document(window, project_with_people(model))
    monkeypatch.setattr(roundtrip._ChooseDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    out = tmp_path / "out"
    out.mkdir()
    written = roundtrip.export_questionnaires(window, folder=out)
    assert sorted(p.name for p in written) == [
        "Northwind Retail questionnaire - Ana Souza.xlsx",
        "Northwind Retail questionnaire - Ben Okafor.xlsx",
        "Northwind Retail questionnaire - Chen Wei.xlsx",
    ]
    filled = [
        write_filled(tmp_path, doc.project, "ana", {"allocation/process": 1}),
        write_filled(tmp_path, doc.project, "ben", {"allocation/process": 4, "allocation/metrics": "N/A"}),
        tmp_path / "junk.xlsx",
    ]
    filled[2].write_bytes(b"not a workbook")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in filled])
    event = QDropEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)
    review = window.findChild(roundtrip.ReviewDialog)
    assert review is not None and review.isVisible()
    top = [review.tree.topLevelItem(i) for i in range(review.tree.topLevelItemCount())]
    assert [t.text(1) for t in top] == ["Ana Souza", "Ben Okafor", "refused"]
    assert top[1].child(0).text(1) == "new" and "Metrics N/A" in top[1].child(0).text(2)
    _shot(review, "import-review")
    assert not doc.project.assessment.capabilities["allocation"].votes  # nothing before the review is accepted
    review.record.click()
    assert doc.project.assessment.capabilities["allocation"].votes == {
        "ana": {"process": 1},
        "ben": {"process": 4, "metrics": None},
    }
    doc.stack.undo()  # one step
    assert not doc.project.assessment.capabilities["allocation"].votes


def test_votes_panel_alone(window: MainWindow, model: CapabilityModel) -> None:
    open_document(window, project_with_people(model))
    window.show_page("assessment")
    page = window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    page.select_capability("allocation", focus_lenses=False)
    page.panel.info_tabs.setCurrentWidget(page.votes.tab_page)
    assert page.votes.use_median.isVisible() and page.votes.agenda.isVisible()
    assert page.votes.hint.isVisible() and "spread" in page.votes.hint.text()
    _shot(page.votes, "votes-panel")
