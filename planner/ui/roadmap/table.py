"""The roadmap as a table with inline editing: one row per initiative, in plan order.

An adapter over the document's roadmap: ``setData`` pushes an edit (never mutates), and a
refused edit (e.g. a dependency loop) is reported through :attr:`RoadmapTableModel.edit_refused`.
Start and end months are the scheduler's and read-only; locking is a check box.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from planner.model.capmodel import EFFORTS
from planner.model.edits import Change, ChangeKind
from planner.model.project import INITIATIVE_STATUSES
from planner.model.roadmap import edit_initiative, move_initiative, set_locked
from planner.report.formatting import status_text
from planner.ui.document import Document
from planner.ui.roadmap.edits import push_edit

__all__ = ["COLUMNS", "RoadmapTableModel"]

_Index = QModelIndex | QPersistentModelIndex
#: (key, header) of each column, in order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("phase", "Phase"),
    ("capability", "Capability"),
    ("title", "Initiative"),
    ("owner", "Owner"),
    ("effort", "Effort"),
    ("duration_months", "Months"),
    ("start", "Start"),
    ("end", "End"),
    ("status", "Status"),
    ("locked", "Locked"),
    ("depends_on", "Depends on"),
)
_EDITABLE = {"phase", "title", "owner", "effort", "duration_months", "status"}
_KEYS = [key for key, _ in COLUMNS]


class RoadmapTableModel(QAbstractTableModel):
    """Initiatives as rows.

    Signals:
        edit_refused(str): an edit was refused; the message says why.
    """

    edit_refused = Signal(str)

    def __init__(self, doc: Document, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc
        doc.changed.connect(self._on_changed)

    def _on_changed(self, change: Change) -> None:
        if change.kind is ChangeKind.ROADMAP:
            self.beginResetModel()
            self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.doc.project.roadmap.initiatives)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][1] if 0 <= section < len(COLUMNS) else None
        return section + 1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        key = _KEYS[index.column()]
        if key in _EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        if key == "locked":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def initiative_id(self, row: int) -> str:
        """The id of the initiative on a row."""
        return self.doc.project.roadmap.initiatives[row].id

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        item = self.doc.project.roadmap.initiatives[index.row()]
        key = _KEYS[index.column()]
        model = self.doc.project.model
        if role == Qt.ItemDataRole.CheckStateRole and key == "locked":
            return Qt.CheckState.Checked if item.locked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and key == "title":
            return item.description or item.title
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if key == "phase":
            if role == Qt.ItemDataRole.EditRole:
                return item.phase
            return next((p.name for p in self.doc.project.roadmap.phases if p.id == item.phase), item.phase)
        if key == "capability":
            return model.capability(item.capability).name if item.capability in model.capabilities else item.capability
        if key == "start":
            return item.start_month + 1
        if key == "end":
            return item.end_month
        if key == "locked":
            return None
        if key == "status" and role == Qt.ItemDataRole.DisplayRole:
            return status_text(item.status)
        if key == "depends_on":
            titles = {other.id: other.title for other in self.doc.project.roadmap.initiatives}
            return "; ".join(titles.get(dep, dep) for dep in item.depends_on)
        return getattr(item, key)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        item = self.doc.project.roadmap.initiatives[index.row()]
        key = _KEYS[index.column()]
        if key == "locked" and role == Qt.ItemDataRole.CheckStateRole:
            locked = Qt.CheckState(value) == Qt.CheckState.Checked
            text = f"{'Lock' if locked else 'Unlock'} '{item.title}'"
            return self._push(text, lambda r: set_locked(r, item.id, locked), item.id)
        if role != Qt.ItemDataRole.EditRole or key not in _EDITABLE:
            return False
        if key == "phase":
            phases = {p.id: p.id for p in self.doc.project.roadmap.phases}
            phases.update({p.name.lower(): p.id for p in self.doc.project.roadmap.phases})
            phase = phases.get(str(value).strip().lower())
            if phase is None:
                self.edit_refused.emit(f"There is no phase {value!r}.")
                return False
            if phase == item.phase:
                return False
            return self._push(
                f"Move '{item.title}' to {phase.capitalize()}", lambda r: move_initiative(r, item.id, phase), item.id
            )
        if key == "effort":
            value = str(value).strip().upper()
            if value not in EFFORTS:
                self.edit_refused.emit(f"Effort must be one of {', '.join(EFFORTS)}.")
                return False
        if key == "status" and value not in INITIATIVE_STATUSES:
            self.edit_refused.emit(f"Status must be one of {', '.join(INITIATIVE_STATUSES)}.")
            return False
        if key == "duration_months":
            try:
                value = int(value)
            except (TypeError, ValueError):
                self.edit_refused.emit("The duration must be a whole number of months.")
                return False
        if getattr(item, key) == value:
            return False
        label = dict(COLUMNS)[key].lower()
        return self._push(
            f"Edit {label} of '{item.title}'", lambda r: edit_initiative(r, item.id, **{key: value}), item.id
        )

    def _push(self, text: str, change: Any, initiative_id: str) -> bool:
        message = push_edit(self.doc, text, change, (initiative_id,))
        if message is not None:
            self.edit_refused.emit(message)
            return False
        return True
