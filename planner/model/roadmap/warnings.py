"""Plain-language warnings about a roadmap, for the consultant to read before showing the client.

They cover the assessment (a capability targeted above one of its prerequisites' targets, a
capability with a target but no score, a prerequisite left unscored) and the plan itself (an
item planned in an earlier phase than something it depends on, an item starting before
something it depends on ends, a dependency loop in a hand-edited file, an item of a capability
that is now marked not applicable, a plan longer than :data:`LONG_PLAN_MONTHS`). Months are
counted from 1, as a client reads a plan.

A plan over three years is flagged because the library proposes three or four initiatives per
capability and level: aiming many capabilities two levels up at the default capacity easily
yields a five-year plan, which no client will sign; the consultant raises the capacity, lowers
some targets or trims items.
"""

from __future__ import annotations

from planner.model.capmodel import CapabilityModel
from planner.model.project import Assessment, Initiative, Roadmap
from planner.model.roadmap.deps import find_dependency_cycle, level_ranks
from planner.model.scoring import score_capability

__all__ = ["LONG_PLAN_MONTHS", "roadmap_warnings"]

#: A plan that runs longer than this many months gets a warning.
LONG_PLAN_MONTHS = 36


def _name(model: CapabilityModel, cap_id: str) -> str:
    cap = model.capabilities.get(cap_id)
    return cap.name if cap is not None else cap_id


def assessment_warnings(model: CapabilityModel, assessment: Assessment) -> list[str]:
    """Return warnings about targets and scores that limit what the roadmap can plan."""
    ranks = level_ranks(model)
    out: list[str] = []
    levels = {cap.id: score_capability(model, assessment, cap.id).level for cap in model.iter_capabilities()}
    for cap in model.iter_capabilities():
        found = assessment.capabilities.get(cap.id)
        if found is None or not found.applicable or found.target is None:
            continue
        target = found.target
        level = levels[cap.id]
        if level is None:
            out.append(
                f"{cap.name} has a target ({model.level_name(target)}) but is not scored yet, "
                "so the roadmap plans nothing for it."
            )
        for prereq_id in cap.prerequisites:
            out.extend(_prerequisite_warning(model, assessment, cap.id, prereq_id, levels, ranks))
    return out


def _prerequisite_warning(
    model: CapabilityModel,
    assessment: Assessment,
    cap_id: str,
    prereq_id: str,
    levels: dict[str, str | None],
    ranks: dict[str, int],
) -> list[str]:
    found = assessment.capabilities[cap_id]
    target = found.target or model.level_ids[0]
    prereq = assessment.capabilities.get(prereq_id)
    if prereq is not None and not prereq.applicable:
        return []
    name, pname = _name(model, cap_id), _name(model, prereq_id)
    if prereq is not None and prereq.target is not None and ranks[prereq.target] < ranks[target]:
        return [
            f"{name} is targeted at {model.level_name(target)}, above its prerequisite {pname} "
            f"(targeted at {model.level_name(prereq.target)}): {name} can hardly get there while "
            f"{pname} stays lower."
        ]
    level = levels[cap_id]
    if level is None or ranks[level] >= ranks[target]:
        return []  # nothing planned for this capability, so nothing is held up
    prereq_level = levels.get(prereq_id)
    if prereq_level is None:
        return [
            f"{name} builds on {pname}, which is not scored yet: score {pname} so the roadmap can "
            f"plan what it needs first."
        ]
    if (prereq is None or prereq.target is None) and ranks[prereq_level] < ranks[target]:
        return [
            f"{name} is targeted at {model.level_name(target)}, but its prerequisite {pname} is at "
            f"{model.level_name(prereq_level)} with no target: the roadmap plans nothing to raise {pname}."
        ]
    return []


def _month(month: int) -> str:
    return f"month {month + 1}"


def plan_warnings(model: CapabilityModel, assessment: Assessment, roadmap: Roadmap) -> list[str]:
    """Return warnings about the order and timing of the roadmap's initiatives."""
    out: list[str] = []
    by_id = {item.id: item for item in roadmap.initiatives}
    ranks = level_ranks(model)
    phase_rank = {p.id: ranks.get(p.id, len(ranks) + i) for i, p in enumerate(roadmap.phases)}
    phase_name = {p.id: p.name for p in roadmap.phases}
    cycle = find_dependency_cycle(roadmap)
    if cycle:
        titles = " -> ".join(f"'{by_id[i].title}'" for i in cycle)
        out.append(f"These initiatives depend on each other in a loop, so none can go first: {titles}.")
    for item in roadmap.initiatives:
        found = assessment.capabilities.get(item.capability)
        if found is not None and not found.applicable:
            out.append(f"'{item.title}' is for {_name(model, item.capability)}, which is marked not applicable.")
        for dep_id in item.depends_on:
            dep = by_id.get(dep_id)
            if dep is None or dep is item:
                continue
            out.extend(_order_warnings(item, dep, phase_rank, phase_name))
    end = max((item.end_month for item in roadmap.initiatives), default=0)
    if end > LONG_PLAN_MONTHS:
        out.append(
            f"The plan runs {end} months ({end / 12:.1f} years) with at most {roadmap.capacity} initiatives "
            "at a time: raise the capacity, lower some targets or remove initiatives the client does not need."
        )
    return out


def _order_warnings(
    item: Initiative, dep: Initiative, phase_rank: dict[str, int], phase_name: dict[str, str]
) -> list[str]:
    mine, theirs = phase_rank.get(item.phase), phase_rank.get(dep.phase)
    if mine is not None and theirs is not None and mine < theirs:
        return [
            f"'{item.title}' ({phase_name[item.phase]}) depends on '{dep.title}', which is planned "
            f"in a later phase ({phase_name[dep.phase]})."
        ]
    if item.start_month < dep.end_month:
        return [
            f"'{item.title}' starts in {_month(item.start_month)}, before '{dep.title}', which it "
            f"depends on, ends (in {_month(dep.end_month - 1)})."
        ]
    return []


def roadmap_warnings(model: CapabilityModel, assessment: Assessment, roadmap: Roadmap) -> list[str]:
    """Return every warning, assessment first, then the plan's, each a sentence for a consultant."""
    return assessment_warnings(model, assessment) + plan_warnings(model, assessment, roadmap)
