"""The table tab: filters (capability, owner, horizon, maturity, status), sorting, multi-selection.

A :class:`RoadmapFilterProxy` sits between the table model and the view: it sorts by
:data:`~planner.ui.roadmap.table.SORT_ROLE` and hides the rows the filters leave out; it never
changes the roadmap. The view keeps the selected initiatives selected across every rebuild of the
model (each edit resets it), so an action on several rows can be followed by another. Double-click
or Enter opens the initiative's editor; F2 edits a cell in place.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.model.capmodel import EFFORTS
from planner.model.project import INITIATIVE_STATUSES
from planner.report.formatting import status_text
from planner.ui.flow import FlowLayout
from planner.ui.roadmap.plan import OFF_PLAN, PlanView
from planner.ui.roadmap.table import COLUMNS, SORT_ROLE, RoadmapTableModel

__all__ = ["FILTERS", "RoadmapFilterProxy", "RoadmapTable"]

_Index = QModelIndex | QPersistentModelIndex
#: The filters over the table: key and the text of "no filter".
FILTERS: tuple[tuple[str, str], ...] = (
    ("capability", "All capabilities"),
    ("owner", "All owners"),
    ("horizon", "All horizons"),
    ("phase", "All maturity levels"),
    ("status", "All statuses"),
)
#: The text columns (all but the dependencies wrap), and their starting width in average characters (the consultant can drag them).
_WRAPPED_CHARS = {"title": 44, "capability": 20, "owner": 18, "depends_on": 40}
_NO_OWNER = "\x00none"  # the filter value of "no owner" (an owner is never this text)


class RoadmapFilterProxy(QSortFilterProxyModel):
    """Sorts the table and keeps the rows that match every filter (``None``: any value)."""

    def __init__(self, source: RoadmapTableModel) -> None:
        super().__init__(source)
        self.table = source
        self.filters: dict[str, str | None] = dict.fromkeys(key for key, _ in FILTERS)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_filter(self, key: str, value: str | None) -> None:
        """Keep only the rows whose ``key`` is ``value`` (``None``: every row)."""
        self.beginFilterChange()
        self.filters[key] = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if source_parent.isValid():
            return False
        item = self.table.initiative(source_row)
        view = self.table.view
        values = {
            "capability": item.capability,
            "owner": item.owner or _NO_OWNER,
            "horizon": view.horizon(item),
            "phase": item.phase,
            "status": item.status,
        }
        return all(wanted is None or values[key] == wanted for key, wanted in self.filters.items())


class _ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor for a column with fixed choices."""

    def __init__(self, choices: list[tuple[str, str]], parent: QWidget) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        combo = QComboBox(parent)
        for value, label in self.choices:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)  # noqa: S101
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QComboBox)  # noqa: S101
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class _OneLineDelegate(QStyledItemDelegate):
    """A column that stays on one line, cut with an ellipsis (a long list of dependencies must not make rows tall)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideRight


class RoadmapTable(QWidget):
    """Filter bar over a sortable, multi-selection table.

    Signals:
        activated(str): an initiative's row was double-clicked or Enter was pressed on it.
    """

    activated = Signal(str)

    def __init__(self, model: RoadmapTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = RoadmapFilterProxy(model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName("Roadmap table")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        # titles and names wrap and rows grow: a cut initiative title reads as a different initiative
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        # rows fit their wrapped text once per change, not on every layout pass: a header in
        # "resize to contents" mode reads every cell of the plan again each time (seconds on open)
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.setInterval(0)
        self._rows_timer.timeout.connect(self.view.resizeRowsToContents)
        for signal in (
            self.proxy.layoutChanged,
            self.proxy.modelReset,
            self.proxy.rowsInserted,
            self.proxy.dataChanged,
        ):
            signal.connect(lambda *_args: self._rows_timer.start())
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.activated.connect(self._activated)
        header = self.view.horizontalHeader()
        self._fit_columns()
        for col, (key, _title) in enumerate(COLUMNS):  # after the wrapped ones: one measuring pass
            if key not in _WRAPPED_CHARS:
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(36)
        header.sectionResized.connect(lambda *_args: self._rows_timer.start())
        keys = [k for k, _ in COLUMNS]
        phases = [(p.id, p.name) for p in model.doc.project.roadmap.phases]
        for key, choices in (
            ("phase", phases),
            ("effort", [(e, e) for e in EFFORTS]),
            ("status", [(s, status_text(s)) for s in INITIATIVE_STATUSES]),
        ):
            self.view.setItemDelegateForColumn(keys.index(key), _ChoiceDelegate(choices, self.view))
        self.view.setItemDelegateForColumn(keys.index("depends_on"), _OneLineDelegate(self.view))
        self.filter_boxes: dict[str, QComboBox] = {}
        bar_widget = QWidget()
        bar = FlowLayout(bar_widget)  # wraps on a narrow screen or with large text
        bar.setContentsMargins(0, 4, 0, 4)
        bar.add(QLabel("Show:"))
        for key, everything in FILTERS:
            combo = QComboBox()
            combo.setAccessibleName(everything.replace("All ", "Filter by "))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)  # narrow screens: the list opens as wide as its entries
            combo.addItem(everything, None)
            combo.activated.connect(lambda _i, key=key: self._filter_chosen(key))
            self.filter_boxes[key] = combo
            bar.add(combo)
        self.clear_filters = QPushButton("Show all")
        self.clear_filters.clicked.connect(self.show_all)
        bar.add(self.clear_filters)
        self.count = QLabel()
        bar.add(self.count, push_right=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(bar_widget)
        layout.addWidget(self.view, 1)
        self._keep: list[str] = []
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._after_reset)
        self._after_reset()

    def _fit_columns(self) -> None:
        """The text columns' widths in characters of the current font (they wrap within them)."""
        keys = [k for k, _ in COLUMNS]
        header = self.view.horizontalHeader()
        char = self.view.fontMetrics().averageCharWidth()
        for key, chars in _WRAPPED_CHARS.items():
            header.setSectionResizeMode(keys.index(key), QHeaderView.ResizeMode.Interactive)
            header.resizeSection(keys.index(key), chars * char)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_columns()
            self.view.resizeRowsToContents()

    # -- filters -------------------------------------------------------------------------------
    def _filter_chosen(self, key: str) -> None:
        self.proxy.set_filter(key, self.filter_boxes[key].currentData())
        self._update_count()

    def set_filter(self, key: str, value: str | None) -> None:
        """Choose a filter's value as the consultant would (``None``: all)."""
        combo = self.filter_boxes[key]
        combo.setCurrentIndex(max(0, combo.findData(value)))
        self._filter_chosen(key)

    def show_all(self) -> None:
        """Clear every filter."""
        for key in self.filter_boxes:
            self.set_filter(key, None)

    def _fill_filters(self, view: PlanView) -> None:
        roadmap = view.roadmap
        owners = sorted({i.owner for i in roadmap.initiatives if i.owner}, key=str.casefold)
        used_caps = {i.capability for i in roadmap.initiatives}
        choices: dict[str, list[tuple[str, str]]] = {
            "capability": [(c, n) for c, n in view.capability_names.items() if c in used_caps],
            "owner": [(o, o) for o in owners]
            + ([(_NO_OWNER, "No owner")] if any(not i.owner for i in roadmap.initiatives) else []),
            "horizon": [(h.id, f"{h.name} ({view.horizon_window(h.id)})") for h in roadmap.horizons]
            + [(OFF_PLAN, "Not scheduled")],
            "phase": [(p.id, p.name) for p in roadmap.phases],
            "status": [(s, status_text(s)) for s in INITIATIVE_STATUSES],
        }
        for key, everything in FILTERS:
            combo = self.filter_boxes[key]
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value, label in choices[key]:
                combo.addItem(label, value)
            found = combo.findData(current)
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)
            if current is not None and found < 0:  # the value is gone: show everything again
                self.proxy.set_filter(key, None)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} of {total} initiatives" if shown != total else f"{total} initiatives")
        self.clear_filters.setEnabled(any(v is not None for v in self.proxy.filters.values()))

    # -- selection -----------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        """The selected initiatives, in the order shown."""
        rows = sorted(self.view.selectionModel().selectedRows(), key=lambda index: index.row())
        return [self.model.initiative_id(self.proxy.mapToSource(index).row()) for index in rows]

    def select_ids(self, ids: list[str]) -> None:
        """Select the rows of these initiatives (those shown)."""
        wanted = set(ids)
        selection = QItemSelection()
        last = self.proxy.columnCount() - 1
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0)).row()
            if self.model.initiative_id(source) in wanted:
                selection.select(self.proxy.index(row, 0), self.proxy.index(row, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().select(selection, flags)

    def _remember_selection(self) -> None:
        self._keep = self.selected_ids()

    def _after_reset(self) -> None:
        self._fill_filters(self.model.view)
        if self._keep:
            self.select_ids(self._keep)
        self._update_count()

    def _activated(self, index: QModelIndex) -> None:
        self.activated.emit(self.model.initiative_id(self.proxy.mapToSource(index).row()))
