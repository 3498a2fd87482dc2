"""A layout that places widgets left to right and starts a new line when the row is full.

Rows of buttons and filters use it so that large text (View > Larger text) or a projector's
1024x768 wraps them onto a second line instead of widening the window past the screen. A widget
added with ``push_right=True`` is placed at the right end of its line when it fits there.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem

__all__ = ["FlowLayout"]


class FlowLayout(QLayout):
    """Widgets in reading order, wrapped onto as many lines as the width needs."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._right: set[int] = set()
        self._gaps: dict[int, int] = {}
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def add(self, widget: QWidget, *, push_right: bool = False, gap_before: int = 0) -> None:
        """Add ``widget``; ``push_right`` puts it at the line's right end, ``gap_before`` adds room before it."""
        self.addChildWidget(widget)
        self._items.append(QWidgetItem(widget))
        if push_right:
            self._right.add(len(self._items) - 1)
        if gap_before:
            self._gaps[len(self._items) - 1] = gap_before
        self.invalidate()

    # -- QLayout -------------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        self._right = {n - (n > index) for n in self._right if n != index}
        self._gaps = {n - (n > index): g for n, g in self._gaps.items() if n != index}
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        visible = [i for i in self._items if not i.isEmpty()]
        width = sum(i.sizeHint().width() for i in visible) + self._spacing * max(0, len(visible) - 1)
        width += sum(self._gaps.values())
        height = max((i.sizeHint().height() for i in visible), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # -- placing -------------------------------------------------------------------------------
    def _lines(self, width: int) -> list[list[int]]:
        lines: list[list[int]] = [[]]
        used = 0
        for n, item in enumerate(self._items):
            if item.isEmpty():
                continue
            wanted = item.sizeHint().width() + (self._gaps.get(n, 0) if lines[-1] else 0)
            step = wanted + (self._spacing if lines[-1] else 0)
            if lines[-1] and used + step > width:
                lines.append([])
                used = 0
                step = item.sizeHint().width()
            lines[-1].append(n)
            used += step
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = area.top()
        for line in self._lines(area.width()):
            height = max(self._items[n].sizeHint().height() for n in line)
            if place:
                x = area.left()
                right_end = area.right() + 1
                right_items = [n for n in line if n in self._right]
                right_width = sum(self._items[n].sizeHint().width() for n in right_items)
                for n in line:
                    item = self._items[n]
                    hint = item.sizeHint()
                    if n in self._right:
                        x = max(x, right_end - right_width)
                        right_width -= hint.width()
                    elif line[0] != n:
                        x += self._gaps.get(n, 0)
                    top = y + (height - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(min(hint.width(), area.width()), hint.height())))
                    x += hint.width() + self._spacing
            y += height + self._spacing
        return y - self._spacing - rect.top() + margins.bottom()
