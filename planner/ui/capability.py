"""The selected capability: what it is, its lens scores, target, importance, notes and evidence.

Left column: scoring (lenses, not applicable, target, importance) and the "explain this score"
box. Right column: the capability's summary, what Crawl/Walk/Run look like, the discovery
questions to ask and its KPIs with the target at the chosen target level (as the exports list
them). Below: client-facing notes, internal notes and evidence (one item per line).
A capability marked not applicable shows a field for why (``na_reason`` in the project file), so
the report and the next assessment round know it was a decision, not an omission.
Every edit is pushed as a command (:func:`push_score`, :func:`push_field`, shared with workshop
mode); the panel redraws from the document on each change.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.charts.palette import level_colour
from planner.model.edits import Change, ChangeKind, EditRefused, score_lens, set_capability_field
from planner.model.limits import DEFAULT_IMPORTANCE, IMPORTANCE_RANGE
from planner.model.project import CapabilityAssessment
from planner.report.formatting import score_and_level
from planner.ui.document import Document
from planner.ui.errors import show_refusal
from planner.ui.fields import TextField
from planner.ui.lenses import LensPanel

__all__ = ["CapabilityPanel", "badge_text_and_colour", "push_field", "push_score"]


def push_score(doc: Document, parent: QWidget, cap_id: str, lens_id: str, value: int | None) -> bool:
    """Score a lens as one undo step (nothing when it has that score); ``False`` when refused (the user is told)."""
    found = doc.project.assessment.capabilities.get(cap_id)
    if (found.lenses.get(lens_id) if found else None) == value:
        return True
    try:
        doc.push(score_lens(doc.project, cap_id, lens_id, value))
    except EditRefused as exc:
        show_refusal(parent, str(exc))
        return False
    return True


def push_field(doc: Document, parent: QWidget, cap_id: str, name: str, value: Any) -> bool:
    """Set a capability field as one undo step (nothing when it has that value); ``False`` when refused."""
    found = doc.project.assessment.capabilities.get(cap_id) or CapabilityAssessment()
    if getattr(found, name) == value:
        return True
    try:
        doc.push(set_capability_field(doc.project, cap_id, name, value))
    except EditRefused as exc:
        show_refusal(parent, str(exc))
        return False
    return True


def badge_text_and_colour(model: Any, score: Any, *, applicable: bool) -> tuple[str, str]:
    """The words and colour of a capability's score badge ("Crawl · 45%", "Not scored", ...)."""
    if not applicable:
        return "Not applicable", level_colour(None)
    if score.score is None:
        return "Not scored", level_colour(None)
    return score_and_level(score.score, model.level_name(score.level)), level_colour(score.level, model.level_ids)


