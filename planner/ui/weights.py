"""Lens weights for the project: how much each lens counts in every capability score.

Weights run 0-10 in steps of 0.5 (the file's rule); at least one lens must keep a weight above 0,
so the dialog refuses to set the last non-zero weight to 0. Each change is an undoable command;
spinning one weight merges into one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from planner.model.edits import Change, ChangeKind, EditRefused, set_lens_weight
from planner.model.limits import WEIGHT_RANGE
from planner.ui.document import Document

__all__ = ["LensWeightsDialog"]


class LensWeightsDialog(QDialog):
    """One spin box per lens."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setWindowTitle("Lens weights")
        intro = QLabel(
            "A capability's score is 100 \u00d7 Σ(weight \u00d7 score) / Σ(weight \u00d7 4) over its scored lenses. "
            "Weights apply to every capability of this project; 1 is the default."
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.spins: dict[str, QDoubleSpinBox] = {}
        for lens in doc.project.model.lenses:
            spin = QDoubleSpinBox()
            spin.setRange(*WEIGHT_RANGE)
            spin.setSingleStep(0.5)
            spin.setDecimals(2)  # 0.25 and 7.77 show as typed
            spin.setAccessibleName(f"{lens.name} weight")
            spin.setToolTip(lens.question)
            spin.valueChanged.connect(lambda value, lens_id=lens.id: self._edited(lens_id, value))
            self.spins[lens.id] = spin
            form.addRow(f"{lens.name}:", spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        doc.changed.connect(self._on_changed)
        self.refresh()

    def _edited(self, lens_id: str, value: float) -> None:
        if self.doc.project.assessment.weight(lens_id) == value:
            return
        try:
            self.doc.push(set_lens_weight(self.doc.project, lens_id, value))
        except EditRefused:
            self.refresh()  # at least one lens must count: the spin box goes back

    def _on_changed(self, change: Change) -> None:
        if change.kind is ChangeKind.WEIGHTS:
            self.refresh()

    def refresh(self) -> None:
        """Show the project's weights."""
        for lens_id, spin in self.spins.items():
            with QSignalBlocker(spin):
                spin.setValue(self.doc.project.assessment.weight(lens_id))
