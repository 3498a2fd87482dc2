"""Dialogs of the roadmap page: review a regeneration, add a custom initiative, say when work was done."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
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
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.model.capmodel import EFFORTS, CapabilityModel
from planner.model.limits import DURATION_RANGE, TITLE_MAX
from planner.model.project import Initiative, Roadmap
from planner.model.roadmap import RegenerationPlan

__all__ = ["AddInitiativeDialog", "DoneDateDialog", "RegenerationDialog"]


class RegenerationDialog(QDialog):
    """Shows what regenerating would add and remove, each with a check box; applies nothing itself.

    Every addition and removal starts ticked (accepted). Unticking an addition leaves it out, and
    its library item is not offered again; unticking a removal keeps the initiative, locked, so it
    is not offered for removal again. :meth:`choices` gives what :func:`apply_choices` takes.
    """

    def __init__(
        self,
        plan: RegenerationPlan,
        model: CapabilityModel,
        parent: QWidget | None = None,
        *,
        stale: bool = False,
        title: str = "Regenerate the roadmap",
        intro: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.plan = plan
        text = intro or (
            "Regenerating drafts the roadmap again from the current scores, targets, organisation size "
            "and scope. Locked, edited and custom initiatives, and any already started, done, deferred "
            "or dropped, are kept. Untick a change to turn it down; nothing changes until you apply "
            "(and Undo takes it all back)."
        )
        self.intro = QLabel(text)
        self.intro.setWordWrap(True)
        columns = QHBoxLayout()
        self.lists: dict[str, QListWidget] = {}
        for key, heading, hint, items in (
            ("added", "To add", "Untick to leave out (not offered again)", plan.added),
            ("removed", "To remove", "Untick to keep (it is then locked)", plan.removed),
            ("kept", "Kept", "Your work and what is still needed", plan.kept),
        ):
            box = QVBoxLayout()
            label = QLabel(f"<b>{heading} ({len(items)})</b><br><small>{hint}</small>")
            box.addWidget(label)
            listing = QListWidget()
            listing.setAccessibleName(heading)
            listing.setWordWrap(key != "kept")  # the changes in full; what is kept on one line each
            listing.setAlternatingRowColors(True)
            listing.setTextElideMode(Qt.TextElideMode.ElideRight)
            for item in items:
                text = _describe(item, model)
                row = QListWidgetItem(text if key != "kept" else text.replace("\n", " · "))
                row.setData(Qt.ItemDataRole.UserRole, item.id)
                row.setToolTip(item.description or item.title)
                if key != "kept":
                    row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    row.setCheckState(Qt.CheckState.Checked)
                listing.addItem(row)
            self.lists[key] = listing
            box.addWidget(listing)
            columns.addLayout(box, 1 if key == "kept" else 2)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if not plan.changes_anything:
            self.intro.setText(
                "Nothing to add or remove: the roadmap already has what the scores and targets call for."
                + (" Apply to record it as up to date." if stale else "")
            )
            self.apply_button.setEnabled(stale)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        self.resize(980, 520)

    def _unticked(self, key: str) -> set[str]:
        listing = self.lists[key]
        return {
            str(listing.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(listing.count())
            if listing.item(row).checkState() != Qt.CheckState.Checked
        }

    def choices(self) -> tuple[set[str], set[str]]:
        """The additions turned down and the removals turned down (ids), as :func:`apply_choices` takes them."""
        return self._unticked("added"), self._unticked("removed")

    def set_ticked(self, key: str, initiative_id: str, ticked: bool) -> None:
        """Tick or untick one change (``key``: ``added`` or ``removed``)."""
        listing = self.lists[key]
        for row in range(listing.count()):
            if listing.item(row).data(Qt.ItemDataRole.UserRole) == initiative_id:
                listing.item(row).setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                return
        raise KeyError(initiative_id)


def _describe(item: Initiative, model: CapabilityModel) -> str:
    cap = model.capability(item.capability).name if item.capability in model.capabilities else item.capability
    level = model.level_name(item.phase) if item.phase in model.level_ids else item.phase.capitalize()
    return f"{item.title}\n{cap} · {level}"


class DoneDateDialog(QDialog):
    """Asks when initiatives were done (today unless changed)."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mark as done")
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setLocale(QLocale(QLocale.Language.English))  # month names as in the reports
        self.date.setDisplayFormat("d MMM yyyy")
        self.date.setAccessibleName("Done on")
        form = QFormLayout()
        what = "this initiative" if count == 1 else f"these {count} initiatives"
        form.addRow(QLabel(f"When was {what} done?"))
        form.addRow("&Done on:", self.date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def done_date(self) -> str:
        """The date chosen, ``YYYY-MM-DD``."""
        return self.date.date().toString("yyyy-MM-dd")


class AddInitiativeDialog(QDialog):
    """Collects a custom initiative's capability, title, maturity, owner, effort and duration."""

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
            ("&Maturity:", self.phase),
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
