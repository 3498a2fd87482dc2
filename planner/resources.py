"""Locate the files shipped in ``resources/`` from a checkout, an install or a frozen build.

One helper serves every caller, so the capability models, fonts, icons and the demo project are
found the same way whether the app runs from the source tree, an editable or regular install, or a
PyInstaller bundle (which unpacks ``resources/`` next to the executable's ``_internal`` data).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePosixPath

__all__ = ["ResourceError", "resource_path", "resources_root"]

_ENV_OVERRIDE = "PLANNER_RESOURCES"


class ResourceError(LookupError):
    """A shipped resource is missing or the name asked for is unsafe."""


def _candidates() -> list[Path]:
    found: list[Path] = []
    override = os.environ.get(_ENV_OVERRIDE)
    if override:
        found.append(Path(override))
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / "resources")
    package_dir = Path(__file__).resolve().parent
    found.append(package_dir / "_resources")  # a wheel built with the data inside the package
    found.append(package_dir.parent / "resources")  # a checkout or an editable install
    return found


def resources_root() -> Path:
    """Return the folder that holds the shipped resources.

    Raises:
        ResourceError: no candidate folder exists (a broken installation).
    """
    for candidate in _candidates():
        if (candidate / "models").is_dir():
            return candidate
    raise ResourceError("the application's resources folder is missing; reinstall the application")


def resource_path(name: str) -> Path:
    """Return the path of a shipped file, given as a relative POSIX path such as ``models/x.json``.

    Raises:
        ResourceError: the name is absolute or climbs out of the folder, or the file is missing.
    """
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in name:
        raise ResourceError(f"unsafe resource name {name!r}")
    path = resources_root().joinpath(*pure.parts)
    if not path.exists():
        raise ResourceError(f"resource {name!r} is missing; reinstall the application")
    return path
