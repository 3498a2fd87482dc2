"""The dashboard: headline figures, the radar of current vs target, domain bars and the lens heatmap.

Chart text follows the app's text size (View > Larger text): the smallest label is drawn at
three quarters of the app's text. The radar sits beside the domain bars when the page is wide
enough for that at this text size, otherwise everything is stacked, full width; when the text is
larger still, the radar's and bars' labels grow inside their charts (the radar's names wrap
narrower), and the heatmap (laid out for its text) fills the page's width and its texts grow a
little within their cells.

The charts are the report's own (:mod:`exports.figures` over :func:`planner.report.data.
build_report`), so what the client sees on the projector is what the PDF will show. matplotlib is
imported when the page is first shown, never at start-up. Edits only mark the charts stale; a
short single-shot timer redraws them once typing pauses, and only while the page is visible.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFontInfo, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.model.edits import Change
from planner.report.formatting import level_text, score_and_level
from planner.ui.document import Document

__all__ = ["REDRAW_DELAY_MS", "DashboardPage"]

#: How long edits must pause before the charts are redrawn.
REDRAW_DELAY_MS = 250
_DPI_RANGE = (55.0, 110.0)
#: The smallest chart text as a share of the app's text size (axis labels may be a little smaller).
_CHART_TEXT = 0.75
#: How much the heatmap's texts may grow within its cells.
_HEATMAP_GROWTH = 1.35


def _dpi(fit: float) -> float:
    """Clamp a pixels-per-inch figure to what stays legible and sharp."""
    low, high = _DPI_RANGE
    return max(low, min(high, fit))


def _gaps_html(report: Any) -> str:
    """The biggest gaps (importance x gap first), as the executive summary lists them."""
    if not report.biggest_gaps:
        return "<h3>Biggest gaps</h3><p>No capability is below its target.</p>"
    rows = "".join(
        f"<tr><td style='padding:3px 12px 3px 0'><b>{html.escape(c.name)}</b></td>"
        f"<td style='padding:3px 12px 3px 0'>{html.escape(level_text(c.level_name))} \u2192 "
        f"{html.escape(c.target_name)}</td><td>importance {c.importance}</td></tr>"
        for c in report.biggest_gaps
    )
    return f"<h3>Biggest gaps</h3><table>{rows}</table>"


class _Tile(QFrame):
    """A headline figure: a big value and a caption."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setObjectName("dashboardTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("\u2013")
        self.value.setObjectName("tileValue")
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class _ChartSlot(QWidget):
    """Holds one chart canvas; a redraw swaps in a new canvas for a new figure."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.canvas: Any = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def show_figure(self, figure: Any, dpi: float) -> None:
        """Show ``figure`` at its own proportions, ``dpi`` pixels per inch (the report's layout)."""
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        figure.set_dpi(dpi)
        canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]  # matplotlib ships no stubs for it
        width, height = figure.get_size_inches()
        canvas.setFixedSize(int(width * dpi), int(height * dpi))
        if self.canvas is not None:
            self._layout.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.canvas = canvas
        self._layout.addWidget(canvas)


