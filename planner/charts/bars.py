"""Domain score bars: one horizontal bar per domain, coloured by its level, with the level bands.

Bars show the domain score in percent; the band thresholds are dashed vertical lines named at
the top, and the overall score, when given, is a solid line. A domain without a score shows an
empty bar labelled "not scored".
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.charts.palette import ACCENT, GRID, MUTED
from planner.charts.radar import Band
from planner.charts.style import finish, new_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["BarRow", "domain_bars_figure"]


@dataclass(frozen=True, slots=True)
class BarRow:
    """One bar: its label, score (percent or ``None``), level name and colour."""

    label: str
    score: float | None
    level_name: str
    colour: str


def domain_bars_figure(
    rows: Sequence[BarRow],
    *,
    bands: Sequence[Band] = (),
    overall: float | None = None,
    title: str = "",
    size: tuple[float, float] | None = None,
) -> Figure:
    """Return a horizontal bar chart of domain scores (first row at the top)."""
    height = 0.62 * max(len(rows), 1) + 1.3
    fig = new_figure(*(size or (7.5, height)))
    ax = fig.add_subplot()
    positions = list(range(len(rows)))[::-1]
    for pos, row in zip(positions, rows, strict=True):
        score = row.score or 0.0
        ax.barh(pos, score, height=0.58, color=row.colour, zorder=2)
        text = "not scored" if row.score is None else f"{row.score:.1f}%  {row.level_name}"
        inside = score >= 30
        ax.text(
            score - 1.2 if inside else score + 1.2,
            pos,
            text,
            va="center",
            ha="right" if inside else "left",
            fontsize=8.5,
            color="white" if inside else ACCENT,
            fontweight="bold",
            zorder=3,
        )
    ax.set_yticks(positions)
    ax.set_yticklabels([textwrap.fill(r.label, 26) for r in rows], fontsize=8.5)
    ax.set_xlim(0, 100)
    ax.set_ylim(-0.85 if overall is not None else -0.6, len(rows) - 0.4)
    ax.set_xlabel("Score (%)", fontsize=8, color=MUTED)
    ax.tick_params(axis="x", labelsize=7.5, colors=MUTED)
    ax.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(GRID)
    for band in bands:
        if band.min_score <= 0:
            continue
        ax.axvline(band.min_score, color=MUTED, linestyle=(0, (3, 3)), linewidth=0.8, zorder=1)
        ax.text(band.min_score, len(rows) - 0.45, band.name, ha="center", va="bottom", fontsize=7.5, color=MUTED)
    if overall is not None:
        ax.axvline(overall, color=ACCENT, linewidth=1.4, zorder=4)
        ax.text(overall + 1, -0.62, f"Overall {overall:.1f}%", ha="left", va="center", fontsize=7.5, color=ACCENT)
    if title:
        ax.set_title(title, fontsize=11, fontweight="bold", loc="left", pad=16)
    fig.subplots_adjust(left=0.27, right=0.97, top=0.86 if title else 0.9, bottom=0.16)
    return finish(fig)