def _label(text: str = "", *, name: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def _kpi_text(model: Any, cap_id: str, target: str | None) -> str:
    """Return the capability's KPIs as rich text, each with its target at ``target`` (the exports' rule)."""
    from planner.report.kpis import target_at

    names = [level.name for level in model.levels]
    target_name = model.level_name(target)
    rows = []
    for kpi in model.capability(cap_id).kpis:
        aim = (
            f"<br><i>Target at {html.escape(target_name)}: {html.escape(target_at(kpi.measure, target_name, names))}</i>"
            if target_name
            else ""
        )
        rows.append(f"<p><b>{html.escape(kpi.name)}</b>{aim}<br>{html.escape(kpi.measure)}</p>")
    return "".join(rows) or "<p>The model lists no KPIs for this capability.</p>"


class CapabilityPanel(QWidget):
    """Everything about one capability, editable."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.cap_id: str = ""
        model = doc.project.model
        self.title = _label(name="capabilityTitle", wrap=True)
        self.badge = _label(name="levelBadge", wrap=False)
        self.lenses = LensPanel(model.lenses)
        self.lenses.score_requested.connect(self._score)
        self.not_applicable = QCheckBox("&Not applicable to this client")
        self.not_applicable.toggled.connect(lambda on: self._push("applicable", not on))
        self.target = QComboBox()
        self.target.setAccessibleName("Target level")
        self.target.addItem("No target", None)
        for level in model.levels[1:]:
            self.target.addItem(level.name, level.id)
        self.target.activated.connect(lambda _i: self._push("target", self.target.currentData()))
        self.importance = QSpinBox()
        self.importance.setRange(*IMPORTANCE_RANGE)
        self.importance.setAccessibleName("Importance")
        self.importance.setToolTip("How much this capability matters to the client (1 low - 5 critical)")
        self.importance.valueChanged.connect(lambda v: self._push("importance", v))
        self.explain = _label(name="explainText")
        self.explain.setTextFormat(Qt.TextFormat.PlainText)
        self.summary = _label()
        self.levels = _label()
        self.levels.setTextFormat(Qt.TextFormat.RichText)
        self.questions = _label()
        self.questions.setTextFormat(Qt.TextFormat.RichText)
        self.kpis = _label(name="kpiText")
        self.kpis.setTextFormat(Qt.TextFormat.RichText)
        self.notes = self._text("notes", "Client-facing notes", "What you observed; appears in the report.")
        self.internal = self._text("internal_notes", "Internal notes", "For your team only; not exported by default.")
        self.evidence = self._text("evidence", "Evidence", "One item per line: documents, dashboards, interviews.")
        self.na_reason = self._text(
            "na_reason", "Why it does not apply", "Why this capability does not apply (kept in the project file)."
        )
        self.na_reason.setMaximumHeight(90)
        self._build()
        doc.changed.connect(self._on_changed)

    def _text(self, name: str, label: str, hint: str) -> TextField:
        if name == "evidence":
            field = TextField(lambda text: self._push(name, [ln.strip() for ln in text.split("\n") if ln.strip()]))
        else:
            field = TextField(lambda text: self._push(name, text))
        field.setAccessibleName(label)
        field.setPlaceholderText(hint)
        field.setMinimumHeight(70)
        return field

    def _build(self) -> None:
        score_box = QGroupBox("Score (keys 0-4, Delete, arrows)")
        score_layout = QVBoxLayout(score_box)
        score_layout.addWidget(self.lenses)
        form = QFormLayout()
        form.addRow(self.not_applicable)
        form.addRow("W&hy:", self.na_reason)
        self.score_form = form
        form.addRow("&Target level:", self.target)
        form.addRow("&Importance (1-5):", self.importance)
        score_layout.addLayout(form)
        explain_box = QGroupBox("How this score is calculated")
        QVBoxLayout(explain_box).addWidget(self.explain)
        left = QVBoxLayout()
        left.addWidget(score_box)
        left.addWidget(explain_box)
        left.addStretch(1)
        tabs = QTabWidget()
        tabs.setDocumentMode(True)
        for title, widget in (
            ("About", self.summary),
            ("Levels", self.levels),
            ("Questions", self.questions),
            ("KPIs", self.kpis),
        ):
            page = QWidget()
            lay = QVBoxLayout(page)
            lay.addWidget(widget)
            lay.addStretch(1)
            tabs.addTab(page, title)
        self.info_tabs = tabs
        self.score_column = QWidget()
        self.score_column.setLayout(left)
        left.setContentsMargins(0, 0, 0, 0)
        columns = self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        columns.addWidget(self.score_column, 3)
        columns.addWidget(tabs, 2)
        notes = QGridLayout()
        for col, (title, field) in enumerate(
            (("Client-facing notes", self.notes), ("Internal notes", self.internal), ("Evidence", self.evidence))
        ):
            caption = QLabel(f"<b>{title}</b>")
            caption.setBuddy(field)
            notes.addWidget(caption, 0, col)
            notes.addWidget(field, 1, col)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.badge)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(columns, 1)
        layout.addLayout(notes)

    def fit_width(self, available: int) -> None:
        """Put the reference tabs beside the scoring column when both fit ``available`` pixels, else below it.

        On a projector (1024x768) or with large text, side by side would push the tabs (and the
        title) past the edge behind a horizontal scroll bar; stacked, everything stays in view.
        """
        spacing = max(0, self.columns.spacing())
        outer = self.layout()
        margins = outer.contentsMargins() if outer is not None else None
        beside = (
            self.score_column.minimumSizeHint().width()
            + self.info_tabs.minimumSizeHint().width()
            + spacing
            + (margins.left() + margins.right() if margins is not None else 0)
        )
        direction = QBoxLayout.Direction.LeftToRight if available >= beside else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)

    def narrowest_width(self) -> int:
        """The narrowest the panel can be without scrolling sideways: its columns stacked."""
        outer = self.layout()
        margins = outer.contentsMargins() if outer is not None else None
        widest = max(self.score_column.minimumSizeHint().width(), self.info_tabs.minimumSizeHint().width())
        return widest + (margins.left() + margins.right() if margins is not None else 0)

    @property
    def stacked(self) -> bool:
        """Whether the reference tabs sit below the scoring column (a narrow page)."""
        return self.columns.direction() == QBoxLayout.Direction.TopToBottom

    # -- edits ---------------------------------------------------------------------------------
    def _score(self, lens_id: str, value: int | None) -> None:
        if not push_score(self.doc, self, self.cap_id, lens_id, value):
            self.refresh()

    def _push(self, name: str, value: Any) -> None:
        if self.cap_id and not push_field(self.doc, self, self.cap_id, name, value):
            self.refresh()

    # -- display -------------------------------------------------------------------------------
    def show_capability(self, cap_id: str) -> None:
        """Switch the panel to another capability."""
        self.cap_id = cap_id
        model = self.doc.project.model
        cap = model.capability(cap_id)
        self.title.setText(f"{cap.name}  ·  {model.domain(cap.domain).name}")
        self.summary.setText(cap.summary)
        rows = []
        for level in model.levels[1:]:
            text = cap.level_descriptions.get(level.id, "")
            colour = level_colour(level.id, model.level_ids)
            rows.append(
                f"<p><b><span style='color:{colour}'>■</span> {html.escape(level.name)}</b><br>{html.escape(text)}</p>"
            )
        self.levels.setText("".join(rows))
        self.questions.setText("<ul>" + "".join(f"<li>{html.escape(q)}</li>" for q in cap.questions) + "</ul>")
        self.refresh()

    def _on_changed(self, change: Change) -> None:
        if not self.cap_id:
            return
        if change.kind is ChangeKind.WEIGHTS or (change.kind is ChangeKind.ASSESSMENT and self.cap_id in change.ids):
            self.refresh()

    def refresh(self) -> None:
        """Show the capability's findings as they are in the project."""
        model = self.doc.project.model
        found = self.doc.project.assessment.capabilities.get(self.cap_id)
        score = self.doc.scorecard().capabilities[self.cap_id]
        applicable = found.applicable if found else True
        self.lenses.show_scores(dict(found.lenses) if found else {}, applicable)
        target = found.target if found else None
        with QSignalBlocker(self.not_applicable):
            self.not_applicable.setChecked(not applicable)
        with QSignalBlocker(self.target):
            self.target.setCurrentIndex(max(0, self.target.findData(target)))
        with QSignalBlocker(self.importance):
            self.importance.setValue(found.importance if found else DEFAULT_IMPORTANCE)
        self.target.setEnabled(applicable)
        self.importance.setEnabled(applicable)
        self.score_form.setRowVisible(self.na_reason, not applicable)
        self.na_reason.show_value(found.na_reason if found else "")
        self.notes.show_value(found.notes if found else "")
        self.internal.show_value(found.internal_notes if found else "")
        evidence = found.evidence if found else []
        if [ln.strip() for ln in self.evidence.text().split("\n") if ln.strip()] != evidence:
            self.evidence.show_value("\n".join(evidence))
        lines = score.explain(model)
        if model.bands_note:
            lines += ["", model.bands_note]
        self.explain.setText("\n".join(lines))
        self.kpis.setText(_kpi_text(model, self.cap_id, target))
        badge, colour = badge_text_and_colour(model, score, applicable=applicable)
        self.badge.setText(badge)
        sheet = f"QLabel {{ background: {colour}; color: white; border-radius: 10px; padding: 4px 12px; font-weight: bold; }}"
        if self.badge.styleSheet() != sheet:  # re-styling is costly: only when the level changes
            self.badge.setStyleSheet(sheet)