class DashboardPage(QWidget):
    """Charts of the current project, redrawn shortly after edits."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("dashboardPage")
        self.redraws = 0
        self._stale = True
        self._width = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(REDRAW_DELAY_MS)
        self.timer.timeout.connect(self.redraw)
        heading = QLabel("Dashboard")
        heading.setObjectName("pageHeading")
        self.overall = _Tile("Overall maturity")
        self.progress = _Tile("Capabilities fully scored")
        self.gaps = _Tile("Capabilities below target")
        self.plan = _Tile("Roadmap initiatives")
        tiles = QHBoxLayout()
        for tile in (self.overall, self.progress, self.gaps, self.plan):
            tiles.addWidget(tile)
        self.projections = QCheckBox("Show each phase's &projected level on the radar")
        self.projections.toggled.connect(self.redraw)
        self.radar = _ChartSlot("Radar of current score against target")
        self.bars = _ChartSlot("Domain scores")
        self.heatmap = _ChartSlot("Lens scores per capability")
        self.gap_list = QLabel()
        self.gap_list.setObjectName("gapList")
        self.gap_list.setWordWrap(True)
        self.gap_list.setTextFormat(Qt.TextFormat.RichText)
        self.right_box = QWidget()
        right = QVBoxLayout(self.right_box)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.bars, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        right.addWidget(self.gap_list)
        right.addStretch(1)
        self.grid = grid = QGridLayout()
        self.side_by_side = True
        self._arrange(side_by_side=True)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(heading)
        body_layout.addLayout(tiles)
        body_layout.addWidget(self.projections)
        from planner.ui.voices.agenda import DisagreementsButton

        body_layout.addWidget(DisagreementsButton(doc), 0, Qt.AlignmentFlag.AlignLeft)
        body_layout.addLayout(grid)
        body_layout.addStretch(1)
        scroll = self.scroll_area = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        doc.changed.connect(self._on_changed)
        self._update_tiles()

    def _arrange(self, *, side_by_side: bool) -> None:
        """Radar beside the bars and gaps (wide screens), or everything one under the other."""
        top = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter
        for widget in (self.radar, self.right_box, self.heatmap):
            self.grid.removeWidget(widget)
        if side_by_side:
            self.grid.addWidget(self.radar, 0, 0, top)
            self.grid.addWidget(self.right_box, 0, 1)
            self.grid.addWidget(self.heatmap, 1, 0, 1, 2, top)
        else:
            self.grid.addWidget(self.radar, 0, 0, 1, 2, top)
            self.grid.addWidget(self.right_box, 1, 0, 1, 2)
            self.grid.addWidget(self.heatmap, 2, 0, 1, 2, top)
        self.side_by_side = side_by_side

    def chart_text_pixels(self) -> float:
        """The smallest chart text the room should read, in pixels: three quarters of the app's text."""
        return _CHART_TEXT * QFontInfo(self.font()).pixelSize()

    def _on_changed(self, change: Change) -> None:
        self._stale = True
        self._update_tiles()
        if self.isVisible():
            self.timer.start()  # restarts while edits keep coming: one redraw after the pause

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible() and abs(self.scroll_area.viewport().width() - self._width) > 40:
            self.timer.start()  # fit the charts to the new width once resizing pauses

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a new text size: charts follow it
            self._stale = True
            if self.isVisible():
                self.timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.timer.start(0)

    def _update_tiles(self) -> None:
        model = self.doc.project.model
        card = self.doc.scorecard()
        overall = card.overall
        self.overall.value.setText(score_and_level(overall.score, model.level_name(overall.level)))
        coverage = card.coverage
        self.progress.value.setText(coverage.fraction)
        self.progress.setToolTip(coverage.text)
        below = sum(1 for c in card.capabilities.values() if c.gap)
        self.gaps.value.setText(str(below))
        roadmap = self.doc.project.roadmap
        self.plan.value.setText(str(len(roadmap.initiatives)))

    def redraw(self) -> None:
        """Build the charts again from the project (matplotlib is imported here, on first use)."""
        from exports.figures import domain_bars_for, heatmap_for, radar_for
        from planner.charts.style import rewrap_tick_labels, scale_text, smallest_text
        from planner.report.data import build_report

        self.timer.stop()
        report = build_report(self.doc.project, scorecard=self.doc.scorecard())
        has_roadmap = bool(self.doc.project.roadmap.initiatives)
        self.projections.setEnabled(has_roadmap)
        radar = radar_for(report, projections=has_roadmap and self.projections.isChecked())
        bars = domain_bars_for(report)
        heatmap = heatmap_for(report)
        room = max(400, self.scroll_area.viewport().width() - 40)
        self._width = self.scroll_area.viewport().width()
        # the charts' text follows the app's text size: the smallest label reaches chart_text_pixels()
        wanted = self.chart_text_pixels()
        pair = radar.get_size_inches()[0] + bars.get_size_inches()[0]
        side_dpi = room / pair
        beside = side_dpi * smallest_text(radar) / 72 >= wanted * 0.95 and side_dpi >= _DPI_RANGE[0]
        if beside != self.side_by_side:
            self._arrange(side_by_side=beside)
        for slot, figure in ((self.radar, radar), (self.bars, bars)):
            fit = side_dpi if beside else room / figure.get_size_inches()[0]
            dpi = _dpi(fit)
            if smallest_text(figure) * dpi / 72 < wanted:  # large text: the whole width first
                dpi = max(dpi, fit)
            shown = smallest_text(figure) * dpi / 72
            if shown < wanted:  # larger text than the room allows at this size: grow the texts
                if figure is radar and wanted / shown > 1.3:  # narrower names, so neighbours do not collide
                    rewrap_tick_labels(figure, max(12, round(18 * 1.3 * shown / wanted)))
                scale_text(figure, wanted / shown)
            slot.show_figure(figure, dpi)
        # the heatmap's rows are sized for its text: it grows as a whole to the page's width, and its
        # texts by a modest factor within their cells
        fit = room / heatmap.get_size_inches()[0]
        dpi = _dpi(fit)
        if smallest_text(heatmap) * dpi / 72 < wanted:  # large text: the whole width, not a sharp small chart
            dpi = max(dpi, fit)
        shown = smallest_text(heatmap) * dpi / 72
        if shown < wanted:
            scale_text(heatmap, min(_HEATMAP_GROWTH, wanted / shown), fit_margins=False)
        self.heatmap.show_figure(heatmap, dpi)
        self.gap_list.setText(_gaps_html(report))
        self._stale = False
        self.redraws += 1
