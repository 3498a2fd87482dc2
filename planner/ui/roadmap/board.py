"""The board: the roadmap's cards in columns, grouped by maturity (Crawl, Walk, Run) or by horizon.

Grouped by maturity, a column holds the initiatives that help reach that level, in priority order
(the roadmap's list order); dropping a card within its column reorders priorities. Grouped by
horizon, a column holds what starts in Now, Next or Later, in start order, with deferred and
dropped initiatives in a last "Not scheduled" column; dropping a card on another horizon pins it
there. The board only asks: a drop or a keyboard move emits a request (initiative, column key,
position), the page decides (and may refuse, saying why), and the columns are rebuilt from the
document. Keys: Ctrl+Up/Down moves the selected card within its column, Ctrl+Left/Right to the
previous or next column, Enter opens it.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.model.project import Initiative
from planner.ui.roadmap.cards import ID_ROLE, CardDelegate, card_item
from planner.ui.roadmap.plan import OFF_PLAN, PlanView

__all__ = ["GROUPINGS", "MIME_TYPE", "Board", "CardColumn"]

MIME_TYPE = "application/x-finops-planner-initiative"
#: The board's groupings: id and the label of its toggle.
GROUPINGS: tuple[tuple[str, str], ...] = (("maturity", "&Maturity"), ("horizon", "&Horizon"))
_TIME_COLOUR = "#5B6B7F"  # the underline of a horizon column: time is not a maturity colour
#: The narrowest a column gets at the default text size: room for a card's chip, start month and status.
COLUMN_MIN_WIDTH = 256
#: ... and in characters of the current text size, so a column widens with larger text.
_COLUMN_MIN_CHARS = 24


class CardColumn(QListWidget):
    """The cards of one column.

    Signals:
        drop_requested(str, str, int): put initiative (id) in column (key) at position.
        step_requested(str, int): move initiative (id) to the previous (-1) or next (+1) column.
    """

    drop_requested = Signal(str, str, int)
    step_requested = Signal(str, int)

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setItemDelegate(CardDelegate(self))
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # cards are as tall as their text at this width
        self.setSpacing(1)

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, items: Any) -> QMimeData:
        mime = QMimeData()
        if items:
            mime.setData(MIME_TYPE, QByteArray(items[0].data(ID_ROLE).encode("utf-8")))
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
        """Return where a card dropped at height ``y`` goes among this column's cards."""
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
        self.drop_requested.emit(initiative_id, self.key, position)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        initiative_id = self.current_id()
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        key = event.key()
        if initiative_id is None or not control:
            super().keyPressEvent(event)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 2  # +2: a card is placed before the card at a position
            self.drop_requested.emit(initiative_id, self.key, max(0, self.currentRow() + step))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.step_requested.emit(initiative_id, -1 if key == Qt.Key.Key_Left else 1)
        else:
            super().keyPressEvent(event)

    def current_id(self) -> str | None:
        """The id of the selected card."""
        item = self.currentItem()
        return None if item is None else str(item.data(ID_ROLE))

    def ids(self) -> list[str]:
        """The ids of the cards, top to bottom."""
        return [str(self.item(row).data(ID_ROLE)) for row in range(self.count())]


