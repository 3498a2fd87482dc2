"""The roadmap engine: draft, order, schedule, edit, regenerate and project the phased roadmap.

Qt-free and pure: every function takes the model, the assessment and/or a
:class:`~planner.model.project.Roadmap` and returns new values; nothing here mutates its input.

Public API:

* :func:`generate_roadmap` ``(model, assessment, *, capacity=3) -> Roadmap``: a fresh, scheduled
  roadmap from the gaps (module ``generate``).
* :func:`schedule` ``(model, roadmap) -> Roadmap``: a scheduled copy; :func:`phase_spans`
  ``(roadmap) -> {phase id: (start month, end month)}`` (module ``schedule``).
* :func:`roadmap_warnings` ``(model, assessment, roadmap) -> list[str]`` (module ``warnings``).
* :func:`project_levels` ``(model, assessment, roadmap)``: ``[("current", {cap: level}),
  (phase id, {cap: level}), ...]`` (module ``projection``).
* :func:`regenerate` ``(model, assessment, roadmap) -> RegenerationPlan`` with ``added``,
  ``removed``, ``kept`` and the scheduled ``result`` (module ``regenerate``).
* Editing (module ``edit``), each ``Roadmap -> new Roadmap`` or ``EditRefused`` with a message to
  show: ``add_custom_initiative(roadmap, *, capability, title, phase, initiative_id=None,
  index=None, **fields)``, ``delete_initiative(roadmap, id)``, ``edit_initiative(roadmap, id,
  **changes)`` (any of ``EDITABLE_FIELDS``), ``move_initiative(roadmap, id, phase, index=None)``,
  ``reorder_initiative(roadmap, id, index)``, ``set_locked(roadmap, id, locked)``,
  ``set_capacity(roadmap, capacity)``, ``add_dependency(roadmap, id, depends_on)``,
  ``remove_dependency(roadmap, id, depends_on)``; ``new_initiative_id(roadmap, capability, title)``
  gives the id a custom initiative would get. Edits do not re-plan months: call ``schedule``.

Months count from 0 (the first month of the plan); ``end_month`` is the month after the last
month of work.

Decisions where the design is silent (each module says more):

* Priority is phase first (all Crawl work is taken before Walk work), then the order of the
  list within a phase, which generation sets from importance x gap and the consultant can change
  by reordering. Crawl, Walk and Run thus read as successive stretches of the plan; a later-phase
  item still fills any month the earlier phase leaves free.
* Locking keeps an initiative's content through regeneration; it does not pin its months.
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
    edit_initiative,
    move_initiative,
    new_initiative_id,
    remove_dependency,
    reorder_initiative,
    set_capacity,
    set_locked,
)
from planner.model.roadmap.generate import CapabilityPlan, generate_roadmap, plan_capabilities
from planner.model.roadmap.projection import project_levels
from planner.model.roadmap.regenerate import RegenerationPlan, regenerate
from planner.model.roadmap.schedule import phase_spans, schedule
from planner.model.roadmap.warnings import roadmap_warnings

__all__ = [
    "generate_roadmap",
    "schedule",
    "phase_spans",
    "roadmap_warnings",
    "project_levels",
    "regenerate",
    "RegenerationPlan",
    "CapabilityPlan",
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
