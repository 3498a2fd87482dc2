"""The expected level of every capability after each phase of the roadmap (for per-phase radars).

A capability climbs one level at a time from its current level. It reaches level L by the end of
phase P when the roadmap holds everything the level takes and all of it is planned in P or an
earlier phase: every library initiative of that capability for L is in the roadmap (not
dropped), and so is at least one initiative for L (a library level without entries needs a
custom one). A generated initiative counts for the level of its library entry wherever it is
moved; a custom one counts for the level of its phase. So deleting a library initiative, or
moving it to a later phase, shows in the projection.

Not-applicable and unscored capabilities project to ``None`` throughout; a capability never
projects below its current level.
"""

from __future__ import annotations

from planner.model.capmodel import CapabilityModel
from planner.model.project import Assessment, Roadmap
from planner.model.roadmap.deps import initiative_level, level_ranks, template_index
from planner.model.scoring import score_capability

__all__ = ["project_levels"]


def project_levels(
    model: CapabilityModel, assessment: Assessment, roadmap: Roadmap
) -> list[tuple[str, dict[str, str | None]]]:
    """Return ``("current", levels)`` then ``(phase id, levels after that phase)`` in phase order.

    Each ``levels`` maps every capability id (model order) to a level id or ``None``.
    """
    ranks = level_ranks(model)
    templates = template_index(model)
    phases = sorted(roadmap.phases, key=lambda p: ranks.get(p.id, len(ranks)))
    phase_pos = {p.id: i for i, p in enumerate(phases)}
    # capability -> level rank -> latest phase position of its items (None: something missing)
    done_by: dict[str, dict[int, int | None]] = {}
    present: set[str] = set()
    for item in roadmap.initiatives:
        if item.status == "dropped":
            continue
        present.add(item.template)
        rank = ranks.get(initiative_level(item, templates))
        pos = phase_pos.get(item.phase)
        if rank is None or pos is None:
            continue
        levels = done_by.setdefault(item.capability, {})
        levels[rank] = max(levels.get(rank) or 0, pos)
    for cap in model.iter_capabilities():
        for tpl in cap.initiatives:
            if tpl.key not in present and tpl.level in ranks:
                found = done_by.get(cap.id)
                if found is not None and ranks[tpl.level] in found:
                    found[ranks[tpl.level]] = None  # a library item for that level is missing
    current: dict[str, str | None] = {}
    for cap in model.iter_capabilities():
        record = assessment.capabilities.get(cap.id)
        applicable = record is None or record.applicable
        current[cap.id] = score_capability(model, assessment, cap.id).level if applicable else None
    result: list[tuple[str, dict[str, str | None]]] = [("current", dict(current))]
    for pos, phase in enumerate(phases):
        after: dict[str, str | None] = {}
        for cap_id, level in current.items():
            if level is None:
                after[cap_id] = None
                continue
            rank = ranks[level]
            levels = done_by.get(cap_id, {})
            while True:
                finish = levels.get(rank + 1)
                if finish is None or finish > pos:
                    break
                rank += 1
            after[cap_id] = model.level_ids[rank]
        result.append((phase.id, after))
    return result
