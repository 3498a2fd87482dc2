"""The initiative editor: every field of one initiative, applied as one undoable edit on OK.

Fields: title, description and its "Done when" (kept as one text in the file, edited as two:
library descriptions end with "Done when ..."), owner (the model's personas or any text), effort,
duration, maturity, capability, dependencies (among the roadmap's initiatives), status (with the
date it was done) and a pinned start month, shown as calendar months. OK hands only what changed
to the page; a refused change (a dependency loop, say) is shown in the dialog, which stays open
with everything typed, and the roadmap is untouched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.model.capmodel import EFFORTS
from planner.model.limits import DURATION_RANGE, TITLE_MAX
from planner.model.project import INITIATIVE_STATUSES, Initiative, Project
from planner.model.roadmap.progress import by_capability_phase
from planner.report.formatting import status_text
from planner.ui.fields import TextField
from planner.ui.months import PlanMonthBox
from planner.ui.roadmap.plan import plan_view

__all__ = ["InitiativeDialog", "join_done_when", "split_done_when"]

_DONE_WHEN = re.compile(r"(?:^|(?<=\s))Done when\b[:,]?\s*")


def split_done_when(description: str) -> tuple[str, str]:
    """Return (what, done when) of a description ending "... Done when the register covers 95%."."""
    found = list(_DONE_WHEN.finditer(description))
    if not found:
        return description.strip(), ""
    last = found[-1]
    return description[: last.start()].strip(), description[last.end() :].strip()


def join_done_when(what: str, done_when: str) -> str:
    """Return the description the file keeps for ``what`` and ``done when`` (see :func:`split_done_when`)."""
    what, done_when = what.strip(), done_when.strip()
    if not done_when:
        return what
    return f"{what} Done when {done_when}" if what else f"Done when {done_when}"


class InitiativeDialog(QDialog):
    """Edit one initiative; ``submit(changes)`` applies them and returns ``None`` or why it refused."""

    def __init__(
        self,
        project: Project,
        initiative_id: str,
        submit: Callable[[dict[str, Any]], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.submit = submit
        self.item: Initiative = project.roadmap.initiative(initiative_id)
        item = self.item
        view = plan_view(project)
        self.setWindowTitle(f"Initiative: {item.title}")
        self.title = QLineEdit(item.title)
        self.title.setMaxLength(TITLE_MAX)
        self._what, self._done_when = split_done_when(item.description)
        self.description = _text_box(self._what, "What the client does, concretely")
        self.done_when = _text_box(self._done_when, "How everyone knows it is finished, e.g. 95% of spend is tagged")
        line = self.fontMetrics().lineSpacing()
        self.done_when.setMaximumHeight(line * 4 + 12)
        self.capability = QComboBox()
        for cap in project.model.iter_capabilities():
            self.capability.addItem(cap.name, cap.id)
        if self.capability.findData(item.capability) < 0:
            self.capability.addItem(item.capability, item.capability)
        self.capability.setCurrentIndex(self.capability.findData(item.capability))
        self.phase = QComboBox()
        for phase in project.roadmap.phases:
            self.phase.addItem(phase.name, phase.id)
        self.phase.setCurrentIndex(max(0, self.phase.findData(item.phase)))
        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.owner.addItems([p.name for p in project.model.personas])
        self.owner.setCurrentText(item.owner)
        self.effort = QComboBox()
        self.effort.addItems(list(EFFORTS))
        self.effort.setCurrentText(item.effort)
        self.duration = QSpinBox()
        self.duration.setRange(*DURATION_RANGE)
        self.duration.setSuffix(" months")
        self.duration.setValue(item.duration_months)
        self.status = QComboBox()
        for status in INITIATIVE_STATUSES:
            self.status.addItem(status_text(status), status)
        self.status.setCurrentIndex(max(0, self.status.findData(item.status)))
        self.done_on = QDateEdit()
        self.done_on.setCalendarPopup(True)
        self.done_on.setLocale(QLocale(QLocale.Language.English))  # month names as in the reports
        self.done_on.setDisplayFormat("d MMM yyyy")
        done = QDate.fromString(item.done_date or "", "yyyy-MM-dd")
        self.done_on.setDate(done if done.isValid() else QDate.currentDate())
        self.status.currentIndexChanged.connect(self._status_changed)
        self.pinned = QCheckBox("Pin the start to")
        self.pinned.setToolTip("A fixed start (a renewal, a budget cycle): the schedule keeps it there")
        self.pin_month = PlanMonthBox(view.start_date)
        self.pin_month.setAccessibleName("Pinned start month")
        self.pin_month.setValue(item.pinned_start if item.pinned_start is not None else item.start_month)
        self.pinned.setChecked(item.pinned_start is not None)
        self.pinned.toggled.connect(self.pin_month.setEnabled)
        self.pin_month.setEnabled(self.pinned.isChecked())
        pin_row = QHBoxLayout()
        pin_row.addWidget(self.pinned)
        pin_row.addWidget(self.pin_month, 1)
        self.deps: list[str] = list(item.depends_on)
        self.dep_list = QListWidget()
        self.dep_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 7 + 12)
        self.dep_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.dep_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.dep_list.setAccessibleName("Depends on")
        self.dep_choice = QComboBox()
        self.dep_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.dep_choice.setMinimumContentsLength(30)
        self.dep_choice.setAccessibleName("Initiative to depend on")
        self.add_dep = QPushButton("Add dependency")
        self.add_dep.clicked.connect(self._add_dependency)
        self.remove_dep = QPushButton("Remove")
        self.remove_dep.clicked.connect(self._remove_dependency)
        add_row = QHBoxLayout()
        add_row.addWidget(self.dep_choice, 1)
        add_row.addWidget(self.add_dep)
        add_row.addWidget(self.remove_dep)
        self._titles = {
            other.id: f"{view.span(other.start_month, other.end_month)} · {other.title}"
            for other in project.roadmap.initiatives
        }
        self._show_dependencies()
        origin = (
            f"From the library: helps {view.capability(item)} reach {view.phase(item)}."
            if item.origin == "generated"
            else "A custom initiative."
        )
        horizon = view.horizon_name(view.horizon(item))
        progress = by_capability_phase(project.roadmap)[(item.capability, item.phase)]
        self.progress = progress.sentence(view.capability(item), view.phase(item))
        info = QLabel(f"{origin} Scheduled {view.span(item.start_month, item.end_month)} ({horizon}). {self.progress}.")
        info.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        left, right = QFormLayout(), QFormLayout()
        for form, label, field in (
            (left, "&Title:", self.title),
            (left, "&Description:", self.description),
            (left, "Done &when:", self.done_when),
            (left, "Depends &on:", self.dep_list),
            (right, "&Capability:", self.capability),
            (right, "&Maturity:", self.phase),
            (right, "Own&er:", self.owner),
            (right, "E&ffort:", self.effort),
            (right, "D&uration:", self.duration),
            (right, "&Status:", self.status),
            (right, "Done o&n:", self.done_on),
        ):
            form.addRow(label, field)
            field.setAccessibleName(label.replace("&", "").rstrip(":"))
            if field is self.dep_list:
                left.addRow("", add_row)
        right.addRow("", pin_row)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addSpacing(12)
        columns.addLayout(right, 2)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        self.title.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._status_changed()
        self.resize(940, 560)

    # -- dependencies --------------------------------------------------------------------------
    def _show_dependencies(self) -> None:
        self.dep_list.clear()
        for dep in self.deps:
            row = QListWidgetItem(self._titles.get(dep, dep))
            row.setData(Qt.ItemDataRole.UserRole, dep)
            self.dep_list.addItem(row)
        self.dep_choice.clear()
        for other in self.project.roadmap.initiatives:
            if other.id != self.item.id and other.id not in self.deps:
                self.dep_choice.addItem(self._titles[other.id], other.id)
        self.add_dep.setEnabled(self.dep_choice.count() > 0)
        self.remove_dep.setEnabled(bool(self.deps))

    def add_dependency(self, initiative_id: str) -> None:
        """Make the initiative depend on another one too (applied on OK)."""
        if initiative_id not in self.deps and initiative_id != self.item.id:
            self.deps.append(initiative_id)
            self._show_dependencies()

    def remove_dependency(self, initiative_id: str) -> None:
        """Drop a dependency (applied on OK)."""
        if initiative_id in self.deps:
            self.deps.remove(initiative_id)
            self._show_dependencies()

    def _add_dependency(self) -> None:
        chosen = self.dep_choice.currentData()
        if chosen is not None:
            self.add_dependency(str(chosen))

    def _remove_dependency(self) -> None:
        row = self.dep_list.currentRow()
        if 0 <= row < len(self.deps):
            self.remove_dependency(self.deps[row])

    # -- status and OK -------------------------------------------------------------------------
    def _status_changed(self) -> None:
        self.done_on.setEnabled(self.status.currentData() == "done")

    def changes(self) -> dict[str, Any]:
        """The fields that differ from the initiative, as :func:`edit_initiative` takes them."""
        item = self.item
        status = str(self.status.currentData())
        wanted: dict[str, Any] = {
            "title": self.title.text().strip(),
            "capability": self.capability.currentData(),
            "phase": self.phase.currentData(),
            "owner": self.owner.currentText().strip(),
            "effort": self.effort.currentText(),
            "duration_months": self.duration.value(),
            "status": status,
            "done_date": self.done_on.date().toString("yyyy-MM-dd") if status == "done" else None,
            "pinned_start": self.pin_month.value() if self.pinned.isChecked() else None,
            "depends_on": list(self.deps),
        }
        what, done_when = self.description.text(), self.done_when.text()
        if (what.strip(), done_when.strip()) != (self._what, self._done_when):
            wanted["description"] = join_done_when(what, done_when)
        return {name: value for name, value in wanted.items() if getattr(item, name) != value}

    def try_accept(self) -> bool:
        """Apply the changes; close if they were accepted, else show why and stay open."""
        changes = self.changes()
        message = self.submit(changes) if changes else None
        if message is not None:
            self.error.setText(message)
            self.error.show()
            return False
        self.accept()
        return True


def _text_box(text: str, hint: str) -> TextField:
    box = TextField(lambda _text: None)  # read on OK; the field refuses a paste the file could not hold
    box.show_value(text)
    box.setPlaceholderText(hint)
    return box
