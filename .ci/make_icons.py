"""Regenerate the platform icons from resources/icons/planner.svg: ``.venv/bin/python .ci/make_icons.py``.

Each size is rendered from the SVG (no scaled-up bitmaps): app.ico (Windows, 16-256 px) and
app.icns (macOS, 16-1024 px). build.spec refuses to build on those systems without them.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """Return the SVG drawn at ``size`` x ``size`` pixels as an RGBA image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(buffer.data().data())).convert("RGBA")


def main() -> None:
    """Write app.ico and app.icns next to the SVG."""
    renderer = QSvgRenderer(str(ICONS / "planner.svg"))
    if not renderer.isValid():
        raise SystemExit("planner.svg is not a valid SVG")
    ico = [render(renderer, size) for size in ICO_SIZES]
    ico[-1].save(ICONS / "app.ico", sizes=[(s, s) for s in ICO_SIZES], append_images=ico[:-1])
    icns = [render(renderer, size) for size in ICNS_SIZES]
    icns[-1].save(ICONS / "app.icns", append_images=icns[:-1])
    print("wrote", ICONS / "app.ico", "and", ICONS / "app.icns")


if __name__ == "__main__":
    main()
