"""The participants box of the engagement page: who takes part, with their role and team.

Add and Edit open a small dialog (name, a role from the model's personas, team); Remove asks
first when the person has votes, and removes them with their votes in one undo step.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.model.edits import Change, ChangeKind, EditRefused
from planner.model.limits import SHORT_TEXT_MAX
from planner.model.project import Participant
from planner.model.voices import add_participant, edit_participant, remove_participant, votes_of
from planner.ui.document import Document
from planner.ui.errors import show_refusal

__all__ = ["ParticipantDialog", "ParticipantsBox"]


class ParticipantDialog(QDialog):
    """Name, role and team of one participant."""

    def __init__(self, personas: list[str], person: Participant | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit participant" if person else "Add participant")
        self.name = QLineEdit(person.name if person else "")
        self.name.setMaxLength(SHORT_TEXT_MAX)
        self.name.setAccessibleName("Name")
        self.role = QComboBox()
        self.role.addItem("Not set", "")
        for persona in personas:
            self.role.addItem(persona, persona)
        self.role.setCurrentIndex(max(0, self.role.findData(person.role if person else "")))
        self.role.setAccessibleName("Role")
        self.team = QLineEdit(person.team if person else "")
        self.team.setMaxLength(SHORT_TEXT_MAX)
        self.team.setAccessibleName("Team")
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Role:", self.role)
        form.addRow("&Team:", self.team)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, str, str]:
        """The name, role and team as entered (the name without surrounding spaces)."""
        return self.name.text().strip(), str(self.role.currentData() or ""), self.team.text()


class ParticipantsBox(QGroupBox):
    """The table of participants with Add, Edit and Remove."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__("Participants", parent)
        self.doc = doc
        self.setObjectName("participantsBox")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Name", "Role", "Team"])
        self.table.setAccessibleName("Participants")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(170)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.add_button = QPushButton("&Add…")
        self.edit_button = QPushButton("Ed&it…")
        self.remove_button = QPushButton("Re&move")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._enable)
        doc.changed.connect(self._on_changed)
        self.refresh()

    def _personas(self) -> list[str]:
        return [p.name for p in self.doc.project.model.personas]

    def _selected(self) -> Participant | None:
        rows = self.table.selectionModel().selectedRows()
        people = self.doc.project.engagement.participants
        return people[rows[0].row()] if rows and rows[0].row() < len(people) else None

    def _push(self, make: object) -> None:
        try:
            self.doc.push(make())  # type: ignore[operator]
        except EditRefused as exc:
            show_refusal(self, str(exc))

    def add(self) -> None:
        """Ask for a new participant and add them."""
        dialog = ParticipantDialog(self._personas(), None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            name, role, team = dialog.values()
            self._push(lambda: add_participant(self.doc.project, name, role, team))

    def edit_selected(self) -> None:
        """Edit the selected participant."""
        person = self._selected()
        if person is None:
            return
        dialog = ParticipantDialog(self._personas(), person, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            name, role, team = dialog.values()
            self._push(lambda: edit_participant(self.doc.project, person.id, name, role, team))

    def remove_selected(self) -> None:
        """Remove the selected participant (asking first when they have votes)."""
        person = self._selected()
        if person is None:
            return
        count = votes_of(self.doc.project, person.id)
        if count:
            answer = QMessageBox.question(
                self,
                "Remove participant",
                f"{person.name} has {count} vote{'s' * (count != 1)}. Remove them and their votes? (Undo brings "
                "both back.)",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._push(lambda: remove_participant(self.doc.project, person.id))

    def _on_changed(self, change: Change) -> None:
        if change.kind in (ChangeKind.ENGAGEMENT, ChangeKind.MODEL) and (
            change.kind is ChangeKind.MODEL or "participants" in change.ids
        ):
            self.refresh()

    def _enable(self) -> None:
        chosen = self._selected() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def refresh(self) -> None:
        """Show the participants as they are in the project."""
        people = self.doc.project.engagement.participants
        self.table.setRowCount(len(people))
        for row, person in enumerate(people):
            for col, text in enumerate((person.name, person.role or "—", person.team)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self._enable()
