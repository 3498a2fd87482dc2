"""The roadmap part of the report: initiatives in calendar order, horizons, phases, projections.

Part of the report (:mod:`planner.report.data` re-exports these names). Two readings of one plan:

* **Horizons** are time (Now, Next, Later by default): every scheduled initiative sits in the
  horizon its start month falls in (:func:`planner.model.roadmap.horizon_of`), listed by start
  month, then in roadmap order (the roadmap's priority). This is how the exports present the plan.
* **Phases** are maturity (Crawl, Walk, Run): what level an initiative helps its capability reach.
  Phases overlap in the calendar; each initiative shows its phase as its maturity.

Decisions where the design is silent:

* Deferred and dropped initiatives are out of the schedule: they belong to no horizon and are
  listed apart (:attr:`RoadmapPart.unscheduled`), with the months they keep for the record.
* References are numbers in plan order (horizon by horizon, then by start month and priority;
  the unscheduled ones last), so "depends on 3, 7" points backwards in time and the Gantt chart,
  the tables and the workbook read top to bottom in the same order. They exist only in the exports.
  An initiative's dependencies are listed in that order too.
* Months are kept 0-based with an exclusive end, as in the project file. Every label a reader
  sees is a calendar month when the engagement has a ``start_date`` ("Mar 2027") and "Month 4"
  only when it has none (:mod:`planner.model.calendar`); :attr:`InitiativeRow.start_date` and
  :attr:`InitiativeRow.end_date` are the first days of the first and last month of work, for
  date cells.
* Projections by horizon are shown for horizons that hold work; an empty one would only repeat
  the one before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.model.calendar import month_label, month_span_label, plan_month
from planner.model.capmodel import CapabilityModel
from planner.model.project import Initiative, Project, Roadmap
from planner.report.formatting import month_span, status_text

__all__ = [
    "HorizonRow",
    "InitiativeRow",
    "PhaseRow",
    "Projection",
    "RoadmapPart",
    "month_date",
    "roadmap_part",
]


def month_date(start_date: str | None, month: int) -> dt.date | None:
    """Return the first day of plan month ``month`` (0-based), or ``None`` for an undated plan."""
    found = plan_month(start_date, month)
    if found is None or not 1 <= found[0] <= 9999:
        return None
    return dt.date(found[0], found[1], 1)


@dataclass(frozen=True, slots=True)
class InitiativeRow:
    """One roadmap initiative, with names and calendar months resolved for the reader."""

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
    #: The horizon the start month falls in; empty for a deferred or dropped initiative.
    horizon: str = ""
    horizon_name: str = ""
    #: "Mar 2027" (or "Month 4" when the plan is undated): the first and the last month of work.
    start_label: str = ""
    end_label: str = ""
    #: The months of work: "Mar-May 2027", "Nov 2027-Jan 2028", "Months 4-6".
    span_label: str = ""
    #: The first days of the first and last month of work (``None`` when the plan is undated).
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    pinned_start: int | None = None
    #: The pinned month as a reader reads it (empty when not pinned).
    pinned_label: str = ""
    done_date: str | None = None
    #: A generated initiative the consultant changed (regeneration keeps it).
    edited: bool = False

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

    @property
    def scheduled(self) -> bool:
        """Whether the initiative is in the schedule (not deferred or dropped)."""
        return bool(self.horizon)

    @property
    def pinned(self) -> bool:
        """Whether the consultant fixed its start month."""
        return self.pinned_start is not None


@dataclass(frozen=True, slots=True)
class PhaseRow:
    """A phase (a maturity level), its span (0-based start, exclusive end) and its initiatives."""

    id: str
    name: str
    start_month: int
    end_month: int
    initiatives: tuple[InitiativeRow, ...]
    #: The span in calendar months ("Jan-Jun 2027"), empty when it has no initiatives.
    span_label: str = ""

    @property
    def span_text(self) -> str:
        """The span for a reader: its calendar months, ``"months 1-4"`` if undated, or ``"no initiatives"``."""
        if not self.initiatives:
            return "no initiatives"
        return self.span_label or month_span(self.start_month, self.end_month)


@dataclass(frozen=True, slots=True)
class HorizonRow:
    """A time horizon (Now, Next, Later), its span and the initiatives that start in it.

    ``end_month`` is exclusive; the open last horizon runs as far as its initiatives do.
    """

    id: str
    name: str
    start_month: int
    end_month: int
    open_ended: bool
    #: "Jan-Mar 2027" ("Months 1-3" undated); an empty open horizon reads "from Jan 2028".
    span_label: str
    initiatives: tuple[InitiativeRow, ...]

    @property
    def heading(self) -> str:
        """``"Now: Jan-Mar 2027"``."""
        return f"{self.name}: {self.span_label}"


@dataclass(frozen=True, slots=True)
class Projection:
    """The expected level of every capability at one point: now, after a phase or by a horizon's end."""

    key: str
    label: str
    levels: dict[str, str | None]


