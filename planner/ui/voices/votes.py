"""Vote entry for the capability shown in the assessment: one row per lens, one column per participant.

Each cell is a small dropdown (blank: no vote, 0-4, N/A). Beside the votes, per lens, the spread
(lowest-highest), the median offered and the consensus (the lens score every calculation uses).
"Use the median" sets the consensus of every voted lens to its median; a lens that already has
another score is only replaced after the consultant confirms. The panel goes into the
capability's tabs through :func:`attach_votes`, so the assessment page needs one line.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.model.edits import Change, ChangeKind, EditRefused
from planner.model.voices import accept_consensus, lens_spread, median_vote, set_vote
from planner.ui.document import Document
from planner.ui.errors import show_refusal

if TYPE_CHECKING:
    from planner.ui.assessment import AssessmentPage

__all__ = ["VotesPanel", "attach_votes"]

_CHOICES: tuple[tuple[str, object], ...] = (("", "none"), *((str(n), n) for n in range(5)), ("N/A", None))


class VotesPanel(QWidget):
    """The votes of every participant on one capability, with spread, median and consensus."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.cap_id = ""
        self.tab_page: QWidget | None = None  # the Votes tab holding this panel, once attached
        self.setObjectName("votesPanel")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(6)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.use_median = QPushButton("Use the &median as consensus")
        self.use_median.setToolTip("Set each voted lens's score to the median of the votes (asks before replacing)")
        self.use_median.clicked.connect(self.accept_median)
        self.agenda = QPushButton("&Disagreements…")
        self.agenda.setToolTip("Every lens the participants disagree on, widest spread first")
        self.agenda.clicked.connect(self.show_disagreements)
        row = QHBoxLayout()
        row.addWidget(self.use_median)
        row.addWidget(self.agenda)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(self.grid)
        layout.addLayout(row)
        layout.addStretch(1)
        self.combos: dict[tuple[str, str], QComboBox] = {}
        doc.changed.connect(self._on_changed)

    def show_capability(self, cap_id: str) -> None:
        """Show the votes on ``cap_id``."""
        self.cap_id = cap_id
        self._rebuild()

    def _rebuild(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.combos = {}
        project = self.doc.project
        people = project.engagement.participants
        self.hint.setText(
            "Add participants on the Engagement page to record each person's view."
            if not people
            else "Each participant's score per lens; the spread shows where views differ."
        )
        self.use_median.setEnabled(bool(people))
        if not people or not self.cap_id:
            return
        titles = ("Lens", *(p.name.split()[0] if p.name.split() else p.name for p in people), "Spread", "Median", "Now")
        tips = ("", *(p.name for p in people), "Lowest-highest vote", "Offered as consensus", "The consensus score")
        for col, (title, tip) in enumerate(zip(titles, tips, strict=True)):
            label = QLabel(f"<b>{html.escape(title)}</b>")
            label.setToolTip(tip)
            self.grid.addWidget(label, 0, col)
        for row, lens in enumerate(project.model.lenses, start=1):
            self.grid.addWidget(QLabel(lens.name), row, 0)
            for col, person in enumerate(people, start=1):
                combo = QComboBox()
                for text, value in _CHOICES:
                    combo.addItem(text, value)
                combo.setAccessibleName(f"{person.name}: {lens.name}")
                combo.setMaximumWidth(64)
                combo.activated.connect(lambda _i, c=combo, p=person.id, lens_id=lens.id: self._vote(c, lens_id, p))
                self.grid.addWidget(combo, row, col)
                self.combos[(lens.id, person.id)] = combo
            for offset in range(3):
                self.grid.addWidget(QLabel(), row, len(people) + 1 + offset)
        self.refresh()

    def refresh(self) -> None:
        """Show the votes, spreads, medians and consensus as they are in the project."""
        project = self.doc.project
        people = project.engagement.participants
        record = project.assessment.capabilities.get(self.cap_id)
        for (lens_id, pid), combo in self.combos.items():
            mine = record.votes.get(pid, {}) if record is not None else {}
            value = mine.get(lens_id, "none")
            with QSignalBlocker(combo):
                combo.setCurrentIndex(max(0, combo.findData(value)))
        for row, lens in enumerate(project.model.lenses, start=1):
            spread = lens_spread(project, self.cap_id, lens.id)
            median = median_vote(project, self.cap_id, lens.id)
            consensus = record.lenses.get(lens.id) if record is not None else None
            names = {p.id: p.name for p in people}
            who = "; ".join(
                f"{'N/A' if s is None else s}: {', '.join(names[i] for i in ids)}" for s, ids in spread.by_score.items()
            )
            cells = (
                f"{spread.low}-{spread.high}" + (" ⚠" if spread.width >= 2 else "") if spread.count else "—",
                "—" if median is None else str(median),
                "—" if consensus is None else str(consensus),
            )
            for offset, text in enumerate(cells):
                item = self.grid.itemAtPosition(row, len(people) + 1 + offset)
                label = item.widget() if item is not None else None
                if isinstance(label, QLabel):
                    label.setText(text)
                    label.setToolTip(who)

    def _vote(self, combo: QComboBox, lens_id: str, participant_id: str) -> None:
        value = combo.currentData()
        try:
            if value == "none":
                edit = set_vote(self.doc.project, self.cap_id, lens_id, participant_id)
            else:
                edit = set_vote(self.doc.project, self.cap_id, lens_id, participant_id, value)
            self.doc.push(edit)
        except EditRefused as exc:
            show_refusal(self, str(exc))
            self.refresh()

    def accept_median(self) -> None:
        """Set the consensus to the votes' median, confirming before a set score is replaced."""
        project = self.doc.project
        try:
            edit = accept_consensus(project, self.cap_id)
        except EditRefused as exc:
            if "already has a consensus" not in str(exc):
                show_refusal(self, str(exc))
                return
            answer = QMessageBox.question(self, "Replace the consensus", f"{exc}\n\nReplace it with the median?")
            if answer != QMessageBox.StandardButton.Yes:
                return
            edit = accept_consensus(project, self.cap_id, overwrite=True)
        self.doc.push(edit)

    def show_disagreements(self) -> None:
        """Open the Disagreements list."""
        from planner.ui.voices.agenda import show_disagreements

        show_disagreements(self.doc, self.window())

    def _on_changed(self, change: Change) -> None:
        if change.kind is ChangeKind.ENGAGEMENT and "participants" in change.ids:
            self._rebuild()
        elif change.kind is ChangeKind.ASSESSMENT and self.cap_id in change.ids:
            self.refresh()


def attach_votes(page: AssessmentPage) -> VotesPanel:
    """Add the Votes tab to the assessment page's capability panel and keep it on the shown capability."""
    panel = VotesPanel(page.doc)
    # in a scroll area: the grid of people and lenses must not set the narrowest width of the whole
    # capability panel (on a projector its tabs go below the scores and must fit the page)
    scroll = panel.tab_page = QScrollArea()
    scroll.setWidget(panel)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    page.panel.info_tabs.insertTab(0, scroll, "Votes")

    def follow() -> None:
        if panel.cap_id != page.panel.cap_id:
            panel.show_capability(page.panel.cap_id)

    page.tree.selectionModel().currentChanged.connect(lambda _c, _p: follow())
    page.doc.changed.connect(lambda _change: follow())
    follow()
    return panel
