"""``planner models``: list the bundled capability models."""

from __future__ import annotations

import argparse

from planner.cli.common import AddCommand
from planner.storage.models import DEFAULT_MODEL, bundled_models

__all__ = ["cmd_models", "register"]


def register(add: AddCommand) -> None:
    """Add the ``models`` subcommand."""
    add("models", cmd_models, "list the bundled capability models")


def cmd_models(ns: argparse.Namespace) -> int:
    """List bundled models."""
    for info in bundled_models():
        default = "  (default)" if info.id == DEFAULT_MODEL else ""
        print(f"{info.id:20} {info.name}{default}")
    return 0
