"""The engagement as the project file holds it: engagement facts, assessment and roadmap.

Plain mutable dataclasses with no behaviour beyond small conveniences. Every record keeps the
keys it did not recognise in ``extra`` so that a file written by a newer release survives a
load/save round trip through this one.

Months count from 0 (month 0 is the engagement's ``start_date``, the first month of the plan, which
a person reads as month 1). A horizon's ``end_month`` is the first month after it, like an
initiative's ``end_month``: the default Now ends at 3 (months 1-3 as read), Next at 12 (4-12), and
Later has no end.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from planner.model.capmodel import ORG_SIZES, CapabilityModel
from planner.model.limits import DEFAULT_CAPACITY, DEFAULT_IMPORTANCE, DEFAULT_OWNER_CAPACITY, DEFAULT_WEIGHT
from planner.model.reportsettings import ReportSettings

__all__ = [
    "INITIATIVE_ORIGINS",
    "INITIATIVE_STATUSES",
    "ORG_SIZES",
    "ROADMAP_SCOPES",
    "Assessment",
    "CapabilityAssessment",
    "CapabilityBasis",
    "Engagement",
    "Horizon",
    "Initiative",
    "Participant",
    "Phase",
    "Project",
    "Roadmap",
    "RoadmapBasis",
    "Round",
    "RoundCapability",
    "default_horizons",
    "default_phases",
    "new_project",
]

#: Where an initiative came from: drafted from the library, or added by the consultant.
INITIATIVE_ORIGINS: tuple[str, ...] = ("generated", "custom")
#: The life cycle of an initiative as the client tracks it.
INITIATIVE_STATUSES: tuple[str, ...] = ("planned", "in_progress", "done", "deferred", "dropped")
# ORG_SIZES (the size of the client's organisation, which tailors the roadmap; ``None`` in a
# project: not said) lives with the model, whose library items are limited to sizes.
#: ``lean``: the core initiatives of each level only; ``full``: the optional ones too.
ROADMAP_SCOPES: tuple[str, ...] = ("lean", "full")


@dataclass(slots=True)
class Participant:
    """Someone of the client who gives their view; ``role`` is a persona name of the model."""

    id: str
    name: str
    role: str = ""
    team: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Engagement:
    """Who the assessment is for and by whom; ``summary`` is the executive summary text."""

    client: str = ""
    title: str = ""
    consultant: str = ""
    firm: str = ""
    assessment_date: str = ""  # ISO date (YYYY-MM-DD) or empty
    scopes: list[str] = field(default_factory=list)
    summary: str = ""
    start_date: str | None = None  # YYYY-MM: the plan's first month (None: months are not dated)
    org_size: str | None = None  # one of ORG_SIZES, or None when not said
    participants: list[Participant] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class CapabilityAssessment:
    """The consultant's findings for one capability.

    ``lenses`` maps each lens id to a score 0..4, or ``None`` when the lens is not scored yet: the
    consensus every score uses. ``votes`` holds each participant's own lens scores (participant id
    -> lens id -> score or ``None``). ``target`` is a level id (or ``None`` for no target).
    ``notes`` are client-facing; ``internal_notes`` never leave the app unless the consultant asks
    for them in an export; ``na_reason`` says why a capability does not apply.
    """

    applicable: bool = True
    lenses: dict[str, int | None] = field(default_factory=dict)
    target: str | None = None
    importance: int = DEFAULT_IMPORTANCE
    notes: str = ""
    internal_notes: str = ""
    evidence: list[str] = field(default_factory=list)
    na_reason: str = ""
    votes: dict[str, dict[str, int | None]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def score_of(self, lens_id: str) -> int | None:
        """Return the score of a lens, ``None`` when unscored."""
        return self.lenses.get(lens_id)


@dataclass(slots=True)
class RoundCapability:
    """One capability as an earlier assessment round left it."""

    applicable: bool = True
    lenses: dict[str, int | None] = field(default_factory=dict)
    target: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Round:
    """An earlier assessment round, kept read-only: the baseline a re-assessment is compared with."""

    id: str
    label: str
    date: str  # YYYY-MM-DD
    model_id: str
    model_revision: int | None = None
    lens_weights: dict[str, float] = field(default_factory=dict)
    capabilities: dict[str, RoundCapability] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Assessment:
    """Lens weights and per-capability findings (a capability absent here is unscored)."""

    lens_weights: dict[str, float] = field(default_factory=dict)
    capabilities: dict[str, CapabilityAssessment] = field(default_factory=dict)
    history: list[Round] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def weight(self, lens_id: str) -> float:
        """Return a lens's weight (1 unless set)."""
        return self.lens_weights.get(lens_id, 1.0)

    def of(self, capability_id: str) -> CapabilityAssessment:
        """Return the findings for a capability, creating an empty record on first use.

        For building projects in code (importers, tests); edits never call it, so that scoring and
        undoing leaves no empty record behind (:mod:`planner.model.edits`).
        """
        found = self.capabilities.get(capability_id)
        if found is None:
            found = self.capabilities[capability_id] = CapabilityAssessment()
        return found


