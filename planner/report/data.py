"""The report: everything a client deliverable says, computed once from a project.

Every exporter, the dashboard and the command line read a :class:`ReportData`, never the project
or a widget, so the workbook, the PDF and the screen cannot disagree. It holds the engagement, every score, level,
target, gap and explanation (from :func:`planner.model.scoring.score_project`), the roadmap with
its phase spans, the projected levels after each phase and the roadmap's warnings (from
:mod:`planner.model.roadmap`).

Decisions where the design is silent:

- Months are shown to the client counted from 1: an initiative with ``start_month`` 0 and
  ``duration_months`` 2 runs in "months 1-2". :attr:`InitiativeRow.first_month` and
  :attr:`InitiativeRow.last_month` give those numbers; the 0-based fields stay available.
- Internal notes and evidence stay out unless ``include_internal`` is set: evidence often names
  people and documents of the client that were shown in confidence.
- The roadmap's warnings are for the consultant (fix them before sending): the exporters show
  them only when ``include_internal`` is set; the command line prints them.
- "Biggest gaps" are the applicable capabilities below target, ranked by importance x gap, then
  gap, then model order; at most :data:`TOP_GAPS` of them.
- Initiatives are listed phase by phase, then by start month, then in roadmap order, and get a
  short reference for the reader: the phase's initial and a number (C1, C2, ..., W1, ..., R1),
  so "depends on C3, C7" fits a table cell. The references exist only in the exports.

The roadmap rows live in :mod:`planner.report.roadmap` and are re-exported here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from planner.model.capmodel import Attribution, CapabilityModel
from planner.model.project import Project
from planner.model.scoring import CapabilityScore, Scorecard, score_project
from planner.report.roadmap import InitiativeRow, PhaseRow, Projection, roadmap_parts

__all__ = [
    "TOP_GAPS",
    "CapabilityRow",
    "DomainRow",
    "InitiativeRow",
    "LensInfo",
    "LevelInfo",
    "PhaseRow",
    "Projection",
    "ReportData",
    "build_report",
]

#: How many capabilities the executive summary lists as the biggest gaps.
TOP_GAPS = 5


@dataclass(frozen=True, slots=True)
class LevelInfo:
    """A maturity level as the method appendix explains it."""

    id: str
    name: str
    min_score: float
    description: str


@dataclass(frozen=True, slots=True)
class LensInfo:
    """An assessment lens: its question, the meaning of each score 0-4 and its weight here."""

    id: str
    name: str
    question: str
    anchors: tuple[str, ...]
    weight: float


@dataclass(frozen=True, slots=True)
class CapabilityRow:
    """One capability's findings (``internal_notes`` and ``evidence`` empty unless included)."""

    id: str
    name: str
    domain_id: str
    domain_name: str
    applicable: bool
    lens_scores: tuple[int | None, ...]
    score: float | None
    level: str | None
    level_name: str
    target: str | None
    target_name: str
    gap: int | None
    importance: int
    complete: bool
    notes: str
    internal_notes: str
    evidence: tuple[str, ...]
    explanation: tuple[str, ...]

    @property
    def priority(self) -> int:
        """Importance x gap (0 without a gap)."""
        return self.importance * (self.gap or 0)


@dataclass(frozen=True, slots=True)
class DomainRow:
    """A domain's score and its capabilities in model order."""

    id: str
    name: str
    summary: str
    score: float | None
    level: str | None
    level_name: str
    capabilities: tuple[CapabilityRow, ...]
    explanation: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything an export shows, in the order a reader meets it."""

    client: str
    title: str
    consultant: str
    firm: str
    assessment_date: str
    scopes: tuple[str, ...]
    summary: str
    generated_on: str
    model_id: str
    model_name: str
    attribution: Attribution
    bands_note: str
    levels: tuple[LevelInfo, ...]
    lenses: tuple[LensInfo, ...]
    overall_score: float | None
    overall_level: str | None
    overall_level_name: str
    overall_explanation: tuple[str, ...]
    domains: tuple[DomainRow, ...]
    biggest_gaps: tuple[CapabilityRow, ...]
    capacity: int
    phases: tuple[PhaseRow, ...]
    projections: tuple[Projection, ...]
    warnings: tuple[str, ...]
    include_internal: bool
    scored_count: int
    applicable_count: int
    capability_count: int = field(default=0)

    @property
    def capabilities(self) -> tuple[CapabilityRow, ...]:
        """Every capability, domain by domain, in model order."""
        return tuple(c for d in self.domains for c in d.capabilities)

    @property
    def initiatives(self) -> tuple[InitiativeRow, ...]:
        """Every initiative, phase by phase."""
        return tuple(i for p in self.phases for i in p.initiatives)

    @property
    def months(self) -> int:
        """The roadmap's length in months (0 without initiatives)."""
        return max((p.end_month for p in self.phases if p.initiatives), default=0)

    def level_name(self, level_id: str | None) -> str:
        """Return a level's display name (empty for ``None`` or an unknown id)."""
        for level in self.levels:
            if level.id == level_id:
                return level.name
        return ""


