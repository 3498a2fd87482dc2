"""How the product writes scores, levels and months for a reader: one rule, used by every presenter.

The dashboard, the navigator, the capability page, the command line and every export call these
functions, so a capability reads the same wherever it appears.

Rules:

- **Score percent**: at most one decimal, rounded *down* to the tenth, a trailing ``.0`` dropped,
  and the percent sign right after the number: 62.5 reads ``"62.5%"``, 50.0 reads ``"50%"``,
  68.75 reads ``"68.7%"`` and 99.95 reads ``"99.9%"``. Rounding down means a shown score never
  reaches a level threshold or 100% that the score itself has not reached (49.96 would otherwise
  read "50.0%" next to a level that starts at 50%). A float a hair below a tenth because of binary
  arithmetic (57.99999999999999) still reads as that tenth (``"58%"``). No score reads
  :data:`NO_SCORE` (an en dash).
- **Level**: the level's display name; no level reads ``"Not scored"`` (:data:`NOT_SCORED`).
- **Months**: counted from 1 for a reader, while the project file counts from 0 with an
  exclusive end. Work from ``start`` 0 to ``end`` 2 reads ``"months 1\u20132"``; one month (or
  none) reads ``"month 1"``. :func:`month_range` gives the bare numbers for a table column.

The command line's ``--json`` outputs never use these: they keep scores as unrounded numbers.
"""

from __future__ import annotations

import math

__all__ = [
    "NOT_SCORED",
    "NO_SCORE",
    "level_text",
    "month_range",
    "month_span",
    "percent",
    "score_and_level",
    "status_text",
]

#: How a missing score reads.
NO_SCORE = "\u2013"
#: How a missing level reads.
NOT_SCORED = "Not scored"
#: Float noise tolerated below a tenth before rounding down (far below any real score step).
_NOISE = 1e-6


def percent(score: float | None) -> str:
    """Return a score in percent as every presenter shows it: ``62.5`` -> ``"62.5%"``, ``50`` -> ``"50%"``.

    Args:
        score: a percentage from 0 to 100, or ``None`` when there is none.

    Returns:
        The score rounded down to a tenth with a trailing ``.0`` dropped, or :data:`NO_SCORE`.
    """
    if score is None:
        return NO_SCORE
    tenths = math.floor(score * 10 + _NOISE)
    whole, tenth = divmod(abs(tenths), 10)
    sign = "-" if tenths < 0 else ""
    return f"{sign}{whole}%" if tenth == 0 else f"{sign}{whole}.{tenth}%"


def level_text(name: str | None) -> str:
    """Return a level's display name, or :data:`NOT_SCORED` when there is none."""
    return name or NOT_SCORED


def score_and_level(score: float | None, level_name: str | None) -> str:
    """Return ``"Walk · 62.5%"``, or :data:`NOT_SCORED` without a score (badges and headline tiles)."""
    if score is None:
        return NOT_SCORED
    return f"{level_text(level_name)} \u00b7 {percent(score)}"


def status_text(status: str) -> str:
    """An initiative's status as a person reads it: ``in_progress`` -> ``In progress``."""
    return status.replace("_", " ").capitalize()


def month_range(start: int, end: int) -> str:
    """Return the months of work ``[start, end)`` counted from 1: ``"3"`` or ``"3\u20135"``.

    Args:
        start: the first month, counted from 0.
        end: the month after the last one (an empty or one-month span reads as one month).
    """
    first, last = start + 1, max(start + 1, end)
    return str(first) if first == last else f"{first}\u2013{last}"


def month_span(start: int, end: int) -> str:
    """Return ``"month 3"`` or ``"months 3\u20135"`` for the months of work ``[start, end)`` (from 0)."""
    text = month_range(start, end)
    return f"months {text}" if "\u2013" in text else f"month {text}"
