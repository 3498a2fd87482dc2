"""Assessment rounds in the app: File > Start re-assessment… and File > Rounds and progress….

"Start re-assessment…" asks for the label and the date of the assessment being frozen (the
engagement's assessment date by default, never after today) and applies
:func:`~planner.model.rounds.start_reassessment` as one undo step. "Rounds and progress…" lists
the earlier rounds: each can be viewed read-only, renamed, or deleted after a confirmation (each
one undo step); the Progress tab compares two of them, by default the latest round and now
(:mod:`planner.ui.progressview`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.model.edits import Change, EditRefused
from planner.model.limits import SHORT_TEXT_MAX
from planner.model.project import Assessment, CapabilityAssessment, Round
from planner.model.rounds import delete_round, rename_round, start_reassessment
from planner.model.scoring import score_project
from planner.report.formatting import level_text, percent
from planner.report.progress import date_text
from planner.ui.document import Document

if TYPE_CHECKING:
    from planner.ui.mainwindow import MainWindow

__all__ = ["ReassessDialog", "RoundsDialog", "import_round_dialog", "open_rounds", "start_reassessment_dialog"]


class ReassessDialog(QDialog):
    """The label and date of the assessment to freeze; OK freezes it as one undo step."""

    def __init__(self, doc: Document, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.today = today or dt.date.today()
        self.setWindowTitle("Start re-assessment")
        eng = doc.project.engagement
        try:
            day = min(dt.date.fromisoformat(eng.assessment_date), self.today)
        except ValueError:
            day = self.today
        when = QDate(day.year, day.month, day.day)
        self.label = QLineEdit(f"Assessment of {day.strftime('%B %Y')}")
        self.label.setMaxLength(SHORT_TEXT_MAX)
        self.date = QDateEdit(when)
        self.date.setCalendarPopup(True)
        self.date.setLocale(QLocale(QLocale.Language.English))
        self.date.setDisplayFormat("d MMM yyyy")
        self.date.setMaximumDate(QDate(self.today.year, self.today.month, self.today.day))
        explain = QLabel(
            "The scores, targets and applicability as they are now are kept as a read-only round with this "
            "label and date. The current scores stay as the starting point of the new assessment, dated "
            "today. Undo takes it back."
        )
        explain.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow("&Label of the round:", self.label)
        form.addRow("&Assessed on:", self.date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Start re-assessment")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Freeze the round, or say why not and stay open."""
        try:
            edit = start_reassessment(
                self.doc.project, self.label.text(), self.date.date().toString("yyyy-MM-dd"), today=self.today
            )
        except EditRefused as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.doc.push(edit)
        super().accept()


