"""Carry an assessment from one model to its successor (FinOps 2025 -> 2026, or a newer revision).

A newer model lists what changed since an older one in ``predecessors``::

    "predecessors": {"finops-2025": {"renamed": {"benchmarking": "kpis-benchmarking", ...},
                                     "merged": {"onboarding-workloads": "architecting-workload-placement"},
                                     "removed": [],
                                     "widened": {"architecting-workload-placement": "why its scope grew", ...}}}

A newer revision of the same model needs no entry: capabilities keep their ids. Capabilities that
kept their id, or were renamed, keep their findings under the new id. Capabilities new in the target
start unscored. Widened capabilities (their scope grew, so old scores say less) are flagged for
re-scoring in the report.

Merged capabilities (decision): the findings of the one taken in are carried into the one that
took it in. Where both have lens scores, the destination's are kept and the conflict is listed;
where only the merged one was scored, its scores (and its participants' votes) are carried. Its
notes, internal notes and evidence are appended under a heading naming it, so the consultant
reads them where they now belong; its scores, when not carried, are written into the internal
notes. Its whole record is also kept in ``assessment.extra["findings_of_merged_capabilities"]``.

Nothing the consultant wrote is lost (decision): a removed capability's findings cannot be
scored against the new model, but its notes, internal notes, evidence, scores and target are kept
in the assessment (``extra["notes_of_retired_capabilities"]``, one record per capability, saved
with the file), and roadmap items of removed capabilities are kept whole in
``roadmap.extra["initiatives_of_retired_capabilities"]``. The report names each kept record and
where it is, so the consultant sees what moved.

Library keys: an item's ``template`` (and every ``dismissed`` key) ``<capability>.<level>.<slug>``
maps through the capability map and then through the target's ``initiative_renames`` (an old key
-> the key now, or null when the item was retired). A key the target's library does not hold is
retired. A retired item the consultant touched (edited, locked, pinned, or given a status) stays
in the plan as a custom item, its old key kept in ``extra["former_template"]``; an untouched
generated one is set aside whole in ``roadmap.extra["initiatives_of_retired_library_items"]``.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from typing import Any

from planner.model.capmodel import CapabilityModel
from planner.model.limits import LONG_TEXT_MAX
from planner.model.project import Assessment, CapabilityAssessment, Initiative, Project, Roadmap, RoadmapBasis

__all__ = [
    "MERGED_FINDINGS",
    "RETIRED_INITIATIVES",
    "RETIRED_LIBRARY_ITEMS",
    "RETIRED_NOTES",
    "ConversionReport",
    "MergedCapability",
    "RetiredItem",
    "capability_map",
    "convert_project",
    "describes_conversion",
]

#: Where a removed capability's findings are kept (a key of the assessment's extra).
RETIRED_NOTES = "notes_of_retired_capabilities"
#: Where the roadmap items of removed capabilities are kept (a key of the roadmap's extra).
RETIRED_INITIATIVES = "initiatives_of_retired_capabilities"
#: Where a merged capability's whole record is kept (a key of the assessment's extra).
MERGED_FINDINGS = "findings_of_merged_capabilities"
#: Where untouched generated items whose library key was retired are kept (a key of the roadmap's extra).
RETIRED_LIBRARY_ITEMS = "initiatives_of_retired_library_items"


@dataclass(slots=True)
class MergedCapability:
    """A capability taken into another: what was carried and where the two disagreed."""

    source: str
    into: str
    carried: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RetiredItem:
    """A roadmap item whose library key the target no longer has; ``kept_as_custom`` or set aside."""

    id: str
    key: str
    title: str
    kept_as_custom: bool


@dataclass(slots=True)
class ConversionReport:
    """What a conversion did, in lines a consultant can read."""

    renamed: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    dropped_initiatives: list[str] = field(default_factory=list)
    #: Removed capabilities whose findings were kept (see :data:`RETIRED_NOTES`).
    kept_findings: list[str] = field(default_factory=list)
    merged: list[MergedCapability] = field(default_factory=list)
    #: Capabilities of the target whose scope grew (id, why), to be re-scored.
    rescore: list[tuple[str, str]] = field(default_factory=list)
    #: Roadmap items whose library key changed: (item id, old key, new key).
    remapped_initiatives: list[tuple[str, str, str]] = field(default_factory=list)
    retired_initiatives: list[RetiredItem] = field(default_factory=list)
    #: Dismissed library keys: (old, new), new ``None`` when retired (and so no longer listed).
    dismissed: list[tuple[str, str | None]] = field(default_factory=list)
    #: Other changes the consultant should know of (a target or a participant's role cleared).
    notes: list[str] = field(default_factory=list)

    def lines(self, source: CapabilityModel, target: CapabilityModel) -> list[str]:
        """Describe the conversion."""
        out = [f"Converted from {source.name} to {target.name}."]
        out += [f"{source.capability(a).name} is now {target.capability(b).name}." for a, b in self.renamed]
        for merged in self.merged:
            out.append(f"{source.capability(merged.source).name} is now part of {target.capability(merged.into).name}.")
            out += [f"  Carried: {line}" for line in merged.carried]
            out += [f"  Conflict: {line}" for line in merged.conflicts]
        for cap in self.removed:
            kept = (
                f"; its notes, evidence and scores are kept in the project file under assessment.{RETIRED_NOTES}"
                if cap in self.kept_findings
                else ""
            )
            out.append(f"{source.capability(cap).name} is not part of {target.name}{kept}.")
        out += [f"{target.capability(c).name} is new and not scored yet." for c in self.added]
        out += [f"Re-score {target.capability(c).name}: {why}" for c, why in self.rescore]
        out += [
            f"Roadmap item dropped with its capability (kept under roadmap.{RETIRED_INITIATIVES}): {t}"
            for t in self.dropped_initiatives
        ]
        out += [
            f"Roadmap item {item_id} now follows library item {new} (was {old})."
            for item_id, old, new in self.remapped_initiatives
        ]
        for item in self.retired_initiatives:
            where = (
                "kept in the plan as a custom initiative"
                if item.kept_as_custom
                else f"set aside under roadmap.{RETIRED_LIBRARY_ITEMS}"
            )
            out.append(f"Library item {item.key} is retired; roadmap item \u201c{item.title}\u201d is {where}.")
        for old, new in self.dismissed:
            out.append(
                f"Dismissed library item {old} is now {new}."
                if new
                else f"Dismissed library item {old} is no longer in the library: dropped from the dismissed list."
            )
        return out + self.notes


@dataclass(frozen=True, slots=True)
class _Successor:
    """How the target model describes coming from the source model."""

    renamed: dict[str, str]
    merged: dict[str, str]
    removed: frozenset[str]
    widened: dict[str, str]


def _successor(source: CapabilityModel, target: CapabilityModel) -> _Successor:
    """Read the target's ``predecessors`` entry for the source (identity for the same model id).

    Raises:
        ValueError: the target model does not describe how to come from the source model.
    """
    if source.id == target.id:
        return _Successor({}, {}, frozenset(), {})
    preds = target.document.get("predecessors", {})
    entry: Any = preds.get(source.id) if isinstance(preds, dict) else None
    if not isinstance(entry, dict):
        raise ValueError(f"{target.name} does not describe how to convert from {source.name}")
    return _Successor(
        renamed=dict(entry.get("renamed", {})),
        merged=dict(entry.get("merged", {})),
        removed=frozenset(entry.get("removed", [])),
        widened=dict(entry.get("widened", {})),
    )


def describes_conversion(source: CapabilityModel, target: CapabilityModel) -> bool:
    """Whether ``target`` says how to carry a project from ``source`` (or is the same model)."""
    try:
        _successor(source, target)
    except ValueError:
        return False
    return True


def capability_map(source: CapabilityModel, target: CapabilityModel) -> dict[str, str | None]:
    """Map each source capability id to its target id (``None`` when removed; merged: its new home).

    Raises:
        ValueError: the target model does not describe how to come from the source model.
    """
    succ = _successor(source, target)
    mapping: dict[str, str | None] = {}
    for cap in source.capabilities:
        new = succ.merged.get(cap) or succ.renamed.get(cap, cap)
        mapping[cap] = None if cap in succ.removed or new not in target.capabilities else new
    return mapping


def convert_project(project: Project, target: CapabilityModel) -> tuple[Project, ConversionReport]:
    """Return a copy of ``project`` scored against ``target``, and what changed (the project is untouched).

    Raises:
        ValueError: no conversion path between the two models.
    """
    source = project.model
    succ = _successor(source, target)
    mapping = capability_map(source, target)
    report = ConversionReport()
    assessment = _convert_assessment(project, target, mapping, succ, report)
    mapped = {m for m in mapping.values() if m}
    report.added = [c for c in target.capabilities if c not in mapped]
    report.rescore = [(c, why) for c, why in succ.widened.items() if c in target.capabilities]
    roadmap = _convert_roadmap(project, target, mapping, report)
    engagement = copy.deepcopy(project.engagement)
    personas = {p.name for p in target.personas}
    for person in engagement.participants:
        if person.role and person.role not in personas:
            person.extra.setdefault("former_role", person.role)
            report.notes.append(
                f"Participant {person.name}'s role {person.role} is not a persona of {target.name}: "
                "cleared (kept in the file as former_role)."
            )
            person.role = ""
    converted = Project(
        target,
        engagement,
        assessment,
        roadmap,
        project.saved_by,
        copy.deepcopy(project.extra),
        copy.deepcopy(project.report),
    )
    return converted, report


# -- the assessment --------------------------------------------------------------------------------
def _convert_assessment(
    project: Project,
    target: CapabilityModel,
    mapping: dict[str, str | None],
    succ: _Successor,
    report: ConversionReport,
) -> Assessment:
    source = project.model
    assessment = Assessment(
        lens_weights={k: v for k, v in project.assessment.lens_weights.items() if k in target.lens_ids},
        history=copy.deepcopy(project.assessment.history),  # rounds name the model they were scored against
        extra=copy.deepcopy(project.assessment.extra),
    )
    kept_notes: list[dict[str, Any]] = []
    merges: list[tuple[str, CapabilityAssessment]] = []
    for cap_id, found in project.assessment.capabilities.items():
        new = mapping.get(cap_id)
        if new is None:
            report.removed.append(cap_id)
            if _has_findings(found):
                kept_notes.append(_retired_record(source, cap_id, found))
                report.kept_findings.append(cap_id)
            continue
        if cap_id in succ.merged:
            merges.append((cap_id, found))
            continue
        if new != cap_id:
            report.renamed.append((cap_id, new))
        assessment.capabilities[new] = _fit(source, target, cap_id, found, report)
    for cap_id in source.capabilities:  # a renamed capability nobody scored is still renamed
        new = mapping.get(cap_id)
        if new and new != cap_id and cap_id not in succ.merged and cap_id not in project.assessment.capabilities:
            report.renamed.append((cap_id, new))
    merged_records: list[dict[str, Any]] = []
    for cap_id, found in merges:
        into = succ.merged[cap_id]
        entry = MergedCapability(cap_id, into)
        report.merged.append(entry)
        if not _has_findings(found):
            continue
        found = _fit(source, target, cap_id, found, report)
        assessment.capabilities[into] = _merge(
            source, target, cap_id, found, into, assessment.capabilities.get(into), entry
        )
        record = _retired_record(source, cap_id, found)
        record["merged_into"] = into
        merged_records.append(record)
    for cap_id in source.capabilities:  # merged, but never scored: still say where it went
        if cap_id in succ.merged and cap_id not in project.assessment.capabilities:
            report.merged.append(MergedCapability(cap_id, succ.merged[cap_id]))
    if kept_notes:
        assessment.extra.setdefault(RETIRED_NOTES, []).extend(kept_notes)
    if merged_records:
        assessment.extra.setdefault(MERGED_FINDINGS, []).extend(merged_records)
    return assessment


def _fit(
    source: CapabilityModel, target: CapabilityModel, cap_id: str, found: CapabilityAssessment, report: ConversionReport
) -> CapabilityAssessment:
    """A copy of a record with only the target's lenses and levels."""
    moved = copy.deepcopy(found)
    moved.lenses = {k: v for k, v in moved.lenses.items() if k in target.lens_ids}
    moved.votes = {who: {k: v for k, v in s.items() if k in target.lens_ids} for who, s in moved.votes.items()}
    if moved.target is not None and moved.target not in target.level_ids:
        report.notes.append(
            f"{source.capability(cap_id).name}: the target {moved.target} is not a level of {target.name}; cleared."
        )
        moved.target = None
    return moved


