"""The engagement as the project file holds it: engagement facts, assessment and roadmap.

Plain mutable dataclasses with no behaviour beyond small conveniences. Every record keeps the
keys it did not recognise in ``extra`` so that a file written by a newer release survives a
load/save round trip through this one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from planner.model.capmodel import CapabilityModel
from planner.model.limits import DEFAULT_CAPACITY, DEFAULT_IMPORTANCE, DEFAULT_WEIGHT

__all__ = [
    "INITIATIVE_ORIGINS",
    "INITIATIVE_STATUSES",
    "Assessment",
    "CapabilityAssessment",
    "Engagement",
    "Initiative",
    "Phase",
    "Project",
    "Roadmap",
    "default_phases",
    "new_project",
]

#: Where an initiative came from: drafted from the library, or added by the consultant.
INITIATIVE_ORIGINS: tuple[str, ...] = ("generated", "custom")
#: The life cycle of an initiative as the client tracks it.
INITIATIVE_STATUSES: tuple[str, ...] = ("planned", "in-progress", "done", "on-hold", "dropped")


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
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class CapabilityAssessment:
    """The consultant's findings for one capability.

    ``lenses`` maps each lens id to a score 0..4, or ``None`` when the lens is not scored yet.
    ``target`` is a level id (or ``None`` for no target). ``notes`` are client-facing;
    ``internal_notes`` never leave the app unless the consultant asks for them in an export.
    """

    applicable: bool = True
    lenses: dict[str, int | None] = field(default_factory=dict)
    target: str | None = None
    importance: int = DEFAULT_IMPORTANCE
    notes: str = ""
    internal_notes: str = ""
    evidence: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def score_of(self, lens_id: str) -> int | None:
        """Return the score of a lens, ``None`` when unscored."""
        return self.lenses.get(lens_id)


@dataclass(slots=True)
class Assessment:
    """Lens weights and per-capability findings (a capability absent here is unscored)."""

    lens_weights: dict[str, float] = field(default_factory=dict)
    capabilities: dict[str, CapabilityAssessment] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def weight(self, lens_id: str) -> float:
        """Return a lens's weight (1 unless set)."""
        return self.lens_weights.get(lens_id, 1.0)

    def of(self, capability_id: str) -> CapabilityAssessment:
        """Return the findings for a capability, creating an empty record on first use."""
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
class Roadmap:
    """The phased plan: how many initiatives may run at once, the phases and the initiatives."""

    capacity: int = DEFAULT_CAPACITY
    phases: list[Phase] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
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


def default_phases(model: CapabilityModel) -> list[Phase]:
    """Return one phase per level above the lowest, in level order, all starting at month 0."""
    return [Phase(level.id, level.name, 0) for level in model.levels[1:]]


def new_project(model: CapabilityModel, *, client: str = "", today: dt.date | None = None) -> Project:
    """Return an unscored project on ``model``: dated today, equal lens weights, one phase per level."""
    when = today or dt.date.today()
    return Project(
        model=model,
        engagement=Engagement(client=client, assessment_date=when.isoformat()),
        assessment=Assessment(lens_weights=dict.fromkeys(model.lens_ids, DEFAULT_WEIGHT)),
        roadmap=Roadmap(phases=default_phases(model)),
    )
