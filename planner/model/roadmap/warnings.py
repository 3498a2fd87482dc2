"""Plain-language warnings about a roadmap, for the consultant to read before showing the client.

They cover the assessment (a capability targeted above one of its prerequisites' targets, a
capability with a target but no score, a prerequisite left unscored, a capability below its target
whose model has no initiatives for the levels in between) and the plan itself (an
item planned in an earlier phase than something it depends on, an item starting before
something it depends on ends (a pin can cause that), a dependency loop in a hand-edited file, an
item of a capability that is now marked not applicable, an item whose library entry requires work
that is neither in the plan nor already in place, a plan longer than :data:`LONG_PLAN_MONTHS`).
Months read as a client reads them: "Mar 2027" when the plan has a start month, else "month 4".

A plan over two years is flagged: a lean "one level up" plan takes 12 to 18 months, and clients
rarely sign a longer one; the consultant raises the capacity, lowers some targets or trims items.
"""

from __future__ import annotations

from planner.model.calendar import month_label
from planner.model.capmodel import CapabilityModel
from planner.model.project import Assessment, Initiative, Roadmap
from planner.model.roadmap.deps import find_dependency_cycle, level_ranks, template_index
from planner.model.roadmap.schedule import UNSCHEDULED_STATUSES
from planner.model.scoring import score_capability

__all__ = ["LONG_PLAN_MONTHS", "roadmap_warnings"]

#: A plan that runs longer than this many months gets a warning.
LONG_PLAN_MONTHS = 24


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
        elif ranks[level] < ranks[target]:
            out.extend(_library_gap_warning(model, cap.id, level, target, ranks))
        for prereq_id in cap.prerequisites:
            out.extend(_prerequisite_warning(model, assessment, cap.id, prereq_id, levels, ranks))
    return out


def _library_gap_warning(
    model: CapabilityModel, cap_id: str, level: str, target: str, ranks: dict[str, int]
) -> list[str]:
    """Say so when the model's library has nothing for a level a capability must climb to.

    A consultant's own model may leave capabilities (or levels) without initiatives; the plan then
    has nothing for them, and the reader must not take the silence for "nothing to do".
    """
    cap = model.capability(cap_id)
    missing = [
        lv for lv in model.level_ids if ranks[level] < ranks[lv] <= ranks[target] and not cap.initiatives_for(lv)
    ]
    if not missing:
        return []
    names = ", ".join(model.level_name(lv) for lv in missing)
    return [
        f"The model has no initiatives for {cap.name} at {names}, so the roadmap plans nothing to get it there: "
        "add your own initiatives for it."
    ]


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
            f"(targeted at {model.level_name(prereq.target)}): {name} builds on {pname}, so raise "
            f"{pname}'s target to {model.level_name(target)} or expect {name} to stall below it."
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


def plan_warnings(
    model: CapabilityModel,
    assessment: Assessment,
    roadmap: Roadmap,
    *,
    start_date: str | None = None,
    org_size: str | None = None,
) -> list[str]:
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
        if item.status in UNSCHEDULED_STATUSES:
            continue
        for dep_id in item.depends_on:
            dep = by_id.get(dep_id)
            if dep is None or dep is item or dep.status in UNSCHEDULED_STATUSES:
                continue
            out.extend(_order_warnings(item, dep, phase_rank, phase_name, start_date))
    out.extend(_unmet_requirements(model, assessment, roadmap, org_size))
    scheduled = [item for item in roadmap.initiatives if item.status not in UNSCHEDULED_STATUSES]
    end = max((item.end_month for item in scheduled), default=0)
    if end > LONG_PLAN_MONTHS:
        out.append(
            f"The plan runs {end} months ({end / 12:.1f} years) with at most {roadmap.capacity} initiatives "
            f"at a time and {roadmap.owner_capacity} per owner: raise the capacity, lower some targets or "
            "remove initiatives the client does not need."
        )
    return out


def _unmet_requirements(
    model: CapabilityModel, assessment: Assessment, roadmap: Roadmap, org_size: str | None
) -> list[str]:
    templates = template_index(model)
    ranks = level_ranks(model)
    planned = {item.template for item in roadmap.initiatives if item.template and item.status != "dropped"}
    out: list[str] = []
    for item in roadmap.initiatives:
        tpl = templates.get(item.template) if item.template else None
        if tpl is None or item.status in UNSCHEDULED_STATUSES:
            continue
        for key in tpl.requires:
            needed = templates.get(key)
            if needed is None or key in planned or not needed.suits(org_size):
                continue
            record = assessment.capabilities.get(needed.capability)
            if record is not None and not record.applicable:
                continue
            level = score_capability(model, assessment, needed.capability).level
            if level is not None and ranks[level] >= ranks.get(needed.level, 0):
                continue
            why = "it was deleted from this roadmap" if key in roadmap.dismissed else "it is not in the plan"
            out.append(
                f"'{item.title}' needs '{needed.title}' ({_name(model, needed.capability)}, "
                f"{model.level_name(needed.level)}) first, but {why}: raise that capability's target, "
                "add the work, or make sure the client has it in place."
            )
    return out


def _order_warnings(
    item: Initiative,
    dep: Initiative,
    phase_rank: dict[str, int],
    phase_name: dict[str, str],
    start_date: str | None,
) -> list[str]:
    mine, theirs = phase_rank.get(item.phase), phase_rank.get(dep.phase)
    if mine is not None and theirs is not None and mine < theirs:
        return [
            f"'{item.title}' ({phase_name[item.phase]}) depends on '{dep.title}', which is planned "
            f"in a later phase ({phase_name[dep.phase]})."
        ]
    if item.start_month < dep.end_month:
        pinned = " (it is pinned there)" if item.pinned_start is not None else ""
        return [
            f"'{item.title}' starts in {month_label(start_date, item.start_month)}{pinned}, before "
            f"'{dep.title}', which it depends on, ends (in {month_label(start_date, dep.end_month - 1)})."
        ]
    return []


def roadmap_warnings(
    model: CapabilityModel,
    assessment: Assessment,
    roadmap: Roadmap,
    *,
    start_date: str | None = None,
    org_size: str | None = None,
) -> list[str]:
    """Return every warning, assessment first, then the plan's, each a sentence for a consultant."""
    return assessment_warnings(model, assessment) + plan_warnings(
        model, assessment, roadmap, start_date=start_date, org_size=org_size
    )
