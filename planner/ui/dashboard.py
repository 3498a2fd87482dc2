"""The dashboard: headline figures, the radar of current vs target, domain bars and the lens heatmap.

The charts are the report's own (:mod:`exports.figures` over :func:`planner.report.data.
build_report`), so what the client sees on the projector is what the PDF will show. matplotlib is
imported when the page is first shown, never at start-up. Edits only mark the charts stale; a
short single-shot timer redraws them once typing pauses, and only while the page is visible.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
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
        right = QVBoxLayout()
        right.addWidget(self.bars, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        right.addWidget(self.gap_list)
        right.addStretch(1)
        grid = QGridLayout()
        top = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter
        grid.addWidget(self.radar, 0, 0, top)
        grid.addLayout(right, 0, 1)
        grid.addWidget(self.heatmap, 1, 0, 1, 2, top)
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

    def _on_changed(self, change: Change) -> None:
        self._stale = True
        self._update_tiles()
        if self.isVisible():
            self.timer.start()  # restarts while edits keep coming: one redraw after the pause

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible() and abs(self.scroll_area.viewport().width() - self._width) > 40:
            self.timer.start()  # fit the charts to the new width once resizing pauses

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
        from planner.report.data import build_report

        self.timer.stop()
        report = build_report(self.doc.project, scorecard=self.doc.scorecard())
        has_roadmap = bool(self.doc.project.roadmap.initiatives)
        self.projections.setEnabled(has_roadmap)
        radar = radar_for(report, projections=has_roadmap and self.projections.isChecked())
        bars = domain_bars_for(report)
        heatmap = heatmap_for(report)
        room = max(400, self.scroll_area.viewport().width() - 40)
        side_by_side = radar.get_size_inches()[0] + bars.get_size_inches()[0]
        self._width = self.scroll_area.viewport().width()
        self.radar.show_figure(radar, _dpi(room / side_by_side))
        self.bars.show_figure(bars, _dpi(room / side_by_side))
        self.heatmap.show_figure(heatmap, _dpi(room / heatmap.get_size_inches()[0]))
        self.gap_list.setText(_gaps_html(report))
        self._stale = False
        self.redraws += 1
