"""The board: one column per phase, a card per initiative, drag and drop between and within phases.

A drop never rearranges the list widgets themselves: it asks for a move (initiative, phase,
position), the page turns it into an undoable edit, and the columns are rebuilt from the
document. The keyboard does the same: Ctrl+Up/Down moves the selected card within its phase,
Ctrl+Left/Right to the previous or next phase. Cards show the title, capability, owner, effort,
months and a lock mark, with the phase's level colour down their left edge.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from planner.charts.palette import level_colour
from planner.model.project import Initiative, Roadmap
from planner.report.formatting import month_span

__all__ = ["MIME_TYPE", "Board", "PhaseColumn"]

MIME_TYPE = "application/x-finops-planner-initiative"
_ID_ROLE = Qt.ItemDataRole.UserRole
_LINES_ROLE = Qt.ItemDataRole.UserRole + 1
_COLOUR_ROLE = Qt.ItemDataRole.UserRole + 2


class CardDelegate(QStyledItemDelegate):
    """Paints an initiative as a card: a bold title and two lines of details."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(200, line * 3 + 22)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        title, detail, meta = index.data(_LINES_ROLE)
        palette = option.palette
        rect = option.rect.adjusted(4, 3, -4, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(palette.highlight().color() if selected else palette.mid().color(), 2 if selected else 1))
        painter.setBrush(palette.base())
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(index.data(_COLOUR_ROLE)))
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), 6, rect.height()), 3, 3)
        text_rect = rect.adjusted(14, 6, -8, -6)
        line = QFontMetrics(option.font).lineSpacing()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setPen(palette.text().color())
        painter.setFont(bold)
        painter.drawText(
            QRect(text_rect.left(), text_rect.top(), text_rect.width(), line),
            Qt.AlignmentFlag.AlignLeft,
            QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        painter.setFont(option.font)
        metrics = QFontMetrics(option.font)
        for n, text in enumerate((detail, meta), start=1):
            painter.drawText(
                QRect(text_rect.left(), text_rect.top() + n * line, text_rect.width(), line),
                Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width()),
            )
        painter.restore()


class PhaseColumn(QListWidget):
    """The cards of one phase; Ctrl+Up/Down moves the selected card, Ctrl+Left/Right changes phase.

    Signals:
        drop_requested(str, str, int): move initiative (id) to phase (id) at position.
        phase_step_requested(str, int): move initiative (id) to the previous (-1) or next (+1) phase.
    """

    drop_requested = Signal(str, str, int)
    phase_step_requested = Signal(str, int)

    def __init__(self, phase_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phase_id = phase_id
        self.setItemDelegate(CardDelegate(self))
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSpacing(1)

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, items: Any) -> QMimeData:
        mime = QMimeData()
        if items:
            mime.setData(MIME_TYPE, QByteArray(items[0].data(_ID_ROLE).encode("utf-8")))
        return mime

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME_TYPE):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(MIME_TYPE):
            super().dragMoveEvent(event)
            event.acceptProposedAction()
        else:
            event.ignore()

    def drop_position(self, y: int) -> int:
        """Return where a card dropped at height ``y`` goes among this phase's cards."""
        for row in range(self.count()):
            rect = self.visualItemRect(self.item(row))
            if y < rect.center().y():
                return row
        return self.count()

    def dropEvent(self, event: QDropEvent) -> None:
        if not event.mimeData().hasFormat(MIME_TYPE):
            event.ignore()
            return
        initiative_id = bytes(event.mimeData().data(MIME_TYPE).data()).decode("utf-8")
        position = self.drop_position(int(event.position().y()))
        event.setDropAction(Qt.DropAction.CopyAction)  # the widgets are rebuilt from the document
        event.accept()
        self.drop_requested.emit(initiative_id, self.phase_id, position)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        initiative_id = self.current_id()
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        key = event.key()
        if initiative_id is None or not control:
            super().keyPressEvent(event)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 2  # +2: a card is placed before the card at a position
            self.drop_requested.emit(initiative_id, self.phase_id, max(0, self.currentRow() + step))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.phase_step_requested.emit(initiative_id, -1 if key == Qt.Key.Key_Left else 1)
        else:
            super().keyPressEvent(event)

    def current_id(self) -> str | None:
        """The id of the selected card."""
        item = self.currentItem()
        return None if item is None else str(item.data(_ID_ROLE))


