"""The capability navigator's view: names that wrap, compact figure columns, sized from the text size.

Capability names are what the room reads on a projector, so the name column gets the room: it
stretches, and a name wraps at word boundaries onto as many lines as it needs (rows grow with it)
instead of being cut. The level, target and completeness columns are as narrow as their widest
value in the current font, so they never take the names' room. Every width follows the text size
(View > Larger text): the view re-measures when its font changes.

:meth:`CapabilityNavigator.readable_width` is the narrowest the view can be with every name
readable (the longest single word of any name on one line beside the other columns); the page
keeps the navigator at least that wide and starts it a little wider.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from planner.ui.navmodel import CapabilityTreeModel

__all__ = ["CapabilityNavigator"]

_Index = QModelIndex | QPersistentModelIndex
#: Average characters the name column aims for when there is room (names then wrap at most once or twice).
_COMFORTABLE_CHARS = 22


class _WrappingDelegate(QStyledItemDelegate):
    """Gives a name cell the height its wrapped text needs at the column's current width."""

    def __init__(self, view: CapabilityNavigator) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        hint = super().sizeHint(option, index)
        if index.column() != 0:
            return hint
        width = self.view.name_text_width(index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        metrics = QFontMetrics(font)
        box = metrics.boundingRect(0, 0, max(1, width), 10_000, int(Qt.TextFlag.TextWordWrap), text)
        pad = metrics.lineSpacing() // 3
        return QSize(hint.width(), max(hint.height(), box.height() + pad))


class CapabilityNavigator(QTreeView):
    """The navigator's tree: domains and capabilities, names wrapping, figure columns compact."""

    def __init__(self, model: CapabilityTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName("Capabilities")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(False)  # a wrapped name makes its row taller
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setAlternatingRowColors(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(_WrappingDelegate(self))
        self.expandAll()
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._column_resized)
        self._fit_columns()

    # -- sizes ---------------------------------------------------------------------------------
    def _figure_widths(self) -> list[int]:
        """Widths of the level, target and scored columns in the current font (widest value or header)."""
        model = self.model()
        assert isinstance(model, CapabilityTreeModel)  # noqa: S101
        bold = self.font()
        bold.setBold(True)  # domain rows are bold
        metrics = QFontMetrics(bold)
        levels = [level.name for level in model.doc.project.model.levels]
        lenses = len(model.doc.project.model.lens_ids)
        caps = max((len(domain.capability_ids) for domain in model.doc.project.model.domains), default=0)
        pad = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + metrics.averageCharWidth()
        header_pad = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
        swatch = self.iconSize().width() if self.iconSize().isValid() else metrics.height()
        columns = (
            ([*levels, "\u2013"], max(swatch, metrics.height()) + 6),  # level: colour swatch + name
            (levels, 0),  # target
            (["N/A", f"{lenses}/{lenses}", f"{caps}/{caps} caps", "\u2713"], 0),  # how much is scored
        )
        widths = []
        for col, (values, extra) in enumerate(columns, start=1):
            title = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
            content = max(metrics.horizontalAdvance(v) for v in values) + extra + pad
            widths.append(max(content, metrics.horizontalAdvance(title) + header_pad))
        return widths

    def _fit_columns(self) -> None:
        header = self.header()
        for col, width in enumerate(self._figure_widths(), start=1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, width)
        self.setMinimumWidth(self.readable_width())

    def _names(self) -> list[str]:
        model = self.model()
        assert isinstance(model, CapabilityTreeModel)  # noqa: S101
        project_model = model.doc.project.model
        names = [cap.name for cap in project_model.iter_capabilities()]
        return names + [domain.name for domain in project_model.domains]

    def _chrome(self) -> int:
        """Width outside the columns: frame, vertical scroll bar, the deepest indentation, text margins."""
        scroll = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        margins = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        return 2 * self.frameWidth() + scroll + 2 * self.indentation() + margins + 4

    def readable_width(self) -> int:
        """The narrowest width with every name readable: its longest word fits the name column on one line."""
        bold = self.font()
        bold.setBold(True)  # domain names are bold
        metrics = QFontMetrics(bold)
        longest = max((metrics.horizontalAdvance(word) for name in self._names() for word in name.split()), default=0)
        return longest + sum(self._figure_widths()) + self._chrome()

    def comfortable_width(self) -> int:
        """A width where most names fit on one or two lines (the page's starting width)."""
        name = self.fontMetrics().averageCharWidth() * _COMFORTABLE_CHARS
        return max(self.readable_width(), name + sum(self._figure_widths()) + self._chrome())

    def name_text_width(self, index: _Index) -> int:
        """The width a name's text has in its cell: the column less the row's indentation and margins."""
        depth = 1 if index.parent().isValid() else 0
        indent = self.indentation() * (depth + (1 if self.rootIsDecorated() else 0))
        margins = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        return self.header().sectionSize(0) - indent - margins

    # -- events --------------------------------------------------------------------------------
    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == 0:
            self.scheduleDelayedItemsLayout()  # wrapped names need other heights

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_columns()
            self.scheduleDelayedItemsLayout()
