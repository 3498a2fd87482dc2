"""Compare two assessments of one client: what moved, what was done, and whether the work showed.

Either side is a :class:`Snapshot`: a round of ``assessment.history`` or an assessment as it is
now (a project's current scores). Both are scored under one model, the later side's (the
project's): a round scored against an older revision of it keeps its capability ids and is scored
under the current bands, and a round of a predecessor model (FinOps 2025 before 2026) is carried
through the upgrade mapping the newer model describes (:mod:`planner.model.convert`: renamed and
merged capabilities move to their new id; a removed one, or one the model does not know, is
listed in :attr:`Comparison.unmapped`). Scoring both sides with one rule means a level that moved
is a practice that moved, never a change of bands.

Decisions where the design is silent:

* A capability *moved up* when its score rose by at least 0.05 points (what one decimal shows),
  *down* when it fell as much, and is *unchanged* otherwise; ``not_scored`` when either side has
  no score (or the capability is not applicable on either side).
* Initiatives done between the two dates: status ``done`` with a ``done_date`` after the earlier
  side's date and, when the later side is an earlier round, on or before its date. Compared with
  the assessment as it is now, every later done item counts, and a done item without a date too
  (it is done; when is unknown).
* *Moved without planned work*: a capability that moved up with no item done in the period and
  none in progress. *Planned work that did not move its capability*: a capability with items done
  in the period whose score did not rise.
* Merged capabilities: where a new capability takes in several old ones, the one that kept its id
  (or was renamed to it) counts; a merged one only when that one has no score.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from planner.model.capmodel import CapabilityModel
from planner.model.project import Assessment, CapabilityAssessment, Initiative, Project, Round, RoundCapability
from planner.model.scoring import Scorecard, score_project

__all__ = [
    "CapabilityDelta",
    "CompareRefused",
    "Comparison",
    "DoneItem",
    "ScoreDelta",
    "Snapshot",
    "compare",
    "compare_in_project",
    "current_snapshot",
    "map_capabilities",
    "round_snapshot",
]

#: Score changes smaller than this (percentage points) are "unchanged": they do not show at one decimal.
MOVE_THRESHOLD = 0.05


class CompareRefused(ValueError):
    """The two sides cannot be compared; the message is a sentence for the user."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One side of a comparison: what was scored, when, against which model."""

    label: str
    date: str  # YYYY-MM-DD (may be empty for an undated current assessment)
    model_id: str
    model_revision: int | None
    lens_weights: dict[str, float]
    capabilities: dict[str, RoundCapability]
    round_id: str | None = None  # None: the assessment as it is now


def round_snapshot(past: Round) -> Snapshot:
    """A round as one side of a comparison."""
    return Snapshot(
        past.label, past.date, past.model_id, past.model_revision, past.lens_weights, past.capabilities, past.id
    )


def current_snapshot(project: Project, label: str = "Now") -> Snapshot:
    """The project's assessment as it is now, dated by the engagement's assessment date."""
    caps = {
        cap_id: RoundCapability(found.applicable, found.lenses, found.target)
        for cap_id, found in project.assessment.capabilities.items()
    }
    return Snapshot(
        label,
        project.engagement.assessment_date,
        project.model.id,
        project.model.revision,
        project.assessment.lens_weights,
        caps,
    )


@dataclass(frozen=True, slots=True)
class ScoreDelta:
    """A score on both sides (percent, ``None``: no score), its levels and how it moved."""

    before: float | None
    after: float | None
    level_before: str | None
    level_after: str | None

    @property
    def delta(self) -> float | None:
        """After minus before, in percentage points (``None`` when either side has no score)."""
        return None if self.before is None or self.after is None else self.after - self.before

    @property
    def movement(self) -> str:
        """``up``, ``down``, ``unchanged`` or ``not_scored``."""
        delta = self.delta
        if delta is None:
            return "not_scored"
        if delta >= MOVE_THRESHOLD:
            return "up"
        return "down" if delta <= -MOVE_THRESHOLD else "unchanged"


