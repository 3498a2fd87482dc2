"""Quality rules for an initiative library, beyond what loading a model checks.

Loading (:mod:`planner.model.modelload`) refuses what would break the app: unknown keys, a
``requires`` of a later level, a loop. These rules find what would make a plan wrong or bloated
while the app still runs; the bundled models must pass them all (a test guards that), and a
consultant's own model is shown the findings.

* **Core coverage**: every capability and level that has initiatives has one or two ``core``
  items for every organisation size, so a gap always yields work and a lean plan stays lean.
* **Dependencies named in the text**: an initiative whose description quotes another library key,
  or names another capability, must reach that item or an item of that capability through its
  ``requires`` (directly or through what those require), unless that capability is a
  prerequisite of its own (directly or through others): the roadmap then orders the two anyway.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from planner.model.capmodel import ORG_SIZES, CapabilityModel, InitiativeTemplate

__all__ = ["CORE_PER_LEVEL", "Finding", "library_findings", "required_closure"]

#: How many core items a capability and level has for each size, fewest and most.
CORE_PER_LEVEL: tuple[int, int] = (1, 2)

_KEY = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)*\.(?:[a-z0-9]+)\.[a-z0-9]+(?:-[a-z0-9]+)*\b")


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem of a library: where (a capability or an initiative key) and what."""

    where: str
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}"


def library_findings(model: CapabilityModel) -> list[Finding]:
    """Return every finding of the rules above, in model order."""
    findings = list(_core_coverage(model))
    findings.extend(_named_dependencies(model))
    return findings


def _core_coverage(model: CapabilityModel) -> Iterable[Finding]:
    lo, hi = CORE_PER_LEVEL
    for cap in model.iter_capabilities():
        for level in model.level_ids[1:]:
            items = cap.initiatives_for(level)
            if not items:
                continue
            for size in ORG_SIZES:
                core = [t for t in items if t.tier == "core" and t.suits(size)]
                if not lo <= len(core) <= hi:
                    yield Finding(
                        f"{cap.id} ({level})",
                        f"has {len(core)} core initiatives for a {size} organisation (wanted {lo} to {hi})",
                    )


def required_closure(start: InitiativeTemplate, templates: Mapping[str, InitiativeTemplate]) -> set[str]:
    """Return the library keys ``start`` requires, directly or through what those require."""
    seen: set[str] = set()
    stack = list(start.requires)
    while stack:
        key = stack.pop()
        if key in seen or key not in templates:
            continue
        seen.add(key)
        stack.extend(templates[key].requires)
    return seen


def _prerequisites(model: CapabilityModel, cap_id: str) -> set[str]:
    seen: set[str] = set()
    stack = list(model.capability(cap_id).prerequisites)
    while stack:
        found = stack.pop()
        if found not in seen and found in model.capabilities:
            seen.add(found)
            stack.extend(model.capability(found).prerequisites)
    return seen


def _named_dependencies(model: CapabilityModel) -> Iterable[Finding]:
    templates = {tpl.key: tpl for cap in model.iter_capabilities() for tpl in cap.initiatives}
    names = {cap.name: cap.id for cap in model.iter_capabilities()}
    for cap in model.iter_capabilities():
        before = _prerequisites(model, cap.id)
        for tpl in cap.initiatives:
            reach = required_closure(tpl, templates)
            reached_caps = {templates[k].capability for k in reach}
            text = f"{tpl.title} {tpl.description}"
            for key in sorted(set(_KEY.findall(text))):
                if key in templates and key != tpl.key and key not in reach:
                    yield Finding(tpl.key, f"quotes {key} but does not require it")
            for name, other in names.items():
                if other == cap.id or other in before or other in reached_caps:
                    continue
                if name in text:
                    yield Finding(tpl.key, f"names {name} but requires none of its initiatives")
