"""The roadmap page: generate or regenerate, then shape the plan on a board, a table or a timeline.

Top to bottom: the actions (generate/regenerate, add, edit, lock, status, delete, restore deleted),
the plan's settings (scope, capacity, capacity per owner), the "out of date" banner while the
assessment has moved on since the roadmap was drafted, a message line, the three views and the
warnings. What each action does is :mod:`planner.ui.roadmap.actions`; refusals are shown in the
message line and the window's status bar, never applied. The board's grouping (maturity or
horizon) is a preference, remembered in the app's settings when the page has them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.model.edits import Change, ChangeKind
from planner.model.limits import CAPACITY_RANGE, OWNER_CAPACITY_RANGE
from planner.model.project import INITIATIVE_STATUSES
from planner.model.roadmap import roadmap_warnings
from planner.report.formatting import status_text
from planner.ui.document import Document
from planner.ui.flow import FlowLayout
from planner.ui.roadmap.actions import RoadmapActions
from planner.ui.roadmap.banner import StaleBanner
from planner.ui.roadmap.board import Board
from planner.ui.roadmap.detail import InitiativeDialog
from planner.ui.roadmap.plan import plan_view
from planner.ui.roadmap.table import RoadmapTableModel
from planner.ui.roadmap.tableview import RoadmapTable
from planner.ui.roadmap.timeline import Timeline
from planner.ui.roadmap.warnpanel import WarningsPanel
from planner.ui.settings import Settings

__all__ = ["SCOPES", "RoadmapPage"]

#: The scopes as the page offers them.
SCOPES: tuple[tuple[str, str], ...] = (("lean", "Lean: core initiatives"), ("full", "Full: core and optional"))
_STATUS_MESSAGE_MS = 10_000


class RoadmapPage(QWidget):
    """Board, table, timeline, warnings and the plan-wide actions."""

    def __init__(self, doc: Document, parent: QWidget | None = None, *, settings: Settings | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.settings = settings
        self._pending = True
        self.setObjectName("roadmapPage")
        self.message = QLabel()
        self.message.setObjectName("messageLine")
        self.message.setWordWrap(True)
        self.message.hide()
        self.ops = RoadmapActions(doc, self, self.say)
        heading = QLabel("Roadmap")
        heading.setObjectName("pageHeading")
        self.generate_button = QPushButton()
        self.generate_button.clicked.connect(self.generate)
        self.add_button = self._button("&Add…", "Add a custom initiative", self.add_initiative)
        self.edit_button = self._button(
            "&Edit…", "Edit every field of the selected initiative (or double-click it)", self.edit_initiative
        )
        self.lock_button = self._button(
            "&Lock / unlock",
            "Locked initiatives are kept as they are when the roadmap is regenerated",
            self.toggle_lock,
        )
        self.status_button = QPushButton("&Status")
        self.status_button.setToolTip("Set the status of the selected initiatives")
        self.status_menu = QMenu(self.status_button)
        self.status_actions: dict[str, QAction] = {}
        for status in INITIATIVE_STATUSES:
            action = self.status_menu.addAction(status_text(status) + ("…" if status == "done" else ""))
            action.triggered.connect(lambda _c=False, status=status: self.set_selected_status(status))
            self.status_actions[status] = action
        self.status_button.setMenu(self.status_menu)
        self.delete_button = self._button(
            "&Delete", "Delete the selected initiatives (Undo brings them back)", self.delete_selected
        )
        self.restore_button = self._button(
            "&Restore deleted…",
            "Bring back library initiatives you deleted: they are offered again for review",
            self.restore_dismissed,
        )
        self.summary = QLabel()
        # rows that wrap rather than widen the window (large text, a projector's 1024x768)
        actions_row = QWidget()
        actions = FlowLayout(actions_row)
        actions.add(heading)
        for n, widget in enumerate(
            (
                self.generate_button,
                self.add_button,
                self.edit_button,
                self.lock_button,
                self.status_button,
                self.delete_button,
                self.restore_button,
            )
        ):
            actions.add(widget, gap_before=12 if n == 0 else 0)
        self.scope = QComboBox()
        for value, label in SCOPES:
            self.scope.addItem(label, value)
        self.scope.setAccessibleName("Scope")
        self.scope.setToolTip("Lean keeps the initiatives that define each level; full adds the optional ones")
        self.scope.activated.connect(lambda _i: self.ops.set_scope(str(self.scope.currentData())))
        self.capacity = self._spin(CAPACITY_RANGE, "Capacity", "How many initiatives the client runs at the same time")
        self.capacity.valueChanged.connect(self.ops.set_capacity)
        self.owner_capacity = self._spin(
            OWNER_CAPACITY_RANGE, "Capacity per owner", "How many initiatives one owner (team or role) runs at once"
        )
        self.owner_capacity.valueChanged.connect(self.ops.set_owner_capacity)
        plan_widget = QWidget()
        plan_row = FlowLayout(plan_widget, spacing=12)
        for label, field in (
            ("Sc&ope:", self.scope),
            ("&Capacity:", self.capacity),
            ("&Per owner:", self.owner_capacity),
        ):
            buddy = QLabel(label)
            buddy.setBuddy(field)
            pair = QWidget()
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            pair_layout.addWidget(buddy)
            pair_layout.addWidget(field)
            plan_row.add(pair)
        plan_row.add(self.summary, push_right=True)
        self.banner = StaleBanner()
        self.banner.regenerate_requested.connect(self.generate)
        self.banner.keep_requested.connect(self.keep_as_is)
        self.board = Board(settings.board_grouping if settings is not None else "maturity")
        self.board.drop_requested.connect(self.move_card)
        self.board.step_requested.connect(self.step_card)
        self.board.activated.connect(self.edit_initiative)
        self.board.grouping_changed.connect(self._grouping_changed)
        self.table_model = RoadmapTableModel(doc, self)
        self.table_model.edit_refused.connect(self.say)
        self.table = RoadmapTable(self.table_model)
        self.table.activated.connect(self.edit_initiative)
        self.timeline = Timeline()
        self.timeline.activated.connect(self.edit_initiative)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.board, "&Board")
        self.tabs.addTab(self.table, "&Table")
        self.tabs.addTab(self.timeline, "T&imeline")
        self.warnings = WarningsPanel()
        layout = QVBoxLayout(self)
        layout.addWidget(actions_row)
        layout.addWidget(plan_widget)
        layout.addWidget(self.banner)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.warnings)
        for view in (self.board, self.table.view):
            delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), view)
            delete.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            delete.activated.connect(self.delete_selected)
        doc.changed.connect(self._on_changed)
        self.refresh()

    @staticmethod
    def _button(text: str, tip: str, slot: Callable[[], object] | None = None) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        if slot is not None:
            button.clicked.connect(lambda: slot())
        return button

    @staticmethod
    def _spin(bounds: tuple[int, int], name: str, tip: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(*bounds)
        spin.setAccessibleName(name)
        spin.setToolTip(tip)
        return spin

    # -- display -------------------------------------------------------------------------------
    def say(self, text: str) -> None:
        """Show a sentence in the message line and, for a while, in the window's status bar."""
        self.message.setText(text)
        self.message.setVisible(bool(text))
        window = self.window()
        if text and isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, _STATUS_MESSAGE_MS)

    def _on_changed(self, change: Change) -> None:
        relevant = change.kind is ChangeKind.ROADMAP or change.affects_scores or change.kind is ChangeKind.ENGAGEMENT
        if not relevant:
            return
        if not self.isVisible():  # a hidden page catches up when it is shown
            self._pending = True
            return
        if change.kind is ChangeKind.ROADMAP or {"start_date", "org_size"} & set(change.ids):
            self.refresh()
        elif change.affects_scores:
            self._refresh_status()

    def showEvent(self, event: QShowEvent) -> None:
        if self._pending:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Show the roadmap as it is in the project."""
        self._pending = False
        roadmap = self.doc.project.roadmap
        view = plan_view(self.doc.project)
        self.board.show_plan(view)
        self.timeline.show_plan(view)
        has_items = bool(roadmap.initiatives)
        self.generate_button.setText("Re&generate…" if has_items else "&Generate roadmap")
        self.generate_button.setToolTip(
            "Preview what the current scores, targets, size and scope call for, keeping your edits"
            if has_items
            else "Draft a roadmap from the gaps between current and target levels"
        )
        for button in (self.edit_button, self.lock_button, self.status_button, self.delete_button):
            button.setEnabled(has_items)
        self.add_button.setEnabled(bool(roadmap.phases))
        self.restore_button.setEnabled(bool(roadmap.dismissed))
        count = len(roadmap.dismissed)
        self.restore_button.setToolTip(
            f"{count} deleted library initiative{'s' if count != 1 else ''} set aside: offer them again for review"
            if count
            else "No deleted library initiative is set aside"
        )
        for spin, value in ((self.capacity, roadmap.capacity), (self.owner_capacity, roadmap.owner_capacity)):
            if spin.value() != value:
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)
        self.scope.setCurrentIndex(max(0, self.scope.findData(roadmap.scope)))
        span = view.plan_span()
        self.summary.setText(f"{len(roadmap.initiatives)} initiatives · {span}" if has_items and span else "")
        self._refresh_status()

    def _refresh_status(self) -> None:
        """The banner and the warnings, which follow the assessment as well as the roadmap."""
        project = self.doc.project
        self.banner.show_reasons(self.ops.stale())
        found = roadmap_warnings(
            project.model,
            project.assessment,
            project.roadmap,
            start_date=project.engagement.start_date,
            org_size=project.engagement.org_size,
        )
        self.warnings.show_warnings(found)

    def _grouping_changed(self, grouping: str) -> None:
        if self.settings is not None:
            self.settings.board_grouping = grouping

    # -- selection -----------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        """The initiatives selected on the visible view (the board selects one, the table several)."""
        if self.tabs.currentWidget() is self.table:
            return self.table.selected_ids()
        if self.tabs.currentWidget() is self.board:
            found = self.board.selected_id()
            return [found] if found else []
        if self.tabs.currentWidget() is self.timeline:
            return [self.timeline.selected] if self.timeline.selected else []
        return []

    def _selection(self) -> list[str]:
        ids = self.selected_ids()
        if not ids:
            self.say("Select an initiative on the board, in the table or on the timeline first.")
        return ids

    # -- actions -------------------------------------------------------------------------------
    def generate(self) -> bool:
        """Generate a first roadmap, or review and apply a regeneration; return whether it changed."""
        return self.ops.generate()

    def keep_as_is(self) -> bool:
        """Keep the roadmap although the assessment changed (the banner's "Keep as is")."""
        return self.ops.keep_as_is()

    def restore_dismissed(self) -> bool:
        """Offer the deleted library initiatives again, through the regeneration preview."""
        return self.ops.restore_dismissed()

    def move_card(self, initiative_id: str, key: str, position: int) -> bool:
        """What a drop on the board does: reorder or change maturity, or pin to a horizon."""
        self.board.follow = initiative_id  # keep the moved card selected, for keyboard moves
        try:
            if self.board.grouping == "horizon":
                if self.board.column_of(initiative_id) == key:
                    self.say("Cards here follow their start months. To change priorities, group by maturity.")
                    return False
                return self.ops.pin_to_horizon(initiative_id, key)
            return self.ops.move_to_phase(initiative_id, key, position)
        finally:
            self.board.follow = None

    def step_card(self, initiative_id: str, step: int) -> bool:
        """Move a card to the previous (-1) or next (+1) column (keyboard)."""
        keys = list(self.board.columns)
        here = self.board.column_of(initiative_id)
        position = keys.index(here) + step if here in keys else -1
        if not 0 <= position < len(keys):
            return False
        return self.move_card(initiative_id, keys[position], 10**6)

    def toggle_lock(self) -> bool:
        """Lock the selected initiatives (or unlock them when all are locked)."""
        ids = self._selection()
        return bool(ids) and self.ops.toggle_lock(ids)

    def delete_selected(self) -> bool:
        """Delete the selected initiatives (undoable)."""
        ids = self._selection()
        return bool(ids) and self.ops.delete(ids)

    def set_selected_status(self, status: str) -> bool:
        """Give the selected initiatives a status (done asks for the date)."""
        ids = self._selection()
        return bool(ids) and self.ops.set_status(ids, status)

    def add_initiative(self) -> bool:
        """Ask for a custom initiative and add it."""
        return self.ops.add()

    def edit_initiative(self, initiative_id: str | None = None) -> bool:
        """Open the editor on an initiative (default: the selected one); return whether it changed."""
        if initiative_id is None:
            ids = self._selection()
            if not ids:
                return False
            initiative_id = ids[0]
        revision = self.doc.revision
        dialog = InitiativeDialog(
            self.doc.project, initiative_id, lambda changes: self.ops.edit(initiative_id, changes), self
        )
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
        return self.doc.revision != revision
