"""The roadmap part of the report: initiatives with references, phases with spans, projections.

Part of the report (:mod:`planner.report.data` re-exports these names). Initiatives are listed phase
by phase, then by start month, then in roadmap order, and get a short reference for the reader:
the phase's initial and a number (C1, C2, ..., W1, ..., R1), so "depends on C3, C7" fits a table
cell. The references exist only in the exports. Months are kept 0-based with an exclusive end, as
in the project file; :attr:`InitiativeRow.first_month` and :attr:`InitiativeRow.last_month` give
the numbers a client reads (counted from 1, inclusive).
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.model.capmodel import CapabilityModel
from planner.model.project import Initiative, Project, Roadmap
from planner.report.formatting import month_span, status_text

__all__ = ["InitiativeRow", "PhaseRow", "Projection", "roadmap_parts"]


@dataclass(frozen=True, slots=True)
class InitiativeRow:
    """One roadmap initiative, with names resolved for the reader."""

    id: str
    ref: str
    phase: str
    phase_name: str
    capability: str
    capability_name: str
    title: str
    description: str
    owner: str
    effort: str
    start_month: int
    end_month: int
    status: str
    depends_on: tuple[str, ...]
    depends_on_titles: tuple[str, ...]
    depends_on_refs: tuple[str, ...]
    origin: str
    locked: bool

    @property
    def status_label(self) -> str:
        """The status as a client reads it: ``"in_progress"`` -> ``"In progress"``."""
        return status_text(self.status)

    @property
    def duration(self) -> int:
        """Length in months."""
        return self.end_month - self.start_month

    @property
    def first_month(self) -> int:
        """The first month of work, counted from 1."""
        return self.start_month + 1

    @property
    def last_month(self) -> int:
        """The last month of work, counted from 1 (inclusive)."""
        return self.end_month


@dataclass(frozen=True, slots=True)
class PhaseRow:
    """A phase, its span (0-based start, exclusive end) and its initiatives in order."""

    id: str
    name: str
    start_month: int
    end_month: int
    initiatives: tuple[InitiativeRow, ...]

    @property
    def span_text(self) -> str:
        """The span for a reader: ``"months 1-4"`` (counted from 1), or ``"no initiatives"``."""
        if not self.initiatives:
            return "no initiatives"
        return month_span(self.start_month, self.end_month)


@dataclass(frozen=True, slots=True)
class Projection:
    """The expected level of every capability at one point: now, or after a phase."""

    key: str
    label: str
    levels: dict[str, str | None]


def _initiative_row(
    model: CapabilityModel, roadmap: Roadmap, item: Initiative, phase_names: dict[str, str], refs: dict[str, str]
) -> InitiativeRow:
    titles = {i.id: i.title for i in roadmap.initiatives}
    cap_name = model.capability(item.capability).name if item.capability in model.capabilities else item.capability
    return InitiativeRow(
        id=item.id,
        ref=refs.get(item.id, item.id),
        phase=item.phase,
        phase_name=phase_names.get(item.phase, item.phase),
        capability=item.capability,
        capability_name=cap_name,
        title=item.title,
        description=item.description,
        owner=item.owner,
        effort=item.effort,
        start_month=item.start_month,
        end_month=item.end_month,
        status=item.status,
        depends_on=tuple(item.depends_on),
        depends_on_titles=tuple(titles.get(d, d) for d in item.depends_on),
        depends_on_refs=tuple(refs.get(d, d) for d in item.depends_on),
        origin=item.origin,
        locked=item.locked,
    )


def _ref_prefixes(names: list[str]) -> list[str]:
    """Return a short, distinct reference prefix per phase: its initial (C, W, R), longer if taken."""
    prefixes: list[str] = []
    for index, name in enumerate(names):
        letters = "".join(ch for ch in name.upper() if ch.isalpha()) or f"P{index + 1}"
        prefix = next((letters[:n] for n in range(1, len(letters) + 1) if letters[:n] not in prefixes), None)
        prefixes.append(prefix if prefix is not None else f"P{index + 1}-")
    return prefixes


def roadmap_parts(
    model: CapabilityModel, project: Project
) -> tuple[tuple[PhaseRow, ...], tuple[Projection, ...], list[str]]:
    """Return the phases with their initiatives, the projections and the roadmap's warnings."""
    from planner.model.roadmap import phase_spans, project_levels, roadmap_warnings

    roadmap = project.roadmap
    spans = phase_spans(roadmap)
    names = {p.id: p.name for p in roadmap.phases}
    position = {item.id: i for i, item in enumerate(roadmap.initiatives)}
    ordered = {
        phase.id: sorted(
            (i for i in roadmap.initiatives if i.phase == phase.id),
            key=lambda i: (i.start_month, position[i.id]),
        )
        for phase in roadmap.phases
    }
    refs: dict[str, str] = {}
    prefixes = _ref_prefixes([p.name or p.id for p in roadmap.phases])
    for phase, prefix in zip(roadmap.phases, prefixes, strict=True):
        refs.update({item.id: f"{prefix}{n}" for n, item in enumerate(ordered[phase.id], start=1)})
    phases = []
    for phase in roadmap.phases:
        start, end = spans.get(phase.id, (phase.start_month, phase.start_month))
        rows = tuple(_initiative_row(model, roadmap, i, names, refs) for i in ordered[phase.id])
        phases.append(PhaseRow(phase.id, phase.name, start, end, rows))
    projections = tuple(
        Projection(key, "Current" if key == "current" else f"After {names.get(key, key)}", dict(levels))
        for key, levels in project_levels(model, project.assessment, roadmap)
    )
    warnings = list(roadmap_warnings(model, project.assessment, roadmap))
    return tuple(phases), projections, warnings
