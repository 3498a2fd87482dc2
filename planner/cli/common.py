"""What every subcommand shares: the usage error, the ``add`` callable and opening a project."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from planner.model.project import Project
from planner.storage.errors import ProjectFileError
from planner.storage.projectfile import load_project

__all__ = ["EXIT_BAD_INPUT", "EXIT_INTERNAL", "EXIT_OK", "AddCommand", "UsageError", "open_project"]

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2

#: The ``add(name, func, help)`` callable a command module's ``register`` receives.
AddCommand = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit code 2."""


def open_project(path: Path) -> Project:
    """Load a project for a command, turning a file problem into a usage error."""
    try:
        return load_project(path)
    except ProjectFileError as exc:
        raise UsageError(str(exc)) from None
