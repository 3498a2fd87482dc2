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
    assert [b.text() for b in dialog.open_buttons] == ["Open client.xlsx", "Open client.pdf"]
    assert all(b.isVisibleTo(dialog) for b in dialog.open_buttons) and dialog.open_folder.isVisibleTo(dialog)
    dialog.open_folder.click()
    for button in dialog.open_buttons:
        button.click()
    assert [u.toLocalFile() for u in opened] == [str(out), str(out / "client.xlsx"), str(out / "client.pdf")]
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
    assert dialog.request().steps == 7  # the PDF report: six sections, then writing the file
    dialog.close()


# -- targets that would replace something precious, and existing files ---------------------------
def test_the_open_project_its_backup_and_the_autosave_folder_are_refused(
    dialog: ExportDialog, project_file: Path, dialogs: Any
) -> None:
    from planner.storage.atomic import backup_path

    before = project_file.read_bytes()
    autosaves = dialog.autosave_folder
    assert autosaves is not None
    autosaves.mkdir(parents=True, exist_ok=True)
    cases = [
        (project_file, "the open project file itself"),
        (backup_path(project_file), "the backup of the open project"),
        (autosaves / "x.pdf", "autosave"),
    ]
    for target, reason in cases:
        dialog.paths["xlsx"].setText(str(target))
        assert not dialog.start()
        assert dialog.status.text().startswith(f"Not exported: {target.name}: ") and reason in dialog.status.text()
        assert not dialog.running
    dialog.paths["xlsx"].setText(str(project_file.with_suffix(".out")))
    dialog.paths["pdf"].setText(str(project_file.with_suffix(".out")))
    assert not dialog.start()
    assert "two formats of this export would go to the same file" in dialog.status.text()
    assert project_file.read_bytes() == before
    assert dialogs.seen == []  # refused without a question, and the window stays open
    assert dialog.parent().isVisible() and dialog.doc.path == project_file


@pytest.mark.parametrize("answer", ["No", "Yes"])
def test_replacing_an_existing_file_asks_first(
    qtbot: Any, dialog: ExportDialog, tmp_path: Path, dialogs: Any, answer: str
) -> None:
    from PySide6.QtWidgets import QMessageBox

    earlier = tmp_path / "earlier.pdf"
    earlier.write_bytes(b"%PDF-1.4 earlier export")
    dialog.checks["xlsx"].setChecked(False)
    dialog.paths["pdf"].setText(str(earlier))
    dialogs.answer("question", getattr(QMessageBox.StandardButton, answer))
    if answer == "No":
        assert not dialog.start()
        assert dialog.status.text() == "Not exported: nothing was replaced."
        assert earlier.read_bytes() == b"%PDF-1.4 earlier export"
    else:
        with qtbot.waitSignal(dialog.export_finished, timeout=120_000) as finished:
            assert dialog.start()
        assert finished.args == [True]
        assert earlier.read_bytes() != b"%PDF-1.4 earlier export"
    assert dialogs.texts("question") == ["earlier.pdf already exists in that folder. Replace it with this export?"]
    dialog.close()


def test_an_unexpected_error_logs_its_type_and_place_never_its_message(
    qtbot: Any, dialog: ExportDialog, tmp_path: Path, caplog: Any
) -> None:
    import logging
    from dataclasses import replace

    from planner.logsetup import log_path, setup_logging

    client_text = "Zyxwv Quillfeather Holdings: the CFO mentioned the Jabberwock migration"

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise ValueError(f"cannot lay out the notes of {client_text}")

    dialog.formats = tuple(replace(e, build=broken) if e.id == "pdf" else e for e in dialog.formats)
    setup_logging()
    dialog.checks["xlsx"].setChecked(False)
    dialog.paths["pdf"].setText(str(tmp_path / "new.pdf"))
    with caplog.at_level(logging.INFO, logger="planner"), qtbot.waitSignal(dialog.export_finished, timeout=60_000):
        assert dialog.start()
    assert "The export failed unexpectedly (ValueError); see the log." in dialog.status.text()
    records = [r for r in caplog.records if r.name == "planner.ui.export"]
    assert records and "ValueError" in records[0].getMessage() and "exporting.py:" in records[0].getMessage()
    for record in caplog.records:
        assert "Quillfeather" not in record.getMessage() and record.exc_info is None
    for handler in logging.getLogger("planner").handlers:
        handler.flush()
    assert "Quillfeather" not in log_path().read_text(encoding="utf-8")
    assert not (tmp_path / "new.pdf").exists()
    dialog.close()


# -- draft and internal versions ------------------------------------------------------------------
def test_a_partly_scored_project_is_called_a_draft_before_export(qtbot: Any, dialog: ExportDialog) -> None:
    """The fixture leaves one lens of one capability unscored: the dialog says so first, with the count."""
    from planner.model.edits import score_lens

    card = dialog.doc.scorecard()
    assert dialog.draft.isVisibleTo(dialog)
    assert dialog.draft.text().startswith(f"Draft: {card.coverage.text}. Every page and sheet")
    assert f"{card.scored_count} of {card.applicable_count} capabilities fully scored" in dialog.draft.text()
    dialog.doc.apply(score_lens(dialog.doc.project, "licensing-saas", "automation", 2))  # now fully scored
    assert not dialog.draft.isVisibleTo(dialog)
    dialog.close()


def test_the_internal_version_is_named_apart_and_never_replaces_the_client_one(
    qtbot: Any, dialog: ExportDialog, tmp_path: Path, dialogs: Any
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    client = out / "acme.pdf"
    client.write_bytes(b"%PDF-1.4 the client's version")
    dialog.checks["xlsx"].setChecked(False)
    dialog.paths["pdf"].setText(str(client))
    assert not dialog.internal_note.isVisibleTo(dialog)
    dialog.internal.setChecked(True)
    assert dialog.paths["pdf"].text() == str(out / "acme-internal.pdf")
    assert dialog.internal_note.isVisibleTo(dialog) and "-internal" in dialog.internal_note.text()
    dialog.paths["pdf"].setText(str(client))  # typed back by hand: renamed again before anything is written
    with qtbot.waitSignal(dialog.export_finished, timeout=120_000) as finished:
        assert dialog.start()
    assert finished.args == [True]
    assert dialog.paths["pdf"].text() == str(out / "acme-internal.pdf")
    assert client.read_bytes() == b"%PDF-1.4 the client's version"
    assert (out / "acme-internal.pdf").read_bytes()[:5] == b"%PDF-"
    assert dialogs.seen == []  # nothing existed under the internal name: no question
    assert [b.text() for b in dialog.open_buttons] == ["Open acme-internal.pdf"]
    dialog.internal.setChecked(False)
    assert dialog.paths["pdf"].text() == str(client)
    dialog.close()
