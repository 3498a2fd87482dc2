"""The roadmap timeline: a Gantt of initiatives by horizon, in calendar months, with dependency arrows.

Time reads left to right in calendar months ("Mar", with the year above each January and the
first month), and rows are grouped by horizon (Now, Next, Later: when work starts), each in start
order. A bar's colour is the maturity the initiative helps reach (the legend says which): maturity
is not a stretch of time, so it is not a grouping here. Dashed lines mark where each horizon ends.
Done work is drawn pale with a tick, pinned starts carry a notch, locked items a lock. Deferred and
dropped initiatives close the chart under "Not scheduled", with their status instead of a bar.
Painted with Qt (no matplotlib), so it redraws instantly after every edit and follows the palette.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from planner.model.calendar import MONTH_NAMES, plan_month
from planner.model.project import Initiative
from planner.model.roadmap import horizon_bounds
from planner.ui.roadmap.plan import OFF_PLAN, STATUS_COLOURS, PlanView

__all__ = ["Timeline"]

_ROW = 24
_LABEL = 330
_MONTH = 34
_HEADER = 46
_GROUP_TINT = "#E6EAF0"


class Timeline(QWidget):
    """A painted Gantt chart of a roadmap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Roadmap timeline")
        self._view: PlanView | None = None
        #: (horizon id, initiative or None for the group's header row), top to bottom.
        self.rows: list[tuple[str, Initiative | None]] = []
        self._months = 1

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
        scheduled = [i.end_month for key, i in rows if i is not None and key != OFF_PLAN]
        self._months = max([*scheduled, 1])
        self.setMinimumSize(self.sizeHint())
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(_LABEL + _MONTH * self._months + 40, _HEADER + _ROW * max(len(self.rows), 1) + 16)

    def bar_rect(self, initiative_id: str) -> QRectF | None:
        """Where an initiative's bar is drawn (``None``: not shown, or not scheduled)."""
        for row, (key, item) in enumerate(self.rows):
            if item is not None and item.id == initiative_id and key != OFF_PLAN:
                top = _HEADER + row * _ROW + 5
                return QRectF(_LABEL + item.start_month * _MONTH, top, item.duration_months * _MONTH, _ROW - 10)
        return None

    def month_labels(self) -> list[str]:
        """The text over each month column ("Mar", or "4" when the plan is undated)."""
        start = self._view.start_date if self._view is not None else None
        labels = []
        for month in range(self._months):
            found = plan_month(start, month)
            labels.append(str(month + 1) if found is None else MONTH_NAMES[found[1] - 1])
        return labels

    def paintEvent(self, event: QPaintEvent) -> None:
        view = self._view
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        if view is None:
            painter.end()
            return
        bottom = _HEADER + _ROW * len(self.rows)
        self._paint_header(painter, view, bottom)
        metrics = QFontMetrics(self.font())
        bold = QFont(self.font())
        bold.setBold(True)
        width = _MONTH * self._months
        for row, (key, item) in enumerate(self.rows):
            top = _HEADER + row * _ROW
            if item is None:
                painter.fillRect(QRectF(0, top, _LABEL + width, _ROW), QColor(_GROUP_TINT))
                painter.setPen(QColor("#1F2A37"))
                painter.setFont(bold)
                count = sum(1 for k, i in self.rows if k == key and i is not None)
                when = "deferred or dropped" if key == OFF_PLAN else view.horizon_window(key)
                painter.drawText(
                    QRectF(8, top, _LABEL + width - 16, _ROW),
                    Qt.AlignmentFlag.AlignVCenter,
                    f"{view.horizon_name(key)} · {when} · {count} initiative{'s' if count != 1 else ''}",
                )
                painter.setFont(self.font())
                continue
            painter.setPen(palette.text().color())
            label = metrics.elidedText(item.title, Qt.TextElideMode.ElideRight, _LABEL - 28)
            painter.drawText(QRectF(16, top, _LABEL - 28, _ROW), Qt.AlignmentFlag.AlignVCenter, label)
            if key == OFF_PLAN:
                painter.setPen(QColor(STATUS_COLOURS.get(item.status, "#6B7785")))
                painter.drawText(QRectF(_LABEL + 6, top, 300, _ROW), Qt.AlignmentFlag.AlignVCenter, view.status(item))
                continue
            self._paint_bar(painter, view, item)
        arrows = QColor(palette.text().color())
        arrows.setAlpha(70)  # the dependencies are context; the bars are the message
        self._paint_arrows(painter, arrows)
        painter.end()

    def _paint_header(self, painter: QPainter, view: PlanView, bottom: int) -> None:
        """Years and months over the grid, the horizon ends, and the maturity legend."""
        palette = self.palette()
        muted = QColor(palette.text().color())
        muted.setAlpha(150)
        labels = self.month_labels()
        half = _HEADER // 2
        for month, text in enumerate(labels):
            x = _LABEL + month * _MONTH
            painter.setPen(QPen(palette.mid().color(), 1))
            painter.drawLine(x, half, x, bottom)
            painter.setPen(muted)
            painter.drawText(QRectF(x, half, _MONTH, half - 4), Qt.AlignmentFlag.AlignCenter, text)
            found = plan_month(view.start_date, month)
            if found is None and month == 0:  # an undated plan: say what the numbers are
                painter.setPen(palette.text().color())
                painter.drawText(QRectF(x + 3, 2, 120, half - 2), Qt.AlignmentFlag.AlignVCenter, "Month of the plan")
            if found is not None and (month == 0 or found[1] == 1):
                painter.setPen(palette.text().color())
                painter.drawText(QRectF(x + 3, 2, 60, half - 2), Qt.AlignmentFlag.AlignVCenter, str(found[0]))
        pen = QPen(QColor("#5B6B7F"), 1.4, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        for _horizon, _first, end in horizon_bounds(view.roadmap.horizons):
            if end is not None and 0 < end < self._months:
                x = _LABEL + end * _MONTH
                painter.drawLine(x, half, x, bottom)
        left = 8.0
        painter.setPen(palette.text().color())
        painter.drawText(
            QRectF(left, 2, _LABEL, half - 2), Qt.AlignmentFlag.AlignVCenter, "Colour: maturity it helps reach"
        )
        metrics = QFontMetrics(self.font())
        for phase in view.roadmap.phases:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(view.colour(phase.id)))
            painter.drawRoundedRect(QRectF(left, half + 6, 12, 12), 2, 2)
            painter.setPen(palette.text().color())
            painter.drawText(QRectF(left + 16, half, 90, half - 4), Qt.AlignmentFlag.AlignVCenter, phase.name)
            left += 16 + metrics.horizontalAdvance(phase.name) + 14

    def _paint_bar(self, painter: QPainter, view: PlanView, item: Initiative) -> None:
        rect = self.bar_rect(item.id)
        if rect is None:
            return
        colour = QColor(view.colour(item.phase))
        if item.status == "done":
            colour.setAlpha(110)
        painter.setPen(QPen(QColor("#1F2A37"), 1.5) if item.status == "in_progress" else Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, 4, 4)
        marks = ("\u2713 " if item.status == "done" else "") + ("\U0001f512" if item.locked else "")
        if marks:
            painter.setPen(QColor("white") if item.status != "done" else QColor("#1F2A37"))
            painter.drawText(rect.adjusted(4, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, marks)
        if item.pinned_start is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#1F2A37"))
            tip = QPointF(rect.left(), rect.top() - 1)
            painter.drawPolygon(QPolygonF([tip, QPointF(tip.x() + 7, tip.y()), QPointF(tip.x(), tip.y() + 7)]))

    def _paint_arrows(self, painter: QPainter, colour: QColor) -> None:
        painter.setPen(QPen(colour, 1.2))
        for _key, item in self.rows:
            if item is None:
                continue
            target = self.bar_rect(item.id)
            for dep in item.depends_on:
                source = self.bar_rect(dep)
                if source is None or target is None:
                    continue
                start = QPointF(source.right(), source.center().y())
                end = QPointF(target.left(), target.center().y())
                # down (or up) just after the dependency ends, then along the waiting item's own row,
                # which is empty before its bar: the lines stay short and out of other bars
                path = QPainterPath(start)
                bend = min(start.x() + 6, end.x() - 6)
                path.lineTo(bend, start.y())
                path.lineTo(bend, end.y())
                path.lineTo(end)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(path)
                painter.setBrush(colour)
                head = QPolygonF([end, QPointF(end.x() - 6, end.y() - 3.5), QPointF(end.x() - 6, end.y() + 3.5)])
                painter.drawPolygon(head)
