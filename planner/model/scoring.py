"""Scoring, exactly as the design defines it, with an explanation for every number.

For an applicable capability, over its scored lenses (``None`` is unscored and excluded; 0 is a
real score)::

    score% = 100 * sum(w_l * s_l) / sum(w_l * 4)

The current level is the highest level whose ``min_score`` <= score% (no rounding first). A
capability with no scored lens, or whose scored lenses all weigh 0, has no score. (With
fractional weights the division can land one float step above 100; the score is capped at 100.) A domain's score
is the mean of its scored, applicable capabilities; the overall score is the mean of the domain
scores that exist. Gap = index(target) - index(current), 0 when at or above target, ``None`` when
there is no score or no target. Not-applicable capabilities take part in nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from planner.model.capmodel import CapabilityModel
from planner.model.coverage import Coverage, coverage_of
from planner.model.limits import LENS_SCORE_MAX
from planner.model.project import Assessment

__all__ = [
    "CapabilityScore",
    "DomainScore",
    "LensTerm",
    "OverallScore",
    "Scorecard",
    "level_for",
    "rescore",
    "score_capability",
    "score_project",
]


def level_for(model: CapabilityModel, score: float | None) -> str | None:
    """Return the id of the highest level whose band starts at or below ``score``."""
    if score is None:
        return None
    found = model.levels[0].id
    for level in model.levels:
        if level.min_score <= score:
            found = level.id
    return found


@dataclass(frozen=True, slots=True)
class LensTerm:
    """One lens's part in a capability score."""

    lens: str
    score: int | None
    weight: float

    @property
    def points(self) -> float:
        """Weighted points earned (0 for an unscored lens)."""
        return 0.0 if self.score is None else self.weight * self.score

    @property
    def max_points(self) -> float:
        """Weighted points available (0 for an unscored lens, which is excluded)."""
        return 0.0 if self.score is None else self.weight * LENS_SCORE_MAX


@dataclass(frozen=True, slots=True)
class CapabilityScore:
    """A capability's score and how it was reached."""

    capability: str
    applicable: bool
    terms: tuple[LensTerm, ...]
    score: float | None
    level: str | None
    target: str | None
    gap: int | None
    complete: bool

    @property
    def points(self) -> float:
        """Sum of weighted points over scored lenses."""
        return sum(t.points for t in self.terms)

    @property
    def max_points(self) -> float:
        """Sum of weighted maximum points over scored lenses."""
        return sum(t.max_points for t in self.terms)

    def explain(self, model: CapabilityModel) -> list[str]:
        """Return the calculation in plain lines: lenses x weights -> percent -> band."""
        name = model.capability(self.capability).name
        if not self.applicable:
            return [f"{name} is marked not applicable: it takes part in no score, gap or roadmap."]
        lines = [f"{name}:"]
        for term in self.terms:
            lens = model.lens(term.lens).name
            if term.score is None:
                lines.append(f"  {lens}: not scored (left out of the calculation)")
            else:
                lines.append(
                    f"  {lens}: {term.score} of {LENS_SCORE_MAX} x weight {term.weight:g} = "
                    f"{term.points:g} of {term.max_points:g}"
                )
        if self.score is None:
            lines.append("  No score yet: no lens with a weight above 0 has been scored.")
            return lines
        mean = self.score * LENS_SCORE_MAX / 100
        lines.append(
            f"  Score = 100 x {self.points:g} / {self.max_points:g} = {self.score:.1f}% "
            f"(a weighted mean lens score of {mean:.2f} of {LENS_SCORE_MAX})"
        )
        position = model.level_index(self.level or model.levels[0].id)
        level = model.levels[position]
        above = model.levels[position + 1] if position + 1 < len(model.levels) else None
        below_next = f" and below the {above.name} band ({above.min_score:g}%)" if above is not None else ""
        lines.append(
            f"  {self.score:.1f}% is at or above the {level.name} band ({level.min_score:g}%){below_next}, "
            f"so the level is {level.name}."
        )
        if not self.complete:
            lines.append("  Incomplete: some lenses are not scored yet.")
        if self.target is not None:
            lines.append(f"  Target {model.level_name(self.target)}; gap {self.gap} level(s).")
        return lines


@dataclass(frozen=True, slots=True)
class DomainScore:
    """A domain's score: the mean of its scored, applicable capabilities."""

    domain: str
    score: float | None
    level: str | None
    members: tuple[tuple[str, float], ...]

    def explain(self, model: CapabilityModel) -> list[str]:
        """Return the calculation in plain lines."""
        name = model.domain(self.domain).name
        if self.score is None:
            return [f"{name}: no scored, applicable capability yet."]
        parts = " + ".join(f"{s:.1f}" for _, s in self.members)
        return [
            f"{name}: mean of {len(self.members)} scored capabilities = ({parts}) / {len(self.members)} "
            f"= {self.score:.1f}% -> {model.level_name(self.level)}"
        ]


