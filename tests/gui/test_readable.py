"""Readable at every size: the demo at 1024x768 (a projector mode) and at the largest text size.

Each page is shown in a real window of that size and every capability name (and initiative
title) is measured where the widget draws it: the box it gets, the font it is drawn in, the lines
that fit. No capability name may be cut to fewer than its first two words; initiative titles on
the board, in the table and on the timeline show in full.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication, QStyle

from planner.ui.app import demo_path
from planner.ui.assessment import AssessmentPage
from planner.ui.look import apply_text_size
from planner.ui.mainwindow import MainWindow
from planner.ui.settings import TEXT_SIZE_RANGE, Settings
from tests.gui.readability import shown_text, starts_with_words

#: (window size, text size): a projector's 1024x768 at the system's text size, and the largest text.
SIZES = [((1024, 768), None), ((1400, 900), TEXT_SIZE_RANGE[1])]


@pytest.fixture(params=SIZES, ids=["1024x768", "largest-text"])
def demo_window(request: Any, make_window: Any, settings: Settings, qapp: QApplication) -> Iterator[MainWindow]:
    (width, height), text_size = request.param
    settings.text_size = text_size
    demo = demo_path()
    assert demo is not None
    window = make_window(demo)
    window.resize(width, height)
    assert window.open_demo()
    QApplication.processEvents()
    yield window
    apply_text_size(qapp, None)


def _settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def _cell_text_width(style: QStyle, width: int) -> int:
    """The width a view's delegate gives a cell's text (the style's text margin on both sides)."""
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
    return width - 2 * margin


def test_the_navigator_shows_every_capability_name(demo_window: MainWindow) -> None:
    demo_window.show_page("assessment")
    page = demo_window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    _settle()
    tree = page.tree
    model = page.tree_model
    cut = []
    for cap_id in model.capability_order():
        index: QModelIndex = model.index_of(cap_id)
        name = str(model.data(index))
        rect = tree.visualRect(index)
        shown = shown_text(
            name, tree.font(), _cell_text_width(tree.style(), rect.width()), rect.height(), wrap=tree.wordWrap()
        )
        if not starts_with_words(shown, name):
            cut.append(f"{name!r} shows as {shown!r} in {rect.width()}x{rect.height()} px")
    assert not cut, "capability names cut in the navigator:\n" + "\n".join(cut)
