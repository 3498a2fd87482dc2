"""Move a project to a newer model or revision, with a report the consultant reviews first.

Two kinds of step are upgrades: a newer revision of the same model (``finops-2026`` revision 1 ->
2: same capabilities, library keys through ``initiative_renames``, levels recomputed under the
new bands), and a successor model that describes how to come from this one in its
``predecessors`` (``finops-2025`` -> ``finops-2026``: see :mod:`planner.model.convert`). One step
at a time: a model two steps away is reached by upgrading twice.

:func:`upgrade_project` returns the upgraded copy and an :class:`UpgradeReport`; nothing is changed
until the caller applies it (the app as one undoable edit, the command line by saving). The
report lists the level bands when they change; renamed, merged (with their conflicts), retired and
added capabilities; the
capabilities to re-score because their scope grew; library keys remapped or retired; and every
capability whose level changes, old level -> new level with its score. :meth:`UpgradeReport.sections`
is the text the command line prints and the app's review dialog shows; :meth:`UpgradeReport.to_json`
is the documented ``planner upgrade --json`` shape::

    {"from": {"id": "finops-2026", "name": "...", "revision": 1},
     "to": {"id": "finops-2026", "name": "...", "revision": 2},
     "bands": {"from": [{"id": "none", "name": "Not started", "min_score": 0}, ...], "to": [...]},
     "capabilities": {"renamed": [{"from": "benchmarking", "to": "kpis-benchmarking"}],
                      "merged": [{"from": "...", "into": "...", "carried": ["..."], "conflicts": ["..."]}],
                      "retired": [{"id": "...", "findings_kept_under": "assessment.notes_of_..." | null}],
                      "added": ["executive-strategy-alignment"]},
     "rescore": [{"id": "...", "reason": "..."}],
     "initiatives": {"remapped": [{"id": "...", "from": "old key", "to": "new key"}],
                     "retired": [{"id": "...", "key": "...", "title": "...", "kept_as": "custom" | "set_aside"}],
                     "set_aside_with_capability": ["title", ...],
                     "dismissed": [{"from": "old key", "to": "new key" | null}]},
     "levels": [{"capability": "allocation", "score": 50.0, "old_score": 50.0, "from": "walk", "to": "crawl"}],
     "roadmap_out_of_date": true,
     "notes": ["..."]}

Scores are percentages, unrounded; levels are level ids (``null`` where there is no score).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from planner.model.capmodel import CapabilityModel
from planner.model.convert import (
    RETIRED_INITIATIVES,
    RETIRED_NOTES,
    ConversionReport,
    capability_map,
    convert_project,
    describes_conversion,
)
from planner.model.project import Project
from planner.model.scoring import score_project

__all__ = [
    "LevelChange",
    "Upgrade",
    "UpgradeRefused",
    "UpgradeReport",
    "is_upgrade",
    "model_label",
    "newest_upgrade",
    "upgrade_project",
    "upgrade_targets",
]


class UpgradeRefused(ValueError):
    """The target is no upgrade of the project's model; the message is a sentence for the user."""


@dataclass(frozen=True, slots=True)
class LevelChange:
    """A capability whose level differs after the upgrade (``score``: under the new model)."""

    capability: str
    old_level: str | None
    new_level: str | None
    old_score: float | None
    score: float | None


def model_label(model: CapabilityModel) -> str:
    """A model's name with its revision, as the report writes it."""
    return f"{model.name} (revision {model.revision})"


