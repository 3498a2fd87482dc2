"""How far the plan has got: initiative statuses rolled up per capability, phase (maturity) and horizon.

"Allocation: 3 of 4 Walk items done" is the sentence a client reads. Decisions: a dropped item is
no longer work, so it counts in no total ("3 of 4" leaves it out, and it is listed apart); a
deferred item is still intended work and stays in the total, not done. A horizon counts the items
that start in it (deferred and dropped items are in no horizon: :data:`OFF_PLAN`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from planner.model.project import INITIATIVE_STATUSES, Initiative, Roadmap
from planner.model.roadmap.horizons import horizon_of
from planner.model.roadmap.schedule import UNSCHEDULED_STATUSES

__all__ = ["OFF_PLAN", "Tally", "by_capability", "by_capability_phase", "by_horizon", "by_phase", "tally"]

#: The group of deferred and dropped items in :func:`by_horizon`.
OFF_PLAN = "off-plan"


@dataclass(frozen=True, slots=True)
class Tally:
    """How many initiatives of a group have each status."""

    planned: int = 0
    in_progress: int = 0
    done: int = 0
    deferred: int = 0
    dropped: int = 0

    @property
    def total(self) -> int:
        """The work of the group: every item but the dropped ones."""
        return self.planned + self.in_progress + self.done + self.deferred

    @property
    def share_done(self) -> float | None:
        """Done as a share of the total (``None`` when the group holds no work)."""
        return self.done / self.total if self.total else None

    def count(self, status: str) -> int:
        """How many items have ``status``."""
        return int(getattr(self, status))

    def sentence(self, what: str, kind: str = "") -> str:
        """``"Allocation: 3 of 4 Walk items done"`` (``kind``: a maturity name, or empty)."""
        noun = f"{kind} item" if kind else "item"
        text = f"{what}: {self.done} of {self.total} {noun}{'s' if self.total != 1 else ''} done"
        more = [f"{n} {label}" for n, label in ((self.in_progress, "in progress"), (self.deferred, "deferred")) if n]
        if self.dropped:
            more.append(f"{self.dropped} dropped")
        return text + (f" ({', '.join(more)})" if more else "")


def tally(items: Iterable[Initiative]) -> Tally:
    """Count the statuses of ``items`` (an unknown status counts as planned)."""
    counts = dict.fromkeys(INITIATIVE_STATUSES, 0)
    for item in items:
        counts[item.status if item.status in counts else "planned"] += 1
    return Tally(**counts)


def by_capability(roadmap: Roadmap) -> dict[str, Tally]:
    """Capability id -> its tally, in the order capabilities first appear in the plan."""
    out: dict[str, list[Initiative]] = {}
    for item in roadmap.initiatives:
        out.setdefault(item.capability, []).append(item)
    return {cap: tally(items) for cap, items in out.items()}


def by_capability_phase(roadmap: Roadmap) -> dict[tuple[str, str], Tally]:
    """(capability id, maturity phase id) -> its tally."""
    out: dict[tuple[str, str], list[Initiative]] = {}
    for item in roadmap.initiatives:
        out.setdefault((item.capability, item.phase), []).append(item)
    return {key: tally(items) for key, items in out.items()}


def by_phase(roadmap: Roadmap) -> dict[str, Tally]:
    """Phase id -> its tally, every phase of the roadmap present, in phase order."""
    out: dict[str, list[Initiative]] = {phase.id: [] for phase in roadmap.phases}
    for item in roadmap.initiatives:
        out.setdefault(item.phase, []).append(item)
    return {key: tally(items) for key, items in out.items()}


def by_horizon(roadmap: Roadmap) -> dict[str, Tally]:
    """Horizon id -> the tally of the items starting in it; :data:`OFF_PLAN` for deferred and dropped."""
    out: dict[str, list[Initiative]] = {h.id: [] for h in roadmap.horizons}
    for item in roadmap.initiatives:
        key = OFF_PLAN if item.status in UNSCHEDULED_STATUSES else horizon_of(roadmap.horizons, item.start_month)
        out.setdefault(key, []).append(item)
    return {key: tally(items) for key, items in out.items()}
