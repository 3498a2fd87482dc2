"""Dialogs of the roadmap page: review a regeneration before applying it; add a custom initiative."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.model.capmodel import EFFORTS, CapabilityModel
from planner.model.limits import DURATION_RANGE, TITLE_MAX
from planner.model.project import Initiative, Roadmap
from planner.model.roadmap import RegenerationPlan

__all__ = ["AddInitiativeDialog", "RegenerationDialog"]


class RegenerationDialog(QDialog):
    """Shows what regenerating would add, remove and keep; applies nothing itself."""

    def __init__(self, plan: RegenerationPlan, model: CapabilityModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Regenerate the roadmap")
        self.plan = plan
        intro = QLabel(
            "Regenerating drafts the roadmap again from the current scores and targets. Locked, edited "
            "and custom initiatives are kept. Review the changes; nothing changes until you apply them "
            "(and Undo takes them back)."
        )
        intro.setWordWrap(True)
        columns = QHBoxLayout()
        self.lists: dict[str, QListWidget] = {}
        for key, title, items in (
            ("added", "To add", plan.added),
            ("removed", "To remove", plan.removed),
            ("kept", "To keep", plan.kept),
        ):
            box = QVBoxLayout()
            box.addWidget(QLabel(f"<b>{title} ({len(items)})</b>"))
            listing = QListWidget()
            listing.setAccessibleName(title)
            for item in items:
                listing.addItem(_describe(item, model))
            self.lists[key] = listing
            box.addWidget(listing)
            columns.addLayout(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if not plan.changes_anything:
            intro.setText("The roadmap already matches the scores and targets: regenerating would change nothing.")
            buttons.button(QDialogButtonBox.StandardButton.Apply).setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)
        self.resize(1000, 520)


def _describe(item: Initiative, model: CapabilityModel) -> str:
    cap = model.capability(item.capability).name if item.capability in model.capabilities else item.capability
    return f"{item.phase.capitalize()} · {cap}: {item.title}"


class AddInitiativeDialog(QDialog):
    """Collects a custom initiative's capability, title, phase, owner, effort and duration."""

    def __init__(self, model: CapabilityModel, roadmap: Roadmap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add an initiative")
        self.capability = QComboBox()
        for cap in model.iter_capabilities():
            self.capability.addItem(cap.name, cap.id)
        self.title = QLineEdit()
        self.title.setMaxLength(TITLE_MAX)
        self.title.setPlaceholderText("A short, actionable title")
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.phase = QComboBox()
        for phase in roadmap.phases:
            self.phase.addItem(phase.name, phase.id)
        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.owner.addItems([p.name for p in model.personas])
        self.effort = QComboBox()
        self.effort.addItems(list(EFFORTS))
        self.effort.setCurrentText("M")
        self.duration = QSpinBox()
        self.duration.setRange(*DURATION_RANGE)
        self.duration.setValue(2)
        self.duration.setSuffix(" months")
        form = QFormLayout()
        for label, widget in (
            ("&Capability:", self.capability),
            ("&Title:", self.title),
            ("&Description:", self.description),
            ("&Phase:", self.phase),
            ("&Owner:", self.owner),
            ("&Effort:", self.effort),
            ("D&uration:", self.duration),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title.textChanged.connect(self._validate)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._validate()

    def _validate(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.title.text().strip()))

    def values(self) -> dict[str, Any]:
        """The initiative's fields as :func:`add_custom_initiative` takes them."""
        return {
            "capability": self.capability.currentData(),
            "title": self.title.text().strip(),
            "phase": self.phase.currentData(),
            "description": self.description.toPlainText().strip(),
            "owner": self.owner.currentText().strip(),
            "effort": self.effort.currentText(),
            "duration_months": self.duration.value(),
        }
