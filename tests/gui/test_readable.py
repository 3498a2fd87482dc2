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
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication, QStyle

from planner.ui.app import demo_path
from planner.ui.assessment import AssessmentPage
from planner.ui.dashboard import DashboardPage
from planner.ui.look import apply_text_size
from planner.ui.mainwindow import MainWindow
from planner.ui.roadmap.cards import CARD_ROLE, CardDelegate, card_layout
from planner.ui.roadmap.page import RoadmapPage
from planner.ui.roadmap.table import COLUMNS
from planner.ui.settings import TEXT_SIZE_RANGE, Settings
from tests.gui.readability import is_whole, shown_text, starts_with_words

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


def _roadmap(window: MainWindow, tab: int) -> RoadmapPage:
    window.show_page("roadmap")
    page = window.pages["roadmap"]
    assert isinstance(page, RoadmapPage)
    page.tabs.setCurrentIndex(tab)
    _settle()
    return page


def test_dashboard_charts_show_every_name_whole_at_the_apps_text_size(demo_window: MainWindow) -> None:
    from matplotlib.text import Text

    demo_window.show_page("dashboard")
    page = demo_window.pages["dashboard"]
    assert isinstance(page, DashboardPage)
    page.redraw()
    _settle()
    text_px = QFontInfo(demo_window.font()).pixelSize()
    names = {cap.name for cap in demo_window.doc.project.model.iter_capabilities()}  # type: ignore[union-attr]
    # at least 70% of the app's text; the heatmap's texts grow less (its cells are sized for them): 55%
    for slot, share in ((page.radar, 0.7), (page.bars, 0.7), (page.heatmap, 0.55)):
        wanted = share * text_px
        figure = slot.canvas.figure
        figure.canvas.draw()
        box = figure.bbox
        dpi = figure.get_dpi()
        for text in figure.findobj(Text):
            label = " ".join(text.get_text().split())
            if not label or not text.get_visible():
                continue
            size = float(text.get_fontsize()) * dpi / 72
            assert size >= wanted - 0.5, f"{slot.accessibleName()}: {label!r} is {size:.1f} px, under {wanted:.1f}"
            if label in names:
                extent = text.get_window_extent()
                assert extent.x0 >= box.x0 - 1 and extent.x1 <= box.x1 + 1, f"{label!r} runs off the chart"
        assert slot.canvas.width() <= page.scroll_area.viewport().width(), "a chart is wider than the page"


def test_board_cards_show_whole_titles_and_capability_names(demo_window: MainWindow) -> None:
    page = _roadmap(demo_window, 0)
    checked = 0
    for column in page.board.columns.values():
        delegate = column.itemDelegate()
        assert isinstance(delegate, CardDelegate)
        for row in range(column.count()):
            item = column.item(row)
            card = item.data(CARD_ROLE)
            rect = column.visualItemRect(item)
            layout = card_layout(card, column.font(), rect)
            bold = QFont(column.font())
            bold.setBold(True)
            for line in layout.title:
                assert QFontMetrics(bold).horizontalAdvance(line) <= layout.inner.width(), line
            assert is_whole(" ".join(layout.title), card.title), f"title cut: {layout.title}"
            capability = card.detail.replace("Custom · ", "").split(" · ")[0]
            detail = " ".join(layout.detail).removeprefix("Custom · ")
            assert starts_with_words(detail, capability), f"{capability!r}: {layout.detail}"
            lines = len(layout.title) + len(layout.detail) + (2 if layout.split_bottom else 1)
            assert lines * layout.line <= layout.inner.height() + 1, f"{card.title!r} does not fit its card"
            checked += 1
    assert checked == len(demo_window.doc.project.roadmap.initiatives)  # type: ignore[union-attr]


