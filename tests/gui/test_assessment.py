"""Scoring a capability with the keyboard alone, as in a workshop, and the navigator's view of it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextOption
from PySide6.QtWidgets import QApplication

from planner.model.edits import score_lens, set_capability_field
from planner.model.limits import LONG_TEXT_MAX
from planner.model.project import new_project
from planner.storage.models import load_bundled_model
from planner.ui.assessment import AssessmentPage
from planner.ui.document import Document
from planner.ui.mainwindow import MainWindow
from planner.ui.navmodel import CapabilityTreeModel
from tests.gui.conftest import Dialogs


def _page(window: MainWindow) -> AssessmentPage:
    window.set_document(Document(new_project(load_bundled_model())))
    window.show_page("assessment")
    page = window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    return page


def _focused_lens(page: AssessmentPage) -> str:
    focused = QApplication.focusWidget()
    rows = {row: row.lens.id for row in page.panel.lenses.rows}
    assert focused in rows, f"focus is on {focused!r}, not on a lens"
    return rows[focused]


def test_five_digits_score_a_capability_and_keys_move_between_capabilities(qtbot: Any, window: MainWindow) -> None:
    page = _page(window)
    window.activateWindow()
    first = page.current_capability
    page.select_capability(first)
    assert _focused_lens(page) == "knowledge"
    for key in (Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_1, Qt.Key.Key_4, Qt.Key.Key_0):
        qtbot.keyClick(QApplication.focusWidget(), key)
    doc = window.doc
    assert doc is not None
    lenses = doc.project.assessment.capabilities[first].lenses
    assert lenses == {"knowledge": 2, "process": 3, "metrics": 1, "adoption": 4, "automation": 0}
    assert doc.scorecard().capabilities[first].complete
    assert page.progress_label.text() == "<b>1 of 22 scored</b>"
    assert "0: " in page.panel.lenses.rows[4].anchor.text()
    # the navigator shows it complete, with its level
    model = page.tree_model
    assert model.data(model.index_of(first, 3)) == "✓"
    assert model.data(model.index_of(first, 1)) == "Crawl"  # 10 of 20 points = 50%: a mean lens score of 2
    # Up, Delete unscores; Left lowers
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert _focused_lens(page) == "adoption"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
    assert doc.project.assessment.capabilities[first].lenses["adoption"] is None
    assert page.progress_label.text() == "<b>0 of 22 scored</b>"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert doc.project.assessment.capabilities[first].lenses["metrics"] == 0
    # next capability with "]" and Ctrl+PgDown, back with "["
    order = model.capability_order()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_BracketRight)
    assert page.current_capability == order[1]
    assert _focused_lens(page) == "knowledge"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.current_capability == order[2]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_BracketLeft)
    assert page.current_capability == order[1]
    # every score is one undo step with a meaningful name
    assert doc.stack.text(0) == f"Score {doc.project.model.capability(first).name}: Knowledge 2"
    while doc.stack.canUndo():
        doc.stack.undo()
    assert first not in doc.project.assessment.capabilities  # unscored again: no empty record left behind
    assert not doc.modified


def test_brackets_type_normally_in_notes(qtbot: Any, window: MainWindow) -> None:
    page = _page(window)
    window.activateWindow()
    first = page.current_capability
    page.panel.notes.setFocus()
    qtbot.keyClicks(page.panel.notes, "see [a]")
    assert page.current_capability == first
    doc = window.doc
    assert doc is not None
    assert doc.project.assessment.capabilities[first].notes == "see [a]"
    assert doc.stack.count() == 1  # one burst of typing, one undo step


def test_target_importance_and_not_applicable(qtbot: Any, window: MainWindow) -> None:
    page = _page(window)
    doc = window.doc
    assert doc is not None
    cap = page.current_capability
    panel = page.panel
    panel.target.setCurrentIndex(panel.target.findData("walk"))
    panel.target.activated.emit(panel.target.currentIndex())
    panel.importance.setValue(5)
    assert doc.project.assessment.capabilities[cap].target == "walk"
    assert doc.project.assessment.capabilities[cap].importance == 5
    panel.not_applicable.setChecked(True)
    assert doc.project.assessment.capabilities[cap].applicable is False
    assert not panel.lenses.rows[0].isEnabled()
    assert page.tree_model.data(page.tree_model.index_of(cap, 3)) == "N/A"
    assert page.progress_label.text() == "<b>0 of 21 scored</b>"
    doc.stack.undo()
    assert panel.lenses.rows[0].isEnabled()
    assert not panel.not_applicable.isChecked()
    doc.stack.undo()
    assert panel.importance.value() == 3
    assert "not applicable" not in panel.explain.text()


def test_explain_shows_the_calculation(qtbot: Any, window: MainWindow) -> None:
    page = _page(window)
    panel = page.panel
    doc = window.doc
    assert doc is not None
    from planner.model.edits import score_lens

    for lens, value in (("knowledge", 4), ("process", 2)):
        doc.push(score_lens(doc.project, page.current_capability, lens, value))
    text = panel.explain.text()
    assert "Score = 100 x 6 / 8 = 75.0% (a weighted mean lens score of 3.00 of 4)" in text
    assert "below the Run band (87.5%), so the level is Walk." in text
    assert "halfway between the anchor below and the anchor of that level" in text  # the rule, from the model
    assert "this application's convention" in text and "defines no numeric bands" in text
    assert "Incomplete" in text
    assert doc.project.model.bands_note in text


def test_navigator_model_passes_the_model_tester(qtmodeltester: Any, qtbot: Any, model: Any) -> None:
    from tests.gui.conftest import scored_project

    doc = Document(scored_project(model))
    tree = CapabilityTreeModel(doc)
    qtmodeltester.check(tree)
    empty = CapabilityTreeModel(Document(new_project(load_bundled_model())))
    qtmodeltester.check(empty)


def test_typing_in_a_note_keeps_its_special_spaces_and_line_separators(qtbot: Any, window: MainWindow) -> None:
    page = _page(window)
    doc = window.doc
    assert doc is not None
    cap = page.current_capability
    typed = "Tags\u00a0v2 cover 80\u202f%\u2028second line"
    doc.push(set_capability_field(doc.project, cap, "notes", typed))
    field = page.panel.notes
    field.setFocus()
    field.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(field, "!")
    assert doc.project.assessment.capabilities[cap].notes == typed + "!"


def test_the_badge_and_the_navigator_show_the_same_score(qtbot: Any, window: MainWindow) -> None:
    page = _page(window)
    doc = window.doc
    assert doc is not None
    cap = page.current_capability
    for lens, value in (("knowledge", 4), ("process", 2), ("metrics", 3), ("adoption", 1)):
        doc.push(score_lens(doc.project, cap, lens, value))  # 10 of 16 points = 62.5%
    assert doc.scorecard().capabilities[cap].score == 62.5
    tooltip = page.tree_model.data(page.tree_model.index_of(cap, 0), Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("62.5% ")
    assert page.panel.badge.text().endswith("\u00b7 62.5%")


def test_pasting_past_the_limit_is_refused_and_a_long_unbroken_line_wraps_anywhere(
    qtbot: Any, window: MainWindow, dialogs: Dialogs
) -> None:
    page = _page(window)
    doc = window.doc
    assert doc is not None
    cap = page.current_capability
    field = page.panel.notes
    field.setFocus()
    clipboard = QApplication.clipboard()
    clipboard.setText("x" * (LONG_TEXT_MAX + 1))
    field.paste()
    assert f"at most {LONG_TEXT_MAX:,}" in dialogs.texts("warning")[0]
    assert field.text() == ""
    assert cap not in doc.project.assessment.capabilities
    log_line = "ERROR:" + "0123456789abcdef" * 9_000  # one unbroken line of 144,006 characters
    clipboard.setText(log_line)
    field.paste()
    assert field.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere
    assert doc.project.assessment.capabilities[cap].notes == log_line
    doc.push(set_capability_field(doc.project, cap, "notes", "Short again."))
    assert field.wordWrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere


def test_the_help_page_states_the_band_rule(qtbot: Any, model: Any) -> None:
    from planner.ui.helpdialogs import method_html

    page = method_html(model)
    assert "halfway between the anchor below and the anchor of that level" in page
    assert "<b>Ad hoc</b> from 0%" in page and "<b>Crawl</b> from 37.5%" in page


def test_the_kpis_tab_shows_the_target_at_the_chosen_level(qtbot: Any, window: MainWindow) -> None:
    from planner.report.kpis import target_at

    page = _page(window)
    panel = page.panel
    model = window.doc.project.model if window.doc else None
    assert model is not None
    cap = model.capability(page.current_capability)
    tabs = [panel.info_tabs.tabText(i) for i in range(panel.info_tabs.count())]
    assert "KPIs" in tabs
    panel.target.setCurrentIndex(panel.target.findData("run"))
    panel.target.activated.emit(panel.target.currentIndex())
    names = [level.name for level in model.levels]
    shown = panel.kpis.text()
    for kpi in cap.kpis:
        assert kpi.name in shown
        assert f"Target at Run: {target_at(kpi.measure, 'Run', names)}".replace("&", "&amp;") in shown
    window.doc.stack.undo()  # type: ignore[union-attr]
    assert "Target at" not in panel.kpis.text()  # no target: only what to measure
