"""``planner models``: list the capability models, bundled and the consultant's own.

One line per model: name, id, version, source (bundled or own) and how many capabilities it has.
A model file of the model folder that is broken is listed with its problem and changes nothing
else; the exit code stays 0 (listing is not validating: ``planner model check FILE`` is).
"""

from __future__ import annotations

import argparse

from planner.appdirs import model_dir
from planner.cli.common import AddCommand
from planner.storage.modellib import model_library
from planner.storage.models import DEFAULT_MODEL

__all__ = ["cmd_models", "register"]


def register(add: AddCommand) -> None:
    """Add the ``models`` subcommand."""
    add("models", cmd_models, "list the capability models: bundled ones and your own (in the model folder)")


def cmd_models(ns: argparse.Namespace) -> int:
    """List every model of the library, then where the model folder is."""
    entries = model_library()
    rows = [("NAME", "ID", "VERSION", "SOURCE", "CAPABILITIES")]
    broken = []
    for entry in entries:
        if entry.model is None:
            broken.append(entry)
            continue
        default = " (default)" if entry.id == DEFAULT_MODEL and entry.source == "bundled" else ""
        rows.append((entry.name + default, entry.id, str(entry.version), entry.source, str(entry.capability_count)))
    widths = [min(48, max(len(r[i]) for r in rows)) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) if i < 4 else cell for i, cell in enumerate(row)).rstrip())
    for entry in broken:
        print(f"BROKEN  {entry.path.name}: {entry.problem}")
    print(f"\nYour own models: {model_dir(create=False)} (PLANNER_MODEL_DIR moves it)")
    return 0