@dataclass(frozen=True, slots=True)
class RoadmapPart:
    """Everything the report holds about the roadmap (see the module docstring)."""

    phases: tuple[PhaseRow, ...]
    horizons: tuple[HorizonRow, ...]
    unscheduled: tuple[InitiativeRow, ...]
    projections: tuple[Projection, ...]
    horizon_projections: tuple[Projection, ...]
    warnings: tuple[str, ...]
    stale_reasons: tuple[str, ...]


def _plan_order(roadmap: Roadmap) -> tuple[dict[str, str], list[Initiative], dict[str, list[Initiative]]]:
    """Return (initiative id -> horizon id, the unscheduled ones, horizon id -> its items in order)."""
    from planner.model.roadmap import initiatives_by_horizon

    position = {item.id: i for i, item in enumerate(roadmap.initiatives)}
    grouped = {
        key: sorted(items, key=lambda i: (i.start_month, position[i.id]))
        for key, items in initiatives_by_horizon(roadmap).items()
    }
    horizon_of = {item.id: key for key, items in grouped.items() for item in items}
    unscheduled = sorted(
        (i for i in roadmap.initiatives if i.id not in horizon_of), key=lambda i: (i.start_month, position[i.id])
    )
    return horizon_of, unscheduled, grouped


@dataclass(frozen=True, slots=True)
class _Names:
    """What every row looks up: titles and references by id, phase names, the plan's start."""

    titles: dict[str, str]
    refs: dict[str, str]
    phases: dict[str, str]
    start_date: str | None


def _initiative_row(model: CapabilityModel, names: _Names, item: Initiative, horizon: tuple[str, str]) -> InitiativeRow:
    titles, refs, phase_names, start_date = names.titles, names.refs, names.phases, names.start_date
    cap_name = model.capability(item.capability).name if item.capability in model.capabilities else item.capability
    last = max(item.start_month, item.end_month - 1)
    depends = sorted(dict.fromkeys(item.depends_on), key=lambda d: int(refs[d]) if d in refs else len(refs) + 1)
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
        depends_on=tuple(depends),
        depends_on_titles=tuple(titles.get(d, d) for d in depends),
        depends_on_refs=tuple(refs.get(d, d) for d in depends),
        origin=item.origin,
        locked=item.locked,
        horizon=horizon[0],
        horizon_name=horizon[1],
        start_label=month_label(start_date, item.start_month),
        end_label=month_label(start_date, last),
        span_label=month_span_label(start_date, item.start_month, item.end_month),
        start_date=month_date(start_date, item.start_month),
        end_date=month_date(start_date, last),
        pinned_start=item.pinned_start,
        pinned_label="" if item.pinned_start is None else month_label(start_date, item.pinned_start),
        done_date=item.done_date,
        edited=item.edited,
    )


