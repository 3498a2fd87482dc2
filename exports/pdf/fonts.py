"""Fonts of the PDF report and the markup that keeps every script readable.

The report is set in DejaVu Sans (regular and bold; Latin, Greek, Cyrillic, Hebrew, Arabic and
many symbols, the common emoticons among them), bundled in ``resources/fonts/`` with its licence.
reportlab has no glyph fallback of its own, so :meth:`FontKit.markup` does it: it escapes the text
(``xml.sax.saxutils.escape``: user text never acts as reportlab markup), then wraps every run of
characters DejaVu Sans lacks in ``<font name="...">``: Korean (Hangul) in NanumGothic, other
Chinese, Japanese and Korean characters in Droid Sans Fallback, both bundled (Droid Sans Fallback
has 3 of the 11,172 Hangul syllables, so Hangul goes to NanumGothic first). A character no bundled
font has (most emoji, Thai, hieroglyphs) is replaced by :data:`MISSING_MARKER` (U+FFFD, the
replacement character) and remembered in :attr:`FontKit.missing`; the exporter reports them as a
warning. Right-to-left lines (Hebrew, Arabic) are turned into visual order, Arabic joined, by
:func:`exports.pdf.script.visual` on their way through :meth:`FontKit.runs`; long right-to-left
paragraphs are wrapped first by :mod:`exports.pdf.bidi`.

Fonts are registered with reportlab's font registry under the names below; registering is skipped
when a name is already there, so building many reports in one process costs the parsing once.
The fallback fonts (4 and 4.5 MB) are only parsed when a text needs them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from exports.pdf.script import Direction, visual
from exports.text import clean_text
from planner.resources import resource_path

__all__ = ["BODY_BOLD", "BODY_FONT", "FALLBACK_FONT", "HANGUL_FONT", "MISSING_MARKER", "FontKit"]

BODY_FONT = "PlannerSans"
BODY_BOLD = "PlannerSans-Bold"
FALLBACK_FONT = "PlannerFallback"
HANGUL_FONT = "PlannerHangul"
MISSING_MARKER = "\ufffd"
_FILES = {
    BODY_FONT: "fonts/DejaVuSans.ttf",
    BODY_BOLD: "fonts/DejaVuSans-Bold.ttf",
    FALLBACK_FONT: "fonts/DroidSansFallbackFull.ttf",
    HANGUL_FONT: "fonts/NanumGothic.ttf",
}
#: Hangul syllables and jamo (all four blocks): NanumGothic before Droid Sans Fallback.
_HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF))
_IGNORABLE = frozenset({"\n", "\t"})


def _register(name: str) -> frozenset[int]:
    """Register a bundled font with reportlab (once) and return the code points it covers."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(resource_path(_FILES[name]))))
    font = pdfmetrics.getFont(name)
    return frozenset(font.face.charToGlyph)


@dataclass
class FontKit:
    """The report's fonts for one build, and the characters no bundled font could show."""

    body: frozenset[int] = field(default_factory=frozenset)
    fallback: frozenset[int] | None = None
    hangul: frozenset[int] | None = None
    missing: set[str] = field(default_factory=set)
    body_chars: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        # The same coverage as characters: most texts are all body text, one set test away.
        self.body_chars = frozenset(map(chr, self.body)) | _IGNORABLE

    @classmethod
    def load(cls) -> FontKit:
        """Register the body fonts (regular and bold, family-linked for ``<b>``)."""
        from reportlab.lib.fonts import addMapping

        body = _register(BODY_FONT)
        _register(BODY_BOLD)
        addMapping(BODY_FONT, 0, 0, BODY_FONT)
        addMapping(BODY_FONT, 1, 0, BODY_BOLD)
        addMapping(BODY_FONT, 0, 1, BODY_FONT)
        addMapping(BODY_FONT, 1, 1, BODY_BOLD)
        return cls(body=body)

    def _fallback(self) -> frozenset[int]:
        if self.fallback is None:
            self.fallback = _register(FALLBACK_FONT)
        return self.fallback

    def _hangul(self) -> frozenset[int]:
        if self.hangul is None:
            self.hangul = _register(HANGUL_FONT)
        return self.hangul

    def _font_of(self, char: str) -> str | None:
        """Return which font shows ``char``: body, a fallback, or ``None`` for none of them."""
        code = ord(char)
        if code in self.body or char in _IGNORABLE:
            return BODY_FONT
        if any(low <= code <= high for low, high in _HANGUL) and code in self._hangul():
            return HANGUL_FONT
        if code in self._fallback():
            return FALLBACK_FONT
        if code in self._hangul():
            return HANGUL_FONT
        return None

    def markup(self, text: str, base: Direction | None = None) -> str:
        """Return reportlab paragraph markup for plain user text: escaped, font runs switched.

        Line breaks become ``<br/>``; tabs become spaces. The result is safe inside any of our
        own markup templates (``<b>...</b>`` and the like). Right-to-left lines are in visual
        order (``base``: see :meth:`runs`).
        """
        parts = []
        for font, run in self.runs(text, base=base):
            chunk = escape(run).replace("\n", "<br/>").replace("\t", "    ")
            parts.append(chunk if font == BODY_FONT else f'<font name="{font}">{chunk}</font>')
        return "".join(parts)

    def runs(self, text: str, *, record: bool = True, base: Direction | None = None) -> list[tuple[str, str]]:
        """Split cleaned ``text`` into ``(font name, run)`` pairs, missing characters replaced.

        Each line with right-to-left letters comes in visual order (:func:`~exports.pdf.script.visual`),
        in direction ``base``, or the line's own when ``None``. ``record=False`` measures without
        remembering missing characters (charts measure text before they draw it).
        """
        shown = "\n".join(visual(line, base) for line in clean_text(text).split("\n"))
        if self.body_chars.issuperset(shown):
            return [(BODY_FONT, shown)] if shown else []
        out: list[tuple[str, str]] = []
        run: list[str] = []
        run_font = BODY_FONT
        for char in shown:
            font = self._font_of(char)
            if font is None:
                if record:
                    self.missing.add(char)
                char, font = MISSING_MARKER, BODY_FONT
            if font != run_font and run:
                out.append((run_font, "".join(run)))
                run.clear()
            run_font = font
            run.append(char)
        if run:
            out.append((run_font, "".join(run)))
        return out

    def warning(self) -> str | None:
        """Return the warning about characters printed as the marker, or ``None``."""
        if not self.missing:
            return None
        shown = " ".join(sorted(self.missing)[:12])
        codes = ", ".join(f"U+{ord(c):04X}" for c in sorted(self.missing)[:12])
        more = "" if len(self.missing) <= 12 else f" and {len(self.missing) - 12} more"
        return (
            f"The PDF shows {len(self.missing)} character(s) as {MISSING_MARKER} because no bundled font has them: "
            f"{shown} ({codes}){more}"
        )
