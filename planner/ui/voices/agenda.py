"""The Disagreements list: every lens the participants scored differently, widest spread first.

It is the workshop's agenda. Double-clicking a row (or Enter) shows that capability in the
assessment. Opened from the assessment's Votes tab, the dashboard and the View menu; one list
per window, refreshed as votes change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.model.edits import Change
from planner.model.voices import disagreements
from planner.ui.document import Document

__all__ = ["DisagreementsButton", "DisagreementsDialog", "show_disagreements"]


class DisagreementsDialog(QDialog):
    """A non-modal list of disagreements."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("disagreementsDialog")
        self.setWindowTitle("Disagreements")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(["Capability", "Lens", "Spread", "Who is where", "Median", "Consensus"])
        self.table.setAccessibleName("Disagreements")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self.go_to(index.row()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.resize(900, 480)
        self.rows: list[str] = []
        doc.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        """List the disagreements as they are now."""
        project = self.doc.project
        found = disagreements(project)
        names = {p.id: p.name for p in project.engagement.participants}
        self.rows = [item.capability_id for item in found]
        self.summary.setText(
            f"{len(found)} lens{'es' * (len(found) != 1)} where participants disagree, widest spread first."
            if found
            else "No disagreements: participants' votes agree (or fewer than two people voted on a lens)."
        )
        self.table.setRowCount(len(found))
        for row, item in enumerate(found):
            who = "; ".join(
                f"{'N/A' if s is None else s}: {', '.join(names.get(i, i) for i in ids)}"
                for s, ids in item.spread.by_score.items()
            )
            cells = (
                project.model.capability(item.capability_id).name,
                project.model.lens(item.lens_id).name,
                f"{item.spread.low}-{item.spread.high} (width {item.spread.width})",
                who,
                "—" if item.median is None else str(item.median),
                "—" if item.consensus is None else str(item.consensus),
            )
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeRowsToContents()

    def go_to(self, row: int) -> None:
        """Show the row's capability in the assessment."""
        window = self.parent()  # the main window (not imported here: it imports this module's menu)
        show_page = getattr(window, "show_page", None)
        if 0 <= row < len(self.rows) and callable(show_page):
            show_page("assessment")
            page = getattr(window, "pages", {}).get("assessment")
            if page is not None and hasattr(page, "select_capability"):
                page.select_capability(self.rows[row], focus_lenses=False)

    def _on_changed(self, _change: Change) -> None:
        if self.isVisible():
            self.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.go_to(self.table.currentRow())
            return
        super().keyPressEvent(event)


def show_disagreements(doc: Document, window: QWidget) -> DisagreementsDialog:
    """Show the window's Disagreements list (one per window, reused)."""
    found = window.findChild(DisagreementsDialog, "disagreementsDialog")
    if not isinstance(found, DisagreementsDialog) or found.doc is not doc:
        if isinstance(found, DisagreementsDialog):
            found.deleteLater()
        found = DisagreementsDialog(doc, window)
    found.refresh()
    found.show()
    found.raise_()
    return found


class DisagreementsButton(QPushButton):
    """A button naming how many lenses participants disagree on; it opens the list."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("disagreementsButton")
        self.clicked.connect(lambda: show_disagreements(doc, self.window()))
        doc.changed.connect(lambda _change: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Show the count (hidden while nobody has voted)."""
        project = self.doc.project
        voted = any(rec.votes for rec in project.assessment.capabilities.values())
        self.setVisible(voted)
        count = len(disagreements(project)) if voted else 0
        self.setText(f"Disagreements: {count} lens{'es' * (count != 1)}…" if count else "Disagreements: none")
