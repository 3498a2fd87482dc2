"""Lay a roadmap out in months with a list scheduler.

Rules: at most ``capacity`` initiatives run in any month; nothing starts before every initiative
it depends on has ended; an initiative of a later phase never starts before the previous phase's
start; priority decides who goes first. Priority is phase order (Crawl, Walk, Run), then the
order of the list within a phase (generation sorts it by importance x gap; the consultant can
reorder it).

The scheduler takes initiatives in that priority order, restricted so that an initiative comes
after everything it depends on, and gives each the earliest start that satisfies the rules for
its whole duration (a serial schedule: a lower-priority item may fill a gap earlier in the plan
that nothing of higher priority could use). A phase starts with its earliest initiative and
ends when its last one ends; a phase without initiatives starts with the one before it.

Decisions: locking protects an initiative's content from regeneration but does not pin its
dates, so the plan stays feasible when dependencies move; every status takes capacity (a dropped
item is best deleted). Should a hand-edited file hold a dependency loop, the loop is broken at
its highest-priority item for scheduling and the warnings report it. If a manual edit makes an
item depend on one in a later phase, dependencies win over phase order (and a warning says so).
"""

from __future__ import annotations

import heapq

from planner.model.capmodel import CapabilityModel
from planner.model.project import Roadmap
from planner.model.roadmap.copying import copy_roadmap

__all__ = ["phase_spans", "schedule", "schedule_in_place"]


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
    result = copy_roadmap(roadmap)
    schedule_in_place(model, result)
    return result


def schedule_in_place(model: CapabilityModel, result: Roadmap) -> None:
    """Set the start months of a roadmap the caller owns (the engine's own fresh roadmaps)."""
    items = result.initiatives
    ranks = {level_id: i for i, level_id in enumerate(model.level_ids)}
    phase_rank = {p.id: ranks.get(p.id, len(ranks) + i) for i, p in enumerate(result.phases)}
    unknown = len(ranks) + len(result.phases)
    keys = [(phase_rank.get(item.phase, unknown), i) for i, item in enumerate(items)]
    index = {item.id: i for i, item in enumerate(items)}
    none: tuple[int, ...] = ()
    deps: list[tuple[int, ...]] = []
    waiting = [0] * len(items)
    followers: dict[int, list[int]] = {}
    for i, item in enumerate(items):
        mine = (
            tuple({index[d]: None for d in item.depends_on if d in index and index[d] != i})
            if item.depends_on
            else none
        )
        deps.append(mine)
        waiting[i] = len(mine)
        for d in mine:
            followers.setdefault(d, []).append(i)
    ready = [keys[i] for i in range(len(items)) if not waiting[i]]
    heapq.heapify(ready)
    months = _Months(result.capacity)
    start: list[int | None] = [None] * len(items)
    phase_start: dict[int, int] = {}
    pending = sorted(keys)  # priority order, to break a dependency loop
    placed = 0
    while placed < len(items):
        if not ready:  # only a dependency loop gets here: release its highest-priority item
            ready.append(next(k for k in pending if start[k[1]] is None))
        rank, i = heapq.heappop(ready)
        if start[i] is not None:
            continue
        item = items[i]
        floor = max((s for r, s in phase_start.items() if r < rank), default=0)
        for d in deps[i]:
            dep_start = start[d]
            if dep_start is not None:
                floor = max(floor, dep_start + max(1, items[d].duration_months))
        duration = max(1, item.duration_months)
        begin = months.earliest(floor, duration)
        months.book(begin, duration)
        start[i] = begin
        item.start_month = begin
        phase_start[rank] = min(phase_start.get(rank, begin), begin)
        placed += 1
        for f in followers.get(i, none):
            waiting[f] -= 1
            if waiting[f] == 0 and start[f] is None:
                heapq.heappush(ready, keys[f])
    previous = 0
    for phase in sorted(result.phases, key=lambda p: phase_rank[p.id]):
        phase.start_month = phase_start.get(phase_rank[phase.id], previous)
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
