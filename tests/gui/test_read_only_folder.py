"""A project in a folder that cannot be written to: said once when it opens, and Save asks where to go.

A real read-only disk (a tmpfs remounted read-only: permission bits mean nothing to root, who runs
these tests in CI); skipped where mounting is not possible.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from planner.model.capmodel import CapabilityModel
from planner.model.edits import score_lens
from planner.storage.projectfile import load_project, save_project
from planner.ui.mainwindow import MainWindow
from tests.gui.conftest import Dialogs, scored_project
from tests.reliability.test_save_faults import tmpfs


def test_read_only_folder_is_announced_on_open_and_save_goes_elsewhere(
    qtbot: Any,
    window: MainWindow,
    dialogs: Dialogs,
    model: CapabilityModel,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    elsewhere = tmp_path / "mine"
    elsewhere.mkdir()
    window.settings.last_folder = elsewhere
    with tmpfs(tmp_path / "share", "2m") as share:
        path = share / "northwind.roadmap"
        save_project(scored_project(model), path)
        if subprocess.run(["mount", "-o", "remount,ro", str(share)], capture_output=True).returncode != 0:
            pytest.skip("cannot remount read-only here")
        old = path.read_bytes()

        assert window.files.open_path(path)
        assert dialogs.seen == []  # said without a dialog
        notice = window.statusBar().currentMessage()
        assert notice == (
            "northwind.roadmap is in a folder you cannot write to: you can edit it here, "
            "and Save will ask where to keep your changes."
        )
        doc = window.doc
        assert doc is not None
        doc.push(score_lens(doc.project, "allocation", "process", 4))

        asked_in: list[str] = []

        def save_dialog(_parent: Any, _title: str, start: str, *_a: Any, **_k: Any) -> tuple[str, str]:
            asked_in.append(start)
            return str(elsewhere / "northwind.roadmap"), ""

        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
        assert window.files.save()
        assert asked_in == [str(elsewhere / "northwind.roadmap")]
        assert [kind for kind, *_ in dialogs.seen] == []  # no "could not save" on the way
        assert path.read_bytes() == old
        saved = load_project(elsewhere / "northwind.roadmap")
        assert saved.assessment.capabilities["allocation"].lenses["process"] == 4
        assert doc.path == (elsewhere / "northwind.roadmap").resolve()
        assert not window.isWindowModified()
        window.set_document(None)


def test_a_writable_folder_says_nothing(window: MainWindow, model: CapabilityModel, tmp_path: Path) -> None:
    path = tmp_path / "northwind.roadmap"
    save_project(scored_project(model), path)
    assert window.files.open_path(path)
    assert "cannot write" not in window.statusBar().currentMessage()
