"""Scripts reportlab does not lay out by itself: right-to-left text, and its text layer.

PDF has no notion of writing direction: a viewer shows glyphs where the content stream puts them,
and reportlab writes the characters of a string left to right in the order given (its own
bidi support needs a module that is not published). So text with Hebrew or Arabic letters is
turned into *visual order* before it is drawn: :func:`visual` joins Arabic letters into their
contextual forms (``arabic_reshaper``, the Unicode presentation forms DejaVu Sans carries) and
reorders each line with the Unicode bidirectional algorithm (``python-bidi``). The line is one
direction throughout (``base``): a note that starts in Hebrew reads right to left, and the Latin
words inside it stay left to right; a Latin note with a Hebrew name keeps its order and shows the
name right to left. Wrapping a long note must happen *before* the reordering (the first line of
a right-to-left paragraph holds its first words): :mod:`exports.pdf.bidi` does that.

The text layer: readers (pdftotext, pypdf, Acrobat's copy and search) put the visual order back
into logical order themselves, so the extracted text equals what was typed. What they cannot undo
is shaping: the presentation forms are other code points. :func:`to_unicode_cmap` therefore maps
each presentation form in a font's ToUnicode table to the letters it shows (its compatibility
decomposition), and writes characters outside the Basic Multilingual Plane (DejaVu Sans has the
emoticons, U+1F600 and on) as the UTF-16 surrogate pairs the PDF format requires; reportlab
writes them as five hex digits, which readers reject, so the text of an emoji would be lost.
:func:`extractable_text` puts that table in place while a report is built.

Known limits. PDF has no paragraph direction, so readers order the runs of a line left to right:
a right-to-left line holding Latin words or digits extracts with its runs in the order drawn,
each run as typed (``Hebrew first ... שלום`` for ``שלום Hebrew first ...``). pdftotext reverses
the two letters of the lam-alef ligature (pypdf does not). Brackets inside right-to-left runs are
not mirrored (python-bidi reorders but does not mirror). Presentation forms typed as such (rare;
pasted from old PDFs) come back as plain letters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

__all__ = ["Direction", "base_direction", "extractable_text", "has_rtl", "to_unicode_cmap", "visual"]

Direction = Literal["L", "R"]

#: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan ... and their presentation forms.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]")
#: Arabic presentation forms (what shaping produces): the text layer names the letters instead.
_SHAPED = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def has_rtl(text: str) -> bool:
    """Return whether ``text`` holds a right-to-left letter (and so needs :func:`visual`)."""
    return _RTL.search(text) is not None


def base_direction(text: str) -> Direction:
    """Return the direction of a paragraph: that of its first strong letter (left to right if none)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "L"
        if kind in ("R", "AL"):
            return "R"
    return "L"


def visual(line: str, base: Direction | None = None) -> str:
    """Return one line in the order it is drawn left to right, Arabic letters joined.

    ``base`` is the paragraph's direction (from :func:`base_direction` of the whole paragraph
    when a line is part of a wrapped one); by default the line's own. Lines without right-to-left
    letters come back unchanged.
    """
    if not has_rtl(line):
        return line
    import arabic_reshaper  # type: ignore[import-untyped]
    from bidi import get_display  # type: ignore[import-untyped]

    shown = get_display(arabic_reshaper.reshape(line), base_dir=base or base_direction(line))
    return str(shown)


def _utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """Return the ToUnicode CMap of one font subset (reportlab's, with correct targets).

    Same layout as reportlab's ``makeToUnicodeCMap``; the difference is each code's target:
    UTF-16 (surrogate pairs beyond U+FFFF), and the letters an Arabic presentation form shows.
    """
    targets = []
    for code, char in enumerate(map(chr, subset)):
        text = unicodedata.normalize("NFKC", char) if _SHAPED.match(char) else char
        targets.append(f"<{code:02X}> <{_utf16(text)}>")
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *targets,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


@contextmanager
def extractable_text() -> Iterator[None]:
    """Have reportlab write :func:`to_unicode_cmap` tables while the block runs (restored after).

    reportlab looks the function up in its ``ttfonts`` module when a document is saved; there is
    no setting for it. The replacement is only in place during our own build.
    """
    from reportlab.pdfbase import ttfonts

    previous = ttfonts.makeToUnicodeCMap
    ttfonts.makeToUnicodeCMap = to_unicode_cmap
    try:
        yield
    finally:
        ttfonts.makeToUnicodeCMap = previous
