"""The roadmap timeline: a Gantt of initiatives by phase, month by month, with dependency arrows.

Painted with Qt (no matplotlib), so it redraws instantly after every edit and follows the
system palette. Rows are grouped by phase in plan order; an arrow runs from the end of each
dependency to the start of the initiative that waits for it. Locked items carry a lock mark.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from planner.charts.palette import level_colour, level_tint
from planner.model.project import Initiative, Roadmap
from planner.model.roadmap import phase_spans
from planner.report.formatting import month_span

__all__ = ["Timeline"]

_ROW = 24
_LABEL = 320
_MONTH = 34
_HEADER = 28


class Timeline(QWidget):
    """A painted Gantt chart of a roadmap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Roadmap timeline")
        self._roadmap = Roadmap()
        self._level_ids: tuple[str, ...] = ()
        self._rows: list[tuple[str, Initiative | None]] = []
        self._months = 1

    def show_roadmap(self, roadmap: Roadmap, level_ids: tuple[str, ...]) -> None:
        """Lay out and repaint."""
        self._roadmap, self._level_ids = roadmap, level_ids
        rows: list[tuple[str, Initiative | None]] = []
        for phase in roadmap.phases:
            members = [item for item in roadmap.initiatives if item.phase == phase.id]
            if members:
                rows.append((phase.id, None))
                rows.extend((phase.id, item) for item in members)
        self._rows = rows
        self._months = max([item.end_month for item in roadmap.initiatives] + [1])
        self.setMinimumSize(self.sizeHint())
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(_LABEL + _MONTH * self._months + 40, _HEADER + _ROW * max(len(self._rows), 1) + 16)

    def bar_rect(self, initiative_id: str) -> QRectF | None:
        """Where an initiative's bar is drawn (for tests and hit testing)."""
        for row, (_phase, item) in enumerate(self._rows):
            if item is not None and item.id == initiative_id:
                top = _HEADER + row * _ROW + 5
                return QRectF(_LABEL + item.start_month * _MONTH, top, item.duration_months * _MONTH, _ROW - 10)
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        metrics = QFontMetrics(self.font())
        width = _MONTH * self._months
        # month grid and header
        painter.setPen(QPen(palette.mid().color(), 1))
        for month in range(self._months + 1):
            x = _LABEL + month * _MONTH
            painter.drawLine(x, _HEADER - 4, x, _HEADER + _ROW * len(self._rows))
            if month < self._months:
                painter.drawText(QRectF(x, 4, _MONTH, _HEADER - 8), Qt.AlignmentFlag.AlignCenter, str(month + 1))
        painter.drawText(QRectF(8, 4, _LABEL - 16, _HEADER - 8), Qt.AlignmentFlag.AlignVCenter, "Month")
        spans = phase_spans(self._roadmap)
        names = {p.id: p.name for p in self._roadmap.phases}
        for row, (phase_id, item) in enumerate(self._rows):
            top = _HEADER + row * _ROW
            colour = QColor(level_colour(phase_id, self._level_ids))
            if item is None:
                painter.fillRect(
                    QRectF(0, top, _LABEL + width, _ROW), QColor(level_tint(phase_id, 0.25, self._level_ids))
                )
                start, end = spans.get(phase_id, (0, 0))
                painter.setPen(QColor("#1F2A37"))
                bold = painter.font()
                bold.setBold(True)
                painter.setFont(bold)
                painter.drawText(
                    QRectF(8, top, _LABEL - 16, _ROW),
                    Qt.AlignmentFlag.AlignVCenter,
                    f"{names.get(phase_id, phase_id)} · {month_span(start, end)}",
                )
                bold.setBold(False)
                painter.setFont(bold)
                continue
            painter.setPen(palette.text().color())
            label = metrics.elidedText(item.title, Qt.TextElideMode.ElideRight, _LABEL - 24)
            painter.drawText(QRectF(16, top, _LABEL - 24, _ROW), Qt.AlignmentFlag.AlignVCenter, label)
            rect = self.bar_rect(item.id)
            assert rect is not None  # noqa: S101  # the item is on this row
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(rect, 4, 4)
            if item.locked:
                painter.setPen(QColor("white"))
                painter.drawText(rect.adjusted(4, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, "\U0001f512")
        arrows = QColor(palette.text().color())
        arrows.setAlpha(110)  # the dependencies are context; the bars are the message
        self._paint_arrows(painter, arrows)
        painter.end()

    def _paint_arrows(self, painter: QPainter, colour: QColor) -> None:
        pen = QPen(colour, 1.2)
        painter.setPen(pen)
        painter.setBrush(colour)
        for _phase, item in self._rows:
            if item is None:
                continue
            target = self.bar_rect(item.id)
            for dep in item.depends_on:
                source = self.bar_rect(dep)
                if source is None or target is None:
                    continue
                start = QPointF(source.right(), source.center().y())
                end = QPointF(target.left(), target.center().y())
                path = QPainterPath(start)
                bend = max(start.x() + 8, end.x() - 8)
                path.lineTo(bend, start.y())
                path.lineTo(bend, end.y())
                path.lineTo(end)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(path)
                painter.setBrush(colour)
                head = QPolygonF([end, QPointF(end.x() - 6, end.y() - 3.5), QPointF(end.x() - 6, end.y() + 3.5)])
                painter.drawPolygon(head)
