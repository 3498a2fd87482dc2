"""Export questionnaires and import answers in the app (File menu: Export questionnaire, Import answers).

Export: pick the participants (and/or a blank questionnaire) and a folder; one workbook each,
named ``<client> questionnaire - <name>.xlsx``, written atomically (existing files are replaced
only after asking). Import: pick several workbooks (or drop them on the window); each is read
safely and the review dialog lists per workbook and capability what would change. "Record" pushes
the one undoable edit; Cancel changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exports.errors import ExportError, write_export
from exports.questionnaire.read import AnswersRefused, FilledQuestionnaire, read_questionnaire
from exports.questionnaire.review import ImportReview, review_answers
from exports.questionnaire.write import questionnaire_bytes
from planner.model.edits import EditRefused
from planner.ui.document import Document

if TYPE_CHECKING:
    from planner.ui.mainwindow import MainWindow

__all__ = ["ReviewDialog", "export_questionnaires", "import_answers", "questionnaire_name"]

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_COLOURS = {"new": "#1b6e3a", "changed": "#8a5a00", "unchanged": "#5f6b7a", "refused": "#b00020"}


def questionnaire_name(client: str, who: str) -> str:
    """The file name of a questionnaire: the client and the person, without characters file systems refuse."""
    text = _UNSAFE.sub(" ", f"{client or 'Client'} questionnaire - {who}").strip(" .")
    return f"{text[:120]}.xlsx"


class _ChooseDialog(QDialog):
    def __init__(self, doc: Document, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export questionnaire")
        self.list = QListWidget()
        self.list.setAccessibleName("Questionnaires to write")
        blank = QListWidgetItem("A blank questionnaire (the person fills in their name)")
        blank.setData(Qt.ItemDataRole.UserRole, None)
        blank.setCheckState(Qt.CheckState.Unchecked if doc.project.engagement.participants else Qt.CheckState.Checked)
        self.list.addItem(blank)
        for person in doc.project.engagement.participants:
            item = QListWidgetItem(person.name + (f" ({person.role})" if person.role else ""))
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Choose folder and write…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("One workbook per person; each can be filled in Excel, LibreOffice or Numbers."))
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> list[str | None]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]


def export_questionnaires(window: MainWindow, folder: Path | None = None) -> list[Path]:
    """Ask which questionnaires to write and where; write them; return the files written."""
    doc = window.doc
    if doc is None:
        return []
    dialog = _ChooseDialog(doc, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.chosen():
        return []
    if folder is None:
        start = str(doc.path.parent if doc.path else Path.home())
        name = QFileDialog.getExistingDirectory(window, "Write the questionnaires to", start)
        if not name:
            return []
        folder = Path(name)
    people = {p.id: p.name for p in doc.project.engagement.participants}
    targets = [
        (pid, folder / questionnaire_name(doc.project.engagement.client, people.get(pid or "", "blank")))
        for pid in dialog.chosen()
    ]
    existing = [path.name for _, path in targets if path.exists()]
    if (
        existing
        and QMessageBox.question(
            window, "Replace files", f"{len(existing)} of these files exist already ({existing[0]}…). Replace them?"
        )
        != QMessageBox.StandardButton.Yes
    ):
        return []
    written: list[Path] = []
    try:
        for pid, path in targets:
            write_export(path, questionnaire_bytes(doc.project, pid), "questionnaire")
            written.append(path)
    except ExportError as exc:
        QMessageBox.warning(window, "Questionnaire not written", str(exc))
    if written:
        window.statusBar().showMessage(
            f"Wrote {len(written)} questionnaire{'s' * (len(written) != 1)} to {folder}", 8000
        )
    return written


class ReviewDialog(QDialog):
    """The import review: per workbook and capability, new / changed / unchanged / refused."""

    def __init__(self, doc: Document, review: ImportReview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answersReview")
        self.setWindowTitle("Import answers: review")
        self.doc, self.review = doc, review
        self.edit = review.edit(doc.project)
        model = doc.project.model
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Workbook / capability", "What happens", "Details"])
        self.tree.setAccessibleName("Review")
        for book in review.workbooks:
            top = QTreeWidgetItem([book.path.name, "refused" if book.refused else book.name, book.refused])
            if book.refused:
                top.setForeground(1, QBrush(QColor(_COLOURS["refused"])))
            elif book.new_person is not None:
                top.setText(2, "new participant")
            self.tree.addTopLevelItem(top)
            for cap in book.capabilities:
                votes = ", ".join(f"{model.lens(k).name} {'N/A' if v is None else v}" for k, v in cap.votes.items())
                child = QTreeWidgetItem([model.capability(cap.capability_id).name, cap.status, cap.reason or votes])
                child.setForeground(1, QBrush(QColor(_COLOURS[cap.status])))
                top.addChild(child)
            top.setExpanded(True)
        self.tree.resizeColumnToContents(0)
        accepted = len(review.accepted())
        books = len([b for b in review.workbooks if not b.refused])
        self.summary = QLabel(
            f"{accepted} vote{'s' * (accepted != 1)} from {books} workbook{'s' * (books != 1)} would be recorded. "
            "Refused workbooks and capabilities change nothing."
            if self.edit is not None
            else "Nothing to record: every answer is already in the project, or was refused."
        )
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.record = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.record.setText("&Record the answers")
        self.record.setEnabled(self.edit is not None)
        buttons.accepted.connect(self._record)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(820, 520)

    def _record(self) -> None:
        if self.edit is not None:
            try:
                self.doc.push(self.edit)
            except EditRefused as exc:
                QMessageBox.warning(self, "Not recorded", str(exc))
                return
        self.accept()


def _read(path: Path) -> FilledQuestionnaire | AnswersRefused:
    try:
        return read_questionnaire(path)
    except AnswersRefused as exc:
        return exc


def import_answers(window: MainWindow, paths: Sequence[Path] | None = None) -> ReviewDialog | None:
    """Read filled questionnaires (asking which when ``paths`` is None) and open the review."""
    doc = window.doc
    if doc is None:
        return None
    if paths is None:
        start = str(doc.path.parent if doc.path else Path.home())
        names, _ = QFileDialog.getOpenFileNames(window, "Import answers", start, "Questionnaires (*.xlsx)")
        paths = [Path(n) for n in names]
    if not paths:
        return None
    review = review_answers(doc.project, [_read(Path(p)) for p in paths])
    dialog = ReviewDialog(doc, review, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
