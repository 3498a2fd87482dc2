"""Autosave (only when modified, never over the user's file) and recovery after a crash."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from planner.model.edits import score_lens, set_engagement_field
from planner.storage.autosave import find_recoverable
from planner.storage.projectfile import load_project
from planner.ui.app import offer_recovery
from planner.ui.mainwindow import MainWindow
from tests.gui.conftest import Dialogs

_Button = QMessageBox.StandardButton


def _crash(window: MainWindow) -> Path:
    """Leave the autosave as a session that died would: written by a process that no longer runs."""
    saver = window.autosaver
    dead = saver.folder / "4206042-deadbeef.roadmap"
    dead.write_bytes(saver.path.read_bytes())
    meta = json.loads(saver.slot.meta_path.read_text(encoding="utf-8"))
    meta["pid"] = 4206042  # above the kernel's pid limit: no such process
    dead.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")
    return dead


def test_autosave_only_when_modified_and_never_over_the_users_file(
    qtbot: Any, window: MainWindow, project_file: Path
) -> None:
    original = project_file.read_bytes()
    assert window.files.open_path(project_file)
    saver = window.autosaver
    assert not saver.save_now()  # nothing changed
    doc = window.doc
    assert doc is not None
    doc.push(score_lens(doc.project, "allocation", "process", 4))
    with qtbot.waitSignal(saver.timer.timeout, timeout=5000):
        saver.timer.setInterval(10)  # the real timer, shortened
    saver.timer.setInterval(60_000)
    assert saver.path.is_file()
    assert saver.path.parent == window.autosaver.folder
    assert load_project(saver.path).assessment.capabilities["allocation"].lenses["process"] == 4
    assert project_file.read_bytes() == original
    assert not saver.save_now()  # unchanged since the last autosave
    # a clean save removes it
    assert window.files.save()
    assert not saver.path.exists()
    assert not saver.slot.meta_path.exists()


def test_undo_back_to_saved_removes_the_autosave(qtbot: Any, window: MainWindow, project_file: Path) -> None:
    assert window.files.open_path(project_file)
    doc = window.doc
    assert doc is not None
    doc.push(set_engagement_field(doc.project, "client", "Other"))
    assert window.autosaver.save_now()
    doc.stack.undo()
    assert not window.autosaver.path.exists()


def test_recovery_after_a_crash_offers_the_autosave_with_its_time(
    qtbot: Any, make_window: Any, dialogs: Dialogs, project_file: Path
) -> None:
    first = make_window()
    assert first.files.open_path(project_file)
    doc = first.doc
    assert doc is not None
    doc.push(set_engagement_field(doc.project, "client", "Recovered Client"))
    assert first.autosaver.save_now()
    autosave = _crash(first)
    first.set_document(None)  # the crashed session's lock is gone with it
    # next start
    second = make_window()
    [found] = find_recoverable(second.autosaver.folder)
    dialogs.answer("question", _Button.Yes)
    assert offer_recovery(second)
    question = dialogs.texts("question")[0]
    assert "northwind.roadmap" in question
    assert found.saved_at.strftime("%Y-%m-%d %H:%M") in question
    recovered = second.doc
    assert recovered is not None
    assert recovered.project.engagement.client == "Recovered Client"
    assert recovered.modified
    assert recovered.path == project_file.resolve()
    assert second.isWindowModified()
    # the recovered autosave now belongs to this session; a clean save removes it
    assert second.autosaver.path == autosave
    assert second.files.save()
    assert not autosave.exists()
    assert load_project(project_file).engagement.client == "Recovered Client"
    assert find_recoverable(second.autosaver.folder) == []


def test_discarding_a_recovery_deletes_it_and_a_running_session_is_not_offered(
    qtbot: Any, make_window: Any, dialogs: Dialogs, project_file: Path
) -> None:
    first = make_window()
    assert first.files.open_path(project_file)
    doc = first.doc
    assert doc is not None
    doc.push(set_engagement_field(doc.project, "client", "X"))
    assert first.autosaver.save_now()
    assert find_recoverable(first.autosaver.folder) == []  # this process is alive
    dead = _crash(first)
    dialogs.answer("question", _Button.Discard)
    second = make_window()
    assert not offer_recovery(second)
    assert not dead.exists()
    assert first.autosaver.path.exists()  # the running session's own autosave stays
    assert second.doc is None


def test_clean_close_removes_the_autosave(qtbot: Any, window: MainWindow, dialogs: Dialogs, project_file: Path) -> None:
    assert window.files.open_path(project_file)
    doc = window.doc
    assert doc is not None
    doc.push(set_engagement_field(doc.project, "client", "X"))
    assert window.autosaver.save_now()
    dialogs.answer("question", _Button.Discard)
    assert window.close()
    assert not window.autosaver.path.exists()
    assert os.listdir(window.autosaver.folder) == []


def test_autosave_holds_typing_merged_into_the_last_undo_step(
    qtbot: Any, window: MainWindow, project_file: Path
) -> None:
    assert window.files.open_path(project_file)
    doc, saver = window.doc, window.autosaver
    assert doc is not None
    doc.push(set_engagement_field(doc.project, "summary", "T"))
    assert saver.save_now()
    for text in ("Ta", "Tag", "Tagging first"):  # merges into the step above: the stack index stays
        doc.push(set_engagement_field(doc.project, "summary", text))
    assert doc.stack.count() == 1
    assert saver.save_now()
    assert load_project(saver.path).engagement.summary == "Tagging first"


def test_autosave_holds_an_edit_made_after_an_undo(qtbot: Any, window: MainWindow, project_file: Path) -> None:
    assert window.files.open_path(project_file)
    doc, saver = window.doc, window.autosaver
    assert doc is not None
    doc.push(set_engagement_field(doc.project, "client", "First"))
    doc.push(score_lens(doc.project, "allocation", "process", 2))
    assert saver.save_now()
    doc.stack.undo()
    doc.push(score_lens(doc.project, "allocation", "process", 4))  # back at the same stack index
    assert saver.save_now()
    assert load_project(saver.path).assessment.capabilities["allocation"].lenses["process"] == 4


def test_a_failing_autosave_is_shown_until_one_succeeds(qtbot: Any, window: MainWindow, project_file: Path) -> None:
    assert window.files.open_path(project_file)
    doc, saver = window.doc, window.autosaver
    assert doc is not None
    saver.folder.parent.mkdir(parents=True, exist_ok=True)
    saver.folder.write_text("a file where the autosave folder should be", encoding="utf-8")
    doc.push(set_engagement_field(doc.project, "client", "Changed"))
    with qtbot.waitSignal(saver.failed, timeout=1000):
        assert not saver.save_now()
    warning = window.autosave_warning
    assert warning.isVisible()
    assert warning.text().startswith("Autosave failed: ") and "Save your work now" in warning.text()
    saver.folder.unlink()
    assert saver.save_now()
    assert not warning.isVisible()
