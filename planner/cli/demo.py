"""``planner demo OUTDIR``: the bundled sample engagement and its exports, for a first look.

Writes ``demo.roadmap`` and one export per registered format (``demo.xlsx``, ``demo.pdf``) into
OUTDIR, creating the folder if needed. These are sample files: running it again replaces them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from exports.registry import exporters
from planner.cli.common import AddCommand, UsageError, open_project
from planner.cli.export import check_export_targets, export_project, print_lines
from planner.resources import ResourceError, resource_path
from planner.storage.errors import ProjectFileError
from planner.storage.projectfile import save_project

__all__ = ["DEMO_RESOURCE", "cmd_demo", "register"]

#: The bundled sample engagement.
DEMO_RESOURCE = "demo/demo.roadmap"


def register(add: AddCommand) -> None:
    """Add the ``demo`` subcommand."""
    suffixes = " and ".join(e.suffix for e in exporters())
    p = add("demo", cmd_demo, f"write the sample project and its {suffixes} into a folder")
    p.add_argument("outdir", type=Path, help="the folder to write into (created if missing)")


def cmd_demo(ns: argparse.Namespace) -> int:
    """Write the sample project and its exports into a folder."""
    outdir: Path = ns.outdir
    if outdir.exists() and not outdir.is_dir():
        raise UsageError(f"{outdir.name}: exists and is not a folder")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{outdir.name}: the folder cannot be created ({exc.strerror or exc})") from None
    try:
        project = open_project(resource_path(DEMO_RESOURCE))
    except ResourceError as exc:
        raise UsageError(str(exc)) from None
    target = outdir / "demo.roadmap"
    exports = [(e, target.with_suffix(e.suffix)) for e in exporters()]
    check_export_targets(exports, target)  # before anything is written, the sample project too
    try:
        save_project(project, target, keep_backup=False)
    except ProjectFileError as exc:
        raise UsageError(str(exc)) from None
    print(f"Wrote {target} ({project.engagement.client})")
    print_lines(export_project(project, exports))
    return 0
