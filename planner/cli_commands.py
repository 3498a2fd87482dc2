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
from planner.model.scoring import Scorecard, score_project
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


def summary_json(project: Project, card: Scorecard) -> dict[str, Any]:
    """Return the documented ``summary --json`` shape."""
    model = project.model
    return {
        "client": project.engagement.client,
        "model": model.id,
        "overall": {"score": card.overall.score, "level": card.overall.level},
        "domains": [
            {"id": d.domain, "name": model.domain(d.domain).name, "score": d.score, "level": d.level}
            for d in card.domains
        ],
        "capabilities": [
            {
                "id": c.capability,
                "domain": model.capability(c.capability).domain,
                "applicable": c.applicable,
                "score": c.score,
                "level": c.level,
                "target": c.target,
                "gap": c.gap,
                "complete": c.complete,
            }
            for c in card.capabilities.values()
        ],
    }


def _pct(score: float | None) -> str:
    return f"{percent(score):>6}"


def cmd_summary(ns: argparse.Namespace) -> int:
    """Print scores and levels."""
    project = open_project(ns.file)
    model = project.model
    card = score_project(model, project.assessment)
    if ns.json:
        print(json.dumps(summary_json(project, card), indent=2, ensure_ascii=False))
        return 0
    eng = project.engagement
    print(f"{eng.client or '(no client)'}: {model.name}")
    print(f"Overall {_pct(card.overall.score)}  {level_text(model.level_name(card.overall.level))}")
    print(f"{card.scored_count} of {card.applicable_count} applicable capabilities fully scored\n")
    for dom in card.domains:
        print(f"{model.domain(dom.domain).name:46} {_pct(dom.score)}  {model.level_name(dom.level)}")
        for cap_id in model.domain(dom.domain).capability_ids:
            c = card.capabilities[cap_id]
            name = model.capability(cap_id).name
            if not c.applicable:
                print(f"  {name:44}   n/a")
                continue
            target = f"-> {model.level_name(c.target)} (gap {c.gap})" if c.target and c.gap is not None else ""
            flag = "" if c.complete else "  [incomplete]"
            print(f"  {name:44} {_pct(c.score)}  {model.level_name(c.level):12} {target}{flag}")
    return 0
