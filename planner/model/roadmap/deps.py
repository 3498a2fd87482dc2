"""Dependencies between initiatives: the rule that drafts them, and the checks that guard edits.

The rule (design section 5): a generated initiative that brings capability C to level L depends on

* the initiatives in the roadmap drafted from the library keys its entry ``requires`` (producers
  before consumers, inside C and across capabilities);
* C's own core initiatives of the nearest lower level in the roadmap (an item of level L starts
  after its capability's core work of lower levels; lower levels follow through the chain); and
* as a fallback, only where its library entry names no ``requires`` at all: for each prerequisite P
  of C, P's core initiatives of the highest level up to L in the roadmap. A library entry that
  names what it needs has said all it needs; one that is silent gets what the capability graph says.

A level with no core item in the roadmap is represented by all of its items. The rule only links
generated initiatives; custom ones carry the links the consultant gives them. Every rule edge goes
to a lower level of C, to a ``requires`` (which the loader keeps acyclic and never later), or to a
prerequisite's level up to L (prerequisites form no cycle). A ``requires`` from P back to C
combined with the fallback could close a loop, so the fallback skips P's items that name an item
of C, and any loop left through longer chains loses its fallback links (checked once per plan,
linear time); should a hand-edited file still hold a loop, the scheduler breaks it and the
warnings name it.
"""

from __future__ import annotations

import itertools
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
    # capability -> level rank -> (core ids, all ids), in roadmap order
    groups: dict[str, dict[int, tuple[list[str], list[str]]]] = {}
    by_template: dict[str, str] = {}
    ruled: list[tuple[Initiative, InitiativeTemplate, int]] = []
    for item in items:
        tpl = templates.get(item.template) if item.template else None
        if item.origin != "generated" or tpl is None or tpl.capability != item.capability:
            continue
        rank = ranks.get(tpl.level)
        if rank is None:
            continue
        core, every = groups.setdefault(item.capability, {}).setdefault(rank, ([], []))
        every.append(item.id)
        if tpl.tier == "core":
            core.append(item.id)
        by_template.setdefault(tpl.key, item.id)
        ruled.append((item, tpl, rank))
    direct = {tpl.key: {templates[k].capability for k in tpl.requires if k in templates} for _, tpl, _ in ruled}
    template_of = {item.id: tpl.key for item, tpl, _ in ruled}
    result: dict[str, list[str]] = {}
    fallback: set[tuple[str, str]] = set()
    for item, tpl, rank in ruled:
        deps = [by_template[k] for k in tpl.requires if k in by_template]
        deps.extend(_nearest(groups.get(item.capability, {}), rank, inclusive=False))
        cap = model.capabilities.get(item.capability)
        for prereq in cap.prerequisites if cap is not None and not tpl.requires else ():
            for dep in _nearest(groups.get(prereq, {}), rank, inclusive=True):
                if item.capability not in direct[template_of[dep]]:
                    deps.append(dep)
                    fallback.add((item.id, dep))
        result[item.id] = [d for d in dict.fromkeys(deps) if d != item.id]
    _break_fallback_loops(result, fallback)
    return result


def _break_fallback_loops(result: dict[str, list[str]], fallback: set[tuple[str, str]]) -> None:
    """Drop fallback links that close a loop with ``requires`` links (a library's contradiction)."""
    while fallback:
        cycle = find_cycle(result)
        if not cycle:
            return
        links = [(a, b) for a, b in itertools.pairwise(cycle) if (a, b) in fallback]
        if not links:
            return  # a loop of the library's own links: the loader refuses those
        for a, b in links:
            result[a] = [d for d in result[a] if d != b]
            fallback.discard((a, b))


def _nearest(levels: Mapping[int, tuple[list[str], list[str]]], rank: int, *, inclusive: bool) -> list[str]:
    """Return the core items (or, without core, every item) of the highest level below ``rank``.

    With ``inclusive``, the level ``rank`` itself counts as below.
    """
    below = [r for r in levels if r < rank or (inclusive and r == rank)]
    if not below:
        return []
    core, every = levels[max(below)]
    return core or every


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
