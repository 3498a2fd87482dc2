"""Time horizons: the stretches a plan is read in (Now, Next, Later by default).

A horizon's ``end_month`` is the first month after it (months count from 0), so the defaults read
as months 1-3, 4-12 and 13 on; the last horizon has no end. An initiative belongs to the horizon
its start month falls in: that is when the client commits people to it. Horizons are checked on
load to have increasing ends with only the last one open.
"""

from __future__ import annotations

from collections.abc import Sequence

from planner.model.project import Horizon, Initiative, Roadmap
from planner.model.roadmap.schedule import UNSCHEDULED_STATUSES

__all__ = ["horizon_bounds", "horizon_of", "horizon_spans", "initiatives_by_horizon"]


def horizon_bounds(horizons: Sequence[Horizon]) -> list[tuple[Horizon, int, int | None]]:
    """Return each horizon with its first month and its end month (``None``: open-ended)."""
    out: list[tuple[Horizon, int, int | None]] = []
    first = 0
    for horizon in horizons:
        out.append((horizon, first, horizon.end_month))
        if horizon.end_month is None:
            break
        first = horizon.end_month
    return out


def horizon_of(horizons: Sequence[Horizon], month: int) -> str:
    """Return the id of the horizon month ``month`` falls in (the last one past every end)."""
    bounds = horizon_bounds(horizons)
    for horizon, _, end in bounds:
        if end is None or month < end:
            return horizon.id
    return bounds[-1][0].id if bounds else ""


def initiatives_by_horizon(roadmap: Roadmap) -> dict[str, list[Initiative]]:
    """Return horizon id -> its scheduled initiatives in roadmap order (every horizon present)."""
    out: dict[str, list[Initiative]] = {h.id: [] for h in roadmap.horizons}
    for item in roadmap.initiatives:
        if item.status in UNSCHEDULED_STATUSES:
            continue
        out.setdefault(horizon_of(roadmap.horizons, item.start_month), []).append(item)
    return out


def horizon_spans(roadmap: Roadmap) -> dict[str, tuple[int, int]]:
    """Return horizon id -> (first month, end month) as the plan fills it.

    A closed horizon spans its window; the open last one runs to the end of the plan's last
    initiative that starts in it (an empty open horizon spans nothing).
    """
    ends = {h.id: max((i.end_month for i in items), default=0) for h, items in _grouped(roadmap)}
    spans: dict[str, tuple[int, int]] = {}
    for horizon, first, end in horizon_bounds(roadmap.horizons):
        spans[horizon.id] = (first, end if end is not None else max(first, ends.get(horizon.id, first)))
    return spans


def _grouped(roadmap: Roadmap) -> list[tuple[Horizon, list[Initiative]]]:
    found = initiatives_by_horizon(roadmap)
    return [(h, found.get(h.id, [])) for h in roadmap.horizons]
