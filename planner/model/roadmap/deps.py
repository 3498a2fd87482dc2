"""Dependencies between initiatives: the rule that drafts them, and the checks that guard edits.

The rule (design section 5): an initiative that brings capability C to level L depends on

* C's own initiatives of the level just below L that are in the roadmap (Walk follows Crawl,
  Run follows Walk), and
* for each prerequisite P of C, P's initiatives of the highest level up to L that are in the
  roadmap (P is below L exactly when it has such initiatives).

Only the nearest level is linked: lower levels follow through the chain, which keeps the lists
short enough to read on a card. The rule only links generated initiatives; custom ones carry the
links the consultant gives them. Every rule edge goes to a lower level, or to the same level of a
prerequisite, and prerequisites form no cycle, so the rule can never create a cycle.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from planner.model.capmodel import CapabilityModel, InitiativeTemplate
from planner.model.graph import find_cycle
from planner.model.project import Initiative, Roadmap

__all__ = [
    "dependency_graph",
    "find_dependency_cycle",
    "initiative_level",
    "level_ranks",
    "rule_dependencies",
    "template_index",
]


def level_ranks(model: CapabilityModel) -> dict[str, int]:
    """Return level id -> position (0 for the lowest level)."""
    return {level_id: i for i, level_id in enumerate(model.level_ids)}


def template_index(model: CapabilityModel) -> dict[str, InitiativeTemplate]:
    """Return every library initiative by key."""
    return {tpl.key: tpl for cap in model.capabilities.values() for tpl in cap.initiatives}


def initiative_level(item: Initiative, templates: Mapping[str, InitiativeTemplate]) -> str:
    """Return the level an initiative helps its capability reach.

    A generated initiative keeps the level of its library entry even when it is moved to another
    phase; a custom one helps reach the level of its phase.
    """
    tpl = templates.get(item.template) if item.template else None
    if tpl is not None and tpl.capability == item.capability:
        return tpl.level
    return item.phase


def rule_dependencies(
    model: CapabilityModel, items: Sequence[Initiative], templates: Mapping[str, InitiativeTemplate]
) -> dict[str, list[str]]:
    """Return the dependencies the rule gives each generated initiative in ``items``.

    Custom initiatives (and generated ones whose library entry is gone) get no entry. Lists keep
    the order of ``items``, so the same roadmap always gives the same lists.
    """
    ranks = level_ranks(model)
    # capability -> level rank -> ids, in roadmap order
    groups: dict[str, dict[int, list[str]]] = {}
    ruled: list[tuple[Initiative, int]] = []
    for item in items:
        tpl = templates.get(item.template) if item.template else None
        if item.origin != "generated" or tpl is None or tpl.capability != item.capability:
            continue
        rank = ranks.get(tpl.level)
        if rank is None:
            continue
        groups.setdefault(item.capability, {}).setdefault(rank, []).append(item.id)
        ruled.append((item, rank))
    result: dict[str, list[str]] = {}
    for item, rank in ruled:
        deps: list[str] = []
        own = groups.get(item.capability, {})
        below = [r for r in own if r < rank]
        if below:
            deps.extend(own[max(below)])
        cap = model.capabilities.get(item.capability)
        for prereq in cap.prerequisites if cap is not None else ():
            theirs = groups.get(prereq, {})
            upto = [r for r in theirs if r <= rank]
            if upto:
                deps.extend(theirs[max(upto)])
        result[item.id] = deps
    return result


def dependency_graph(roadmap: Roadmap) -> dict[str, list[str]]:
    """Return initiative id -> the ids it depends on that exist in the roadmap."""
    ids = {item.id for item in roadmap.initiatives}
    return {item.id: [d for d in item.depends_on if d in ids] for item in roadmap.initiatives}


def find_dependency_cycle(roadmap: Roadmap, extra: Iterable[tuple[str, str]] = ()) -> list[str] | None:
    """Return one dependency loop as ids ``[a, b, ..., a]`` (with ``extra`` edges added), or ``None``."""
    graph = dependency_graph(roadmap)
    for src, dst in extra:
        graph.setdefault(src, []).append(dst)
    return find_cycle(graph)
