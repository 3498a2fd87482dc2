"""Draft a roadmap from the gaps between current and target maturity.

For every applicable, scored capability below its target, the roadmap takes the library's
initiatives for each level from the one above the current level up to the target; an
initiative's phase is the level it helps reach. Not-applicable capabilities, capabilities at or
above target, without a target, or unscored get nothing (the warnings name unscored ones that
have a target).

Order is priority: within a phase, initiatives are listed by their capability's priority
(importance x gap), ties going to the capability more others depend on (directly or through
others), then to model order; a capability's own initiatives keep library order. The list order
within a phase is what the scheduler treats as priority, so reordering a phase by hand changes
who goes first. Ids are the library keys (e.g. ``allocation.crawl.tagging-standard``), readable
and stable: the same input gives the same roadmap, byte for byte once saved.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.model.capmodel import CapabilityModel, InitiativeTemplate
from planner.model.graph import topological_order
from planner.model.limits import CAPACITY_RANGE, DEFAULT_CAPACITY
from planner.model.project import Assessment, Initiative, Roadmap, default_phases
from planner.model.roadmap.deps import rule_dependencies, template_index
from planner.model.roadmap.schedule import schedule_in_place
from planner.model.scoring import score_capability

__all__ = [
    "CapabilityPlan",
    "dependents_count",
    "generate_roadmap",
    "initiative_from_template",
    "needed_templates",
    "plan_capabilities",
]


@dataclass(frozen=True, slots=True)
class CapabilityPlan:
    """Why a capability is in the roadmap: where it is, where it should be, and its priority."""

    capability: str
    current: str
    target: str
    gap: int
    importance: int

    @property
    def priority(self) -> int:
        """Importance x gap."""
        return self.importance * self.gap


def dependents_count(model: CapabilityModel) -> dict[str, int]:
    """Return capability id -> how many capabilities depend on it, directly or through others."""
    graph = {cap.id: cap.prerequisites for cap in model.iter_capabilities()}
    order = topological_order(graph)  # prerequisites first
    bit = {cap_id: 1 << i for i, cap_id in enumerate(order)}
    reach = dict.fromkeys(order, 0)  # bitset of the capabilities that depend on each one
    for cap_id in reversed(order):
        for prereq in graph[cap_id]:
            reach[prereq] |= reach[cap_id] | bit[cap_id]
    return {cap_id: bits.bit_count() for cap_id, bits in reach.items()}


def plan_capabilities(model: CapabilityModel, assessment: Assessment) -> list[CapabilityPlan]:
    """Return the capabilities the roadmap must raise, highest priority first."""
    plans: list[CapabilityPlan] = []
    for cap in model.iter_capabilities():
        found = assessment.capabilities.get(cap.id)
        if found is None or not found.applicable or found.target is None:
            continue
        score = score_capability(model, assessment, cap.id)
        if score.level is None or not score.gap:
            continue
        plans.append(CapabilityPlan(cap.id, score.level, found.target, score.gap, found.importance))
    counts = dependents_count(model)
    position = {cap.id: i for i, cap in enumerate(model.iter_capabilities())}
    plans.sort(key=lambda p: (-p.priority, -counts.get(p.capability, 0), position[p.capability]))
    return plans


def needed_templates(model: CapabilityModel, assessment: Assessment) -> list[InitiativeTemplate]:
    """Return the library initiatives the assessment calls for, in roadmap order."""
    ranks = {level_id: i for i, level_id in enumerate(model.level_ids)}
    keyed: list[tuple[int, int, int, InitiativeTemplate]] = []
    for cap_rank, plan in enumerate(plan_capabilities(model, assessment)):
        low, high = ranks[plan.current], ranks[plan.target]
        cap = model.capability(plan.capability)
        for lib_pos, tpl in enumerate(cap.initiatives):
            rank = ranks.get(tpl.level, -1)
            if low < rank <= high:
                keyed.append((rank, cap_rank, lib_pos, tpl))
    keyed.sort(key=lambda k: k[:3])
    return [k[3] for k in keyed]


def initiative_from_template(tpl: InitiativeTemplate, depends_on: list[str] | None = None) -> Initiative:
    """Return a fresh, untouched generated initiative for a library entry (its id is the key)."""
    return Initiative(
        id=tpl.key,
        capability=tpl.capability,
        title=tpl.title,
        phase=tpl.level,
        description=tpl.description,
        owner=tpl.owner,
        effort=tpl.effort,
        duration_months=tpl.duration_months,
        depends_on=list(depends_on or []),
        origin="generated",
        template=tpl.key,
    )


def generate_roadmap(model: CapabilityModel, assessment: Assessment, *, capacity: int = DEFAULT_CAPACITY) -> Roadmap:
    """Return a fresh, scheduled roadmap for an assessment.

    Args:
        model: the capability model the assessment is scored against.
        assessment: current scores, targets and importance per capability.
        capacity: how many initiatives may run at once (1 to 50).

    Raises:
        ValueError: the capacity is out of range.
    """
    if (
        isinstance(capacity, bool)
        or not isinstance(capacity, int)
        or not CAPACITY_RANGE[0] <= capacity <= CAPACITY_RANGE[1]
    ):
        raise ValueError(
            f"Capacity must be a whole number of initiatives from {CAPACITY_RANGE[0]} to {CAPACITY_RANGE[1]}, not {capacity!r}."
        )
    items = [initiative_from_template(tpl) for tpl in needed_templates(model, assessment)]
    deps = rule_dependencies(model, items, template_index(model))
    for item in items:
        item.depends_on = deps.get(item.id, [])
    roadmap = Roadmap(capacity=capacity, phases=default_phases(model), initiatives=items)
    schedule_in_place(model, roadmap)
    return roadmap
