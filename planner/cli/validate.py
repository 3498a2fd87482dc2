"""``planner validate FILE``: report every problem in a project file (exit 2 when there is any)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.cli.common import AddCommand
from planner.storage.projectfile import check_project_file

__all__ = ["cmd_validate", "register"]


def register(add: AddCommand) -> None:
    """Add the ``validate`` subcommand."""
    p = add("validate", cmd_validate, "report every problem in a project file")
    p.add_argument("file", type=Path)


def cmd_validate(ns: argparse.Namespace) -> int:
    """Print every problem of a project file; exit 2 when there is any."""
    problems = check_project_file(ns.file)
    if not problems:
        print(f"{ns.file.name}: valid project file")
        return 0
    for line in problems:
        print(line, file=sys.stderr)
    return 2
