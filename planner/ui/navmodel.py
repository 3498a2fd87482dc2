"""The assessment navigator's item model: domains, and under each its capabilities.

Columns: name, current level (with the level colour), target, and how much is scored. "Scored"
counts lenses on a capability row ("3/5", a tick when all are scored, "N/A") and capabilities on
a domain row ("4/6 caps": fully scored of the applicable ones); the tooltips say so in words. A read-only adapter over the document: it listens to :class:`Change` and emits
``dataChanged`` for the rows of the capabilities that changed (and their domain).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from planner.charts.palette import level_colour
from planner.model.edits import Change, ChangeKind
from planner.report.formatting import percent
from planner.ui.document import Document

__all__ = ["CapabilityTreeModel"]

_Index = QModelIndex | QPersistentModelIndex
_HEADERS = ("Capability", "Level", "Target", "Scored")
_ROOT = 0  # internal id of a domain row; a capability row stores its domain's position + 1


class CapabilityTreeModel(QAbstractItemModel):
    """Domains and capabilities with their level, target and completeness."""

    def __init__(self, doc: Document, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._model = doc.project.model
        self._domains = list(self._model.domains)
        self._row_of = {
            cid: (d_row, c_row)
            for d_row, dom in enumerate(self._domains)
            for c_row, cid in enumerate(dom.capability_ids)
        }
        doc.changed.connect(self._on_changed)

    # -- structure -----------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _ROOT)
        if parent.internalId() == _ROOT:
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    # QObject.parent() and QAbstractItemModel.parent(index) share the name: the stubs see one override
    def parent(self, child: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _ROOT:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _ROOT)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._domains)
        if parent.column() != 0 or parent.internalId() != _ROOT:
            return 0
        return len(self._domains[parent.row()].capability_ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(_HEADERS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return _HEADERS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == 3:
            return (
                "Capability rows: how many of its lenses are scored. Domain rows: capabilities with every lens scored."
            )
        return None

    # -- lookups -------------------------------------------------------------------------------
    def capability_id(self, index: _Index) -> str | None:
        """Return the capability id of a capability row, ``None`` for a domain row."""
        if not index.isValid() or index.internalId() == _ROOT:
            return None
        return self._domains[index.internalId() - 1].capability_ids[index.row()]

    def index_of(self, capability_id: str, column: int = 0) -> QModelIndex:
        """Return the index of a capability's row."""
        d_row, c_row = self._row_of[capability_id]
        return self.index(c_row, column, self.index(d_row, 0))

    def capability_order(self) -> list[str]:
        """Every capability id in navigator order."""
        return [cid for dom in self._domains for cid in dom.capability_ids]

    # -- data ----------------------------------------------------------------------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cap_id = self.capability_id(index)
        if cap_id is None:
            return self._domain_data(index.row(), index.column(), role)
        return self._capability_data(cap_id, index.column(), role)

    def _domain_data(self, row: int, column: int, role: int) -> Any:
        dom_score = self.doc.scorecard().domains[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self._domains[row].name
            if column == 1:
                return self._model.level_name(dom_score.level)
            if column == 3:
                coverage = self.doc.scorecard().coverage_among(self._domains[row].capability_ids)
                return f"{coverage.full}/{coverage.applicable} caps"
            return None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return self._domains[row].summary
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return self.doc.scorecard().coverage_among(self._domains[row].capability_ids).text
        if role == Qt.ItemDataRole.DecorationRole and column == 1 and dom_score.level is not None:
            return QColor(level_colour(dom_score.level, self._model.level_ids))
        return None

    def _capability_data(self, cap_id: str, column: int, role: int) -> Any:
        score = self.doc.scorecard().capabilities[cap_id]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self._model.capability(cap_id).name
            if not score.applicable:
                return "N/A" if column == 3 else ""
            if column == 1:
                return self._model.level_name(score.level) if score.level else "\u2013"
            if column == 2:
                return self._model.level_name(score.target)
            if column == 3:
                scored = sum(1 for t in score.terms if t.score is not None)
                return "✓" if score.complete else f"{scored}/{len(score.terms)}"
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == 1 and score.level is not None:
            return QColor(level_colour(score.level, self._model.level_ids))
        if role == Qt.ItemDataRole.ToolTipRole and column == 3 and score.applicable:
            scored = sum(1 for t in score.terms if t.score is not None)
            return f"{scored} of {len(score.terms)} lenses of this capability scored"
        if role == Qt.ItemDataRole.ToolTipRole:
            if not score.applicable:
                return "Not applicable: left out of every score, gap and the roadmap"
            if score.score is None:
                return "Not scored yet"
            return percent(score.score) + ("" if score.complete else " (some lenses not scored yet)")
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            return f"{self._model.capability(cap_id).name}, level {self._model.level_name(score.level) or 'not scored'}"
        return None

    # -- updates -------------------------------------------------------------------------------
    def _on_changed(self, change: Change) -> None:
        if change.kind is ChangeKind.ASSESSMENT:
            last = len(_HEADERS) - 1
            for cap_id in change.ids:
                if cap_id not in self._row_of:
                    continue
                d_row, _ = self._row_of[cap_id]
                self.dataChanged.emit(self.index_of(cap_id, 0), self.index_of(cap_id, last))
                self.dataChanged.emit(self.index(d_row, 0), self.index(d_row, last))
        elif change.kind is ChangeKind.WEIGHTS:
            last = len(_HEADERS) - 1
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._domains) - 1, last))
            for d_row, dom in enumerate(self._domains):
                parent = self.index(d_row, 0)
                self.dataChanged.emit(self.index(0, 0, parent), self.index(len(dom.capability_ids) - 1, last, parent))