@dataclass(frozen=True, slots=True)
class CapabilityDelta:
    """One capability compared, with the work done on it in the period."""

    capability: str
    domain: str
    score: ScoreDelta
    target: str | None
    done: tuple[str, ...] = ()  # ids of initiatives done in the period
    in_progress: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DoneItem:
    """An initiative done in the period, and whether its capability's score rose."""

    id: str
    title: str
    capability: str
    phase: str
    done_date: str | None
    capability_moved: bool


@dataclass(slots=True)
class Comparison:
    """Two assessments compared under one model."""

    model: CapabilityModel
    before: Snapshot
    after: Snapshot
    overall: ScoreDelta
    domains: dict[str, ScoreDelta]
    capabilities: list[CapabilityDelta]
    done: list[DoneItem] = field(default_factory=list)
    moved_without_work: list[str] = field(default_factory=list)
    work_without_move: list[str] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether any score moved or any work was done in the period."""
        moved = any(c.score.movement in ("up", "down") for c in self.capabilities)
        return moved or self.overall.movement in ("up", "down") or bool(self.done)

    def count(self, movement: str) -> int:
        """How many capabilities moved that way."""
        return sum(1 for c in self.capabilities if c.score.movement == movement)


def map_capabilities(model: CapabilityModel, snapshot: Snapshot) -> dict[str, str | None]:
    """Map the snapshot's capability ids to ids of ``model`` (``None``: no home there)."""
    if snapshot.model_id == model.id:
        return {c: (c if c in model.capabilities else None) for c in snapshot.capabilities}
    preds = model.document.get("predecessors", {})
    entry = preds.get(snapshot.model_id) if isinstance(preds, dict) else None
    if not isinstance(entry, dict):
        raise CompareRefused(
            f"'{snapshot.label}' was scored against the model {snapshot.model_id!r}, and {model.name} does not "
            "say how to carry its capabilities over: upgrade the earlier project to this model first"
        )
    renamed, merged = dict(entry.get("renamed", {})), dict(entry.get("merged", {}))
    removed = set(entry.get("removed", []))
    out: dict[str, str | None] = {}
    for cap in snapshot.capabilities:
        new = merged.get(cap) or renamed.get(cap, cap)
        out[cap] = None if cap in removed or new not in model.capabilities else new
    return out


def _assessment(model: CapabilityModel, snapshot: Snapshot, unmapped: list[str]) -> Assessment:
    mapping = map_capabilities(model, snapshot)
    primary: dict[str, RoundCapability] = {}
    secondary: dict[str, RoundCapability] = {}
    for old, new in mapping.items():
        found = snapshot.capabilities[old]
        if new is None:
            if any(v is not None for v in found.lenses.values()):
                unmapped.append(f"{snapshot.label}: {old} has no place in {model.name}; its scores are left out")
            continue
        is_primary = old == new or snapshot.model_id == model.id or old not in _merged(model, snapshot)
        (primary if is_primary else secondary).setdefault(new, found)
    for new, found in secondary.items():
        if new not in primary or not any(v is not None for v in primary[new].lenses.values()):
            primary[new] = found
    lens_ids = set(model.lens_ids)
    return Assessment(
        lens_weights={k: v for k, v in snapshot.lens_weights.items() if k in lens_ids},
        capabilities={
            cap: CapabilityAssessment(
                applicable=found.applicable,
                lenses={k: v for k, v in found.lenses.items() if k in lens_ids},
                target=found.target if found.target in model.level_ids else None,
            )
            for cap, found in primary.items()
        },
    )


def _merged(model: CapabilityModel, snapshot: Snapshot) -> set[str]:
    preds = model.document.get("predecessors", {})
    entry = preds.get(snapshot.model_id, {}) if isinstance(preds, dict) else {}
    return set(entry.get("merged", {})) if isinstance(entry, dict) else set()


