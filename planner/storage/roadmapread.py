"""Read and validate the roadmap of a (migrated) version-2 project document.

Rules besides those of :mod:`planner.storage.projectread`: phases are levels of the model above
the lowest; initiatives have unique ids and depend only on each other; a horizon's ``end_month``
grows from one horizon to the next and only the last may be open (null); without ``horizons``
the defaults Now, Next and Later apply; ``dismissed`` holds library keys; ``generated_from`` names
capabilities and levels of the model.
"""

from __future__ import annotations

from typing import Any

from planner.model.capmodel import EFFORTS, CapabilityModel
from planner.model.checks import Checker, join_path
from planner.model.limits import (
    CAPACITY_RANGE,
    DEFAULT_CAPACITY,
    DEFAULT_IMPORTANCE,
    DEFAULT_OWNER_CAPACITY,
    DURATION_RANGE,
    IMPORTANCE_RANGE,
    LONG_TEXT_MAX,
    MONTH_MAX,
    NAME_MAX,
    OWNER_CAPACITY_RANGE,
    SHORT_TEXT_MAX,
    TITLE_MAX,
)
from planner.model.project import (
    INITIATIVE_ORIGINS,
    INITIATIVE_STATUSES,
    ORG_SIZES,
    ROADMAP_SCOPES,
    CapabilityBasis,
    Horizon,
    Initiative,
    Phase,
    Roadmap,
    RoadmapBasis,
    default_horizons,
)
from planner.storage.projectread import extra_keys, read_date, read_target

__all__ = ["read_roadmap"]

_ROADMAP = (
    "capacity", "owner_capacity", "scope", "phases", "horizons", "initiatives", "dismissed", "generated_from",
)  # fmt: skip
_PHASE = ("id", "name", "start_month")
_HORIZON = ("id", "name", "end_month")
_INITIATIVE = (
    "id", "capability", "title", "description", "phase", "owner", "effort", "start_month",
    "duration_months", "pinned_start", "status", "done_date", "depends_on", "origin", "locked", "template",
    "edited",
)  # fmt: skip


def read_roadmap(check: Checker, model: CapabilityModel, raw: dict[str, Any]) -> Roadmap:
    """Validate the roadmap object."""
    p = "roadmap"
    phases: list[Phase] = []
    for i, item in enumerate(check.seq(raw, "phases", p, required=False)):
        here = join_path(join_path(p, "phases"), i)
        ph = check.obj(item, here)
        phase_id = check.text(ph, "id", here, empty_ok=False)
        if phase_id and phase_id not in model.level_ids[1:]:
            check.add(join_path(here, "id"), f"unknown phase {phase_id!r} (one of {', '.join(model.level_ids[1:])})")
        elif any(x.id == phase_id for x in phases):
            check.add(join_path(here, "id"), f"duplicate phase {phase_id!r}")
        phases.append(
            Phase(
                phase_id,
                check.text(ph, "name", here, required=False, default=phase_id, max_len=NAME_MAX),
                check.integer(ph, "start_month", here, 0, MONTH_MAX, required=False),
                extra_keys(ph, _PHASE),
            )
        )
    items = [
        _initiative(check, model, check.obj(item, here), here)
        for i, item in enumerate(check.seq(raw, "initiatives", p, required=False))
        for here in [join_path(join_path(p, "initiatives"), i)]
    ]
    ids = [x.id for x in items]
    phase_ids = {x.id for x in phases}
    for i, item in enumerate(items):
        here = join_path(join_path(p, "initiatives"), i)
        if item.id and ids.index(item.id) != i:
            check.add(join_path(here, "id"), f"duplicate initiative id {item.id!r}")
        if item.phase and item.phase not in phase_ids:
            check.add(join_path(here, "phase"), f"unknown phase {item.phase!r}")
        for j, dep in enumerate(item.depends_on):
            if dep not in ids or dep == item.id:
                check.add(join_path(join_path(here, "depends_on"), j), f"unknown initiative {dep!r}")
    dismissed = [
        check.text_value(key, join_path(join_path(p, "dismissed"), i), empty_ok=False, max_len=NAME_MAX)
        for i, key in enumerate(check.seq(raw, "dismissed", p, required=False))
    ]
    return Roadmap(
        capacity=check.integer(raw, "capacity", p, *CAPACITY_RANGE, required=False, default=DEFAULT_CAPACITY),
        phases=phases,
        initiatives=items,
        owner_capacity=check.integer(
            raw, "owner_capacity", p, *OWNER_CAPACITY_RANGE, required=False, default=DEFAULT_OWNER_CAPACITY
        ),
        scope=check.choice(raw, "scope", p, ROADMAP_SCOPES, default="lean") or "lean",
        horizons=_horizons(check, raw, p),
        dismissed=dismissed,
        generated_from=_basis(check, model, raw.get("generated_from"), join_path(p, "generated_from")),
        extra=extra_keys(raw, _ROADMAP),
    )


