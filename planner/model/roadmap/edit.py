"""Editing operations on a roadmap: small pure functions, each returning a new Roadmap.

None of them changes its input, so undo is "put the old Roadmap back". Bad requests raise
``EditRefused`` with a sentence the app can show as is. They do not re-plan the timeline: call
:func:`~planner.model.roadmap.schedule.schedule` for that (a consultant may set a start month by
hand, and the warnings then say if it clashes with a dependency).

Any change to a generated initiative's content, phase or dependencies marks it ``edited`` so that
regeneration keeps it; reordering, locking, pinning and a status change do not (they change the
plan, not the item; regeneration keeps any item whose status is not "planned" anyway).

Deleting a generated initiative records its library key in the roadmap's ``dismissed`` list, so
regeneration does not bring it back; :func:`restore_dismissed` forgets the dismissal.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from planner.model.capmodel import EFFORTS
from planner.model.checks import is_iso_date
from planner.model.edits import EditRefused
from planner.model.limits import CAPACITY_RANGE, DURATION_RANGE, MONTH_MAX
from planner.model.project import INITIATIVE_STATUSES, Initiative, Roadmap
from planner.model.roadmap.copying import copy_roadmap
from planner.model.roadmap.deps import find_dependency_cycle

__all__ = [
    "EDITABLE_FIELDS",
    "PLAN_FIELDS",
    "add_custom_initiative",
    "add_dependency",
    "delete_initiative",
    "delete_initiatives",
    "restore_dismissed",
    "set_locked_many",
    "set_pin",
    "set_status",
    "edit_initiative",
    "move_initiative",
    "new_initiative_id",
    "remove_dependency",
    "reorder_initiative",
    "set_capacity",
    "set_locked",
]

#: Fields :func:`edit_initiative` accepts.
EDITABLE_FIELDS: tuple[str, ...] = (
    "capability", "title", "description", "phase", "owner", "effort", "start_month",
    "duration_months", "status", "depends_on", "pinned_start", "done_date",
)  # fmt: skip
#: Fields that change the plan rather than the item: editing them does not mark it ``edited``.
PLAN_FIELDS: frozenset[str] = frozenset({"start_month", "status", "pinned_start", "done_date"})


def _find(roadmap: Roadmap, initiative_id: str) -> tuple[int, Initiative]:
    for i, item in enumerate(roadmap.initiatives):
        if item.id == initiative_id:
            return i, item
    raise EditRefused(f"There is no initiative {initiative_id!r} in the roadmap.")


def _loop_message(roadmap: Roadmap, cycle: list[str]) -> str:
    titles = {item.id: item.title for item in roadmap.initiatives}
    path = " -> ".join(f"'{titles.get(i, i)}'" for i in cycle)
    return f"That would make initiatives depend on each other in a loop: {path}."


def _phase_block_end(items: list[Initiative], phase: str) -> int:
    """Return the index just after the last initiative of ``phase`` (or where its block would go)."""
    last = max((i for i, item in enumerate(items) if item.phase == phase), default=None)
    return len(items) if last is None else last + 1


def new_initiative_id(roadmap: Roadmap, capability: str, title: str) -> str:
    """Return a readable id for a custom initiative, unique in the roadmap (``custom.<cap>.<slug>``)."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40].strip("-") or "initiative"
    base = f"custom.{capability}.{slug}"
    taken = {item.id for item in roadmap.initiatives}
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def add_custom_initiative(
    roadmap: Roadmap,
    *,
    capability: str,
    title: str,
    phase: str,
    initiative_id: str | None = None,
    index: int | None = None,
    **fields: Any,
) -> Roadmap:
    """Return a roadmap with a new custom initiative at the end of its phase (or at ``index`` in it).

    Args:
        roadmap: the roadmap to start from.
        capability: the capability it raises.
        title: a short imperative title.
        phase: the phase it belongs to.
        initiative_id: its id (default: :func:`new_initiative_id`).
        index: position among the phase's initiatives (default: last).
        **fields: any other field of :data:`EDITABLE_FIELDS`.
    """
    if not title.strip():
        raise EditRefused("A new initiative needs a title.")
    new_id = initiative_id or new_initiative_id(roadmap, capability, title)
    if any(item.id == new_id for item in roadmap.initiatives):
        raise EditRefused(f"There is already an initiative {new_id!r}.")
    _check_phase(roadmap, phase)
    item = Initiative(id=new_id, capability=capability, title=title.strip(), phase=phase, origin="custom")
    result = copy_roadmap(roadmap)
    result.initiatives.insert(_phase_block_end(result.initiatives, phase), item)
    if fields:
        result = edit_initiative(result, new_id, **fields)
    if index is not None:
        result = reorder_initiative(result, new_id, index)
    return result


