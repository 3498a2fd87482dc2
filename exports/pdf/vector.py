"""Draw a matplotlib figure straight onto the PDF page as vector graphics.

The report's charts come from the :mod:`planner.charts` factories, the same figures the desktop
app shows. Rasterising them (matplotlib's Agg renderer, then a lossless image in the PDF) cost
most of the report's build time: Agg renders every glyph of every label. This small matplotlib
renderer instead replays the figure's paths and texts as reportlab canvas operations, so charts
print sharp at any zoom, their text is searchable, the file is smaller and the build is several
times faster.

What it supports is what the chart factories use: filled and stroked paths (lines, bars, patches,
polar grids) with colour, alpha, line width, dashes, caps, joins and clipping (rectangles and
paths), markers, and plain text at any angle in the report's fonts. Text goes through
:meth:`FontKit.runs`, so CJK switches to the fallback font and characters no font has are
replaced and reported, as everywhere else in the report. Images, hatching and mathtext are not
supported (the factories use none; mathtext is switched off for every label).
"""

from __future__ import annotations

from typing import Any, cast

from matplotlib.backend_bases import GraphicsContextBase, RendererBase
from matplotlib.path import Path
from reportlab.pdfbase.pdfmetrics import stringWidth

from exports.pdf.fonts import BODY_BOLD, BODY_FONT, FontKit
from exports.pdf.layout import FixedBox

__all__ = ["VectorChart"]

_CAPS = {"butt": 0, "round": 1, "projecting": 2}
# The ink extent of "lp" in DejaVu Sans per point of size, as matplotlib measures it. matplotlib
# gives every line of text at least this box, so using it for every line keeps the layout it
# would compute, without a font rasteriser call per label.
_INK_HEIGHT = 0.968
_INK_DESCENT = 0.208
_JOINS = {"miter": 0, "round": 1, "bevel": 2}


