"""``planner [FILE.roadmap]``: start the desktop app, optionally on a project file."""

from __future__ import annotations

import os
from pathlib import Path

from planner.cli.common import UsageError
from planner.storage.atomic import special_kind

__all__ = ["launch_gui"]

#: Packages of this product: an import error inside them is a bug, never a missing system library.
_OWN_PACKAGES = ("planner", "exports")


def launch_gui(path: Path | None, *, smoke: bool = False) -> int:
    """Start the desktop app (optionally on a file); return its exit code.

    Raises:
        UsageError: the file does not exist, cannot be read or is not a file (a folder, a named
            pipe, a device: each named as what it is), or PySide6 or the system's Qt libraries are
            missing (the command line still works then).
    """
    if path is not None:
        _check_file(path)
    try:
        from planner.ui.app import run_app
    except ImportError as exc:
        if (exc.name or "").split(".")[0] in _OWN_PACKAGES:
            raise  # a module of the app itself is missing: an internal error, logged
        raise UsageError(
            f"the desktop app cannot start ({exc}); the command line still works, see 'planner --help'"
        ) from None
    return run_app(path, smoke=smoke)


def _check_file(path: Path) -> None:
    """Refuse, naming the real cause, a path that is not a project file the app could open."""
    name = path.name or str(path)
    try:
        os.stat(path)
    except FileNotFoundError:
        raise UsageError(f"{name}: the file does not exist") from None
    except OSError as exc:
        raise UsageError(f"{name}: it cannot be read ({exc.strerror or exc})") from None
    kind = special_kind(path)
    if kind is not None:
        raise UsageError(f"{name}: it is {kind}, not a project file")