@dataclass(slots=True)
class UpgradeReport:
    """What an upgrade changes, for review before anything is applied."""

    source: CapabilityModel
    target: CapabilityModel
    conversion: ConversionReport
    levels: list[LevelChange] = field(default_factory=list)
    #: The roadmap holds initiatives planned from levels or capabilities that changed.
    roadmap_out_of_date: bool = False

    def sections(self) -> list[tuple[str, list[str]]]:
        """The review as titled sections of plain lines (empty sections left out)."""
        src, tgt, conv = self.source, self.target, self.conversion
        caps = [f"Renamed: {src.capability(a).name} -> {tgt.capability(b).name}" for a, b in conv.renamed]
        for merged in conv.merged:
            caps.append(f"Merged: {src.capability(merged.source).name} -> {tgt.capability(merged.into).name}")
            caps += [f"  carried: {line}" for line in merged.carried]
            caps += [f"  conflict: {line}" for line in merged.conflicts]
        for cap in conv.removed:
            kept = (
                f"; its notes, evidence and scores are kept in the file under assessment.{RETIRED_NOTES}"
                if cap in conv.kept_findings
                else ""
            )
            caps.append(f"Retired: {src.capability(cap).name}{kept}")
        caps += [f"Added: {tgt.capability(c).name} (not scored yet)" for c in conv.added]
        rescore = [f"{tgt.capability(c).name}: {why}" for c, why in conv.rescore]
        bands = []
        if _bands(src) != _bands(tgt):
            bands = [f"Were: {_bands_text(src)}", f"Now: {_bands_text(tgt)}"]
            bands += [tgt.bands_note] if tgt.bands_note else []
        levels = [
            f"{tgt.capability(ch.capability).name}: {_level(src, ch.old_level)} -> {_level(tgt, ch.new_level)}"
            f" ({_percent(ch.score)}" + (f"; was {_percent(ch.old_score)}" if ch.old_score != ch.score else "") + ")"
            for ch in self.levels
        ]
        road = [
            f"Item {item_id} now follows library item {new} (was {old})"
            for item_id, old, new in conv.remapped_initiatives
        ]
        for item in conv.retired_initiatives:
            where = "kept in the plan as a custom initiative" if item.kept_as_custom else "set aside in the file"
            road.append(f"Library item {item.key} is retired: \u201c{item.title}\u201d is {where}")
        road += [
            f"\u201c{title}\u201d leaves the plan with its capability (kept under roadmap.{RETIRED_INITIATIVES})"
            for title in conv.dropped_initiatives
        ]
        for old, new in conv.dismissed:
            road.append(
                f"Dismissed item {old} is now {new}"
                if new
                else f"Dismissed item {old} is no longer in the library: dropped from the dismissed list"
            )
        if self.roadmap_out_of_date:
            road.append(
                "The roadmap was planned from the old levels and capabilities: regenerate it after the upgrade."
            )
        return [
            (title, lines)
            for title, lines in (
                ("Capabilities", caps),
                ("Level bands", bands),
                ("Re-score: their scope grew, so the carried scores say less than before", rescore),
                ("Levels that change", levels),
                ("Roadmap", road),
                ("Also", list(conv.notes)),
            )
            if lines
        ]

    @property
    def heading(self) -> str:
        """One line: from which model to which."""
        return f"From {model_label(self.source)} to {model_label(self.target)}."

    def lines(self, heading: str = "") -> list[str]:
        """The whole review as text: the heading (:attr:`heading` unless given), then each section, indented."""
        out = [heading or self.heading]
        for title, lines in self.sections():
            out += ["", f"{title}:"] + [f"  {line}" for line in lines]
        if len(out) == 1:
            out += ["", "Nothing else changes: every capability keeps its findings and its level."]
        return out

    def to_json(self) -> dict[str, Any]:
        """The documented ``--json`` shape (see the module)."""
        conv = self.conversion
        return {
            "from": _model_json(self.source),
            "to": _model_json(self.target),
            "bands": {
                "from": [{"id": i, "name": n, "min_score": m} for i, n, m in _bands(self.source)],
                "to": [{"id": i, "name": n, "min_score": m} for i, n, m in _bands(self.target)],
            },
            "capabilities": {
                "renamed": [{"from": a, "to": b} for a, b in conv.renamed],
                "merged": [
                    {"from": m.source, "into": m.into, "carried": list(m.carried), "conflicts": list(m.conflicts)}
                    for m in conv.merged
                ],
                "retired": [
                    {
                        "id": c,
                        "findings_kept_under": f"assessment.{RETIRED_NOTES}" if c in conv.kept_findings else None,
                    }
                    for c in conv.removed
                ],
                "added": list(conv.added),
            },
            "rescore": [{"id": c, "reason": why} for c, why in conv.rescore],
            "initiatives": {
                "remapped": [{"id": i, "from": old, "to": new} for i, old, new in conv.remapped_initiatives],
                "retired": [
                    {
                        "id": r.id,
                        "key": r.key,
                        "title": r.title,
                        "kept_as": "custom" if r.kept_as_custom else "set_aside",
                    }
                    for r in conv.retired_initiatives
                ],
                "set_aside_with_capability": list(conv.dropped_initiatives),
                "dismissed": [{"from": old, "to": new} for old, new in conv.dismissed],
            },
            "levels": [
                {
                    "capability": ch.capability,
                    "score": ch.score,
                    "old_score": ch.old_score,
                    "from": ch.old_level,
                    "to": ch.new_level,
                }
                for ch in self.levels
            ],
            "roadmap_out_of_date": self.roadmap_out_of_date,
            "notes": list(conv.notes),
        }


