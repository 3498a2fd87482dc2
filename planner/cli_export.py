"""``planner export`` and ``planner demo``: the client's workbook and report from the command line.

``planner export FILE [--xlsx OUT] [--pdf OUT] [--internal-notes]`` writes the Excel workbook
and/or the PDF report of a project; with no format option it writes every format next to FILE
(``acme.roadmap`` -> ``acme.xlsx`` and ``acme.pdf``). The options come from
:func:`exports.registry.exporters`: ``--<id> OUT`` per format. Internal notes, evidence and the roadmap's
warnings go into the exports only with ``--internal-notes``; the warnings are always printed (on
stderr, as notes for the consultant). Each file is written atomically: a failure leaves an
earlier export untouched and exits 2 with one line naming the file and the problem.

``planner demo OUTDIR`` writes the bundled sample engagement (``demo.roadmap``) and its
exports (``demo.xlsx``, ``demo.pdf``: one per registered format) into OUTDIR, creating the folder if needed. These are sample files:
running it again replaces them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from planner.cli import UsageError
from planner.cli_commands import AddCommand, open_project
from planner.model.project import Project

if TYPE_CHECKING:
    from exports.base import Exporter

__all__ = ["DEMO_RESOURCE", "register"]

#: The bundled sample engagement.
DEMO_RESOURCE = "demo/demo.roadmap"


def register(add: AddCommand) -> None:
    """Add the ``export`` and ``demo`` subcommands (one ``--<format> OUT`` option per registered format)."""
    from exports.registry import exporters

    p = add("export", cmd_export, "write the client's Excel workbook and PDF report of a project")
    p.add_argument("file", type=Path, help="the .roadmap project file")
    for exporter in exporters():
        p.add_argument(f"--{exporter.id}", type=Path, metavar="OUT", help=f"write the {exporter.label} to OUT")
    p.add_argument(
        "--internal-notes",
        action="store_true",
        help="include internal notes, evidence and the roadmap's warnings (never meant for the client)",
    )
    suffixes = " and ".join(e.suffix for e in exporters())
    p = add("demo", cmd_demo, f"write the sample project and its {suffixes} into a folder")
    p.add_argument("outdir", type=Path, help="the folder to write into (created if missing)")


def _targets(ns: argparse.Namespace) -> list[tuple[Exporter, Path]]:
    """Return the chosen formats and files: those given as options, else every format next to FILE."""
    from exports.registry import exporters

    file: Path = ns.file
    chosen = [(e, getattr(ns, e.id)) for e in exporters() if getattr(ns, e.id) is not None]
    if not chosen:
        return [(e, file.with_suffix(e.suffix)) for e in exporters()]
    for _, out in chosen:
        if out.resolve() == file.resolve():
            raise UsageError(f"{out.name}: that is the project file itself; choose another name for the export")
    return chosen


def export_project(
    project: Project, targets: Sequence[tuple[Exporter, Path]], *, include_internal: bool = False
) -> list[str]:
    """Write the requested exports of a project; return the lines to report (written files, warnings).

    Raises:
        UsageError: an export could not be written (one line naming the file and the problem).
    """
    from exports.base import export_to_file
    from exports.errors import ExportError
    from planner.report.data import build_report

    report = build_report(project, include_internal=include_internal)
    lines: list[str] = []
    try:
        for exporter, path in targets:
            lines += [f"warning: {w}" for w in export_to_file(exporter, report, path)]
            lines.append(f"Wrote {path}")
    except ExportError as exc:
        raise UsageError(str(exc)) from None
    return lines


def _print(lines: list[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr if line.startswith(("warning:", "note:")) else sys.stdout)


def cmd_export(ns: argparse.Namespace) -> int:
    """Write the workbook and/or the report of a project."""
    from planner.model.roadmap import roadmap_warnings

    targets = _targets(ns)
    project = open_project(ns.file)
    _print(export_project(project, targets, include_internal=ns.internal_notes))
    notes = roadmap_warnings(project.model, project.assessment, project.roadmap)
    where = "included in the exports" if ns.internal_notes else "not in the exports"
    _print([f"note: roadmap warning ({where}): {w}" for w in notes])
    return 0


def cmd_demo(ns: argparse.Namespace) -> int:
    """Write the sample project and its exports into a folder."""
    from planner.resources import ResourceError, resource_path
    from planner.storage.errors import ProjectFileError
    from planner.storage.projectfile import save_project

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
    try:
        save_project(project, target, keep_backup=False)
    except ProjectFileError as exc:
        raise UsageError(str(exc)) from None
    print(f"Wrote {target} ({project.engagement.client})")
    from exports.registry import exporters

    _print(export_project(project, [(e, target.with_suffix(e.suffix)) for e in exporters()]))
    return 0
