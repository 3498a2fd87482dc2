"""Gantt chart of the roadmap: one bar per initiative, grouped by phase on tinted bands.

Months are shown counted from 1 (the roadmap's month 0 is "month 1"). Each phase's rows sit on a
band tinted with the phase colour, named at the left with its month span; bars take the phase
colour, a locked initiative is outlined in the ink colour, and a finished one is drawn lighter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.charts.palette import ACCENT, GRID, MUTED, level_colour, level_tint
from planner.charts.style import finish, new_figure, shorten

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["GanttBar", "GanttPhase", "gantt_figure"]


@dataclass(frozen=True, slots=True)
class GanttBar:
    """One initiative: label, start month (0-based), end month (exclusive), phase, flags."""

    label: str
    start: int
    end: int
    phase: str
    locked: bool = False
    done: bool = False


@dataclass(frozen=True, slots=True)
class GanttPhase:
    """A phase: id, name and its span in months (start 0-based, end exclusive)."""

    id: str
    name: str
    start: int
    end: int


def gantt_figure(
    bars: Sequence[GanttBar],
    phases: Sequence[GanttPhase],
    *,
    title: str = "",
    months: int | None = None,
    width: float = 7.5,
    label_chars: int = 46,
    row_height: float = 0.22,
) -> Figure:
    """Return the Gantt chart; bars are drawn phase by phase in the given order.

    ``months`` fixes the length of the month axis (so the parts of a split chart line up);
    by default it is the last month any bar or phase reaches.
    """
    from matplotlib.patches import Rectangle

    months = max([b.end for b in bars] + [p.end for p in phases] + [months or 1])
    header_rows = 1.2
    rows = len(bars) + len(phases) * 1.0
    fig = new_figure(width, row_height * (rows + header_rows) + 0.9)
    ax = fig.add_subplot()
    y = 0.0
    for phase in phases:
        members = [b for b in bars if b.phase == phase.id]
        colour = level_colour(phase.id)
        band_height = len(members) + 1.0
        ax.add_patch(
            Rectangle((0, y), months, band_height, facecolor=level_tint(phase.id, 0.13), edgecolor="none", zorder=0)
        )
        span = "no initiatives" if not members else f"months {phase.start + 1}\u2013{phase.end}"
        ax.text(
            0.15, y + 0.55, f"{phase.name}  \u00b7  {span}", fontsize=7.5, fontweight="bold", color=ACCENT, va="center"
        )
        if members:
            ax.plot([phase.start, phase.end], [y + 0.95, y + 0.95], color=colour, linewidth=2.2, solid_capstyle="butt")
        y += 1.0
        for bar in members:
            ax.add_patch(
                Rectangle(
                    (bar.start + 0.06, y + 0.18),
                    max(bar.end - bar.start - 0.12, 0.2),
                    0.64,
                    facecolor=level_tint(phase.id, 0.55) if bar.done else colour,
                    edgecolor=ACCENT if bar.locked else "none",
                    linewidth=1.1,
                    zorder=2,
                )
            )
            ax.text(-0.3, y + 0.5, shorten(bar.label, label_chars), fontsize=6.8, ha="right", va="center")
            y += 1.0
    bottom = max(y, 1.0)
    # Month rules as one collection and month numbers as plain texts: far fewer artists than
    # one line and one tick per month.
    ax.vlines(range(months + 1), 0, bottom, colors=GRID, linewidth=0.5, zorder=1)
    step = 1 if months <= 24 else 2 if months <= 48 else 6
    for month in range(0, months, step):
        ax.text(month + 0.5, -0.15, str(month + 1), ha="center", va="bottom", fontsize=7, color=MUTED)
    ax.text(months / 2, -1.15, "Month", ha="center", va="bottom", fontsize=7.5, color=MUTED)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlim(0, months)
    ax.set_ylim(bottom, 0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if title:
        ax.set_title(title, fontsize=11, fontweight="bold", loc="left", pad=22)
    height = fig.get_figheight()
    fig.subplots_adjust(left=0.42, right=0.98, top=1 - (0.75 if title else 0.45) / height, bottom=0.12 / height)
    return finish(fig)
