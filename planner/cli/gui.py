"""``planner [FILE.roadmap]``: start the desktop app, optionally on a project file."""

from __future__ import annotations

from pathlib import Path

from planner.cli.common import UsageError

__all__ = ["launch_gui"]

#: Packages of this product: an import error inside them is a bug, never a missing system library.
_OWN_PACKAGES = ("planner", "exports")


def launch_gui(path: Path | None, *, smoke: bool = False) -> int:
    """Start the desktop app (optionally on a file); return its exit code.

    Raises:
        UsageError: the file does not exist, or PySide6 or the system's Qt libraries are missing
            (the command line still works then).
    """
    if path is not None and not path.is_file():
        raise UsageError(f"{path.name}: the file does not exist")
    try:
        from planner.ui.app import run_app
    except ImportError as exc:
        if (exc.name or "").split(".")[0] in _OWN_PACKAGES:
            raise  # a module of the app itself is missing: an internal error, logged
        raise UsageError(
            f"the desktop app cannot start ({exc}); the command line still works, see 'planner --help'"
        ) from None
    return run_app(path, smoke=smoke)
