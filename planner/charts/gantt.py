"""Gantt chart of the roadmap: one bar per initiative, in bands (time horizons, or phases).

Each band (a horizon such as Now, or a phase) has a heading row, named at the left with its span,
and its rows on a light tint; its own window of months is tinted a little stronger and ruled under
the heading, so a reader sees which bars start in it. Bars take the colour of their phase (the
maturity level they work towards), with a legend of those colours under the chart; a locked
initiative is outlined in the ink colour and a finished one is drawn lighter. Dashed rules mark
the boundaries between horizons across every band.

The month axis is calendar months when ``ticks`` are given (month names, with the year above
its first month and every January); without them months are numbered from 1 (the roadmap's
month 0 is "month 1") under the title "Month".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.charts.palette import ACCENT, GRID, MUTED, level_colour, level_tint, tint
from planner.charts.style import finish, new_figure, shorten

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["GanttBar", "GanttPhase", "gantt_figure", "gantt_height", "gantt_rows_within"]

#: Rows' worth of space above the first band (month labels and years), inches below and above
#: the chart, and the legend's row.
_HEADER_ROWS, _MARGINS, _LEGEND = 1.2, 0.9, 0.3


def gantt_height(rows: int, *, row_height: float, legend: bool) -> float:
    """Return the height in inches of a chart of ``rows`` rows (bars plus band headings)."""
    return row_height * (rows + _HEADER_ROWS) + _MARGINS + (_LEGEND if legend else 0.0)


def gantt_rows_within(height: float, *, row_height: float, legend: bool) -> int:
    """Return how many rows (bars plus band headings) a chart at most ``height`` inches high holds."""
    room = height - _MARGINS - (_LEGEND if legend else 0.0)
    return max(0, int(room / row_height - _HEADER_ROWS))


@dataclass(frozen=True, slots=True)
class GanttBar:
    """One initiative: label, start month (0-based), end month (exclusive), phase, flags.

    ``band`` is the id of the band it is drawn in; empty: its phase's band.
    """

    label: str
    start: int
    end: int
    phase: str
    locked: bool = False
    done: bool = False
    band: str = ""


@dataclass(frozen=True, slots=True)
class GanttPhase:
    """A band (a phase or a horizon): id, name and its span in months (start 0-based, end exclusive).

    ``label`` follows the name in the band's heading (default: "months 3-5"); ``colour`` tints the
    band (default: the colour of the level ``id`` names).
    """

    id: str
    name: str
    start: int
    end: int
    label: str = ""
    colour: str = ""


def _heading(band: GanttPhase, members: int) -> str:
    if band.label:
        return f"{band.name}  \u00b7  {band.label}"
    span = "no initiatives" if not members else f"months {band.start + 1}\u2013{band.end}"
    return f"{band.name}  \u00b7  {span}"


def _month_axis(
    ax: Axes, months: int, ticks: Sequence[tuple[int, str]] | None, years: Sequence[tuple[int, str]]
) -> None:
    """Write the month labels over the chart (numbers from 1 without ``ticks``) and the years above."""
    if ticks is None:
        step = 1 if months <= 24 else 2 if months <= 48 else 6
        for month in range(0, months, step):
            ax.text(month + 0.5, -0.15, str(month + 1), ha="center", va="bottom", fontsize=7, color=MUTED)
        ax.text(months / 2, -1.15, "Month", ha="center", va="bottom", fontsize=7.5, color=MUTED)
        return
    for month, text in ticks:
        if 0 <= month < months:
            ax.text(month + 0.5, -0.15, text, ha="center", va="bottom", fontsize=6.3, color=MUTED)
    for month, year in years:
        if 0 <= month < months:
            ax.text(month + 0.05, -1.15, year, ha="left", va="bottom", fontsize=7.2, color=ACCENT, fontweight="bold")


def gantt_figure(
    bars: Sequence[GanttBar],
    phases: Sequence[GanttPhase],
    *,
    title: str = "",
    months: int | None = None,
    width: float = 7.5,
    label_chars: int = 46,
    row_height: float = 0.22,
    ticks: Sequence[tuple[int, str]] | None = None,
    years: Sequence[tuple[int, str]] = (),
    boundaries: Sequence[int] = (),
    legend: Sequence[tuple[str, str]] = (),
) -> Figure:
    """Return the Gantt chart; bars are drawn band by band in the given order.

    Args:
        bars: the initiatives.
        phases: the bands (phases or horizons), in order.
        title: a title above the chart.
        months: the length of the month axis (so the parts of a split chart line up); by
            default the last month any bar or band reaches.
        width: the figure's width in inches.
        label_chars: the most characters of a bar's label (longer ones end in an ellipsis).
        row_height: the height of a row in inches.
        ticks: (month, label) of the months to name ("Jan"); ``None``: number every month.
        years: (month, year) written above the month labels.
        boundaries: months where a new horizon begins, ruled across the chart.
        legend: (phase id, name) of the bar colours, drawn under the chart.
    """
    from matplotlib.patches import Rectangle

    months = max([b.end for b in bars] + [p.end for p in phases] + [months or 1])
    rows = len(bars) + len(phases)
    legend_space = _LEGEND if legend else 0.0
    fig = new_figure(width, gantt_height(rows, row_height=row_height, legend=bool(legend)))
    ax = fig.add_subplot()
    y = 0.0
    for band in phases:
        members = [b for b in bars if (b.band or b.phase) == band.id]
        colour = band.colour or level_colour(band.id)
        band_height = len(members) + 1.0
        ax.add_patch(Rectangle((0, y), months, band_height, facecolor=tint(colour, 0.09), edgecolor="none", zorder=0))
        if members and band.end > band.start:
            window = Rectangle(
                (band.start, y), band.end - band.start, band_height, facecolor=tint(colour, 0.2), edgecolor="none"
            )
            window.set_zorder(0.5)
            ax.add_patch(window)
            ax.plot([band.start, band.end], [y + 0.95, y + 0.95], color=colour, linewidth=2.2, solid_capstyle="butt")
        ax.text(
            0.15,
            y + 0.5,
            _heading(band, len(members)),
            fontsize=7.5,
            fontweight="bold",
            color=ACCENT,
            va="center",
            zorder=4,  # over the horizon rules, on a patch of the band's tint
            bbox={"facecolor": tint(colour, 0.09), "edgecolor": "none", "pad": 1.0},
        )
        y += 1.0
        for bar in members:
            bar_colour = level_colour(bar.phase)
            ax.add_patch(
                Rectangle(
                    (bar.start + 0.06, y + 0.18),
                    max(bar.end - bar.start - 0.12, 0.2),
                    0.64,
                    facecolor=level_tint(bar.phase, 0.45) if bar.done else bar_colour,
                    edgecolor=ACCENT if bar.locked else "none",
                    linewidth=1.1,
                    zorder=2,
                )
            )
            ax.text(-0.3, y + 0.5, shorten(bar.label, label_chars), fontsize=6.8, ha="right", va="center")
            y += 1.0
    bottom = max(y, 1.0)
    # Month rules as one collection and month labels as plain texts: far fewer artists than
    # one line and one tick per month.
    ax.vlines(range(months + 1), 0, bottom, colors=GRID, linewidth=0.5, zorder=1)
    for month in boundaries:
        if 0 < month < months:
            ax.vlines([month], -1.2, bottom, colors=ACCENT, linewidth=0.9, linestyles=(0, (3, 2)), zorder=3)
    _month_axis(ax, months, ticks, years)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlim(0, months)
    ax.set_ylim(bottom, 0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if title:
        ax.set_title(title, fontsize=11, fontweight="bold", loc="left", pad=22)
    height = fig.get_figheight()
    fig.subplots_adjust(
        left=0.42, right=0.98, top=1 - (0.75 if title else 0.45) / height, bottom=(0.12 + legend_space) / height
    )
    if legend:
        _legend(fig, legend, 0.42)
    return finish(fig)


def _legend(fig: Figure, legend: Sequence[tuple[str, str]], left: float) -> None:
    """Write "Maturity: [] Crawl [] Walk [] Run" under the chart, from ``left`` (a figure fraction)."""
    from matplotlib.patches import Rectangle

    width, height = fig.get_size_inches()
    y = 0.2 / height  # the middle of the legend row, 0.2 inch above the figure's foot
    fig.text(left, y, "Maturity:", ha="left", va="center", fontsize=7, color=MUTED)
    x = left + 0.62 / width
    for phase_id, name in legend:
        box = Rectangle((x, y - 0.045 / height), 0.16 / width, 0.09 / height, transform=fig.transFigure)
        box.set_facecolor(level_colour(phase_id))
        box.set_edgecolor("none")
        fig.patches.append(box)
        fig.text(x + 0.21 / width, y, name, ha="left", va="center", fontsize=7, color=MUTED)
        x += (0.21 + 0.065 * max(4, len(name)) + 0.2) / width
