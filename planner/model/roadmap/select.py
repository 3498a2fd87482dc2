"""Which library initiatives a plan takes, and in what order of priority.

The plan raises every applicable, scored capability below its target (:func:`plan_capabilities`).
For each level from the one above the current level up to the target it takes that level's
library items that suit the client's organisation size, minus the dismissed ones:

* ``lean`` scope takes the ``core`` items, ``full`` scope takes the ``extra`` ones too. A level
  whose library has no core item for the client's size falls back to its other items, so a gap
  always yields work.
* An item the plan takes pulls in the items it ``requires`` (directly or through others) when they
  belong to a capability and level the plan raises anyway, even if they are ``extra``: the plan
  never starts work whose inputs nobody produces. A required item limited to other organisation
  sizes is not needed (the library gives this size its own variant). A required item of a
  capability the plan does not raise to that level is not pulled in (the plan stays the client's
  agreed scope); it is met when its capability already stands at its level, and otherwise the
  warnings say so.

Priority is value first: the capability's importance x the item's value (1-3) x its urgency (3 for
the level just above the current one, 2 for the next, 1 beyond), so an importance-5 Walk item can
come before an importance-2 Crawl item. Core items come before extra ones whatever their value:
in a full-scope plan the optional depth fills the capacity the core work leaves, it never pushes a
level's defining work back. Ties go to the cheaper item (effort, then duration), then to the
capability more others depend on, then to model and library order. Quick wins (core, effort S, the
next level up, nothing required in the plan) go first, so they land in the first months: those of
capabilities of importance 4 or 5, and those of the foundations every other capability builds on
(capabilities with no prerequisites that others depend on, such as naming a FinOps lead or
switching on billing exports), whatever their importance.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from planner.model.capmodel import EFFORTS, CapabilityModel, InitiativeTemplate
from planner.model.graph import topological_order
from planner.model.project import Assessment
from planner.model.scoring import score_capability

__all__ = [
    "nothing_to_plan_reason",
    "QUICK_WIN_IMPORTANCE",
    "CapabilityPlan",
    "Selection",
    "dependents_count",
    "plan_capabilities",
    "select_templates",
]

#: Quick wins of capabilities at least this important are placed first.
QUICK_WIN_IMPORTANCE = 4


@dataclass(frozen=True, slots=True)
class CapabilityPlan:
    """Why a capability is in the roadmap: where it is, where it should be, and its importance."""

    capability: str
    current: str
    target: str
    gap: int
    importance: int

    @property
    def priority(self) -> int:
        """Importance x gap (the order capabilities are listed in)."""
        return self.importance * self.gap


@dataclass(frozen=True, slots=True)
class Selection:
    """The library items a plan takes, highest priority first, and why some requirements are unmet.

    ``unmet`` maps an item's key to the keys it requires that are neither in the plan nor already
    met by the current assessment.
    """

    templates: tuple[InitiativeTemplate, ...]
    plans: dict[str, CapabilityPlan]
    unmet: dict[str, tuple[str, ...]]


def dependents_count(model: CapabilityModel) -> dict[str, int]:
    """Return capability id -> how many capabilities depend on it, directly or through others."""
    graph = {cap.id: cap.prerequisites for cap in model.iter_capabilities()}
    order = topological_order(graph)  # prerequisites first
    bit = {cap_id: 1 << i for i, cap_id in enumerate(order)}
    reach = dict.fromkeys(order, 0)
    for cap_id in reversed(order):
        for prereq in graph[cap_id]:
            reach[prereq] |= reach[cap_id] | bit[cap_id]
    return {cap_id: bits.bit_count() for cap_id, bits in reach.items()}


def plan_capabilities(model: CapabilityModel, assessment: Assessment) -> list[CapabilityPlan]:
    """Return the capabilities the roadmap must raise, highest importance x gap first."""
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


def nothing_to_plan_reason(model: CapabilityModel, assessment: Assessment) -> str:
    """Say why :func:`plan_capabilities` found nothing to raise, in words for a consultant.

    An unscored project is not "at target": it has not been assessed yet, and saying otherwise
    would tell a client there is nothing to do.
    """
    scored = targeted = 0
    unscored = 0
    for cap in model.iter_capabilities():
        found = assessment.capabilities.get(cap.id)
        if found is not None and not found.applicable:
            continue
        if score_capability(model, assessment, cap.id).level is None:
            unscored += 1
            continue
        scored += 1
        targeted += found is not None and found.target is not None
    if not scored:
        return "Nothing to plan yet: no capability is scored. Score the assessment and set targets first."
    if not targeted:
        return "Nothing to plan yet: no scored capability has a target. Set the targets the client aims for."
    rest = f" ({unscored} not scored yet)" if unscored else ""
    return f"Nothing to plan: every scored capability with a target is already at or above it{rest}."


def _level_choice(items: Iterable[InitiativeTemplate], scope: str, org_size: str | None) -> list[InitiativeTemplate]:
    suited = [t for t in items if t.suits(org_size)]
    core = [t for t in suited if t.tier == "core"]
    if not core:
        return suited
    return suited if scope == "full" else core


def select_templates(
    model: CapabilityModel,
    assessment: Assessment,
    *,
    scope: str = "lean",
    org_size: str | None = None,
    dismissed: Collection[str] = (),
) -> Selection:
    """Return the library items the plan takes, in priority order (see the module docstring)."""
    ranks = {level_id: i for i, level_id in enumerate(model.level_ids)}
    plans = {p.capability: p for p in plan_capabilities(model, assessment)}
    templates = {t.key: t for cap in model.iter_capabilities() for t in cap.initiatives}
    skip = set(dismissed)

    def in_range(tpl: InitiativeTemplate) -> bool:
        plan = plans.get(tpl.capability)
        return plan is not None and ranks[plan.current] < ranks.get(tpl.level, -1) <= ranks[plan.target]

    chosen: dict[str, InitiativeTemplate] = {}
    for cap_id in plans:
        cap = model.capability(cap_id)
        for level in model.level_ids[1:]:
            for tpl in _level_choice(cap.initiatives_for(level), scope, org_size):
                if in_range(tpl) and tpl.key not in skip:
                    chosen[tpl.key] = tpl
    stack = list(chosen.values())
    unmet: dict[str, tuple[str, ...]] = {}
    while stack:
        tpl = stack.pop()
        missing: list[str] = []
        for key in tpl.requires:
            needed = templates.get(key)
            if needed is None or key in chosen or not needed.suits(org_size):
                continue
            if in_range(needed) and key not in skip:
                chosen[key] = needed
                stack.append(needed)
            elif not _met(model, assessment, needed, ranks):
                missing.append(key)
        if missing:
            unmet[tpl.key] = tuple(missing)
    ordered = _prioritise(model, list(chosen.values()), plans, unmet, ranks)
    return Selection(tuple(ordered), plans, unmet)


def _met(model: CapabilityModel, assessment: Assessment, tpl: InitiativeTemplate, ranks: dict[str, int]) -> bool:
    """Whether a required item's capability already stands at the item's level."""
    found = assessment.capabilities.get(tpl.capability)
    if found is not None and not found.applicable:
        return True  # out of scope for this client: nothing to wait for
    level = score_capability(model, assessment, tpl.capability).level
    return level is not None and ranks[level] >= ranks.get(tpl.level, 0)


def _prioritise(
    model: CapabilityModel,
    items: list[InitiativeTemplate],
    plans: dict[str, CapabilityPlan],
    unmet: dict[str, tuple[str, ...]],
    ranks: dict[str, int],
) -> list[InitiativeTemplate]:
    counts = dependents_count(model)
    position = {cap.id: i for i, cap in enumerate(model.iter_capabilities())}
    library = {t.key: i for cap in model.iter_capabilities() for i, t in enumerate(cap.initiatives)}
    in_plan = {t.key for t in items}
    effort = {e: i for i, e in enumerate(EFFORTS)}

    def key(tpl: InitiativeTemplate) -> tuple[int, ...]:
        plan = plans[tpl.capability]
        step = ranks[tpl.level] - ranks[plan.current]  # 1: the next level up
        urgency = max(1, 4 - step)
        cap = model.capability(tpl.capability)
        foundation = not cap.prerequisites and counts.get(tpl.capability, 0) > 0
        quick = (
            tpl.tier == "core"
            and tpl.effort == "S"
            and step == 1
            and (plan.importance >= QUICK_WIN_IMPORTANCE or foundation)
            and not unmet.get(tpl.key)
            and not any(k in in_plan for k in tpl.requires)
        )
        return (
            0 if quick else 1,
            0 if tpl.tier == "core" else 1,
            -(plan.importance * tpl.value * urgency),
            effort.get(tpl.effort, len(effort)),
            tpl.duration_months,
            -counts.get(tpl.capability, 0),
            position[tpl.capability],
            library[tpl.key],
        )

    return sorted(items, key=key)