def start_reassessment_dialog(window: MainWindow) -> QDialog | None:
    """Open the re-assessment dialog on the open project (``None`` without one)."""
    if window.doc is None:
        return None
    dialog = ReassessDialog(window.doc, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(
        lambda: window.statusBar().showMessage("Re-assessment started: the earlier scores are kept as a round.", 10000)
    )
    dialog.open()
    return dialog


def round_table(doc: Document, past: Round) -> QTableWidget:
    """A read-only table of one round: each capability's lens scores, score, level and target."""
    model = doc.project.model
    assessment = Assessment(
        dict(past.lens_weights),
        {
            cap_id: CapabilityAssessment(found.applicable, dict(found.lenses), found.target)
            for cap_id, found in past.capabilities.items()
            if cap_id in model.capabilities
        },
    )
    card = score_project(model, assessment)
    lenses = [lens.name for lens in model.lenses]
    table = QTableWidget(len(model.capabilities), 4 + len(lenses))
    table.setHorizontalHeaderLabels(["Capability", *lenses, "Score", "Level", "Target"])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    for row, cap in enumerate(model.iter_capabilities()):
        found = past.capabilities.get(cap.id)
        score = card.capabilities[cap.id]
        cells = [cap.name]
        cells += [
            "" if found is None or found.lenses.get(lid) is None else str(found.lenses[lid]) for lid in model.lens_ids
        ]
        if found is not None and not found.applicable:
            cells += ["", "Not applicable", ""]
        else:
            target = found.target if found is not None else None
            cells += [percent(score.score), level_text(model.level_name(score.level) if score.level else None)]
            cells.append(model.level_name(target) if target in model.level_ids else "")
        for col, text in enumerate(cells):
            table.setItem(row, col, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    return table


class RoundsDialog(QDialog):
    """The earlier rounds (view, rename, delete) and the progress between two assessments."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from planner.ui.progressview import ProgressView

        self.doc = doc
        self.setWindowTitle("Rounds and progress")
        self.resize(1000, 720)
        self.rounds = QListWidget()
        self.rounds.setAccessibleName("Earlier rounds")
        self.view_button = QPushButton("&View…")
        self.rename_button = QPushButton("&Rename…")
        self.delete_button = QPushButton("&Delete…")
        self.view_button.clicked.connect(self.view_selected)
        self.rename_button.clicked.connect(self.rename_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.rounds.currentRowChanged.connect(lambda _row: self._enable())
        buttons = QHBoxLayout()
        for button in (self.view_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.empty = QLabel("No earlier round yet: File > Start re-assessment… keeps the current assessment as one.")
        self.empty.setWordWrap(True)
        rounds_tab = QWidget()
        box = QVBoxLayout(rounds_tab)
        box.addWidget(self.empty)
        box.addWidget(self.rounds, 1)
        box.addLayout(buttons)
        self.progress = ProgressView(doc)
        self.tabs = QTabWidget()
        self.tabs.addTab(rounds_tab, "Rounds")
        self.tabs.addTab(self.progress, "Progress")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        doc.changed.connect(self._changed)
        self._fill()

    def _changed(self, _change: Change) -> None:
        self._fill()

    def _fill(self) -> None:
        current = self.selected_id()
        self.rounds.clear()
        for past in self.doc.project.assessment.history:
            revision = f" revision {past.model_revision}" if past.model_revision is not None else ""
            item = QListWidgetItem(f"{past.label}  \u00b7  {date_text(past.date)}  \u00b7  {past.model_id}{revision}")
            item.setData(Qt.ItemDataRole.UserRole, past.id)
            self.rounds.addItem(item)
            if past.id == current:
                self.rounds.setCurrentItem(item)
        if self.rounds.currentRow() < 0 and self.rounds.count():
            self.rounds.setCurrentRow(self.rounds.count() - 1)
        self.empty.setVisible(self.rounds.count() == 0)
        self._enable()

    def _enable(self) -> None:
        chosen = self.selected_id() is not None
        for button in (self.view_button, self.rename_button, self.delete_button):
            button.setEnabled(chosen)

    def selected_id(self) -> str | None:
        """The id of the selected round (``None``: none)."""
        item = self.rounds.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _selected(self) -> Round | None:
        wanted = self.selected_id()
        return next((r for r in self.doc.project.assessment.history if r.id == wanted), None)

    def view_selected(self) -> QDialog | None:
        """Show the selected round read-only."""
        past = self._selected()
        if past is None:
            return None
        dialog = QDialog(self)
        dialog.setWindowTitle(f"{past.label} ({date_text(past.date)}), read-only")
        dialog.resize(900, 600)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(f"Scored against {past.model_id}. A round is kept as it was; it cannot be edited."))
        layout.addWidget(round_table(self.doc, past), 1)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def rename_selected(self, label: str | None = None) -> bool:
        """Rename the selected round (asks for the label unless given); one undo step."""
        past = self._selected()
        if past is None:
            return False
        if label is None:
            label, ok = QInputDialog.getText(self, "Rename round", "Label:", QLineEdit.EchoMode.Normal, past.label)
            if not ok:
                return False
        try:
            self.doc.push(rename_round(self.doc.project, past.id, label))
        except EditRefused as exc:
            QMessageBox.warning(self, "Rename round", str(exc))
            return False
        return True

    def delete_selected(self) -> bool:
        """Delete the selected round after a confirmation; one undo step."""
        past = self._selected()
        if past is None:
            return False
        answer = QMessageBox.question(
            self,
            "Delete round",
            f"Delete the round '{past.label}' of {date_text(past.date)}? Its scores are no longer compared. "
            "Edit > Undo brings it back.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.doc.push(delete_round(self.doc.project, past.id))
        return True


def open_rounds(window: MainWindow, tab: str = "rounds") -> RoundsDialog | None:
    """Open the rounds and progress of the open project (``None`` without one)."""
    if window.doc is None:
        return None
    dialog = RoundsDialog(window.doc, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if tab == "progress":
        dialog.tabs.setCurrentWidget(dialog.progress)
    dialog.open()
    return dialog


def import_round_dialog(window: MainWindow, path: str | None = None) -> bool:
    """File > Import earlier assessment as a round…: another project file's assessment as a round.

    Asks for the file (unless given), confirms a file of another client, adds the round as one
    undo step and says what could not be mapped. Returns whether a round was added.
    """
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    from planner.model.importround import import_edit, round_from_project
    from planner.storage.errors import ProjectFileError
    from planner.storage.projectfile import load_project

    doc = window.doc
    if doc is None:
        return False
    title = "Import earlier assessment"
    if path is None:
        path, _ = QFileDialog.getOpenFileName(window, title, "", "Roadmap projects (*.roadmap)")
        if not path:
            return False
    try:
        earlier = load_project(Path(path))
        imported = round_from_project(earlier, doc.project)
        edit = import_edit(doc.project, imported)
    except (ProjectFileError, EditRefused) as exc:
        QMessageBox.warning(window, title, f"{Path(path).name} was not imported: {exc}")
        return False
    if not imported.same_client:
        answer = QMessageBox.question(
            window,
            title,
            f"{Path(path).name} is an assessment of {earlier.engagement.client or 'no named client'}, not of "
            f"{doc.project.engagement.client or 'this project'}. Import it as a round anyway?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
    doc.push(edit)
    lines = [f"Imported '{imported.round.label}' ({date_text(imported.round.date)}) as a round.", *imported.notes]
    QMessageBox.information(window, title, "\n".join(lines))
    return True
