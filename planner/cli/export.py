"""``planner export FILE [--xlsx OUT] [--pdf OUT] [--internal-notes] [--force]``: the files of a project.

Writes the chosen formats; with no format option it writes every format beside FILE
(``acme.roadmap`` -> ``acme.xlsx`` and ``acme.pdf``; with ``--internal-notes``, ``acme-internal.xlsx``
and ``acme-internal.pdf``). The options come from the registry (:func:`exports.registry.exporters`):
``--<id> OUT`` per format. Internal notes and evidence go into the exports only with
``--internal-notes``, and such a file must be named ``<name>-internal.<ext>`` (:mod:`exports.naming`),
so the internal version can never replace the client's. The roadmap's warnings are in every export
(the roadmap section says where the plan is weak) and are printed too, on stderr, as notes for the
consultant, with a note when the roadmap predates the latest scores (the exports say so as well).
An assessment not fully scored is a draft: a note says so before anything is written, and every
page and sheet of the exports is marked DRAFT with its coverage.

Before anything is written every target is checked (:func:`planner.storage.targets.check_targets`):
the project file, its ``.bak`` and lock, an existing project under any name, two formats into one
file, folders, devices and FIFOs are refused with exit 2 and one line. An existing export is not
replaced unless ``--force`` is given (as ``planner upgrade -o OUT`` does): exit 2 and one line
naming the files, nothing written. Every format is rendered in memory before the first file is
written (:func:`exports.base.export_files`); each file is written atomically, so a failure leaves an
earlier export untouched and exits 2 with one line naming the file and the problem, after the
lines of the files already written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from exports.base import Exporter, export_files
from exports.errors import ExportError
from exports.naming import default_targets, internal_name, is_internal_name
from exports.registry import exporters
from planner.cli.common import AddCommand, UsageError, open_project
from planner.model.project import Project
from planner.report.data import build_report
from planner.storage.targets import TargetRefused, check_targets, existing_targets, protected_files

__all__ = [
    "check_export_targets",
    "cmd_export",
    "draft_notes",
    "export_project",
    "print_lines",
    "refuse_existing",
    "register",
    "roadmap_notes",
]


def register(add: AddCommand) -> None:
    """Add the ``export`` subcommand (one ``--<format> OUT`` option per registered format)."""
    p = add("export", cmd_export, "write the client's Excel workbook and PDF report of a project")
    suffixes = [e.suffix for e in exporters()]
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.epilog = (
        "Where the files go: with no format option, every format is written beside FILE, named after it:\n"
        f"  acme.roadmap -> {' and '.join('acme' + x for x in suffixes)}\n"
        f"  with --internal-notes: {' and '.join('acme-internal' + x for x in suffixes)}\n"
        "With format options, only those formats are written, each to its OUT. An export with internal notes\n"
        "must be named <name>-internal.<ext>, so it never replaces the client's version. Existing files are\n"
        "not replaced unless --force is given. A project not fully scored is exported as a DRAFT: a note\n"
        "says so, and every page and sheet is marked with how many capabilities are fully scored."
    )
    p.add_argument("file", type=Path, help="the .roadmap project file")
    for exporter in exporters():
        p.add_argument(
            f"--{exporter.id}",
            type=Path,
            metavar="OUT",
            help=f"write the {exporter.label} to OUT (default: beside FILE, named after it)",
        )
    p.add_argument(
        "--internal-notes",
        action="store_true",
        help="include internal notes and evidence (never meant for the client); files named <name>-internal",
    )
    p.add_argument("--force", action="store_true", help="replace export files that exist already")
    p.add_argument(
        "--participant-names",
        action="store_true",
        help="name the participants where their views diverged (the client version only counts them)",
    )


def _targets(ns: argparse.Namespace) -> list[tuple[Exporter, Path]]:
    """Return the chosen formats and files: those given as options, else every format next to FILE.

    Raises:
        UsageError: an export with internal notes is given a name without ``-internal``.
    """
    file: Path = ns.file
    chosen = [(e, getattr(ns, e.id)) for e in exporters() if getattr(ns, e.id) is not None]
    if not chosen:
        return default_targets(file.parent, file.stem, exporters(), internal=ns.internal_notes)
    for _, path in chosen:
        if ns.internal_notes and not is_internal_name(path):
            raise UsageError(
                f"{path.name}: an export with internal notes must be named {internal_name(path).name}, "
                "so it never replaces the client's version"
            )
    return chosen


def refuse_existing(targets: Sequence[tuple[Exporter, Path]]) -> None:
    """Refuse to replace existing files (without ``--force``).

    Raises:
        UsageError: one line naming the existing files; nothing was written.
    """
    existing = existing_targets([path for _, path in targets])
    if existing:
        names = " and ".join(path.name for path in existing)
        verb = "exists" if len(existing) == 1 else "exist"
        raise UsageError(f"{names}: {verb} already; add --force to replace {'it' if len(existing) == 1 else 'them'}")


def check_export_targets(targets: Sequence[tuple[Exporter, Path]], project_file: Path | None) -> None:
    """Refuse targets that would replace the project, its backup or lock, a device ... (see the module).

    Raises:
        UsageError: one line naming the refused file and the reason; nothing was written.
    """
    try:
        check_targets([path for _, path in targets], protected_files(project_file))
    except TargetRefused as exc:
        raise UsageError(str(exc)) from None


def export_project(
    project: Project,
    targets: Sequence[tuple[Exporter, Path]],
    *,
    include_internal: bool = False,
    participant_names: bool = False,
) -> list[str]:
    """Write the requested exports of a project; return the lines to report (written files, warnings).

    Every format is rendered before the first file is written.

    Raises:
        UsageError: an export could not be written (one line naming the file and the problem);
            the files written before it are printed first.
    """
    report = build_report(project, include_internal=include_internal, participant_names=participant_names)
    written: list[Path] = []
    try:
        warnings = export_files(targets, report, on_written=written.append)
    except ExportError as exc:
        print_lines([f"Wrote {path}" for path in written])
        raise UsageError(str(exc)) from None
    return [*(f"warning: {w}" for w in warnings), *(f"Wrote {path}" for path in written)]


def print_lines(lines: list[str]) -> None:
    """Print each line: warnings and notes on stderr, the rest on stdout."""
    for line in lines:
        print(line, file=sys.stderr if line.startswith(("warning:", "note:")) else sys.stdout)


def cmd_export(ns: argparse.Namespace) -> int:
    """Write the workbook and/or the report of a project."""
    targets = _targets(ns)
    check_export_targets(targets, ns.file)
    if not ns.force:
        refuse_existing(targets)
    project = open_project(ns.file)
    print_lines(draft_notes(project))
    print_lines(
        export_project(project, targets, include_internal=ns.internal_notes, participant_names=ns.participant_names)
    )
    print_lines(roadmap_notes(project, ns.file))
    return 0


def draft_notes(project: Project) -> list[str]:
    """Return the note that the exports are a draft (not every capability fully scored), or nothing."""
    from planner.model.scoring import score_project

    coverage = score_project(project.model, project.assessment).coverage
    if not coverage.draft:
        return []
    return [f"note: {coverage.draft_line}. Every page and sheet of the exports is marked DRAFT."]


def roadmap_notes(project: Project, path: Path) -> list[str]:
    """Return the notes on the roadmap for the consultant: staleness, then each warning."""
    from planner.model.roadmap import roadmap_warnings, stale_reasons

    eng = project.engagement
    notes = []
    if stale_reasons(project.model, project.assessment, project.roadmap, org_size=eng.org_size):
        notes.append(
            "note: the roadmap predates the latest scores, and the exports say so; regenerate it with "
            f"planner roadmap {path.name} --regenerate, or confirm it as is in the app"
        )
    warnings = roadmap_warnings(
        project.model, project.assessment, project.roadmap, start_date=eng.start_date, org_size=eng.org_size
    )
    return notes + [f"note: roadmap warning (in the exports): {w}" for w in warnings]
