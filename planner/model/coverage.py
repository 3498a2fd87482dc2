"""How much of an assessment is scored: the one count every view, export and command uses.

A capability is in exactly one of four states (:func:`state_of`):

- *not applicable*: it takes part in nothing and is not counted;
- *fully scored*: every lens has a score (0 is a score);
- *partly scored*: some lenses are scored, some are not (it has a score, flagged incomplete);
- *not scored*: no lens is scored (it has no score at all).

The dashboard tile, the navigator's domain rows, the command line's summary, the PDF and the
workbook all count with :func:`coverage_of`, so "19 of 20 fully scored" reads the same
everywhere. An assessment is a *draft* until every applicable capability is fully scored: a
partly scored capability's level may still move, so a deliverable built on it is provisional and
says so (decision: a single missing lens is enough, because the level it would add is unknown).
An assessment with no applicable capability is a draft too: it states nothing yet.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

__all__ = ["Coverage", "Scored", "State", "coverage_of", "state_of"]


class State(Enum):
    """Where a capability stands in the scoring."""

    NOT_APPLICABLE = "not applicable"
    FULL = "fully scored"
    PARTIAL = "partly scored"
    NONE = "not scored"


class Scored(Protocol):
    """What :func:`state_of` reads: a capability's score (``CapabilityScore``) or report row."""

    @property
    def applicable(self) -> bool:
        """Whether the capability takes part in scores."""

    @property
    def complete(self) -> bool:
        """Whether every lens is scored."""

    @property
    def score(self) -> float | None:
        """The score in percent, ``None`` when no lens is scored."""


def state_of(capability: Scored) -> State:
    """Return a capability's scoring state (see the module docstring)."""
    if not capability.applicable:
        return State.NOT_APPLICABLE
    if capability.complete:
        return State.FULL
    return State.NONE if capability.score is None else State.PARTIAL


@dataclass(frozen=True, slots=True)
class Coverage:
    """How many applicable capabilities are fully, partly and not scored."""

    full: int
    partial: int
    unscored: int

    @property
    def applicable(self) -> int:
        """How many capabilities are applicable."""
        return self.full + self.partial + self.unscored

    @property
    def draft(self) -> bool:
        """Whether some applicable capability is not fully scored (or none is applicable)."""
        return self.full < self.applicable or not self.applicable

    @property
    def fraction(self) -> str:
        """Return "19 of 20": fully scored of applicable."""
        return f"{self.full} of {self.applicable}"

    @property
    def brief(self) -> str:
        """Return "4 of 5 (1 partly)": for a table cell under "Capabilities fully scored"."""
        rest = [f"{n} {what}" for n, what in ((self.partial, "partly"), (self.unscored, "not scored")) if n]
        return self.fraction + (f" ({', '.join(rest)})" if rest else "")

    @property
    def text(self) -> str:
        """Return "6 of 21 capabilities fully scored (2 partly scored, 13 not scored)"."""
        rest = [f"{n} {what}" for n, what in ((self.partial, "partly scored"), (self.unscored, "not scored")) if n]
        detail = f" ({', '.join(rest)})" if rest else ""
        noun = "capability" if self.applicable == 1 else "capabilities"
        return f"{self.fraction} {noun} fully scored{detail}"

    @property
    def draft_line(self) -> str:
        """Return what a draft deliverable says on every page: "DRAFT: 6 of 21 capabilities fully scored ..."."""
        return f"DRAFT: {self.text}; scores, levels and the roadmap may still change"


def coverage_of(capabilities: Iterable[Scored]) -> Coverage:
    """Count the applicable capabilities of ``capabilities`` by state (not applicable ones are left out)."""
    counts = dict.fromkeys(State, 0)
    for capability in capabilities:
        counts[state_of(capability)] += 1
    return Coverage(counts[State.FULL], counts[State.PARTIAL], counts[State.NONE])
