"""Edits of the roadmap as a whole: owner capacity, scope, horizons, and "keep as is".

Like the initiative edits (:mod:`planner.model.roadmap.edit`), each returns a new Roadmap or
raises ``EditRefused`` with a sentence to show. Changing the scope does not re-plan by itself: it
makes the roadmap stale, and regenerating (with its preview) applies it.
"""

from __future__ import annotations

from planner.model.capmodel import CapabilityModel
from planner.model.edits import EditRefused
from planner.model.limits import MONTH_MAX, OWNER_CAPACITY_RANGE
from planner.model.project import ROADMAP_SCOPES, Assessment, Horizon, Roadmap
from planner.model.roadmap.copying import copy_roadmap
from planner.model.roadmap.staleness import roadmap_basis

__all__ = ["confirm_as_is", "set_horizon_ends", "set_owner_capacity", "set_scope"]


def set_owner_capacity(roadmap: Roadmap, owner_capacity: int) -> Roadmap:
    """Return a roadmap allowing ``owner_capacity`` initiatives at once per owner."""
    low, high = OWNER_CAPACITY_RANGE
    if isinstance(owner_capacity, bool) or not isinstance(owner_capacity, int) or not low <= owner_capacity <= high:
        raise EditRefused(
            f"Capacity per owner must be a whole number of initiatives from {low} to {high}, not {owner_capacity!r}."
        )
    result = copy_roadmap(roadmap)
    result.owner_capacity = owner_capacity
    return result


def set_scope(roadmap: Roadmap, scope: str) -> Roadmap:
    """Return a roadmap whose next regeneration takes ``lean`` (core) or ``full`` (core + extra) items."""
    if scope not in ROADMAP_SCOPES:
        raise EditRefused(f"Scope must be one of {', '.join(ROADMAP_SCOPES)}, not {scope!r}.")
    result = copy_roadmap(roadmap)
    result.scope = scope
    return result


def set_horizon_ends(roadmap: Roadmap, ends: list[int | None]) -> Roadmap:
    """Return a roadmap whose horizons end at ``ends`` (one per horizon; only the last open)."""
    if len(ends) != len(roadmap.horizons):
        raise EditRefused(f"Give one end month per horizon ({len(roadmap.horizons)}), not {len(ends)}.")
    previous = 0
    for i, end in enumerate(ends):
        if end is None:
            if i != len(ends) - 1:
                raise EditRefused("Only the last horizon can be open-ended.")
            continue
        if isinstance(end, bool) or not isinstance(end, int) or not previous < end <= MONTH_MAX:
            raise EditRefused(
                f"Each horizon must end after the one before it (after month {previous}), not at {end!r}."
            )
        previous = end
    result = copy_roadmap(roadmap)
    result.horizons = [Horizon(h.id, h.name, end, dict(h.extra)) for h, end in zip(result.horizons, ends, strict=True)]
    return result


def confirm_as_is(model: CapabilityModel, assessment: Assessment, roadmap: Roadmap, *, org_size: str | None) -> Roadmap:
    """Return the roadmap marked as matching the current assessment ("Keep as is" after a re-score)."""
    result = copy_roadmap(roadmap)
    result.generated_from = roadmap_basis(model, assessment, org_size=org_size, scope=roadmap.scope)
    return result
