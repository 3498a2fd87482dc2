"""The desktop app meets the bad-file corpus, a crashed app's lock and a full disk.

Every bad file opened through the app's Open shows one message box with the file's problem and
leaves the current project exactly as it was (same document, same bytes, same file, its lock
still held). A lock left by a killed process is taken over without a question. A save onto a full
disk shows the reason, keeps the changes unsaved and the file on disk whole.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from planner.model.capmodel import CapabilityModel
from planner.storage.lock import lock_path, read_lock
from planner.storage.projectfile import project_bytes, save_project
from planner.ui.app import create_window
from planner.ui.mainwindow import MainWindow
from planner.ui.settings import Settings
from tests.factories import scored_project
from tests.reliability.helpers import BAD, REPO, corpus_module, listing

INDEX: dict[str, str] = json.loads((BAD / "index.json").read_text(encoding="utf-8"))


class Boxes:
    """Records every message box; answers questions from a queue and fails on unexpected ones."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answers: list[Any] = []

    def show(self, kind: str) -> Any:
        def box(_parent: Any, title: str, text: str, *_a: Any, **_k: Any) -> Any:
            self.shown.append((kind, title, text))
            if kind == "question":
                if not self.answers:
                    raise AssertionError(f"unexpected question: {title}: {text}")
                return self.answers.pop(0)
            return QMessageBox.StandardButton.Ok

        return staticmethod(box)


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    recorder = Boxes()
    for kind in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, recorder.show(kind))

    def no_dialog(*_a: Any, **_k: Any) -> Any:
        raise AssertionError("no file dialog expected")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(no_dialog))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(no_dialog))
    return recorder


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, boxes: Boxes) -> Iterator[MainWindow]:
    win = create_window(Settings(tmp_path / "settings.ini"), tmp_path / "autosave")
    qtbot.addWidget(win)
    win.show()
    yield win
    if win.doc is not None:
        win.doc.stack.setClean()
    win.close()
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


@pytest.fixture
def current(window: MainWindow, tmp_path: Path, model: CapabilityModel) -> Path:
    """A good project, open in the window (and so locked)."""
    path = tmp_path / "current" / "northwind.roadmap"
    path.parent.mkdir()
    save_project(scored_project(model), path, keep_backup=False)
    assert window.files.open_path(path)
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the corpus (opening takes lock files beside the files: never in the repository)."""
    folder = tmp_path_factory.mktemp("corpus") / "bad"
    shutil.copytree(BAD, folder)
    module = corpus_module()
    module.write_oversized(folder / module.OVERSIZED_NAME)
    return folder


CASES = {**INDEX, "oversized.roadmap": "the file is too large"}


@pytest.mark.parametrize("name", sorted(CASES))
def test_opening_a_bad_file_shows_one_message_and_keeps_the_current_project(
    window: MainWindow, current: Path, corpus: Path, boxes: Boxes, name: str
) -> None:
    doc = window.doc
    assert doc is not None
    before = project_bytes(doc.project)
    on_disk = current.read_bytes()
    corpus_before = listing(corpus)

    assert window.files.open_path(corpus / name) is False

    assert len(boxes.shown) == 1, boxes.shown
    kind, _title, text = boxes.shown[0]
    assert kind in ("warning", "critical")
    assert text.startswith(f"{name}: "), text
    assert CASES[name] in text, text
    assert "Traceback" not in text and "\n" not in text
    assert window.doc is doc  # the same document, untouched
    assert project_bytes(doc.project) == before
    assert doc.path == current.absolute() or doc.path == current
    assert not doc.modified
    assert current.read_bytes() == on_disk
    holder = read_lock(current)
    assert holder is not None and holder.is_ours()  # the current project keeps its lock
    assert listing(corpus) == corpus_before  # no lock file left beside the refused file


def test_a_crashed_apps_lock_is_taken_over_without_asking(
    window: MainWindow, tmp_path: Path, model: CapabilityModel, boxes: Boxes
) -> None:
    path = tmp_path / "crashed.roadmap"
    save_project(scored_project(model), path, keep_backup=False)
    with subprocess.Popen(  # leaving the block closes the pipes
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from planner.storage.lock import ProjectLock; "
            "ProjectLock.acquire(Path(sys.argv[1])); print('locked', flush=True); sys.stdin.read()",
            str(path),
        ],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
    assert lock_path(path).exists()

    assert window.files.open_path(path)
    assert boxes.shown == []  # no question: the holder is gone
    assert window.doc is not None and window.doc.path is not None
    lock = read_lock(path)
    assert lock is not None and lock.is_ours()


def test_a_save_onto_a_full_disk_keeps_the_changes_and_the_file(
    window: MainWindow, tmp_path: Path, model: CapabilityModel, boxes: Boxes
) -> None:
    disk = tmp_path / "small"
    disk.mkdir()
    if not (hasattr(os, "geteuid") and os.geteuid() == 0):
        pytest.skip("mounting a small tmpfs needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        path = disk / "northwind.roadmap"
        save_project(scored_project(model), path, keep_backup=False)  # about 340 KB of a 1 MB disk
        on_disk = path.read_bytes()
        assert window.files.open_path(path)
        doc = window.doc
        assert doc is not None
        ballast = disk / "other-files.bin"
        ballast.write_bytes(b"\0" * (1024 * 1024 - len(on_disk) - 200 * 1024))  # leave less than a copy
        found = doc.project.assessment.of("allocation")
        found.notes = "Revised during the workshop."
        doc.stack.resetClean()  # an unsaved change, as an edit leaves it
        assert doc.modified
        edited = project_bytes(doc.project)

        assert window.files.save() is False

        assert [k for k, _t, _x in boxes.shown] in (["warning"], ["critical"]), boxes.shown
        text = boxes.shown[0][2]
        assert text.startswith("northwind.roadmap: ") and "the disk is full" in text, text
        assert path.read_bytes() == on_disk
        assert doc.modified and project_bytes(doc.project) == edited
        assert sorted(p.name for p in disk.iterdir() if p.name != ".northwind.roadmap.lock") == [
            "northwind.roadmap",
            "other-files.bin",
        ]
    finally:
        if window.doc is not None:
            window.doc.stack.setClean()
        subprocess.run(["umount", "-l", str(disk)], check=False, capture_output=True)