class Board(QWidget):
    """The grouping toggle and one column per maturity level or horizon.

    Signals:
        drop_requested(str, str, int): see :class:`CardColumn`.
        step_requested(str, int): see :class:`CardColumn`.
        activated(str): a card was double-clicked or Enter was pressed on it.
        grouping_changed(str): the consultant chose another grouping.
    """

    drop_requested = Signal(str, str, int)
    step_requested = Signal(str, int)
    activated = Signal(str)
    grouping_changed = Signal(str)

    def __init__(self, grouping: str = "maturity", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grouping = grouping
        self.columns: dict[str, CardColumn] = {}
        self.headers: dict[str, QLabel] = {}
        #: The card to select after the next rebuild (the one just moved), if any.
        self.follow: str | None = None
        self.toggles: dict[str, QToolButton] = {}
        self._group = QButtonGroup(self)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 0, 4, 4)
        bar.addWidget(QLabel("Group by:"))
        for key, label in GROUPINGS:
            button = QToolButton()
            button.setText(label)
            button.setCheckable(True)
            button.setChecked(key == grouping)
            button.setAutoRaise(False)
            button.setToolTip(
                "Columns by the maturity level each initiative helps reach"
                if key == "maturity"
                else "Columns by when each initiative starts (Now, Next, Later); drop a card to pin it there"
            )
            button.toggled.connect(lambda on, key=key: self._toggled(key) if on else None)
            self._group.addButton(button)
            self.toggles[key] = button
            bar.addWidget(button)
        self.hint = QLabel()
        self.hint.setObjectName("mutedText")
        # a hint, not a reason to widen the window: cut on a narrow screen (the tooltip has it all)
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar.addSpacing(12)
        bar.addWidget(self.hint, 1)
        # the columns scroll sideways when the window is too narrow for them: a card too thin to show
        # its start month is worse than a scroll bar
        holder = QWidget()
        self._columns_box = QHBoxLayout(holder)
        self._columns_box.setContentsMargins(0, 0, 0, 0)
        self._scroll = QScrollArea()
        self._scroll.setWidget(holder)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self._scroll, 1)
        self._view: PlanView | None = None
        self._built: tuple[str, list[str]] = ("", [])

    def _toggled(self, key: str) -> None:
        if key != self.grouping:
            self.grouping = key
            if self._view is not None:
                self.show_plan(self._view)
            self.grouping_changed.emit(key)

    def set_grouping(self, key: str) -> None:
        """Group by ``maturity`` or ``horizon`` (as if the toggle were clicked)."""
        self.toggles[key].setChecked(True)

    def show_plan(self, view: PlanView) -> None:
        """Rebuild the columns from the roadmap."""
        self._view = view
        groups = self._groups(view)
        if self._built != (self.grouping, list(groups)):
            self._build_columns(view, list(groups))
        focused = next((c for c in self.columns.values() if c.hasFocus()), None)
        for key, items in groups.items():
            column = self.columns[key]
            selected = self.follow or column.current_id()
            column.clear()
            for item in items:
                column.addItem(card_item(item, view))
                if item.id == selected:
                    column.setCurrentRow(column.count() - 1)
                    if self.follow and focused is not None:
                        column.setFocus()
            self.headers[key].setText(self._header(view, key, items))
            # an empty column gives its room to the others (it still takes drops)
            self._columns_box.setStretch(list(groups).index(key), 1 if items else 0)
        self.hint.setText(
            "Drag within a column to change priority. Colour and chip: the maturity each initiative helps reach."
            if self.grouping == "maturity"
            else "Drag a card to another horizon to pin its start there. Colour and chip: its maturity."
        )
        self.hint.setToolTip(self.hint.text())

    def _groups(self, view: PlanView) -> dict[str, list[Initiative]]:
        roadmap = view.roadmap
        if self.grouping == "maturity":
            by_phase: dict[str, list[Initiative]] = {p.id: [] for p in roadmap.phases}
            for item in roadmap.initiatives:
                by_phase.setdefault(item.phase, []).append(item)
            return by_phase
        by_horizon: dict[str, list[Initiative]] = {h.id: [] for h in roadmap.horizons}
        order = {item.id: n for n, item in enumerate(roadmap.initiatives)}
        for item in sorted(roadmap.initiatives, key=lambda i: (i.start_month, order[i.id])):
            by_horizon.setdefault(view.horizon(item), []).append(item)
        if not by_horizon.get(OFF_PLAN):
            by_horizon.pop(OFF_PLAN, None)
        return by_horizon

    def _header(self, view: PlanView, key: str, items: list[Initiative]) -> str:
        """Two lines in every column, so the cards line up: the name and count, then when or how far."""
        count = f"{len(items)} initiative{'s' if len(items) != 1 else ''}"
        if self.grouping == "maturity":
            done = sum(1 for item in items if item.status == "done")
            name = html.escape(view.phase_names.get(key, key))
            return f"<b>{name}</b> · {count}<br>{done} of {len(items)} done" if items else f"<b>{name}</b><br>{count}"
        if key == OFF_PLAN:
            return f"<b>Not scheduled</b> · {count}<br>deferred or dropped"
        return f"<b>{html.escape(view.horizon_name(key))}</b> · {count}<br>{view.horizon_window(key)}"

    def _build_columns(self, view: PlanView, keys: list[str]) -> None:
        while self._columns_box.count():
            taken = self._columns_box.takeAt(0)
            child = taken.widget() if taken is not None else None
            if child is not None:
                child.hide()  # at once: the old column may be painted again before it is deleted
                child.deleteLater()
        self.columns.clear()
        self.headers.clear()
        self._built = (self.grouping, keys)
        for key in keys:
            box = QWidget()
            box.setMinimumWidth(self._column_min_width())
            lay = QVBoxLayout(box)
            lay.setContentsMargins(4, 0, 4, 0)
            header = QLabel()
            header.setWordWrap(True)
            colour = view.colour(key) if self.grouping == "maturity" else _TIME_COLOUR
            header.setStyleSheet(f"border-bottom: 3px solid {colour}; padding: 4px;")
            column = CardColumn(key)
            name = view.phase_names.get(key, key) if self.grouping == "maturity" else view.horizon_name(key)
            column.setAccessibleName(f"{name} column")
            column.setDropIndicatorShown(self.grouping == "maturity")
            column.drop_requested.connect(self.drop_requested)
            column.step_requested.connect(self.step_requested)
            column.itemActivated.connect(lambda item: self.activated.emit(str(item.data(ID_ROLE))))
            column.itemPressed.connect(lambda _item, column=column: self._select_only(column))
            lay.addWidget(header)
            lay.addWidget(column, 1)
            self.columns[key] = column
            self.headers[key] = header
            self._columns_box.addWidget(box, 1)

    def _column_min_width(self) -> int:
        return max(COLUMN_MIN_WIDTH, self.fontMetrics().averageCharWidth() * _COLUMN_MIN_CHARS)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # larger text: wider columns, taller cards
            for column in self.columns.values():
                box = column.parentWidget()
                if box is not None:
                    box.setMinimumWidth(self._column_min_width())
                column.scheduleDelayedItemsLayout()

    def _select_only(self, chosen: CardColumn) -> None:
        for column in self.columns.values():
            if column is not chosen:
                column.setCurrentRow(-1)

    def column_of(self, initiative_id: str) -> str | None:
        """The key of the column showing an initiative."""
        return next((key for key, column in self.columns.items() if initiative_id in column.ids()), None)

    def select(self, initiative_id: str) -> bool:
        """Select an initiative's card (and only it)."""
        key = self.column_of(initiative_id)
        if key is None:
            return False
        column = self.columns[key]
        self._select_only(column)
        column.setCurrentRow(column.ids().index(initiative_id))
        column.setFocus()
        return True

    def selected_id(self) -> str | None:
        """The id of the selected card in the focused column (or any column)."""
        for column in self.columns.values():
            if column.hasFocus() and column.current_id():
                return column.current_id()
        for column in self.columns.values():
            if column.current_id():
                return column.current_id()
        return None