def test_table_shows_whole_titles_and_capability_names(demo_window: MainWindow) -> None:
    page = _roadmap(demo_window, 1)
    view = page.table.view
    keys = [key for key, _ in COLUMNS]
    for row in range(page.table.proxy.rowCount()):
        title = page.table.proxy.index(row, keys.index("title"))
        cap = page.table.proxy.index(row, keys.index("capability"))
        for index, whole in ((title, True), (cap, False)):
            text = str(index.data())
            rect = view.visualRect(index)
            shown = shown_text(
                text, view.font(), _cell_text_width(view.style(), rect.width()), rect.height(), wrap=view.wordWrap()
            )
            assert is_whole(shown, text) if whole else starts_with_words(shown, text), f"{text!r} shows as {shown!r}"


def test_timeline_titles_are_whole_and_header_and_titles_stay_put(demo_window: MainWindow) -> None:
    page = _roadmap(demo_window, 2)
    timeline = page.timeline
    layout = timeline.layout_
    assert layout is not None
    for row, (_key, item) in enumerate(layout.rows):
        if item is None:
            continue
        box = layout.title_rect(row)
        assert box.right() < timeline.titles.width(), "a title runs past the title column"
        shown = shown_text(item.title, timeline.titles.font(), box.width(), box.height())
        assert is_whole(shown, item.title), f"{item.title!r} shows as {shown!r}"
        assert layout.heights[row] >= QFontMetrics(timeline.font()).lineSpacing()
    # scrolling the chart moves the titles with it; the header and the title column are not in the scrolled area
    bar = timeline.chart_scroll.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    assert timeline.titles_scroll.verticalScrollBar().value() == bar.value()
    assert timeline.header.parentWidget() is not timeline.chart
    assert timeline.header.isVisible() and timeline.header.mapTo(timeline, timeline.header.rect().topLeft()).y() == 0


def test_timeline_draws_arrows_only_for_the_selected_initiative(demo_window: MainWindow) -> None:
    page = _roadmap(demo_window, 2)
    timeline = page.timeline
    assert timeline.chart.arrows() == []  # nothing selected: no mesh of lines
    items = demo_window.doc.project.roadmap.initiatives  # type: ignore[union-attr]
    chosen = next(i for i in items if i.depends_on)
    row = next(n for n, (_k, item) in enumerate(timeline.rows) if item is not None and item.id == chosen.id)
    timeline.titles.clicked.emit(row)
    assert timeline.selected == chosen.id
    assert page.selected_ids() == [chosen.id]
    arrows = timeline.chart.arrows()
    assert {(dep, chosen.id) for dep in chosen.depends_on} <= set(arrows)
    assert all(chosen.id in pair for pair in arrows)
    waiting = {i.id for i in items if chosen.id in i.depends_on}
    assert {target for source, target in arrows if source == chosen.id} == waiting


def test_the_capability_panel_fits_its_page_without_scrolling_sideways(demo_window: MainWindow) -> None:
    """At 1024x768 (and at the largest text) the reference tabs go below the scores, not off screen."""
    demo_window.show_page("assessment")
    page = demo_window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    _settle()
    viewport = page.panel_scroll.viewport()
    assert page.panel.stacked
    total = sum(page.splitter.sizes())
    if page.tree.readable_width() + page.panel.narrowest_width() > total:
        pytest.skip("no width gives both the names and the panel their room; the panel scrolls")
    assert page.panel.width() <= viewport.width()
    assert not page.panel_scroll.horizontalScrollBar().isVisible()
    title = page.panel.title
    assert is_whole(shown_text(title.text(), title.font(), title.width(), title.height()), title.text())


def test_the_capability_panel_keeps_its_columns_side_by_side_on_a_wide_screen(
    make_window: Any, settings: Settings
) -> None:
    demo = demo_path()
    assert demo is not None
    window = make_window(demo)
    window.resize(1900, 1000)
    assert window.open_demo()
    window.show_page("assessment")
    _settle()
    page = window.pages["assessment"]
    assert isinstance(page, AssessmentPage)
    assert not page.panel.stacked
    assert page.panel.width() <= page.panel_scroll.viewport().width()