def _horizon_label(start_date: str | None, start: int, end: int, open_ended: bool) -> str:
    if open_ended and end <= start:
        return f"from {month_label(start_date, start)}"
    return month_span_label(start_date, start, end)


def roadmap_part(model: CapabilityModel, project: Project) -> RoadmapPart:
    """Return the roadmap of the report: horizons, phases, projections, warnings and staleness."""
    from planner.model.roadmap import (
        horizon_bounds,
        horizon_spans,
        phase_spans,
        project_by_horizon,
        project_levels,
        roadmap_warnings,
        stale_reasons,
    )

    roadmap, eng = project.roadmap, project.engagement
    start_date, org_size = eng.start_date, eng.org_size
    horizon_of, unscheduled, grouped = _plan_order(roadmap)
    names = {h.id: h.name for h in roadmap.horizons}
    ordered = [item for h in roadmap.horizons for item in grouped.get(h.id, [])] + unscheduled
    refs = {item.id: str(n) for n, item in enumerate(ordered, start=1)}
    lookup = _Names({i.id: i.title for i in ordered}, refs, {p.id: p.name for p in roadmap.phases}, start_date)
    rows = {}
    for item in ordered:
        key = horizon_of.get(item.id, "")
        rows[item.id] = _initiative_row(model, lookup, item, (key, names.get(key, "")))
    spans = horizon_spans(roadmap)
    horizons = tuple(
        HorizonRow(
            id=h.id,
            name=h.name,
            start_month=spans[h.id][0],
            end_month=spans[h.id][1],
            open_ended=end is None,
            span_label=_horizon_label(start_date, *spans[h.id], end is None),
            initiatives=tuple(rows[i.id] for i in grouped.get(h.id, [])),
        )
        for h, _, end in horizon_bounds(roadmap.horizons)
    )
    pspans = phase_spans(roadmap)
    phases = []
    for phase in roadmap.phases:
        start, end = pspans.get(phase.id, (phase.start_month, phase.start_month))
        members = tuple(sorted((rows[i.id] for i in ordered if i.phase == phase.id), key=lambda r: int(r.ref)))
        label = month_span_label(start_date, start, end) if members else ""
        phases.append(PhaseRow(phase.id, phase.name, start, end, members, label))
    phase_names = {p.id: p.name for p in roadmap.phases}
    projections = tuple(
        Projection(key, "Current" if key == "current" else f"After {phase_names.get(key, key)}", dict(levels))
        for key, levels in project_levels(model, project.assessment, roadmap, org_size=org_size)
    )
    by_id = {h.id: h for h in horizons}
    plan_end = max((r.end_month for h in horizons for r in h.initiatives), default=0)
    horizon_projections = tuple(
        Projection(key, "Current" if key == "current" else _by_label(by_id[key], start_date, plan_end), dict(levels))
        for key, levels in project_by_horizon(model, project.assessment, roadmap, org_size=org_size)
        if key == "current" or (key in by_id and by_id[key].initiatives)
    )
    return RoadmapPart(
        phases=tuple(phases),
        horizons=horizons,
        unscheduled=tuple(rows[i.id] for i in unscheduled),
        projections=projections,
        horizon_projections=horizon_projections,
        warnings=tuple(
            roadmap_warnings(
                model, project.assessment, roadmap, start_date=start_date, org_size=project.engagement.org_size
            )
        ),
        stale_reasons=tuple(stale_reasons(model, project.assessment, roadmap, org_size=org_size)),
    )


def _by_label(horizon: HorizonRow, start_date: str | None, plan_end: int) -> str:
    """Return "By Mar 2027 (Now)": the horizon's last month (the open one: the plan's), for a legend."""
    end = max(horizon.end_month, plan_end) if horizon.open_ended else horizon.end_month
    last = max(horizon.start_month, end - 1)
    return f"By {month_label(start_date, last)} ({horizon.name})"
