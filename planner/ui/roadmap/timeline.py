"""The roadmap timeline: a Gantt of initiatives by horizon, in calendar months, readable at any text size.

Time reads left to right in calendar months ("Mar", the year above each January and the first
month); the horizons (Now, Next, Later) are shaded bands down the chart, named in the header.
Rows are grouped by horizon (when work starts), each in start order. A bar's colour is the
maturity the initiative helps reach (the legend above the titles says which). Done work is pale
with a tick, pinned starts carry a notch, locked items a lock. Deferred and dropped initiatives
close the chart under "Not scheduled", with their status instead of a bar.

The title column and the month header are frozen: the chart scrolls under them both ways. The
title column is as wide as the consultant drags it (a splitter handle); titles wrap within it, so
a row is as tall as its title needs and grows with the text size. Clicking a row selects the
initiative and draws its dependencies (what it waits for, what waits for it) as arrows; with
nothing selected no arrow is drawn, so the chart never turns into a mesh. Double-click edits.
Painted with Qt (no matplotlib), so it redraws instantly after every edit.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from planner.model.calendar import MONTH_NAMES, plan_month
from planner.model.project import Initiative
from planner.ui.roadmap.plan import OFF_PLAN, PlanView
from planner.ui.roadmap.timelinelayout import TimelineLayout, build_layout
from planner.ui.roadmap.timelineparts import ChartPart, HeaderPart, TitlesPart

__all__ = ["TITLE_CHARS", "Timeline"]

#: The title column's starting width in average characters of the current font.
TITLE_CHARS = 46


def _scroll(widget: QWidget, *, resizable: bool) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(resizable)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class Timeline(QWidget):
    """Frozen titles and header around a scrolling chart.

    Signals:
        activated(str): an initiative's row was double-clicked.
        selection_changed(str): the selected initiative changed ("" for none).
    """

    activated = Signal(str)
    selection_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Roadmap timeline")
        self._view: PlanView | None = None
        #: (horizon id, initiative or None for the group's header row), top to bottom.
        self.rows: list[tuple[str, Initiative | None]] = []
        self._months = 1
        self.selected: str | None = None
        self.layout_: TimelineLayout | None = None
        self.titles, self.header, self.chart = TitlesPart(), HeaderPart(), ChartPart()
        self.legend = QLabel()
        self.legend.setObjectName("timelineLegend")
        self.legend.setWordWrap(True)
        self.legend.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self.legend.setContentsMargins(8, 0, 4, 4)
        self.titles_scroll = _scroll(self.titles, resizable=True)
        self.titles_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.titles_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chart_scroll = _scroll(self.chart, resizable=False)
        left, right = QWidget(), QWidget()
        for box, top, body in ((left, self.legend, self.titles_scroll), (right, self.header, self.chart_scroll)):
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(0)
            column.addWidget(top)
            column.addWidget(body, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.splitterMoved.connect(lambda _pos, _index: self._relayout())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        # the frozen parts follow the chart's scrolling (and the titles' wheel moves the chart)
        chart_v, titles_v = self.chart_scroll.verticalScrollBar(), self.titles_scroll.verticalScrollBar()
        chart_v.valueChanged.connect(titles_v.setValue)
        titles_v.valueChanged.connect(chart_v.setValue)
        self.chart_scroll.horizontalScrollBar().valueChanged.connect(self.header.set_offset)
        for part in (self.titles, self.chart):
            part.clicked.connect(self._row_clicked)
            part.double_clicked.connect(self._row_double_clicked)
        self._title_width = 0

    # -- content -------------------------------------------------------------------------------
    def show_plan(self, view: PlanView) -> None:
        """Lay out and repaint."""
        self._view = view
        roadmap = view.roadmap
        order = {item.id: n for n, item in enumerate(roadmap.initiatives)}
        groups: dict[str, list[Initiative]] = {h.id: [] for h in roadmap.horizons}
        groups[OFF_PLAN] = []
        for item in sorted(roadmap.initiatives, key=lambda i: (i.start_month, order[i.id])):
            groups.setdefault(view.horizon(item), []).append(item)
        rows: list[tuple[str, Initiative | None]] = []
        for key, members in groups.items():
            if members:
                rows.append((key, None))
                rows.extend((key, item) for item in members)
        self.rows = rows
        if self.selected is not None and not any(i is not None and i.id == self.selected for _k, i in rows):
            self.selected = None
        scheduled = [i.end_month for key, i in rows if i is not None and key != OFF_PLAN]
        self._months = max([*scheduled, 1])
        swatches = " &nbsp; ".join(
            f"<span style='color:{view.colour(p.id)}'>\u25a0</span>&nbsp;{html.escape(p.name)}" for p in roadmap.phases
        )
        self.legend.setText(f"Bar colour: the maturity it helps reach<br>{swatches}")
        self._relayout()

    def _group_text(self, view: PlanView, key: str) -> str:
        count = sum(1 for k, i in self.rows if k == key and i is not None)
        when = "deferred or dropped" if key == OFF_PLAN else view.horizon_window(key)
        return f"{view.horizon_name(key)} \u00b7 {when} \u00b7 {count} initiative{'s' if count != 1 else ''}"

    def _relayout(self) -> None:
        view = self._view
        if view is None:
            return
        if not self._title_width and self.isVisible() and self.width() > 200:
            # a comfortable title column, but never more than 45% of the room: the months need it too
            wanted = self.fontMetrics().averageCharWidth() * TITLE_CHARS
            self._title_width = max(120, min(wanted, self.width() * 45 // 100))
            self.splitter.setSizes([self._title_width, max(1, self.width() - self._title_width)])
        width = self.titles_scroll.viewport().width() if self.titles.isVisible() else self._title_width
        width = width or self.fontMetrics().averageCharWidth() * TITLE_CHARS
        texts = {key: self._group_text(view, key) for key, item in self.rows if item is None}
        layout = build_layout(self.rows, texts, self._months, self.font(), max(80, width))
        self.layout_ = layout
        for part in (self.titles, self.header, self.chart):
            part.setFont(self.font())
            part.set_layout(view, layout, self.selected)
        extra = self.chart_scroll.horizontalScrollBar().sizeHint().height()
        self.titles.setMinimumHeight(layout.height + extra)  # room to line up with the chart's scroll bar
        self.chart.resize(self.chart.sizeHint())
        self.header.setFixedHeight(layout.header_height)
        self.legend.setFixedHeight(layout.header_height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._relayout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._title_width = 0  # larger text: a wider title column, taller rows
            self._relayout()

    # -- selection -----------------------------------------------------------------------------
    def _row_clicked(self, row: int) -> None:
        item = self.rows[row][1] if 0 <= row < len(self.rows) else None
        self.select(item.id if item is not None else None)

    def _row_double_clicked(self, row: int) -> None:
        item = self.rows[row][1] if 0 <= row < len(self.rows) else None
        if item is not None:
            self.activated.emit(item.id)

    def select(self, initiative_id: str | None) -> None:
        """Select an initiative (``None``: none); its dependencies are drawn."""
        if initiative_id == self.selected:
            return
        self.selected = initiative_id
        if self._view is not None and self.layout_ is not None:
            for part in (self.titles, self.header, self.chart):
                part.set_layout(self._view, self.layout_, initiative_id)
        self.selection_changed.emit(initiative_id or "")

    # -- queries -------------------------------------------------------------------------------
    def bar_rect(self, initiative_id: str) -> QRectF | None:
        """Where an initiative's bar is drawn in the chart (``None``: not shown, or not scheduled)."""
        return self.chart.bar_rect(initiative_id)

    def month_labels(self) -> list[str]:
        """The text over each month column ("Mar", or "4" when the plan is undated)."""
        start = self._view.start_date if self._view is not None else None
        labels = []
        for month in range(self._months):
            found = plan_month(start, month)
            labels.append(str(month + 1) if found is None else MONTH_NAMES[found[1] - 1])
        return labels
