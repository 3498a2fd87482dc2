"""``planner new -o FILE --client NAME [--model ID|FILE] [--force]``: create an unscored project file."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.cli.common import AddCommand, UsageError
from planner.model.project import new_project
from planner.storage.errors import ProjectFileError
from planner.storage.modellib import ModelNotFound, resolve_model
from planner.storage.models import DEFAULT_MODEL
from planner.storage.session import ProjectSession

__all__ = ["cmd_new", "register"]


def register(add: AddCommand) -> None:
    """Add the ``new`` subcommand."""
    p = add("new", cmd_new, "create a new, unscored project file")
    p.add_argument("-o", "--output", required=True, type=Path, help="the .roadmap file to create")
    p.add_argument("--client", required=True, help="the client's name")
    p.add_argument(
        "--model",
        default=None,
        metavar="ID|FILE",
        help="capability model: an id (see 'planner models'), ID@VERSION, or a model file (.json)",
    )
    p.add_argument("--force", action="store_true", help="overwrite an existing file")


def cmd_new(ns: argparse.Namespace) -> int:
    """Create an unscored project for a client."""
    out: Path = ns.output
    client = ns.client.strip()
    if not client:
        raise UsageError("--client must not be empty")
    if out.exists() and not ns.force:
        raise UsageError(f"{out.name}: the file already exists (use --force to overwrite it)")
    try:
        model = resolve_model(ns.model or DEFAULT_MODEL)
    except ModelNotFound as exc:
        raise UsageError(str(exc)) from None
    except ProjectFileError as exc:
        raise UsageError(str(exc)) from None
    project = new_project(model, client=client)
    session = ProjectSession()
    try:
        # Holding the lock while writing refuses a project open in the app; --force over an
        # existing file keeps it as .bak.
        session.save_as(project, out)
    except ProjectFileError as exc:
        raise UsageError(str(exc)) from None
    finally:
        session.close()
    print(f"Created {out} for {client} ({model.name}, {len(model.capabilities)} capabilities).")
    return 0
