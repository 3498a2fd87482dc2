"""The firm's logo on the PDF cover: in a white panel at the right of the cover band.

The logo arrives as PNG or JPEG bytes (:class:`~planner.model.branding.FirmProfile`), already
checked; it is scaled to fit :data:`LOGO_BOX` keeping its proportions, on a white panel so that a
dark logo stays visible on a dark band. The firm's name is in the band itself
(:class:`~exports.pdf.layout.ReportDoc`), so a logo that is only a picture still leaves the firm
named in text. Marks (draft, internal) are drawn under the band and never covered.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from planner.model.branding import FirmProfile

__all__ = ["LOGO_BOX", "draw_cover_brand"]

#: The largest the cover logo is drawn, in points (width, height).
LOGO_BOX = (55 * mm, 26 * mm)
_PAD = 2.5 * mm


def draw_cover_brand(canvas: Canvas, brand: FirmProfile, right: float, band_bottom: float) -> None:
    """Draw the logo right-aligned at ``right`` inside the cover band whose bottom edge is ``band_bottom``."""
    if not brand.logo:
        return
    from reportlab.lib.utils import ImageReader

    image = ImageReader(io.BytesIO(brand.logo))
    width, height = image.getSize()
    scale = min(LOGO_BOX[0] / width, LOGO_BOX[1] / height)
    w, h = width * scale, height * scale
    x = right - w
    y = band_bottom + (38 * mm - h) / 2
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.roundRect(x - _PAD, y - _PAD, w + 2 * _PAD, h + 2 * _PAD, 1.5 * mm, stroke=0, fill=1)
    canvas.drawImage(image, x, y, w, h, mask="auto")
    canvas.restoreState()
