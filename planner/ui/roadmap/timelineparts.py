"""The timeline's three painted parts: the title column, the month header and the chart of bars.

All three read one :class:`~planner.ui.roadmap.timelinelayout.TimelineLayout`. The header and the
title column stay put while the chart scrolls under them (the composite keeps them in step).
Horizons (Now, Next, Later) are shaded bands down the chart, named in the header. Dependency
arrows are drawn for the selected initiative only: what it waits for and what waits for it.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from planner.model.calendar import MONTH_NAMES, plan_month
from planner.model.project import Initiative
from planner.model.roadmap import horizon_bounds
from planner.ui.roadmap.plan import OFF_PLAN, STATUS_COLOURS, PlanView
from planner.ui.roadmap.timelinelayout import TimelineLayout

__all__ = ["BAND_TINTS", "ChartPart", "HeaderPart", "TitlesPart", "horizon_bands"]

_GROUP_TINT = "#E6EAF0"
_INK = "#1F2A37"
#: Shades of the horizon bands, first horizon first (then repeated).
BAND_TINTS = ("#E3ECF7", "#F2F5F9")


def horizon_bands(view: PlanView, months: int) -> list[tuple[str, int, int]]:
    """Each horizon's (id, first month, end month) within the chart's ``months``."""
    bands = []
    for horizon, first, end in horizon_bounds(view.roadmap.horizons):
        stop = months if end is None else min(end, months)
        if first < stop:
            bands.append((horizon.id, first, stop))
    return bands


class _Part(QWidget):
    """A painted part: it holds the plan and the layout, and says which row was clicked.

    Signals:
        clicked(int): a row was clicked (its number).
        double_clicked(int): a row was double-clicked.
    """

    clicked = Signal(int)
    double_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: PlanView | None = None
        self.layout_: TimelineLayout | None = None
        self.selected: str | None = None

    def set_layout(self, view: PlanView, layout: TimelineLayout, selected: str | None) -> None:
        self.view, self.layout_, self.selected = view, layout, selected
        self.updateGeometry()
        self.update()

    def _row_at(self, event: QMouseEvent) -> int | None:
        return None if self.layout_ is None else self.layout_.row_at(event.position().y())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self._row_at(event)
        if row is not None:
            self.clicked.emit(row)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        row = self._row_at(event)
        if row is not None:
            self.double_clicked.emit(row)

    def _paint_rows(self, painter: QPainter, width: float) -> None:
        """Group rows tinted and the selected row highlighted, across ``width``."""
        layout = self.layout_
        assert layout is not None  # noqa: S101
        for row, (_key, item) in enumerate(layout.rows):
            box = QRectF(0, layout.tops[row], width, layout.heights[row])
            if item is None:
                painter.fillRect(box, QColor(_GROUP_TINT))
            elif item.id == self.selected:
                colour = QColor(self.palette().highlight().color())
                colour.setAlpha(45)
                painter.fillRect(box, colour)


class TitlesPart(_Part):
    """The frozen title column: group headers and every initiative's title, wrapped."""

    def sizeHint(self) -> QSize:
        height = self.layout_.height if self.layout_ is not None else 100
        return QSize(self.layout_.title_width if self.layout_ is not None else 320, height)

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        layout = self.layout_
        if layout is None or self.view is None:
            painter.end()
            return
        self._paint_rows(painter, self.width())
        bold = QFont(self.font())
        bold.setBold(True)
        for row, (_key, item) in enumerate(layout.rows):
            box = layout.title_rect(row)
            painter.setFont(bold if item is None else self.font())
            painter.setPen(QColor(_INK) if item is None else self.palette().text().color())
            for n, text in enumerate(layout.lines[row]):
                painter.drawText(QRectF(box.left(), box.top() + n * layout.line, box.width(), layout.line), 0, text)
        painter.end()


