"""File > Upgrade model…: review what moving the project to a newer model changes, then apply it.

The dialog shows the Qt-free :class:`~planner.model.upgrade.UpgradeReport` (level bands,
capabilities renamed, merged, retired and added, what to re-score, library items, levels that
change) for the chosen bundled model: the newest upgrade of the project's model first, others
in the list when there are several. Nothing changes until the consultant chooses Upgrade; then
the upgrade is one edit on the undo stack (:class:`~planner.model.edits.ReplaceModel`), so one
Undo takes it all back, and the main window rebuilds its pages on the new model. The file on
disk changes only when the consultant saves.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from planner.model.capmodel import CapabilityModel
from planner.model.edits import EditRefused, replace_model
from planner.model.upgrade import Upgrade, UpgradeRefused, UpgradeReport, model_label, upgrade_project
from planner.storage.errors import ProjectFileError
from planner.ui.document import Document

if TYPE_CHECKING:
    from planner.ui.mainwindow import MainWindow

__all__ = ["UpgradeDialog", "report_html", "start_upgrade"]


def report_html(report: UpgradeReport) -> str:
    """The review as HTML: every piece of text escaped (titles and notes come from files)."""
    esc = html.escape
    parts = [f"<p><b>{esc(report.heading)}</b></p>"]
    for title, lines in report.sections():
        items = "".join(
            f"<li style='margin-left:16px'>{esc(line.strip())}</li>"
            if line.startswith("  ")
            else f"<li>{esc(line)}</li>"
            for line in lines
        )
        parts.append(f"<h3>{esc(title)}</h3><ul>{items}</ul>")
    if not report.sections():
        parts.append("<p>Nothing else changes: every capability keeps its findings and its level.</p>")
    return "".join(parts)


class UpgradeDialog(QDialog):
    """Choose the model, read the review, upgrade (or cancel: nothing changes)."""

    def __init__(self, doc: Document, targets: list[CapabilityModel], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.targets = targets
        self.upgrade: Upgrade | None = None
        self.setWindowTitle("Upgrade model")
        self.choice = QComboBox()
        self.choice.setAccessibleName("Upgrade to")
        for model in targets:
            self.choice.addItem(model_label(model))
        self.choice.setEnabled(len(targets) > 1)
        self.review = QTextBrowser()
        self.review.setObjectName("upgradeReview")
        self.review.setAccessibleName("What the upgrade changes")
        self.review.setOpenLinks(False)
        note = QLabel(
            "Nothing changes until you choose Upgrade. Undo takes the whole upgrade back; "
            "the file on disk changes when you save."
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.upgrade_button = self.buttons.addButton("&Upgrade", QDialogButtonBox.ButtonRole.AcceptRole)
        self.upgrade_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Current model:", QLabel(model_label(doc.project.model)))
        form.addRow("Upgrade to:", self.choice)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.review, 1)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.choice.currentIndexChanged.connect(self._show)
        self._show()
        self.resize(760, 600)

    def _show(self) -> None:
        """Compute the upgrade to the chosen model and show its review."""
        target = self.targets[self.choice.currentIndex()]
        try:
            self.upgrade = upgrade_project(self.doc.project, target)
        except UpgradeRefused as exc:
            self.upgrade = None
            self.review.setPlainText(f"This project cannot be upgraded to {model_label(target)}: {exc}.")
        else:
            self.review.setHtml(report_html(self.upgrade.report))
        self.upgrade_button.setEnabled(self.upgrade is not None)

    def accept(self) -> None:
        """Apply the reviewed upgrade as one undoable edit."""
        if self.upgrade is None:
            return
        label = model_label(self.upgrade.report.target)
        try:
            edit = replace_model(self.doc.project, self.upgrade.project, f"Upgrade model to {label}")
        except EditRefused as exc:
            QMessageBox.warning(self, "Upgrade model", str(exc))
            return
        self.doc.push(edit)
        super().accept()


def start_upgrade(window: MainWindow) -> QDialog | None:
    """Open the review of the project's upgrade (or say why there is none); ``None`` if not opened."""
    doc = window.doc
    if doc is None:
        return None
    from planner.storage.models import bundled_upgrade_targets

    try:
        targets = bundled_upgrade_targets(doc.project.model)
    except ProjectFileError as exc:
        QMessageBox.warning(window, "Upgrade model", f"The bundled models cannot be read: {exc}")
        return None
    if not targets:
        QMessageBox.information(
            window,
            "Upgrade model",
            f"This project uses {model_label(doc.project.model)}: no bundled model is newer, so there is "
            "nothing to upgrade.",
        )
        return None
    dialog = UpgradeDialog(doc, targets, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: _after(window, dialog))
    dialog.open()
    return dialog


def _after(window: MainWindow, dialog: UpgradeDialog) -> None:
    if dialog.upgrade is None:
        return
    report = dialog.upgrade.report
    message = f"Upgraded to {model_label(report.target)}."
    if report.roadmap_out_of_date:
        message += " The roadmap was planned from the old levels: regenerate it."
    window.statusBar().showMessage(message, 15000)