def delete_initiative(roadmap: Roadmap, initiative_id: str) -> Roadmap:
    """Return a roadmap without that initiative; others no longer depend on it.

    A generated initiative's library key joins ``dismissed``.
    """
    return delete_initiatives(roadmap, [initiative_id])


def delete_initiatives(roadmap: Roadmap, initiative_ids: list[str]) -> Roadmap:
    """Return a roadmap without those initiatives (see :func:`delete_initiative`)."""
    for initiative_id in initiative_ids:
        _find(roadmap, initiative_id)
    gone = set(initiative_ids)
    result = copy_roadmap(roadmap)
    for item in result.initiatives:
        if item.id in gone and item.origin == "generated" and item.template and item.template not in result.dismissed:
            result.dismissed.append(item.template)
    result.initiatives = [item for item in result.initiatives if item.id not in gone]
    for item in result.initiatives:
        if gone & set(item.depends_on):
            item.depends_on = [d for d in item.depends_on if d not in gone]
    return result


def restore_dismissed(roadmap: Roadmap, keys: list[str] | None = None) -> Roadmap:
    """Return a roadmap that forgets some dismissals (all when ``keys`` is ``None``).

    The items come back with the next regeneration, which shows them as additions first.
    """
    if not roadmap.dismissed:
        raise EditRefused("No deleted library initiative is waiting to be restored.")
    result = copy_roadmap(roadmap)
    drop = set(result.dismissed if keys is None else keys)
    result.dismissed = [k for k in result.dismissed if k not in drop]
    return result


def _check_phase(roadmap: Roadmap, phase: str) -> None:
    if phase not in {p.id for p in roadmap.phases}:
        names = ", ".join(p.name for p in roadmap.phases) or "none"
        raise EditRefused(f"There is no phase {phase!r} in this roadmap (phases: {names}).")


def _check_value(roadmap: Roadmap, item: Initiative, name: str, value: Any) -> Any:
    """Return ``value`` checked (and normalised) for field ``name``, or raise EditRefused."""
    if name in ("title", "capability"):
        if not isinstance(value, str) or not value.strip():
            raise EditRefused(f"The {name} of an initiative cannot be empty.")
        return value.strip()
    if name in ("description", "owner"):
        if not isinstance(value, str):
            raise EditRefused(f"The {name} must be text.")
        return value
    if name == "phase":
        _check_phase(roadmap, value)
        return value
    if name == "effort" and value not in EFFORTS:
        raise EditRefused(f"Effort must be one of {', '.join(EFFORTS)}, not {value!r}.")
    if name == "status" and value not in INITIATIVE_STATUSES:
        raise EditRefused(f"Status must be one of {', '.join(INITIATIVE_STATUSES)}, not {value!r}.")
    if name == "pinned_start":
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MONTH_MAX:
            raise EditRefused(f"A pinned start must be a month from 0 to {MONTH_MAX}, not {value!r}.")
        return value
    if name == "done_date":
        if value is None or value == "":
            return None
        if not isinstance(value, str) or not is_iso_date(value):
            raise EditRefused(f"A done date must be a date like 2027-03-31, not {value!r}.")
        return value
    if name in ("start_month", "duration_months"):
        low, high = (0, MONTH_MAX) if name == "start_month" else DURATION_RANGE
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            what = "The start month" if name == "start_month" else "The duration"
            raise EditRefused(f"{what} must be a whole number from {low} to {high}, not {value!r}.")
    if name == "depends_on":
        ids = {other.id for other in roadmap.initiatives}
        deps = list(dict.fromkeys(value))
        for dep in deps:
            if dep == item.id:
                raise EditRefused(f"'{item.title}' cannot depend on itself.")
            if dep not in ids:
                raise EditRefused(f"There is no initiative {dep!r} to depend on.")
        return deps
    return value


def edit_initiative(roadmap: Roadmap, initiative_id: str, **changes: Any) -> Roadmap:
    """Return a roadmap with some fields of one initiative changed.

    Changing anything on a generated initiative marks it ``edited``. Moving it to another phase
    this way keeps its place in the list order; :func:`move_initiative` also places it.

    Raises:
        EditRefused: an unknown field, a bad value, or dependencies that would form a loop.
    """
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        raise EditRefused(f"These fields cannot be edited: {', '.join(unknown)}.")
    pos, item = _find(roadmap, initiative_id)
    checked = {name: _check_value(roadmap, item, name, value) for name, value in changes.items()}
    result = copy_roadmap(roadmap)
    target = result.initiatives[pos]
    changed = False
    for name, value in checked.items():
        if getattr(target, name) != value:
            setattr(target, name, copy.deepcopy(value))
            changed = True
    if not changed:
        return result
    if "depends_on" in checked:
        cycle = find_dependency_cycle(result)
        if cycle:
            raise EditRefused(_loop_message(result, cycle))
    if target.origin == "generated" and set(checked) - PLAN_FIELDS:
        target.edited = True
    return result