@dataclass(frozen=True, slots=True)
class OverallScore:
    """The overall score: the mean of the domain scores that exist."""

    score: float | None
    level: str | None
    members: tuple[tuple[str, float], ...]

    def explain(self, model: CapabilityModel) -> list[str]:
        """Return the calculation in plain lines."""
        if self.score is None:
            return ["Overall: nothing scored yet."]
        parts = " + ".join(f"{s:.1f}" for _, s in self.members)
        return [
            f"Overall: mean of {len(self.members)} domain scores = ({parts}) / {len(self.members)} "
            f"= {self.score:.1f}% -> {model.level_name(self.level)}"
        ]


@dataclass(frozen=True, slots=True)
class Scorecard:
    """Every score of a project, in model order."""

    capabilities: dict[str, CapabilityScore]
    domains: tuple[DomainScore, ...]
    overall: OverallScore

    @property
    def coverage(self) -> Coverage:
        """How many applicable capabilities are fully, partly and not scored (:mod:`planner.model.coverage`)."""
        return coverage_of(self.capabilities.values())

    def coverage_among(self, capability_ids: Iterable[str]) -> Coverage:
        """The coverage of some capabilities (a domain's), counted as :attr:`coverage` counts."""
        return coverage_of(self.capabilities[cid] for cid in capability_ids)

    @property
    def scored_count(self) -> int:
        """How many applicable capabilities have every lens scored (:attr:`coverage` ``.full``)."""
        return self.coverage.full

    @property
    def applicable_count(self) -> int:
        """How many capabilities are applicable."""
        return self.coverage.applicable


def score_capability(model: CapabilityModel, assessment: Assessment, capability_id: str) -> CapabilityScore:
    """Score one capability (see the module docstring for the rule)."""
    found = assessment.capabilities.get(capability_id)
    applicable = True if found is None else found.applicable
    target = None if found is None else found.target
    terms = tuple(
        LensTerm(lens_id, None if found is None else found.lenses.get(lens_id), assessment.weight(lens_id))
        for lens_id in model.lens_ids
    )
    if not applicable:
        return CapabilityScore(capability_id, False, terms, None, None, None, None, False)
    complete = all(t.score is not None for t in terms)
    max_points = sum(t.max_points for t in terms)
    # Clamped to 0..100: with fractional weights the float sums can overshoot by one ulp.
    score = None if max_points <= 0 else min(100.0, 100.0 * sum(t.points for t in terms) / max_points)
    level = level_for(model, score)
    gap: int | None = None
    if level is not None and target is not None:
        gap = max(0, model.level_index(target) - model.level_index(level))
    return CapabilityScore(capability_id, True, terms, score, level, target, gap, complete)


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _score_domain(model: CapabilityModel, domain_id: str, caps: dict[str, CapabilityScore]) -> DomainScore:
    members = tuple(
        (cid, s)
        for cid in model.domain(domain_id).capability_ids
        for s in [caps[cid].score]
        if caps[cid].applicable and s is not None
    )
    mean = _mean([s for _, s in members])
    return DomainScore(domain_id, mean, level_for(model, mean), members)


def _scorecard(model: CapabilityModel, caps: dict[str, CapabilityScore], domains: tuple[DomainScore, ...]) -> Scorecard:
    members = tuple((d.domain, d.score) for d in domains if d.score is not None)
    overall = _mean([s for _, s in members])
    return Scorecard(caps, domains, OverallScore(overall, level_for(model, overall), members))


def score_project(model: CapabilityModel, assessment: Assessment) -> Scorecard:
    """Score every capability, domain and the whole practice."""
    caps = {cap.id: score_capability(model, assessment, cap.id) for cap in model.iter_capabilities()}
    return _scorecard(model, caps, tuple(_score_domain(model, d.id, caps) for d in model.domains))


def rescore(model: CapabilityModel, assessment: Assessment, card: Scorecard, changed: tuple[str, ...]) -> Scorecard:
    """Return ``card`` with only the ``changed`` capabilities, their domains and the overall re-scored.

    The same rules as :func:`score_project`, so an edit costs one capability's score, not the
    whole model's, on large models.
    """
    caps = dict(card.capabilities)
    for cap_id in changed:
        caps[cap_id] = score_capability(model, assessment, cap_id)
    touched = {model.capability(cap_id).domain for cap_id in changed}
    domains = tuple(_score_domain(model, d.domain, caps) if d.domain in touched else d for d in card.domains)
    return _scorecard(model, caps, domains)
