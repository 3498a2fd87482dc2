"""Carry an assessment from one bundled model to its successor (e.g. FinOps 2025 -> 2026).

A newer model lists what changed since an older one in ``predecessors``::

    "predecessors": {"finops-2025": {"renamed": {"benchmarking": "kpis-benchmarking", ...},
                                     "removed": ["onboarding-workloads"]}}

Capabilities that kept their id, or were renamed, keep their findings under the new id.
Capabilities new in the target model start unscored. Roadmap items follow their capability.

Nothing the consultant wrote is lost (decision): a removed capability's findings cannot be
scored against the new model, but its notes, internal notes, evidence, scores and target are kept
in the assessment (``extra["notes_of_retired_capabilities"]``, one record per capability, saved
with the file), and roadmap items of removed capabilities are kept whole in
``roadmap.extra["initiatives_of_retired_capabilities"]``. The report names each kept record and
where it is, so the consultant sees what moved.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from typing import Any

from planner.model.capmodel import CapabilityModel
from planner.model.project import Assessment, CapabilityAssessment, Initiative, Project

__all__ = ["RETIRED_INITIATIVES", "RETIRED_NOTES", "ConversionReport", "capability_map", "convert_project"]

#: Where a removed capability's findings are kept (a key of the assessment's extra).
RETIRED_NOTES = "notes_of_retired_capabilities"
#: Where the roadmap items of removed capabilities are kept (a key of the roadmap's extra).
RETIRED_INITIATIVES = "initiatives_of_retired_capabilities"


@dataclass(slots=True)
class ConversionReport:
    """What a conversion did, in lines a consultant can read."""

    renamed: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    dropped_initiatives: list[str] = field(default_factory=list)
    #: Removed capabilities whose findings were kept (see :data:`RETIRED_NOTES`).
    kept_findings: list[str] = field(default_factory=list)

    def lines(self, source: CapabilityModel, target: CapabilityModel) -> list[str]:
        """Describe the conversion."""
        out = [f"Converted from {source.name} to {target.name}."]
        out += [f"{source.capability(a).name} is now {target.capability(b).name}." for a, b in self.renamed]
        for cap in self.removed:
            kept = (
                f"; its notes, evidence and scores are kept in the project file under assessment.{RETIRED_NOTES}"
                if cap in self.kept_findings
                else ""
            )
            out.append(f"{source.capability(cap).name} is not part of {target.name}{kept}.")
        out += [f"{target.capability(c).name} is new and not scored yet." for c in self.added]
        out += [
            f"Roadmap item dropped with its capability (kept under roadmap.{RETIRED_INITIATIVES}): {t}"
            for t in self.dropped_initiatives
        ]
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
    kept_notes: list[dict[str, Any]] = []
    for cap_id, found in project.assessment.capabilities.items():
        new = mapping.get(cap_id)
        if new is None:
            report.removed.append(cap_id)
            if _has_findings(found):
                kept_notes.append(_retired_record(source, cap_id, found))
                report.kept_findings.append(cap_id)
            continue
        if new != cap_id:
            report.renamed.append((cap_id, new))
        moved = copy.deepcopy(found)
        moved.lenses = {k: v for k, v in moved.lenses.items() if k in target.lens_ids}
        if moved.target is not None and moved.target not in target.level_ids:
            moved.target = None
        assessment.capabilities[new] = moved
    if kept_notes:
        assessment.extra.setdefault(RETIRED_NOTES, []).extend(kept_notes)
    mapped = {m for m in mapping.values() if m}
    report.added = [c for c in target.capabilities if c not in mapped]
    roadmap = copy.deepcopy(project.roadmap)
    roadmap.initiatives = []
    roadmap.generated_from = None  # generated against the other model: judged afresh on regeneration
    kept_items: list[dict[str, Any]] = []
    for item in project.roadmap.initiatives:
        new = mapping.get(item.capability)
        if new is None:
            report.dropped_initiatives.append(item.title)
            kept_items.append(_retired_initiative(source, item))
            continue
        moved_item = copy.deepcopy(item)
        moved_item.capability = new
        roadmap.initiatives.append(moved_item)
    if kept_items:
        roadmap.extra.setdefault(RETIRED_INITIATIVES, []).extend(kept_items)
    dropped_ids = {i.id for i in project.roadmap.initiatives} - {i.id for i in roadmap.initiatives}
    for item in roadmap.initiatives:
        item.depends_on = [d for d in item.depends_on if d not in dropped_ids]
    converted = Project(target, copy.deepcopy(project.engagement), assessment, roadmap, project.saved_by,
                        copy.deepcopy(project.extra))  # fmt: skip
    return converted, report


def _has_findings(found: CapabilityAssessment) -> bool:
    """Whether the consultant recorded anything for a capability (text, a score, a target)."""
    return bool(
        found.notes
        or found.internal_notes
        or found.evidence
        or found.extra
        or found.target
        or any(v is not None for v in found.lenses.values())
    )


def _retired_record(source: CapabilityModel, cap_id: str, found: CapabilityAssessment) -> dict[str, Any]:
    """Everything recorded for a removed capability, as it will sit in the file."""
    record: dict[str, Any] = {
        "capability": source.capability(cap_id).name,
        "notes": found.notes,
        "internal_notes": found.internal_notes,
        "evidence": list(found.evidence),
        "id": cap_id,
        "applicable": found.applicable,
        "lenses": dict(found.lenses),
        "target": found.target,
        "importance": found.importance,
        "na_reason": found.na_reason,
        "votes": copy.deepcopy(found.votes),
    }
    record.update(copy.deepcopy({k: v for k, v in found.extra.items() if k not in record}))
    return record


def _retired_initiative(source: CapabilityModel, item: Initiative) -> dict[str, Any]:
    """A roadmap item of a removed capability, whole, with the capability's name for the reader."""
    record: dict[str, Any] = {"capability_name": source.capability(item.capability).name}
    record.update((f.name, copy.deepcopy(getattr(item, f.name))) for f in dataclasses.fields(item) if f.name != "extra")
    record.update(copy.deepcopy({k: v for k, v in item.extra.items() if k not in record}))
    return record
