"""The roadmap as a table: one row per initiative, in plan order, every column sortable.

An adapter over the document's roadmap: ``setData`` pushes an edit (never mutates), and a
refused edit (e.g. a dependency loop) is reported through :attr:`RoadmapTableModel.edit_refused`.
Start and end are the scheduler's and read-only, shown as calendar months ("Mar 2027"); "#" is
the initiative's priority (its place in the list), so sorting by it gives the plan order back.
:data:`SORT_ROLE` gives each cell a value that sorts as a person expects (months by time, effort
S < M < L, maturity and status in their own order), whatever the text shown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from planner.model.capmodel import EFFORTS
from planner.model.edits import Change, ChangeKind
from planner.model.limits import MONTH_MAX
from planner.model.project import INITIATIVE_STATUSES, Initiative
from planner.model.roadmap import edit_initiative, move_initiative, set_locked, set_status
from planner.report.formatting import status_text
from planner.ui.document import Document
from planner.ui.roadmap.edits import push_edit
from planner.ui.roadmap.plan import PlanView, plan_view

__all__ = ["COLUMNS", "SORT_ROLE", "RoadmapTableModel"]

_Index = QModelIndex | QPersistentModelIndex
#: The role whose value sorts a column.
SORT_ROLE = Qt.ItemDataRole.UserRole + 10
#: (key, header) of each column, in order.
#: What and when first, so a narrow window still shows them; then maturity, who, how big.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("priority", "#"),
    ("title", "Initiative"),
    ("start", "Start"),
    ("end", "End"),
    ("horizon", "Horizon"),
    ("status", "Status"),
    ("phase", "Maturity"),
    ("capability", "Capability"),
    ("owner", "Owner"),
    ("effort", "Effort"),
    ("duration_months", "Months"),
    ("pinned", "Pinned"),
    ("locked", "Locked"),
    ("depends_on", "Depends on"),
)
_EDITABLE = {"phase", "title", "owner", "effort", "duration_months", "status"}
_KEYS = [key for key, _ in COLUMNS]
_TIE = 1_000_000  # sort values are rank * _TIE + plan position, so ties keep the plan order


class RoadmapTableModel(QAbstractTableModel):
    """Initiatives as rows.

    Signals:
        edit_refused(str): an edit was refused; the message says why.
    """

    edit_refused = Signal(str)

    def __init__(self, doc: Document, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.view: PlanView = plan_view(doc.project)
        doc.changed.connect(self._on_changed)

    def _on_changed(self, change: Change) -> None:
        if change.kind in (ChangeKind.ROADMAP, ChangeKind.ENGAGEMENT):
            self.beginResetModel()
            self.view = plan_view(self.doc.project)
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

    def initiative(self, row: int) -> Initiative:
        """The initiative on a row."""
        return self.doc.project.roadmap.initiatives[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        item = self.doc.project.roadmap.initiatives[index.row()]
        key = _KEYS[index.column()]
        if role == SORT_ROLE:
            return self._sort_value(index.row(), item, key)
        if role == Qt.ItemDataRole.CheckStateRole and key == "locked":
            return Qt.CheckState.Checked if item.locked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and key == "title":
            return item.description or item.title
        if role == Qt.ItemDataRole.EditRole and key in _EDITABLE:
            return getattr(item, key)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._text(index.row(), item, key)

    def _text(self, row: int, item: Initiative, key: str) -> Any:
        view = self.view
        if key == "priority":
            return row + 1
        if key == "phase":
            return view.phase(item)
        if key == "capability":
            return view.capability(item)
        if key == "start":
            return view.month(item.start_month)
        if key == "end":
            return view.month(item.end_month - 1)
        if key == "horizon":
            return view.horizon_name(view.horizon(item))
        if key == "status":
            done = view.done_on(item)
            return f"{view.status(item)} {done}" if done else view.status(item)
        if key == "pinned":
            return "" if item.pinned_start is None else view.month(item.pinned_start)
        if key == "locked":
            return None
        if key == "depends_on":
            titles = {other.id: other.title for other in view.roadmap.initiatives}
            return "; ".join(titles.get(dep, dep) for dep in item.depends_on)
        return getattr(item, key)

    def _sort_value(self, row: int, item: Initiative, key: str) -> Any:
        """A number or text that sorts the column; ties keep the plan order (a model's sort values are scalars)."""
        view = self.view
        ranked: int | None = None
        if key == "priority":
            return row
        if key == "phase":
            ranked = view.level_ids.index(item.phase) if item.phase in view.level_ids else len(view.level_ids)
        elif key in ("start", "end"):
            ranked = item.start_month if key == "start" else item.end_month
        elif key == "effort":
            ranked = EFFORTS.index(item.effort) if item.effort in EFFORTS else len(EFFORTS)
        elif key == "horizon":
            ids = [h.id for h in view.roadmap.horizons]
            found = view.horizon(item)
            ranked = (ids.index(found) if found in ids else len(ids)) * (MONTH_MAX + 1) + item.start_month
        elif key == "status":
            ranked = INITIATIVE_STATUSES.index(item.status) if item.status in INITIATIVE_STATUSES else 99
        elif key == "pinned":
            ranked = 0 if item.pinned_start is None else item.pinned_start + 1
        elif key == "locked":
            ranked = int(item.locked)
        elif key == "duration_months":
            ranked = item.duration_months
        if ranked is not None:
            return ranked * _TIE + row
        return f"{str(self._text(row, item, key)).casefold()}\x00{row:08d}"

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
            phase = {p.id: p.id for p in self.doc.project.roadmap.phases} | {
                p.name.lower(): p.id for p in self.doc.project.roadmap.phases
            }
            chosen = phase.get(str(value).strip().lower())
            if chosen is None:
                self.edit_refused.emit(f"There is no maturity level {value!r} in this roadmap.")
                return False
            if chosen == item.phase:
                return False
            name = self.view.phase_names.get(chosen, chosen)
            return self._push(f"Move '{item.title}' to {name}", lambda r: move_initiative(r, item.id, chosen), item.id)
        if key == "status":
            if value not in INITIATIVE_STATUSES:
                self.edit_refused.emit(f"Status must be one of {', '.join(INITIATIVE_STATUSES)}.")
                return False
            if value == item.status:
                return False
            done = dt.date.today().isoformat() if value == "done" else None
            text = f"Set '{item.title}' to {status_text(value)}"
            return self._push(text, lambda r: set_status(r, [item.id], value, done_date=done), item.id)
        if key == "effort":
            value = str(value).strip().upper()
            if value not in EFFORTS:
                self.edit_refused.emit(f"Effort must be one of {', '.join(EFFORTS)}.")
                return False
        if key == "duration_months":
            try:
                value = int(value)
            except (TypeError, ValueError):
                self.edit_refused.emit("The duration must be a whole number of months.")
                return False
        if getattr(item, key) == value:
            return False
        label = "duration" if key == "duration_months" else dict(COLUMNS)[key].lower()
        return self._push(
            f"Edit {label} of '{item.title}'", lambda r: edit_initiative(r, item.id, **{key: value}), item.id
        )

    def _push(self, text: str, change: Any, initiative_id: str) -> bool:
        message = push_edit(self.doc, text, change, (initiative_id,))
        if message is not None:
            self.edit_refused.emit(message)
            return False
        return True
