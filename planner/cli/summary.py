"""``planner summary FILE [--json]``: scores and levels, overall, per domain and per capability.

Both outputs read the report (:func:`planner.report.data.build_report`). The ``--json`` shape is
documented (design section 8) and stable: scores unrounded, ``null`` where there is none; keys
may be added, never renamed. Besides ``client``, ``model``, ``overall``, ``domains`` and
``capabilities`` it holds the roadmap in brief::

    "roadmap": {"initiatives": 24, "months": 18, "start": "2027-01", "end": "2028-06",
                "stale": false, "stale_reasons": []}

(``initiatives`` counts the scheduled ones; ``start`` and ``end`` are the plan's first and last
month as ``YYYY-MM``, ``null`` when the project has no start month or nothing is scheduled). The
text output writes scores and levels as every other view does (:mod:`planner.report.formatting`)
and gives the roadmap one line, which says when the roadmap predates the latest scores.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from planner.cli.common import AddCommand, open_project
from planner.report.data import ReportData, build_report
from planner.report.formatting import level_text, percent

__all__ = ["cmd_summary", "register", "roadmap_line", "summary_json", "summary_lines"]


def register(add: AddCommand) -> None:
    """Add the ``summary`` subcommand."""
    p = add("summary", cmd_summary, "scores and levels: overall, per domain, per capability")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="machine-readable output (documented shape)")


def summary_json(report: ReportData) -> dict[str, Any]:
    """Return the documented ``summary --json`` shape (scores unrounded, as the report holds them)."""
    return {
        "client": report.client,
        "model": report.model_id,
        "overall": {"score": report.overall_score, "level": report.overall_level},
        "domains": [{"id": d.id, "name": d.name, "score": d.score, "level": d.level} for d in report.domains],
        "roadmap": _roadmap_brief(report),
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


def _roadmap_brief(report: ReportData) -> dict[str, Any]:
    from planner.cli.roadmap import year_month

    months = report.months
    return {
        "initiatives": len(report.scheduled),
        "months": months,
        "start": year_month(report.start_date, 0) if months else None,
        "end": year_month(report.start_date, months - 1) if months else None,
        "stale": report.stale,
        "stale_reasons": list(report.stale_reasons),
    }


def roadmap_line(report: ReportData) -> str:
    """Return the roadmap in one line: its size and months, and whether it predates the latest scores."""
    count = len(report.scheduled)
    if not report.initiatives:
        return "Roadmap: none yet"
    span = f" ({report.plan_span_label})" if report.dated and count else ""
    line = f"Roadmap: {count} initiative{'s' if count != 1 else ''} over {report.months} months{span}"
    if report.stale:
        changes = len(report.stale_reasons)
        line += f"; out of date: it predates the latest scores ({changes} change{'s' if changes != 1 else ''})"
    return line


def _pct(score: float | None) -> str:
    return f"{percent(score):>6}"


def summary_lines(report: ReportData) -> list[str]:
    """Return the text output of ``planner summary``: overall, then each domain with its capabilities."""
    lines = [
        f"{report.client or '(no client)'}: {report.model_name}",
        f"Overall {_pct(report.overall_score)}  {level_text(report.overall_level_name)}",
        report.coverage.text + ("; the exports are marked DRAFT" if report.draft else ""),
        roadmap_line(report),
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