def _delta(model: CapabilityModel, before: Scorecard, after: Scorecard, cap_id: str) -> ScoreDelta:
    b, a = before.capabilities[cap_id], after.capabilities[cap_id]
    b_score = b.score if b.applicable else None
    a_score = a.score if a.applicable else None
    return ScoreDelta(b_score, a_score, b.level if b.applicable else None, a.level if a.applicable else None)


def _in_period(item: Initiative, before: Snapshot, after: Snapshot) -> bool:
    if item.status != "done":
        return False
    if item.done_date is None:
        return after.round_id is None
    if before.date and item.done_date <= before.date:
        return False
    return after.round_id is None or not after.date or item.done_date <= after.date


def compare(
    model: CapabilityModel, before: Snapshot, after: Snapshot, initiatives: Iterable[Initiative] = ()
) -> Comparison:
    """Compare ``before`` with ``after`` under ``model``, with the plan's ``initiatives``.

    Raises:
        CompareRefused: a side was scored against a model ``model`` cannot map from.
    """
    unmapped: list[str] = []
    card_before = score_project(model, _assessment(model, before, unmapped))
    card_after = score_project(model, _assessment(model, after, unmapped))
    items = list(initiatives)
    done_by_cap: dict[str, list[Initiative]] = {}
    running: dict[str, list[str]] = {}
    for item in items:
        if _in_period(item, before, after):
            done_by_cap.setdefault(item.capability, []).append(item)
        elif item.status == "in_progress":
            running.setdefault(item.capability, []).append(item.id)
    caps: list[CapabilityDelta] = []
    for cap in model.iter_capabilities():
        score = _delta(model, card_before, card_after, cap.id)
        target = card_after.capabilities[cap.id].target
        done = tuple(i.id for i in done_by_cap.get(cap.id, []))
        caps.append(CapabilityDelta(cap.id, cap.domain, score, target, done, tuple(running.get(cap.id, []))))
    moved = {c.capability for c in caps if c.score.movement == "up"}
    done_items = sorted(
        (
            DoneItem(i.id, i.title, i.capability, i.phase, i.done_date, i.capability in moved)
            for cap_items in done_by_cap.values()
            for i in cap_items
        ),
        key=lambda d: (d.done_date or "9999", d.title),
    )
    domains = {
        d.domain: ScoreDelta(b.score, d.score, b.level, d.level)
        for d, b in zip(card_after.domains, card_before.domains, strict=True)
    }
    overall = ScoreDelta(
        card_before.overall.score, card_after.overall.score, card_before.overall.level, card_after.overall.level
    )
    return Comparison(
        model,
        before,
        after,
        overall,
        domains,
        caps,
        done_items,
        moved_without_work=[c.capability for c in caps if c.capability in moved and not c.done and not c.in_progress],
        work_without_move=[c.capability for c in caps if c.done and c.capability not in moved],
        unmapped=unmapped,
    )


def compare_in_project(project: Project, old: str | None = None, new: str | None = None) -> Comparison:
    """Compare two rounds of a project: ``old`` (default: the latest round) with ``new`` (default: now).

    Raises:
        CompareRefused: the project has no earlier round, a round id is unknown, or a round's
            model cannot be mapped.
    """
    history = project.assessment.history
    if not history:
        raise CompareRefused("the project has no earlier round to compare with: start a re-assessment first")
    rounds = {r.id: r for r in history}
    for wanted in (old, new):
        if wanted is not None and wanted not in rounds:
            raise CompareRefused(f"there is no round {wanted!r} (rounds: {', '.join(rounds)})")
    before = round_snapshot(rounds[old] if old is not None else history[-1])
    after = round_snapshot(rounds[new]) if new is not None else current_snapshot(project)
    return compare(project.model, before, after, project.roadmap.initiatives)
