"""The engagement page: who the assessment is for, by whom, when, its scope and the executive summary.

Scopes are typed as a comma-separated list ("Public Cloud, SaaS"); the assessment date uses a date
picker whose lowest value reads "Not set" (the file stores an empty date then). The plan's start
month ("Mar 2027", stored ``YYYY-MM``) dates every month of the roadmap; cleared, the roadmap reads
"Month 1, Month 2". The organisation's size tailors the roadmap (which items, how long): changing
it makes an existing roadmap out of date rather than redrafting it. Both are undoable edits.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QSignalBlocker
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from planner.model.edits import Change, ChangeKind, EditRefused, set_engagement_field
from planner.model.limits import SHORT_TEXT_MAX
from planner.ui.document import Document
from planner.ui.errors import show_refusal
from planner.ui.fields import LineField, TextField
from planner.ui.months import StartMonthPicker

__all__ = ["ORG_SIZE_NAMES", "EngagementPage", "scopes_from_text", "scopes_to_text"]

_NO_DATE = QDate(2000, 1, 1)
#: The organisation sizes as the page offers them (``None``: not said).
ORG_SIZE_NAMES: tuple[tuple[str | None, str], ...] = (
    (None, "Not set"),
    ("startup", "Start-up"),
    ("midsize", "Mid-size"),
    ("enterprise", "Enterprise"),
)


def _split_outside_brackets(text: str, separator: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char in "([{":
            depth += 1
        elif char in ")]}" and depth:
            depth -= 1
        if char == separator and not depth:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def scopes_from_text(text: str) -> list[str]:
    """Split the scopes field into scopes.

    Commas separate scopes, except inside brackets: "Public Cloud, SaaS (M365, Salesforce)" is two
    scopes. When the text holds a semicolon, semicolons alone separate, so a scope may contain a
    comma ("Data centres, EU; Public Cloud").
    """
    if ";" in text:
        return _split_outside_brackets(text, ";")
    return _split_outside_brackets(text, ",")


def scopes_to_text(scopes: list[str]) -> str:
    """Show scopes so that :func:`scopes_from_text` reads the same list back."""
    if any(len(_split_outside_brackets(scope, ",")) > 1 for scope in scopes):
        return "; ".join(scopes)
    return ", ".join(scopes)


class EngagementPage(QWidget):
    """Form over the project's engagement facts."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("engagementPage")
        heading = QLabel("Engagement")
        heading.setObjectName("pageHeading")
        self.client = self._line("client", "Client", "The client's organisation, e.g. Northwind Retail")
        self.title = self._line("title", "Title", "e.g. FinOps maturity assessment 2026")
        self.consultant = self._line("consultant", "Consultant", "Who leads the assessment")
        self.firm = self._line("firm", "Firm", "Your firm")
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMinimumDate(_NO_DATE)
        self.date.setSpecialValueText("Not set")
        self.date.setAccessibleName("Assessment date")
        self.date.dateChanged.connect(self._date_edited)
        self.start = StartMonthPicker()
        self.start.setAccessibleName("Plan start month")
        self.start.setToolTip("The first month of the roadmap: its months read as calendar months from here")
        self.start.valueChanged.connect(lambda _value: self._push("start_date", self.start.month()))
        self.clear_start = QPushButton("Clear")
        self.clear_start.setToolTip("Leave the roadmap undated: months read Month 1, Month 2, …")
        self.clear_start.clicked.connect(lambda: self._push("start_date", None))
        start_row = QHBoxLayout()
        start_row.addWidget(self.start)
        start_row.addWidget(self.clear_start)
        start_row.addStretch(1)
        self.org_size = QComboBox()
        for value, name in ORG_SIZE_NAMES:
            self.org_size.addItem(name, value)
        self.org_size.setAccessibleName("Organisation size")
        self.org_size.setToolTip("Tailors the roadmap: which initiatives fit, and how long they take")
        self.org_size.activated.connect(lambda _i: self._push("org_size", self.org_size.currentData()))
        self.scopes = LineField(lambda text: self._push("scopes", scopes_from_text(text)))
        self.scopes.setPlaceholderText("Comma-separated, e.g. Public Cloud, SaaS (M365, Salesforce), Data Center")
        self.scopes.setAccessibleName("Scopes")
        self.summary = TextField(lambda text: self._push("summary", text))
        self.summary.setAccessibleName("Executive summary")
        self.summary.setPlaceholderText("The executive summary the report opens with.")

        form = QFormLayout()
        form.addRow("&Client:", self.client)
        form.addRow("&Title:", self.title)
        form.addRow("C&onsultant:", self.consultant)
        form.addRow("&Firm:", self.firm)
        form.addRow("Assessment &date:", self.date)
        start_label = QLabel("&Plan starts:")
        start_label.setBuddy(self.start)
        form.addRow(start_label, start_row)
        size_row = QHBoxLayout()
        size_row.addWidget(self.org_size)
        size_row.addStretch(1)
        size_label = QLabel("Organisation si&ze:")
        size_label.setBuddy(self.org_size)
        form.addRow(size_label, size_row)
        form.addRow("&Scopes:", self.scopes)
        form.addRow("Executive &summary:", self.summary)
        from planner.ui.voices.participants import ParticipantsBox

        self.participants = ParticipantsBox(doc)
        form.addRow(self.participants)
        column = QWidget()
        column.setMaximumWidth(960)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(heading)
        inner.addSpacing(8)
        inner.addLayout(form, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(column, 1)
        layout.addStretch(0)
        doc.changed.connect(self._on_changed)
        self.refresh()

    def _line(self, name: str, label: str, hint: str) -> LineField:
        field = LineField(lambda text: self._push(name, text))
        field.setPlaceholderText(hint)
        field.setAccessibleName(label)
        field.setMaxLength(SHORT_TEXT_MAX)
        return field

    def _push(self, name: str, value: Any) -> None:
        if getattr(self.doc.project.engagement, name) != value:
            try:
                self.doc.push(set_engagement_field(self.doc.project, name, value))
            except EditRefused as exc:
                show_refusal(self, str(exc))
                self.refresh()

    def _date_edited(self, date: QDate) -> None:
        self._push("assessment_date", "" if date == _NO_DATE else date.toString("yyyy-MM-dd"))

    def _on_changed(self, change: Change) -> None:
        if change.kind is ChangeKind.ENGAGEMENT:
            self.refresh()

    def refresh(self) -> None:
        """Show the engagement as it is in the project."""
        eng = self.doc.project.engagement
        self.client.show_value(eng.client)
        self.title.show_value(eng.title)
        self.consultant.show_value(eng.consultant)
        self.firm.show_value(eng.firm)
        if scopes_from_text(self.scopes.text()) != eng.scopes:
            self.scopes.show_value(scopes_to_text(eng.scopes))
        self.summary.show_value(eng.summary)
        self.start.first_choice = _month_after(eng.assessment_date)
        if self.start.month() != eng.start_date:
            with QSignalBlocker(self.start):
                self.start.set_month(eng.start_date)
        self.clear_start.setEnabled(eng.start_date is not None)
        found = self.org_size.findData(eng.org_size)
        if self.org_size.currentIndex() != found:
            with QSignalBlocker(self.org_size):
                self.org_size.setCurrentIndex(max(0, found))
        date = QDate.fromString(eng.assessment_date, "yyyy-MM-dd") if eng.assessment_date else _NO_DATE
        if self.date.date() != date:
            with QSignalBlocker(self.date):
                self.date.setDate(date if date.isValid() else _NO_DATE)


def _month_after(assessment_date: str) -> str:
    """The month after the assessment (or after today): where a plan usually starts."""
    try:
        when = dt.date.fromisoformat(assessment_date)
    except ValueError:
        when = dt.date.today()
    return (when.replace(day=1) + dt.timedelta(days=32)).strftime("%Y-%m")
