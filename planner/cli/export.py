"""``planner export FILE [--xlsx OUT] [--pdf OUT] [--internal-notes]``: the client's files of a project.

Writes the chosen formats; with no format option it writes every format next to FILE
(``acme.roadmap`` -> ``acme.xlsx`` and ``acme.pdf``). The options come from the registry
(:func:`exports.registry.exporters`): ``--<id> OUT`` per format. Internal notes, evidence and the
roadmap's warnings go into the exports only with ``--internal-notes``; the warnings are always
printed (on stderr, as notes for the consultant). Each file is written atomically: a failure
leaves an earlier export untouched and exits 2 with one line naming the file and the problem.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from exports.base import Exporter, export_to_file
from exports.errors import ExportError
from exports.registry import exporters
from planner.cli.common import AddCommand, UsageError, open_project
from planner.model.project import Project
from planner.model.roadmap import roadmap_warnings
from planner.report.data import build_report

__all__ = ["cmd_export", "export_project", "print_lines", "register"]


def register(add: AddCommand) -> None:
    """Add the ``export`` subcommand (one ``--<format> OUT`` option per registered format)."""
    p = add("export", cmd_export, "write the client's Excel workbook and PDF report of a project")
    p.add_argument("file", type=Path, help="the .roadmap project file")
    for exporter in exporters():
        p.add_argument(f"--{exporter.id}", type=Path, metavar="OUT", help=f"write the {exporter.label} to OUT")
    p.add_argument(
        "--internal-notes",
        action="store_true",
        help="include internal notes, evidence and the roadmap's warnings (never meant for the client)",
    )


def _targets(ns: argparse.Namespace) -> list[tuple[Exporter, Path]]:
    """Return the chosen formats and files: those given as options, else every format next to FILE."""
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
    report = build_report(project, include_internal=include_internal)
    lines: list[str] = []
    try:
        for exporter, path in targets:
            lines += [f"warning: {w}" for w in export_to_file(exporter, report, path)]
            lines.append(f"Wrote {path}")
    except ExportError as exc:
        raise UsageError(str(exc)) from None
    return lines


def print_lines(lines: list[str]) -> None:
    """Print each line: warnings and notes on stderr, the rest on stdout."""
    for line in lines:
        print(line, file=sys.stderr if line.startswith(("warning:", "note:")) else sys.stdout)


def cmd_export(ns: argparse.Namespace) -> int:
    """Write the workbook and/or the report of a project."""
    targets = _targets(ns)
    project = open_project(ns.file)
    print_lines(export_project(project, targets, include_internal=ns.internal_notes))
    notes = roadmap_warnings(project.model, project.assessment, project.roadmap)
    where = "included in the exports" if ns.internal_notes else "not in the exports"
    print_lines([f"note: roadmap warning ({where}): {w}" for w in notes])
    return 0
