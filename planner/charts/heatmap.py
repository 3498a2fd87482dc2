"""Capability x lens heatmap: every lens score (0-4) of every capability, grouped by domain.

Cells are shaded from pale (0) to deep blue (4) and carry the number; an unscored lens is a white
cell with a dash; a not-applicable capability is a grey row reading "n/a". The score in percent
and the current level sit in a column at the right. Domain names separate the groups.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.charts.palette import ACCENT, GRID, MUTED, NOT_APPLICABLE, UNSCORED
from planner.charts.style import finish, new_figure, shorten

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["HEAT_COLOURS", "HeatRow", "lens_heatmap_figure"]

#: Fill for lens scores 0..4.
HEAT_COLOURS: tuple[str, ...] = ("#EEF2F7", "#C9D8EA", "#93B4D6", "#5A8CC0", "#2A5F99")


@dataclass(frozen=True, slots=True)
class HeatRow:
    """One capability row: label, lens scores, applicability, and the text for the score column."""

    label: str
    scores: Sequence[int | None]
    applicable: bool = True
    summary: str = ""
    group: str = ""


def lens_heatmap_figure(
    rows: Sequence[HeatRow],
    lens_names: Sequence[str],
    *,
    title: str = "",
    summary_header: str = "Score",
    width: float = 7.5,
) -> Figure:
    """Return the heatmap, one row per capability, rows in the given order."""
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Rectangle

    groups = [r.group for r in rows]
    starts = [i for i, g in enumerate(groups) if g and (i == 0 or groups[i - 1] != g)]
    total_rows = len(rows) + len(starts)
    fig = new_figure(width, 0.24 * total_rows + 1.1)
    ax = fig.add_subplot()
    columns = len(lens_names)
    y = 0.0
    label_x = -0.15
    left = -4.6
    cells: list[Rectangle] = []
    fills: list[str] = []
    for index, row in enumerate(rows):
        if index in starts:
            ax.text(left + 0.05, y + 0.55, row.group, fontsize=8, fontweight="bold", color=ACCENT, va="center")
            y += 1
        ax.text(label_x, y + 0.5, shorten(row.label, 36), fontsize=7.5, ha="right", va="center")
        for col in range(columns):
            score = row.scores[col] if col < len(row.scores) else None
            if not row.applicable:
                fill, text, colour = NOT_APPLICABLE, "", MUTED
            elif score is None:
                fill, text, colour = UNSCORED, "\u2013", MUTED
            else:
                fill, text = HEAT_COLOURS[max(0, min(score, 4))], str(score)
                colour = "white" if score >= 3 else ACCENT
            cells.append(Rectangle((col, y), 1, 1))
            fills.append(fill)
            if text:
                ax.text(col + 0.5, y + 0.5, text, ha="center", va="center", fontsize=7.5, color=colour)
        if not row.applicable:
            ax.text(columns / 2, y + 0.5, "not applicable", ha="center", va="center", fontsize=7, color=MUTED)
        ax.text(columns + 0.2, y + 0.5, row.summary, fontsize=7.5, va="center", color=ACCENT)
        y += 1
    # One collection for every cell: far cheaper to build and draw than a patch per cell.
    ax.add_collection(PatchCollection(cells, facecolors=fills, edgecolors="white", linewidths=1.5, zorder=1))
    for col, name in enumerate(lens_names):
        ax.text(col + 0.5, -0.25, name, ha="center", va="bottom", fontsize=6.8, fontweight="bold", color=ACCENT)
    ax.text(columns + 0.2, -0.25, summary_header, ha="left", va="bottom", fontsize=6.8, fontweight="bold", color=ACCENT)
    ax.plot([0, columns], [0, 0], color=GRID, linewidth=0.8)
    ax.set_xlim(left, columns + 1.7)
    ax.set_ylim(y + 0.1, -1.0)
    ax.set_axis_off()
    if title:
        ax.set_title(title, fontsize=11, fontweight="bold", loc="left")
    fig.subplots_adjust(left=0.02, right=0.98, top=1 - 0.45 / fig.get_figheight(), bottom=0.02)
    return finish(fig)
