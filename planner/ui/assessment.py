"""The assessment page: the navigator of domains and capabilities beside the selected capability.

Keyboard: Ctrl+PgDown or ``]`` moves to the next capability, Ctrl+PgUp or ``[`` to the previous
one (the brackets only act outside text fields), and the keyboard lands on the first lens ready
for scoring. Reaching the page by keyboard (Ctrl+3) puts the focus on the shown capability's
first unscored lens, so digits score at once and ``]`` moves on from the capability in view.
The navigator shows each capability's level, target and completeness, with overall progress
("17 of 22 scored") above it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from planner.model.edits import Change
from planner.ui.capability import CapabilityPanel
from planner.ui.document import Document
from planner.ui.navigator import CapabilityNavigator
from planner.ui.navmodel import CapabilityTreeModel
from planner.ui.weights import LensWeightsDialog

__all__ = ["AssessmentPage"]


class AssessmentPage(QWidget):
    """Navigator + capability panel."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("assessmentPage")
        self.tree_model = CapabilityTreeModel(doc, self)
        self.tree = CapabilityNavigator(self.tree_model)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressLabel")
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.setAccessibleName("Scoring progress")
        weights = QPushButton("Lens &weights…")
        weights.clicked.connect(self.edit_weights)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.progress_label)
        left_layout.addWidget(self.progress)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(weights)
        self.panel = CapabilityPanel(doc)
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.panel_scroll = scroll
        scroll.viewport().installEventFilter(self)  # the panel stacks its columns when the view is narrow
        splitter = self.splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        self._sized = False
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        for keys, step in (("Ctrl+PgDown", 1), ("]", 1), ("Ctrl+PgUp", -1), ("[", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.step_capability(step))
        self._weights_dialog: LensWeightsDialog | None = None
        doc.changed.connect(self._on_changed)
        from planner.ui.voices.votes import attach_votes

        self.votes = attach_votes(self)
        self._update_progress()
        order = self.tree_model.capability_order()
        if order:
            self.select_capability(order[0], focus_lenses=False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.panel_scroll.viewport():
            self.panel.fit_width(self.panel_scroll.viewport().width())
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            QTimer.singleShot(0, self._size_splitter)

    def _size_splitter(self) -> None:
        """Start the navigator wide enough for its names (once, when the page's width is known).

        At most half the page, and never so wide that the capability panel (its columns stacked)
        would scroll sideways, so the capability itself keeps the room; the navigator's minimum
        width (every name readable) wins on a narrow screen, and the consultant can drag the divider.
        """
        total = sum(self.splitter.sizes())
        if total > 0 and self.isVisible():
            room = total - self.splitter.handleWidth() - self.panel.narrowest_width()
            left = max(self.tree.readable_width(), min(self.tree.comfortable_width(), total // 2, room))
            self.splitter.setSizes([left, max(1, total - left)])
            self._sized = True

    # -- navigation ----------------------------------------------------------------------------
    @property
    def current_capability(self) -> str:
        """The id of the capability shown."""
        return self.panel.cap_id

    def select_capability(self, cap_id: str, *, focus_lenses: bool = True) -> None:
        """Show a capability and (by default) put the keyboard on its first lens."""
        index = self.tree_model.index_of(cap_id)
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.tree.scrollTo(index)
        if self.panel.cap_id != cap_id:
            self.panel.show_capability(cap_id)
        if focus_lenses:
            self.panel.lenses.focus_lens(0)

    def take_focus(self) -> None:
        """Put the keyboard on the first unscored lens of the capability shown (the first lens if all are)."""
        found = self.doc.project.assessment.capabilities.get(self.panel.cap_id)
        scores = found.lenses if found else {}
        rows = self.panel.lenses.rows
        position = next((i for i, row in enumerate(rows) if scores.get(row.lens.id) is None), 0)
        if found is not None and not found.applicable:
            self.panel.not_applicable.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.panel.lenses.focus_lens(position)

    def step_capability(self, step: int) -> None:
        """Move to the previous (-1) or next (+1) capability, staying at the ends."""
        order = self.tree_model.capability_order()
        position = order.index(self.panel.cap_id) if self.panel.cap_id in order else -1
        target = max(0, min(len(order) - 1, position + step))
        self.select_capability(order[target])

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        cap_id = self.tree_model.capability_id(current)
        if cap_id is None and current.isValid():
            domain = self.doc.project.model.domains[current.row()]
            cap_id = domain.capability_ids[0] if domain.capability_ids else None
        if cap_id is not None and cap_id != self.panel.cap_id:
            self.panel.show_capability(cap_id)

    # -- weights and progress ------------------------------------------------------------------
    def edit_weights(self) -> None:
        """Open the lens weights dialog (non-modal; edits apply as they are made)."""
        if self._weights_dialog is None:
            self._weights_dialog = LensWeightsDialog(self.doc, self)
        self._weights_dialog.show()
        self._weights_dialog.raise_()

    def _on_changed(self, change: Change) -> None:
        if change.affects_scores:
            self._update_progress()

    def _update_progress(self) -> None:
        card = self.doc.scorecard()
        self.progress_label.setText(f"<b>{card.scored_count} of {card.applicable_count} scored</b>")
        self.progress.setRange(0, max(1, card.applicable_count))
        self.progress.setValue(card.scored_count)
