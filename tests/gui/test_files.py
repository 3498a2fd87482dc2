"""Files: new, open, save, save as, revert, recent files, drop, and the unsaved-changes question."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from planner.model.edits import score_lens, set_engagement_field
from planner.storage.projectdoc import project_to_document
from planner.storage.projectfile import load_project
from planner.ui.mainwindow import MainWindow
from tests.gui.conftest import Dialogs

_Button = QMessageBox.StandardButton


def _edit(window: MainWindow) -> None:
    doc = window.doc
    assert doc is not None
    doc.push(score_lens(doc.project, "allocation", "process", 4))


def test_new_save_as_reopen_gives_the_same_project(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    dialogs.answer("item", ("FinOps Framework 2026 (finops-2026)", True))
    window.files.new()
    assert dialogs.seen[-1][0] == "item"
    assert window.current_page() == "engagement"
    doc = window.doc
    assert doc is not None
    assert window.windowTitle().startswith("Untitled[*]")
    page = window.pages["engagement"]
    page.client.setFocus()
    qtbot.keyClicks(page.client, "Northwind")
    _edit(window)
    assert window.isWindowModified()
    target = tmp_path / "northwind"  # no suffix: the app adds it
    dialogs.answer("save", target)
    assert window.files.save()
    saved = tmp_path / "northwind.roadmap"
    assert saved.is_file()
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("northwind.roadmap[*]")
    assert window.settings.recent_files == [saved.resolve()]
    before = project_to_document(doc.project)
    reopened = load_project(saved)
    assert project_to_document(reopened) == before
    assert reopened.engagement.client == "Northwind"
    # open it again in a fresh window: same project
    window.set_document(None)
    assert window.files.open_path(saved)
    assert window.doc is not None
    assert project_to_document(window.doc.project) == before
    assert window.current_page() == "assessment"


@pytest.mark.parametrize(
    ("answer", "closes", "saved"),
    [(_Button.Cancel, False, False), (_Button.Discard, True, False), (_Button.Save, True, True)],
)
def test_close_with_unsaved_changes_asks(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, project_file: Path, answer: Any, closes: bool, saved: bool
) -> None:
    assert window.files.open_path(project_file)
    _edit(window)
    dialogs.answer("question", answer)
    assert window.close() is closes
    assert dialogs.texts("question") == ["northwind.roadmap has unsaved changes. Save them first?"]
    assert window.isVisible() is not closes
    on_disk = load_project(project_file)
    assert (on_disk.assessment.capabilities["allocation"].lenses["process"] == 4) is saved


def test_a_failed_save_keeps_the_window_open_and_the_changes(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, project_file: Path, tmp_path: Path
) -> None:
    assert window.files.open_path(project_file)
    _edit(window)
    dialogs.answer("question", _Button.Save)
    dialogs.answer("save", tmp_path / "missing-folder" / "x.roadmap")
    window.files.save_as()
    assert "x.roadmap: could not save: the folder does not exist" in dialogs.texts("warning")[0]
    # now the close: Save fails because the file became read-only
    os.chmod(project_file, 0o444)
    try:
        if os.access(project_file, os.W_OK):
            pytest.skip("running as a user that ignores file permissions")
        assert window.close() is False
    finally:
        os.chmod(project_file, 0o644)
    assert window.isVisible()
    assert window.isWindowModified()
    assert "read-only" in dialogs.texts("warning")[1]
    assert window.doc is not None and window.doc.modified


def test_failed_save_on_close_when_root(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, project_file: Path, tmp_path: Path
) -> None:
    assert window.files.open_path(project_file)
    doc = window.doc
    assert doc is not None
    _edit(window)
    doc.session.path = tmp_path / "gone" / "northwind.roadmap"  # its folder was removed meanwhile
    dialogs.answer("question", _Button.Save, _Button.Save)  # save changes? / it is gone: save anyway?
    assert window.close() is False
    assert "deleted, moved or renamed" in dialogs.texts("question")[1]
    assert window.isVisible()
    assert doc.modified
    assert "the folder does not exist" in dialogs.texts("warning")[0]


def test_open_a_bad_file_keeps_the_current_project(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, project_file: Path, tmp_path: Path
) -> None:
    assert window.files.open_path(project_file)
    current = window.doc
    bad = tmp_path / "bad.roadmap"
    bad.write_text("{ not json", encoding="utf-8")
    assert not window.files.open_path(bad)
    assert window.doc is current
    assert dialogs.texts("warning")[0].startswith("bad.roadmap: ")


def test_revert_and_recent_files_pruned(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, project_file: Path, tmp_path: Path
) -> None:
    assert window.files.open_path(project_file)
    doc = window.doc
    assert doc is not None
    doc.push(set_engagement_field(doc.project, "client", "Changed"))
    dialogs.answer("question", _Button.Discard)
    assert window.files.revert()
    assert window.doc is not None and window.doc.project.engagement.client == "Northwind Retail"
    assert not window.isWindowModified()
    other = tmp_path / "other.roadmap"
    other.write_bytes(project_file.read_bytes())
    window.settings.add_recent(other)
    assert window.settings.recent_files[0] == other.resolve()
    other.unlink()
    assert window.settings.recent_files == [project_file.resolve()]


def test_dropping_a_project_file_opens_it(qtbot: Any, window: MainWindow, project_file: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(project_file))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)
    assert window.doc is not None
    assert window.doc.path == project_file.resolve()


def test_a_project_open_in_another_window_opens_as_a_copy(
    qtbot: Any, make_window: Any, dialogs: Dialogs, project_file: Path
) -> None:
    first = make_window()
    assert first.files.open_path(project_file)
    second = make_window()
    dialogs.answer("question", _Button.Cancel, _Button.Open)
    assert not second.files.open_path(project_file)
    assert second.doc is None
    assert "already open" in dialogs.texts("question")[0]
    assert second.files.open_path(project_file)
    assert second.doc is not None and second.doc.path is None
    assert second.windowTitle().startswith("Copy of northwind.roadmap[*]")
    first.close()
    from planner.storage.lock import lock_path

    assert not lock_path(project_file).exists()  # released on close


def test_saving_over_a_file_changed_on_disk_asks_first(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, project_file: Path
) -> None:
    assert window.files.open_path(project_file)
    _edit(window)
    other = load_project(project_file)
    other.engagement.client = "Changed elsewhere"
    from planner.storage.projectfile import save_project

    save_project(other, project_file, keep_backup=False)
    dialogs.answer("question", _Button.Cancel)
    assert not window.files.save()
    assert "changed on disk since it was opened" in dialogs.texts("question")[0]
    assert load_project(project_file).engagement.client == "Changed elsewhere"
    assert window.isWindowModified()
    dialogs.answer("question", _Button.Save)
    assert window.files.save()
    assert load_project(project_file).engagement.client == "Northwind Retail"
    assert (project_file.parent / "northwind.roadmap.bak").is_file()


def test_the_recent_files_menu_names_each_file_with_its_folder(
    qtbot: Any, window: MainWindow, project_file: Path, tmp_path: Path
) -> None:
    """Two clients' engagements saved as "assessment.roadmap" must be told apart in the menu."""
    from planner.ui.menus import FOLDER_CHARS, recent_label

    for client in ("acme", "globex & sons"):
        folder = tmp_path / client
        folder.mkdir()
        copy = folder / "assessment.roadmap"
        copy.write_bytes(project_file.read_bytes())
        window.settings.add_recent(copy)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    recent = next(a.menu() for a in menu.actions() if a.text() == "Open &recent")
    recent.aboutToShow.emit()
    texts = [a.text() for a in recent.actions() if a.text().startswith("&")]
    assert texts[0].startswith("&1  assessment.roadmap    (") and texts[0].endswith("globex && sons)")
    assert texts[1].startswith("&2  assessment.roadmap    (") and texts[1].endswith("acme)")
    long = Path.home() / ("x" * 80) / "client.roadmap"
    label = recent_label(12, long)
    assert label.startswith("    client.roadmap    (…") and len(label.split("(")[1]) == FOLDER_CHARS + 1
    assert recent_label(3, Path.home() / "work" / "a.roadmap").endswith("(~" + os.sep + "work)")
