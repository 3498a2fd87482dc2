"""Test set-up shared by every test: headless Qt, private data folders, helpers."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt
os.environ.setdefault("MPLBACKEND", "Agg")

from pathlib import Path

import pytest

from planner.model.capmodel import CapabilityModel
from planner.storage.models import load_bundled_model

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Send logs, autosaves and settings of every test into its own temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PLANNER_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))


@pytest.fixture(scope="session")
def model() -> CapabilityModel:
    """The default bundled model (loaded once)."""
    return load_bundled_model()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests that need a QApplication as ``gui`` (``pytest -m "not gui"`` skips them)."""
    for item in items:
        if {"qtbot", "qapp"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)
