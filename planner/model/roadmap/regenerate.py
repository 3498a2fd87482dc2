"""Rebuild a roadmap after a re-score, keeping the consultant's work, and say what would change.

Kept: locked, edited and custom initiatives whatever the new scores say, and untouched generated
ones still needed. Removed: untouched generated initiatives no longer needed (the capability
reached its level, lost its target or became not applicable). Added: library initiatives newly
needed. The plan is computed without touching the roadmap, so the app can show the diff first.

Dependencies: untouched generated initiatives get the rule's dependencies afresh. Kept
hand-managed ones (locked, edited, custom) keep theirs, minus links to removed items, plus the
rule's links to newly added items (a new Crawl step of the same capability, say), unless that
would close a loop. New initiatives go into their phase right after the nearest initiative that
precedes them in a freshly generated roadmap, so manual reordering is kept. The result is
scheduled.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from planner.model.capmodel import CapabilityModel
from planner.model.project import Assessment, Initiative, Roadmap, default_phases
from planner.model.roadmap.copying import copy_initiative, copy_roadmap
from planner.model.roadmap.deps import find_dependency_cycle, level_ranks, rule_dependencies, template_index
from planner.model.roadmap.generate import initiative_from_template, needed_templates
from planner.model.roadmap.schedule import schedule_in_place

__all__ = ["RegenerationPlan", "regenerate"]


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
    return item.origin != "generated" or item.edited or item.locked


def _unique_id(wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate


def regenerate(model: CapabilityModel, assessment: Assessment, roadmap: Roadmap) -> RegenerationPlan:
    """Return what regenerating ``roadmap`` for the current assessment would do (nothing is changed)."""
    needed = needed_templates(model, assessment)
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
    ranks = level_ranks(model)
    for tpl in needed:
        if tpl.key in existing_templates:
            continue
        new = initiative_from_template(tpl)
        new.id = _unique_id(tpl.key, taken)
        taken.add(new.id)
        items.insert(_insert_at(items, new, fresh_pos, ranks), new)
        added_ids.append(new.id)
    _relink(model, items, set(added_ids), {item.id for item in removed})
    draft = copy_roadmap(replace(roadmap, initiatives=[]))
    draft.initiatives = items
    known = {p.id for p in draft.phases}
    draft.phases.extend(p for p in default_phases(model) if p.id not in known)
    draft.phases.sort(key=lambda p: ranks.get(p.id, len(ranks)))
    schedule_in_place(model, draft)
    result = draft
    by_id = {item.id: item for item in result.initiatives}
    return RegenerationPlan(
        added=[by_id[i] for i in added_ids],
        removed=removed,
        kept=[by_id[i] for i in kept_ids],
        result=result,
    )


def _insert_at(items: list[Initiative], new: Initiative, fresh_pos: dict[str, int], ranks: dict[str, int]) -> int:
    """Return where ``new`` goes: after the last item of its phase that precedes it in a fresh roadmap."""
    mine = fresh_pos[new.template]
    after: int | None = None
    for i, item in enumerate(items):
        if item.phase == new.phase and fresh_pos.get(item.template, -1) < mine:
            after = i
    if after is not None:
        return after + 1
    first = next((i for i, item in enumerate(items) if item.phase == new.phase), None)
    if first is not None:
        return first
    rank = ranks.get(new.phase, len(ranks))
    earlier = [i for i, item in enumerate(items) if ranks.get(item.phase, len(ranks)) <= rank]
    return earlier[-1] + 1 if earlier else 0


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