def set_pin(roadmap: Roadmap, initiative_id: str, month: int | None) -> Roadmap:
    """Return a roadmap with an initiative pinned to start in ``month`` (``None`` unpins it)."""
    result = edit_initiative(roadmap, initiative_id, pinned_start=month)
    if month is not None:
        result.initiative(initiative_id).start_month = month
    return result


def set_status(roadmap: Roadmap, initiative_ids: list[str], status: str, *, done_date: str | None = None) -> Roadmap:
    """Return a roadmap with those initiatives set to ``status``.

    ``done_date`` is kept only for "done" (an initiative no longer done forgets its date).
    """
    result = roadmap
    for initiative_id in initiative_ids:
        result = edit_initiative(
            result, initiative_id, status=status, done_date=done_date if status == "done" else None
        )
    return result if result is not roadmap else copy_roadmap(roadmap)


def set_locked_many(roadmap: Roadmap, initiative_ids: list[str], locked: bool) -> Roadmap:
    """Return a roadmap with those initiatives locked or unlocked."""
    result = roadmap
    for initiative_id in initiative_ids:
        result = set_locked(result, initiative_id, locked)
    return result if result is not roadmap else copy_roadmap(roadmap)


def move_initiative(roadmap: Roadmap, initiative_id: str, phase: str, index: int | None = None) -> Roadmap:
    """Return a roadmap with an initiative moved to ``phase``, at ``index`` among its items (default last)."""
    _check_phase(roadmap, phase)
    pos, item = _find(roadmap, initiative_id)
    if item.phase == phase:
        return reorder_initiative(roadmap, initiative_id, index) if index is not None else copy_roadmap(roadmap)
    result = copy_roadmap(roadmap)
    moved = result.initiatives.pop(pos)
    moved.phase = phase
    if moved.origin == "generated":
        moved.edited = True
    result.initiatives.insert(_phase_block_end(result.initiatives, phase), moved)
    return reorder_initiative(result, initiative_id, index) if index is not None else result


def reorder_initiative(roadmap: Roadmap, initiative_id: str, index: int) -> Roadmap:
    """Return a roadmap with an initiative at position ``index`` among its phase's initiatives.

    The position is clamped to the phase (0 is first; a large number is last). Within a phase,
    list order is scheduling priority.
    """
    pos, item = _find(roadmap, initiative_id)
    result = copy_roadmap(roadmap)
    moved = result.initiatives.pop(pos)
    slots = [i for i, other in enumerate(result.initiatives) if other.phase == item.phase]
    if not slots:
        result.initiatives.insert(min(pos, len(result.initiatives)), moved)
        return result
    index = max(0, min(index, len(slots)))
    at = slots[index] if index < len(slots) else slots[-1] + 1
    result.initiatives.insert(at, moved)
    return result


def set_locked(roadmap: Roadmap, initiative_id: str, locked: bool) -> Roadmap:
    """Return a roadmap with an initiative locked (kept as is by regeneration) or unlocked."""
    pos, _ = _find(roadmap, initiative_id)
    result = copy_roadmap(roadmap)
    result.initiatives[pos].locked = locked
    return result


def set_capacity(roadmap: Roadmap, capacity: int) -> Roadmap:
    """Return a roadmap allowing ``capacity`` initiatives at once (1 to 50)."""
    if (
        isinstance(capacity, bool)
        or not isinstance(capacity, int)
        or not CAPACITY_RANGE[0] <= capacity <= CAPACITY_RANGE[1]
    ):
        raise EditRefused(
            f"Capacity must be a whole number of initiatives from {CAPACITY_RANGE[0]} to {CAPACITY_RANGE[1]}, not {capacity!r}."
        )
    result = copy_roadmap(roadmap)
    result.capacity = capacity
    return result


def add_dependency(roadmap: Roadmap, initiative_id: str, depends_on: str) -> Roadmap:
    """Return a roadmap where ``initiative_id`` also depends on ``depends_on``.

    Raises:
        EditRefused: either id is unknown, they are the same, or the link would close a loop.
    """
    _, item = _find(roadmap, initiative_id)
    _, other = _find(roadmap, depends_on)
    if depends_on in item.depends_on:
        raise EditRefused(f"'{item.title}' already depends on '{other.title}'.")
    return edit_initiative(roadmap, initiative_id, depends_on=[*item.depends_on, depends_on])


def remove_dependency(roadmap: Roadmap, initiative_id: str, depends_on: str) -> Roadmap:
    """Return a roadmap where ``initiative_id`` no longer depends on ``depends_on``."""
    _, item = _find(roadmap, initiative_id)
    if depends_on not in item.depends_on:
        raise EditRefused(f"'{item.title}' does not depend on {depends_on!r}.")
    return edit_initiative(roadmap, initiative_id, depends_on=[d for d in item.depends_on if d != depends_on])
