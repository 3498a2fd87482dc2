"""Radar chart: each capability's current score against its target, optionally each phase's projection.

The radial axis is the score in percent (0-100) with the level bands drawn as labelled rings
(Crawl 25, Walk 50, Run 75 in the FinOps model). A target or a projected level is drawn at the
lower edge of its band (the score needed to reach it), so "current inside target" reads as a gap.

A missing value (``None``: a capability not scored yet, or without a target) is never drawn as 0,
which would read as "assessed and found absent": the line breaks at that spoke, a filled series
is filled only over its scored runs, the spoke's name is drawn in grey italics, and the legend
says how many capabilities are not scored. Axis labels are aligned away from the circle (left on
the right half, right on the left half), so neighbouring long names near the top and bottom do not
run into each other; the note on unscored capabilities sits under the legend.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from planner.charts.palette import GRID, MUTED
from planner.charts.style import finish, new_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.projections.polar import PolarAxes

__all__ = ["Band", "RadarSeries", "radar_figure", "scored_runs"]


@dataclass(frozen=True, slots=True)
class RadarSeries:
    """One closed line on the radar: a value per axis (percent; ``None``: no point, the line breaks)."""

    label: str
    values: Sequence[float | None]
    colour: str
    dashed: bool = False
    filled: bool = False
    width: float = 1.8


@dataclass(frozen=True, slots=True)
class Band:
    """A level band: its name and the score where it starts."""

    name: str
    min_score: float
    colour: str


def radar_figure(
    labels: Sequence[str],
    series: Sequence[RadarSeries],
    *,
    bands: Sequence[Band] = (),
    title: str = "",
    size: tuple[float, float] = (7.5, 7.0),
    label_width: int = 18,
    unscored: Sequence[bool] = (),
) -> Figure:
    """Return a radar chart with one axis per label.

    Args:
        labels: axis labels (capability names), clockwise from the top.
        series: the lines to draw, in drawing order (the legend follows it).
        bands: level bands drawn as rings, lowest first.
        title: an optional title above the chart.
        size: the figure size in inches.
        label_width: characters per line before an axis label wraps.
        unscored: per label, whether that capability is not scored yet (grey name, counted in the legend).
    """
    fig = new_figure(*size)
    ax = cast("PolarAxes", fig.add_subplot(projection="polar"))
    count = max(len(labels), 1)
    angles = [2 * math.pi * i / count for i in range(count)]
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_ylim(0, 100)
    ax.set_yticks([b.min_score for b in bands if b.min_score > 0])
    ax.set_yticklabels([b.name for b in bands if b.min_score > 0], fontsize=7, color=MUTED)
    ax.set_rlabel_position(180 / count)
    ax.grid(color=GRID, linewidth=0.8)
    ax.spines["polar"].set_color(GRID)
    ax.set_xticks(angles)
    ax.set_xticklabels([textwrap.fill(label, label_width) for label in labels], fontsize=7)
    ax.tick_params(axis="x", pad=6)
    missing = [bool(flag) for flag in unscored][: len(labels)]
    for index, (text, angle) in enumerate(zip(ax.get_xticklabels(), angles, strict=False)):
        side = math.sin(angle)  # clockwise from the top: > 0 on the right half
        text.set_horizontalalignment("left" if side > 0.1 else "right" if side < -0.1 else "center")
        if index < len(missing) and missing[index]:
            text.set_color(MUTED)
            text.set_fontstyle("italic")
    uppers = [b.min_score for b in bands[1:]] + ([100.0] if bands else [])
    for band, upper in zip(bands, uppers, strict=True):
        ax.fill_between(
            [*angles, 2 * math.pi + angles[0]] if labels else [0, 2 * math.pi],
            band.min_score,
            upper,
            color=band.colour,
            alpha=0.07,
            linewidth=0,
            zorder=0,
        )
    for item in series:
        values = [math.nan if v is None else float(v) for v in item.values]
        if not values:
            continue
        closed_angles = [*angles, angles[0]]
        closed_values = [*values, values[0]]
        ax.plot(
            closed_angles,
            closed_values,
            color=item.colour,
            linewidth=item.width,
            linestyle=(0, (4, 2.5)) if item.dashed else "solid",
            label=item.label,
            marker="o" if not item.dashed else None,
            markersize=3,
        )
        if item.filled:
            for run in scored_runs(values):
                if len(run) > 1:
                    fan = [angles[i] for i in run]
                    ax.fill(
                        [fan[0], *fan, fan[-1]], [0.0, *(values[i] for i in run), 0.0], color=item.colour, alpha=0.12
                    )
    if series:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=min(len(series), 5), frameon=False, fontsize=8)
    count = sum(missing)
    if count:
        noun = "capability" if count == 1 else "capabilities"
        note = f"Not scored: {count} {noun} (names in grey italics; no point drawn, the lines break there)"
        fig.text(0.5, 0.05, note, ha="center", va="bottom", fontsize=7.5, color=MUTED, fontstyle="italic")
    if title:
        ax.set_title(title, fontsize=11, fontweight="bold", pad=24)
    fig.subplots_adjust(left=0.16, right=0.84, top=0.88 if title else 0.91, bottom=0.13 if count else 0.1)
    return finish(fig)


def scored_runs(values: Sequence[float]) -> list[list[int]]:
    """Return the runs of neighbouring spokes that have a value, going round (NaN marks a missing one).

    ``[1, nan, 3, 4]`` gives ``[[2, 3, 0]]``: the run wraps past the last spoke to the first. With no
    value missing the one run is every spoke, closed back to the first.
    """
    count = len(values)
    present = [not math.isnan(v) for v in values]
    if all(present):
        return [[*range(count), 0]] if count else []
    start = present.index(False)  # begin after a gap so no run is cut at the end of the list
    runs: list[list[int]] = []
    for step in range(1, count + 1):
        index = (start + step) % count
        if present[index]:
            if not present[(index - 1) % count]:  # the first spoke after a gap starts a run
                runs.append([])
            runs[-1].append(index)
    return runs
