"""Where the participants' views diverged, for the report's optional section.

The client version shows no names: each score with how many people gave it ("1 at 1, 2 at 3").
Names appear only when the consultant asks for them (``names=True``), since a client's people may
not want their own scores circulated. At most :data:`VIEWS_MAX` lenses, widest spread first, and
only lenses at least two points apart (a one-point difference is ordinary judgement).
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.model.project import Project
from planner.model.voices import disagreements

__all__ = ["VIEWS_MAX", "ViewRow", "views_part"]

VIEWS_MAX = 15


@dataclass(frozen=True, slots=True)
class ViewRow:
    """One lens on which the views diverged."""

    capability: str
    lens: str
    low: int
    high: int
    median: int | None
    consensus: int | None
    who: str


def views_part(project: Project, *, names: bool = False) -> tuple[ViewRow, ...]:
    """Return the lenses whose votes are two or more points apart, widest first (empty: none)."""
    model = project.model
    people = {p.id: p.name for p in project.engagement.participants}
    rows = []
    for item in disagreements(project, minimum_width=2)[:VIEWS_MAX]:
        parts = []
        for score, ids in item.spread.by_score.items():
            shown = "N/A" if score is None else str(score)
            if names:
                parts.append(f"{shown}: {', '.join(people.get(i, i) for i in ids)}")
            else:
                parts.append(f"{len(ids)} at {shown}")
        rows.append(
            ViewRow(
                model.capability(item.capability_id).name,
                model.lens(item.lens_id).name,
                item.spread.low or 0,
                item.spread.high or 0,
                item.median,
                item.consensus,
                "; ".join(parts),
            )
        )
    return tuple(rows)
