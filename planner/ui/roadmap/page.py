"""The roadmap page: generate or regenerate, then shape the plan on a board, a table or a timeline.

Generating a first roadmap applies at once (one undo step). Regenerating an existing one shows
the diff (added, removed, kept) and applies it only when confirmed, as one undo step. Warnings
(targets above prerequisites, unscored prerequisites, order clashes) are listed under the views
and refreshed after every edit or re-score. Refused edits (a dependency loop, say) are shown
in the message line instead of being applied.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.model.capmodel import EFFORTS
from planner.model.edits import Change, ChangeKind, EditRefused, replace_roadmap
from planner.model.limits import CAPACITY_RANGE
from planner.model.project import INITIATIVE_STATUSES, Roadmap
from planner.model.roadmap import (
    add_custom_initiative,
    delete_initiative,
    generate_roadmap,
    move_initiative,
    phase_spans,
    regenerate,
    roadmap_warnings,
    set_capacity,
    set_locked,
)
from planner.report.formatting import status_text
from planner.ui.document import Document
from planner.ui.roadmap.board import Board
from planner.ui.roadmap.dialogs import AddInitiativeDialog, RegenerationDialog
from planner.ui.roadmap.edits import push_edit
from planner.ui.roadmap.table import COLUMNS, RoadmapTableModel
from planner.ui.roadmap.timeline import Timeline

__all__ = ["RoadmapPage"]

_Index = QModelIndex | QPersistentModelIndex


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


class RoadmapPage(QWidget):
    """Board, table, timeline, warnings and the plan-wide actions."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._stale = True
        self._sized = False
        self.setObjectName("roadmapPage")
        heading = QLabel("Roadmap")
        heading.setObjectName("pageHeading")
        self.generate_button = QPushButton()
        self.generate_button.clicked.connect(self.generate)
        self.add_button = QPushButton("&Add initiative…")
        self.add_button.clicked.connect(self.add_initiative)
        self.lock_button = QPushButton("&Lock / unlock")
        self.lock_button.setToolTip("Locked initiatives are kept as they are when the roadmap is regenerated")
        self.lock_button.clicked.connect(self.toggle_lock)
        self.delete_button = QPushButton("&Delete")
        self.delete_button.clicked.connect(self.delete_selected)
        self.capacity = QSpinBox()
        self.capacity.setRange(*CAPACITY_RANGE)
        self.capacity.setAccessibleName("Capacity")
        self.capacity.setToolTip("How many initiatives the client can run at the same time")
        self.capacity.valueChanged.connect(self._capacity_edited)
        self.summary = QLabel()
        self.message = QLabel()
        self.message.setObjectName("messageLine")
        self.message.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addSpacing(16)
        for widget in (self.generate_button, self.add_button, self.lock_button, self.delete_button):
            bar.addWidget(widget)
        bar.addSpacing(16)
        capacity_label = QLabel("&Capacity:")
        capacity_label.setBuddy(self.capacity)
        bar.addWidget(capacity_label)
        bar.addWidget(self.capacity)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        self.board = Board()
        self.board.drop_requested.connect(self.move_card)
        self.board.phase_step_requested.connect(self.step_phase)
        self.table_model = RoadmapTableModel(doc, self)
        self.table_model.edit_refused.connect(self.message.setText)
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setAccessibleName("Roadmap table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        keys = [k for k, _ in COLUMNS]
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(keys.index("title"), QHeaderView.ResizeMode.Stretch)
        for key, width in (("capability", 190), ("owner", 170), ("depends_on", 220)):
            header.setSectionResizeMode(keys.index(key), QHeaderView.ResizeMode.Interactive)
            header.resizeSection(keys.index(key), width)
        self.table.setItemDelegateForColumn(
            keys.index("phase"), _ChoiceDelegate([(p.id, p.name) for p in doc.project.roadmap.phases], self.table)
        )
        self.table.setItemDelegateForColumn(
            keys.index("effort"), _ChoiceDelegate([(e, e) for e in EFFORTS], self.table)
        )
        self.table.setItemDelegateForColumn(
            keys.index("status"), _ChoiceDelegate([(s, status_text(s)) for s in INITIATIVE_STATUSES], self.table)
        )
        self.timeline = Timeline()
        timeline_scroll = QScrollArea()
        timeline_scroll.setWidget(self.timeline)
        timeline_scroll.setWidgetResizable(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.board, "&Board")
        self.tabs.addTab(self.table, "&Table")
        self.tabs.addTab(timeline_scroll, "T&imeline")
        self.warnings = QListWidget()
        self.warnings.setAccessibleName("Roadmap warnings")
        self.warnings.setWordWrap(True)
        self.warnings_box = QGroupBox("Warnings")
        QVBoxLayout(self.warnings_box).addWidget(self.warnings)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.warnings_box)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.board)
        delete.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete.activated.connect(self.delete_selected)
        doc.changed.connect(self._on_changed)
        self.refresh()

    # -- display -------------------------------------------------------------------------------
    def _on_changed(self, change: Change) -> None:
        if not self.isVisible():  # a hidden page catches up when it is shown
            self._stale = self._stale or change.kind is ChangeKind.ROADMAP or change.affects_scores
            return
        if change.kind is ChangeKind.ROADMAP:
            self.refresh()
        elif change.affects_scores:
            self._refresh_warnings()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)
        if not self._sized:
            QTimer.singleShot(0, self._size_splitter)

    def _size_splitter(self) -> None:
        """Give the views the room and the warnings a few lines (once, when the sizes are known)."""
        total = sum(self.splitter.sizes())
        if total > 0:
            self.splitter.setSizes([max(total - 150, 200), 150])
            self._sized = True

    def refresh(self) -> None:
        """Show the roadmap as it is in the project."""
        self._stale = False
        project = self.doc.project
        roadmap = project.roadmap
        model = project.model
        names = {cap.id: cap.name for cap in model.iter_capabilities()}
        spans = phase_spans(roadmap)
        self.board.show_roadmap(roadmap, names, model.level_ids, spans)
        self.timeline.show_roadmap(roadmap, model.level_ids)
        has_items = bool(roadmap.initiatives)
        self.generate_button.setText("&Regenerate…" if has_items else "&Generate roadmap")
        self.generate_button.setToolTip(
            "Draft the roadmap again from the current scores and targets, keeping your edits"
            if has_items
            else "Draft a phased roadmap from the gaps between current and target levels"
        )
        for button in (self.lock_button, self.delete_button):
            button.setEnabled(has_items)
        self.add_button.setEnabled(bool(roadmap.phases))
        if self.capacity.value() != roadmap.capacity:
            self.capacity.blockSignals(True)
            self.capacity.setValue(roadmap.capacity)
            self.capacity.blockSignals(False)
        months = max([item.end_month for item in roadmap.initiatives] + [0])
        self.summary.setText(f"{len(roadmap.initiatives)} initiatives · {months} months" if has_items else "")
        self._refresh_warnings()

    def _refresh_warnings(self) -> None:
        project = self.doc.project
        found = roadmap_warnings(project.model, project.assessment, project.roadmap)
        self.warnings.clear()
        self.warnings.addItems(found or ["No warnings."])
        self.warnings_box.setTitle(f"Warnings ({len(found)})")

    # -- actions -------------------------------------------------------------------------------
    def _apply(self, text: str, change: Callable[[Roadmap], Roadmap], ids: tuple[str, ...] = ()) -> bool:
        message = push_edit(self.doc, text, change, ids)
        self.message.setText(message or "")
        return message is None

    def generate(self) -> bool:
        """Generate a first roadmap, or review and apply a regeneration; return whether it changed."""
        project = self.doc.project
        model, assessment, roadmap = project.model, project.assessment, project.roadmap
        if not roadmap.initiatives:
            fresh = generate_roadmap(model, assessment, capacity=roadmap.capacity)
            if not fresh.initiatives:
                self.message.setText(
                    "Nothing to plan yet: set targets above the current levels on the Assessment page first."
                )
                return False
            fresh.extra = dict(roadmap.extra)
            return self._replace(fresh, "Generate roadmap")
        plan = regenerate(model, assessment, roadmap)
        dialog = RegenerationDialog(plan, model, self)
        try:
            if dialog.exec() != RegenerationDialog.DialogCode.Accepted or not plan.changes_anything:
                return False
        finally:
            dialog.deleteLater()
        return self._replace(plan.result, f"Regenerate roadmap (+{len(plan.added)}, -{len(plan.removed)})")

    def _replace(self, new: Roadmap, text: str) -> bool:
        try:
            self.doc.push(replace_roadmap(self.doc.project, new, text))
        except EditRefused as exc:
            self.message.setText(str(exc))
            return False
        self.message.setText("")
        return True

    def move_card(self, initiative_id: str, phase: str, position: int) -> bool:
        """Move an initiative to a phase and position (what a drop on the board does)."""
        item = self.doc.project.roadmap.initiative(initiative_id)
        same = item.phase == phase
        names = {p.id: p.name for p in self.doc.project.roadmap.phases}
        text = f"Reorder '{item.title}'" if same else f"Move '{item.title}' to {names.get(phase, phase)}"
        if same:
            members = [i.id for i in self.doc.project.roadmap.initiatives if i.phase == phase]
            if members.index(initiative_id) < position:
                position -= 1  # the card leaves its old place first
            if members.index(initiative_id) == position:
                return False
        self.board.follow = initiative_id  # keep the moved card selected, for keyboard moves
        try:
            return self._apply(text, lambda r: move_initiative(r, initiative_id, phase, position), (initiative_id,))
        finally:
            self.board.follow = None

    def step_phase(self, initiative_id: str, step: int) -> bool:
        """Move an initiative to the end of the previous (-1) or next (+1) phase (keyboard)."""
        phases = [p.id for p in self.doc.project.roadmap.phases]
        position = phases.index(self.doc.project.roadmap.initiative(initiative_id).phase) + step
        if not 0 <= position < len(phases):
            return False
        return self.move_card(initiative_id, phases[position], 10**6)

    def selected_id(self) -> str | None:
        """The initiative selected on the visible view."""
        if self.tabs.currentWidget() is self.table:
            rows = self.table.selectionModel().selectedRows()
            return self.table_model.initiative_id(rows[0].row()) if rows else None
        return self.board.selected_id()

    def toggle_lock(self) -> bool:
        """Lock or unlock the selected initiative."""
        initiative_id = self.selected_id()
        if initiative_id is None:
            self.message.setText("Select an initiative first.")
            return False
        item = self.doc.project.roadmap.initiative(initiative_id)
        verb = "Unlock" if item.locked else "Lock"
        return self._apply(
            f"{verb} '{item.title}'", lambda r: set_locked(r, initiative_id, not item.locked), (initiative_id,)
        )

    def delete_selected(self) -> bool:
        """Delete the selected initiative (undoable)."""
        initiative_id = self.selected_id()
        if initiative_id is None:
            return False
        item = self.doc.project.roadmap.initiative(initiative_id)
        return self._apply(f"Delete '{item.title}'", lambda r: delete_initiative(r, initiative_id), (initiative_id,))

    def add_initiative(self) -> bool:
        """Ask for a custom initiative and add it."""
        project = self.doc.project
        dialog = AddInitiativeDialog(project.model, project.roadmap, self)
        try:
            if dialog.exec() != AddInitiativeDialog.DialogCode.Accepted:
                return False
            values = dialog.values()
        finally:
            dialog.deleteLater()
        return self._apply(f"Add '{values['title']}'", lambda r: add_custom_initiative(r, **values))

    def _capacity_edited(self, value: int) -> None:
        if value != self.doc.project.roadmap.capacity:
            self._apply(f"Set capacity to {value}", lambda r: set_capacity(r, value))
