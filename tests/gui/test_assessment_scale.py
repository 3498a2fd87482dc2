"""The assessment page outside workshop mode: the scale before a choice, Ctrl+3, N/A and its reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from planner.model.project import new_project
from planner.storage.models import load_bundled_model
from planner.storage.projectfile import load_project
from planner.ui.assessment import AssessmentPage
from planner.ui.document import Document
from planner.ui.lenses import LensRow
from planner.ui.mainwindow import MainWindow
from tests.gui.conftest import Dialogs


def _open_new(window: MainWindow) -> Document:
    doc = Document(new_project(load_bundled_model()))
    window.set_document(doc)
    window.show_page("welcome")
    window.activateWindow()
    window.nav.setFocus()
    return doc


def test_ctrl_3_lands_on_the_first_lens_so_digits_score_and_brackets_go_on_from_there(
    qtbot: Any, window: MainWindow
) -> None:
    doc = _open_new(window)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    assert window.current_page() == "assessment"
    order = page.tree_model.capability_order()
    focused = QApplication.focusWidget()
    assert isinstance(focused, LensRow), f"focus is on {focused!r}"
    assert (page.current_capability, focused.lens.id) == (order[0], "knowledge")
    for key in (Qt.Key.Key_2, Qt.Key.Key_3):
        qtbot.keyClick(QApplication.focusWidget(), key)
    assert doc.project.assessment.capabilities[order[0]].lenses == {"knowledge": 2, "process": 3}
    # leaving and coming back by keyboard resumes on the next unscored lens of the same capability
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    focused = QApplication.focusWidget()
    assert isinstance(focused, LensRow)
    assert (page.current_capability, focused.lens.id) == (order[0], "metrics")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_BracketRight)
    assert page.current_capability == order[1]  # the one after the capability worked on, none skipped


def test_the_focused_lens_lists_its_whole_scale_before_a_score_is_chosen(qtbot: Any, window: MainWindow) -> None:
    _open_new(window)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    rows = page.panel.lenses.rows
    first = rows[0]
    assert first.value is None
    assert first.scale.isVisible()
    listed = first.scale.text()
    for anchor in first.lens.anchors:
        assert anchor.replace("'", "&#x27;") in listed or anchor in listed
    assert not any(row.scale.isVisible() for row in rows[1:])  # only the row in hand unfolds
    assert not first.anchor.isVisible() and rows[1].anchor.isVisible()
    # pointing at a button of another row previews that statement in place of "not scored"
    button = rows[2].buttons[3]
    QApplication.sendEvent(button, QEvent(QEvent.Type.Enter))
    assert rows[2].anchor.text() == f"3: {rows[2].lens.anchors[3]}"
    QApplication.sendEvent(button, QEvent(QEvent.Type.Leave))
    assert rows[2].anchor.text() == "Not scored yet. Press 0-4."
    # after a digit the focus moves on and the next row unfolds; the scored row keeps its statement
    qtbot.keyClick(first, Qt.Key.Key_1)
    assert rows[1].scale.isVisible() and not first.scale.isVisible()
    assert first.anchor.text() == f"1: {first.lens.anchors[1]}" and first.anchor.isVisible()


def test_not_applicable_lenses_ask_for_no_score_and_the_reason_is_saved_and_reopened(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    doc = _open_new(window)
    window.show_page("assessment")
    page = window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    page.select_capability("sustainability")
    panel = page.panel
    assert not panel.na_reason.isVisible()  # applicable: no reason asked
    panel.not_applicable.click()
    assert not doc.project.assessment.capabilities["sustainability"].applicable
    for row in panel.lenses.rows:
        assert "Press 0-4" not in row.anchor.text()
        assert "does not apply" in row.anchor.text()
    assert panel.na_reason.isVisible()
    panel.na_reason.setFocus()
    qtbot.keyClicks(panel.na_reason, "No reporting duty")
    found = doc.project.assessment.capabilities["sustainability"]
    assert found.na_reason == "No reporting duty"
    assert doc.stack.count() == 2  # the tick, and the whole burst of typing as one step
    path = tmp_path / "na.roadmap"
    dialogs.answer("save", path)
    assert window.files.save_as()
    assert load_project(path).assessment.capabilities["sustainability"].na_reason == "No reporting duty"
    # reopened from the file, the reason is shown again
    assert window.files.open_path(path)
    reopened = window.pages["assessment"]
    assert isinstance(reopened, AssessmentPage)
    reopened.select_capability("sustainability")
    assert reopened.panel.na_reason.toPlainText() == "No reporting duty"
    assert reopened.panel.na_reason.isVisible()


def test_the_scored_column_names_what_it_counts(qtbot: Any, window: MainWindow) -> None:
    doc = _open_new(window)
    window.show_page("assessment")
    page = window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    model = page.tree_model
    domain = model.index(0, 3)
    caps = doc.project.model.domains[0].capability_ids
    assert model.data(domain) == f"0/{len(caps)} caps"
    assert "capabilities" in model.data(domain, Qt.ItemDataRole.ToolTipRole)
    cap = model.index_of(caps[0], 3)
    assert model.data(cap) == "0/5"
    assert model.data(cap, Qt.ItemDataRole.ToolTipRole) == "0 of 5 lenses of this capability scored"
    assert "lenses" in model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    # the domain's count (bold) fits its column: nothing elided
    tree = page.tree
    bold = tree.font()
    bold.setBold(True)
    widest = max(len(d.capability_ids) for d in doc.project.model.domains)
    assert tree.header().sectionSize(3) >= QFontMetrics(bold).horizontalAdvance(f"{widest}/{widest} caps")
