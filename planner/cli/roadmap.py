"""``planner roadmap FILE [--regenerate] [--json]``: the roadmap by horizon, with its warnings.

The text output reads as a client reads the plan: a roadmap that predates the latest scores says
so first (with what changed and how to regenerate it); then the plan in one line and each time
horizon (Now, Next, Later) with its calendar months and its initiatives, one a line: calendar
start, maturity (the phase: the level it works towards), capability, owner and title, with
markers for work begun, done, deferred or dropped, pinned, locked, custom or edited; the deferred
and dropped ones last; then the warnings. Months read as calendar months from the engagement's
start month ("Mar 2027"), or "Month 4" when the project has none.

``--regenerate`` rebuilds the roadmap from the current assessment, for the engagement's
organisation size and with the roadmap's own settings (capacity, owner capacity, scope, horizons,
dismissed items), keeping locked, edited and custom initiatives (a project without a roadmap gets
a fresh one), prints what changed and saves the file atomically while holding the project's
lock, so a project open in the desktop app is never overwritten underneath it. When nothing
changes, the file is left as it is.

The ``--json`` shape is documented (design section 8) and stable; keys may be added, never
renamed::

    {"capacity": 4, "owner_capacity": 2, "scope": "lean", "org_size": "midsize",
     "start_date": "2027-01",
     "stale": false, "stale_reasons": [],
     "phases": [{"id": "crawl", "name": "Crawl", "start_month": 0, "end_month": 4,
                 "start": "2027-01", "end": "2027-04", "label": "Jan-Apr 2027"}, ...],
     "horizons": [{"id": "now", "name": "Now", "start_month": 0, "end_month": 3,
                   "start": "2027-01", "end": "2027-03", "label": "Jan-Mar 2027",
                   "initiatives": 6}, ...],
     "initiatives": [{the initiative object of the project file, with "pinned_start" and
                      "status", plus "horizon": "now", "start": "2027-01",
                      "start_label": "Jan 2027", "end": "2027-02", "end_label": "Feb 2027"}],
     "warnings": ["..."]}

with, after ``--regenerate``, a ``"regeneration"`` object listing the ids ``added``, ``removed``
and ``kept``. Months count from 0 in JSON, as in the file: ``start_month`` is the first month,
``end_month`` the month after the last. ``start`` and ``end`` are the first and the last month
of work as ``YYYY-MM`` (``null`` when the project has no ``start_date``), ``start_label`` and
``end_label`` the same months as a reader reads them ("Mar 2027", or "Month 4" undated). An
initiative's ``horizon`` is the id of the horizon its start month falls in, ``null`` for a
deferred or dropped one (out of the schedule; its months are kept for the record). A phase
without initiatives has ``null`` start, end and label; the last horizon is open-ended and runs as
far as its initiatives do (an empty one has ``null`` end). ``stale`` says whether the roadmap
predates the latest scores, ``stale_reasons`` what changed since it was generated.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from planner.cli.common import AddCommand, UsageError, open_project
from planner.model.calendar import plan_month
from planner.model.edits import EditRefused, replace_roadmap
from planner.model.project import Project
from planner.model.roadmap import RegenerationPlan, nothing_to_plan_reason, plan_capabilities, regenerate
from planner.report.data import InitiativeRow, ReportData, build_report
from planner.storage.errors import ProjectFileError
from planner.storage.projectdoc import project_to_document
from planner.storage.session import ProjectSession

__all__ = ["register", "roadmap_json", "roadmap_lines", "stale_lines", "year_month"]


def register(add: AddCommand) -> None:
    """Add the ``roadmap`` subcommand."""
    p = add(
        "roadmap",
        cmd_roadmap,
        "the roadmap by horizon in calendar months, with warnings; --regenerate rebuilds it (keeping manual "
        "edits) and saves the file",
    )
    p.add_argument("file", type=Path)
    p.add_argument(
        "--regenerate",
        action="store_true",
        help="rebuild the roadmap from the assessment, keeping locked, edited and custom initiatives, and save",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output (documented shape)")


def year_month(start_date: str | None, month: int) -> str | None:
    """Return plan month ``month`` (0-based) as ``YYYY-MM``, or ``None`` when the plan is undated."""
    found = plan_month(start_date, month)
    return None if found is None else f"{found[0]:04d}-{found[1]:02d}"


def _span(start_date: str | None, start: int, end: int, label: str) -> dict[str, Any]:
    """The calendar keys of a span ``[start, end)``; ``null`` ones when it is empty."""
    if end <= start:
        return {"start": year_month(start_date, start), "end": None, "label": label or None}
    return {"start": year_month(start_date, start), "end": year_month(start_date, end - 1), "label": label}


def _initiative(raw: dict[str, Any], row: InitiativeRow | None, start_date: str | None) -> dict[str, Any]:
    if row is None:  # not reached: the report lists every initiative
        return raw
    return raw | {
        "horizon": row.horizon or None,
        "start": year_month(start_date, row.start_month),
        "start_label": row.start_label,
        "end": year_month(start_date, max(row.start_month, row.end_month - 1)),
        "end_label": row.end_label,
    }


def roadmap_json(project: Project, report: ReportData | None = None) -> dict[str, Any]:
    """Return the documented ``roadmap --json`` shape (see the module docstring)."""
    report = report or build_report(project)
    road, start = project.roadmap, report.start_date
    rows = {row.id: row for row in report.initiatives}
    empty_phases = {p.id for p in report.phases if not p.initiatives}
    return {
        "capacity": road.capacity,
        "owner_capacity": road.owner_capacity,
        "scope": road.scope,
        "org_size": project.engagement.org_size,
        "start_date": start,
        "stale": report.stale,
        "stale_reasons": list(report.stale_reasons),
        "phases": [
            {"id": p.id, "name": p.name, "start_month": p.start_month, "end_month": p.end_month}
            | (
                {"start": None, "end": None, "label": None}
                if p.id in empty_phases
                else _span(start, p.start_month, p.end_month, p.span_label)
            )
            for p in report.phases
        ],
        "horizons": [
            {"id": h.id, "name": h.name, "start_month": h.start_month, "end_month": h.end_month}
            | _span(start, h.start_month, h.end_month, h.span_label)
            | {"initiatives": len(h.initiatives)}
            for h in report.horizons
        ],
        "initiatives": [
            _initiative(raw, rows.get(raw["id"]), start)
            for raw in project_to_document(project)["roadmap"]["initiatives"]
        ],
        "warnings": list(report.warnings),
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
        print("\n".join(_diff_lines(project, plan, path, saved)))
        return 0
    print("\n".join(roadmap_lines(project, path)))
    return 0


def _regenerate_and_save(path: Path) -> tuple[Project, RegenerationPlan, bool]:
    """Rebuild the roadmap and save the file (holding its lock); return whether it was saved.

    The file is opened and saved through a :class:`~planner.storage.session.ProjectSession`, as
    the app does: a project open in the app is refused, and a file changed on disk between reading
    and saving is not overwritten. The roadmap is its own settings (capacity, owner capacity,
    scope, horizons, dismissed items) and the engagement gives the organisation size.
    """
    try:
        project, session = ProjectSession.open(path)
    except ProjectFileError as exc:
        raise UsageError(str(exc)) from None
    try:
        plan = regenerate(project.model, project.assessment, project.roadmap, org_size=project.engagement.org_size)
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


def _flags(item: InitiativeRow) -> str:
    marks = [item.status.replace("_", " ")] if item.status != "planned" else []
    marks += [
        flag
        for flag, on in (
            ("pinned", item.pinned),
            ("locked", item.locked),
            ("custom", item.origin == "custom"),
            ("edited", item.edited),
        )
        if on
    ]
    return "".join(f"  [{mark}]" for mark in marks)


def _item_line(item: InitiativeRow, widths: tuple[int, int]) -> str:
    owner = item.owner or "no owner"
    return (
        f"  {item.start_label:<{widths[0]}}  {item.phase_name:<{widths[1]}}  "
        f"{item.capability_name} ({owner}): {item.title}{_flags(item)}"
    )


def stale_lines(report: ReportData, path: Path) -> list[str]:
    """Return what a stale roadmap says first: that it is out of date, what changed, how to fix it."""
    if not report.stale:
        return []
    lines = ["Out of date: this roadmap predates the latest scores. Since it was generated:"]
    lines += [f"  - {reason}" for reason in report.stale_reasons]
    lines.append(
        f"Regenerate it with: planner roadmap {path.name} --regenerate "
        "(locked, edited and custom initiatives are kept), or confirm it as is in the app."
    )
    return [*lines, ""]


def roadmap_lines(project: Project, path: Path, report: ReportData | None = None) -> list[str]:
    """Return the text output: staleness first, a heading, each horizon with its initiatives, the warnings."""
    report = report or build_report(project)
    client = project.engagement.client or path.name
    lines = stale_lines(report, path)
    if not report.initiatives:
        lines.append(f"Roadmap for {client}: at most {report.capacity} initiatives at a time")
        lines.append("")
        if plan_capabilities(project.model, project.assessment):
            lines.append(
                f"The roadmap is empty. Draft it from the assessment with: planner roadmap {path.name} --regenerate"
            )
        else:
            lines.append(nothing_to_plan_reason(project.model, project.assessment))
    else:
        lines.append(f"Roadmap for {client}: {_plan_text(report)}")
        if not report.dated:
            lines.append("Months count from the start of the plan: the project has no start month.")
        widths = (
            max(len(i.start_label) for i in report.initiatives),
            max(len(i.phase_name) for i in report.initiatives),
        )
        for horizon in report.horizons:
            lines += ["", f"{horizon.heading}, {_initiatives(len(horizon.initiatives))}"]
            lines.extend(_item_line(item, widths) for item in horizon.initiatives)
        if report.unscheduled:
            lines += ["", f"Not scheduled (deferred or dropped): {_initiatives(len(report.unscheduled))}"]
            lines.extend(_item_line(item, widths) for item in report.unscheduled)
    if report.warnings:
        lines.append("")
        lines.append(f"Warnings ({len(report.warnings)}):")
        lines.extend(f"  - {w}" for w in report.warnings)
    return lines


def _initiatives(count: int) -> str:
    """Return "no initiatives", "1 initiative" or "5 initiatives"."""
    return "no initiatives" if not count else f"{count} initiative{'s' if count != 1 else ''}"


def _plan_text(report: ReportData) -> str:
    count = len(report.scheduled)
    if not count:
        return "nothing scheduled: every initiative is deferred or dropped"
    span = f" ({report.plan_span_label})" if report.dated and count else ""
    return (
        f"{_initiatives(count)} over {report.months} months{span}, "
        f"at most {report.capacity} at a time and {report.owner_capacity} per owner, {report.scope} scope"
    )


def _diff_lines(project: Project, plan: RegenerationPlan, path: Path, saved: bool) -> list[str]:
    lines = [f"Regenerated the roadmap: {len(plan.added)} added, {len(plan.removed)} removed, {len(plan.kept)} kept."]
    if not plan.result.initiatives:
        lines.append(nothing_to_plan_reason(project.model, project.assessment))
    report = build_report(project)
    rows = {row.id: row for row in report.initiatives}
    names = {p.id: p.name for p in plan.result.phases}
    for title, mark, items in (("Added", "+", plan.added), ("Removed", "-", plan.removed)):
        if items:
            lines.append(f"{title}:")
            for item in items:
                start = rows[item.id].start_label + "  " if item.id in rows and mark == "+" else ""
                lines.append(f"  {mark} {start}{names.get(item.phase, item.phase)}: {item.title}")
    manual = sum(1 for i in plan.kept if i.locked or i.edited or i.origin == "custom")
    if manual:
        lines.append(f"Kept {manual} locked, edited or custom initiative{'s' if manual != 1 else ''} as they were.")
    lines.append(
        f"Saved {path.name}." if saved else f"{path.name} already matched the assessment: the file is unchanged."
    )
    return lines