def _horizons(check: Checker, raw: dict[str, Any], p: str) -> list[Horizon]:
    if "horizons" not in raw:
        return default_horizons()
    horizons: list[Horizon] = []
    items = check.seq(raw, "horizons", p)
    for i, item in enumerate(items):
        here = join_path(join_path(p, "horizons"), i)
        obj = check.obj(item, here)
        horizon = Horizon(
            id=check.text(obj, "id", here, empty_ok=False, max_len=NAME_MAX),
            name=check.text(obj, "name", here, empty_ok=False, max_len=NAME_MAX),
            end_month=check.optional_integer(obj, "end_month", here, 1, MONTH_MAX),
            extra=extra_keys(obj, _HORIZON),
        )
        if horizon.id and any(h.id == horizon.id for h in horizons):
            check.add(join_path(here, "id"), f"duplicate horizon {horizon.id!r}")
        ends = [h.end_month for h in horizons if h.end_month is not None]
        if horizon.end_month is None and i < len(items) - 1:
            check.add(join_path(here, "end_month"), "only the last horizon may be open-ended (end_month null)")
        elif horizon.end_month is not None and ends and horizon.end_month <= ends[-1]:
            check.add(join_path(here, "end_month"), f"must be after the previous horizon's end ({ends[-1]})")
        horizons.append(horizon)
    if not items:
        check.add(join_path(p, "horizons"), "needs at least one horizon")
    return horizons


def _basis(check: Checker, model: CapabilityModel, raw: object, here: str) -> RoadmapBasis | None:
    if raw is None:
        return None
    obj = check.obj(raw, here)
    caps_path = join_path(here, "capabilities")
    caps: dict[str, CapabilityBasis] = {}
    for cap_id, cap_raw in check.obj(obj.get("capabilities", {}), caps_path).items():
        at = join_path(caps_path, cap_id)
        if cap_id not in model.capabilities:
            check.add(at, f"unknown capability {cap_id!r}")
            continue
        entry = check.obj(cap_raw, at)
        level = entry.get("level")
        if level is not None and level not in model.level_ids:
            check.add(join_path(at, "level"), f"unknown level {level!r}")
            level = None
        caps[cap_id] = CapabilityBasis(
            level=level,
            target=read_target(check, model, entry, at),
            importance=check.integer(entry, "importance", at, *IMPORTANCE_RANGE, default=DEFAULT_IMPORTANCE),
            applicable=check.boolean(entry, "applicable", at, default=True),
        )
    return RoadmapBasis(
        org_size=check.choice(obj, "org_size", here, ORG_SIZES, default=None),
        scope=check.choice(obj, "scope", here, ROADMAP_SCOPES, default="lean") or "lean",
        capabilities=caps,
    )


def _initiative(check: Checker, model: CapabilityModel, raw: dict[str, Any], here: str) -> Initiative:
    cap_id = check.text(raw, "capability", here, empty_ok=False)
    if cap_id and cap_id not in model.capabilities:
        check.add(join_path(here, "capability"), f"unknown capability {cap_id!r}")
    effort = check.text(raw, "effort", here, required=False, default="M")
    if effort not in EFFORTS:
        check.add(join_path(here, "effort"), f"must be one of {', '.join(EFFORTS)}, not {effort!r}")
    origin = check.text(raw, "origin", here, required=False, default="generated")
    if origin not in INITIATIVE_ORIGINS:
        check.add(join_path(here, "origin"), f"must be one of {', '.join(INITIATIVE_ORIGINS)}, not {origin!r}")
    deps = [
        check.text_value(d, join_path(join_path(here, "depends_on"), j), empty_ok=False)
        for j, d in enumerate(check.seq(raw, "depends_on", here, required=False))
    ]
    return Initiative(
        id=check.text(raw, "id", here, empty_ok=False, max_len=NAME_MAX),
        capability=cap_id,
        title=check.text(raw, "title", here, empty_ok=False, max_len=TITLE_MAX),
        phase=check.text(raw, "phase", here, empty_ok=False),
        description=check.text(raw, "description", here, required=False, max_len=LONG_TEXT_MAX),
        owner=check.text(raw, "owner", here, required=False, max_len=SHORT_TEXT_MAX),
        effort=effort,
        start_month=check.integer(raw, "start_month", here, 0, MONTH_MAX, required=False),
        duration_months=check.integer(
            raw, "duration_months", here, *DURATION_RANGE, required=False, default=DURATION_RANGE[0]
        ),
        pinned_start=check.optional_integer(raw, "pinned_start", here, 0, MONTH_MAX),
        status=check.choice(raw, "status", here, INITIATIVE_STATUSES, default="planned") or "planned",
        done_date=read_date(check, raw, "done_date", here, nullable=True),
        depends_on=deps,
        origin=origin,
        locked=check.boolean(raw, "locked", here, default=False),
        template=check.text(raw, "template", here, required=False, max_len=NAME_MAX),
        edited=check.boolean(raw, "edited", here, default=False),
        extra=extra_keys(raw, _INITIATIVE),
    )
