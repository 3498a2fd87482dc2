"""The export dialog's report options: sections, cover title, confidentiality line, the project's own firm profile.

The box starts from the project's remembered options (:attr:`Project.report`). When the consultant
exports with options that differ, the dialog stores them in the project as one undo step
(:func:`~planner.model.reportedits.set_report_settings`), so the next export, in the app or with
``planner export``, makes the same report. The project's own firm profile, when set, is used
instead of the preferences' one, for this project only.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.model.branding import FirmProfile
from planner.model.reportsettings import REPORT_SECTIONS, SECTION_NAMES, TEXT_LIMIT, ReportSettings
from planner.ui.preferences import FirmProfilePage

__all__ = ["ReportOptionsBox"]


class ReportOptionsBox(QGroupBox):
    """Choose what the report contains; :meth:`settings` returns the choice."""

    def __init__(self, current: ReportSettings, preferences: FirmProfile, parent: QWidget | None = None) -> None:
        super().__init__("Report options (remembered in the project)", parent)
        self.extra = dict(current.extra)
        self.preferences = preferences
        self.firm = current.firm
        self.sections: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for index, section in enumerate(REPORT_SECTIONS):
            box = self.sections[section] = QCheckBox(SECTION_NAMES[section])
            box.setChecked(current.includes(section))
            grid.addWidget(box, index // 4, index % 4)
        self.cover_title = QLineEdit(current.cover_title)
        self.cover_title.setMaxLength(TEXT_LIMIT)
        self.cover_title.setPlaceholderText("the engagement title")
        self.confidentiality = QLineEdit(current.confidentiality)
        self.confidentiality.setMaxLength(TEXT_LIMIT)
        self.confidentiality.setPlaceholderText("Confidential: prepared for <client>")
        self.firm_label = QLabel()
        self.edit_firm = QPushButton("Project's own &profile…")
        self.edit_firm.clicked.connect(self._edit_firm)
        self.drop_firm = QPushButton("Use the &preferences' profile")
        self.drop_firm.clicked.connect(self._drop_firm)
        firm_row = QHBoxLayout()
        firm_row.addWidget(self.firm_label, 1)
        firm_row.addWidget(self.edit_firm)
        firm_row.addWidget(self.drop_firm)
        form = QFormLayout()
        form.addRow("Cover &title", self.cover_title)
        form.addRow("&Confidentiality line", self.confidentiality)
        form.addRow("Firm profile", firm_row)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(form)
        self._show_firm()

    def settings(self) -> ReportSettings:
        """The options as chosen."""
        chosen = tuple(s for s in REPORT_SECTIONS if self.sections[s].isChecked())
        return ReportSettings(
            chosen, self.cover_title.text().strip(), self.confidentiality.text().strip(), self.firm, self.extra
        )

    def _show_firm(self) -> None:
        if self.firm is not None:
            self.firm_label.setText(f"This project's own: {self.firm.name or '(no name)'}")
        elif not self.preferences.empty:
            self.firm_label.setText(f"From the preferences: {self.preferences.name or '(no name)'}")
        else:
            self.firm_label.setText("None (the product's look)")
        self.drop_firm.setEnabled(self.firm is not None)

    def _drop_firm(self) -> None:
        self.firm = None
        self._show_firm()

    def _edit_firm(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle("This project's firm profile")
        page = FirmProfilePage(self.firm or self.preferences, dialog)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(page)
        layout.addWidget(buttons)
        if dialog.exec() == QDialog.DialogCode.Accepted and not page.problems():
            self.firm = page.profile()
            self._show_firm()
