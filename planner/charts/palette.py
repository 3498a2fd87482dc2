"""The one palette of the product: maturity levels, phases and the report's ink colours.

The desktop app, the charts, the Excel workbook and the PDF report all take their colours from
here, so Crawl looks the same everywhere. Colours are ``#RRGGBB`` strings; :func:`excel_rgb`
gives the ``RRGGBB`` form openpyxl wants. No matplotlib import, so the app can use it at start-up.

The level colours run from a neutral grey (not started) through amber (crawl) and blue (walk) to
green (run): distinct for colour-blind readers in hue *and* lightness, and legible when printed in
greys. Levels of other models fall back to :data:`EXTRA_LEVEL_COLOURS` by position.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "ACCENT",
    "BAND_ALPHA",
    "CURRENT",
    "EXTRA_LEVEL_COLOURS",
    "GRID",
    "HORIZON_COLOURS",
    "INK",
    "LEVEL_COLOURS",
    "LIGHT_FILL",
    "MUTED",
    "NOT_APPLICABLE",
    "PROJECTION_COLOURS",
    "TARGET",
    "UNSCORED",
    "excel_rgb",
    "level_colour",
    "level_tint",
    "tint",
]

#: Maturity levels of the FinOps model (also the roadmap phases crawl, walk, run).
LEVEL_COLOURS: dict[str, str] = {
    "none": "#9AA3AE",
    "crawl": "#E0A030",
    "walk": "#2F7FC1",
    "run": "#2E9A62",
}
#: Colours for levels of other models, by level position.
EXTRA_LEVEL_COLOURS: tuple[str, ...] = ("#9AA3AE", "#E0A030", "#2F7FC1", "#2E9A62", "#7B5BA6", "#C4566B")

INK = "#1F2A37"  # body text
ACCENT = "#1F3A5F"  # headings, table headers, the report's navy
MUTED = "#6B7785"  # captions, secondary text
GRID = "#D5DAE1"  # rules and chart grids
LIGHT_FILL = "#F2F4F7"  # zebra rows, panels
CURRENT = "#1F3A5F"  # "current" series (navy)
TARGET = "#C4566B"  # "target" series (rose, dashed)
UNSCORED = "#FFFFFF"  # an unscored lens in the heatmap
NOT_APPLICABLE = "#E4E7EB"  # a not-applicable capability
#: Projection series after each phase, in phase order.
PROJECTION_COLOURS: tuple[str, ...] = ("#E0A030", "#2F7FC1", "#2E9A62", "#7B5BA6")
#: Opacity of the level bands drawn behind charts.
BAND_ALPHA = 0.12
#: Bands of the time horizons (Now, Next, Later), alternating, always used as light tints: the
#: bars in them carry the maturity colours.
HORIZON_COLOURS: tuple[str, ...] = (ACCENT, MUTED)


def level_colour(level_id: str | None, level_ids: Sequence[str] = ()) -> str:
    """Return the colour of a level (grey for ``None``).

    Args:
        level_id: the level's id.
        level_ids: the model's level ids, lowest first, for levels outside the FinOps palette.
    """
    if level_id is None:
        return LEVEL_COLOURS["none"]
    if level_id in LEVEL_COLOURS:
        return LEVEL_COLOURS[level_id]
    if level_id in level_ids:
        return EXTRA_LEVEL_COLOURS[list(level_ids).index(level_id) % len(EXTRA_LEVEL_COLOURS)]
    return MUTED


def tint(colour: str, strength: float) -> str:
    """Return ``#RRGGBB`` mixed with white (``strength`` 0 = white, 1 = the colour itself)."""
    base = colour.lstrip("#")
    channels = [int(base[i : i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(255 - (255 - c) * strength):02X}" for c in channels)


def level_tint(level_id: str | None, strength: float = 0.25, level_ids: Sequence[str] = ()) -> str:
    """Return a level's colour mixed with white (``strength`` 0 = white, 1 = full colour)."""
    return tint(level_colour(level_id, level_ids), strength)


def excel_rgb(colour: str) -> str:
    """Return ``#RRGGBB`` as the ``RRGGBB`` string openpyxl expects."""
    return colour.lstrip("#").upper()