@dataclass(frozen=True, slots=True)
class Upgrade:
    """An upgraded copy of a project and the report of what changed."""

    project: Project
    report: UpgradeReport


def _model_json(model: CapabilityModel) -> dict[str, Any]:
    return {"id": model.id, "name": model.name, "revision": model.revision}


def _bands(model: CapabilityModel) -> list[tuple[str, str, float]]:
    return [(lv.id, lv.name, lv.min_score) for lv in model.levels]


def _bands_text(model: CapabilityModel) -> str:
    return ", ".join(f"{lv.name} from {lv.min_score:g}%" for lv in model.levels)


def _level(model: CapabilityModel, level: str | None) -> str:
    return "no level" if level is None else model.level_name(level)


def _percent(score: float | None) -> str:
    return "no score" if score is None else f"{score:.1f}%"


def is_upgrade(source: CapabilityModel, target: CapabilityModel) -> bool:
    """Whether moving from ``source`` to ``target`` is one upgrade step (a newer revision or a successor)."""
    if source.id == target.id:
        return target.revision > source.revision
    return describes_conversion(source, target)


def upgrade_targets(source: CapabilityModel, candidates: Iterable[CapabilityModel]) -> list[CapabilityModel]:
    """The candidates a project on ``source`` can upgrade to, the default (newest) first.

    A successor model comes before a newer revision of the same model (it is the newer framework);
    among several, the highest revision first.
    """
    steps = [c for c in candidates if is_upgrade(source, c)]
    return sorted(steps, key=lambda m: (m.id != source.id, m.revision), reverse=True)


def newest_upgrade(source: CapabilityModel, candidates: Iterable[CapabilityModel]) -> CapabilityModel | None:
    """The model a project on ``source`` upgrades to by default (``None``: no candidate is an upgrade)."""
    steps = upgrade_targets(source, candidates)
    return steps[0] if steps else None


def upgrade_project(project: Project, target: CapabilityModel) -> Upgrade:
    """Return the project moved to ``target`` and the report (``project`` itself is not changed).

    Raises:
        UpgradeRefused: ``target`` is the project's own model, an older one, or no successor of it.
    """
    source = project.model
    if source.id == target.id and target.revision <= source.revision:
        which = "already uses" if target.revision == source.revision else "uses a newer revision than"
        raise UpgradeRefused(f"the project {which} {model_label(target)}: nothing to upgrade")
    if not is_upgrade(source, target):
        raise UpgradeRefused(f"{target.name} is not an upgrade of {source.name}: it does not say how to come from it")
    converted, conversion = convert_project(project, target)
    report = UpgradeReport(source, target, conversion)
    before = score_project(source, project.assessment)
    after = score_project(target, converted.assessment)
    mapping = capability_map(source, target)
    merged = {m.source for m in conversion.merged}
    for cap in target.iter_capabilities():
        origins = [old for old, new in mapping.items() if new == cap.id]
        primary = next((o for o in origins if o not in merged), origins[0] if origins else None)
        old = before.capabilities.get(primary) if primary is not None else None
        new = after.capabilities[cap.id]
        old_level, old_score = (old.level, old.score) if old is not None else (None, None)
        if old_level != new.level:
            report.levels.append(LevelChange(cap.id, old_level, new.level, old_score, new.score))
    report.roadmap_out_of_date = bool(converted.roadmap.initiatives) and bool(
        report.levels
        or any(m.carried or m.conflicts for m in conversion.merged)
        or conversion.removed
        or conversion.retired_initiatives
        or conversion.dropped_initiatives
    )
    return Upgrade(converted, report)
