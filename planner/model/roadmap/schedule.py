"""Lay a roadmap out in months with a list scheduler.

Rules: at most ``capacity`` initiatives run in any month and at most ``owner_capacity`` of any one
owner (persona): Engineering and Finance work in parallel, one team does not run six things at
once; nothing starts before every initiative it depends on has ended; a pinned initiative starts
in its pinned month. Priority is the order of the list (generation sorts it value first; the
consultant can reorder it); there is no phase-first rule.

The scheduler books pinned initiatives first, at their pins (a pin wins over capacity and over
dependencies: the consultant knows the renewal date; the warnings say when a pin breaks a
dependency). Then it takes the others in priority order, restricted so that an initiative comes
after everything it depends on, and gives each the earliest start that satisfies the rules for its
whole duration (a serial schedule: a lower-priority item may fill a gap earlier in the plan that
nothing of higher priority could use). An initiative inherits the priority of the most important
work that waits for it, so a foundation that an important item needs is not left behind less
important work.

Decisions where the design is silent: initiatives in progress or done keep the start month they
have (what has begun is a fact, not a plan) and count as pinned there; deferred and dropped ones
leave the schedule (they take no capacity, keep their months for the record, and nothing waits
for them). An initiative without an owner counts only against the total capacity. Locking keeps
content through regeneration, not dates. Should a hand-edited file hold a dependency loop, the
loop is broken at its highest-priority item and the warnings report it. A phase starts with its
earliest initiative (phases are maturity, not time, so they overlap).
"""

from __future__ import annotations

import heapq

from planner.model.capmodel import CapabilityModel
from planner.model.project import Initiative, Roadmap
from planner.model.roadmap.bulk import collector_paused
from planner.model.roadmap.copying import copy_roadmap

__all__ = ["FIXED_STATUSES", "UNSCHEDULED_STATUSES", "phase_spans", "schedule", "schedule_in_place"]


class _Months:
    """How many initiatives run in each month, with a fast "first window with room" search.

    For each duration in use, ``_skips[d][s] = t`` records that no window of ``d`` months starting
    in ``[s, t)`` has room. Months only fill up, so such a record never becomes false; every start
    month is ruled out at most once per duration, which keeps the whole schedule near-linear even
    when the plan is full of one-month holes that longer initiatives cannot use.
    """

    def __init__(self, capacity: int) -> None:
        self.capacity = max(1, capacity)
        self.used: list[int] = []
        self._skips: dict[int, list[int]] = {}

    def _grow(self, month: int) -> None:
        if len(self.used) <= month:
            self.used.extend([0] * (month + 1 - len(self.used)))

    @staticmethod
    def _find(skip: list[int], month: int) -> int:
        if len(skip) <= month:
            skip.extend(range(len(skip), month + 1))
        root = month
        while skip[root] != root:
            root = skip[root]
            if len(skip) <= root:
                skip.extend(range(len(skip), root + 1))
        while skip[month] != root:  # path compression
            skip[month], month = root, skip[month]
        return root

    def earliest(self, month: int, duration: int) -> int:
        """Return the first start at or after ``month`` with room for ``duration`` months."""
        skip = self._skips.setdefault(duration, [])
        start = self._find(skip, month)
        while True:
            self._grow(start + duration)
            full = next((m for m in range(start + duration - 1, start - 1, -1) if self.used[m] >= self.capacity), None)
            if full is None:
                return start
            self._find(skip, full + 1)
            for s in range(start, full + 1):
                skip[s] = max(skip[s], full + 1)
            start = self._find(skip, full + 1)

    def book(self, start: int, duration: int) -> None:
        """Take one unit of capacity in each month of ``[start, start + duration)``."""
        self._grow(start + duration)
        for m in range(start, start + duration):
            self.used[m] += 1


def schedule(model: CapabilityModel, roadmap: Roadmap) -> Roadmap:
    """Return a scheduled copy of a roadmap (initiative and phase start months); the input is untouched."""
    with collector_paused():
        result = copy_roadmap(roadmap)
        schedule_in_place(model, result)
    return result


#: Statuses whose initiatives keep their start month.
FIXED_STATUSES: frozenset[str] = frozenset({"in_progress", "done"})
#: Statuses whose initiatives leave the schedule.
UNSCHEDULED_STATUSES: frozenset[str] = frozenset({"deferred", "dropped"})


def _effective_priority(deps: list[tuple[int, ...]]) -> list[int]:
    """Return for each item the best (lowest) list position among itself and all that wait for it."""
    best = list(range(len(deps)))
    followers: list[list[int]] = [[] for _ in deps]
    indegree = [0] * len(deps)
    for i, mine in enumerate(deps):
        for d in mine:
            followers[d].append(i)
            indegree[i] += 1
    # Kahn's order from the items nothing waits for back to the foundations.
    waiting_on_me = [len(f) for f in followers]
    stack = [i for i in range(len(deps)) if not waiting_on_me[i]]
    while stack:
        i = stack.pop()
        for d in deps[i]:
            best[d] = min(best[d], best[i])
            waiting_on_me[d] -= 1
            if waiting_on_me[d] == 0:
                stack.append(d)
    return best


