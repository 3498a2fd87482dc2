"""A real app process, edited, then killed or terminated: every edit comes back, nothing is locked."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from planner.model.capmodel import CapabilityModel
from planner.storage.autosave import find_recoverable
from planner.storage.lock import lock_path, read_lock
from planner.storage.projectfile import load_project, save_project
from planner.ui.app import create_window, offer_recovery
from planner.ui.settings import Settings
from tests.factories import scored_project
from tests.reliability import app_child
from tests.reliability.helpers import REPO

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")


def _start(project: Path, folder: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.app_child", str(project), str(folder)],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline().strip() + " " + child.stdout.readline().strip()
    if line != "READY EDITED":
        child.kill()
        _out, err = child.communicate(timeout=30)
        pytest.fail(f"the app did not get ready: {line!r} {err[-2000:]}")
    return child


def _assert_every_edit(project_path: Path) -> None:
    project = load_project(project_path)
    assert project.engagement.summary == app_child.SUMMARY  # merged typing, all of it
    assert project.engagement.client == app_child.CLIENT
    assert project.assessment.capabilities["allocation"].lenses["process"] == app_child.PROCESS_SCORE  # after an undo


@pytest.fixture
def project_file(tmp_path: Path, model: CapabilityModel) -> Path:
    path = tmp_path / "northwind.roadmap"
    save_project(scored_project(model), path, keep_backup=False)
    return path


def test_killed_app_every_edit_is_recovered_and_saved(
    qtbot: Any, tmp_path: Path, project_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "app"
    original = project_file.read_bytes()
    child = _start(project_file, folder)
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    assert project_file.read_bytes() == original  # the user's file is untouched
    [found] = find_recoverable(folder / "autosave")
    assert found.source == project_file.resolve()
    _assert_every_edit(found.path)
    # the next start: recover, then save over the file without a question (nobody changed it)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    window = create_window(Settings(folder / "settings.ini"), folder / "autosave")
    qtbot.addWidget(window)
    assert offer_recovery(window)
    assert window.doc is not None and window.doc.modified
    assert window.doc.path == project_file.resolve()  # the dead process's lock was taken over
    assert window.files.save()
    _assert_every_edit(project_file)
    assert find_recoverable(folder / "autosave") == []
    window.doc.stack.setClean()
    window.close()


def test_recovering_then_saving_over_a_file_changed_since_asks_first(
    qtbot: Any, tmp_path: Path, project_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "app"
    child = _start(project_file, folder)
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    theirs = load_project(project_file)
    theirs.engagement.title = "Edited by a colleague after the crash"
    save_project(theirs, project_file, keep_backup=False)
    asked: list[str] = []

    def question(_parent: Any, title: str, text: str, *_a: Any, **_k: Any) -> QMessageBox.StandardButton:
        asked.append(title)
        if title == "The file changed on disk":
            return QMessageBox.StandardButton.Cancel
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    window = create_window(Settings(folder / "settings.ini"), folder / "autosave")
    qtbot.addWidget(window)
    assert offer_recovery(window)
    assert not window.files.save()
    assert asked[-1] == "The file changed on disk"
    assert load_project(project_file).engagement.title == "Edited by a colleague after the crash"
    assert window.doc is not None
    window.doc.stack.setClean()
    window.close()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_terminated_app_keeps_a_final_autosave_and_releases_its_lock(
    tmp_path: Path, project_file: Path, signum: int
) -> None:
    folder = tmp_path / "app"
    child = _start(project_file, folder)
    assert read_lock(project_file) is not None
    child.send_signal(signum)
    _out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert not lock_path(project_file).exists()
    autosaves = sorted((folder / "autosave").glob("*.roadmap"))
    assert len(autosaves) == 1
    _assert_every_edit(autosaves[0])
    assert load_project(autosaves[0]).engagement.title == app_child.LAST_TITLE  # the final autosave
    meta = json.loads(autosaves[0].with_suffix(".json").read_text(encoding="utf-8"))
    assert meta["source"] == str(project_file.resolve())
    assert meta["pid"] == child.pid  # no longer running: offered at the next start
    [found] = find_recoverable(folder / "autosave")
    assert found.path == autosaves[0]
