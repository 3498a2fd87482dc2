"""The Progress view: two assessments compared (default: the latest round and now).

Top: the two sides (any round, or now) and the headline. Left: the radar with the earlier round,
now and the target. Right: the delta table per domain and capability (then, now, change in
points, levels, moved up / down / unchanged, items done since) and the initiatives done between
the two dates with whether their capability moved. Everything comes from the Qt-free
:func:`~planner.model.compare.compare_in_project` and :func:`~planner.report.progress.progress_from`;
this view only shows it. The radar is drawn with matplotlib, imported when the view first draws.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.model.compare import CompareRefused, compare_in_project
from planner.model.edits import Change
from planner.report.formatting import percent
from planner.report.progress import DeltaRow, ProgressReport, date_text, points, progress_from
from planner.ui.document import Document

__all__ = ["ProgressView"]

_NOW = ""
_COLOURS = {"up": "#2E7D4F", "down": "#B0384F"}


class ProgressView(QWidget):
    """Compare two assessments of the open project."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.report: ProgressReport | None = None
        self.before = QComboBox()
        self.before.setAccessibleName("Earlier round")
        self.after = QComboBox()
        self.after.setAccessibleName("Later round")
        self.before.currentIndexChanged.connect(lambda _i: self.refresh())
        self.after.currentIndexChanged.connect(lambda _i: self.refresh())
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels(
            ["Domain / capability", "Then", "Now", "Change", "Level then", "Level now", "Movement", "Done"]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.done = QTableWidget(0, 4)
        self.done.setHorizontalHeaderLabels(["Done", "Initiative", "Capability", "Score moved?"])
        self.done.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.done.verticalHeader().hide()
        self.chart = QWidget()
        self.chart_box = QVBoxLayout(self.chart)
        self.chart_box.setContentsMargins(0, 0, 0, 0)
        self.canvas: Any = None
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.table, 3)
        box.addWidget(QLabel("<b>Done between the two</b>"))
        box.addWidget(self.done, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.chart)
        split.addWidget(right)
        split.setSizes([420, 580])
        sides = QHBoxLayout()
        sides.addWidget(QLabel("Compare"))
        sides.addWidget(self.before, 1)
        sides.addWidget(QLabel("with"))
        sides.addWidget(self.after, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(sides)
        layout.addWidget(self.headline)
        layout.addWidget(split, 1)
        doc.changed.connect(self._changed)
        self._fill_sides()

    def _changed(self, _change: Change) -> None:
        self._fill_sides()

    def _fill_sides(self) -> None:
        history = self.doc.project.assessment.history
        keep = (self.before.currentData(), self.after.currentData())
        for combo in (self.before, self.after):
            combo.blockSignals(True)
            combo.clear()
            for past in history:
                combo.addItem(f"{past.label} ({date_text(past.date)})", past.id)
        self.after.addItem("Now", _NOW)
        for combo, wanted, default in (
            (self.before, keep[0], len(history) - 1),
            (self.after, keep[1], self.after.count() - 1),
        ):
            index = combo.findData(wanted) if wanted is not None else -1
            combo.setCurrentIndex(index if index >= 0 else max(default, 0))
            combo.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Compare the two chosen sides and show the result."""
        project = self.doc.project
        old = self.before.currentData()
        new = self.after.currentData()
        try:
            cmp = compare_in_project(project, old, new or None)
        except CompareRefused as exc:
            self.report = None
            self.headline.setText(f"Nothing to compare: {exc}.")
            self.table.setRowCount(0)
            self.done.setRowCount(0)
            return
        self.report = progress_from(project, cmp)
        self.headline.setText(f"<b>{self.report.title}</b><br>{self.report.headline}")
        self._fill_table(self.report)
        self._fill_done(self.report)
        self._draw(self.report)

    def _fill_table(self, report: ProgressReport) -> None:
        rows: list[tuple[DeltaRow, bool]] = [(report.overall, True)]
        by_domain: dict[str, list[DeltaRow]] = {}
        for cap in report.capabilities:
            by_domain.setdefault(cap.domain_name, []).append(cap)
        for dom in report.domains:
            rows.append((dom, True))
            rows += [(c, False) for c in by_domain.get(dom.name, [])]
        self.table.setRowCount(len(rows))
        for r, (row, bold) in enumerate(rows):
            cells = [
                row.name if bold else f"    {row.name}",
                percent(row.before),
                percent(row.after),
                points(row.delta),
                row.level_before,
                row.level_after,
                row.movement_text,
                str(row.done) if row.done else "",
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if bold:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if c in (3, 6) and row.movement in _COLOURS:
                    item.setForeground(QColor(_COLOURS[row.movement]))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def _fill_done(self, report: ProgressReport) -> None:
        self.done.setRowCount(len(report.done))
        for r, item in enumerate(report.done):
            cells = [
                item.done_on or "undated",
                item.title,
                item.capability,
                "Yes, up" if item.capability_moved else "Not yet",
            ]
            for c, text in enumerate(cells):
                self.done.setItem(r, c, QTableWidgetItem(text))
        self.done.resizeColumnsToContents()

    def _draw(self, report: ProgressReport) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from planner.charts.palette import CURRENT, MUTED, TARGET, level_colour
        from planner.charts.radar import Band, RadarSeries, radar_figure

        model = self.doc.project.model
        ids = list(model.level_ids)
        bands = [Band(lv.name, lv.min_score, level_colour(lv.id, ids)) for lv in model.levels]
        series = [
            RadarSeries(f"Then ({report.before_date})", list(report.radar_before), MUTED, dashed=True, width=1.6),
            RadarSeries("Target", list(report.radar_target), TARGET, dashed=True, width=1.2),
            RadarSeries(report.after_label, list(report.radar_after), CURRENT, filled=True, width=2.0),
        ]
        figure = radar_figure(list(report.radar_labels), series, bands=bands, size=(5.6, 5.4), label_width=14)
        canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]  # matplotlib ships no stubs for it
        if self.canvas is not None:
            self.chart_box.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.canvas = canvas
        self.chart_box.addWidget(canvas)
