"""The subcommands behind :mod:`planner.cli` (each returns an exit code or raises UsageError)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.cli import UsageError
from planner.model.project import Assessment, Engagement, Project, Roadmap, default_phases
from planner.report.data import ReportData, build_report
from planner.report.formatting import level_text, percent
from planner.storage.errors import ProjectFileError
from planner.storage.models import DEFAULT_MODEL, bundled_models, load_bundled_model
from planner.storage.projectfile import check_project_file, load_project, save_project

__all__ = ["AddCommand", "command_names", "launch_gui", "summary_json"]

#: The ``add(name, func, help)`` callable a command module's ``register`` receives.
AddCommand = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


def command_names() -> set[str]:
    """Return the names of every subcommand (so a file of that name is never taken for one)."""
    return {"models", "new", "validate", "summary", "roadmap", "export", "demo"}


def open_project(path: Path) -> Project:
    """Load a project for a command, turning a file problem into a usage error."""
    try:
        return load_project(path)
    except ProjectFileError as exc:
        raise UsageError(str(exc)) from None


def launch_gui(path: Path | None, *, smoke: bool = False) -> int:
    """Start the desktop app (optionally on a file)."""
    if path is not None and not path.is_file():
        raise UsageError(f"{path.name}: the file does not exist")
    try:
        from planner.ui.app import run_app
    except ModuleNotFoundError as exc:
        if exc.name != "planner.ui.app":
            raise UsageError(f"the desktop app cannot start ({exc}); see 'planner --help'") from None
        from planner.cli import build_parser

        build_parser().print_help()  # the desktop app is not part of this build yet
        return 0
    except ImportError as exc:  # PySide6 or the system's Qt libraries are missing
        raise UsageError(
            f"the desktop app cannot start ({exc}); the command line still works, see 'planner --help'"
        ) from None
    return run_app(path, smoke=smoke)


def cmd_models(ns: argparse.Namespace) -> int:
    """List bundled models."""
    for info in bundled_models():
        default = "  (default)" if info.id == DEFAULT_MODEL else ""
        print(f"{info.id:20} {info.name}{default}")
    return 0


def cmd_new(ns: argparse.Namespace) -> int:
    """Create an unscored project for a client."""
    out: Path = ns.output
    client = ns.client.strip()
    if not client:
        raise UsageError("--client must not be empty")
    if out.exists() and not ns.force:
        raise UsageError(f"{out.name}: the file already exists (use --force to overwrite it)")
    try:
        model = load_bundled_model(ns.model or DEFAULT_MODEL)
    except KeyError as exc:
        raise UsageError(str(exc.args[0])) from None
    project = Project(
        model=model,
        engagement=Engagement(client=client, assessment_date=dt.date.today().isoformat()),
        assessment=Assessment(lens_weights={lens: 1.0 for lens in model.lens_ids}),
        roadmap=Roadmap(phases=default_phases(model)),
    )
    try:
        save_project(project, out, keep_backup=False)
    except ProjectFileError as exc:
        raise UsageError(str(exc)) from None
    print(f"Created {out} for {client} ({model.name}, {len(model.capabilities)} capabilities).")
    return 0


def cmd_validate(ns: argparse.Namespace) -> int:
    """Print every problem of a project file; exit 2 when there is any."""
    problems = check_project_file(ns.file)
    if not problems:
        print(f"{ns.file.name}: valid project file")
        return 0
    for line in problems:
        print(line, file=sys.stderr)
    return 2


def summary_json(report: ReportData) -> dict[str, Any]:
    """Return the documented ``summary --json`` shape (scores unrounded, as the report holds them)."""
    return {
        "client": report.client,
        "model": report.model_id,
        "overall": {"score": report.overall_score, "level": report.overall_level},
        "domains": [{"id": d.id, "name": d.name, "score": d.score, "level": d.level} for d in report.domains],
        "capabilities": [
            {
                "id": c.id,
                "domain": c.domain_id,
                "applicable": c.applicable,
                "score": c.score,
                "level": c.level,
                "target": c.target,
                "gap": c.gap,
                "complete": c.complete,
            }
            for c in report.capabilities
        ],
    }


def _pct(score: float | None) -> str:
    return f"{percent(score):>6}"


def summary_lines(report: ReportData) -> list[str]:
    """Return the text output of ``planner summary``: overall, then each domain with its capabilities."""
    lines = [
        f"{report.client or '(no client)'}: {report.model_name}",
        f"Overall {_pct(report.overall_score)}  {level_text(report.overall_level_name)}",
        f"{report.scored_count} of {report.applicable_count} applicable capabilities fully scored",
        "",
    ]
    for dom in report.domains:
        lines.append(f"{dom.name:46} {_pct(dom.score)}  {dom.level_name}")
        for c in dom.capabilities:
            if not c.applicable:
                lines.append(f"  {c.name:44}   n/a")
                continue
            target = f"-> {c.target_name} (gap {c.gap})" if c.target and c.gap is not None else ""
            flag = "" if c.complete else "  [incomplete]"
            lines.append(f"  {c.name:44} {_pct(c.score)}  {c.level_name:12} {target}{flag}")
    return lines


def cmd_summary(ns: argparse.Namespace) -> int:
    """Print scores and levels."""
    report = build_report(open_project(ns.file))
    if ns.json:
        print(json.dumps(summary_json(report), indent=2, ensure_ascii=False))
        return 0
    print("\n".join(summary_lines(report)))
    return 0