class Board(QWidget):
    """One column per phase.

    Signals:
        drop_requested(str, str, int): see :class:`PhaseColumn`.
        activated(str): a card was double-clicked or Enter was pressed on it.
        phase_step_requested(str, int): see :class:`PhaseColumn`.
    """

    drop_requested = Signal(str, str, int)
    activated = Signal(str)
    phase_step_requested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns: dict[str, PhaseColumn] = {}
        self.headers: dict[str, QLabel] = {}
        #: The card to select after the next rebuild (the one just moved), if any.
        self.follow: str | None = None
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def show_roadmap(
        self, roadmap: Roadmap, names: dict[str, str], level_ids: tuple[str, ...], spans: dict[str, tuple[int, int]]
    ) -> None:
        """Rebuild the columns from the roadmap (``names``: capability id -> name)."""
        if list(self.columns) != [p.id for p in roadmap.phases]:
            self._build_columns(roadmap, level_ids)
        by_phase: dict[str, list[Initiative]] = {p.id: [] for p in roadmap.phases}
        for item in roadmap.initiatives:
            by_phase.setdefault(item.phase, []).append(item)
        focused = next((c for c in self.columns.values() if c.hasFocus()), None)
        for phase in roadmap.phases:
            column = self.columns[phase.id]
            selected = self.follow or column.current_id()
            column.clear()
            colour = level_colour(phase.id, level_ids)
            for item in by_phase[phase.id]:
                column.addItem(self._card(item, names, colour))
                if item.id == selected:
                    column.setCurrentRow(column.count() - 1)
                    if self.follow and focused is not None:
                        column.setFocus()
            start, end = spans.get(phase.id, (phase.start_month, phase.start_month))
            count = len(by_phase[phase.id])
            months = month_span(start, end) if end > start else "no work planned"
            self.headers[phase.id].setText(
                f"<b>{phase.name}</b> · {count} initiative{'s' if count != 1 else ''} · {months}"
            )

    def _build_columns(self, roadmap: Roadmap, level_ids: tuple[str, ...]) -> None:
        while self._layout.count():
            taken = self._layout.takeAt(0)
            child = taken.widget() if taken is not None else None
            if child is not None:
                child.deleteLater()
        self.columns.clear()
        self.headers.clear()
        for phase in roadmap.phases:
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(4, 0, 4, 0)
            header = QLabel(f"<b>{phase.name}</b>")
            header.setStyleSheet(f"border-bottom: 3px solid {level_colour(phase.id, level_ids)}; padding: 4px;")
            column = PhaseColumn(phase.id)
            column.setAccessibleName(f"{phase.name} phase")
            column.drop_requested.connect(self.drop_requested)
            column.phase_step_requested.connect(self.phase_step_requested)
            column.itemActivated.connect(lambda item: self.activated.emit(str(item.data(_ID_ROLE))))
            column.itemPressed.connect(lambda _item, column=column: self._select_only(column))
            lay.addWidget(header)
            lay.addWidget(column, 1)
            self.columns[phase.id] = column
            self.headers[phase.id] = header
            self._layout.addWidget(box, 1)

    def _select_only(self, chosen: PhaseColumn) -> None:
        for column in self.columns.values():
            if column is not chosen:
                column.setCurrentRow(-1)

    @staticmethod
    def _card(item: Initiative, names: dict[str, str], colour: str) -> QListWidgetItem:
        widget_item = QListWidgetItem(item.title)
        months = month_span(item.start_month, item.end_month)
        lock = " · locked" if item.locked else ""
        custom = " · custom" if item.origin == "custom" else ""
        widget_item.setData(_ID_ROLE, item.id)
        widget_item.setData(
            _LINES_ROLE,
            (
                item.title,
                f"{names.get(item.capability, item.capability)} · {item.owner or 'no owner'}",
                f"Effort {item.effort} · {months}{lock}{custom}",
            ),
        )
        widget_item.setData(_COLOUR_ROLE, colour)
        widget_item.setToolTip(f"{item.title}\n\n{item.description}" if item.description else item.title)
        widget_item.setData(
            Qt.ItemDataRole.AccessibleTextRole, f"{item.title}, {names.get(item.capability, '')}, {months}{lock}"
        )
        return widget_item

    def selected_id(self) -> str | None:
        """The id of the selected card in the focused column (or any column)."""
        for column in self.columns.values():
            if column.hasFocus() and column.current_id():
                return column.current_id()
        for column in self.columns.values():
            if column.current_id():
                return column.current_id()
        return None
