"""The roadmap engine: draft, order, schedule, edit, regenerate and project the phased roadmap.

Qt-free and pure: every function takes the model, the assessment and/or a
:class:`~planner.model.project.Roadmap` and returns new values; nothing here mutates its input.

Public API (each module says more):

* :func:`generate_roadmap` ``(model, assessment, *, capacity=None, settings=None, org_size=None)
  -> Roadmap``: a fresh, scheduled roadmap from the gaps; ``settings`` is a roadmap whose
  capacity, owner capacity, scope, horizons and dismissed keys it keeps (module ``generate``;
  selection and priority: module ``select``; :func:`scaled_duration` and ``SIZE_FACTORS``).
* :func:`schedule` ``(model, roadmap) -> Roadmap``: a scheduled copy; :func:`phase_spans`
  ``(roadmap) -> {phase id: (start, end)}`` (module ``schedule``).
* Horizons (module ``horizons``): :func:`horizon_bounds`, :func:`horizon_of` ``(horizons, month)``,
  :func:`horizon_spans`, :func:`initiatives_by_horizon`.
* :func:`roadmap_warnings` ``(model, assessment, roadmap, *, org_size=None, start_date=None)``.
* :func:`project_levels` and :func:`project_by_horizon` ``(model, assessment, roadmap, *,
  org_size=None)``: ``[("current", {cap: level}), (phase or horizon id, {cap: level}), ...]``.
* :func:`regenerate` ``(model, assessment, roadmap, *, org_size=None) -> RegenerationPlan``
  (``added``, ``removed``, ``kept``, ``result``) and :func:`apply_choices` for the preview.
* Staleness (module ``staleness``): :func:`roadmap_basis`, :func:`stale_reasons` ``(model,
  assessment, roadmap, *, org_size) -> [sentence]`` (empty: up to date).
* Initiative edits (module ``edit``), each ``Roadmap -> new Roadmap`` or ``EditRefused``:
  ``add_custom_initiative``, ``delete_initiative(s)`` (records dismissals), ``restore_dismissed``,
  ``edit_initiative(roadmap, id, **changes)`` (any of ``EDITABLE_FIELDS``), ``move_initiative``,
  ``reorder_initiative``, ``set_locked``/``set_locked_many``, ``set_pin``, ``set_status``,
  ``set_capacity``, ``add_dependency``, ``remove_dependency``, ``new_initiative_id``.
* Roadmap settings (module ``settings``): ``set_owner_capacity``, ``set_scope``,
  ``set_horizon_ends``, ``confirm_as_is``. Edits do not re-plan months: call ``schedule``.

Months count from 0 (the first month of the plan, the engagement's ``start_date``);
``end_month`` is the month after the last month of work. :mod:`planner.model.calendar` turns
months into "Mar 2027".

Decisions where the design is silent (each module says more):

* The list order of the roadmap is its priority; generation sorts it value first. A phase is the
  maturity an item helps reach, not a stretch of time: phases overlap in the calendar.
* Locking keeps an initiative's content through regeneration; pinning fixes its start month.
* Ids of generated initiatives are their library keys; custom ones are ``custom.<capability>.<slug>``.
* A generated initiative counts for the level of its library entry wherever it is moved (for the
  dependency rule and the projection); a custom one for the level of its phase.
"""

from __future__ import annotations

from planner.model.roadmap.edit import (
    EDITABLE_FIELDS,
    add_custom_initiative,
    add_dependency,
    delete_initiative,
    delete_initiatives,
    edit_initiative,
    move_initiative,
    new_initiative_id,
    remove_dependency,
    reorder_initiative,
    restore_dismissed,
    set_capacity,
    set_locked,
    set_locked_many,
    set_pin,
    set_status,
)
from planner.model.roadmap.generate import SIZE_FACTORS, generate_roadmap, scaled_duration
from planner.model.roadmap.horizons import horizon_bounds, horizon_of, horizon_spans, initiatives_by_horizon
from planner.model.roadmap.projection import project_by_horizon, project_levels
from planner.model.roadmap.regenerate import RegenerationPlan, apply_choices, regenerate
from planner.model.roadmap.schedule import phase_spans, schedule
from planner.model.roadmap.select import CapabilityPlan, nothing_to_plan_reason, plan_capabilities, select_templates
from planner.model.roadmap.settings import confirm_as_is, set_horizon_ends, set_owner_capacity, set_scope
from planner.model.roadmap.staleness import roadmap_basis, stale_reasons
from planner.model.roadmap.warnings import roadmap_warnings

__all__ = [
    "SIZE_FACTORS",
    "confirm_as_is",
    "delete_initiatives",
    "restore_dismissed",
    "set_horizon_ends",
    "set_locked_many",
    "set_owner_capacity",
    "set_pin",
    "set_scope",
    "set_status",
    "apply_choices",
    "horizon_bounds",
    "horizon_of",
    "horizon_spans",
    "initiatives_by_horizon",
    "project_by_horizon",
    "roadmap_basis",
    "scaled_duration",
    "select_templates",
    "stale_reasons",
    "generate_roadmap",
    "schedule",
    "phase_spans",
    "roadmap_warnings",
    "project_levels",
    "regenerate",
    "RegenerationPlan",
    "CapabilityPlan",
    "nothing_to_plan_reason",
    "plan_capabilities",
    "EDITABLE_FIELDS",
    "add_custom_initiative",
    "add_dependency",
    "delete_initiative",
    "edit_initiative",
    "move_initiative",
    "new_initiative_id",
    "remove_dependency",
    "reorder_initiative",
    "set_capacity",
    "set_locked",
]
