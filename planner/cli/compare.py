"""``planner compare``: what moved between two assessments of one client.

* ``planner compare OLD NEW [--json]``: two project files (last quarter's and this quarter's),
  OLD's assessment against NEW's, with NEW's roadmap for the work done in between. OLD may be on
  an older model (FinOps 2025): it is carried through NEW's model's upgrade mapping. Files of two
  different clients are refused.
* ``planner compare FILE [--round ID] [--to ID] [--json]``: within one file, round ``ID`` (default:
  the latest) against ``--to`` round (default: the assessment as it is now).

The ``--json`` shape is stable (keys may be added, never renamed); scores are percentages,
unrounded, ``delta`` is after minus before in points, ``null`` where there is no score; levels and
capabilities are ids of the (later side's) model; ``movement`` is ``up``, ``down``,
``unchanged`` or ``not_scored``::

    {"client": "Acme", "model": {"id": "finops-2026", "revision": 2},
     "before": {"label": "Baseline, November 2026", "date": "2026-11-29", "round": "round-1",
                "file": null, "model": {"id": "finops-2026", "revision": 2}},
     "after":  {"label": "Now", "date": "2027-05-20", "round": null, "file": null, "model": {...}},
     "overall": {"before": 31.4, "after": 44.9, "delta": 13.5, "level_before": "none",
                 "level_after": "crawl", "movement": "up"},
     "domains": [{"id": "...", "name": "...", "before": 25.0, "after": 40.0, "delta": 15.0,
                  "level_before": "none", "level_after": "crawl", "movement": "up"}],
     "capabilities": [{"id": "allocation", "domain": "...", "name": "Allocation", "before": 35.0,
                       "after": 55.0, "delta": 20.0, "level_before": "none", "level_after": "crawl",
                       "target": "walk", "movement": "up", "done": ["allocation.crawl.1"],
                       "in_progress": []}],
     "done": [{"id": "...", "title": "...", "capability": "allocation", "phase": "crawl",
               "done_date": "2027-02-15", "capability_moved": true}],
     "moved_without_work": ["forecasting"],
     "work_without_move": ["anomalies"],
     "unmapped": ["..."],
     "counts": {"up": 6, "down": 1, "unchanged": 14, "not_scored": 1}}

``before.file`` and ``after.file`` name the files compared (two-file form), ``round`` the round
ids (``null`` for an assessment as it is now). Exit 2 with one line naming the file and the
problem for a bad file, an unknown round, a project without rounds, two clients, or a model the
later one cannot map from.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from planner.cli.common import AddCommand, UsageError, open_project
from planner.model.compare import (
    CompareRefused,
    Comparison,
    ScoreDelta,
    Snapshot,
    compare,
    compare_in_project,
    current_snapshot,
)
from planner.model.project import Project
from planner.report.formatting import level_text, percent
from planner.report.progress import MOVEMENT_TEXT, points, progress_from

__all__ = ["cmd_compare", "comparison_json", "register"]


def register(add: AddCommand) -> None:
    """Add the ``compare`` subcommand."""
    p = add("compare", cmd_compare, "progress between two rounds of a project, or two project files")
    p.add_argument("file", type=Path, help="the project (or, with NEW, the earlier project file)")
    p.add_argument("new", type=Path, nargs="?", help="the later project file of the same client")
    p.add_argument("--round", dest="round_id", metavar="ID", help="the earlier round (default: the latest)")
    p.add_argument("--to", dest="to_round", metavar="ID", help="the later round (default: the assessment now)")
    p.add_argument("--json", action="store_true", help="machine-readable output (documented shape)")


def _same_client(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _two_files(old_path: Path, new_path: Path) -> tuple[Project, Comparison]:
    old, new = open_project(old_path), open_project(new_path)
    if not _same_client(old.engagement.client, new.engagement.client):
        raise UsageError(
            f"{old_path.name} and {new_path.name} are for different clients "
            f"({old.engagement.client or 'no client'!r} and {new.engagement.client or 'no client'!r}): "
            "compare assessments of one client"
        )
    before = current_snapshot(old, old_path.stem)
    after = current_snapshot(new, new_path.stem)
    try:
        return new, compare(new.model, before, after, new.roadmap.initiatives)
    except CompareRefused as exc:
        raise UsageError(f"{old_path.name}: {exc}") from None


def _side(snap: Snapshot, file: Path | None) -> dict[str, Any]:
    return {
        "label": snap.label,
        "date": snap.date or None,
        "round": snap.round_id,
        "file": file.name if file else None,
        "model": {"id": snap.model_id, "revision": snap.model_revision},
    }


def _scores(delta: ScoreDelta) -> dict[str, Any]:
    return {
        "before": delta.before,
        "after": delta.after,
        "delta": delta.delta,
        "level_before": delta.level_before,
        "level_after": delta.level_after,
        "movement": delta.movement,
    }


def comparison_json(
    client: str, cmp: Comparison, files: tuple[Path | None, Path | None] = (None, None)
) -> dict[str, Any]:
    """The documented ``compare --json`` shape."""
    model = cmp.model
    domain_names = {d.id: d.name for d in model.domains}
    return {
        "client": client,
        "model": {"id": model.id, "revision": model.revision},
        "before": _side(cmp.before, files[0]),
        "after": _side(cmp.after, files[1]),
        "overall": _scores(cmp.overall),
        "domains": [{"id": d, "name": domain_names[d], **_scores(s)} for d, s in cmp.domains.items()],
        "capabilities": [
            {
                "id": c.capability,
                "domain": c.domain,
                "name": model.capability(c.capability).name,
                **_scores(c.score),
                "target": c.target,
                "done": list(c.done),
                "in_progress": list(c.in_progress),
            }
            for c in cmp.capabilities
        ],
        "done": [
            {
                "id": d.id,
                "title": d.title,
                "capability": d.capability,
                "phase": d.phase,
                "done_date": d.done_date,
                "capability_moved": d.capability_moved,
            }
            for d in cmp.done
        ],
        "moved_without_work": list(cmp.moved_without_work),
        "work_without_move": list(cmp.work_without_move),
        "unmapped": list(cmp.unmapped),
        "counts": {m: cmp.count(m) for m in MOVEMENT_TEXT},
    }


def _lines(project: Project, cmp: Comparison) -> list[str]:
    report = progress_from(project, cmp)
    lines = [
        f"{project.engagement.client or '(no client)'}: {report.before_label} ({report.before_date or 'undated'}) "
        f"-> {report.after_label} ({report.after_date or 'undated'})",
        report.headline,
        "",
    ]

    def row(name: str, r: Any, indent: str) -> str:
        levels = f"{level_text(r.level_before):9} -> {level_text(r.level_after):9}"
        return (
            f"{indent}{name:{46 - len(indent)}} {percent(r.before):>6} -> {percent(r.after):>6} "
            f"{points(r.delta):>11}  {levels} {r.movement_text}"
        )

    by_domain: dict[str, list[Any]] = {}
    for cap in report.capabilities:
        by_domain.setdefault(cap.domain_name, []).append(cap)
    for dom in report.domains:
        lines.append(row(dom.name, dom, ""))
        lines += [row(c.name, c, "  ") for c in by_domain.get(dom.name, [])]
    lines.append("")
    lines.append(f"Done since {report.before_label}: {len(report.done)}")
    for d in report.done:
        moved = "its capability moved up" if d.capability_moved else "its capability has not moved yet"
        lines.append(f"  {d.done_on or 'undated':12} {d.capability}: {d.title} ({moved})")
    if report.moved_without_work:
        lines.append("Moved without planned work: " + ", ".join(report.moved_without_work))
    if report.work_without_move:
        lines.append("Work done, capability not moved yet: " + ", ".join(report.work_without_move))
    lines += [f"Not compared: {u}" for u in report.unmapped]
    return lines


def cmd_compare(ns: argparse.Namespace) -> int:
    """Print the comparison."""
    files: tuple[Path | None, Path | None] = (None, None)
    if ns.new is not None:
        if ns.round_id or ns.to_round:
            raise UsageError("--round and --to compare rounds within one file; give one file with them")
        project, cmp = _two_files(ns.file, ns.new)
        files = (ns.file, ns.new)
    else:
        project = open_project(ns.file)
        try:
            cmp = compare_in_project(project, ns.round_id, ns.to_round)
        except CompareRefused as exc:
            raise UsageError(f"{ns.file.name}: {exc}") from None
    if ns.json:
        print(json.dumps(comparison_json(project.engagement.client, cmp, files), indent=2, ensure_ascii=False))
        return 0
    print("\n".join(_lines(project, cmp)))
    return 0