def build_report(
    project: Project,
    *,
    include_internal: bool = False,
    today: dt.date | None = None,
    scorecard: Scorecard | None = None,
) -> ReportData:
    """Compute the report of a project.

    Args:
        project: the engagement.
        include_internal: include internal notes, evidence and the roadmap's warnings.
        today: the date printed as the generation date (today unless given; tests fix it).
        scorecard: the project's scores when the caller already has them (the desktop app keeps
            them up to date); computed here when not given.
    """
    model = project.model
    eng = project.engagement
    card = scorecard if scorecard is not None else score_project(model, project.assessment)
    domains = _domains(model, project, card, include_internal)
    capabilities = [c for d in domains for c in d.capabilities]
    gaps = sorted(
        (c for c in capabilities if c.applicable and (c.gap or 0) > 0),
        key=lambda c: (-c.priority, -(c.gap or 0), capabilities.index(c)),
    )[:TOP_GAPS]
    phases, projections, warnings = roadmap_parts(model, project)
    return ReportData(
        client=eng.client,
        title=eng.title,
        consultant=eng.consultant,
        firm=eng.firm,
        assessment_date=eng.assessment_date,
        scopes=tuple(eng.scopes),
        summary=eng.summary,
        generated_on=(today or dt.date.today()).isoformat(),
        model_id=model.id,
        model_name=model.name,
        attribution=model.attribution,
        bands_note=model.bands_note,
        levels=tuple(LevelInfo(lv.id, lv.name, lv.min_score, lv.description) for lv in model.levels),
        lenses=tuple(
            LensInfo(ln.id, ln.name, ln.question, ln.anchors, project.assessment.weight(ln.id)) for ln in model.lenses
        ),
        overall_score=card.overall.score,
        overall_level=card.overall.level,
        overall_level_name=model.level_name(card.overall.level),
        overall_explanation=tuple(card.overall.explain(model)),
        domains=tuple(domains),
        biggest_gaps=tuple(gaps),
        capacity=project.roadmap.capacity,
        phases=phases,
        projections=projections,
        warnings=tuple(warnings) if include_internal else (),
        include_internal=include_internal,
        scored_count=card.scored_count,
        applicable_count=card.applicable_count,
        capability_count=len(model.capabilities),
    )


def _capability_row(
    model: CapabilityModel, project: Project, score: CapabilityScore, include_internal: bool
) -> CapabilityRow:
    cap = model.capability(score.capability)
    found = project.assessment.capabilities.get(cap.id)
    return CapabilityRow(
        id=cap.id,
        name=cap.name,
        domain_id=cap.domain,
        domain_name=model.domain(cap.domain).name,
        applicable=score.applicable,
        lens_scores=tuple(t.score for t in score.terms),
        score=score.score,
        level=score.level,
        level_name=model.level_name(score.level),
        target=score.target,
        target_name=model.level_name(score.target),
        gap=score.gap,
        importance=found.importance if found is not None else 3,
        complete=score.complete,
        notes=found.notes if found is not None else "",
        internal_notes=found.internal_notes if found is not None and include_internal else "",
        evidence=tuple(found.evidence) if found is not None and include_internal else (),
        explanation=tuple(score.explain(model)),
    )


def _domains(model: CapabilityModel, project: Project, card: Scorecard, include_internal: bool) -> list[DomainRow]:
    rows = []
    for dscore in card.domains:
        domain = model.domain(dscore.domain)
        caps = tuple(
            _capability_row(model, project, card.capabilities[cid], include_internal) for cid in domain.capability_ids
        )
        rows.append(
            DomainRow(
                id=domain.id,
                name=domain.name,
                summary=domain.summary,
                score=dscore.score,
                level=dscore.level,
                level_name=model.level_name(dscore.level),
                capabilities=caps,
                explanation=tuple(dscore.explain(model)),
            )
        )
    return rows
