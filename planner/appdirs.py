r"""Where the application keeps its own files (logs, autosaves), per platform, without Qt.

Linux: ``$XDG_DATA_HOME/finops-roadmap-planner`` (default ``~/.local/share/...``); macOS:
``~/Library/Application Support/FinOps Roadmap Planner``; Windows: ``%LOCALAPPDATA%\\FinOps Roadmap
Planner``. ``PLANNER_DATA_DIR`` overrides all of them (tests and portable installs use it).

The consultant's own capability models live in the ``models`` folder inside it (Linux
``~/.local/share/finops-roadmap-planner/models``, macOS ``~/Library/Application Support/FinOps
Roadmap Planner/models``, Windows ``%LOCALAPPDATA%\\FinOps Roadmap Planner\\models``);
``PLANNER_MODEL_DIR`` points elsewhere, e.g. at a folder the firm shares.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from planner import APP_ID, APP_NAME

__all__ = ["data_dir", "log_dir", "model_dir"]


def data_dir(create: bool = True) -> Path:
    """Return the per-user data folder, created private (0700) when ``create``."""
    override = os.environ.get("PLANNER_DATA_DIR")
    if override:
        path = Path(override)
    elif sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        path = Path(base) / APP_NAME
    elif sys.platform == "darwin":
        path = Path.home() / "Library" / "Application Support" / APP_NAME
    else:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        path = Path(base) / APP_ID
    if create:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def log_dir(create: bool = True) -> Path:
    """Return the folder of the rotating log."""
    path = data_dir(create) / "logs"
    if create:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def model_dir(create: bool = True) -> Path:
    """Return the folder of the consultant's own capability models (``PLANNER_MODEL_DIR`` overrides it)."""
    override = os.environ.get("PLANNER_MODEL_DIR")
    path = Path(override) if override else data_dir(create) / "models"
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path
