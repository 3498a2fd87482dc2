"""Read a logo file chosen by the consultant into PNG bytes for the firm profile.

Every logo is decoded here, once, when it is chosen: PNG and JPEG with :class:`QImage` (a file
that is not really an image, or is truncated, fails to decode), SVG rendered with Qt's
:class:`QSvgRenderer` to a PNG :data:`SVG_HEIGHT` pixels high. The profile keeps PNG bytes
(JPEG is re-encoded as PNG too), so the exports never need Qt or an SVG library and never depend
on the file's path later. Limits are :mod:`planner.model.branding`'s: 2 MB, 4000 px a side.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from planner.model.branding import MAX_LOGO_BYTES, LogoError, logo_kind, logo_size

__all__ = ["SVG_HEIGHT", "read_logo"]

#: The height an SVG logo is rendered at, in pixels (sharp on a printed cover at its 26 mm).
SVG_HEIGHT = 600


def read_logo(path: Path) -> bytes:
    """Return the logo at ``path`` as PNG bytes.

    Raises:
        LogoError: unreadable, too large, broken or not an image; the message names the file.
    """
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_LOGO_BYTES:
            raise LogoError(
                f"Logo {name}: {size / 1048576:.1f} MB is too large (at most {MAX_LOGO_BYTES // 1048576} MB)."
            )
        data = path.read_bytes()
    except OSError as exc:
        raise LogoError(f"Logo {name}: cannot be read ({exc.strerror or exc}).") from None
    if logo_kind(data) == "svg":
        return _png(_render_svg(data, name), name)
    logo_size(data, name)  # size, dimensions and kind from the header
    image = QImage()
    if not image.loadFromData(QByteArray(data)) or image.isNull():
        raise LogoError(f"Logo {name}: the image is broken (it cannot be decoded).")
    return _png(image, name)


def _render_svg(data: bytes, name: str) -> QImage:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(data))
    box = renderer.viewBoxF()
    if not renderer.isValid() or box.width() <= 0 or box.height() <= 0:
        raise LogoError(f"Logo {name}: the SVG drawing is broken (it cannot be rendered).")
    width = max(1, min(4000, round(SVG_HEIGHT * box.width() / box.height())))
    image = QImage(width, SVG_HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, width, SVG_HEIGHT))
    painter.end()
    return image


def _png(image: QImage, name: str) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs ask for bytes, the binding for str
    buffer.close()
    data = bytes(array.data())
    logo_size(data, name)
    return data
