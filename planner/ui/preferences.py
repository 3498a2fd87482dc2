"""The preferences dialog; its page "Firm profile" edits the look of every deliverable.

The firm profile (:class:`~planner.model.branding.FirmProfile`) is the consultant's, not a
project's, so it lives in the preferences (:class:`~planner.ui.settings.Settings`); a project
may carry its own (the export dialog's report options). Choosing a logo reads and checks it at
once (:func:`~planner.ui.logoimport.read_logo`: SVG is rendered to PNG), and a refused logo or
colour is said in one line under the fields; OK stays disabled while a colour is refused, so a
report never goes out with a heading colour that does not read. Warnings (a colour that looks
like a maturity level's) are shown but do not block.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.model.branding import FirmProfile, LogoError, colour_problems, colour_warnings
from planner.ui.logoimport import read_logo
from planner.ui.settings import Settings

__all__ = ["FirmProfilePage", "PreferencesDialog"]


class FirmProfilePage(QWidget):
    """Edit a firm profile: name, logo, primary and accent colours, contact line, disclaimer."""

    def __init__(self, profile: FirmProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.logo = profile.logo
        self.name = QLineEdit(profile.name)
        self.name.setMaxLength(200)
        self.contact = QLineEdit(profile.contact)
        self.contact.setMaxLength(300)
        self.contact.setPlaceholderText("e.g. Firm LLP | hello@firm.example | +44 20 0000 0000")
        self.disclaimer = QPlainTextEdit(profile.disclaimer)
        self.disclaimer.setMaximumHeight(90)
        self.primary = QLineEdit(profile.primary)
        self.accent = QLineEdit(profile.accent)
        for line in (self.primary, self.accent):
            line.setPlaceholderText("#RRGGBB (empty: the product's navy)")
            line.setMaxLength(7)
            line.textChanged.connect(self._check)
        self.preview = QLabel()
        self.preview.setFixedHeight(64)
        self.preview.setMinimumWidth(160)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose = QPushButton("Choose &logo…")
        self.choose.clicked.connect(self._browse)
        self.remove = QPushButton("&Remove logo")
        self.remove.clicked.connect(self.clear_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.preview)
        logo_row.addWidget(self.choose)
        logo_row.addWidget(self.remove)
        logo_row.addStretch(1)
        form = QFormLayout()
        form.addRow("Firm &name", self.name)
        form.addRow("Logo (PNG, JPEG or SVG)", logo_row)
        form.addRow("Primary colour", self._colour_row(self.primary))
        form.addRow("Accent colour", self._colour_row(self.accent))
        form.addRow("&Contact line", self.contact)
        form.addRow("&Disclaimer", self.disclaimer)
        self.message = QLabel()
        self.message.setObjectName("firmMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._show_logo()
        self._check()

    def _colour_row(self, line: QLineEdit) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(line)
        pick = QPushButton("Pick…")
        pick.clicked.connect(lambda: self._pick(line))
        row.addWidget(pick)
        return row

    def _pick(self, line: QLineEdit) -> None:
        chosen = QColorDialog.getColor(QColor(line.text() or "#1F3A5F"), self, "Choose a colour")
        if chosen.isValid():
            line.setText(chosen.name().upper())

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose the firm's logo", "", "Images (*.png *.jpg *.jpeg *.svg)")
        if path:
            self.load_logo(Path(path))

    def load_logo(self, path: Path) -> bool:
        """Read and check the logo at ``path``; on failure keep the current one and say why."""
        try:
            self.logo = read_logo(path)
        except LogoError as exc:
            self.message.setText(str(exc))
            self.message.setStyleSheet("color: #8F1D14;")
            return False
        self._show_logo()
        self._check()
        return True

    def clear_logo(self) -> None:
        """Drop the logo."""
        self.logo = b""
        self._show_logo()

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self.logo and pixmap.loadFromData(self.logo):
            self.preview.setPixmap(pixmap.scaled(160, 60, Qt.AspectRatioMode.KeepAspectRatio))
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText("(no logo)")
        self.remove.setEnabled(bool(self.logo))

    def profile(self) -> FirmProfile:
        """The profile as edited."""
        return FirmProfile(
            self.name.text().strip(),
            self.logo,
            self.primary.text().strip().upper(),
            self.accent.text().strip().upper(),
            self.contact.text().strip(),
            self.disclaimer.toPlainText().strip(),
        )

    def problems(self) -> list[str]:
        """Why the profile cannot be used as it is (empty: it can)."""
        return colour_problems(self.profile())

    def _check(self) -> None:
        problems = self.problems()
        lines = problems or colour_warnings(self.profile())
        self.message.setText("\n".join(lines))
        self.message.setStyleSheet("color: #8F1D14;" if problems else "color: #7A4B00;")
        parent = self.window()
        if isinstance(parent, PreferencesDialog):
            parent.refresh_ok()


class PreferencesDialog(QDialog):
    """The app's preferences; OK stores them in :class:`Settings`."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.settings = settings
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.firm = FirmProfilePage(settings.firm_profile)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.firm, "&Firm profile")
        intro = QLabel(
            "Your firm's name, logo and colours go on the cover, the page headers and footers of every PDF "
            "report and on the workbook's Summary. A project can use its own profile instead (Export)."
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.resize(620, 520)
        self.refresh_ok()

    def refresh_ok(self) -> None:
        """Enable OK only while every colour is usable."""
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not self.firm.problems())

    def accept(self) -> None:
        """Store the profile and close."""
        if self.firm.problems():
            return
        self.settings.firm_profile = self.firm.profile()
        self.settings.sync()
        super().accept()
