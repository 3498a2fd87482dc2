"""Draft a roadmap from the gaps between current and target maturity.

What the plan takes and in which order is :mod:`planner.model.roadmap.select`'s business (value
first, lean or full scope, the client's size, dismissed items); the dependencies are the rule of
:mod:`planner.model.roadmap.deps`; the months come from :mod:`planner.model.roadmap.schedule`.
The list order of the roadmap is its priority (the consultant can reorder it).

Durations in the library are for a mid-size organisation; a start-up's work is shorter and an
enterprise's longer, by the factors of :data:`SIZE_FACTORS` (rounded half up, at least one
month; a start-up's short items keep their observation windows, see :func:`scaled_duration`). Ids are the library keys (e.g. ``allocation.crawl.tagging-standard``), readable and
stable: the same input gives the same roadmap, byte for byte once saved. A fresh roadmap records
what it was generated from (:mod:`planner.model.roadmap.staleness`).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

from planner.model.capmodel import CapabilityModel, InitiativeTemplate
from planner.model.limits import CAPACITY_RANGE, OWNER_CAPACITY_RANGE
from planner.model.project import ROADMAP_SCOPES, Assessment, Initiative, Roadmap, default_phases
from planner.model.roadmap.bulk import collector_paused
from planner.model.roadmap.copying import copy_roadmap
from planner.model.roadmap.deps import rule_dependencies, template_index
from planner.model.roadmap.schedule import schedule_in_place
from planner.model.roadmap.select import select_templates
from planner.model.roadmap.staleness import roadmap_basis

__all__ = [
    "SIZE_FACTORS",
    "generate_roadmap",
    "initiative_from_template",
    "needed_templates",
    "scaled_duration",
]

#: Duration factor per organisation size (the library's durations are for a mid-size client).
SIZE_FACTORS: Final[dict[str, float]] = {"startup": 2 / 3, "midsize": 1.0, "enterprise": 4 / 3}


#: A start-up's work is not shortened below this many months: short items are mostly the
#: observation window their "done when" needs (two monthly packs, a quarter's reviews), which a
#: small company waits out like a large one.
STARTUP_FLOOR = 3


def scaled_duration(months: int, org_size: str | None) -> int:
    """Return a library duration scaled to the client's size (rounded half up, at least 1).

    A start-up's items of up to :data:`STARTUP_FLOOR` months keep their length and longer ones
    shrink by the start-up factor, never below the floor.
    """
    factor = SIZE_FACTORS.get(org_size or "midsize", 1.0)
    scaled = max(1, int(months * factor + 0.5))
    if org_size == "startup":
        return months if months <= STARTUP_FLOOR else max(STARTUP_FLOOR, scaled)
    return scaled


def needed_templates(
    model: CapabilityModel,
    assessment: Assessment,
    *,
    scope: str = "lean",
    org_size: str | None = None,
    dismissed: Collection[str] = (),
) -> list[InitiativeTemplate]:
    """Return the library initiatives the assessment calls for, highest priority first."""
    return list(select_templates(model, assessment, scope=scope, org_size=org_size, dismissed=dismissed).templates)


def initiative_from_template(
    tpl: InitiativeTemplate, depends_on: list[str] | None = None, *, org_size: str | None = None
) -> Initiative:
    """Return a fresh, untouched generated initiative for a library entry (its id is the key)."""
    return Initiative(
        id=tpl.key,
        capability=tpl.capability,
        title=tpl.title,
        phase=tpl.level,
        description=tpl.description,
        owner=tpl.owner,
        effort=tpl.effort,
        duration_months=scaled_duration(tpl.duration_months, org_size),
        depends_on=list(depends_on or []),
        origin="generated",
        template=tpl.key,
    )


def _check_range(name: str, value: object, bounds: tuple[int, int]) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not bounds[0] <= value <= bounds[1]:
        raise ValueError(
            f"{name} must be a whole number of initiatives from {bounds[0]} to {bounds[1]}, not {value!r}."
        )


def generate_roadmap(
    model: CapabilityModel,
    assessment: Assessment,
    *,
    capacity: int | None = None,
    settings: Roadmap | None = None,
    org_size: str | None = None,
) -> Roadmap:
    """Return a fresh, scheduled roadmap for an assessment.

    Args:
        model: the capability model the assessment is scored against.
        assessment: current scores, targets and importance per capability.
        capacity: how many initiatives may run at once (1 to 50); overrides ``settings``.
        settings: a roadmap whose capacity, owner capacity, scope, horizons and dismissed keys
            the new one keeps (its initiatives are ignored); defaults when ``None``.
        org_size: the client's size (``startup``, ``midsize``, ``enterprise`` or ``None``).

    Raises:
        ValueError: a capacity out of range or an unknown scope.
    """
    result = copy_roadmap(settings) if settings is not None else Roadmap()
    if capacity is not None:
        result.capacity = capacity
    _check_range("Capacity", result.capacity, CAPACITY_RANGE)
    _check_range("Owner capacity", result.owner_capacity, OWNER_CAPACITY_RANGE)
    if result.scope not in ROADMAP_SCOPES:
        raise ValueError(f"Scope must be one of {', '.join(ROADMAP_SCOPES)}, not {result.scope!r}.")
    with collector_paused():
        chosen = needed_templates(model, assessment, scope=result.scope, org_size=org_size, dismissed=result.dismissed)
        items = [initiative_from_template(tpl, org_size=org_size) for tpl in chosen]
        deps = rule_dependencies(model, items, template_index(model))
        for item in items:
            item.depends_on = deps.get(item.id, [])
        result.initiatives = items
        result.phases = default_phases(model)
        result.generated_from = roadmap_basis(model, assessment, org_size=org_size, scope=result.scope)
        schedule_in_place(model, result)
    return result
