"""Workshop mode: full screen, one capability at a time, the whole flow by keyboard, undoable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QWidget

from planner.model.capmodel import CapabilityModel
from planner.model.project import new_project
from planner.storage.models import load_bundled_model
from planner.storage.projectfile import load_project
from planner.ui.assessment import AssessmentPage
from planner.ui.document import Document
from planner.ui.look import apply_text_size
from planner.ui.mainwindow import MainWindow
from planner.ui.settings import TEXT_SIZE_RANGE
from planner.ui.workshop.cards import ChoiceCard, LensCard
from planner.ui.workshop.clock import StopwatchBook, clock_text
from planner.ui.workshop.view import WorkshopView
from tests.gui.conftest import Dialogs, open_document, scored_project

_DIGIT = [getattr(Qt.Key, f"Key_{n}") for n in range(10)]


def _key(qtbot: Any, key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard"
    qtbot.keyClick(target, key, mods)


def _view(window: MainWindow) -> WorkshopView:
    view = window.workshop.view
    assert view is not None, "not in workshop mode"
    return view


def _enter_on_new_project(qtbot: Any, window: MainWindow) -> Document:
    doc = Document(new_project(load_bundled_model()))
    window.set_document(doc)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    _key(qtbot, Qt.Key.Key_F11)
    return doc


def _shown_texts(root: QWidget) -> str:
    """Every text a visible label or text field under ``root`` shows."""
    texts = [w.text() for w in root.findChildren(QLabel) if w.isVisibleTo(root)]
    texts += [w.toPlainText() for w in root.findChildren(QPlainTextEdit) if w.isVisibleTo(root)]
    return "\n".join(texts)


def test_f11_enters_full_screen_and_esc_leaves_back_to_the_same_capability(qtbot: Any, window: MainWindow) -> None:
    _enter_on_new_project(qtbot, window)
    action = window.actions_by_name["workshop"]
    assert window.workshop.active and action.isChecked()
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    assert not window.nav.isVisible() and not window.menuBar().isVisible() and not window.statusBar().isVisible()
    view = _view(window)
    assert view.isVisible() and window.stack.isHidden()
    order = view.order
    assert view.cap_id == order[0]
    assert isinstance(QApplication.focusWidget(), LensCard)
    _key(qtbot, Qt.Key.Key_BracketRight)
    _key(qtbot, Qt.Key.Key_BracketRight)
    assert view.cap_id == order[2]
    _key(qtbot, Qt.Key.Key_Escape)
    assert not window.workshop.active and not action.isChecked()
    assert not window.windowState() & Qt.WindowState.WindowFullScreen
    assert window.nav.isVisible() and window.menuBar().isVisible()
    page = window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    assert window.current_page() == "assessment" and page.current_capability == order[2]
    # F11 toggles, and so does the View menu entry
    _key(qtbot, Qt.Key.Key_F11)
    assert window.workshop.active and _view(window).cap_id == order[2]
    _key(qtbot, Qt.Key.Key_F11)
    assert not window.workshop.active
    action.trigger()
    assert window.workshop.active
    action.trigger()
    assert not window.workshop.active and window.stack.currentWidget() is page
    assert page.isVisible() and window.nav.isVisible()


def test_without_a_project_there_is_no_workshop(qtbot: Any, window: MainWindow) -> None:
    assert not window.actions_by_name["workshop"].isEnabled()
    assert not window.workshop.enter()
    assert not window.workshop.active


def test_every_capability_scored_by_keyboard_alone_lands_in_the_project_one_undo_step_each(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    doc = _enter_on_new_project(qtbot, window)
    view = _view(window)
    model = doc.project.model
    targets = [level.id for level in model.levels[1:]]
    expected: dict[str, dict[str, int]] = {}
    for i, cap_id in enumerate(view.order):
        assert view.cap_id == cap_id
        scores = {lens: (i + j) % 5 for j, lens in enumerate(model.lens_ids)}
        for lens in model.lens_ids:  # each digit scores the focused lens and moves on
            focused = QApplication.focusWidget()
            assert isinstance(focused, LensCard) and focused.lens.id == lens
            _key(qtbot, _DIGIT[scores[lens]])
        assert QApplication.focusWidget() is view.target_card
        _key(qtbot, _DIGIT[1 + i % len(targets)])  # the target, then the importance
        assert QApplication.focusWidget() is view.importance_card
        _key(qtbot, _DIGIT[1 + i % 5])
        expected[cap_id] = scores
        _key(qtbot, Qt.Key.Key_PageDown if i % 2 else Qt.Key.Key_BracketRight)
    assert view.cap_id == view.order[-1]  # past the last it stays on the last
    records = doc.project.assessment.capabilities
    assert {cap: dict(records[cap].lenses) for cap in expected} == expected
    assert all(records[cap].target == targets[i % len(targets)] for i, cap in enumerate(view.order))
    assert all(records[cap].importance == 1 + i % 5 for i, cap in enumerate(view.order))
    card = doc.scorecard()
    assert card.scored_count == card.applicable_count == len(view.order)
    # one undo step per key: 5 scores + target + importance per capability, minus the importance
    # choices that were already the default (3)
    defaults = sum(1 for i in range(len(view.order)) if 1 + i % 5 == 3)
    assert doc.stack.count() == len(view.order) * 7 - defaults
    last = view.order[-1]
    assert doc.stack.text(doc.stack.count() - 1).startswith("Edit importance of")
    # Ctrl+Z works with the menu bar hidden; the screen follows
    _key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    _key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert records[last].target is None
    assert not any(c.chosen for c in view.target_card.cells[1:]) and view.target_card.cells[0].chosen
    _key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert records[last].lenses.get("automation") is None
    assert not any(c.chosen for c in view.lens_cards[-1].cells)
    _key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
    assert records[last].lenses["automation"] == expected[last]["automation"]
    # Home goes back to the first; [ stays there
    _key(qtbot, Qt.Key.Key_Home)
    _key(qtbot, Qt.Key.Key_BracketLeft)
    assert view.cap_id == view.order[0]
    # saved with Ctrl+S and read back from the file
    path = tmp_path / "workshop.roadmap"
    dialogs.answer("save", path)
    _key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    reread = load_project(path).assessment.capabilities
    assert dict(reread[view.order[0]].lenses) == expected[view.order[0]]
    assert window.workshop.active  # saving does not leave the workshop


def test_every_lens_shows_its_five_statements_before_a_score_and_highlights_the_choice(
    qtbot: Any, window: MainWindow
) -> None:
    doc = _enter_on_new_project(qtbot, window)
    view = _view(window)
    for card in view.lens_cards:
        assert card.value is None
        for n, cell in enumerate(card.cells):
            assert cell.isVisibleTo(view)
            assert card.lens.anchors[n] == cell.statement
            assert not cell.chosen
    shown = _shown_texts(view)
    assert shown.count("Not scored") >= len(view.lens_cards)
    _key(qtbot, Qt.Key.Key_3)
    knowledge = view.lens_cards[0]
    assert [c.chosen for c in knowledge.cells] == [False, False, False, True, False]
    assert knowledge.cells[3].property("chosen") is True
    assert doc.project.assessment.capabilities[view.cap_id].lenses["knowledge"] == 3
    # a click on a statement scores it too
    qtbot.mouseClick(view.lens_cards[1].cells[1], Qt.MouseButton.LeftButton)
    assert doc.project.assessment.capabilities[view.cap_id].lenses["process"] == 1
    assert QApplication.focusWidget() is view.lens_cards[1]


def test_tab_and_arrows_move_between_lenses_and_digits_outside_the_range_do_nothing(
    qtbot: Any, window: MainWindow
) -> None:
    doc = _enter_on_new_project(qtbot, window)
    view = _view(window)
    _key(qtbot, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is view.lens_cards[1]
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.lens_cards[2]
    _key(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    _key(qtbot, Qt.Key.Key_Up)
    assert QApplication.focusWidget() is view.lens_cards[0]
    _key(qtbot, Qt.Key.Key_7)
    assert view.cap_id not in doc.project.assessment.capabilities
    _key(qtbot, Qt.Key.Key_Right)
    _key(qtbot, Qt.Key.Key_Right)
    assert doc.project.assessment.capabilities[view.cap_id].lenses["knowledge"] == 1
    _key(qtbot, Qt.Key.Key_Delete)
    assert doc.project.assessment.capabilities[view.cap_id].lenses["knowledge"] is None
    assert isinstance(view.target_card, ChoiceCard)


def test_the_timer_counts_per_capability_continues_on_return_and_can_be_hidden(qtbot: Any, window: MainWindow) -> None:
    now = [100.0]
    window.workshop.new_clock = lambda: StopwatchBook(lambda: now[0])
    _enter_on_new_project(qtbot, window)
    view = _view(window)
    first, second = view.order[:2]
    assert view.timer_label.isVisible()
    now[0] += 75
    qtbot.waitUntil(lambda: view.timer_label.text() == "Time 1:15", timeout=3000)  # the label ticks by itself
    _key(qtbot, Qt.Key.Key_BracketRight)
    assert view.timer_label.text() == "Time 0:00"  # a new capability starts at zero
    now[0] += 30
    _key(qtbot, Qt.Key.Key_BracketLeft)
    assert view.timer_label.text() == "Time 1:15"  # and the first continues where it stopped
    now[0] += 5
    assert clock_text(view.clock.elapsed(first)) == "1:20"
    assert clock_text(view.clock.elapsed(second)) == "0:30"
    _key(qtbot, Qt.Key.Key_T)
    assert not view.timer_label.isVisible() and not window.settings.workshop_timer
    _key(qtbot, Qt.Key.Key_Escape)
    _key(qtbot, Qt.Key.Key_F11)
    view = _view(window)
    assert not view.timer_label.isVisible()  # the choice is remembered
    view.timer_button.click()
    assert view.timer_label.isVisible() and window.settings.workshop_timer
    # time in workshop mode is not part of the project
    assert window.doc is not None and not window.doc.modified


def test_notes_are_not_on_the_projector_and_the_questions_are(
    qtbot: Any, window: MainWindow, model: CapabilityModel
) -> None:
    project = scored_project(model)
    project.assessment.capabilities["allocation"].votes = {"p1": {"knowledge": 1}, "p2": {"knowledge": 3}}
    open_document(window, project)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    page.select_capability("allocation")
    _key(qtbot, Qt.Key.Key_F11)
    view = _view(window)
    assert view.cap_id == "allocation"
    shown = _shown_texts(view)
    found = project.assessment.capabilities["allocation"]
    assert found.internal_notes not in shown and found.notes not in shown
    assert "Workshop notes" not in shown  # the evidence
    cap = model.capability("allocation")
    assert cap.name in shown
    question = cap.questions[0].replace("'", "&#x27;")
    assert view.questions_shown and (question in view.questions.text.text())
    assert "Votes 1-3 (2)" in view.lens_cards[0].chosen_label.text()
    _key(qtbot, Qt.Key.Key_Q)
    assert not view.questions.isVisible() and not view.inline_questions.isVisible()
    _key(qtbot, Qt.Key.Key_Q)
    assert view.questions.isVisible() or view.inline_questions.isVisible()


def test_n_marks_the_capability_not_applicable_and_takes_the_reason(qtbot: Any, window: MainWindow) -> None:
    doc = _enter_on_new_project(qtbot, window)
    view = _view(window)
    cap = view.cap_id
    _key(qtbot, Qt.Key.Key_N)
    assert not doc.project.assessment.capabilities[cap].applicable
    assert QApplication.focusWidget() is view.na_reason
    assert not any(card.isEnabled() for card in view.lens_cards)
    assert all(card.chosen_label.text() == "N/A" for card in view.lens_cards)
    qtbot.keyClicks(view.na_reason, "No such spend")
    assert doc.project.assessment.capabilities[cap].na_reason == "No such spend"
    _key(qtbot, Qt.Key.Key_PageDown)  # page keys move on even from the reason field
    assert view.cap_id == view.order[1]
    assert isinstance(QApplication.focusWidget(), LensCard)
    _key(qtbot, Qt.Key.Key_PageUp)
    assert view.cap_id == cap and QApplication.focusWidget() is view.na_reason
    doc.stack.undo()  # the typing, as one step
    doc.stack.undo()  # the N
    assert doc.project.assessment.capabilities.get(cap) is None
    assert all(card.isEnabled() for card in view.lens_cards) and not view.na_reason.isVisible()


def test_another_project_or_a_page_shortcut_leaves_workshop_mode(qtbot: Any, window: MainWindow) -> None:
    _enter_on_new_project(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert not window.workshop.active and window.current_page() == "dashboard"
    _key(qtbot, Qt.Key.Key_F11)
    assert window.workshop.active
    window.set_document(Document(new_project(load_bundled_model())))
    assert not window.workshop.active and window.nav.isVisible()


@pytest.mark.parametrize(("size", "text"), [((1024, 768), None), ((1400, 900), None), ((1024, 768), "largest")])
def test_the_screen_fits_its_width_at_every_size(
    qtbot: Any, window: MainWindow, size: tuple[int, int], text: str | None
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    _enter_on_new_project(qtbot, window)
    try:
        window.setWindowState(Qt.WindowState.WindowNoState)  # offscreen: full screen is the fake screen's size
        window.resize(*size)
        view = _view(window)
        qtbot.waitUntil(lambda: view.width() == size[0])
        if text:  # made larger while the workshop is on screen: it lays itself out again
            apply_text_size(app, TEXT_SIZE_RANGE[1])
            qtbot.waitUntil(lambda: view.lens_cards[0].columns == 1)
        QApplication.processEvents()
        viewport = view.body_scroll.viewport().width()
        for card in view.lens_cards:
            assert card.width() <= viewport
            for cell in card.cells:
                assert cell.width() >= cell.fontMetrics().averageCharWidth() * 14  # a readable line each
        for choice in (view.target_card, view.importance_card):  # options are never cut
            assert choice.geometry().right() <= viewport
            for cell in choice.cells:
                assert cell.width() >= cell.minimumSizeHint().width()
        columns = view.lens_cards[0].columns
        assert columns == (1 if text else 5)
        assert view.title.font().pointSize() > app.font().pointSize()  # larger type than the pages
        assert view.lens_cards[0].cells[0].font().pointSize() > app.font().pointSize()
    finally:
        apply_text_size(app, None)
