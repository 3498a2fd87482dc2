"""Fonts of the PDF report and the markup that keeps every script readable.

The report is set in DejaVu Sans (regular and bold; Latin, Greek, Cyrillic and many symbols),
bundled in ``resources/fonts/`` with its licence. reportlab has no glyph fallback of its own, so
:meth:`FontKit.markup` does it: it escapes the text (``xml.sax.saxutils.escape``: user text never
acts as reportlab markup), then wraps every run of characters DejaVu Sans lacks in
``<font name="...">`` for Droid Sans Fallback (Chinese, Japanese, Korean), also bundled. A
character neither font has (an emoji, say) is replaced by :data:`MISSING_MARKER` (U+FFFD, the
replacement character) and remembered in :attr:`FontKit.missing`; the exporter reports them as a
warning. Known limits of the bundled fonts: right-to-left scripts (Hebrew, Arabic) have glyphs in
DejaVu Sans but are printed in logical order, without shaping; Droid Sans Fallback has almost no
precomposed Korean syllables (Hangul), nor Thai, so those print as the marker and are reported.
DejaVu Sans does carry the common emoticons (U+1F600 block), printed in outline.

Fonts are registered with reportlab's font registry under the names below; registering is skipped
when a name is already there, so building many reports in one process costs the parsing once.
The fallback font (4 MB) is only parsed when a text needs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from exports.text import clean_text
from planner.resources import resource_path

__all__ = ["BODY_BOLD", "BODY_FONT", "FALLBACK_FONT", "MISSING_MARKER", "FontKit"]

BODY_FONT = "PlannerSans"
BODY_BOLD = "PlannerSans-Bold"
FALLBACK_FONT = "PlannerFallback"
MISSING_MARKER = "\ufffd"
_FILES = {
    BODY_FONT: "fonts/DejaVuSans.ttf",
    BODY_BOLD: "fonts/DejaVuSans-Bold.ttf",
    FALLBACK_FONT: "fonts/DroidSansFallbackFull.ttf",
}
_IGNORABLE = {"\n", "\t"}


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
    missing: set[str] = field(default_factory=set)

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

    def _font_of(self, char: str) -> str | None:
        """Return which font shows ``char``: body, fallback, or ``None`` for neither."""
        code = ord(char)
        if code in self.body or char in _IGNORABLE:
            return BODY_FONT
        if code in self._fallback():
            return FALLBACK_FONT
        return None

    def markup(self, text: str) -> str:
        """Return reportlab paragraph markup for plain user text: escaped, font runs switched.

        Line breaks become ``<br/>``; tabs become spaces. The result is safe inside any of our
        own markup templates (``<b>...</b>`` and the like).
        """
        parts = []
        for font, run in self.runs(text):
            chunk = escape(run).replace("\n", "<br/>").replace("\t", "    ")
            parts.append(chunk if font == BODY_FONT else f'<font name="{font}">{chunk}</font>')
        return "".join(parts)

    def runs(self, text: str, *, record: bool = True) -> list[tuple[str, str]]:
        """Split cleaned ``text`` into ``(font name, run)`` pairs, missing characters replaced.

        ``record=False`` measures without remembering missing characters (charts measure text
        before they draw it).
        """
        out: list[tuple[str, str]] = []
        run: list[str] = []
        run_font = BODY_FONT
        for char in clean_text(text):
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