class _Renderer(RendererBase):
    """A matplotlib renderer whose output is reportlab canvas operations (1 pixel = 1 point)."""

    def __init__(self, canv: Any, width: float, height: float, fonts: FontKit) -> None:
        super().__init__()
        self.canv = canv
        self.width = width
        self.height = height
        self.fonts = fonts
        self._clips: dict[tuple[int, bytes], Any] = {}

    # -- geometry -------------------------------------------------------------------------------
    def flipy(self) -> bool:
        return False

    def get_canvas_width_height(self) -> tuple[float, float]:
        return self.width, self.height

    def points_to_pixels(self, points: Any) -> Any:
        return points

    def new_gc(self) -> GraphicsContextBase:
        return GraphicsContextBase()

    def _clip(self, gc: GraphicsContextBase) -> None:
        canv = self.canv
        rect = gc.get_clip_rectangle()
        if rect is not None:
            path = canv.beginPath()
            path.rect(rect.x0, rect.y0, rect.width, rect.height)
            canv.clipPath(path, stroke=0, fill=0)
        clip_path, clip_transform = cast("tuple[Any, Any]", gc.get_clip_path())
        if clip_path is not None:
            # Polar axes clip every artist to the same many-sided circle: convert it once.
            key = (id(clip_path), clip_transform.get_matrix().tobytes())
            found = self._clips.get(key)
            if found is None:
                found = self._clips[key] = self._path(clip_path, clip_transform)
            canv.clipPath(found, stroke=0, fill=0)

    def _path(self, path: Path, transform: Any) -> Any:
        """Return a reportlab path of ``path`` in page coordinates (NaN vertices break the line)."""
        out = self.canv.beginPath()
        vertices = transform.transform(path.vertices).tolist()
        raw_codes: Any = path.codes
        codes = raw_codes.tolist() if raw_codes is not None else [Path.MOVETO] + [Path.LINETO] * (len(vertices) - 1)
        i, count, pen_up = 0, len(vertices), True
        last = (0.0, 0.0)
        while i < count:
            code = codes[i]
            x, y = vertices[i]
            if code == Path.STOP:
                break
            if code == Path.CLOSEPOLY:
                out.close()
                i += 1
                continue
            if x != x or y != y:  # NaN
                pen_up = True
                i += 1
                continue
            if code == Path.MOVETO or pen_up:
                out.moveTo(x, y)
                pen_up = False
            elif code == Path.LINETO:
                out.lineTo(x, y)
            elif code == Path.CURVE4 and i + 2 < count:
                (x2, y2), (x3, y3) = vertices[i + 1], vertices[i + 2]
                out.curveTo(x, y, x2, y2, x3, y3)
                x, y = x3, y3
                i += 2
            elif code == Path.CURVE3 and i + 1 < count:
                ex, ey = vertices[i + 1]
                x0, y0 = last
                out.curveTo(
                    x0 + 2 / 3 * (x - x0), y0 + 2 / 3 * (y - y0), ex + 2 / 3 * (x - ex), ey + 2 / 3 * (y - ey), ex, ey
                )
                x, y = ex, ey
                i += 1
            last = (x, y)
            i += 1
        return out

    def draw_path(self, gc: GraphicsContextBase, path: Path, transform: Any, rgbFace: Any = None) -> None:
        canv = self.canv
        stroke_rgba = gc.get_rgb()
        width = gc.get_linewidth()
        stroke = width > 0 and stroke_rgba[3] > 0
        fill = rgbFace is not None and (len(rgbFace) < 4 or rgbFace[3] > 0)
        if not (stroke or fill):
            return
        canv.saveState()
        self._clip(gc)
        if fill:
            alpha = gc.get_alpha() if gc.get_forced_alpha() else (rgbFace[3] if len(rgbFace) > 3 else 1.0)
            canv.setFillColorRGB(*rgbFace[:3])
            canv.setFillAlpha(alpha)
        if stroke:
            canv.setStrokeColorRGB(*stroke_rgba[:3])
            canv.setStrokeAlpha(stroke_rgba[3])
            canv.setLineWidth(width)
            canv.setLineCap(_CAPS.get(gc.get_capstyle(), 0))
            canv.setLineJoin(_JOINS.get(gc.get_joinstyle(), 0))
            offset, dashes = cast("tuple[float | None, Any]", gc.get_dashes())
            if dashes is not None and len(dashes):
                canv.setDash([float(d) for d in dashes], offset or 0)
        canv.drawPath(self._path(path, transform), stroke=1 if stroke else 0, fill=1 if fill else 0)
        canv.restoreState()

    def draw_image(self, gc: GraphicsContextBase, x: float, y: float, im: Any, transform: Any = None) -> None:
        raise NotImplementedError("images are not drawn as vectors")

    # -- text -----------------------------------------------------------------------------------
    @staticmethod
    def _font(prop: Any) -> str:
        weight = prop.get_weight()
        bold = weight in ("bold", "heavy", "black", "semibold", "demibold", "extra bold") or (
            isinstance(weight, int) and weight >= 600
        )
        return BODY_BOLD if bold else BODY_FONT

    def get_text_width_height_descent(self, s: str, prop: Any, ismath: Any) -> tuple[float, float, float]:
        size = prop.get_size_in_points()
        height, descent = _INK_HEIGHT * size, _INK_DESCENT * size
        font = self._font(prop)
        width = sum(
            stringWidth(text, font if name == BODY_FONT else name, size)
            for name, text in self.fonts.runs(s, record=False)
        )
        return width, height, descent

    def draw_text(
        self,
        gc: GraphicsContextBase,
        x: float,
        y: float,
        s: str,
        prop: Any,
        angle: float,
        ismath: Any = False,
        mtext: Any = None,
    ) -> None:
        canv = self.canv
        size = prop.get_size_in_points()
        font = self._font(prop)
        rgba = gc.get_rgb()
        canv.saveState()
        self._clip(gc)
        canv.translate(x, y)
        if angle:
            canv.rotate(angle)
        canv.setFillColorRGB(*rgba[:3])
        canv.setFillAlpha(gc.get_alpha() if gc.get_forced_alpha() else rgba[3])
        cursor = 0.0
        for name, text in self.fonts.runs(s):
            face = font if name == BODY_FONT else name
            canv.setFont(face, size)
            canv.drawString(cursor, 0, text)
            cursor += stringWidth(text, face, size)
        canv.restoreState()


class VectorChart(FixedBox):
    """A matplotlib figure drawn as vectors, scaled to ``width`` x ``height`` points, centred."""

    def __init__(self, figure: Any, fonts: FontKit, width: float, height: float) -> None:
        super().__init__(width, height)
        self.figure = figure
        self.fonts = fonts

    def draw(self) -> None:
        """Replay the figure onto the canvas."""
        fig = self.figure
        fig.set_dpi(72)
        fig_w, fig_h = (float(v) * 72 for v in fig.get_size_inches())
        canv = self.canv
        canv.saveState()
        canv.scale(self.width / fig_w, self.height / fig_h)
        fig.draw(_Renderer(canv, fig_w, fig_h, self.fonts))
        canv.restoreState()