def _topological_ranks(deps: list[tuple[int, ...]]) -> list[int]:
    """Return each item's position in the dependency order that follows list order where it can.

    With it an item's key (effective priority, this rank) always comes after its dependencies'
    keys, so the items are placed exactly in key order. Items caught in a loop come last.
    """
    followers: list[list[int]] = [[] for _ in deps]
    waiting = [len(d) for d in deps]
    for i, mine in enumerate(deps):
        for d in mine:
            followers[d].append(i)
    ready = [i for i in range(len(deps)) if not waiting[i]]
    heapq.heapify(ready)
    rank = [len(deps) + i for i in range(len(deps))]
    n = 0
    while ready:
        i = heapq.heappop(ready)
        rank[i] = n
        n += 1
        for f in followers[i]:
            waiting[f] -= 1
            if not waiting[f]:
                heapq.heappush(ready, f)
    return rank


def schedule_in_place(model: CapabilityModel, result: Roadmap) -> None:
    """Set the start months of a roadmap the caller owns (the engine's own fresh roadmaps)."""
    items = result.initiatives
    index = {item.id: i for i, item in enumerate(items)}
    active = [item.status not in UNSCHEDULED_STATUSES for item in items]
    none: tuple[int, ...] = ()
    deps: list[tuple[int, ...]] = []
    for i, item in enumerate(items):
        mine = none
        if item.depends_on and active[i]:
            mine = tuple({index[d]: None for d in item.depends_on if d in index and index[d] != i and active[index[d]]})
        deps.append(mine)
    best = _effective_priority(deps)
    topo = _topological_ranks(deps)
    keys = [(best[i], topo[i], i) for i in range(len(items))]
    months = _Months(result.capacity)
    owners: dict[str, _Months] = {}
    start: list[int | None] = [None] * len(items)

    def book(i: int, begin: int) -> None:
        item = items[i]
        duration = max(1, item.duration_months)
        months.book(begin, duration)
        if item.owner:
            owners.setdefault(item.owner, _Months(result.owner_capacity)).book(begin, duration)
        start[i] = begin
        item.start_month = begin

    for i, item in enumerate(items):  # pins and work already under way first
        if not active[i]:
            start[i] = item.start_month
        elif item.pinned_start is not None:
            book(i, item.pinned_start)
        elif item.status in FIXED_STATUSES:
            book(i, item.start_month)
    if all(rank < len(items) for rank in topo):
        # No loop: every key comes after its dependencies' keys, so key order is the placing order.
        for *_, i in sorted(keys):
            if start[i] is None:
                book(i, _earliest(items, i, deps[i], start, months, owners, result.owner_capacity))
    else:
        for i in _release_order(keys, deps):
            if start[i] is None:
                book(i, _earliest(items, i, deps[i], start, months, owners, result.owner_capacity))
    _set_phase_starts(model, result)


def _release_order(keys: list[tuple[int, int, int]], deps: list[tuple[int, ...]]) -> list[int]:
    """Return the placing order of a graph with a dependency loop (a hand-edited file's).

    Ready items go in key order; when nothing is ready, only a loop is left waiting, and its
    highest-priority item is released as if its dependencies inside the loop were met.
    """
    waiting = [len(d) for d in deps]
    followers: dict[int, list[int]] = {}
    for i, mine in enumerate(deps):
        for d in mine:
            followers.setdefault(d, []).append(i)
    ready = [keys[i] for i in range(len(keys)) if not waiting[i]]
    heapq.heapify(ready)
    pending = sorted(keys)
    released: set[int] = set()
    order: list[int] = []
    while len(released) < len(keys):
        if not ready:
            ready.append(next(k for k in pending if k[2] not in released))
        *_, i = heapq.heappop(ready)
        if i in released:
            continue
        released.add(i)
        order.append(i)
        for f in followers.get(i, ()):
            waiting[f] -= 1
            if waiting[f] == 0 and f not in released:
                heapq.heappush(ready, keys[f])
    return order


def _earliest(
    items: list[Initiative],
    i: int,
    deps: tuple[int, ...],
    start: list[int | None],
    months: _Months,
    owners: dict[str, _Months],
    owner_capacity: int,
) -> int:
    """Return the first month item ``i`` can start: after its dependencies, with room for it."""
    floor = 0
    for d in deps:
        dep_start = start[d]
        if dep_start is not None:
            floor = max(floor, dep_start + max(1, items[d].duration_months))
    duration = max(1, items[i].duration_months)
    owner = items[i].owner
    mine = owners.setdefault(owner, _Months(owner_capacity)) if owner else None
    begin = months.earliest(floor, duration)
    while mine is not None:
        other = mine.earliest(begin, duration)
        if other == begin:
            break
        begin = months.earliest(other, duration)
    return begin


def _set_phase_starts(model: CapabilityModel, result: Roadmap) -> None:
    first: dict[str, int] = {}
    for item in result.initiatives:
        if item.status not in UNSCHEDULED_STATUSES:
            first[item.phase] = min(first.get(item.phase, item.start_month), item.start_month)
    ranks = {level_id: i for i, level_id in enumerate(model.level_ids)}
    previous = 0
    for phase in sorted(result.phases, key=lambda p: ranks.get(p.id, len(ranks))):
        phase.start_month = first.get(phase.id, previous)
        previous = phase.start_month


def phase_spans(roadmap: Roadmap) -> dict[str, tuple[int, int]]:
    """Return phase id -> (start month, end month) from its initiatives.

    The start is the earliest initiative start, the end the latest ``end_month`` (the month after
    the last month of work); a phase without initiatives spans ``(start_month, start_month)``.
    """
    spans: dict[str, tuple[int, int]] = {}
    for phase in roadmap.phases:
        mine = [item for item in roadmap.initiatives if item.phase == phase.id]
        if mine:
            spans[phase.id] = (min(i.start_month for i in mine), max(i.end_month for i in mine))
        else:
            spans[phase.id] = (phase.start_month, phase.start_month)
    return spans
