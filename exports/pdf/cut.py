"""Very long texts in the PDF: cut visibly, with a warning, where layout would take minutes.

Every text the consultant may type fits the project's limits (:mod:`planner.model.limits`: a note
may hold 200,000 characters), and the PDF lays out any of it: rows taller than a page split
(:class:`~exports.pdf.layout.ReportTable`), long words break between characters. But reportlab's
time grows with the square of a paragraph's lines and quickly with the length of a single
unbroken word: a note of 100,000 short lines takes many minutes. So a text longer than
:data:`PDF_TEXT_MAX` characters or :data:`PDF_LINES_MAX` lines is cut there, and the cut is
marked where it happens ("… [cut: 12,345 more characters; the full text is in the project file]")
and reported as an exporter warning naming the text by its first words.

Texts drawn in the page header, footer and cover band are one line each, shortened with an
ellipsis (:func:`one_line_of`); they are not reported, since the cover prints them whole.

Decisions: the limits keep the 50,000-character note of the hostile tests whole, and the worst
report (several texts at the limit) building in well under a minute. The workbook is not the
place to send the reader: it keeps at most 32,767 characters per cell; the project file has it all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from exports.text import clean_text, one_line

__all__ = ["PDF_LINES_MAX", "PDF_TEXT_MAX", "Cuts", "cut_marker", "one_line_of"]

#: The most characters of one text the PDF prints.
PDF_TEXT_MAX = 60_000
#: The most lines (typed line breaks) of one text the PDF prints.
PDF_LINES_MAX = 600
#: How many cut texts the warning names.
_NAMED = 5


def cut_marker(rest: int) -> str:
    """Return the visible mark that ``rest`` characters of a text were left out."""
    return f" \u2026 [cut: {rest:,} more characters; the full text is in the project file]"


def one_line_of(text: str, limit: int = 120) -> str:
    """Return ``text`` on one line, at most ``limit`` characters (an ellipsis marks a shortened text)."""
    flat = one_line(text)
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "\u2026"


@dataclass
class Cuts:
    """The texts one report cut (the first words of each), for the exporter's warning."""

    names: list[str] = field(default_factory=list)

    def fit(self, text: str) -> str:
        """Return ``text`` cleaned, cut after :data:`PDF_TEXT_MAX` characters or :data:`PDF_LINES_MAX` lines."""
        text = clean_text(text)
        end = min(len(text), PDF_TEXT_MAX)
        if text.count("\n", 0, end) >= PDF_LINES_MAX:
            at = -1
            for _ in range(PDF_LINES_MAX):
                at = text.index("\n", at + 1)
            end = at
        if end >= len(text):
            return text
        self.names.append(one_line_of(text, 40))
        return text[:end] + cut_marker(len(text) - end)

    def warning(self) -> str | None:
        """Return the warning naming the cut texts, or ``None`` when nothing was cut."""
        if not self.names:
            return None
        named = ", ".join(f"\u201c{name}\u201d" for name in self.names[:_NAMED])
        more = "" if len(self.names) <= _NAMED else f" and {len(self.names) - _NAMED} more"
        return (
            f"The PDF cuts {len(self.names)} very long text(s) after {PDF_TEXT_MAX:,} characters or "
            f"{PDF_LINES_MAX} lines, marked \u201c[cut: \u2026]\u201d where they stop: {named}{more}"
        )
