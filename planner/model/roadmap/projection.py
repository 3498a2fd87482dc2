"""The expected level of every capability after each phase and at the end of each horizon.

A capability climbs one level at a time from its current level. It reaches level L when the
roadmap holds what the level takes and that work is finished: every *core* library item of L
that suits the client's size is in the roadmap (a level whose library has no core item for that
size needs all its suited items; a level without library items needs at least one custom item),
none of them deferred or dropped, and every item counted for L has ended. ``extra`` items add
depth; they do not hold a level back, but once in the roadmap they are part of the work for it.
A generated initiative counts for the level of its library entry wherever it is moved; a custom
one for the level of its phase. So deleting a core item, deferring it or moving it later shows in
the projection.

By phase (:func:`project_levels`), "finished" means planned in that phase or an earlier one; by
horizon (:func:`project_by_horizon`), ending by the horizon's end month (the open last horizon
takes everything). Not-applicable and unscored capabilities project to ``None`` throughout; a
capability never projects below its current level.
"""

from __future__ import annotations

from collections.abc import Callable

from planner.model.capmodel import CapabilityModel
from planner.model.project import Assessment, Initiative, Roadmap
from planner.model.roadmap.deps import initiative_level, level_ranks, template_index
from planner.model.roadmap.horizons import horizon_bounds
from planner.model.roadmap.schedule import UNSCHEDULED_STATUSES
from planner.model.scoring import score_capability

__all__ = ["project_by_horizon", "project_levels"]

Levels = dict[str, str | None]


def _work(
    model: CapabilityModel, roadmap: Roadmap, org_size: str | None
) -> dict[str, dict[int, list[Initiative] | None]]:
    """Return capability -> level rank -> the items that level takes (``None``: something missing)."""
    ranks = level_ranks(model)
    templates = template_index(model)
    present: dict[str, Initiative] = {}
    work: dict[str, dict[int, list[Initiative] | None]] = {}
    for item in roadmap.initiatives:
        rank = ranks.get(initiative_level(item, templates))
        if rank is None:
            continue
        levels = work.setdefault(item.capability, {})
        if item.template:
            present[item.template] = item
        if item.status in UNSCHEDULED_STATUSES:
            continue
        found = levels.setdefault(rank, [])
        if found is not None:
            found.append(item)
    for cap in model.iter_capabilities():
        for level in model.level_ids[1:]:
            suited = [t for t in cap.initiatives_for(level) if t.suits(org_size)]
            needed = [t for t in suited if t.tier == "core"] or suited
            levels = work.setdefault(cap.id, {})
            rank = ranks[level]
            missing = any(t.key not in present or present[t.key].status in UNSCHEDULED_STATUSES for t in needed)
            if missing or not levels.get(rank):
                levels[rank] = None
    return work


def _current(model: CapabilityModel, assessment: Assessment) -> Levels:
    current: Levels = {}
    for cap in model.iter_capabilities():
        record = assessment.capabilities.get(cap.id)
        applicable = record is None or record.applicable
        current[cap.id] = score_capability(model, assessment, cap.id).level if applicable else None
    return current


def _climb(
    model: CapabilityModel,
    current: Levels,
    work: dict[str, dict[int, list[Initiative] | None]],
    finished: Callable[[Initiative], bool],
) -> Levels:
    ranks = level_ranks(model)
    after: Levels = {}
    for cap_id, level in current.items():
        if level is None:
            after[cap_id] = None
            continue
        rank = ranks[level]
        levels = work.get(cap_id, {})
        while True:
            items = levels.get(rank + 1)
            if not items or not all(finished(i) for i in items):
                break
            rank += 1
        after[cap_id] = model.level_ids[rank]
    return after


def project_levels(
    model: CapabilityModel, assessment: Assessment, roadmap: Roadmap, *, org_size: str | None = None
) -> list[tuple[str, Levels]]:
    """Return ``("current", levels)`` then ``(phase id, levels after that phase)`` in phase order.

    Each ``levels`` maps every capability id (model order) to a level id or ``None``.
    """
    ranks = level_ranks(model)
    phases = sorted(roadmap.phases, key=lambda p: ranks.get(p.id, len(ranks)))
    pos = {p.id: i for i, p in enumerate(phases)}
    current = _current(model, assessment)
    work = _work(model, roadmap, org_size)
    result: list[tuple[str, Levels]] = [("current", dict(current))]
    for i, phase in enumerate(phases):

        def in_time(item: Initiative, i: int = i) -> bool:
            return pos.get(item.phase, i + 1) <= i

        result.append((phase.id, _climb(model, current, work, in_time)))
    return result


def project_by_horizon(
    model: CapabilityModel, assessment: Assessment, roadmap: Roadmap, *, org_size: str | None = None
) -> list[tuple[str, Levels]]:
    """Return ``("current", levels)`` then ``(horizon id, levels at its end)`` in horizon order."""
    current = _current(model, assessment)
    work = _work(model, roadmap, org_size)
    result: list[tuple[str, Levels]] = [("current", dict(current))]
    for horizon, _, end in horizon_bounds(roadmap.horizons):

        def in_time(item: Initiative, end: int | None = end) -> bool:
            return end is None or item.end_month <= end

        result.append((horizon.id, _climb(model, current, work, in_time)))
    return result
