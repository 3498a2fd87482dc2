"""Carry an assessment from one bundled model to its successor (e.g. FinOps 2025 -> 2026).

A newer model lists what changed since an older one in ``predecessors``::

    "predecessors": {"finops-2025": {"renamed": {"benchmarking": "kpis-benchmarking", ...},
                                     "removed": ["onboarding-workloads"]}}

Capabilities that kept their id, or were renamed, keep their findings under the new id.
Findings of removed capabilities are not carried over, but their client-facing and internal
notes are kept in the assessment (``extra["notes_of_retired_capabilities"]``, saved with the
file) so nothing the consultant wrote is lost. Capabilities new in the target model start unscored. Roadmap items
follow their capability; items of removed capabilities are dropped and listed in the report.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from planner.model.capmodel import CapabilityModel
from planner.model.project import Assessment, Project

__all__ = ["ConversionReport", "capability_map", "convert_project"]


@dataclass(slots=True)
class ConversionReport:
    """What a conversion did, in lines a consultant can read."""

    renamed: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    dropped_initiatives: list[str] = field(default_factory=list)

    def lines(self, source: CapabilityModel, target: CapabilityModel) -> list[str]:
        """Describe the conversion."""
        out = [f"Converted from {source.name} to {target.name}."]
        out += [f"{source.capability(a).name} is now {target.capability(b).name}." for a, b in self.renamed]
        out += [f"{source.capability(c).name} is not part of {target.name}; its notes were kept." for c in self.removed]
        out += [f"{target.capability(c).name} is new and not scored yet." for c in self.added]
        out += [f"Roadmap item dropped with its capability: {t}" for t in self.dropped_initiatives]
        return out


def capability_map(source: CapabilityModel, target: CapabilityModel) -> dict[str, str | None]:
    """Map each source capability id to its target id (``None`` when removed).

    Raises:
        ValueError: the target model does not describe how to come from the source model.
    """
    if source.id == target.id:
        return {c: c for c in source.capabilities}
    preds = target.document.get("predecessors", {})
    entry: Any = preds.get(source.id) if isinstance(preds, dict) else None
    if not isinstance(entry, dict):
        raise ValueError(f"{target.name} does not describe how to convert from {source.name}")
    renamed: dict[str, str] = dict(entry.get("renamed", {}))
    removed = set(entry.get("removed", []))
    mapping: dict[str, str | None] = {}
    for cap in source.capabilities:
        new = renamed.get(cap, cap)
        mapping[cap] = None if cap in removed or new not in target.capabilities else new
    return mapping


def convert_project(project: Project, target: CapabilityModel) -> tuple[Project, ConversionReport]:
    """Return a copy of ``project`` scored against ``target``, and what changed.

    Raises:
        ValueError: no conversion path between the two models.
    """
    source = project.model
    mapping = capability_map(source, target)
    report = ConversionReport()
    assessment = Assessment(
        lens_weights={k: v for k, v in project.assessment.lens_weights.items() if k in target.lens_ids},
        extra=copy.deepcopy(project.assessment.extra),
    )
    kept_notes: list[dict[str, str]] = []
    for cap_id, found in project.assessment.capabilities.items():
        new = mapping.get(cap_id)
        if new is None:
            report.removed.append(cap_id)
            if found.notes or found.internal_notes:
                kept_notes.append({"capability": source.capability(cap_id).name, "notes": found.notes,
                                   "internal_notes": found.internal_notes})  # fmt: skip
            continue
        if new != cap_id:
            report.renamed.append((cap_id, new))
        moved = copy.deepcopy(found)
        moved.lenses = {k: v for k, v in moved.lenses.items() if k in target.lens_ids}
        if moved.target is not None and moved.target not in target.level_ids:
            moved.target = None
        assessment.capabilities[new] = moved
    if kept_notes:
        assessment.extra.setdefault("notes_of_retired_capabilities", []).extend(kept_notes)
    mapped = {m for m in mapping.values() if m}
    report.added = [c for c in target.capabilities if c not in mapped]
    roadmap = copy.deepcopy(project.roadmap)
    roadmap.initiatives = []
    roadmap.generated_from = None  # generated against the other model: judged afresh on regeneration
    for item in project.roadmap.initiatives:
        new = mapping.get(item.capability)
        if new is None:
            report.dropped_initiatives.append(item.title)
            continue
        moved_item = copy.deepcopy(item)
        moved_item.capability = new
        roadmap.initiatives.append(moved_item)
    dropped_ids = {i.id for i in project.roadmap.initiatives} - {i.id for i in roadmap.initiatives}
    for item in roadmap.initiatives:
        item.depends_on = [d for d in item.depends_on if d not in dropped_ids]
    converted = Project(target, copy.deepcopy(project.engagement), assessment, roadmap, project.saved_by,
                        copy.deepcopy(project.extra))  # fmt: skip
    return converted, report