class HeaderPart(_Part):
    """The frozen header: horizon names over their bands, years, and calendar months."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offset = 0

    def set_offset(self, offset: int) -> None:
        """Follow the chart's horizontal scrolling."""
        self.offset = offset
        self.update()

    def sizeHint(self) -> QSize:
        layout = self.layout_
        return QSize(400, layout.header_height if layout is not None else 40)

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        layout, view = self.layout_, self.view
        if layout is None or view is None:
            painter.end()
            return
        painter.translate(-self.offset, 0)
        third = (layout.header_height - 4) / 3
        mw = layout.month_width
        bold = QFont(self.font())
        bold.setBold(True)
        for n, (horizon_id, first, stop) in enumerate(horizon_bands(view, layout.months)):
            box = QRectF(first * mw, 0, (stop - first) * mw, layout.header_height)
            painter.fillRect(box, QColor(BAND_TINTS[n % len(BAND_TINTS)]))
            painter.setFont(bold)
            painter.setPen(QColor(_INK))
            label = f"{view.horizon_name(horizon_id)} \u00b7 {view.horizon_window(horizon_id)}"
            if painter.fontMetrics().horizontalAdvance(label) > box.width() - 8:  # a short band: its name only
                label = view.horizon_name(horizon_id)
            name = painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, int(box.width()) - 8)
            painter.drawText(QRectF(box.left() + 4, 0, box.width() - 8, third), Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(self.font())
        muted = QColor(self.palette().text().color())
        muted.setAlpha(170)
        for month in range(layout.months):
            x = month * mw
            found = plan_month(view.start_date, month)
            painter.setPen(muted)
            text = str(month + 1) if found is None else MONTH_NAMES[found[1] - 1]
            painter.drawText(QRectF(x, 2 * third, mw, third), Qt.AlignmentFlag.AlignCenter, text)
            painter.setPen(QPen(self.palette().mid().color(), 1))
            painter.drawLine(QPointF(x, 2 * third), QPointF(x, layout.header_height))
            painter.setPen(self.palette().text().color())
            if found is None and month == 0:
                painter.drawText(
                    QRectF(x + 3, third, 12 * mw, third), Qt.AlignmentFlag.AlignVCenter, "Month of the plan"
                )
            elif found is not None and (month == 0 or found[1] == 1):
                painter.drawText(QRectF(x + 3, third, 4 * mw, third), Qt.AlignmentFlag.AlignVCenter, str(found[0]))
        painter.end()


class ChartPart(_Part):
    """The bars on the month grid, horizon bands behind them, and the selected item's dependencies."""

    def sizeHint(self) -> QSize:
        layout = self.layout_
        if layout is None:
            return QSize(400, 100)
        return QSize(layout.chart_width + 24, layout.height + 8)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def bar_rect(self, initiative_id: str) -> QRectF | None:
        """Where an initiative's bar is drawn (``None``: not shown, or not scheduled)."""
        layout = self.layout_
        row = None if layout is None else layout.row_of(initiative_id)
        if layout is None or row is None or layout.rows[row][0] == OFF_PLAN:
            return None
        item = layout.rows[row][1]
        assert item is not None  # noqa: S101
        middle = layout.tops[row] + layout.heights[row] / 2
        height = max(10.0, layout.line * 0.8)
        mw = layout.month_width
        return QRectF(item.start_month * mw, middle - height / 2, item.duration_months * mw, height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        layout, view = self.layout_, self.view
        if layout is None or view is None:
            painter.end()
            return
        mw = layout.month_width
        bottom = layout.height
        for n, (_h, first, stop) in enumerate(horizon_bands(view, layout.months)):
            painter.fillRect(
                QRectF(first * mw, 0, (stop - first) * mw, bottom), QColor(BAND_TINTS[n % len(BAND_TINTS)])
            )
        self._paint_rows(painter, layout.chart_width)
        painter.setPen(QPen(self.palette().mid().color(), 1))
        for month in range(layout.months + 1):
            painter.drawLine(QPointF(month * mw, 0), QPointF(month * mw, bottom))
        painter.setPen(QPen(QColor("#5B6B7F"), 1.4, Qt.PenStyle.DashLine))
        for _h, _first, stop in horizon_bands(view, layout.months)[:-1]:
            painter.drawLine(QPointF(stop * mw, 0), QPointF(stop * mw, bottom))
        for row, (key, item) in enumerate(layout.rows):
            if item is None:
                continue
            if key == OFF_PLAN:
                painter.setPen(QColor(STATUS_COLOURS.get(item.status, "#6B7785")))
                painter.drawText(
                    QRectF(6, layout.tops[row], 20 * mw, layout.heights[row]),
                    Qt.AlignmentFlag.AlignVCenter,
                    view.status(item),
                )
                continue
            self._paint_bar(painter, view, item)
        self._paint_arrows(painter)
        painter.end()

    def _paint_bar(self, painter: QPainter, view: PlanView, item: Initiative) -> None:
        rect = self.bar_rect(item.id)
        if rect is None:
            return
        colour = QColor(view.colour(item.phase))
        if item.status == "done":
            colour.setAlpha(110)
        selected = item.id == self.selected
        pen = QPen(QColor(_INK), 2) if selected or item.status == "in_progress" else Qt.PenStyle.NoPen
        painter.setPen(pen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, 4, 4)
        marks = ("\u2713 " if item.status == "done" else "") + ("\U0001f512" if item.locked else "")
        if marks:
            painter.setPen(QColor("white") if item.status != "done" else QColor(_INK))
            painter.drawText(rect.adjusted(4, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, marks)
        if item.pinned_start is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(_INK))
            tip = QPointF(rect.left(), rect.top() - 1)
            painter.drawPolygon(QPolygonF([tip, QPointF(tip.x() + 7, tip.y()), QPointF(tip.x(), tip.y() + 7)]))

    def arrows(self) -> list[tuple[str, str]]:
        """The dependencies drawn: (from, to) for the selected item's own and its dependents' (none unselected)."""
        layout = self.layout_
        if layout is None or self.selected is None:
            return []
        items = [item for _k, item in layout.rows if item is not None]
        shown = {item.id for item in items}
        pairs = []
        for item in items:
            for dep in item.depends_on:
                if dep in shown and self.selected in (dep, item.id):
                    pairs.append((dep, item.id))
        return pairs

    def _paint_arrows(self, painter: QPainter) -> None:
        colour = QColor(_INK)
        painter.setPen(QPen(colour, 1.6))
        for source_id, target_id in self.arrows():
            source, target = self.bar_rect(source_id), self.bar_rect(target_id)
            if source is None or target is None:
                continue
            start = QPointF(source.right(), source.center().y())
            end = QPointF(target.left(), target.center().y())
            # down (or up) just after the dependency ends, then along the waiting item's own row
            path = QPainterPath(start)
            bend = min(start.x() + 6, end.x() - 6)
            path.lineTo(bend, start.y())
            path.lineTo(bend, end.y())
            path.lineTo(end)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(colour)
            painter.drawPolygon(QPolygonF([end, QPointF(end.x() - 7, end.y() - 4), QPointF(end.x() - 7, end.y() + 4)]))
