"""The export dialog: both formats in the background, then open; errors plain, nothing lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from planner.ui.exportdialog import ExportDialog
from planner.ui.mainwindow import MainWindow


@pytest.fixture
def dialog(window: MainWindow, project_file: Path) -> ExportDialog:
    assert window.files.open_path(project_file)
    found = window.export_report()
    assert isinstance(found, ExportDialog)
    return found


def test_exports_both_formats_off_the_ui_thread_and_offers_to_open(
    qtbot: Any, dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert dialog.paths["xlsx"].text().endswith("northwind.xlsx")
    assert dialog.paths["pdf"].text().endswith("northwind.pdf")
    assert not dialog.internal.isChecked()
    out = tmp_path / "out"
    out.mkdir()
    dialog.paths["xlsx"].setText(str(out / "client.xlsx"))
    dialog.paths["pdf"].setText(str(out / "client.pdf"))
    with qtbot.waitSignal(dialog.export_finished, timeout=120_000) as finished:
        assert dialog.start()
        assert dialog.running
        assert not dialog.export_button.isEnabled()
    assert finished.args == [True]
    assert (out / "client.xlsx").read_bytes()[:2] == b"PK"
    assert (out / "client.pdf").read_bytes()[:5] == b"%PDF-"
    assert dialog.status.text().startswith("Saved client.xlsx and client.pdf")
    assert dialog.settings.last_export_folder == out
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    dialog.open_folder.click()
    dialog.open_file.click()
    assert [u.toLocalFile() for u in opened] == [str(out), str(out / "client.pdf")]
    dialog.close()


def test_a_failed_export_says_why_and_keeps_the_earlier_file(qtbot: Any, dialog: ExportDialog, tmp_path: Path) -> None:
    earlier = tmp_path / "earlier.pdf"
    earlier.write_bytes(b"%PDF-1.4 earlier export")
    dialog.checks["pdf"].setChecked(False)
    dialog.paths["xlsx"].setText(str(tmp_path / "no-such-folder" / "x.xlsx"))
    with qtbot.waitSignal(dialog.export_finished, timeout=60_000) as finished:
        dialog.start()
    assert finished.args == [False]
    assert "x.xlsx: the workbook could not be written: the folder does not exist" in dialog.status.text()
    assert earlier.read_bytes() == b"%PDF-1.4 earlier export"
    assert not dialog.running
    assert dialog.export_button.isEnabled()
    assert dialog.doc.modified is False
    dialog.close()


def test_nothing_to_do_without_a_format(qtbot: Any, dialog: ExportDialog) -> None:
    dialog.checks["xlsx"].setChecked(False)
    dialog.checks["pdf"].setChecked(False)
    assert not dialog.export_button.isEnabled()
    assert not dialog.start()
    dialog.internal.setChecked(True)
    dialog.checks["pdf"].setChecked(True)
    assert dialog.request().include_internal
    assert dialog.request().path_for("xlsx") is None
    assert dialog.request().steps == 6  # the PDF report: five sections, then writing the file
    dialog.close()
