"""Figure set-up shared by every chart: size, fonts with a CJK fallback, PNG rendering.

Charts use matplotlib's bundled DejaVu Sans (the same face as the PDF report) and fall back to the
bundled Droid Sans Fallback for characters DejaVu lacks, so a Japanese initiative title in the
Gantt chart prints as text rather than boxes. The fallback font is added to matplotlib's font
manager the first time a chart is finished (it is looked up there, so adding it twice is avoided).
"""

from __future__ import annotations

import io
import logging
from typing import TYPE_CHECKING

from planner.charts.palette import INK

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from PIL import Image

__all__ = [
    "FONT_FAMILY",
    "figure_image",
    "figure_png",
    "finish",
    "new_figure",
    "rewrap_tick_labels",
    "scale_text",
    "shorten",
    "smallest_text",
]

log = logging.getLogger(__name__)

#: The font families charts ask for, first choice first.
FONT_FAMILY: list[str] = ["DejaVu Sans", "Droid Sans Fallback"]
_FALLBACK_FILE = "fonts/DroidSansFallbackFull.ttf"
_FALLBACK_FROM = 0x2E80  # CJK radicals onwards: DejaVu Sans has none of these


def new_figure(width: float, height: float) -> Figure:
    """Return an empty figure of ``width`` x ``height`` inches with a white background."""
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), facecolor="white")


def _register_fallback_font() -> None:
    from matplotlib import font_manager

    from planner.resources import ResourceError, resource_path

    try:
        path = str(resource_path(_FALLBACK_FILE))
    except ResourceError:
        log.warning("the CJK fallback font is missing; charts may show boxes for CJK text")
        return
    manager = font_manager.fontManager
    if not any(entry.fname == path for entry in manager.ttflist):
        manager.addfont(path)


def _needs_fallback(text: str) -> bool:
    """Return whether ``text`` holds characters beyond DejaVu Sans (CJK and later blocks)."""
    return any(ord(char) >= _FALLBACK_FROM for char in text)


def finish(fig: Figure) -> Figure:
    """Set the ink colour on every text of ``fig`` and the CJK fallback font where a text needs it.

    Only texts with characters from U+2E80 on get the fallback family (and regular weight: the
    fallback font has no bold), so the common case renders without font look-ups. Mathtext is
    switched off everywhere: a label such as "save $5k or $10k" is text, not a formula.
    """
    from matplotlib.text import Text

    for text in fig.findobj(Text):
        text.set_parse_math(False)
        if _needs_fallback(text.get_text()):
            _register_fallback_font()
            text.set_fontfamily(FONT_FAMILY)
            text.set_fontweight("normal")
        if text.get_color() in ("black", "#000000", (0.0, 0.0, 0.0, 1.0)):
            text.set_color(INK)
    return fig


def figure_image(fig: Figure, dpi: int = 150) -> Image.Image:
    """Render a figure to an RGB image in memory (what a PDF embeds, without a PNG round trip)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    fig.set_dpi(dpi)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()  # type: ignore[no-untyped-call]  # matplotlib leaves the Agg canvas unannotated
    width, height = canvas.get_width_height()
    pixels = canvas.buffer_rgba()  # type: ignore[no-untyped-call]  # (same)
    return Image.frombuffer("RGBA", (width, height), pixels, "raw", "RGBA", 0, 1).convert("RGB")


def figure_png(fig: Figure, dpi: int = 200) -> bytes:
    """Render a figure to PNG bytes (no pyplot, no GUI backend)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


def shorten(text: str, limit: int) -> str:
    """Return ``text`` on one line, cut to ``limit`` characters with an ellipsis when longer."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: max(1, limit - 1)].rstrip() + "\u2026"


def smallest_text(fig: Figure) -> float:
    """Return the smallest font size (points) of any visible, non-empty text in ``fig`` (10 if none)."""
    from matplotlib.text import Text

    sizes = [float(t.get_fontsize()) for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    return float(min(sizes, default=10.0))


def scale_text(fig: Figure, factor: float, *, fit_margins: bool = True) -> Figure:
    """Make every text of ``fig`` ``factor`` times larger, then fit the margins to the larger labels.

    For screens where the text size was raised (a projector): the figure keeps its size, its texts
    grow, and the axes give them room (matplotlib's tight layout). Charts placed in data
    coordinates (the heatmap) keep their margins (``fit_margins=False``) and take only a modest factor.
    """
    from matplotlib.text import Text

    if factor == 1.0:
        return fig
    for text in fig.findobj(Text):
        text.set_fontsize(float(text.get_fontsize()) * factor)
    if fit_margins:
        fig.set_layout_engine("tight", pad=0.6)
    return fig


def rewrap_tick_labels(fig: Figure, width: int) -> None:
    """Wrap the x tick labels of ``fig``'s first axes at ``width`` characters (a radar's names, for large text)."""
    import textwrap

    if not fig.axes:
        return
    ax = fig.axes[0]
    labels = ax.get_xticklabels()
    size = labels[0].get_fontsize() if labels else None
    texts = [textwrap.fill(" ".join(label.get_text().split()), width, break_long_words=False) for label in labels]
    ax.set_xticks(ax.get_xticks(), texts, fontsize=size)
