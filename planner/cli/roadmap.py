"""``planner roadmap FILE [--regenerate] [--json]``: the roadmap by phase, with its warnings.

``--regenerate`` rebuilds the roadmap from the current assessment, keeping locked, edited and
custom initiatives (a project without a roadmap gets a fresh one), prints what changed and saves
the file atomically while holding the project's lock, so a project open in the desktop app is
never overwritten underneath it. When nothing changes, the file is left as it is.

The ``--json`` shape is documented (design section 8)::

    {"capacity": 3,
     "phases": [{"id": "crawl", "name": "Crawl", "start_month": 0, "end_month": 4}, ...],
     "initiatives": [the initiative objects of the project file],
     "warnings": ["..."]}

with, after ``--regenerate``, a ``"regeneration"`` object listing the ids ``added``, ``removed``
and ``kept``. Months count from 0 in JSON, as in the file; the text output counts from 1, as a
client reads a plan.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from planner.cli.common import AddCommand, UsageError, open_project
from planner.model.edits import EditRefused, replace_roadmap
from planner.model.project import Initiative, Project
from planner.model.roadmap import (
    RegenerationPlan,
    phase_spans,
    plan_capabilities,
    regenerate,
    roadmap_warnings,
)
from planner.report.formatting import month_span
from planner.storage.errors import ProjectFileError
from planner.storage.projectdoc import project_to_document
from planner.storage.session import ProjectSession

__all__ = ["register", "roadmap_json"]


def register(add: AddCommand) -> None:
    """Add the ``roadmap`` subcommand."""
    p = add(
        "roadmap",
        cmd_roadmap,
        "the roadmap by phase, with warnings; --regenerate rebuilds it (keeping manual edits) and saves the file",
    )
    p.add_argument("file", type=Path)
    p.add_argument(
        "--regenerate",
        action="store_true",
        help="rebuild the roadmap from the assessment, keeping locked, edited and custom initiatives, and save",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output (documented shape)")


def roadmap_json(project: Project) -> dict[str, Any]:
    """Return the documented ``roadmap --json`` shape."""
    road = project.roadmap
    spans = phase_spans(road)
    return {
        "capacity": road.capacity,
        "phases": [
            {"id": p.id, "name": p.name, "start_month": spans[p.id][0], "end_month": spans[p.id][1]}
            for p in road.phases
        ],
        "initiatives": project_to_document(project)["roadmap"]["initiatives"],
        "warnings": roadmap_warnings(project.model, project.assessment, road),
    }


def cmd_roadmap(ns: argparse.Namespace) -> int:
    """Print (and with --regenerate rebuild and save) a project's roadmap."""
    path: Path = ns.file
    plan: RegenerationPlan | None = None
    saved = False
    if ns.regenerate:
        project, plan, saved = _regenerate_and_save(path)
    else:
        project = open_project(path)
    if ns.json:
        doc = roadmap_json(project)
        if plan is not None:
            doc["regeneration"] = {
                "added": [i.id for i in plan.added],
                "removed": [i.id for i in plan.removed],
                "kept": [i.id for i in plan.kept],
            }
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return 0
    if plan is not None:
        print("\n".join(_diff_lines(plan, path, saved)))
        return 0
    print("\n".join(roadmap_lines(project, path)))
    return 0


def _regenerate_and_save(path: Path) -> tuple[Project, RegenerationPlan, bool]:
    """Rebuild the roadmap and save the file (holding its lock); return whether it was saved.

    The file is opened and saved through a :class:`~planner.storage.session.ProjectSession`, as
    the app does: a project open in the app is refused, and a file changed on disk between reading
    and saving is not overwritten.
    """
    try:
        project, session = ProjectSession.open(path)
    except ProjectFileError as exc:
        raise UsageError(str(exc)) from None
    try:
        plan = regenerate(project.model, project.assessment, project.roadmap)
        saved = plan.result != project.roadmap
        if saved:
            replace_roadmap(project, plan.result, "Regenerate roadmap").apply(project)
            session.save(project)
    except ProjectFileError as exc:
        raise UsageError(str(exc)) from None
    except EditRefused as exc:
        raise UsageError(f"{path.name}: the roadmap was not regenerated: {exc}") from None
    finally:
        session.close()
    return project, plan, saved


def _item_line(project: Project, item: Initiative) -> str:
    cap = project.model.capabilities.get(item.capability)
    cap_name = cap.name if cap is not None else item.capability
    flags = "".join(
        f"  [{flag}]"
        for flag, on in (("locked", item.locked), ("custom", item.origin == "custom"), ("edited", item.edited))
        if on
    )
    status = "" if item.status == "planned" else f"  ({item.status})"
    owner = item.owner or "no owner"
    return (
        f"  {month_span(item.start_month, item.end_month):13} {cap_name}: {item.title}"
        f"  ({owner}, effort {item.effort}){status}{flags}"
    )


def roadmap_lines(project: Project, path: Path) -> list[str]:
    """Return the text output: a heading, each phase with its initiatives, then the warnings."""
    road = project.roadmap
    client = project.engagement.client or path.name
    lines = [f"Roadmap for {client}: at most {road.capacity} initiatives at a time"]
    if not road.initiatives:
        lines.append("")
        if plan_capabilities(project.model, project.assessment):
            lines.append(
                f"The roadmap is empty. Draft it from the assessment with: planner roadmap {path.name} --regenerate"
            )
        else:
            lines.append(
                "Nothing to plan: every scored capability is already at or above its target, so the roadmap is empty."
            )
    spans = phase_spans(road)
    for phase in road.phases if road.initiatives else ():
        items = [i for i in road.initiatives if i.phase == phase.id]
        lines.append("")
        if not items:
            lines.append(f"{phase.name}: no initiatives")
            continue
        start, end = spans[phase.id]
        count = f"{len(items)} initiative{'s' if len(items) != 1 else ''}"
        lines.append(f"{phase.name}: {month_span(start, end)}, {count}")
        lines.extend(_item_line(project, item) for item in sorted(items, key=lambda i: i.start_month))
    warnings = roadmap_warnings(project.model, project.assessment, road)
    if warnings:
        lines.append("")
        lines.append(f"Warnings ({len(warnings)}):")
        lines.extend(f"  - {w}" for w in warnings)
    return lines


def _diff_lines(plan: RegenerationPlan, path: Path, saved: bool) -> list[str]:
    lines = [f"Regenerated the roadmap: {len(plan.added)} added, {len(plan.removed)} removed, {len(plan.kept)} kept."]
    if not plan.result.initiatives:
        lines.append("Nothing to plan: every scored capability is already at or above its target.")
    names = {p.id: p.name for p in plan.result.phases}
    for title, mark, items in (("Added", "+", plan.added), ("Removed", "-", plan.removed)):
        if items:
            lines.append(f"{title}:")
            lines.extend(f"  {mark} {names.get(i.phase, i.phase)}: {i.title}" for i in items)
    manual = sum(1 for i in plan.kept if i.locked or i.edited or i.origin == "custom")
    if manual:
        lines.append(f"Kept {manual} locked, edited or custom initiative{'s' if manual != 1 else ''} as they were.")
    lines.append(
        f"Saved {path.name}." if saved else f"{path.name} already matched the assessment: the file is unchanged."
    )
    return lines
