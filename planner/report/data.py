"""The report: everything a client deliverable says, computed once from a project.

Every exporter, the dashboard and the command line read a :class:`ReportData`, never the project
or a widget, so the workbook, the PDF and the screen cannot disagree. It holds the engagement, every score, level,
target, gap and explanation (from :func:`planner.model.scoring.score_project`), and the roadmap
(:mod:`planner.report.roadmap`): its initiatives in calendar order grouped by horizon, its phases
(maturity) with their spans, the projected levels after each phase and by each horizon's end, the
roadmap's warnings and whether it is out of date (from :mod:`planner.model.roadmap`).

Decisions where the design is silent:

- Months read as calendar months from the engagement's ``start_date`` ("Mar 2027"), and as
  "Month 4" only when the project has no start month (:meth:`ReportData.month_label`). The
  0-based fields stay available; :attr:`InitiativeRow.first_month` and
  :attr:`InitiativeRow.last_month` count from 1.
- Internal notes and evidence stay out unless ``include_internal`` is set: evidence often names
  people and documents of the client that were shown in confidence.
- The roadmap's warnings are part of every deliverable, in its roadmap section: a plan that runs
  four years, or a pin that breaks a dependency, is something the client signs too, so it is said
  where the plan is, not only on the consultant's screen. They are written in plain language.
- A roadmap that predates the latest scores (:func:`planner.model.roadmap.stale_reasons`) says
  so in every deliverable (:attr:`ReportData.stale_note` and the reasons), rather than passing an
  old plan off as the answer to the new scores.
- "Biggest gaps" are the applicable capabilities below target, ranked by importance x gap, then
  gap, then model order; at most :data:`TOP_GAPS` of them.
- The KPIs to track are those of the applicable capabilities below target or with initiatives
  in the roadmap, with the target at the capability's target level (:mod:`planner.report.kpis`).
- The executive summary's first months are the first horizon (Now): "The first 90 days" when it
  is three months long (the default), "The first N months" otherwise.

The roadmap rows live in :mod:`planner.report.roadmap` and are re-exported here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from planner.model.branding import FirmProfile
from planner.model.calendar import month_label, month_span_label, parse_start
from planner.model.capmodel import Attribution, CapabilityModel
from planner.model.coverage import Coverage, State, coverage_of, state_of
from planner.model.project import Project
from planner.model.reportsettings import REPORT_SECTIONS
from planner.model.scoring import CapabilityScore, Scorecard, score_project
from planner.report.kpis import KpiRow, kpi_rows
from planner.report.progress import ProgressReport, build_progress
from planner.report.roadmap import HorizonRow, InitiativeRow, PhaseRow, Projection, roadmap_part
from planner.report.views import ViewRow, views_part

__all__ = [
    "STALE_NOTE",
    "TOP_GAPS",
    "CapabilityRow",
    "DomainRow",
    "HorizonRow",
    "InitiativeRow",
    "KpiRow",
    "LensInfo",
    "LevelInfo",
    "PhaseRow",
    "Projection",
    "ReportData",
    "build_report",
]

#: How many capabilities the executive summary lists as the biggest gaps.
TOP_GAPS = 5
#: What every deliverable says of a roadmap drafted before the assessment last changed.
STALE_NOTE = (
    "This roadmap predates the latest scores: the assessment changed after the roadmap was drafted, "
    "and the plan has not been brought up to date since."
)


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

    @property
    def state(self) -> State:
        """Fully, partly or not scored, or not applicable (:func:`planner.model.coverage.state_of`)."""
        return state_of(self)


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

    @property
    def coverage(self) -> Coverage:
        """How many of the domain's applicable capabilities are fully, partly and not scored."""
        return coverage_of(self.capabilities)


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
    #: The plan's first month (``YYYY-MM``); ``None``: months are not dated.
    start_date: str | None = None
    org_size: str | None = None
    scope: str = "lean"
    owner_capacity: int = 2
    horizons: tuple[HorizonRow, ...] = ()
    #: Deferred and dropped initiatives: out of the schedule, in no horizon.
    unscheduled: tuple[InitiativeRow, ...] = ()
    horizon_projections: tuple[Projection, ...] = ()
    #: What changed since the roadmap was generated (empty: it is up to date).
    stale_reasons: tuple[str, ...] = ()
    #: Progress since the latest earlier round (``None``: the project has no history).
    progress: ProgressReport | None = None
    #: Where participants' views diverged (:mod:`planner.report.views`; empty: no section).
    views: tuple[ViewRow, ...] = ()
    #: Whether :attr:`views` names the participants (the consultant's choice; the client version does not).
    views_named: bool = False
    #: The KPIs to track, capability by capability in model order (:mod:`planner.report.kpis`).
    kpis: tuple[KpiRow, ...] = ()
    #: The firm's look (the project's own profile, else the preferences'; ``None``: the product's look).
    brand: FirmProfile | None = None
    #: The sections the report has (:data:`~planner.model.reportsettings.REPORT_SECTIONS` ids).
    sections: tuple[str, ...] = REPORT_SECTIONS
    #: The cover title chosen for this report (empty: the engagement title).
    cover_title: str = ""
    #: The confidentiality line of the cover and footers (empty: "Confidential: prepared for <client>").
    confidentiality: str = ""

    def has(self, section: str) -> bool:
        """Whether the report includes ``section`` (one of :data:`~planner.model.reportsettings.REPORT_SECTIONS`)."""
        return section in self.sections

    @property
    def capabilities(self) -> tuple[CapabilityRow, ...]:
        """Every capability, domain by domain, in model order."""
        return tuple(c for d in self.domains for c in d.capabilities)

    @property
    def coverage(self) -> Coverage:
        """How many applicable capabilities are fully, partly and not scored (the one count of every view)."""
        return coverage_of(self.capabilities)

    @property
    def draft(self) -> bool:
        """Whether the assessment is not fully scored, so every page and sheet is marked DRAFT."""
        return self.coverage.draft

    @property
    def initiatives(self) -> tuple[InitiativeRow, ...]:
        """Every initiative in plan order: horizon by horizon, then the unscheduled ones."""
        return self.scheduled + self.unscheduled

    @property
    def scheduled(self) -> tuple[InitiativeRow, ...]:
        """The initiatives in the schedule, horizon by horizon, each by start month and priority."""
        return tuple(i for h in self.horizons for i in h.initiatives)

    @property
    def months(self) -> int:
        """The scheduled plan's length in months from its first month (0 without initiatives)."""
        return max((i.end_month for i in self.scheduled), default=0)

    @property
    def dated(self) -> bool:
        """Whether the plan has a start month, so months read as calendar months."""
        return parse_start(self.start_date) is not None

    @property
    def stale(self) -> bool:
        """Whether the roadmap predates the latest scores."""
        return bool(self.stale_reasons)

    @property
    def stale_note(self) -> str:
        """:data:`STALE_NOTE` for a stale roadmap, else empty."""
        return STALE_NOTE if self.stale else ""

    @property
    def plan_span_label(self) -> str:
        """The whole plan: "Jan 2027-Jun 2028" ("Months 1-18" undated; empty without initiatives)."""
        return month_span_label(self.start_date, 0, self.months) if self.months else ""

    @property
    def opening(self) -> HorizonRow | None:
        """The first horizon (Now): the work the client commits people to first."""
        return self.horizons[0] if self.horizons else None

    @property
    def opening_title(self) -> str:
        """Return "The first 90 days" (a three-month first horizon) or "The first N months"."""
        first = self.opening
        if first is None or first.open_ended:
            return "The plan"
        months = first.end_month - first.start_month
        if months == 3:
            return "The first 90 days"
        return "The first month" if months == 1 else f"The first {months} months"

    def month_label(self, month: int) -> str:
        """Return plan month ``month`` (0-based) as a reader reads it: "Mar 2027", or "Month 4" undated."""
        return month_label(self.start_date, month)

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
    participant_names: bool = False,
    profile: FirmProfile | None = None,
) -> ReportData:
    """Compute the report of a project.

    Args:
        project: the engagement.
        include_internal: include internal notes, evidence and the roadmap's warnings.
        today: the date printed as the generation date (today unless given; tests fix it).
        scorecard: the project's scores when the caller already has them (the desktop app keeps
            them up to date); computed here when not given.
        participant_names: name the participants where their views diverged (default: counts only).
        profile: the firm profile of the preferences; the project's own (``report.firm``) wins.
            An empty profile counts as none, so the report looks as without branding.
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
    road = roadmap_part(model, project)
    planned = {i.capability for h in road.horizons for i in h.initiatives}
    tracked = [(c.id, c.level, c.target, c.applicable and ((c.gap or 0) > 0 or c.id in planned)) for c in capabilities]
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
        phases=road.phases,
        projections=road.projections,
        warnings=road.warnings,
        include_internal=include_internal,
        scored_count=card.scored_count,
        applicable_count=card.applicable_count,
        capability_count=len(model.capabilities),
        start_date=eng.start_date if parse_start(eng.start_date) is not None else None,
        org_size=eng.org_size,
        scope=project.roadmap.scope,
        owner_capacity=project.roadmap.owner_capacity,
        horizons=road.horizons,
        unscheduled=road.unscheduled,
        horizon_projections=road.horizon_projections,
        stale_reasons=road.stale_reasons,
        progress=build_progress(project, today=today),
        views=views_part(project, names=participant_names),
        views_named=participant_names,
        kpis=kpi_rows(model, tracked),
        brand=_brand(project.report.firm or profile),
        sections=project.report.sections,
        cover_title=project.report.cover_title,
        confidentiality=project.report.confidentiality,
    )


def _brand(profile: FirmProfile | None) -> FirmProfile | None:
    return None if profile is None or profile.empty else profile


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