def _scored(found: CapabilityAssessment | None) -> bool:
    return found is not None and any(v is not None for v in found.lenses.values())


def _scores_text(model: CapabilityModel, lenses: dict[str, int | None]) -> str:
    return ", ".join(f"{model.lens(k).name} {'-' if lenses.get(k) is None else lenses[k]}" for k in model.lens_ids)


def _merge(
    source: CapabilityModel,
    target: CapabilityModel,
    cap_id: str,
    found: CapabilityAssessment,
    into: str,
    existing: CapabilityAssessment | None,
    entry: MergedCapability,
) -> CapabilityAssessment:
    """Carry ``found`` (of ``cap_id``) into the record of ``into``; say what moved in ``entry``."""
    name = source.capability(cap_id).name
    into_name = target.capability(into).name
    merged = copy.deepcopy(existing) if existing is not None else CapabilityAssessment(importance=found.importance)
    heading = f"From {name} (merged into {into_name}):"
    kept_where = f"kept under assessment.{MERGED_FINDINGS}"
    if _scored(found) and _scored(existing):
        entry.conflicts.append(
            f"both were scored; {into_name}'s lens scores are kept ({_scores_text(target, merged.lenses)}); "
            f"{name}'s ({_scores_text(target, found.lenses)}) are written into the internal notes and {kept_where}."
        )
    elif _scored(found):
        merged.lenses = dict(found.lenses)
        entry.carried.append(f"lens scores ({_scores_text(target, found.lenses)})")
        for who, votes in found.votes.items():
            if who in merged.votes:
                entry.conflicts.append(f"participant {who} voted on both; the votes on {into_name} are kept.")
            else:
                merged.votes[who] = dict(votes)
    if found.target is not None:
        if merged.target is None:
            merged.target = found.target
            entry.carried.append(f"target {target.level_name(found.target)}")
        elif merged.target != found.target:
            entry.conflicts.append(
                f"targets differ; {into_name}'s {target.level_name(merged.target)} is kept "
                f"({name}'s was {target.level_name(found.target)})."
            )
    assessed = _scored(found) or found.target is not None  # an importance the consultant meant to give
    if existing is not None and assessed and found.importance != merged.importance:
        entry.conflicts.append(
            f"importance differs; {into_name}'s {merged.importance} is kept ({name}'s was {found.importance})."
        )
    notes = found.notes
    if not found.applicable:
        reason = f": {found.na_reason}" if found.na_reason else ""
        notes = f"{name} was marked not applicable{reason}" + (f"\n{notes}" if notes else "")
    internal = found.internal_notes
    if _scored(found) and _scored(existing):
        scores = f"{name}'s own lens scores were {_scores_text(target, found.lenses)}; {into_name}'s were kept."
        internal = scores + (f"\n{internal}" if internal else "")
    for attr, text, label in (("notes", notes, "notes"), ("internal_notes", internal, "internal notes")):
        if not text:
            continue
        before = getattr(merged, attr)
        joined = (before + "\n\n" if before else "") + heading + "\n" + text
        if len(joined) > LONG_TEXT_MAX:
            entry.conflicts.append(f"{name}'s {label} are too long to add to {into_name}'s; {kept_where}.")
        else:
            setattr(merged, attr, joined)
            entry.carried.append(label)
    for item in found.evidence:
        labelled = f"{name}: {item}"
        merged.evidence.append(labelled if len(labelled) <= LONG_TEXT_MAX else item)
    if found.evidence:
        entry.carried.append(f"{len(found.evidence)} piece{'s' if len(found.evidence) != 1 else ''} of evidence")
    return merged


