"""Rebuild a roadmap after a re-score, keeping the consultant's work, and say what would change.

Kept: locked, edited and custom initiatives, and any whose status is no longer "planned" (work
begun, done, deferred or dropped is history), whatever the new scores say; and untouched generated
ones still needed. Removed: untouched, planned generated initiatives no longer needed (the
capability reached its level, lost its target, became not applicable, or the scope or size
changed). Added: library initiatives newly needed, except dismissed ones. The plan is computed
without touching the roadmap, so the app can show the difference first and the consultant can
reject any addition (which dismisses it, so the next regeneration does not offer it again) or
any removal (the item stays, locked, so it is not offered for removal again): :func:`apply_choices`.

Dependencies: untouched generated initiatives get the rule's dependencies afresh. Kept
hand-managed ones keep theirs, minus links to removed items, plus the rule's links to newly added
items unless that would close a loop. New initiatives go into the list (which is priority) right
after the nearest initiative that precedes them in a freshly generated roadmap, so manual
reordering is kept. The result is scheduled and records what it was generated from.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from planner.model.capmodel import CapabilityModel
from planner.model.project import Assessment, Initiative, Roadmap, default_phases
from planner.model.roadmap.bulk import collector_paused
from planner.model.roadmap.copying import copy_initiative, copy_roadmap
from planner.model.roadmap.deps import find_dependency_cycle, level_ranks, rule_dependencies, template_index
from planner.model.roadmap.generate import initiative_from_template, needed_templates
from planner.model.roadmap.schedule import schedule_in_place
from planner.model.roadmap.staleness import roadmap_basis

__all__ = ["RegenerationPlan", "apply_choices", "regenerate"]


@dataclass(frozen=True, slots=True)
class RegenerationPlan:
    """What regenerating would do: the initiatives added, removed and kept, and the new roadmap."""

    added: list[Initiative]
    removed: list[Initiative]
    kept: list[Initiative]
    result: Roadmap

    @property
    def changes_anything(self) -> bool:
        """Whether applying the plan adds or removes anything."""
        return bool(self.added or self.removed)


def _hand_managed(item: Initiative) -> bool:
    return item.origin != "generated" or item.edited or item.locked or item.status != "planned"


def _unique_id(wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate


def regenerate(
    model: CapabilityModel, assessment: Assessment, roadmap: Roadmap, *, org_size: str | None = None
) -> RegenerationPlan:
    """Return what regenerating ``roadmap`` for the current assessment would do (nothing is changed)."""
    with collector_paused():
        return _regenerate(model, assessment, roadmap, org_size)


def _regenerate(
    model: CapabilityModel, assessment: Assessment, roadmap: Roadmap, org_size: str | None
) -> RegenerationPlan:
    needed = needed_templates(model, assessment, scope=roadmap.scope, org_size=org_size, dismissed=roadmap.dismissed)
    needed_keys = {tpl.key for tpl in needed}
    existing_templates = {item.template for item in roadmap.initiatives if item.template}
    kept_ids: list[str] = []
    removed: list[Initiative] = []
    items: list[Initiative] = []
    for item in roadmap.initiatives:
        if _hand_managed(item) or item.template in needed_keys:
            kept_ids.append(item.id)
            items.append(copy_initiative(item))
        else:
            removed.append(copy_initiative(item))
    taken = {item.id for item in items} | {item.id for item in removed}
    added_ids: list[str] = []
    fresh_pos = {tpl.key: i for i, tpl in enumerate(needed)}
    for tpl in needed:
        if tpl.key in existing_templates:
            continue
        new = initiative_from_template(tpl, org_size=org_size)
        new.id = _unique_id(tpl.key, taken)
        taken.add(new.id)
        items.insert(_insert_at(items, fresh_pos[tpl.key], fresh_pos), new)
        added_ids.append(new.id)
    _relink(model, items, set(added_ids), {item.id for item in removed})
    draft = copy_roadmap(replace(roadmap, initiatives=[]))
    draft.initiatives = items
    ranks = level_ranks(model)
    known = {p.id for p in draft.phases}
    draft.phases.extend(p for p in default_phases(model) if p.id not in known)
    draft.phases.sort(key=lambda p: ranks.get(p.id, len(ranks)))
    draft.generated_from = roadmap_basis(model, assessment, org_size=org_size, scope=roadmap.scope)
    schedule_in_place(model, draft)
    by_id = {item.id: item for item in draft.initiatives}
    return RegenerationPlan(
        added=[by_id[i] for i in added_ids],
        removed=removed,
        kept=[by_id[i] for i in kept_ids],
        result=draft,
    )


def apply_choices(
    model: CapabilityModel, roadmap: Roadmap, plan: RegenerationPlan, *, reject_added: set[str], keep_removed: set[str]
) -> Roadmap:
    """Return the plan's result with some of its changes turned down by the consultant.

    ``reject_added`` holds ids of added initiatives to leave out (their library keys become
    dismissed); ``keep_removed`` ids of removed ones to keep (locked, at their place in the old
    list order). The result is scheduled.
    """
    result = copy_roadmap(plan.result)
    rejected = [item for item in result.initiatives if item.id in reject_added]
    gone = {item.id for item in rejected}
    result.initiatives = [item for item in result.initiatives if item.id not in gone]
    for item in result.initiatives:
        if gone & set(item.depends_on):
            item.depends_on = [d for d in item.depends_on if d not in gone]
    result.dismissed.extend(
        k for k in dict.fromkeys(i.template for i in rejected if i.template) if k not in result.dismissed
    )
    old_order = [item.id for item in roadmap.initiatives]
    for item in plan.removed:
        if item.id not in keep_removed:
            continue
        back = copy_initiative(item)
        back.locked = True
        ids = {i.id for i in result.initiatives}
        back.depends_on = [d for d in back.depends_on if d in ids]
        before = set(old_order[: old_order.index(item.id)]) if item.id in old_order else set()
        at = max((n + 1 for n, other in enumerate(result.initiatives) if other.id in before), default=0)
        result.initiatives.insert(at, back)
    schedule_in_place(model, result)
    return result


def _insert_at(items: list[Initiative], mine: int, fresh_pos: dict[str, int]) -> int:
    """Return where a new item goes: after the last item that precedes it in a fresh roadmap."""
    after: int | None = None
    for i, item in enumerate(items):
        if fresh_pos.get(item.template, -1) < mine and item.template in fresh_pos:
            after = i
    if after is not None:
        return after + 1
    first_later = next((i for i, item in enumerate(items) if fresh_pos.get(item.template, -1) > mine), None)
    return first_later if first_later is not None else len(items)


def _relink(model: CapabilityModel, items: list[Initiative], added: set[str], removed: set[str]) -> None:
    """Set dependencies as the module docstring says (in place on the new list)."""
    rule = rule_dependencies(model, items, template_index(model))
    managed: list[Initiative] = []
    for item in items:
        if item.id in added or not _hand_managed(item):
            item.depends_on = rule.get(item.id, [d for d in item.depends_on if d not in removed])
        else:
            item.depends_on = [d for d in item.depends_on if d not in removed]
            managed.append(item)
    links = [(item, [d for d in rule.get(item.id, []) if d in added and d not in item.depends_on]) for item in managed]
    links = [(item, new) for item, new in links if new]
    if not links:
        return
    for item, new in links:
        item.depends_on = [*item.depends_on, *new]
    if find_dependency_cycle(Roadmap(initiatives=items)):
        for item, new in links:
            item.depends_on = [d for d in item.depends_on if d not in new]
