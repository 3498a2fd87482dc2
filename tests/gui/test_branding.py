"""The firm profile in the preferences and the report options in the export dialog, driven like a user."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from planner.model.branding import FirmProfile
from planner.storage.projectfile import load_project
from planner.ui.exportdialog import ExportDialog
from planner.ui.mainwindow import MainWindow
from planner.ui.preferences import PreferencesDialog
from planner.ui.settings import Settings

SVG = b"""<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80" viewBox="0 0 200 80">
<rect width="200" height="80" fill="#0B6E4F"/><circle cx="40" cy="40" r="30" fill="#FFFFFF"/></svg>"""


def _png(path: Path, size: tuple[int, int] = (120, 40)) -> Path:
    Image.new("RGB", size, "#8E1B3A").save(path, "PNG")
    return path


def test_preferences_dialog_stores_a_checked_profile(qtbot: Any, tmp_path: Path, settings: Settings) -> None:
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    page = dialog.firm
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(page.name, "Northwind Advisory")
    qtbot.keyClicks(page.contact, "hello@northwind.example")
    page.disclaimer.setPlainText("Not an audit.")
    qtbot.keyClicks(page.primary, "#FFE066")  # too light for headings
    assert not ok.isEnabled() and "too light" in page.message.text() and "3:1" in page.message.text()
    page.primary.clear()
    qtbot.keyClicks(page.primary, "#8e1b3a")
    assert ok.isEnabled() and page.message.text() == ""
    text = tmp_path / "notes.png"
    text.write_text("this is not a picture", encoding="utf-8")
    assert not page.load_logo(text)
    assert page.message.text() == "Logo notes.png: not a PNG, JPEG or SVG image."
    broken = tmp_path / "cut.png"
    broken.write_bytes(_png(tmp_path / "whole.png").read_bytes()[:70])
    assert not page.load_logo(broken) and page.message.text().startswith("Logo cut.png: the image is broken")
    huge = _png(tmp_path / "huge.png", (4200, 20))
    assert not page.load_logo(huge) and "Logo huge.png: 4200 x 20 pixels is too large" in page.message.text()
    assert page.logo == b""
    svg = tmp_path / "logo.svg"
    svg.write_bytes(SVG)
    assert page.load_logo(svg)
    assert page.logo.startswith(b"\x89PNG") and not page.preview.pixmap().isNull()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    stored = Settings(Path(settings.file_name)).firm_profile
    assert stored.name == "Northwind Advisory" and stored.primary == "#8E1B3A" and stored.disclaimer == "Not an audit."
    assert Image.open(io.BytesIO(stored.logo)).size == (1500, 600)  # the SVG rendered 600 px high, proportions kept


def test_export_dialog_brands_the_report_and_remembers_the_sections(
    qtbot: Any, window: MainWindow, project_file: Path, tmp_path: Path
) -> None:
    logo = io.BytesIO()
    Image.new("RGB", (90, 30), "#0B6E4F").save(logo, "PNG")
    window.settings.firm_profile = FirmProfile("Northwind Advisory", logo.getvalue(), "#8E1B3A", "", "hi@nw.example")
    assert window.files.open_path(project_file)
    dialog = window.export_report()
    assert isinstance(dialog, ExportDialog)
    options = dialog.options
    assert "From the preferences: Northwind Advisory" in options.firm_label.text()
    options.sections["charts"].setChecked(False)
    options.sections["method"].setChecked(False)
    qtbot.keyClicks(options.cover_title, "Cloud cost review")
    dialog.checks["xlsx"].setChecked(False)
    out = tmp_path / "client.pdf"
    dialog.paths["pdf"].setText(str(out))
    with qtbot.waitSignal(dialog.export_finished, timeout=120_000) as finished:
        assert dialog.start()
    assert finished.args == [True]
    reader = PdfReader(out)
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Cloud cost review" in text and "Northwind Advisory" in text and "hi@nw.example" in text
    assert "Appendix: method" not in text and "Maturity at a glance" not in text
    assert len(reader.pages[0].images) == 1
    dialog.close()
    assert window.doc is not None and window.doc.modified
    window.doc.stack.undo()
    assert window.doc.project.report.cover_title == ""
    window.doc.stack.redo()
    assert window.files.save()
    again = load_project(project_file)
    assert again.report.cover_title == "Cloud cost review"
    assert "charts" not in again.report.sections and "method" not in again.report.sections


@pytest.mark.parametrize("colour", ["#FFFF00", "#EEEEEE"])
def test_a_light_colour_never_reaches_the_preferences(qtbot: Any, settings: Settings, colour: str) -> None:
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.firm.accent.setText(colour)
    dialog.accept()
    assert dialog.result() == 0 and settings.firm_profile.accent == ""