def _has_findings(found: CapabilityAssessment) -> bool:
    """Whether the consultant recorded anything for a capability (text, a score, a target)."""
    return bool(
        found.notes
        or found.internal_notes
        or found.evidence
        or found.extra
        or found.target
        or found.na_reason
        or found.votes
        or not found.applicable
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


# -- the roadmap -----------------------------------------------------------------------------------
def _library_key(key: str, mapping: dict[str, str | None], target: CapabilityModel, keys: set[str]) -> str | None:
    """The key an old library key is now, or ``None`` when its item was retired."""
    renames = target.initiative_renames
    if key in renames:
        return renames[key]
    cap, dot, rest = key.partition(".")
    new_cap = mapping.get(cap, cap) if dot else cap
    if new_cap is None:
        return None
    moved = f"{new_cap}.{rest}" if dot else key
    if moved in renames:
        return renames[moved]
    return moved if moved in keys else None


def _touched(item: Initiative) -> bool:
    """Whether the consultant did anything to an item (so a retired key never costs their work)."""
    return (
        item.origin != "generated"
        or item.edited
        or item.locked
        or item.pinned_start is not None
        or item.status != "planned"
        or item.done_date is not None
    )


def _convert_roadmap(
    project: Project, target: CapabilityModel, mapping: dict[str, str | None], report: ConversionReport
) -> Roadmap:
    source = project.model
    keys = {tpl.key for cap in target.capabilities.values() for tpl in cap.initiatives}
    roadmap = copy.deepcopy(project.roadmap)
    roadmap.initiatives = []
    if source.id != target.id:
        roadmap.generated_from = None  # generated against the other model: judged afresh on regeneration
    elif roadmap.generated_from is not None:
        basis = roadmap.generated_from
        caps = {c: b for c, b in basis.capabilities.items() if c in target.capabilities}
        roadmap.generated_from = RoadmapBasis(basis.org_size, basis.scope, caps)
    kept_items: list[dict[str, Any]] = []
    set_aside: list[dict[str, Any]] = []
    for item in project.roadmap.initiatives:
        new = mapping.get(item.capability)
        if new is None:
            report.dropped_initiatives.append(item.title)
            kept_items.append(_retired_initiative(source, item))
            continue
        moved = copy.deepcopy(item)
        moved.capability = new
        if item.template:
            key = _library_key(item.template, mapping, target, keys)
            if key is None:
                kept = _touched(item)
                report.retired_initiatives.append(RetiredItem(item.id, item.template, item.title, kept))
                if not kept:
                    set_aside.append(_retired_initiative(source, item))
                    continue
                moved.origin, moved.template = "custom", ""
                moved.extra.setdefault("former_template", item.template)
            elif key != item.template:
                moved.template = key
                report.remapped_initiatives.append((item.id, item.template, key))
        roadmap.initiatives.append(moved)
    if kept_items:
        roadmap.extra.setdefault(RETIRED_INITIATIVES, []).extend(kept_items)
    if set_aside:
        roadmap.extra.setdefault(RETIRED_LIBRARY_ITEMS, []).extend(set_aside)
    dropped_ids = {i.id for i in project.roadmap.initiatives} - {i.id for i in roadmap.initiatives}
    for item in roadmap.initiatives:
        item.depends_on = [d for d in item.depends_on if d not in dropped_ids]
    dismissed: list[str] = []
    for old in roadmap.dismissed:
        key = _library_key(old, mapping, target, keys)
        if key != old:
            report.dismissed.append((old, key))
        if key is not None and key not in dismissed:
            dismissed.append(key)
    roadmap.dismissed = dismissed
    return roadmap


def _retired_initiative(source: CapabilityModel, item: Initiative) -> dict[str, Any]:
    """A roadmap item set aside, whole, with the capability's name for the reader."""
    cap = source.capabilities.get(item.capability)
    record: dict[str, Any] = {"capability_name": cap.name if cap is not None else item.capability}
    record.update((f.name, copy.deepcopy(getattr(item, f.name))) for f in dataclasses.fields(item) if f.name != "extra")
    record.update(copy.deepcopy({k: v for k, v in item.extra.items() if k not in record}))
    return record