@dataclass(slots=True)
class Phase:
    """A roadmap phase (``crawl``, ``walk``, ``run``) and the month it starts (0 = first month)."""

    id: str
    name: str
    start_month: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Initiative:
    """One roadmap item.

    ``template`` is the library key it was drafted from (empty for custom ones); ``edited`` is
    set once the consultant changes a generated item, so regeneration keeps it.
    """

    id: str
    capability: str
    title: str
    phase: str
    description: str = ""
    owner: str = ""
    effort: str = "M"
    start_month: int = 0
    duration_months: int = 1
    status: str = "planned"
    done_date: str | None = None  # YYYY-MM-DD once done
    pinned_start: int | None = None  # a start month the consultant fixed (a renewal, a budget cycle)
    depends_on: list[str] = field(default_factory=list)
    origin: str = "generated"
    locked: bool = False
    template: str = ""
    edited: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def end_month(self) -> int:
        """The month after the last month of work (``start_month + duration_months``)."""
        return self.start_month + self.duration_months


@dataclass(slots=True)
class Horizon:
    """A stretch of time the plan is read in (Now, Next, Later); ``end_month`` None: open-ended."""

    id: str
    name: str
    end_month: int | None
    extra: dict[str, Any] = field(default_factory=dict)


def default_horizons() -> list[Horizon]:
    """Now (months 1-3 as read), Next (4-12) and Later (13 on)."""
    return [Horizon("now", "Now", 3), Horizon("next", "Next", 12), Horizon("later", "Later", None)]


@dataclass(frozen=True, slots=True)
class CapabilityBasis:
    """What the roadmap assumed of one capability when it was generated."""

    level: str | None
    target: str | None
    importance: int
    applicable: bool


@dataclass(frozen=True, slots=True)
class RoadmapBasis:
    """What a roadmap was generated from; a re-score that changes any of it makes the roadmap stale."""

    org_size: str | None
    scope: str
    capabilities: dict[str, CapabilityBasis] = field(default_factory=dict)


@dataclass(slots=True)
class Roadmap:
    """The phased plan: capacity, phases, horizons, the initiatives and what it was generated from.

    ``dismissed`` holds the library keys of generated initiatives the consultant deleted, so that
    regeneration does not bring them back. ``generated_from`` is ``None`` for a roadmap never
    generated by this release (a new project, or one written by release 1).
    """

    capacity: int = DEFAULT_CAPACITY
    phases: list[Phase] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    owner_capacity: int = DEFAULT_OWNER_CAPACITY
    scope: str = "lean"
    horizons: list[Horizon] = field(default_factory=default_horizons)
    dismissed: list[str] = field(default_factory=list)
    generated_from: RoadmapBasis | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def initiative(self, initiative_id: str) -> Initiative:
        """Return the initiative with that id (KeyError if absent)."""
        for item in self.initiatives:
            if item.id == initiative_id:
                return item
        raise KeyError(initiative_id)


@dataclass(slots=True)
class Project:
    """A whole engagement: the model it is scored against, and what the consultant entered."""

    model: CapabilityModel
    engagement: Engagement = field(default_factory=Engagement)
    assessment: Assessment = field(default_factory=Assessment)
    roadmap: Roadmap = field(default_factory=Roadmap)
    saved_by: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    #: Report options and the project's own firm profile (the optional ``report`` key).
    report: ReportSettings = field(default_factory=ReportSettings)


def default_phases(model: CapabilityModel) -> list[Phase]:
    """Return one phase per level above the lowest, in level order, all starting at month 0."""
    return [Phase(level.id, level.name, 0) for level in model.levels[1:]]


def new_project(model: CapabilityModel, *, client: str = "", today: dt.date | None = None) -> Project:
    """Return an unscored project on ``model``: dated today, equal lens weights, one phase per level.

    The plan starts the month after the assessment, when the work agreed in the workshop begins.
    """
    when = today or dt.date.today()
    start = (when.replace(day=1) + dt.timedelta(days=32)).strftime("%Y-%m")
    return Project(
        model=model,
        engagement=Engagement(client=client, assessment_date=when.isoformat(), start_date=start),
        assessment=Assessment(lens_weights=dict.fromkeys(model.lens_ids, DEFAULT_WEIGHT)),
        roadmap=Roadmap(phases=default_phases(model)),
    )
