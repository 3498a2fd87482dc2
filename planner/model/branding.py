"""The firm's own look on its deliverables: a firm profile, its colour checks and its logo checks.

A :class:`FirmProfile` holds the firm name, a logo (PNG or JPEG bytes, embedded so a report
never depends on where the file was), a primary colour (cover band, headings, table headers),
an accent colour (rules), a contact line and a disclaimer. The profile lives in the
preferences; a project may carry its own (:mod:`planner.model.reportsettings`). Reports receive
bytes, never paths, and never need Qt: an SVG logo is rendered to PNG by the desktop app when it
is chosen.

Colour rules (WCAG 2 relative luminance): a colour that white text sits on, and that headings
are printed in, must reach :data:`MIN_CONTRAST` (3:1) against white, or it is refused. Headings
are bold and larger than body text, so they never rely on colour alone and stay headings in
black-and-white print. A colour that reads almost like a maturity level's colour gets a warning,
because the charts use those colours to mean a level.

Logo limits: at most :data:`MAX_LOGO_BYTES` (2 MB) and :data:`MAX_LOGO_SIDE` (4000 px) a side.
Anything else (a text file renamed ``.png``, a truncated file) is refused with one message
naming the file.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass

__all__ = [
    "DEFAULT_PRIMARY",
    "MAX_LOGO_BYTES",
    "MAX_LOGO_SIDE",
    "MIN_CONTRAST",
    "FirmProfile",
    "LogoError",
    "colour_problems",
    "colour_warnings",
    "contrast_ratio",
    "logo_kind",
    "logo_size",
]

MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_LOGO_SIDE = 4000
MIN_CONTRAST = 3.0
#: The product's own navy (used when a profile gives no colour).
DEFAULT_PRIMARY = "#1F3A5F"
_INK = "#1F2A37"
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
#: The maturity level colours a brand colour must not be mistaken for (kept in step with the palette).
_LEVELS = {"Not started": "#9AA3AE", "Crawl": "#E0A030", "Walk": "#2F7FC1", "Run": "#2E9A62"}


class LogoError(ValueError):
    """A logo cannot be used; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class FirmProfile:
    """The firm's look: name, logo (PNG/JPEG bytes or empty), colours ``#RRGGBB``, contact, disclaimer."""

    name: str = ""
    logo: bytes = b""
    primary: str = ""
    accent: str = ""
    contact: str = ""
    disclaimer: str = ""

    @property
    def empty(self) -> bool:
        """Whether nothing is set, so deliverables look exactly as without a profile."""
        return not (self.name or self.logo or self.primary or self.accent or self.contact or self.disclaimer)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(a: str, b: str) -> float:
    """Return the WCAG contrast ratio of two ``#RRGGBB`` colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def colour_problems(profile: FirmProfile) -> list[str]:
    """Return why the profile's colours cannot be used (empty: they can)."""
    problems = []
    for label, value in (("Primary colour", profile.primary), ("Accent colour", profile.accent)):
        if not value:
            continue
        if not _HEX.match(value):
            problems.append(f"{label} {value!r} is not a colour of the form #RRGGBB.")
            continue
        ratio = contrast_ratio(value, "#FFFFFF")
        if ratio < MIN_CONTRAST:
            problems.append(
                f"{label} {value} is too light: contrast {ratio:.1f}:1 against white, at least "
                f"{MIN_CONTRAST:.0f}:1 is needed for headings and white text on it to stay readable (also in print)."
            )
    return problems


def colour_warnings(profile: FirmProfile) -> list[str]:
    """Return cautions about usable colours: close to a maturity level colour, or to the body text."""
    warnings = []
    for label, value in (("Primary colour", profile.primary), ("Accent colour", profile.accent)):
        if not value or not _HEX.match(value):
            continue
        for level, shade in _LEVELS.items():
            if _distance(value, shade) < 60:
                warnings.append(
                    f"{label} {value} looks like the {level} level colour of the charts; readers may take it for a level."
                )
        if contrast_ratio(value, _INK) < 1.3 and label == "Primary colour":
            warnings.append(
                f"{label} {value} is almost the body text colour: headings are told apart by size and weight only."
            )
    return warnings


def _distance(a: str, b: str) -> float:
    return float(sum((int(a[i : i + 2], 16) - int(b[i : i + 2], 16)) ** 2 for i in (1, 3, 5)) ** 0.5)


def logo_kind(data: bytes) -> str:
    """Return ``"png"``, ``"jpeg"``, ``"svg"`` or ``""`` from the bytes themselves (never the file name)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    head = data[:2048].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head) or b"<svg" in head[:512]:
        return "svg"
    return ""


def logo_size(data: bytes, name: str) -> tuple[int, int]:
    """Check a PNG or JPEG logo and return its pixel size.

    Raises:
        LogoError: too large, broken, or not a PNG/JPEG image (the message names ``name``).
    """
    if not data:
        raise LogoError(f"Logo {name}: the file is empty.")
    if len(data) > MAX_LOGO_BYTES:
        raise LogoError(
            f"Logo {name}: {len(data) / 1048576:.1f} MB is too large (at most {MAX_LOGO_BYTES // 1048576} MB)."
        )
    kind = logo_kind(data)
    if kind == "png":
        size = _png_size(data)
    elif kind == "jpeg":
        size = _jpeg_size(data)
    elif kind == "svg":
        raise LogoError(
            f"Logo {name}: an SVG logo must be converted to PNG first (the app does this when you choose it)."
        )
    else:
        raise LogoError(f"Logo {name}: not a PNG, JPEG or SVG image.")
    if size is None:
        raise LogoError(f"Logo {name}: the image is broken (its header cannot be read).")
    width, height = size
    if not (0 < width <= MAX_LOGO_SIDE and 0 < height <= MAX_LOGO_SIDE):
        raise LogoError(f"Logo {name}: {width} x {height} pixels is too large (at most {MAX_LOGO_SIDE} a side).")
    return size


def _png_size(data: bytes) -> tuple[int, int] | None:
    if len(data) < 33 or data[12:16] != b"IHDR" or not data.rstrip(b"\0").endswith(b"IEND\xaeB`\x82"):
        return None
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        length = struct.unpack(">H", data[i + 2 : i + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return int(width), int(height)
        i += 2 + length
    return None
